#!/bin/sh
# End-to-end: recording in the app as a practitioner would, typing in a real terminal
# (tmux) at 80x24 and at 120x40: a contact note, a risk assessment with its live totals,
# WAI from the worker and from a parent, a draft that survives kill -9, search, resize.
# Everything is then checked in the database through `casebook export` and sqlite3.
set -eu
. "$SRC/tests/e2e/lib/tmux.sh"
export CASEBOOK_NOW=2026-07-01T09:00:00Z

q() { sqlite3 "$DB" "$1"; }

record_note() {
	keys n
	wait_for "Contact and case note"
	wait_for "Zoë Ní Bhriain (14), Ní Bhriain family"
	keys Tab Tab
	keys -l 45
	keys Tab
	keys -l "Zoë and Siobhán"
	keys Tab Space Tab Space Tab
	keys -l "Rent arrears $1"
	keys Tab
	keys -l "Zoë is back at school"
	keys Tab
	keys -l "Budgeting plan with Siobhán"
	keys Tab
	keys -l "Home visit; kitchen table talk about the week."
	wait_for "kitchen table talk"
	keys F2
	wait_for "Note saved: Zoë Ní Bhriain"
}

# The risk framework, checking the totals the screen shows after each answer.
record_risk() {
	keys a
	wait_for "Record an assessment: which instrument?"
	keys j j j Enter
	wait_for "Risk Analysis Framework (FACT22)"
	wait_for "Risk +0  Protective +0  Engagement -  Total -"
	keys Tab Tab Tab Tab Space
	wait_for "Risk -1  Protective +0  Engagement -  Total -"
	# On to the first protective factor (field 24), then the main caregiver's engagement (34).
	for _ in $(seq 19); do keys Tab; done
	keys Space
	wait_for "Risk -1  Protective +1  Engagement -  Total -"
	for _ in $(seq 10); do keys Tab; done
	keys Space
	wait_for "Risk -1  Protective +1  Engagement +2  Total +2"
	keys Tab Space Space
	wait_for "Risk -1  Protective +1  Engagement +3  Total +3"
	keys F2
	wait_for "Risk Analysis Framework (FACT22) saved"
}

# WAI: $1 = the digit for every item; $2 = "parent" to record it as the main caregiver.
record_wai() {
	keys a
	wait_for "Record an assessment: which instrument?"
	keys j j j j Enter
	wait_for "Working alliance (goal, task, bond)"
	keys Tab
	if [ "$2" = parent ]; then
		keys Space Tab Space
		wait_for "< Siobhán Ní Bhriain >"
		keys Tab Tab
	else
		keys Tab Tab Tab
	fi
	for _ in $(seq 12); do keys "$1" Tab; done
	wait_for "Goal $1.00  Task $1.00  Bond $1.00  Alliance +$(($1 * 3))"
	keys F2
	wait_for "Working alliance (goal, task, bond) saved"
}

run_at() {
	cols=$1 lines=$2
	DB="$E2E_TMP/record-$cols.db"
	"$CASEBOOK" --db "$DB" import "$SRC/tests/fixtures/tui/case.yaml" >/dev/null ||
		fail "importing the fixture"
	app_start "$cols" "$lines" --db "$DB"
	wait_for "Zoë Ní Bhriain"
	keys j
	record_note "$cols"
	record_risk
	record_wai 6 worker
	record_wai 5 parent

	# A note half typed when the process is killed comes back on the next start.
	keys n
	wait_for "Contact and case note"
	keys Tab Tab Tab
	keys -l "Half typed before the crash"
	wait_for "Half typed before the crash"
	pkill -KILL -P "$(tmux -L "$E2E_SOCKET" display -p -t app '#{pane_pid}')" -x casebook
	wait_for "[exited"
	app_stop
	app_start "$cols" "$lines" --db "$DB"
	wait_for "Unsaved forms from last time"
	wait_for "Contact and case note: Zoë Ní Bhriain"
	keys Enter
	wait_for "Half typed before the crash"
	for _ in $(seq 9); do keys Tab; done
	keys -l "Finished after the restart."
	keys F2
	wait_for "Note saved"

	# SIGHUP (the terminal closed) and SIGTERM: the terminal is given back and the draft kept.
	for signal in HUP TERM; do
		keys n
		wait_for "Contact and case note"
		for _ in $(seq 9); do keys Tab; done
		keys -l "Typed before SIG$signal"
		wait_for "Typed before SIG$signal"
		pkill -"$signal" -P "$(tmux -L "$E2E_SOCKET" display -p -t app '#{pane_pid}')" -x casebook
		wait_for "[exited"
		[ "$(tmux -L "$E2E_SOCKET" display -p -t app '#{alternate_on}')" = 0 ] ||
			fail "SIG$signal left the terminal in the app's screen"
		app_stop
		app_start "$cols" "$lines" --db "$DB"
		wait_for "Unsaved forms from last time"
		keys Enter
		wait_for "Typed before SIG$signal"
		keys F2
		wait_for "Note saved"
	done

	# Search note text and open the case from the hit.
	keys /
	wait_for "Search names and notes:"
	keys -l "arrears"
	keys Enter
	wait_for "Search: arrears"
	keys Enter
	wait_for "[2 Chronology]"
	wait_for "Worried about: Rent arrears"
	keys q
	wait_for "Search: arrears"
	keys q
	wait_for "(risk: higher is safer)"

	# Too small, then big again.
	resize 60 20
	wait_for "casebook needs a terminal of at least 80x24"
	resize "$cols" "$lines"
	wait_for "(risk: higher is safer)"
	keys q
	wait_for "[exited 0]"
	app_stop

	"$CASEBOOK" --db "$DB" export --include-confidential "e2e check" >"$E2E_TMP/export.yaml"
	grep -q "worries: Rent arrears $cols" "$E2E_TMP/export.yaml" || fail "note not exported"
	grep -q "present: Zoë and Siobhán" "$E2E_TMP/export.yaml" || fail "UTF-8 text lost"
	grep -q "present: Half typed before the crash" "$E2E_TMP/export.yaml" ||
		fail "the restored draft was not saved"
	[ "$(q "SELECT count(*) FROM drafts")" = 0 ] || fail "a draft was left behind"
	[ "$(q "SELECT child_seen || child_seen_alone || duration_minutes FROM notes
		WHERE worries = 'Rent arrears $cols'")" = 1145 ] || fail "note fields"
	[ "$(q "SELECT group_concat(scale || '=' || score, ' ') FROM (SELECT s.scale, s.score
		FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id
		WHERE a.instrument = 'risk-framework' AND a.assessed_on = '2026-07-01'
		ORDER BY s.scale)")" = "engagement=3.0 protective=1.0 risk=-1.0 total=3.0" ] ||
		fail "risk scores"
	[ "$(q "SELECT group_concat(x, ' ') FROM (SELECT a.rater || ':' || coalesce(p.name, '-')
		|| '=' || s.score AS x FROM assessments a
		JOIN assessment_scores s ON s.assessment_id = a.id
		LEFT JOIN people p ON p.id = a.rater_person_id
		WHERE a.instrument = 'working-alliance' AND s.scale = 'alliance'
		AND a.assessed_on = '2026-07-01' ORDER BY a.rater)")" = \
		"family_member:Siobhán Ní Bhriain=15.0 worker:-=18.0" ] || fail "WAI scores"
	"$CASEBOOK" --db "$DB" check >/dev/null || fail "casebook check"
}

run_at 80 24
run_at 120 40
echo "tui_record: ok"
