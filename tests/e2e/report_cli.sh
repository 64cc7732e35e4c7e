#!/bin/sh
# End-to-end: `casebook report` in text, Markdown, CSV and JSON against Havering's published tables and the hand-worked fixture; bad dates and ids.
set -eu
: "${CASEBOOK:?set CASEBOOK to the casebook binary}"
: "${SRC:?set SRC to the source folder}"
export CASEBOOK_FORMS="$SRC/forms" TZ=UTC LC_ALL=C.UTF-8 CASEBOOK_NOW=2026-06-30T12:00:00Z
unset CASEBOOK_DB
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
FIX="$SRC/tests/fixtures/report"
cr=$(printf '\r')

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { want=$1; shift; set +e; "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
	[ "$got" -eq "$want" ] || { cat "$tmp/out" "$tmp/err" >&2; fail "$* exited $got, want $want"; }; }
# has FILE TEXT: the file holds TEXT (a fixed string) on one line.
has() { grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks: $2"; }; }
# json FILE EXPR: the jq expression is true of the file.
json() { jq -e "$2" "$1" >/dev/null || { jq . "$1" >&2; fail "$1: not true: $2"; }; }

for f in havering-ftt havering-wai hand single; do
	"$CASEBOOK" --db "$tmp/$f.db" import "$FIX/$f.yaml" >"$tmp/import.out" 2>&1 ||
		{ cat "$tmp/import.out" >&2; fail "importing $f.yaml"; }
done
ftt() { "$CASEBOOK" --db "$tmp/havering-ftt.db" report --from 2018-04-01 --to 2019-09-30 "$@"; }
hand() { "$CASEBOOK" --db "$tmp/hand.db" report --from 2026-01-01 --to 2026-06-30 "$@"; }

# ---- text: Havering Table 12 ([002]:514-525) as the terminal shows it, 80 columns ----
ftt >"$tmp/ftt.txt"
has "$tmp/ftt.txt" "Outcome report, 2018-04-01 to 2019-09-30, all teams and practitioners"
has "$tmp/ftt.txt" "67 cases open in the period"
has "$tmp/ftt.txt" "None           0   0% "
has "$tmp/ftt.txt" "CIN           32  48% "
has "$tmp/ftt.txt" "CP            33  49% "
has "$tmp/ftt.txt" "LAC            2   3% "
has "$tmp/ftt.txt" "   42  63% "
has "$tmp/ftt.txt" "    3   5% "
has "$tmp/ftt.txt" "    9  13% "
has "$tmp/ftt.txt" "   13  19% "
has "$tmp/ftt.txt" "Stepped down or closed    52  77%"
has "$tmp/ftt.txt" "Stayed the same           15  22%"
has "$tmp/ftt.txt" "Stepped up                 0   0%"
has "$tmp/ftt.txt" "No longer on a plan (None or EH)   45 of 67, 67%"
has "$tmp/ftt.txt" "Started on CP/LAC (not escalation) 35"
has "$tmp/ftt.txt" "How: domain-brief §2.9; Havering Table 12, [002]:512-525"
[ "$(wc -L <"$tmp/ftt.txt")" -le 80 ] || fail "the text report is wider than 80 columns"
hand >"$tmp/hand.txt"
has "$tmp/hand.txt" "Total                 3      0     4 (-2 to +2)"
has "$tmp/hand.txt" "Zoë Adebayo          -6 on 2026-01-10 -2 on 2026-06-10     +4"
has "$tmp/hand.txt" "├"
has "$tmp/hand.txt" "risk -5 to -4 (+1), protective 0 to 1 (+1), engagement -1 to 1 (+2)"
has "$tmp/hand.txt" "Goal          6.25 n 2"
has "$tmp/hand.txt" "Closed, then escalated             1"
has "$tmp/hand.txt" "Re-referred within 12 months       1 of 5, 20%"
has "$tmp/hand.txt" "Visits, child seen alone           4 of 8, 50% (seen: 7)"
has "$tmp/hand.txt" "* fewer than 5: too few to mean much"
has "$tmp/hand.txt" "n = 2 recordings, too few to mean much"
# Without a UTF-8 locale the charts fall back to ASCII.
LC_ALL=C hand >"$tmp/hand-ascii.txt"
has "$tmp/hand-ascii.txt" "|-------"
! grep -q "█" "$tmp/hand-ascii.txt" || fail "block characters in a C locale"

# ---- Markdown ----
ftt --format md >"$tmp/ftt.md"
has "$tmp/ftt.md" "# Outcome report, 2018-04-01 to 2019-09-30"
has "$tmp/ftt.md" "| CIN | 32 | 48% | 9 | 13% |"
has "$tmp/ftt.md" "| Early Help | 0 | 0% | 3 | 5% |"
has "$tmp/ftt.md" "| Total | 67 | 100% | 67 | 100% |"
has "$tmp/ftt.md" "| Stepped down or closed | 52 | 77% |"
has "$tmp/ftt.md" "[^plan_type]: Plan type at the start and at the end (domain-brief §2.9"
has "$tmp/ftt.md" "> Note: Stepped down / same / up percentages are truncated"
hand --format md >"$tmp/hand.md"
has "$tmp/hand.md" "| Zoë Adebayo | Adebayo family | -6 (2026-01-10) | -2 (2026-06-10) | +4 | -5 → -4 (+1) |"

# ---- CSV: one RFC 4180 table, CRLF, seven fields a row ----
ftt --format csv >"$tmp/ftt.csv"
[ "$(head -n 1 "$tmp/ftt.csv")" = "section,measure,group,value,percent,n,too_few$cr" ] ||
	fail "CSV header"
[ "$(grep -c "$cr\$" "$tmp/ftt.csv")" -eq "$(wc -l <"$tmp/ftt.csv")" ] || fail "CSV lines not CRLF"
tr -d '\r' <"$tmp/ftt.csv" | awk -F, 'NF != 7 { bad = 1 } END { exit bad }' ||
	fail "a CSV row without seven fields"
has "$tmp/ftt.csv" "plan_type,start,cin,32,48,67,false$cr"
has "$tmp/ftt.csv" "plan_type,start,lac,2,3,67,false$cr"
has "$tmp/ftt.csv" "plan_type,end,none,42,63,67,false$cr"
has "$tmp/ftt.csv" "plan_type,end,early_help,3,5,67,false$cr"
has "$tmp/ftt.csv" "plan_type,movement,stepped_down_or_closed,52,77,67,false$cr"
has "$tmp/ftt.csv" "plan_type,movement,same,15,22,67,false$cr"
has "$tmp/ftt.csv" "plan_type,no_longer_on_a_plan,,45,67,67,false$cr"
"$CASEBOOK" --db "$tmp/havering-wai.db" report --from 2019-01-01 --to 2019-12-31 --format csv \
	>"$tmp/wai.csv"
has "$tmp/wai.csv" "working_alliance,aggregate,family,17.619565217391305,,23,false$cr"
hand --format csv >"$tmp/hand.csv"
has "$tmp/hand.csv" "risk_framework,change_median,total,0,,3,true$cr"
has "$tmp/hand.csv" "risk_framework,case_change_total,case-a1,4,,3,true$cr"
has "$tmp/hand.csv" "goals,identical,,1,50,2,true$cr"

# ---- JSON: stable keys; the published and hand-worked figures ----
ftt --format json >"$tmp/ftt.json"
json "$tmp/ftt.json" '.casebook_report == 1 and .period == {"from": "2018-04-01", "to": "2019-09-30"}'
json "$tmp/ftt.json" '[.plan_type.start[] | .count] == [0, 0, 32, 33, 2]'
json "$tmp/ftt.json" '[.plan_type.start[] | .percent] == [0, 0, 48, 49, 3]'
json "$tmp/ftt.json" '[.plan_type.end[] | .count] == [42, 3, 9, 13, 0]'
json "$tmp/ftt.json" '[.plan_type.end[] | .percent] == [63, 5, 13, 19, 0]'
json "$tmp/ftt.json" '[.plan_type.end[] | .plan] == ["none", "early_help", "cin", "cp", "lac"]'
json "$tmp/ftt.json" '.plan_type.movement == {"stepped_down_or_closed": {"count": 52, "percent": 77},
	"same": {"count": 15, "percent": 22}, "stepped_up": {"count": 0, "percent": 0}}'
