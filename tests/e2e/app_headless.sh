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
grep -q "^startup_to_first_screen_ms=" "$tmp/err" || fail "timings: $(cat "$tmp/err")"

"$CASEBOOK" --db "$tmp/db" app --keys "j Enter 2" --dump-screen "$tmp/screen" --timings \
	2>"$tmp/err" || fail "scripted keys"
grep -q "\[2 Chronology\]" "$tmp/screen" || fail "Enter and 2 did not open the chronology"
grep -q "^keys=3 key_to_redraw_ms_mean=" "$tmp/err" || fail "key timings: $(cat "$tmp/err")"

"$CASEBOOK" --db "$tmp/db" app --keys "/ r e n t Enter" --dump-screen "$tmp/screen" ||
	fail "scripted search"
grep -q "Search: rent" "$tmp/screen" || fail "search through the prompt"

# Filter and sort on a practitioner's casebook: their 4 cases, every open case (16), the
# flagged ones, back to their own (worked out from the rows already read), then a sort.
"$CASEBOOK" --db "$tmp/sample.db" import "$SRC/sample-db/caseload.yaml" >/dev/null
sqlite3 "$tmp/sample.db" "INSERT OR REPLACE INTO meta VALUES ('practitioner_id', 'prac-tom')"
caseload_after() {
	COLUMNS=120 LINES=40 "$CASEBOOK" --db "$tmp/sample.db" app --keys "$1" \
		--dump-screen "$tmp/screen" || fail "keys $1"
	grep -q "$2" "$tmp/screen" || fail "after '$1': no '$2'"
}
caseload_after "k" "My cases, by family .* 4 cases"
caseload_after "f" "All open cases, by family .* 16 cases"
caseload_after "f f" "Flagged cases, by family"
caseload_after "f f f" "My cases, by family .* 4 cases"
grep -q "Lily-Mae Walsh" "$tmp/screen" || fail "Tom's case is missing from his own"
! grep -q "Safiya Karim" "$tmp/screen" || fail "Marcus's case is among Tom's own"
caseload_after "f f f s" "My cases, by last contact .* 4 cases"
caseload_after "f s s" "All open cases, riskiest first .* 16 cases"
grep -q "Safiya Karim" "$tmp/screen" || fail "every open case is not shown"

set +e
"$CASEBOOK" --db "$tmp/db" app --keys "j Wibble" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "bad key name exit $rc"
grep -q "unknown key 'Wibble'" "$tmp/err" || fail "bad key message"
echo "app_headless: ok"
