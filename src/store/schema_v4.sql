-- Schema version 4: indexes for an authority-scale casebook (bench/RESULTS.md).

-- The report's contact counts read only these columns of each case's notes; with them in
-- the index it never visits the notes themselves (measured: the full report 4.1 s to
-- 3.1 s on 1,000,000 notes). It replaces notes_case, whose columns it begins with.
DROP INDEX notes_case;
CREATE INDEX notes_case ON notes(case_id, occurred_at, contact_type, child_seen, child_seen_alone);

-- The caseload counts each case's open actions, and the case screen and team review list
-- the discussions of a case: both looked a case up by scanning every row.
CREATE INDEX supervision_actions_case ON supervision_actions(case_id, done_on);
CREATE INDEX supervision_cases_case ON supervision_cases(case_id);

