-- Schema version 6: names found whatever their accents and case ("zoe ni" finds "Zoë Ní
-- Bhriain"); LIKE folds ASCII letters only.

-- One index over each table's names, kept by triggers (people and families change: a name
-- corrected, a family evicted from a laptop by sync).
CREATE VIRTUAL TABLE people_fts USING fts5(
  name, content = 'people', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO people_fts(people_fts) VALUES ('rebuild');
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts(rowid, name) VALUES (NEW.rowid, NEW.name);
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  INSERT INTO people_fts(people_fts, rowid, name) VALUES ('delete', OLD.rowid, OLD.name);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name ON people BEGIN
  INSERT INTO people_fts(people_fts, rowid, name) VALUES ('delete', OLD.rowid, OLD.name);
  INSERT INTO people_fts(rowid, name) VALUES (NEW.rowid, NEW.name);
END;

CREATE VIRTUAL TABLE families_fts USING fts5(
  name, family_ref, content = 'families', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO families_fts(families_fts) VALUES ('rebuild');
CREATE TRIGGER families_fts_insert AFTER INSERT ON families BEGIN
  INSERT INTO families_fts(rowid, name, family_ref) VALUES (NEW.rowid, NEW.name, NEW.family_ref);
END;
CREATE TRIGGER families_fts_delete AFTER DELETE ON families BEGIN
  INSERT INTO families_fts(families_fts, rowid, name, family_ref)
  VALUES ('delete', OLD.rowid, OLD.name, OLD.family_ref);
END;
CREATE TRIGGER families_fts_update AFTER UPDATE OF name, family_ref ON families BEGIN
  INSERT INTO families_fts(families_fts, rowid, name, family_ref)
  VALUES ('delete', OLD.rowid, OLD.name, OLD.family_ref);
  INSERT INTO families_fts(rowid, name, family_ref) VALUES (NEW.rowid, NEW.name, NEW.family_ref);
END;