json "$tmp/ftt.json" '.plan_type.no_longer_on_a_plan == {"count": 45, "of": 67, "percent": 67, "too_few": false}'
json "$tmp/ftt.json" '.case_outcomes.started_on_cp_or_lac == 35 and .case_outcomes.escalated_to_cp.count == 0'
json "$tmp/ftt.json" 'keys_unsorted == ["casebook_report", "period", "team", "practitioner", "min_n",
	"cases", "risk_framework", "working_alliance", "goals", "plan_type", "case_outcomes",
	"intensity", "practice_observation", "notes"]'
"$CASEBOOK" --db "$tmp/havering-wai.db" report --from 2019-01-01 --to 2019-12-31 --format json \
	>"$tmp/wai.json"
for pair in "family goal 5.73" "family task 5.82" "family bond 6.08" "worker goal 5.52" \
	"worker task 5.40" "worker bond 6.10"; do
	set -- $pair
	json "$tmp/wai.json" "(.working_alliance.$1.$2.value * 100 | round) == ($3 * 100 | round)"
done
json "$tmp/wai.json" '(.working_alliance.family.aggregate.value - 17.62) | (if . < 0 then -. else . end) <= 0.01'
json "$tmp/wai.json" '(.working_alliance.worker.aggregate.value - 17.02) | (if . < 0 then -. else . end) <= 0.01'
json "$tmp/wai.json" '.working_alliance.family.ratings == 23 and .working_alliance.superseded == 12'
hand --format json >"$tmp/hand.json"
json "$tmp/hand.json" '.cases == {"n": 7, "too_few": false, "open_at_start": 2, "open_at_end": 5}'
json "$tmp/hand.json" '.risk_framework.scales.total | .n == 3 and .median == 0 and .q1 == -2 and .q3 == 2
	and .better.percent == 34 and .too_few'
