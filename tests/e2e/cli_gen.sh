#!/bin/sh
# End-to-end: `casebook gen` makes a checkable synthetic casebook, deterministically, and only in a new file.
set -eu
: "${CASEBOOK:?set CASEBOOK to the casebook binary}"
: "${SRC:?set SRC to the source tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { want=$1; shift; set +e; "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
	[ "$got" -eq "$want" ] || { cat "$tmp/out" "$tmp/err" >&2; fail "$* exited $got, want $want"; }; }
export CASEBOOK_FORMS="$SRC/forms" CASEBOOK_NOW=2026-11-01T09:00:00Z

expect_status 2 "$CASEBOOK" --db "$tmp/a.db" gen
grep -q 'say how many families' "$tmp/err" || fail "missing --families message"
expect_status 2 "$CASEBOOK" --db "$tmp/a.db" gen --families many
expect_status 2 "$CASEBOOK" --db "$tmp/a.db" gen --families 3 --until yesterday
[ ! -e "$tmp/a.db" ] || fail "a usage error created the database"

expect_status 0 "$CASEBOOK" --db "$tmp/a.db" gen --families 4 --seed 9 --scale-notes 0.3
grep -q '^made .* 4 families' "$tmp/out" || fail "summary: $(cat "$tmp/out")"
grep -q 'gen: planned 4 families' "$tmp/err" || fail "no progress on standard error"
grep -q 'gen: 100%' "$tmp/err" || fail "progress does not reach 100%"
[ "$(stat -c %a "$tmp/a.db")" = 600 ] || fail "database mode"
expect_status 0 "$CASEBOOK" --db "$tmp/a.db" check
expect_status 0 "$CASEBOOK" --db "$tmp/a.db" caseload
grep -q 'open case' "$tmp/out" || fail "caseload of the generated casebook"

# The same seed makes the same records (the device id and what embeds it aside).
expect_status 0 "$CASEBOOK" --db "$tmp/b.db" gen --families 4 --seed 9 --scale-notes 0.3
q="SELECT group_concat(id || occurred_at || body, '|') FROM (SELECT * FROM notes ORDER BY id)"
[ "$(sqlite3 "$tmp/a.db" "$q")" = "$(sqlite3 "$tmp/b.db" "$q")" ] || fail "not deterministic"

# A database that already holds families is refused and left as it was.
before=$(sqlite3 "$tmp/a.db" 'SELECT count(*) FROM audit_log')
expect_status 1 "$CASEBOOK" --db "$tmp/a.db" gen --families 4
grep -q 'already holds families' "$tmp/err" || fail "refusal message"
[ "$(sqlite3 "$tmp/a.db" 'SELECT count(*) FROM audit_log')" = "$before" ] || fail "refused gen wrote"
echo "cli_gen: ok"
