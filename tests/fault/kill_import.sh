#!/bin/sh
# Fault: kill -9 at random moments during an import; afterwards check passes and the import is all there or not at all.
set -eu
. "$(dirname "$0")/lib/common.sh"
export CASEBOOK_NOW=2026-11-01T09:00:00Z
# A caseload file of some size: a generated casebook, exported.
"$CASEBOOK" --db "$tmp/source.db" gen --families 20 --seed 3 --scale-notes 0.3 >/dev/null 2>&1 ||
	fail "gen for the import file"
"$CASEBOOK" --db "$tmp/source.db" export --out "$tmp/big.yaml" || fail "export for the import file"
want=$(count "$tmp/source.db" "SELECT count(*) FROM notes WHERE confidential = 0")
# The database already holds an earlier import, which must come through every kill.
expect_status 0 "$CASEBOOK" --db "$tmp/base.db" import "$SRC/tests/fixtures/import/caseload.yaml"
sqlite3 "$tmp/base.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
base=$(count "$tmp/base.db" 'SELECT count(*) FROM notes')
db="$tmp/import.db"
kills=0
rounds=0
while [ "$kills" -lt 6 ] && [ "$rounds" -lt 20 ]; do
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$tmp/base.db" "$db"
	kill_sometime 20 3500 "$CASEBOOK" --db "$db" import "$tmp/big.yaml"
	kills=$((kills + killed))
	rounds=$((rounds + 1))
	check_passes "$db" "after a kill during import (round $rounds)"
	n=$(count "$db" 'SELECT count(*) FROM notes')
	[ "$n" -eq "$base" ] || [ "$n" -eq $((base + want)) ] ||
		fail "$n notes after a kill: the import was neither all there ($((base + want))) nor absent ($base)"
done
[ "$kills" -ge 3 ] || fail "only $kills of $rounds imports were killed: the kill window is too late"
# Whatever was killed, the import then goes through whole.
expect_status 0 "$CASEBOOK" --db "$db" import "$tmp/big.yaml"
[ "$(count "$db" 'SELECT count(*) FROM notes')" -eq $((base + want)) ] || fail "the final import"
check_passes "$db" "after the final import"
echo "kill_import: ok: $rounds imports of $want notes, killed $kills times, all or nothing each time"
