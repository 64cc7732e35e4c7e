#!/bin/sh
# End-to-end: the team review at 80x24 and 120x40: each flag on the right case, a one-page
# case summary (Signs of Safety, risk sparkline), recording a discussion of two cases with
# a decision each and an action, then the chronology, the caseload, export and check.
set -eu
: "${CASEBOOK:?}" "${SRC:?}"
. "$SRC/tests/e2e/lib/tmux.sh"
export CASEBOOK_NOW=2026-11-01T09:00:00Z
today=2026-11-01

"$CASEBOOK" --db "$E2E_TMP/fixture.db" import "$SRC/tests/fixtures/team/team.yaml" \
	>"$E2E_TMP/import.out" || fail "import of the fixture: $(cat "$E2E_TMP/import.out")"

# row TEXT: the screen's line holding TEXT.
row() { screen | grep -F -- "$1" || true; }

# expect_flags CHILD WORDS: the flag words on the child's row of the team review, in order.
expect_flags() {
	got=$(row "$1" | grep -oE 'DRIFT|OVERDUE|[0-9]+ DAYS|NEVER|WORSE|FALLING' | tr '\n' ' ')
	[ "$got" = "$2" ] || fail "flags of $1: got '$got', want '$2'"
}

# The North Pod's cases, one flag each (tests/fixtures/team/team.yaml), most flagged first.
team_review() {
	keys T
	wait_for "Team review: all teams"
	wait_for "Gil Green" # South Pod's case shows for all teams
	keys f
	wait_for "Team review: North Pod, most flags first"
	wait_gone "Gil Green"
	wait_for "7 cases, 6 flagged"
	expect_flags "Amy Adams" "DRIFT "
	expect_flags "Ben Brown" "DRIFT "
	expect_flags "Cal Clark" "OVERDUE "
	expect_flags "Dan Davis" "42 DAYS "
	expect_flags "Eve Evans" "WORSE "
	expect_flags "Fay Fox" "FALLING "
	expect_flags "Hana Hall" ""
	row "Cal Clark" | grep -qF "1 LATE" || fail "Cal's overdue action is not on the review"
	# Hana (no flags) is last; sorting by family keeps her after Fay all the same.
	screen | grep -A3 -F "Fay Fox" | grep -qF "Hana Hall" || fail "Hana is not after Fay"
	keys s
	wait_for "by child's family"
	keys s
	wait_for "most flags first"
}

# Amy's one-page summary: the Signs of Safety side by side when wide, stacked at 80.
summary() {
	keys Enter
	wait_for "Adams family — Amy Adams, 8"
	wait_for "DRIFT (1 goal without progress in 8 weeks)"
	wait_for "What are we worried about?"
	if [ "$1" -ge 100 ]; then
		row "What are we worried about?" | grep -qF "What needs to happen?" ||
			fail "the three questions are not side by side"
		row "Amy misses school on Mondays" | grep -qF "Gran does the school run" ||
			fail "the answers are not side by side"
		wait_for "one-page summary" # it all fits at 120x40
	else
		row "Amy misses school on Mondays" | grep -qF "Gran" &&
			fail "the answers are side by side at 80 columns"
		wait_for "What needs to happen?"
		wait_for "rows 1-22 of"
	fi
	wait_for "higher is safer: first 0 on 2026-06-01, latest 3 on 2026-10-01"
	wait_for "▅▆  safer"
	keys End
	wait_for "6/10  better: Kate and Gran share the school run"
	wait_for "Last discussed  not yet"
}

