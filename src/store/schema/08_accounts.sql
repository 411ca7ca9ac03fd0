-- 8: accounts and the audit chain.
--
-- Who may do what (`crate::domain::Role`): one row per operating-system account. The store reads
-- the caller's row in every write transaction, so a changed role counts from the next write.
CREATE TABLE account (
    name     TEXT PRIMARY KEY,
    role     TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    version  INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

-- Each audit row carries a SHA-256 over its own fields and the hash of the row before it, so an
-- edited, removed or inserted row breaks the chain (`duban check`). Rows written before this
-- migration are chained by the first open after it (`Store::chain_old_audit_rows`): the setting
-- names the last of them, and no later row may be left without a hash.
ALTER TABLE audit ADD COLUMN hash TEXT;
INSERT INTO setting (key, value) SELECT 'audit_unchained_upto', max(id) FROM audit HAVING max(id) IS NOT NULL;
