#!/bin/sh
# End-to-end: a new YAML file in the forms folder is a working form in the app, without
# rebuilding casebook; its score is computed and saved.
set -eu
. "$SRC/tests/e2e/lib/tmux.sh"
export CASEBOOK_NOW=2026-07-01T09:00:00Z
forms="$E2E_TMP/forms"
mkdir "$forms"
cp "$SRC"/forms/*.yaml "$forms/"
cat >"$forms/home-safety.yaml" <<'YAML'
id: home-safety
version: 1
title: Home safety check (local form)
source: Written by this service for the e2e test.
raters: [worker, family_member]
sections:
  - id: home
    title: The home today
    items:
      - id: safe_sleep
        text: Safe sleeping arrangements (0-10)
        type: scale10
      - id: smoke_alarm
        text: Working smoke alarm
        type: tick
scales:
  - id: safety
    title: Safety (0-10)
    method: mean
    items: [safe_sleep]
    better: higher
YAML
"$CASEBOOK" --forms "$forms" forms check "$forms" >/dev/null || fail "the new form does not pass forms check"
DB="$E2E_TMP/newform.db"
"$CASEBOOK" --db "$DB" import "$SRC/tests/fixtures/tui/case.yaml" >/dev/null || fail "import"
export CASEBOOK_FORMS="$forms"
app_start 80 24 --db "$DB"
wait_for "Zoë Ní Bhriain"
keys j a
wait_for "Home safety check (local form)"
keys j j Enter
wait_for "Safety -"
keys Tab Tab Tab Tab
keys -l 7
keys Tab Space
wait_for "Safety 7.00"
keys F2
wait_for "Home safety check (local form) saved"
keys q
wait_for "[exited 0]"
[ "$(sqlite3 "$DB" "SELECT s.score FROM assessments a JOIN assessment_scores s
	ON s.assessment_id = a.id WHERE a.instrument = 'home-safety'")" = 7.0 ] || fail "score"
[ "$(sqlite3 "$DB" "SELECT value FROM assessment_answers WHERE item = 'smoke_alarm'")" = 1 ] ||
	fail "tick answer"
echo "tui_newform: ok"
