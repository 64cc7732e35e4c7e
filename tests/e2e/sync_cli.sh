#!/bin/sh
# sync_cli.sh: a hub and two laptops as separate databases, through the CLI only: enrolment,
# what each laptop holds, bundles both ways in any order, replays, misaddressed, tampered,
# truncated and revoked bundles, status, and `casebook check` on every database.
set -u
: "${CASEBOOK:?set CASEBOOK to the casebook binary}" "${SRC:?set SRC to the source tree}"
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
export CASEBOOK_NOW=2026-03-05T09:00:00Z CASEBOOK_FORMS="$SRC/forms"
unset CASEBOOK_DB CASEBOOK_USER
FIX="$SRC/tests/fixtures/sync"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run WANT DB ARGS...: runs casebook on DB; output in $T/out and $T/err; checks the exit status.
run() {
	want=$1 db=$2
	shift 2
	"$CASEBOOK" --db "$db" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	[ "$rc" -eq "$want" ] || { cat "$T/out" "$T/err" >&2; fail "casebook $* exited $rc, expected $want"; }
}

has() { grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks: $2"; }; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 should not contain: $2"; }

# enrol NAME PRACTITIONER: enrols a laptop on the hub and joins it with the code shown once.
enrol() {
	run 0 "$T/hub.db" sync enrol --practitioner "$2" --to "$T/enrol-$1.cbsync"
	has "$T/out" "Enrolment code, shown once and kept nowhere:"
	code=$(sed -n 's/.*kept nowhere: //p' "$T/out")
	echo "$code" | "$CASEBOOK" --db "$T/$1.db" sync enrol --from "$T/enrol-$1.cbsync" \
		>"$T/out" 2>"$T/err" || { cat "$T/err" >&2; fail "$1 could not join"; }
	has "$T/out" "for practitioner $2"
	! grep -qF "$code" "$T/enrol-$1.cbsync" || fail "the code is in the bundle"
	! sqlite3 "$T/hub.db" .dump | grep -qF "$code" || fail "the code is kept on the hub"
}

# The hub: the team's caseload, then hub mode.
run 0 "$T/hub.db" import "$FIX/team.yaml"
run 0 "$T/hub.db" sync status
has "$T/out" "not in a sync team"
run 0 "$T/hub.db" sync init-hub
has "$T/out" "now its team's sync hub"
run 1 "$T/hub.db" sync init-hub
has "$T/err" "already a hub"

# Two laptops; a wrong code and a laptop database that holds records are refused.
run 0 "$T/hub.db" sync enrol --practitioner prac-ann --label "Spare laptop" --to "$T/spare.cbsync"
echo "AAAAA-BBBBB-CCCCC-DDDDD" | "$CASEBOOK" --db "$T/wrong.db" sync enrol --from "$T/spare.cbsync" \
	>"$T/out" 2>"$T/err" && fail "a wrong code was accepted"
has "$T/err" "the enrolment code does not open"
run 0 "$T/hub.db" sync revoke "Spare laptop" # its code was never used: nothing goes to it
enrol ann prac-ann
enrol ben prac-ben
run 0 "$T/full.db" import "$FIX/team.yaml"
echo "AAAAA-BBBBB-CCCCC-DDDDD" | "$CASEBOOK" --db "$T/full.db" sync enrol --from "$T/spare.cbsync" \
	>"$T/out" 2>"$T/err" && fail "enrolment into a casebook with records was accepted"
has "$T/err" "already holds records"

# Each laptop holds its own case and the reference data, nothing else.
run 0 "$T/ann.db" export --out "$T/ann.yaml"
has "$T/ann.yaml" "id: case-a"
lacks "$T/ann.yaml" "case-b"
has "$T/ann.yaml" "id: prac-ben"
run 0 "$T/ben.db" export --out "$T/ben.yaml"
has "$T/ben.yaml" "id: case-b"
lacks "$T/ben.yaml" "case-a"

