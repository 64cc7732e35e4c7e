#!/bin/sh
# Fault: a corrupt database file is detected (at open when its header or schema is hit) with advice, and restore mends it.
set -eu
. "$(dirname "$0")/lib/common.sh"
good="$tmp/good.db"
expect_status 0 "$CASEBOOK" --db "$good" import "$SRC/tests/fixtures/import/caseload.yaml"
expect_status 0 "$CASEBOOK" --db "$good" backup "$tmp/backup.db"
sqlite3 "$good" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
advice='damaged or not a casebook database; run `casebook check` to see what is wrong, and `casebook restore BACKUP`'

# Damage the header, cut the file short, or fill it with noise: every command stops at open.
damage() {
	cp "$good" "$tmp/$1.db"
	case $1 in
	header) printf 'this is not SQLite at all, sorry' | dd of="$tmp/$1.db" conv=notrunc 2>/dev/null ;;
	truncated) truncate -s 20000 "$tmp/$1.db" ;;
	noise) head -c 200000 /dev/urandom >"$tmp/$1.db" ;;
	esac
}
for kind in header truncated noise; do
	damage "$kind"
	for cmd in caseload "export --format json" "show case case-ada-1" "import $SRC/tests/fixtures/tui/case.yaml"; do
		# shellcheck disable=SC2086
		expect_status 1 "$CASEBOOK" --db "$tmp/$kind.db" $cmd
		grep -qF "$advice" "$tmp/err" || fail "$cmd on a $kind-damaged file says: $(cat "$tmp/err")"
	done
	expect_status 1 "$CASEBOOK" --db "$tmp/$kind.db" check
	grep -q 'too damaged to open.*casebook restore BACKUP' "$tmp/err" ||
		fail "check on a $kind-damaged file says: $(cat "$tmp/err")"
done

# Damage deep inside (a page of notes): check finds it and says what to do; reading it stops with advice.
cp "$good" "$tmp/deep.db"
page=$(sqlite3 "$good" "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' LIMIT 1")
head -c 4096 /dev/urandom | dd of="$tmp/deep.db" bs=4096 seek=$((page - 1)) conv=notrunc 2>/dev/null
expect_status 1 "$CASEBOOK" --db "$tmp/deep.db" check
grep -q "^database file:" "$tmp/out" || fail "check does not say what is wrong: $(cat "$tmp/out")"
grep -q 'problems\? found.*casebook restore BACKUP' "$tmp/err" || fail "check advice: $(cat "$tmp/err")"
expect_status 1 "$CASEBOOK" --db "$tmp/deep.db" export --out "$tmp/deep.yaml"
grep -qF "$advice" "$tmp/err" || fail "export of damaged notes says: $(cat "$tmp/err")"
[ ! -e "$tmp/deep.yaml" ] || fail "a failed export left a file"

# Restore mends both kinds, keeping the damaged file.
for kind in truncated deep; do
	expect_status 0 "$CASEBOOK" --db "$tmp/$kind.db" restore "$tmp/backup.db"
	[ -e "$tmp/$kind.db.before-restore" ] || fail "restore did not keep the damaged $kind file"
	check_passes "$tmp/$kind.db" "after restoring over a $kind-damaged file"
done
echo "corrupt: ok: header, truncation, noise detected at open; a damaged page found by check; restore mends"
