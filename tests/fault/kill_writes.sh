#!/bin/sh
# Fault: kill -9 at random moments during 1,000 writes; afterwards check passes and every committed note is there.
set -eu
. "$(dirname "$0")/lib/common.sh"
: "${FAULT_WRITER:?set FAULT_WRITER to the fault_writer driver}"
db="$tmp/writes.db"
log="$tmp/committed"
total=1000
kills=0
: >"$log"
present=0
while [ "$present" -lt "$total" ]; do
	kill_sometime 5 300 "$FAULT_WRITER" write "$db" "$log" "$total"
	kills=$((kills + killed))
	[ -e "$db" ] || continue
	check_passes "$db" "after kill $kills"
	present=$(count "$db" "SELECT count(*) FROM notes WHERE id LIKE 'fault-%'")
	last=$(count "$db" "SELECT coalesce(max(id), '') FROM notes WHERE id LIKE 'fault-%'")
	logged=$(wc -l <"$log")
	# The writer numbers notes 1, 2, 3...: no gap, and none it logged as committed is missing.
	[ "$present" -eq 0 ] || [ "$last" = "$(printf 'fault-%06d' "$present")" ] ||
		fail "notes are not 1..$present (last is $last) after kill $kills"
	# Every note the writers logged as committed is there (notes 1..present are).
	last_logged=$(tail -n 1 "$log" | sed 's/^fault-0*//')
	[ "$logged" -eq 0 ] || [ "$last_logged" -le "$present" ] ||
		fail "note $last_logged was committed but only $present are there after kill $kills"
	[ "$(sort -u "$log" | wc -l)" -eq "$logged" ] || fail "a note was committed twice"
	# At most one note per kill was committed but not yet logged when the writer died.
	[ "$present" -le $((logged + kills)) ] || fail "$present notes but only $logged logged"
done
[ "$kills" -ge 3 ] || fail "only $kills kills: the writer finished too fast to test anything"
echo "kill_writes: ok: $total writes, killed $kills times, check passed after every kill"