# Offline work on both laptops, then bundles to the hub in the other order, one twice.
run 0 "$T/ann.db" import "$FIX/ann-visit.yaml"
run 0 "$T/ben.db" import "$FIX/ben-visit.yaml"
run 0 "$T/ann.db" sync status
has "$T/out" "changes not yet on the hub: 1"
run 0 "$T/ann.db" sync export --to "$T/ann-1.cbsync"
has "$T/out" "bundle 1 for hub, 1 record (changes"
run 0 "$T/ben.db" sync export --to "$T/ben-1.cbsync"
run 0 "$T/hub.db" sync import "$T/ben-1.cbsync" "$T/ann-1.cbsync"
has "$T/out" "imported $T/ben-1.cbsync: bundle 1 from Ben Moore's laptop, 1 record, 1 changed"
has "$T/out" "imported $T/ann-1.cbsync: bundle 1 from Ann Patel's laptop, 1 record, 1 changed"
run 0 "$T/hub.db" sync import "$T/ann-1.cbsync"
has "$T/out" "nothing to do (already imported)"
run 0 "$T/hub.db" export --out "$T/hub.yaml"
has "$T/hub.yaml" "id: note-a-2"
has "$T/hub.yaml" "id: note-b-1"
[ "$(sqlite3 "$T/hub.db" "SELECT count(*) FROM audit_log WHERE tbl = 'notes' AND actor = 'sync:prac-ann'")" = 1 ] ||
	fail "the hub's audit log does not name the laptop the note came from"

# Bundles back, one per laptop into a folder; a laptop refuses the other's.
run 0 "$T/hub.db" sync export --all --to "$T/out-dir"
[ "$(ls "$T/out-dir" | wc -l)" -eq 2 ] || fail "expected two bundles in the folder"
ann_bundle=$(ls "$T/out-dir"/to-$(sqlite3 "$T/ann.db" "SELECT substr(value, 1, 8) FROM meta WHERE key = 'device_id'")-*)
ben_bundle=$(ls "$T/out-dir"/to-$(sqlite3 "$T/ben.db" "SELECT substr(value, 1, 8) FROM meta WHERE key = 'device_id'")-*)
run 1 "$T/ann.db" sync import "$ben_bundle"
has "$T/err" "is meant for another device"
run 0 "$T/ann.db" sync import "$ann_bundle"
run 0 "$T/ben.db" sync import "$ben_bundle"
run 0 "$T/ann.db" sync status
has "$T/out" "changes not yet on the hub: 0"
run 0 "$T/ann.db" export --out "$T/ann.yaml"
has "$T/ann.yaml" "id: note-a-2"
lacks "$T/ann.yaml" "note-b-1"

# Refused, changing nothing: a flipped byte, a truncated copy, a bundle from another hub.
cp "$ann_bundle" "$T/flipped.cbsync"
size=$(wc -c <"$T/flipped.cbsync")
printf '\377' | dd of="$T/flipped.cbsync" bs=1 seek=$((size - 20)) conv=notrunc 2>/dev/null
run 0 "$T/hub.db" sync export --for prac-ann --to "$T/fresh.cbsync"
cp "$T/fresh.cbsync" "$T/tampered.cbsync"
printf '\377' | dd of="$T/tampered.cbsync" bs=1 seek=$((size - 20)) conv=notrunc 2>/dev/null
head -c 100 "$T/fresh.cbsync" >"$T/short.cbsync"
sqlite3 "$T/ann.db" "SELECT count(*) FROM audit_log" >"$T/before"
run 1 "$T/ann.db" sync import "$T/tampered.cbsync"
has "$T/err" "failed its authenticity check"
run 1 "$T/ann.db" sync import "$T/short.cbsync"
has "$T/err" "is truncated"
run 0 "$T/other.db" import "$FIX/team.yaml"
run 0 "$T/other.db" sync init-hub --team team-north
run 0 "$T/other.db" sync enrol --practitioner prac-ann --to "$T/other.cbsync"
run 1 "$T/ann.db" sync import "$T/other.cbsync"
has "$T/err" "comes from another hub"
sqlite3 "$T/ann.db" "SELECT count(*) FROM audit_log" >"$T/after"
cmp -s "$T/before" "$T/after" || fail "a refused bundle changed the laptop"
run 0 "$T/ann.db" sync import "$T/fresh.cbsync"

# The hub's view of its laptops; a revoked laptop's bundles are refused.
run 0 "$T/hub.db" sync status
has "$T/out" "Ann Patel's laptop (prac-ann)"
has "$T/out" "Ben Moore's laptop (prac-ben)"
run 0 "$T/hub.db" sync revoke "Ben Moore's laptop"
run 0 "$T/ben.db" sync export --to "$T/ben-2.cbsync"
run 1 "$T/hub.db" sync import "$T/ben-2.cbsync"
has "$T/err" "was revoked"

for db in hub ann ben; do
	run 0 "$T/$db.db" check
	has "$T/out" "integrity ok, foreign keys ok, audit chain ok"
done
echo "sync_cli: ok"
