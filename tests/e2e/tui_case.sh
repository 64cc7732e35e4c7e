#!/bin/sh
# End-to-end: the case screen in tmux at 80x24 (monochrome) and 120x40: open from the caseload, every tab, resize, help, back.
set -eu
. "$SRC/tests/e2e/lib/tmux.sh"

export CASEBOOK_NOW=2026-07-01T09:00:00Z
DB="$E2E_TMP/case.db"
"$CASEBOOK" --db "$DB" import "$SRC/tests/fixtures/tui/case.yaml" >"$E2E_TMP/import.out" 2>&1 ||
	{ cat "$E2E_TMP/import.out" >&2; fail "importing the fixture"; }

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

# colours: prints how many colour SGR sequences the screen holds.
colours() {
	tmux -L "$E2E_SOCKET" capture-pane -e -p -t app |
		grep -cE '\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]+)*m' || true
}

open_case() {
	wait_for "Kemi Adeyemi"
	wait_for "Ní Bhriain"
	keys Down
	keys Enter
	wait_for "[1 Summary]"
	wait_for "Ní Bhriain family — Zoë Ní Bhriain, 14"
}

check_summary() {
	wait_for "Family        Ní Bhriain family (FAM-0100), 4 Quay Street"
	wait_for "Plan          Child in Need (CIN) since 2026-04-01 (13 weeks)"
	wait_for "Last contact  2026-06-20 14:00, Office visit (11 days ago)"
	wait_for "Notes         3 recorded, 1 confidential, 1 amended"
	wait_for "Risk total    5 on 2026-04-15 (higher is safer): safer than -3 on 2026-01-15"
	wait_for "Open goals    2 active of 3"
	wait_for "Go to school every day: 6/10, better"
	wait_for "Alliance      family 20/21 on 2026-06-10"
	wait_for "?:Help  q:Back  1-7:Tabs  n:Note  a:Assess  G:Goal  r:Review"
}

check_chronology() {
	wait_for "[2 Chronology]"
	wait_for "Newest first"
	wait_for "2026-06-20 14:00  Office visit, 30 min, child not seen"
	wait_for "2026-04-01 15:00  CONFIDENTIAL  Direct work, child seen"
	wait_for "Plan changed from Child Protection (CP) to Child in Need (CIN)"
	keys End
	wait_for "2026-01-12 10:00  Home visit, 60 min, child seen alone"
	wait_for "Worried about: Rent arrears"
	wait_for "Reason: Wrong worry recorded"
	wait_for "Worried about, now: Rent arrears and damp in the bedroom"
	wait_for "2025-03-01        Referral from school: no further action"
	keys g
	wait_for "rows 1-"
}

check_assessments() {
	wait_for "[3 Assessments]"
	wait_for "Risk Analysis Framework (FACT22)"
	wait_for "Total risk score (higher is safer), rated by worker: higher is better"
	wait_for "first -3 on 2026-01-15, latest 5 on 2026-04-15 (2 ratings): better"
	keys End
	wait_for "Working alliance (goal + task + bond, out of 21), rated by family member"
	wait_for "first 17.25 on 2026-03-01, latest 20 on 2026-06-10 (2 ratings): better"
}

check_goals() {
	wait_for "[4 Goals]"
	wait_for "Active goals (2)"
	wait_for "6/10 on 2026-05-01, better than 3 (2 reviews)"
	wait_for "Latest comment: On time four days a week"
	wait_for "3/10 on 2026-06-01, worse than 4 (2 reviews)"
	wait_for "Achieved (1)"
}

check_alliance() {
	wait_for "[5 Alliance]"
	wait_for "Family  "
	wait_for "first 17.25/21 on 2026-03-01, latest 20/21 on 2026-06-10: better"
	wait_for "first 16/21 on 2026-03-01, latest 18/21 on 2026-06-10: better"
	wait_for "FAMILY / YOUNG PERSON"
	wait_for "5.75  5.5    6 17.25 | Ann Patel"
	wait_for "7    6    7    20 | Ann Patel"
	same_col "|" "DATE       who" "|" "2026-03-01 Siobhán"
	same_col "|" "FAMILY / YOUNG PERSON" "|" "2026-06-10 Siobhán"
}

check_people() {
	wait_for "[6 People]"
	wait_for "Siobhán Ní Bhriain"
	wait_for "child (this case)"
	same_col "RELATIONSHIP" "NAME" "main caregiver" "Siobhán Ní Bhriain"
	same_col "RELATIONSHIP" "NAME" "child (this case)" "2012-05-01"
	same_col "AGE" "NAME" " 41" "Siobhán Ní Bhriain"
	same_col "1985-03-02" "Siobhán" "2012-05-01" "child (this case)"
}

check_plans() {
	wait_for "Child Protection (CP)    2026-01-10 2026-04-01    11"
	wait_for "Child in Need (CIN)      2026-04-01 in force      13"
	wait_for "no further action"
}

# --- 80x24 without colour: every tab, by every way of switching ---
export NO_COLOR=1
app_start 80 24 --db "$DB"
open_case
check_summary
keys Right
check_chronology
keys l
check_assessments
keys 4
check_goals
keys 5
check_alliance
keys 6
check_people
keys 7
wait_for "[7 Plans]"
check_plans
keys h
wait_for "[6 People]"
keys Left
wait_for "[5 Alliance]"
keys 1
wait_for "[1 Summary]"
keys Left
wait_for "[7 Plans]"
keys Right
wait_for "[1 Summary]"
[ "$(colours)" -eq 0 ] || fail "NO_COLOR is set but the screen has colour"

# Resizing redraws from the new size, and back.
keys 5
wait_for "[5 Alliance]"
resize 120 40
wait_for "7 Plan history"
wait_for "2026-03-01 Siobhán Ní Bhriain    5.75"
same_col "|" "DATE       who" "|" "2026-03-01 Siobhán"
resize 80 24
wait_for " 7 Plans"
wait_for "2026-03-01 Siobhán Ní … 5.75"
same_col "|" "DATE       who" "|" "2026-03-01 Siobhán"

# The help screen lists the case screen's keys; q comes back to the case, then the caseload.
keys '?'
wait_for "Case screen: next tab"
wait_for "Case screen: go to tab 1-7"
keys q
wait_for "[5 Alliance]"
keys q
wait_for "(risk: higher is safer)"
keys q
wait_for "[exited 0]"
app_stop

# --- 120x40 in colour ---
unset NO_COLOR
app_start 120 40 --db "$DB"
open_case
check_summary
wait_for "worker 18/21 on 2026-06-10 (Ann Patel)"
wait_for " 7 Plan history"
keys 2
check_chronology
keys 3
check_assessments
keys 4
check_goals
keys 5
check_alliance
wait_for "2026-03-01 Siobhán Ní Bhriain    5.75"
keys 6
check_people
keys 7
wait_for "[7 Plan history]"
check_plans
[ "$(colours)" -gt 0 ] || fail "the colour run shows no colour (is the colour check broken?)"
resize 80 24
wait_for "[7 Plans]"
check_plans
keys q
wait_for "(risk: higher is safer)"
keys q
wait_for "[exited 0]"
echo "tui_case ok"
