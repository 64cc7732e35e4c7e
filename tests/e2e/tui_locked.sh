#!/bin/sh
# End-to-end: saving while another program holds the database's write lock says what to
# do, keeps the typing, and saves once the lock is gone.
set -eu
. "$SRC/tests/e2e/lib/tmux.sh"
export CASEBOOK_NOW=2026-07-01T09:00:00Z
DB="$E2E_TMP/locked.db"
"$CASEBOOK" --db "$DB" import "$SRC/tests/fixtures/tui/case.yaml" >/dev/null || fail "import"

app_start 80 24 --db "$DB"
wait_for "Zoë Ní Bhriain"
keys j n
wait_for "Contact and case note"
for _ in $(seq 9); do keys Tab; done
keys -l "Written while the database was locked."
wait_for "Written while the database was locked."

# Another writer holds the lock (a second tmux window running the sqlite3 shell).
tmux -L "$E2E_SOCKET" new-window -d -t app -n lock "sqlite3 '$DB'"
tmux -L "$E2E_SOCKET" send-keys -t app:lock "BEGIN IMMEDIATE\\;" Enter
tmux -L "$E2E_SOCKET" send-keys -t app:lock "SELECT 'locked-' || 'now'\\;" Enter
tries=100
until tmux -L "$E2E_SOCKET" capture-pane -p -t app:lock | grep -q "^locked-now"; do
	tries=$((tries - 1)); [ "$tries" -gt 0 ] || fail "the lock was not taken"; sleep 0.05
done

keys F2
wait_for "another casebook (or another program)" 15
wait_for "is using the database; close it, then try again"
wait_for "Written while the database was locked."
tmux -L "$E2E_SOCKET" send-keys -t app:lock "ROLLBACK\\;" Enter ".quit" Enter
keys F2
wait_for "Note saved"
keys q
wait_for "[exited 0]"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM notes WHERE body = 'Written while the database was locked.'")" = 1 ] ||
	fail "the note was not saved after the lock went"
echo "tui_locked: ok"
