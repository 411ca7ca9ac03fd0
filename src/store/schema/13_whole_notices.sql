-- 13: a year's holiday notice counts as known only when it was imported as a whole: at least three
-- days off of its Spring Festival (15 January to the end of February) and three of its National
-- Day (1 to 8 October) among the days listed. An older duban recorded a year as known from any
-- row of it; such a year is counted Monday–Friday again (its deadlines provisional). The stored
-- deadlines were computed with it known: the setting they were computed with is forgotten, so
-- the next open by an editor recomputes them all (Store::sync_derived_deadlines).
CREATE TEMP TABLE partial_year AS
SELECT y.year FROM calendar_year y
WHERE (SELECT count(*) FROM calendar_day c WHERE c.off = 1
       AND c.date BETWEEN printf('%04d-01-15', y.year) AND printf('%04d-02-29', y.year)) < 3
   OR (SELECT count(*) FROM calendar_day c WHERE c.off = 1
       AND c.date BETWEEN printf('%04d-10-01', y.year) AND printf('%04d-10-08', y.year)) < 3;
DELETE FROM setting WHERE key = 'default_limit_workdays' AND EXISTS (SELECT 1 FROM partial_year);
DELETE FROM calendar_year WHERE year IN (SELECT year FROM partial_year);
DROP TABLE partial_year;
