#!/bin/sh
# End-to-end: the reports screen in tmux at 80x24 (monochrome) and 120x40: O from the caseload, figures with n, scrolling, period and whose-cases keys, resize, help, back.
set -eu
. "$SRC/tests/e2e/lib/tmux.sh"

export CASEBOOK_NOW=2026-06-30T12:00:00Z
DB="$E2E_TMP/report.db"
"$CASEBOOK" --db "$DB" import "$SRC/tests/fixtures/report/hand.yaml" >"$E2E_TMP/import.out" 2>&1 ||
	{ cat "$E2E_TMP/import.out" >&2; fail "importing the fixture"; }
# Ann Patel (a practitioner in North Pod) is this casebook's user.
sqlite3 "$DB" "INSERT INTO meta(key, value) VALUES ('practitioner_id', 'prac-ann');"

# col TEXT LINE: the column (in characters) where TEXT starts on the first screen line holding LINE.
col() {
	line=$(screen | grep -F -- "$2" | head -n 1)
	[ -n "$line" ] || fail "no line holding: $2"
	prefix=${line%%"$1"*}
	[ "$prefix" != "$line" ] || fail "no \"$1\" on the line holding: $2"
	printf %s "$prefix" | wc -m
}

# same_col TEXT1 LINE1 TEXT2 LINE2: the two line up (UTF-8 names must not shift a column).
same_col() {
	a=$(col "$1" "$2")
	b=$(col "$3" "$4")
	[ "$a" -eq "$b" ] || fail "\"$1\" at column $a but \"$3\" at column $b"
}

colours() {
	tmux -L "$E2E_SOCKET" capture-pane -e -p -t app |
		grep -cE '\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]+)*m' || true
}

# rows: the pager's position, "rows 1-21 of 240".
rows() { screen | grep -o 'rows [0-9]*-[0-9]* of [0-9]*' | head -n 1 || true; }

# scroll_to TEXT: pages down until TEXT is on the screen, polling for each page to be drawn.
scroll_to() {
	while ! screen | grep -qF -- "$1"; do
		before=$(rows)
		[ -n "$before" ] || fail "no row counter on the screen"
		last=${before#rows *-}
		last=${last%% of*}
		[ "$last" -lt "${before##* of }" ] || fail "scrolled to the end without seeing: $1"
		keys PgDn
		tries=200
		while [ "$(rows)" = "$before" ]; do
			tries=$((tries - 1))
			[ "$tries" -gt 0 ] || fail "PgDn did not scroll"
			sleep 0.05
		done
	done
}

top_of_report() {
	keys g
	wait_for "rows 1-"
}

# --- 80x24 without colour ---
export NO_COLOR=1
app_start 80 24 --db "$DB"
wait_for "My cases"
wait_for "Zoë Adebayo"
keys O
wait_for "Outcome report: last 12 months, 2025-06-30 to 2026-06-30"
wait_for "my cases"
wait_for "?:Help  q:Back  p:Period"
wait_for "p/P period  f whose cases"
wait_for "rows 1-21 of"
wait_for "2 cases open in the period (0 at the start, 2 at the end), too few to mean"
wait_for "n = 2 cases, too few to mean much"
[ "$(colours)" -eq 0 ] || fail "NO_COLOR is set but the screen has colour"

# f: all cases, then the user's team, then back to the user's own.
keys f
wait_for "all cases"
wait_for "8 cases open in the period (2 at the start, 5 at the end)"
keys f
wait_for "North Pod"
wait_for "4 cases open in the period"
keys f
wait_for "my cases"
keys f
wait_for "all cases"

# p and P: the period. The last 6 months hold the hand-worked figures' cases.
keys p
wait_for "Outcome report: all time, 2024-01-01 to 2026-06-30"
keys P
wait_for "Outcome report: last 12 months"
keys P
wait_for "Outcome report: last 6 months, 2025-12-30 to 2026-06-30"
wait_for "7 cases open in the period (2 at the start, 5 at the end)"
top_of_report
wait_for "CP             2  28% "
wait_for "Stepped down or closed     1  14%"
scroll_to "Escalated to LAC"
wait_for "Escalated to CP                    1 of 7, 14%"
scroll_to "Re-referred within 12 months       1 of 5, 20%"
scroll_to "Total                 3      0     4 (-2 to +2)"
wait_for "34%   33%   33% *"
scroll_to "Zoë Adebayo"
same_col "First total" "Child  " "-6 on" "Zoë Adebayo"
same_col "Latest total" "Child  " "-4 on" "Ben Brown"
scroll_to "Goal          6.25 n 2"
scroll_to "Emotional wellbeing and mental health    1   16%"
scroll_to "Visits, child seen alone           4 of 8, 50% (seen: 7)"
scroll_to "Ann Patel                  2 "
scroll_to "Purposefulness          3.50    2    2 100%    1  50%"
keys End
wait_for "Cases in the report"
wait_for "largest-remainder"

# Resize: laid out again for 120 columns, then back.
resize 120 40
wait_for "rows "
top_of_report
wait_for "rows 1-37 of"
scroll_to "Zoë Adebayo (Adebayo family)"
same_col "First total" "Child (family)" "-6 on" "Zoë Adebayo"
resize 80 24
top_of_report
scroll_to "Zoë Adebayo  "
same_col "First total" "Child  " "-6 on" "Zoë Adebayo"

# Help lists the report keys; q goes back to the report, then the caseload.
keys '?'
wait_for "Keys on this screen"
wait_for "Reports: period: last 3, 6, 12 months, all time (P goes back)"
keys PgDn
wait_for "Outcome report: plans, outcomes, risk"
keys q
wait_for "p/P period  f whose cases"
keys q
wait_for "My cases"
keys q
wait_for "[exited 0]"
app_stop

# --- 120x40 in colour: the charts ---
unset NO_COLOR
app_start 120 40 --db "$DB"
wait_for "Zoë Adebayo"
keys O
wait_for "my cases"
keys f
wait_for "all cases"
wait_for "rows 1-37 of"
top_of_report
wait_for "█"
wait_for "░"
scroll_to "Change in total (riskier to the left, safer to the right)"
scroll_to "├"
wait_for "┃"
scroll_to "Zoë Adebayo (Adebayo family)"
[ "$(colours)" -gt 0 ] || fail "the colour run shows no colour (is the colour check broken?)"
keys q
wait_for "My cases"
keys q
wait_for "[exited 0]"
echo "tui_report: ok"
