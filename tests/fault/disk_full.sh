#!/bin/sh
# Fault: a full disk (write() fails with ENOSPC, through an LD_PRELOAD shim) gives a clear message and no damage.
set -eu
. "$(dirname "$0")/lib/common.sh"
: "${FAULT_WRITER:?set FAULT_WRITER to the fault_writer driver}"
: "${FAULT_ENOSPC:?set FAULT_ENOSPC to the ENOSPC shim}"
# The shim is not built with the sanitizers, so it comes before their runtime in the list.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export CASEBOOK_NOW=2026-11-01T09:00:00Z
# full BYTES CMD...: runs CMD on a disk with BYTES left (for the files in $tmp/data).
full() {
	bytes=$1
	shift
	LD_PRELOAD="$FAULT_ENOSPC" ENOSPC_PATH="$tmp/data/" ENOSPC_AFTER="$bytes" "$@"
}
mkdir "$tmp/data" "$tmp/backups"
db="$tmp/data/casebook.db"
"$CASEBOOK" --db "$tmp/source.db" gen --families 20 --seed 5 --scale-notes 0.3 >/dev/null 2>&1 ||
	fail "gen for the import file"
"$CASEBOOK" --db "$tmp/source.db" export --out "$tmp/big.yaml" || fail "export for the import file"
expect_status 0 "$CASEBOOK" --db "$db" import "$SRC/tests/fixtures/import/caseload.yaml"
before=$(count "$db" 'SELECT count(*) FROM notes')
audit=$(count "$db" 'SELECT count(*) FROM audit_log')

# An import that fills the disk part way: refused whole, with what to do; the database is sound.
for bytes in 0 4096 100000 1000000; do
	expect_status 1 full "$bytes" "$CASEBOOK" --db "$db" import "$tmp/big.yaml"
	grep -q 'the disk is full; free some space and try again' "$tmp/err" ||
		fail "import on a full disk ($bytes bytes left) says: $(cat "$tmp/err")"
	grep -q 'nothing was saved' "$tmp/err" || fail "import on a full disk: what was kept"
	check_passes "$db" "after an import filled the disk ($bytes bytes left)"
	[ "$(count "$db" 'SELECT count(*) FROM notes')" -eq "$before" ] || fail "a part of the import was kept"
	[ "$(count "$db" 'SELECT count(*) FROM audit_log')" -eq "$audit" ] || fail "the audit log changed"
done

# Saving one note on a full disk (the app's own write path): the message says what to do.
expect_status 1 full 0 "$FAULT_WRITER" write "$db" "$tmp/log" 5
grep -q 'the disk is full' "$tmp/err" || fail "note on a full disk says: $(cat "$tmp/err")"
check_passes "$db" "after a note on a full disk"
[ ! -s "$tmp/log" ] || fail "a note was reported saved on a full disk"

# A backup onto a full disk fails cleanly and leaves no half file behind.
LD_PRELOAD="$FAULT_ENOSPC" ENOSPC_PATH="$tmp/backups/" ENOSPC_AFTER=50000 \
	expect_status 1 "$CASEBOOK" --db "$db" backup "$tmp/backups/b.db"
grep -q 'the disk is full' "$tmp/err" || fail "backup on a full disk says: $(cat "$tmp/err")"
[ -z "$(ls "$tmp/backups")" ] || fail "a failed backup left $(ls "$tmp/backups")"

# With space again, everything works.
expect_status 0 "$CASEBOOK" --db "$db" import "$tmp/big.yaml"
expect_status 0 "$FAULT_WRITER" write "$db" "$tmp/log" 5
check_passes "$db" "once there is space again"
echo "disk_full: ok: imports with 0 B to 1 MB of disk left, a note and a backup all refused cleanly"
