#!/bin/sh
# End-to-end: a conflict made in the app on a laptop and on the hub (the same case closed with
# two reasons), carried by bundles, seen on the hub's sync screen and resolved there field by
# field; the badge on the status line; then the resolution travels back and the closed case
# leaves the laptop.
set -eu
: "${CASEBOOK:?}" "${SRC:?}"
. "$SRC/tests/e2e/lib/tmux.sh"
export CASEBOOK_NOW=2026-07-01T09:00:00Z
HUB="$E2E_TMP/hub.db"
LAPTOP="$E2E_TMP/laptop.db"

cb() { "$CASEBOOK" "$@" >"$E2E_TMP/out" 2>&1 || fail "casebook $*: $(cat "$E2E_TMP/out")"; }

# A hub with Ann's two cases, and Ann's laptop enrolled on it.
cb --db "$HUB" import "$SRC/tests/fixtures/tui/case.yaml"
cb --db "$HUB" sync init-hub
cb --db "$HUB" sync enrol --practitioner prac-ann --to "$E2E_TMP/enrol.cbsync"
code=$(sed -n 's/.*kept nowhere: //p' "$E2E_TMP/out")
[ -n "$code" ] || fail "no enrolment code was shown"
echo "$code" | "$CASEBOOK" --db "$LAPTOP" sync enrol --from "$E2E_TMP/enrol.cbsync" \
	>"$E2E_TMP/out" 2>&1 || fail "laptop enrolment: $(cat "$E2E_TMP/out")"

# close_zoe DB REASON: closes Zoë's case (the second row) in the app with that reason.
close_zoe() {
	app_start 80 24 --db "$1"
	wait_for "Zoë Ní Bhriain"
	keys Home Down C
	wait_for "Close the case"
	keys Tab; keys -l "$2"
	keys F2
	wait_for "Case closed on 2026-07-01"
	keys q
	wait_for "[exited 0]"
	app_stop
}

close_zoe "$LAPTOP" "Moved to Leeds with her mother"
close_zoe "$HUB" "Stepped down to universal services"

# The laptop's status line counts what waits for the hub; its bundle brings the conflict.
app_start 80 24 --db "$LAPTOP"
wait_for "Kemi Adeyemi"
wait_for "2 to sync" # the case and its plan, not yet on the hub
keys q
wait_for "[exited 0]"
app_stop
cb --db "$LAPTOP" sync export --to "$E2E_TMP/up.cbsync"
cb --db "$HUB" sync import "$E2E_TMP/up.cbsync"
grep -q "1 new conflict" "$E2E_TMP/out" || fail "the hub found no conflict: $(cat "$E2E_TMP/out")"

# The laptop's edit came later by the clock, so it is in the record and the hub's own reason
# was set aside; the supervisor sees both on the hub's sync screen and takes the hub's back.
app_start 80 24 --db "$HUB"
wait_for "hub: 1 conflict"
keys S
wait_for "Open conflicts (1)"
wait_for "same field"
wait_for "case of Zoë Ní Bhriain"
keys Enter
wait_for "Conflict: case of Zoë Ní Bhriain"
wait_for "closure_reason"
wait_for "Stepped down to univer"
wait_for "Moved to Leeds with he"
wait_for "m:Mine  t:Theirs  Space:Pick  F2:Save"
keys Space
wait_for "theirs"
keys F2
wait_for "Conflict resolved"
wait_for "Open conflicts (0)"
wait_for "None: every record agrees."
keys q
wait_for "r:Review     hub" # no conflicts left, and every hint fits
keys q
wait_for "[exited 0]"
app_stop

cb --db "$HUB" sync conflicts --all
grep -q "resolved (theirs)" "$E2E_TMP/out" || fail "not resolved: $(cat "$E2E_TMP/out")"
[ "$(sqlite3 "$HUB" "SELECT closure_reason FROM cases WHERE id = 'case-zoe'")" = \
	"Stepped down to universal services" ] || fail "the set-aside reason did not come back"
cb --db "$HUB" check

# Back to the laptop: the closed case leaves it, Kemi's stays.
cb --db "$HUB" sync export --for prac-ann --to "$E2E_TMP/down.cbsync"
cb --db "$LAPTOP" sync import "$E2E_TMP/down.cbsync"
grep -q "1 case left this laptop" "$E2E_TMP/out" || fail "the closed case stayed: $(cat "$E2E_TMP/out")"
[ "$(sqlite3 "$LAPTOP" "SELECT group_concat(id) FROM cases")" = "case-kemi" ] ||
	fail "the laptop holds the wrong cases"
cb --db "$LAPTOP" check
echo "tui_sync: ok"
