#!/bin/sh
# End-to-end: the first start with no database sets up who is using casebook (name, role,
# team), in a private folder; a second new user can open the sample casebook instead.
set -eu
. "$SRC/tests/e2e/lib/tmux.sh"
export CASEBOOK_NOW=2026-11-01T09:00:00Z

# Set up a new casebook as a supervisor.
export XDG_DATA_HOME="$E2E_TMP/xdg-one"
app_start 80 24
wait_for "Welcome to casebook"
wait_for "$XDG_DATA_HOME/casebook/casebook.db"
keys Enter
wait_for "Set up your casebook"
keys -l "Zoë Ní Bhriain"
keys Tab Space Tab
wait_for "< Supervisor (advanced social worker) >"
keys -l "North Pod"
keys F2
wait_for "Welcome, Zoë Ní Bhriain. Your casebook is ready."
wait_for "No open cases"
keys q
wait_for "[exited 0]"
app_stop
DB="$XDG_DATA_HOME/casebook/casebook.db"
[ "$(stat -c %a "$DB")" = 600 ] || fail "database mode $(stat -c %a "$DB")"
[ "$(stat -c %a "$XDG_DATA_HOME/casebook")" = 700 ] || fail "folder mode"
[ "$(sqlite3 "$DB" "SELECT p.name || '|' || p.role || '|' || t.name FROM practitioners p
	JOIN teams t ON t.id = p.team_id WHERE p.id = (SELECT value FROM meta
	WHERE key = 'practitioner_id')")" = "Zoë Ní Bhriain|supervisor|North Pod" ] ||
	fail "the practitioner was not set up"
# Her writes are audited under her id from now on.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE actor = (SELECT value FROM meta
	WHERE key = 'practitioner_id')")" -ge 2 ] || fail "audit actor"
"$CASEBOOK" --db "$DB" check >/dev/null || fail "check"

# The next start goes straight to the (empty) caseload.
app_start 80 24
wait_for "No open cases"
keys q
wait_for "[exited 0]"
app_stop

# Another new user looks at the sample first; their own database stays empty.
export XDG_DATA_HOME="$E2E_TMP/xdg-two"
app_start 80 24
wait_for "Welcome to casebook"
keys Down Enter
wait_for "16 cases" 30
wait_for "Lily-Mae Walsh"
keys q
wait_for "[exited 0]"
[ -f "$XDG_DATA_HOME/casebook/sample.casebook" ] || fail "no sample database"
[ "$(sqlite3 "$XDG_DATA_HOME/casebook/casebook.db" "SELECT count(*) FROM families")" = 0 ] ||
	fail "the sample went into the user's own database"
echo "tui_firstrun: ok"
