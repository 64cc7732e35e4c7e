#!/bin/sh
# Fault: a database another casebook is writing waits (the busy timeout), then explains; reading goes on.
set -eu
. "$(dirname "$0")/lib/common.sh"
: "${FAULT_WRITER:?set FAULT_WRITER to the fault_writer driver}"
db="$tmp/casebook.db"
expect_status 0 "$CASEBOOK" --db "$db" import "$SRC/tests/fixtures/import/caseload.yaml"

# hold SECONDS: another casebook takes the write lock for that long (background).
hold() {
	"$FAULT_WRITER" hold "$db" "$1" >"$tmp/hold" 2>&1 &
	victim=$!
	while ! grep -q holding "$tmp/hold"; do sleep 0.05; done
}

hold 9
start=$(now_ms)
expect_status 1 "$CASEBOOK" --db "$db" import "$SRC/tests/fixtures/tui/case.yaml"
waited=$(($(now_ms) - start))
grep -q 'another casebook (or another program) is using the database; close it, then try again' \
	"$tmp/err" || fail "locked import says: $(cat "$tmp/err")"
[ "$waited" -ge 4500 ] || fail "gave up after $waited ms, before the 5 s busy timeout"
# Reading is not blocked by a writer (WAL): the caseload, an export, a backup.
expect_status 0 "$CASEBOOK" --db "$db" caseload
expect_status 0 "$CASEBOOK" --db "$db" export --out "$tmp/export.yaml"
expect_status 0 "$CASEBOOK" --db "$db" backup "$tmp/backup.db"
wait "$victim"
victim=""

# A lock held for less than the timeout: the write waits for it, then goes through.
hold 2
start=$(now_ms)
expect_status 0 "$CASEBOOK" --db "$db" import "$SRC/tests/fixtures/tui/case.yaml"
waited2=$(($(now_ms) - start))
[ "$waited2" -ge 1000 ] || fail "the import did not wait for the lock ($waited2 ms)"
wait "$victim"
victim=""
check_passes "$db" "after the locks"
echo "locked: ok: waited $waited ms then explained; waited $waited2 ms for a short lock, then saved"
