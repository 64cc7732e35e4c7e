#!/bin/sh
# End-to-end: the headless mode benchmarks and scripts use: keys from --keys, the final
# screen's text in --dump-screen, timings on stderr; and a bad key name is a usage error.
set -eu
: "${CASEBOOK:?}" "${SRC:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$tmp/screen" ] && cat "$tmp/screen" >&2; exit 1; }
export CASEBOOK_FORMS="$SRC/forms" CASEBOOK_NOW=2026-07-01T09:00:00Z LC_ALL=C.UTF-8 TERM=xterm
"$CASEBOOK" --db "$tmp/db" import "$SRC/tests/fixtures/tui/case.yaml" >/dev/null

COLUMNS=100 LINES=30 "$CASEBOOK" --db "$tmp/db" app --dump-screen "$tmp/screen" --timings \
	2>"$tmp/err" || fail "headless start"
[ "$(wc -l <"$tmp/screen")" = 30 ] || fail "screen height"
grep -q "All open cases" "$tmp/screen" || fail "caseload not drawn"
grep -q "Zoë Ní Bhriain" "$tmp/screen" || fail "UTF-8 name"
# The column header fits its line: one character more wrapped onto the selected row.
sed -n 3p "$tmp/screen" | grep -q "^[^ ]" || fail "the first case row starts with a blank"
grep -q "^startup_to_first_screen_ms=" "$tmp/err" || fail "timings: $(cat "$tmp/err")"

"$CASEBOOK" --db "$tmp/db" app --keys "j Enter 2" --dump-screen "$tmp/screen" --timings \
	2>"$tmp/err" || fail "scripted keys"
grep -q "\[2 Chronology\]" "$tmp/screen" || fail "Enter and 2 did not open the chronology"
grep -q "^keys=3 key_to_redraw_ms_mean=" "$tmp/err" || fail "key timings: $(cat "$tmp/err")"

"$CASEBOOK" --db "$tmp/db" app --keys "/ r e n t Enter" --dump-screen "$tmp/screen" ||
	fail "scripted search"
grep -q "Search: rent" "$tmp/screen" || fail "search through the prompt"

# Filter and sort: Ann's 3 cases, her team's 7, every open case (8), the flagged ones, back
# to her own (worked out from the rows already read), then sorts; a supervisor starts on
# her team's cases.
"$CASEBOOK" --db "$tmp/team.db" import "$SRC/tests/fixtures/team/team.yaml" >/dev/null
user() { sqlite3 "$tmp/team.db" "INSERT OR REPLACE INTO meta VALUES ('practitioner_id', '$1')"; }
caseload_after() {
	COLUMNS=120 LINES=40 "$CASEBOOK" --db "$tmp/team.db" app --keys "$1" \
		--dump-screen "$tmp/screen" || fail "keys $1"
	grep -q "$2" "$tmp/screen" || fail "after '$1': no '$2'"
}
user prac-ann
caseload_after "k" "My cases, by family .* 3 cases"
grep -q "Cal Clark" "$tmp/screen" || fail "Ann's case is missing from her own"
! grep -q "Ben Brown" "$tmp/screen" || fail "Raj's case is among Ann's own"
caseload_after "f" "My team's cases, by family .* 7 cases"
! grep -q "Gil Green" "$tmp/screen" || fail "another team's case is among the team's"
caseload_after "f f" "All open cases, by family .* 8 cases"
grep -q "Gil Green" "$tmp/screen" || fail "every open case is not shown"
caseload_after "f f f" "Flagged cases, by family"
caseload_after "f f f f" "My cases, by family .* 3 cases"
! grep -q "Ben Brown" "$tmp/screen" || fail "Raj's case is among Ann's own, from every case read"
caseload_after "f f f f f" "My team's cases, by family .* 7 cases"
! grep -q "Gil Green" "$tmp/screen" || fail "another team's case, from every case read"
caseload_after "f f f f s" "My cases, by last contact .* 3 cases"
caseload_after "f f s s" "All open cases, riskiest first .* 8 cases"
user prac-sue
caseload_after "k" "My team's cases, by family .* 7 cases"
caseload_after "f" "All open cases, by family .* 8 cases"
caseload_after "f f f" "My cases, by family .* 0 cases"
user prac-bo
caseload_after "f" "My team's cases, by family .* 1 case$"

set +e
"$CASEBOOK" --db "$tmp/db" app --keys "j Wibble" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "bad key name exit $rc"
grep -q "unknown key 'Wibble'" "$tmp/err" || fail "bad key message"
echo "app_headless: ok"
