-- 15: a unit's short forms (简称) for search (issue 18 point 5).
--
-- 住建 and 住建局 find 县住房和城乡建设局: the ledger's text filter matches a unit by its name, its
-- pinyin initials or any of its aliases, and finds the tasks it leads and those it co-handles.
-- Every unit starts with the short forms derived by rule from its name
-- (`domain::alias::default_aliases`, registered as `duban_default_aliases`, a JSON array);
-- `duban unit alias` edits the list.
CREATE TABLE unit_alias (
    unit_id  INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (unit_id, alias)
) WITHOUT ROWID;
INSERT OR IGNORE INTO unit_alias (unit_id, alias)
    SELECT u.id, j.value FROM unit u, json_each(duban_default_aliases(u.name)) j;
