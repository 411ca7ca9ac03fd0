
ALTER TABLE audit ADD COLUMN undoes INTEGER REFERENCES audit(id);
CREATE UNIQUE INDEX audit_undoes ON audit(undoes) WHERE undoes IS NOT NULL;
CREATE INDEX audit_user ON audit(user, id);
