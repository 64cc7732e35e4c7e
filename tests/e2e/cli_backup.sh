#!/bin/sh
# End-to-end: `casebook backup` and `casebook restore`: private copies, no accidental overwrites, checked restores.
set -eu
: "${CASEBOOK:?set CASEBOOK to the casebook binary}"
: "${SRC:?set SRC to the source tree}"
tmp=$(mktemp -d)
holder=""
trap '[ -z "$holder" ] || kill "$holder" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { want=$1; shift; set +e; "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
	[ "$got" -eq "$want" ] || { cat "$tmp/out" "$tmp/err" >&2; fail "$* exited $got, want $want"; }; }
export CASEBOOK_FORMS="$SRC/forms" CASEBOOK_NOW=2026-11-01T09:00:00Z
db="$tmp/casebook.db"
notes() { sqlite3 "$1" 'SELECT count(*) FROM notes'; }

expect_status 0 "$CASEBOOK" --db "$db" import "$SRC/tests/fixtures/import/caseload.yaml"
expect_status 2 "$CASEBOOK" --db "$db" backup
expect_status 2 "$CASEBOOK" --db "$db" backup a b
expect_status 2 "$CASEBOOK" --db "$db" restore --frobnicate x
expect_status 1 "$CASEBOOK" --db "$tmp/none.db" backup "$tmp/b.db"
grep -q 'no casebook database' "$tmp/err" || fail "backup of a missing database"

# A backup is one private file that passes check, and is never overwritten by accident.
expect_status 0 "$CASEBOOK" --db "$db" backup "$tmp/b1.db"
grep -q "backed up $db to $tmp/b1.db" "$tmp/out" || fail "backup message"
[ "$(stat -c %a "$tmp/b1.db")" = 600 ] || fail "backup mode"
[ ! -e "$tmp/b1.db-wal" ] || fail "backup left a -wal file"
expect_status 0 "$CASEBOOK" --db "$tmp/b1.db" check
expect_status 1 "$CASEBOOK" --db "$db" backup "$tmp/b1.db"
grep -q 'already exists; give another name, or --force' "$tmp/err" || fail "overwrite message"
expect_status 1 "$CASEBOOK" --db "$db" backup --force "$db"
grep -q 'the database itself' "$tmp/err" || fail "backup over itself"
expect_status 0 "$CASEBOOK" --db "$db" backup --force "$tmp/b1.db"
[ "$(notes "$tmp/b1.db")" = "$(notes "$db")" ] || fail "backup content"

# Restore replaces the database and keeps the one it replaced.
before=$(notes "$db")
expect_status 0 "$CASEBOOK" --db "$tmp/b1.db" import "$SRC/tests/fixtures/tui/case.yaml"
expect_status 0 "$CASEBOOK" --db "$db" backup "$tmp/b2.db"
expect_status 0 "$CASEBOOK" --db "$db" restore "$tmp/b1.db"
grep -q "kept as $db.before-restore" "$tmp/out" || fail "restore message: $(cat "$tmp/out")"
[ "$(notes "$db")" -gt "$before" ] || fail "restore did not load the backup"
[ "$(notes "$db.before-restore")" = "$before" ] || fail "the replaced database was not kept"
expect_status 0 "$CASEBOOK" --db "$db" check
expect_status 1 "$CASEBOOK" --db "$db" restore "$tmp/b2.db"
grep -q 'earlier restore' "$tmp/err" || fail "second restore without --force"
expect_status 0 "$CASEBOOK" --db "$db" restore --force "$tmp/b2.db"
[ "$(notes "$db")" = "$before" ] || fail "restore --force"

# What is not a sound casebook is refused, with the reason, and changes nothing.
printf 'not a database' >"$tmp/junk"
expect_status 1 "$CASEBOOK" --db "$db" restore --force "$tmp/junk"
grep -q 'not a casebook database.*nothing was changed' "$tmp/err" || fail "junk restore message"
cp "$tmp/b1.db" "$tmp/future.db"
sqlite3 "$tmp/future.db" 'PRAGMA user_version = 7'
expect_status 1 "$CASEBOOK" --db "$db" restore --force "$tmp/future.db"
grep -q 'newer casebook' "$tmp/err" || fail "newer restore message"
cp "$tmp/b1.db" "$tmp/tampered.db"
sqlite3 "$tmp/tampered.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'x' WHERE seq = 3"
expect_status 1 "$CASEBOOK" --db "$db" restore --force "$tmp/tampered.db"
grep -q 'entry 3 .* was altered' "$tmp/err" || fail "tampered restore lists the problem"
grep -q 'fails the casebook check' "$tmp/err" || fail "tampered restore message"
[ "$(notes "$db")" = "$before" ] || fail "a refused restore changed the database"

# While another program has the database open, restore waits, then explains.
mkfifo "$tmp/fifo"
sqlite3 "$db" <"$tmp/fifo" >/dev/null 2>&1 &
holder=$!
exec 3>"$tmp/fifo"
echo 'SELECT count(*) FROM notes;' >&3
sleep 0.5
expect_status 1 "$CASEBOOK" --db "$db" restore --force "$tmp/b1.db"
grep -q 'has .* open; close it, then restore again' "$tmp/err" || fail "busy restore message"
[ "$(notes "$db")" = "$before" ] || fail "a busy restore changed the database"
exec 3>&-
wait "$holder"
holder=""
expect_status 0 "$CASEBOOK" --db "$db" restore --force "$tmp/b1.db"
echo "cli_backup: ok"
