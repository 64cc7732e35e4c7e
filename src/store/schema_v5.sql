-- Schema version 5: notes from an import or a sync bundle are indexed for search at commit.

-- Notes are indexed for search as they are added, except in a bulk transaction (an
-- import, a sync bundle), which indexes all of its notes at commit in one statement:
-- FTS5 writes out its pending index at the end of every statement, so indexing 50,000
-- notes one by one took a third of a sync import's time. cb_search_live() is the app's.
DROP TRIGGER notes_fts_insert;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes WHEN cb_search_live() BEGIN
  INSERT INTO notes_fts(rowid, worries, working_well, needs_to_happen, body)
  VALUES (NEW.rowid, NEW.worries, NEW.working_well, NEW.needs_to_happen, NEW.body);
END;
