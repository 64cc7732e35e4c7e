-- Schema version 2: drafts of forms in progress, and full-text search over notes.

-- A form being filled in, saved as the user types so that a crash, kill or
-- closed terminal loses nothing; removed when the form is saved or discarded.
-- Not a record: not audited, not exported, not synced.
CREATE TABLE drafts (
  kind TEXT NOT NULL,        -- which form: note, amendment, assessment/<instrument>, ...
  target TEXT NOT NULL,      -- what it is for (case id, note id, goal id, or '')
  title TEXT NOT NULL,       -- shown when offering to restore it
  saved_at TEXT NOT NULL,
  body TEXT NOT NULL,        -- field values, see drafts.c
  PRIMARY KEY (kind, target)
);

-- Full-text search over note text (notes are append-only, so inserts suffice).
CREATE VIRTUAL TABLE notes_fts USING fts5(
  worries, working_well, needs_to_happen, body,
  content = 'notes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO notes_fts(rowid, worries, working_well, needs_to_happen, body)
  SELECT rowid, worries, working_well, needs_to_happen, body FROM notes;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts(rowid, worries, working_well, needs_to_happen, body)
  VALUES (NEW.rowid, NEW.worries, NEW.working_well, NEW.needs_to_happen, NEW.body);
END;