json "$tmp/hand.json" '.risk_framework.scales.engagement.worse == {"count": 2, "percent": 67}'
json "$tmp/hand.json" '.risk_framework.cases[0] | .case == "case-a1" and .child == "Zoë Adebayo"
	and .first.total == -6 and .latest.total == -2 and .change.total == 4 and (.series | length) == 3'
json "$tmp/hand.json" '.working_alliance.worker.aggregate == {"value": 13, "n": 1, "too_few": true}'
json "$tmp/hand.json" '.goals.agreement | .pairs == 2 and .identical.percent == 50
	and .different_worker_thought_matched == 1'
json "$tmp/hand.json" '[.goals.by_category[] | .percent] == [50, 0, 17, 17, 0, 0, 0, 16, 0]'
json "$tmp/hand.json" '.case_outcomes | .closed_without_later_escalation.count == 1
	and .closed_then_escalated == 1 and .escalated_to_cp.count == 1 and .escalated_to_lac.count == 1
	and .length_weeks_mean.value == 39 and .referrals.re_referred_within_12_months.count == 1
	and .referrals.nfa == {"count": 1, "of": 4, "percent": 25, "too_few": true}'
json "$tmp/hand.json" '.intensity | .contacts == 11 and .visits.child_seen_alone.percent == 50
	and .days_since_contact.median.value == 15 and .days_since_contact.bands.never == 1
	and .caseload.by_practitioner[0] == {"id": "prac-ann", "name": "Ann Patel", "open": 2}'
json "$tmp/hand.json" '.practice_observation.scales.purposefulness.rated_3_or_more.percent == 100'
json "$tmp/hand.json" '.notes.case_outcomes.decisions[0] | startswith("A case whose first plan is CP")'

# Who the report is for; the default period is the 12 months to today (CASEBOOK_NOW).
hand --team team-a --format json >"$tmp/team.json"
json "$tmp/team.json" '.team == {"id": "team-a", "name": "North Pod"} and .cases.n == 4'
hand --practitioner prac-cy --format json >"$tmp/prac.json"
json "$tmp/prac.json" '.practitioner.name == "Cy Rowe" and .cases.n == 2 and .team == null'
"$CASEBOOK" --db "$tmp/single.db" report --format json >"$tmp/single.json"
json "$tmp/single.json" '.period == {"from": "2025-06-30", "to": "2026-06-30"} and .cases.n == 1
	and .cases.too_few'
"$CASEBOOK" --db "$tmp/single.db" report --to 2026-03-31 --format json >"$tmp/single-to.json"
json "$tmp/single-to.json" '.period == {"from": "2025-03-31", "to": "2026-03-31"}'

# An empty casebook reports zeros in every format.
: >"$tmp/empty.db"
for format in text md csv json; do
	expect_status 0 "$CASEBOOK" --db "$tmp/empty.db" report --format "$format"
done
json "$tmp/out" '.cases.n == 0 and .risk_framework.scales.total.median == null'

# Mistakes: usage errors exit 2, unknown ids and missing databases exit 1.
expect_status 2 "$CASEBOOK" --db "$tmp/hand.db" report --from 2026-02-30
has "$tmp/err" "--from '2026-02-30' is not a date; give a real day as YYYY-MM-DD"
expect_status 2 "$CASEBOOK" --db "$tmp/hand.db" report --to 30/06/2026
has "$tmp/err" "--to '30/06/2026' is not a date"
expect_status 2 "$CASEBOOK" --db "$tmp/hand.db" report --from 2026-07-01 --to 2026-06-01
has "$tmp/err" "the period starts on 2026-07-01, after it ends on 2026-06-01"
expect_status 2 "$CASEBOOK" --db "$tmp/hand.db" report --format pdf
has "$tmp/err" "unknown report format 'pdf'; use text, csv, json or md"
expect_status 2 "$CASEBOOK" --db "$tmp/hand.db" report extra
expect_status 1 "$CASEBOOK" --db "$tmp/hand.db" report --team team-x
has "$tmp/err" "there is no team 'team-x' in this casebook"
expect_status 1 "$CASEBOOK" --db "$tmp/hand.db" report --practitioner nobody
has "$tmp/err" "there is no practitioner 'nobody' in this casebook"
expect_status 1 "$CASEBOOK" --db "$tmp/missing.db" report
expect_status 0 "$CASEBOOK" report --help
has "$tmp/out" "usage: casebook report"
echo "report_cli: ok"
