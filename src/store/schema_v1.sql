-- Schema version 1 of the casebook store. Embedded into the binary by schema.c.
-- Conventions: text UUID (or imported readable) ids; created_at (UTC ISO ms),
-- created_by (practitioner id or actor), device_id on every row; updated_at as a
-- hybrid-logical-clock value on rows that can change. Dates are YYYY-MM-DD,
-- local date-times YYYY-MM-DDTHH:MM.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE practitioners (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('practitioner', 'supervisor')),
  team_id TEXT REFERENCES teams(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE families (
  id TEXT PRIMARY KEY,
  family_ref TEXT NOT NULL UNIQUE CHECK (length(trim(family_ref)) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  address TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  born TEXT CHECK (born IS NULL OR date(born, '+0 days') = born),
  gender TEXT,
  ethnicity TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE family_members (
  family_id TEXT NOT NULL REFERENCES families(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  relationship TEXT NOT NULL
    CHECK (relationship IN ('child', 'main_caregiver', 'other_adult', 'sibling')),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (family_id, person_id)
) WITHOUT ROWID;
CREATE INDEX family_members_person ON family_members(person_id);

-- One child's episode with the service.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  family_id TEXT NOT NULL REFERENCES families(id),
  child_id TEXT NOT NULL REFERENCES people(id),
  referred_on TEXT NOT NULL CHECK (date(referred_on, '+0 days') = referred_on),
  referral_source TEXT NOT NULL,
  need TEXT NOT NULL CHECK (need IN ('N0','N1','N2','N3','N4','N5','N6','N7','N8','N9')),
  practitioner_id TEXT REFERENCES practitioners(id),
  team_id TEXT REFERENCES teams(id),
  closed_on TEXT CHECK (closed_on IS NULL OR (date(closed_on, '+0 days') = closed_on AND closed_on >= referred_on)),
  closure_reason TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((closed_on IS NULL) = (closure_reason IS NULL))
);
CREATE INDEX cases_family ON cases(family_id);
CREATE INDEX cases_child ON cases(child_id);
CREATE INDEX cases_practitioner ON cases(practitioner_id);

CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  referred_on TEXT NOT NULL CHECK (date(referred_on, '+0 days') = referred_on),
  source TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'accepted', 'early_help', 'nfa')),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id, referred_on);

CREATE TABLE plan_episodes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  plan TEXT NOT NULL CHECK (plan IN ('none', 'early_help', 'cin', 'cp', 'lac')),
  started_on TEXT NOT NULL CHECK (date(started_on, '+0 days') = started_on),
  ended_on TEXT CHECK (ended_on IS NULL OR (date(ended_on, '+0 days') = ended_on AND ended_on >= started_on)),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_episodes_case ON plan_episodes(case_id, started_on);

-- Contacts and case notes are legal records: append-only (see triggers below).
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  contact_type TEXT NOT NULL CHECK (contact_type IN ('home_visit', 'office_visit', 'phone',
    'message', 'school_meeting', 'health_appointment', 'multi_agency_meeting',
    'family_network_meeting', 'direct_work', 'other')),
  occurred_at TEXT NOT NULL CHECK (length(occurred_at) = 16 AND
    strftime('%Y-%m-%dT%H:%M', occurred_at, '+0 days') = occurred_at),
  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
  present TEXT,
  child_seen INTEGER NOT NULL DEFAULT 0 CHECK (child_seen IN (0, 1)),
  child_seen_alone INTEGER NOT NULL DEFAULT 0 CHECK (child_seen_alone IN (0, 1)),
  worries TEXT,
  working_well TEXT,
  needs_to_happen TEXT,
  body TEXT NOT NULL DEFAULT '',
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  CHECK (child_seen_alone <= child_seen)
);
CREATE INDEX notes_case ON notes(case_id, occurred_at);

