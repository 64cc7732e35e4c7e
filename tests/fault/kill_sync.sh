#!/bin/sh
# Fault: kill -9 at random moments during a sync import, hub to laptop and laptop to hub;
# afterwards check passes, the bundle is all there or not at all, and it then imports whole.
set -eu
. "$(dirname "$0")/lib/common.sh"
export CASEBOOK_NOW=2026-11-01T09:00:00Z
NOTES=3000

# big_yaml PRACTITIONER: a new family whose case is allocated to PRACTITIONER, with $NOTES notes.
big_yaml() {
	cat <<EOF
casebook: 1
families:
  - id: fam-kill
    ref: FAM-KILL
    name: Kill family
    people:
      - id: person-kit
        name: Kit Kill
        relationship: child
        born: 2014-02-03
    cases:
      - id: case-kit-1
        child: person-kit
        referred_on: 2026-01-05
        referral_source: school
        need: N1
        practitioner: $1
        team: team-north
        notes:
EOF
	awk -v n="$NOTES" 'BEGIN { for (i = 1; i <= n; i++) printf "          - id: kill-note-%05d\n            type: home_visit\n            at: 2026-02-01T10:00\n            text: Note %d. Visit as planned; Kit was in good spirits and school attendance is up.\n", i, i }'
}

# A hub with the team's caseload and one enrolled laptop, both checkpointed, as the start of
# every round.
"$CASEBOOK" --db "$tmp/hub0.db" import "$SRC/tests/fixtures/import/caseload.yaml" >/dev/null ||
	fail "the hub's caseload"
"$CASEBOOK" --db "$tmp/hub0.db" sync init-hub --team team-north >/dev/null || fail "init-hub"
"$CASEBOOK" --db "$tmp/hub0.db" sync enrol --practitioner prac-ann --to "$tmp/enrol.cbsync" \
	>"$tmp/enrol.out" || fail "enrol"
sed -n 's/.*kept nowhere: //p' "$tmp/enrol.out" |
	"$CASEBOOK" --db "$tmp/ann0.db" sync enrol --from "$tmp/enrol.cbsync" >/dev/null || fail "join"
for db in hub0 ann0; do sqlite3 "$tmp/$db.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null; done
big_yaml prac-ann >"$tmp/big.yaml"

# Hub to laptop: the hub takes the new family in, and its bundle for Ann's laptop carries it.
cp "$tmp/hub0.db" "$tmp/hub.db"
"$CASEBOOK" --db "$tmp/hub.db" import "$tmp/big.yaml" >/dev/null || fail "import on the hub"
"$CASEBOOK" --db "$tmp/hub.db" sync export --for prac-ann --to "$tmp/to-ann.cbsync" >/dev/null ||
	fail "export from the hub"
# Laptop to hub: Ann's laptop takes the same family in, and its bundle carries it to the hub.
cp "$tmp/ann0.db" "$tmp/ann.db"
"$CASEBOOK" --db "$tmp/ann.db" import "$tmp/big.yaml" >/dev/null || fail "import on the laptop"
"$CASEBOOK" --db "$tmp/ann.db" sync export --to "$tmp/to-hub.cbsync" >/dev/null ||
	fail "export from the laptop"

# kill_rounds BASE BUNDLE: imports BUNDLE into copies of BASE, killed at random moments.
kill_rounds() {
	base=$1 bundle=$2 db="$tmp/victim.db"
	before=$(count "$tmp/$base.db" 'SELECT count(*) FROM notes')
	audit_before=$(count "$tmp/$base.db" 'SELECT count(*) FROM audit_log')
	kills=0 rounds=0
	while [ "$kills" -lt 5 ] && [ "$rounds" -lt 20 ]; do
		rm -f "$db" "$db-wal" "$db-shm"
		cp "$tmp/$base.db" "$db"
		kill_sometime 10 1500 "$CASEBOOK" --db "$db" sync import "$bundle"
		kills=$((kills + killed))
		rounds=$((rounds + 1))
		check_passes "$db" "after a kill during a sync import into $base (round $rounds)"
		n=$(count "$db" 'SELECT count(*) FROM notes')
		[ "$n" -eq "$before" ] || [ "$n" -eq $((before + NOTES)) ] ||
			fail "$n notes in $base after a kill: neither all ($((before + NOTES))) nor none ($before)"
		if [ "$n" -eq "$before" ]; then
			# Not imported, so not marked as imported: the same bundle goes in whole.
			[ "$(count "$db" 'SELECT count(*) FROM audit_log')" -eq "$audit_before" ] ||
				fail "the audit log changed although the import did not happen"
			expect_status 0 "$CASEBOOK" --db "$db" sync import "$bundle"
			[ "$(count "$db" 'SELECT count(*) FROM notes')" -eq $((before + NOTES)) ] ||
				fail "the bundle did not import whole after a killed import"
		fi
		# Once in, the bundle is a replay that changes nothing.
		expect_status 0 "$CASEBOOK" --db "$db" sync import "$bundle"
		grep -qF "already imported" "$tmp/out" || fail "a second import was not seen as a replay"
		check_passes "$db" "after importing again ($base, round $rounds)"
	done
	[ "$kills" -ge 3 ] || fail "only $kills of $rounds sync imports were killed: the window is too late"
	echo "kill_sync: $rounds imports of $NOTES notes into $base, killed $kills times, all or nothing each time"
}

kill_rounds ann0 "$tmp/to-ann.cbsync"
kill_rounds hub0 "$tmp/to-hub.cbsync"
echo "kill_sync: ok"
