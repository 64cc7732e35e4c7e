#!/bin/sh
# cli_import_export.sh: import, export, show and check through the real binary, with exit codes.
set -u
: "${CASEBOOK:?set CASEBOOK to the casebook binary}" "${SRC:?set SRC to the source tree}"
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
export CASEBOOK_NOW=2026-11-01T09:00:00Z
unset CASEBOOK_DB CASEBOOK_FORMS CASEBOOK_USER
GOOD="$SRC/tests/fixtures/import/caseload.yaml"
BROKEN="$SRC/tests/fixtures/import-broken"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run WANT DB ARGS...: runs casebook on DB, output in $T/out and $T/err; checks the exit status.
run() {
	want=$1 db=$2
	shift 2
	"$CASEBOOK" --db "$db" --forms "$SRC/forms" --as prac-sam "$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		cat "$T/out" "$T/err" >&2
		fail "casebook $* exited $rc, expected $want"
	fi
}

has() { # has FILE TEXT: FILE contains TEXT as a fixed string
	grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks: $2"; }
}

lacks() {
	! grep -qF -- "$2" "$1" || fail "$1 should not contain: $2"
}

# import creates the database; a second import adds nothing
run 0 "$T/a.db" import "$GOOD"
has "$T/out" "imported 2 teams, 4 practitioners, 2 families, 6 people, 3 cases"
run 0 "$T/a.db" import "$GOOD"
has "$T/out" "imported nothing new; skipped 47 already present"
run 0 "$T/a.db" check
has "$T/out" "integrity ok, foreign keys ok, audit chain ok"

# round trips: export, import into an empty casebook, export again: the same bytes
for fmt in yaml json; do
	run 0 "$T/a.db" export --format "$fmt" --out "$T/one.$fmt"
	run 0 "$T/rt-$fmt.db" import "$T/one.$fmt"
	run 0 "$T/rt-$fmt.db" export --format "$fmt" --out "$T/two.$fmt"
	cmp "$T/one.$fmt" "$T/two.$fmt" || fail "$fmt export changed after a round trip"
done
run 0 "$T/a.db" export
cmp "$T/out" "$T/one.yaml" || fail "export to standard output differs from --out"
[ "$(stat -c %a "$T/one.yaml")" = 600 ] || fail "exported file is not private (0600)"

# confidential notes only with a reason, which is recorded
lacks "$T/one.yaml" "note-ada-2"
run 0 "$T/a.db" export --include-confidential "court order 2026/17" --out "$T/all.yaml"
has "$T/all.yaml" "id: note-ada-2"
has "$T/err" "disclosure is recorded"
run 0 "$T/a.db" check

# CSV: one file per table, CRLF line ends
run 0 "$T/a.db" export --format csv --out "$T/csv"
[ "$(ls "$T/csv" | wc -l)" -eq 19 ] || fail "expected 19 CSV files"
head -n 1 "$T/csv/teams.csv" | od -c | grep -q '\\r  \\n' || fail "teams.csv lines do not end in CRLF"
has "$T/csv/teams.csv" "team-north,North Pod,"

# show
run 0 "$T/a.db" show case case-ada-1
has "$T/out" "child         Ada Okafor (person-ada), born 2012-05-01, age 14"
has "$T/out" "total                  worker        2025-01-20 0 -> 2025-09-20 6  (2 assessments; higher is safer)"
run 0 "$T/a.db" show case case-tobi-1 --format json
has "$T/out" '"status": "open"'
run 1 "$T/a.db" show case case-zed
has "$T/err" "there is no case 'case-zed' in this casebook"

# a broken file changes nothing and names file:line
before=$(sqlite3 "$T/a.db" "SELECT count(*) FROM audit_log" 2>/dev/null || echo none)
(cd "$BROKEN" && "$CASEBOOK" --db "$T/a.db" --forms "$SRC/forms" import bad-date.yaml) \
	>"$T/out" 2>"$T/err" && fail "importing bad-date.yaml succeeded"
has "$T/err" "bad-date.yaml:30: referred_on '2025-02-30' is not a valid date; expected a date YYYY-MM-DD (a real day)"
has "$T/err" "bad-date.yaml:16: person 'person-ada' is already in the casebook with different content (gender, ethnicity)"
has "$T/err" "casebook: bad-date.yaml was not imported because of the problems above; nothing was changed"
run 0 "$T/a.db" export --out "$T/after.yaml"
cmp "$T/one.yaml" "$T/after.yaml" || fail "a rejected import changed the casebook"
after=$(sqlite3 "$T/a.db" "SELECT count(*) FROM audit_log" 2>/dev/null || echo none)
[ "$before" = "$after" ] || fail "a rejected import wrote to the audit log"
run 1 "$T/new.db" import "$BROKEN/wrong-format-version.yaml"
has "$T/err" "wrong-format-version.yaml:2: format version '2' is not supported"

# usage errors exit 2; a missing database exits 1
run 2 "$T/a.db" import
run 2 "$T/a.db" export --format xml
run 2 "$T/a.db" export --format csv
run 2 "$T/a.db" show case
run 1 "$T/none.db" export
has "$T/err" "there is no casebook database at $T/none.db"
run 1 "$T/a.db" import "$T/missing.yaml"
has "$T/err" "cannot read $T/missing.yaml"
run 0 "$T/a.db" check
# the example in casebook-data(5) imports as the page says
sed -n '/^A small caseload file:/,/^\.Ed/p' "$SRC/man/casebook-data.5" | sed '1,2d;$d' >"$T/example.yaml"
run 0 "$T/example.db" import "$T/example.yaml"
has "$T/out" "imported 1 team, 1 practitioner, 1 family, 2 people, 1 case, 1 plan, 1 note, 1 assessment, 1 goal, 1 goal review, 1 supervision; skipped 0 already present"
echo "cli_import_export: ok"