-- A correction to a note: the original stays; NULL fields are unchanged.
CREATE TABLE note_amendments (
  id TEXT PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes(id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  worries TEXT,
  working_well TEXT,
  needs_to_happen TEXT,
  body TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE INDEX note_amendments_note ON note_amendments(note_id);

CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  instrument TEXT NOT NULL,
  instrument_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  assessed_on TEXT NOT NULL CHECK (date(assessed_on, '+0 days') = assessed_on),
  assessor_id TEXT REFERENCES practitioners(id),
  rater TEXT NOT NULL CHECK (rater IN ('worker', 'family_member', 'child')),
  rater_person_id TEXT REFERENCES people(id),
  comment TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE INDEX assessments_case ON assessments(case_id, instrument, assessed_on);

CREATE TABLE assessment_answers (
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  item TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (assessment_id, item)
) WITHOUT ROWID;

-- Scale scores computed when the assessment was saved (never imported).
CREATE TABLE assessment_scores (
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  scale TEXT NOT NULL,
  score REAL,
  answered INTEGER NOT NULL,
  applicable INTEGER NOT NULL,
  PRIMARY KEY (assessment_id, scale)
) WITHOUT ROWID;

CREATE TABLE goals (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  category TEXT NOT NULL CHECK (category IN ('education_employment', 'success_happiness',
    'housing_independence', 'family_relationships', 'independent_living', 'reunification',
    'residency_safety', 'emotional_wellbeing', 'other')),
  owner TEXT NOT NULL CHECK (owner IN ('family', 'worker')),
  owner_person_id TEXT REFERENCES people(id),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'dropped')),
  set_on TEXT NOT NULL CHECK (date(set_on, '+0 days') = set_on),
  paired_goal_id TEXT REFERENCES goals(id),
  agreement TEXT CHECK (agreement IS NULL OR agreement IN ('identical', 'different')),
  worker_thinks_match INTEGER CHECK (worker_thinks_match IS NULL OR worker_thinks_match IN (0, 1)),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX goals_case ON goals(case_id);

CREATE TABLE goal_reviews (
  id TEXT PRIMARY KEY,
  goal_id TEXT NOT NULL REFERENCES goals(id),
  reviewed_on TEXT NOT NULL CHECK (date(reviewed_on, '+0 days') = reviewed_on),
  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 10),
  comment TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE INDEX goal_reviews_goal ON goal_reviews(goal_id, reviewed_on);

CREATE TABLE supervisions (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id),
  held_on TEXT NOT NULL CHECK (date(held_on, '+0 days') = held_on),
  notes TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE supervision_attendees (
  supervision_id TEXT NOT NULL REFERENCES supervisions(id),
  practitioner_id TEXT NOT NULL REFERENCES practitioners(id),
  PRIMARY KEY (supervision_id, practitioner_id)
) WITHOUT ROWID;

CREATE TABLE supervision_cases (
  supervision_id TEXT NOT NULL REFERENCES supervisions(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  decision TEXT,
  PRIMARY KEY (supervision_id, case_id)
) WITHOUT ROWID;

CREATE TABLE supervision_actions (
  id TEXT PRIMARY KEY,
  supervision_id TEXT NOT NULL REFERENCES supervisions(id),
  case_id TEXT REFERENCES cases(id),
  owner_id TEXT REFERENCES practitioners(id),
  action TEXT NOT NULL CHECK (length(trim(action)) > 0),
  due_on TEXT CHECK (due_on IS NULL OR date(due_on, '+0 days') = due_on),
  done_on TEXT CHECK (done_on IS NULL OR date(done_on, '+0 days') = done_on),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Each time confidential records were let out of the casebook (export override).
CREATE TABLE disclosures (
  id TEXT PRIMARY KEY,
  disclosed_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  scope TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, device_id TEXT NOT NULL
);

-- Every write to the tables above, hash-chained: hash = SHA-256 over prev_hash
-- and this entry's fields (see audit.c). Append-only.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  device_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before TEXT,
  after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN SELECT RAISE(ABORT, 'case notes cannot be changed: record an amendment with a reason'); END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN SELECT RAISE(ABORT, 'case notes cannot be deleted: record an amendment with a reason'); END;
CREATE TRIGGER note_amendments_no_update BEFORE UPDATE ON note_amendments
BEGIN SELECT RAISE(ABORT, 'amendments cannot be changed: record another amendment'); END;
CREATE TRIGGER note_amendments_no_delete BEFORE DELETE ON note_amendments
BEGIN SELECT RAISE(ABORT, 'amendments cannot be deleted: record another amendment'); END;
CREATE TRIGGER assessments_no_update BEFORE UPDATE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments cannot be changed: record a new assessment'); END;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
BEGIN SELECT RAISE(ABORT, 'assessments cannot be deleted: record a new assessment'); END;
CREATE TRIGGER assessment_answers_no_update BEFORE UPDATE ON assessment_answers
BEGIN SELECT RAISE(ABORT, 'assessment answers cannot be changed: record a new assessment'); END;
CREATE TRIGGER assessment_answers_no_delete BEFORE DELETE ON assessment_answers
BEGIN SELECT RAISE(ABORT, 'assessment answers cannot be deleted: record a new assessment'); END;
CREATE TRIGGER goal_reviews_no_update BEFORE UPDATE ON goal_reviews
BEGIN SELECT RAISE(ABORT, 'goal reviews cannot be changed: record a new review'); END;
CREATE TRIGGER goal_reviews_no_delete BEFORE DELETE ON goal_reviews
BEGIN SELECT RAISE(ABORT, 'goal reviews cannot be deleted: record a new review'); END;
