-- bench/report.sql: the outcome report's aggregates as plain SQL, for bench/run to time the
-- sqlite3 shell against `casebook report` on the same file (DESIGN.md: within 2x).
-- Period: the 12 months to today, as the report's default.
.mode list
CREATE TEMP VIEW period AS SELECT date('now', '-12 months', '+1 day') AS f, date('now') AS t;
CREATE TEMP TABLE cohort AS
  SELECT c.* FROM cases c, period
  WHERE c.referred_on <= period.t AND (c.closed_on IS NULL OR c.closed_on >= period.f);
-- Risk framework: first and latest total per case in the period, and the change.
SELECT count(*), avg(latest - first) FROM (
  SELECT k.id,
    (SELECT s.score FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id
      AND s.scale = 'total' WHERE a.case_id = k.id AND a.instrument = 'risk-framework'
      ORDER BY a.assessed_on, a.id LIMIT 1) AS first,
    (SELECT s.score FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id
      AND s.scale = 'total' WHERE a.case_id = k.id AND a.instrument = 'risk-framework'
      ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) AS latest
  FROM cohort k) WHERE first IS NOT NULL;
-- Working alliance: mean goal, task, bond by side.
SELECT a.rater = 'worker', s.scale, avg(s.score), count(*)
  FROM assessments a JOIN cohort k ON k.id = a.case_id
  JOIN assessment_scores s ON s.assessment_id = a.id, period
  WHERE a.instrument = 'working-alliance' AND a.assessed_on BETWEEN period.f AND period.t
  GROUP BY 1, 2;
-- Goals by category and achieved.
SELECT g.category, count(*), sum(g.status = 'achieved')
  FROM goals g JOIN cohort k ON k.id = g.case_id, period
  WHERE g.set_on BETWEEN period.f AND period.t GROUP BY g.category;
-- Plan type at the start of the period and now.
SELECT (SELECT plan FROM plan_episodes pe, period WHERE pe.case_id = k.id
    AND pe.started_on <= period.f ORDER BY pe.started_on DESC LIMIT 1) AS at_start,
  (SELECT plan FROM plan_episodes pe, period WHERE pe.case_id = k.id
    AND pe.started_on <= period.t ORDER BY pe.started_on DESC LIMIT 1) AS now, count(*)
  FROM cohort k GROUP BY 1, 2;
-- Closures, later escalations, case length.
SELECT count(*), avg(julianday(k.closed_on) - julianday(k.referred_on)) / 7,
  sum(EXISTS (SELECT 1 FROM plan_episodes pe JOIN cases c2 ON c2.id = pe.case_id
    WHERE c2.child_id = k.child_id AND pe.plan IN ('cp', 'lac') AND pe.started_on >= k.closed_on))
  FROM cohort k WHERE k.closed_on IS NOT NULL;
-- Referrals: NFA share and re-referrals within 12 months.
SELECT count(*), sum(r.outcome = 'nfa'),
  sum((SELECT min(r2.referred_on) FROM referrals r2 JOIN cases c2 ON c2.id = r2.case_id
    WHERE c2.child_id = c.child_id AND r2.referred_on > r.referred_on)
    <= date(r.referred_on, '+12 months'))
  FROM referrals r JOIN cases c ON c.id = r.case_id, period
  WHERE r.referred_on BETWEEN period.f AND period.t;
-- Intensity: contacts, visits, child seen alone per case.
SELECT count(*), sum(n.contact_type IN ('home_visit', 'office_visit', 'direct_work')),
  sum(n.child_seen_alone), count(DISTINCT n.case_id)
  FROM notes n JOIN cohort k ON k.id = n.case_id, period
  WHERE n.occurred_at >= period.f AND n.occurred_at < date(period.t, '+1 day');
-- Practice observation: mean of each skill.
SELECT s.scale, avg(s.score), sum(s.score >= 3), count(*)
  FROM assessments a JOIN cohort k ON k.id = a.case_id
  JOIN assessment_scores s ON s.assessment_id = a.id, period
  WHERE a.instrument = 'practice-observation' AND a.assessed_on BETWEEN period.f AND period.t
  GROUP BY s.scale;
