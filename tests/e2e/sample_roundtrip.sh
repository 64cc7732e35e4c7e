#!/bin/sh
# End-to-end: the shipped sample imports, passes `casebook check`, and exports back byte for byte.
set -eu
: "${CASEBOOK:?}" "${SRC:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export CASEBOOK_FORMS="$SRC/forms" CASEBOOK_NOW=2026-11-01T09:00:00Z
sample="$SRC/sample-db/caseload.yaml"
before=$(sha256sum "$sample")

"$CASEBOOK" --db "$tmp/s.db" import "$sample" >"$tmp/import.out" || fail "import of the sample"
grep -q 'imported' "$tmp/import.out" || fail "import summary: $(cat "$tmp/import.out")"
[ "$(stat -c %a "$tmp/s.db")" = 600 ] || fail "new database is not private (0600)"
"$CASEBOOK" --db "$tmp/s.db" check >"$tmp/check.out" || fail "check: $(cat "$tmp/check.out")"

# The file minus its two comment lines is exactly what export writes.
tail -n +3 "$sample" >"$tmp/expected.yaml"
"$CASEBOOK" --db "$tmp/s.db" export --include-confidential "round-trip test" >"$tmp/export.yaml"
cmp "$tmp/expected.yaml" "$tmp/export.yaml" || {
	diff "$tmp/expected.yaml" "$tmp/export.yaml" | head -20 >&2
	fail "sample does not round-trip"
}
# Importing it again adds nothing.
"$CASEBOOK" --db "$tmp/s.db" import "$sample" >"$tmp/again.out" || fail "second import"
grep -q 'imported 0 ' "$tmp/again.out" || grep -q 'nothing new' "$tmp/again.out" ||
	fail "second import added records: $(cat "$tmp/again.out")"
# Without the override, confidential notes stay out, and the disclosure was recorded.
"$CASEBOOK" --db "$tmp/s.db" export >"$tmp/plain.yaml"
grep -q 'confidential: true' "$tmp/plain.yaml" && fail "confidential notes exported without override"
[ "$(sqlite3 "$tmp/s.db" "SELECT count(*) FROM disclosures WHERE reason = 'round-trip test'")" = 1 ] ||
	fail "disclosure not recorded"

"$CASEBOOK" --db "$tmp/s.db" caseload >"$tmp/caseload.out"
grep -q '16 open cases' "$tmp/caseload.out" || fail "caseload: $(tail -1 "$tmp/caseload.out")"
[ "$(sha256sum "$sample")" = "$before" ] || fail "the shipped sample file was modified"
echo "sample_roundtrip: ok"