# From the summary: Amy's case comes in as case 1; Ben is chosen by his initial.
record_discussion() {
	keys D
	wait_for "Group case discussion"
	wait_for "< Amy Adams (8), Adams family >"
	keys Tab Space Tab Tab Space # Ann Patel and Sue Brennan were there
	keys Tab Tab
	keys -l "Plan Mondays with Gran; review the goal in four weeks"
	keys Tab; keys -l B
	wait_for "< Ben Brown (9), Brown family >"
	keys Tab; keys -l "Step down to Early Help at the November review"
	keys Tab Tab Tab Tab Tab Tab Tab Tab Tab # past the empty cases 3-6 to action 1
	keys -l "Ask Gran to a family network meeting"
	keys Tab; keys -l A # who: Ann Patel
	wait_for "< Ann Patel >"
	keys F2
	wait_for "Discussion saved: 2 cases, 1 action"
	wait_for "Adams family — Amy Adams, 8"
	keys End
	wait_for "Last discussed  $today: Plan Mondays with Gran"
	wait_for "Ann Patel: Ask Gran to a family network meeting"
}

chronology() {
	keys Enter
	wait_for "1 Summary"
	keys 2
	wait_for "[2 Chronology]"
	wait_for "$today        Group case discussion: Plan Mondays with Gran"
	wait_for "Present: Ann Patel, Sue Brennan"
	wait_for "Action for Ann Patel, due 2026-11-15 (open)"
	keys q
	wait_for "CIN  Ann Patel" # the summary's title
	keys q
	wait_for "Team review: North Pod"
	row "Amy Adams" | grep -qF "1 open" || fail "Amy's open action is not on the review"
}

# The caseload counts Amy's open action; Cal's is overdue until marked done with x.
caseload() {
	keys q
	wait_for "8 cases"
	row "Amy Adams" | grep -qE " 1 +!goals" || fail "Amy's open action is not on the caseload"
	row "Cal Clark" | grep -qF "!action" || fail "Cal's overdue action is not flagged"
	keys Down Down x
	wait_for "Which action is done?"
	wait_for "LATE  due 2026-10-15  Ann Patel: Book the risk framework review visit"
	keys Enter
	wait_for "Action marked done on $today"
	[ -z "$(row "Cal Clark" | grep -F "!action")" ] || fail "Cal's action is still flagged"
}

# export FILE holds the new supervision, its cases, attendees and action.
check_export() {
	"$CASEBOOK" --db "$1" export >"$E2E_TMP/export.yaml" || fail "export"
	awk '/^[^ ]/ || /^- id:/ { if (keep) printf "%s", rec; rec = ""; keep = 0 }
		{ rec = rec $0 "\n" } $0 == "  held_on: '"$today"'" { keep = 1 }
		END { if (keep) printf "%s", rec }' "$E2E_TMP/export.yaml" >"$E2E_TMP/sup.yaml"
	for want in "team: team-north" "attendees: [prac-ann, prac-sue]" "- case: case-amy" \
		"decision: Plan Mondays with Gran; review the goal in four weeks" "- case: case-ben" \
		"decision: Step down to Early Help at the November review" \
		"action: Ask Gran to a family network meeting" "owner: prac-ann" "due_on: 2026-11-15"; do
		grep -qF -- "$want" "$E2E_TMP/sup.yaml" ||
			fail "the exported supervision has no '$want': $(cat "$E2E_TMP/sup.yaml")"
	done
	grep -A5 -F "id: action-cal-1" "$E2E_TMP/export.yaml" | grep -qF "done_on: $today" ||
		fail "Cal's action was not exported as done"
	"$CASEBOOK" --db "$1" check >"$E2E_TMP/check.out" || fail "check: $(cat "$E2E_TMP/check.out")"
	grep -qF "audit chain ok" "$E2E_TMP/check.out" || fail "check: $(cat "$E2E_TMP/check.out")"
}

run_at() {
	db=$E2E_TMP/team-$1x$2.db
	cp "$E2E_TMP/fixture.db" "$db"
	app_start "$1" "$2" --db "$db"
	wait_for "8 cases"
	team_review
	summary "$1"
	record_discussion
	chronology
	caseload
	keys q
	wait_for "[exited 0]"
	app_stop
	check_export "$db"
}

run_at 80 24
run_at 120 40
echo "tui_team: ok"
