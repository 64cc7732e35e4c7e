#!/bin/sh
# End-to-end: global options, exit statuses, database creation and permissions, check.
set -eu
: "${CASEBOOK:?set CASEBOOK to the casebook binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { want=$1; shift; set +e; "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
	[ "$got" -eq "$want" ] || { cat "$tmp/out" "$tmp/err" >&2; fail "$* exited $got, want $want"; }; }

expect_status 0 "$CASEBOOK" --version
grep -q '^casebook [0-9]' "$tmp/out" || fail "--version output"
expect_status 0 "$CASEBOOK" --help
grep -q 'usage: casebook' "$tmp/out" || fail "--help output"
expect_status 2 "$CASEBOOK" --no-such-option
expect_status 2 "$CASEBOOK" frobnicate
grep -q "unknown command 'frobnicate'" "$tmp/err" || fail "unknown command message"
expect_status 2 "$CASEBOOK" --db "$tmp/x.db" check extra

# A missing database is not created by reading commands, and the message says what to do.
expect_status 1 "$CASEBOOK" --db "$tmp/missing.db" check
grep -q 'no casebook database' "$tmp/err" || fail "missing database message"
[ ! -e "$tmp/missing.db" ] || fail "check created a database"

# CASEBOOK_DB and the XDG default; the folder is 0700 and the file 0600.
export XDG_DATA_HOME="$tmp/xdg"
expect_status 1 "$CASEBOOK" check
grep -q "$tmp/xdg/casebook/casebook.db" "$tmp/err" || fail "XDG default path not used"
[ "$(stat -c %a "$tmp/xdg/casebook")" = 700 ] || fail "data folder mode"
CASEBOOK_DB="$tmp/env.db" expect_status 1 "$CASEBOOK" check
grep -q "$tmp/env.db" "$tmp/err" || fail "CASEBOOK_DB not honoured"

# A database from a newer casebook is refused and left alone.
sqlite3 "$tmp/new.db" 'PRAGMA user_version = 42;'
expect_status 1 "$CASEBOOK" --db "$tmp/new.db" check
grep -q 'newer casebook' "$tmp/err" || fail "newer schema message"
[ "$(sqlite3 "$tmp/new.db" 'PRAGMA user_version')" = 42 ] || fail "newer database was changed"

# An empty file becomes a casebook database on first open; check passes.
: >"$tmp/empty.db"
expect_status 0 "$CASEBOOK" --db "$tmp/empty.db" check
grep -q 'audit chain ok' "$tmp/out" || fail "check output"
expect_status 0 "$CASEBOOK" --db "$tmp/empty.db" caseload
grep -q '0 open cases' "$tmp/out" || fail "empty caseload"

# Tampering with the audit log is reported with exit status 1.
sqlite3 "$tmp/empty.db" "DROP TRIGGER audit_log_no_delete; INSERT INTO meta VALUES ('x', 'y');"
expect_status 1 "$CASEBOOK" --db "$tmp/empty.db" check
grep -q 'audit_log_no_delete has been removed' "$tmp/out" || fail "guard removal not reported"
# The shipped instruments pass the linter; a broken folder fails it with file:line:col.
CASEBOOK_FORMS="$SRC/forms" expect_status 0 "$CASEBOOK" forms check "$SRC/forms"
mkdir "$tmp/badforms"
printf 'id: x\nversion: one\n' >"$tmp/badforms/x.yaml"
expect_status 1 "$CASEBOOK" forms check "$tmp/badforms"
grep -q "x.yaml:2:10:" "$tmp/err" || { cat "$tmp/err" >&2; fail "forms check message"; }
echo "cli_basics: ok"
