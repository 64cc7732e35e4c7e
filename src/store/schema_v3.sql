-- Schema version 3: offline sync between laptops and the team hub (casebook-sync(7)).
-- meta keys: sync_role ('hub' or 'laptop'), sync_hub_id, sync_team_id, and on a
-- laptop practitioner_id (whose caseload it holds).

-- The devices this casebook exchanges bundles with: on the hub every enrolled
-- laptop, on a laptop its hub. Sync bookkeeping: not audited, never synced.
CREATE TABLE sync_devices (
  id TEXT PRIMARY KEY,                 -- the device's own id (its meta device_id)
  role TEXT NOT NULL CHECK (role IN ('hub', 'laptop')),
  practitioner_id TEXT,                -- a laptop: whose caseload it holds
  label TEXT NOT NULL,
  key BLOB NOT NULL CHECK (length(key) = 32), -- shared with that device only
  enrolled_at TEXT NOT NULL,
  revoked_at TEXT,
  sent_bundle INTEGER NOT NULL DEFAULT 0, -- number of the last bundle written for it
  got_bundle INTEGER NOT NULL DEFAULT 0,  -- number of the last bundle imported from it
  got_seq INTEGER NOT NULL DEFAULT 0,     -- its changes imported here, up to this number
  acked_seq INTEGER NOT NULL DEFAULT 0,   -- our changes it has imported, up to this number
  held_basis INTEGER NOT NULL DEFAULT 0,  -- hub: our last bundle it had when it listed its cases
  last_export_at TEXT,
  last_import_at TEXT
);

-- Hub: what a laptop has of each case: whether it listed the case in its last
-- bundle, the last bundle of ours that told it to let the case go (reallocated
-- or closed), and the first bundle since then that carried the whole case.
CREATE TABLE sync_device_cases (
  device_id TEXT NOT NULL REFERENCES sync_devices(id),
  case_id TEXT NOT NULL,
  held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
  dropped_in INTEGER,
  whole_in INTEGER,
  PRIMARY KEY (device_id, case_id)
) WITHOUT ROWID;

-- Hub: the cases each bundle written for a laptop covered, by the bundle's last
-- change number, so that the hub knows which of its versions a laptop has seen.
CREATE TABLE sync_sent (
  device_id TEXT NOT NULL REFERENCES sync_devices(id),
  seq_to INTEGER NOT NULL,
  case_id TEXT NOT NULL,
  PRIMARY KEY (device_id, seq_to, case_id)
) WITHOUT ROWID;

-- Every bundle written or imported here.
CREATE TABLE sync_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('export', 'import', 'enrol')),
  device_id TEXT NOT NULL,             -- the other device
  bundle INTEGER NOT NULL,
  seq_from INTEGER NOT NULL,
  seq_to INTEGER NOT NULL,
  records INTEGER NOT NULL,            -- rows the bundle carried
  applied INTEGER NOT NULL DEFAULT 0,  -- import: rows that changed this casebook
  conflicts INTEGER NOT NULL DEFAULT 0,
  evicted INTEGER NOT NULL DEFAULT 0,  -- import on a laptop: cases that left it
  file TEXT NOT NULL
);

-- A record changed on two devices: last-writer-wins (by hybrid logical clock)
-- kept the winner; the loser is kept here, whole, until a supervisor resolves
-- it. A record (audited and synced); the id is derived from the two versions,
-- so two devices that find the same conflict make the same row.
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,               -- as audit_log.row_id
  case_id TEXT,                        -- the case it belongs to, if any
  family_id TEXT,                      -- the family it belongs to, if any
  kind TEXT NOT NULL CHECK (kind IN ('same_field', 'parallel')),
  fields TEXT NOT NULL,                -- the fields whose values differ, comma-separated
  winner_at TEXT NOT NULL,
  winner TEXT NOT NULL,                -- JSON object of the winning version
  loser_at TEXT NOT NULL,
  loser TEXT NOT NULL,                 -- JSON object of the version set aside
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs', 'merged')),
  resolved_by TEXT,
  resolved_at TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'open') = (resolution IS NULL))
);
CREATE INDEX sync_conflicts_status ON sync_conflicts(status, tbl);
CREATE INDEX sync_conflicts_case ON sync_conflicts(case_id);

-- The history of one row, for telling an old version from one never seen.
CREATE INDEX audit_log_row ON audit_log(tbl, row_id);

-- A laptop lets a reallocated case go (casebook-sync(7), "What a laptop holds"):
-- the append-only guards stand aside only while meta holds sync_evicting, which
-- the eviction sets and clears inside its own transaction.
DROP TRIGGER notes_no_delete;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_evicting')
BEGIN SELECT RAISE(ABORT, 'case notes cannot be deleted: record an amendment with a reason'); END;
DROP TRIGGER note_amendments_no_delete;
CREATE TRIGGER note_amendments_no_delete BEFORE DELETE ON note_amendments
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_evicting')
BEGIN SELECT RAISE(ABORT, 'amendments cannot be deleted: record another amendment'); END;
DROP TRIGGER assessments_no_delete;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_evicting')
BEGIN SELECT RAISE(ABORT, 'assessments cannot be deleted: record a new assessment'); END;
DROP TRIGGER assessment_answers_no_delete;
CREATE TRIGGER assessment_answers_no_delete BEFORE DELETE ON assessment_answers
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_evicting')
BEGIN SELECT RAISE(ABORT, 'assessment answers cannot be deleted: record a new assessment'); END;
DROP TRIGGER goal_reviews_no_delete;
CREATE TRIGGER goal_reviews_no_delete BEFORE DELETE ON goal_reviews
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_evicting')
BEGIN SELECT RAISE(ABORT, 'goal reviews cannot be deleted: record a new review'); END;
