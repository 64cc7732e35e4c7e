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

set +e
"$CASEBOOK" --db "$tmp/db" app --keys "j Wibble" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "bad key name exit $rc"
grep -q "unknown key 'Wibble'" "$tmp/err" || fail "bad key message"
echo "app_headless: ok"
