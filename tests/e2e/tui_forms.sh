#!/bin/sh
# End-to-end: the form screens in the real app (family, referral, goal, review, plan change,
# amendment, closure), at 80x24 and 120x40, checked through export and check.
set -eu
: "${CASEBOOK:?}" "${SRC:?}"
. "$SRC/tests/e2e/lib/tmux.sh"
export CASEBOOK_NOW=2026-11-01T09:00:00Z
today=2026-11-01

"$CASEBOOK" --db "$E2E_TMP/fixture.db" import "$SRC/tests/fixtures/tui-forms/caseload.yaml" \
	>"$E2E_TMP/import.out" || fail "import of the fixture: $(cat "$E2E_TMP/import.out")"

# A new family with a caregiver and a child over 11, then the offered referral: a CIN case.
new_family_and_case() {
	keys F
	wait_for "New family"
	wait_for "FAM-0003" # the next free reference is suggested
	keys Tab; keys -l "Nowak family"; keys Tab; keys -l "4 Mill Lane"
	keys Tab; keys -l "Ewa Nowak"; keys Tab Tab; keys -l "1988-04-02"
	keys Tab; keys -l "Zofia Nowak"; keys Tab Tab
	keys F2 # the child has no date of birth yet: refused, with the reason
	wait_for "Person 2 is a child: enter the date of birth"
	keys -l "2013-05-20"
	keys F2
	wait_for "Open a case now?"
	keys Enter
	wait_for "Referral: new case"
	wait_for "Zofia Nowak (13)"
	keys Tab Tab; keys -l "school"; keys Tab Space # N1
	keys Tab Tab Tab Tab C # outcome stays Accepted; starting plan CIN
	wait_for "Zofia Nowak: CIN plan from $today"
	keys F2
	wait_for "Case opened: Zofia Nowak, CIN from $today"
	wait_for "  3 cases"
}

# On the new case (the last row): a family goal for Zofia, then its review.
goal_and_review() {
	keys End G
	wait_for "Whose goal"
	keys Space Tab Tab # Education and employment; the family's
	keys Right; keys Tab # the first family member: Ewa, the caregiver
	keys -l "Zofia goes to school every day"
	keys F2
	wait_for "Goal saved: Zofia goes to school every day"
	keys r
	wait_for "Review which goal?"
	wait_for "not reviewed yet"
	keys Enter
	wait_for "Goal review"
	keys Tab; keys -l "6"; keys Tab Space Tab # achieved
	keys -l "Went every day this half term"
	keys F2
	wait_for "Review saved: 6/10, Achieved"
}

plan_change() {
	keys p
	wait_for "Plan change"
	keys F2 # the same plan is refused
	wait_for "The case is already on CIN"
	keys E
	wait_for "CIN to Early Help from $today (a step-down)"
	keys F2
	wait_for "Plan now Early Help from $today (a step-down)"
}

# The Adams note (first row): corrected text with a reason.
amend_note() {
	keys Home A
	wait_for "Amend which note?"
	keys Enter
	wait_for "as first written"
	keys -l "Visit was on Wednesday"
	keys F2
	wait_for "Nothing changed: correct one of the texts below"
	keys Tab Tab Tab C-u
	keys -l "Visited Amy at home on Wednesday."
	keys F2
	wait_for "Amendment saved: Home visit of 2026-10-20T10:00"
}

# The Brown case (second row) closes; its Early Help episode ends.
close_case() {
	keys Home Down C
	wait_for "Close the case"
	wait_for "Ben Brown"
	keys Tab; keys -l "Family moved out of the area"
	keys F2
	wait_for "Case closed on $today"
	wait_for "  2 cases"
}

# The Adams family (first row): Kate's name corrected, her date of birth added, a new baby.
edit_family() {
	keys Home E
	wait_for "Family Adams family (FAM-0001)"
	wait_for "Person 1 (main caregiver)"
	keys Tab Tab Tab C-u; keys -l "Kate Adams-Reid"
	keys Tab; keys -l "1990-01-15"
	keys Tab Tab C-u # Amy's date of birth cleared: refused, a child needs one
	keys F2
	wait_for "Person 2 is a child: enter the date of birth"
	keys -l "2013-03-02"
	keys Tab; keys -l "Leo Adams"; keys Tab Tab # a child, by default
	keys -l "2026-10-01"
	keys F2
	wait_for "Family FAM-0001 saved: 1 person corrected, 1 added"
	wait_for "  2 cases"
}

# A family added without opening a case is found again by search, and its referral recorded.
family_then_case_later() {
	keys F
	wait_for "New family"
	keys Tab; keys -l "Kowal family"; keys Tab Tab
	keys -l "Jan Kowal"; keys Tab Right Tab # a child
	keys -l "2015-02-01"
	keys F2
	wait_for "Open a case now?"
	keys Down Enter
	wait_for "no case opened (/ finds it later)"
	keys /
	wait_for "Search names and notes:"
	keys -l "jan kow"; keys Enter
	wait_for "Kowal family, no case yet"
	keys Enter
	wait_for "Referral: new case"
	wait_for "Jan Kowal (11)"
	keys Tab Tab; keys -l "police"; keys Tab Space
	keys Tab Tab Tab Tab C
	keys F2
	wait_for "Case opened: Jan Kowal, CIN from $today"
	wait_for "Jan Kowal, Kowal family" # back on the search, which now finds the case
	keys q
	wait_for "  3 cases"
}

# Esc on an untouched form closes it; on typed text it asks first, and n keeps the typing.
cancel_asks_first() {
	keys Home n
	wait_for "Contact and case note"
	keys Escape
	wait_for "Cancelled; nothing was saved"
	keys n
	wait_for "Contact and case note"
	for _ in $(seq 9); do keys Tab; done
	keys -l "Not to be thrown away by one key"
	keys Escape
	wait_for "Throw away what you typed? y: yes  n: keep editing"
	keys n
	wait_for "Still editing"
	wait_for "Not to be thrown away by one key"
	keys Escape
	wait_for "Throw away what you typed?"
	keys y
	wait_for "Cancelled; nothing was saved"
	wait_for "(risk: higher is safer)"
}

# The YAML export holds every record the screens wrote. family REF: that family's part of
# the export without the metadata lines, so "grep -A" counts lines of the record itself.
family() {
	awk -v ref="  ref: $1" '/^- id:/ { keep = 0 } $0 == ref { keep = 1 } keep' "$E2E_TMP/export.yaml" |
		grep -vE '^ *(- )?(id|created_at|created_by|device_id|updated_at):'
}

# after REF N A B: in family REF, line A is followed within N lines by B.
after() {
	family "$1" | grep -A"$2" -F -- "$3" | grep -qF -- "$4" || {
		family "$1" >&2
		fail "in $1: no '$4' within $2 lines after '$3'"
	}
}

check_export() {
	"$CASEBOOK" --db "$1" export >"$E2E_TMP/export.yaml" || fail "export"
	# The new family, its two people and Zofia's case.
	after FAM-0003 2 "name: Nowak family" "address: 4 Mill Lane"
	after FAM-0003 2 "name: Ewa Nowak" "born: 1988-04-02"
	after FAM-0003 1 "name: Ewa Nowak" "relationship: main_caregiver"
	after FAM-0003 1 "name: Zofia Nowak" "relationship: child"
	after FAM-0003 2 "name: Zofia Nowak" "born: 2013-05-20"
	after FAM-0003 5 "referred_on: $today" "practitioner: prac-ann"
	after FAM-0003 1 "referral_source: school" "need: N1"
	after FAM-0003 2 "source: school" "outcome: accepted"
	# The CIN episode ended the day Early Help started, which is still open.
	after FAM-0003 2 "plan: cin" "ended_on: $today"
	after FAM-0003 1 "plan: early_help" "started_on: $today"
	family FAM-0003 | grep -A2 -F "plan: early_help" | grep -q ended_on &&
		fail "the Early Help episode was ended"
	# The goal (Ewa's, achieved) and its review.
	after FAM-0003 3 "category: education_employment" "text: Zofia goes to school every day"
	after FAM-0003 1 "text: Zofia goes to school every day" "status: achieved"
	after FAM-0003 4 "reviews:" "progress: 6"
	after FAM-0003 5 "reviews:" "comment: Went every day this half term"
	# The amendment keeps the original and changes only the text.
	after FAM-0001 1 "worries: Amy is often late for school" "working_well: Kate walks Amy"
	after FAM-0001 4 "amendments:" "reason: Visit was on Wednesday"
	after FAM-0001 1 "reason: Visit was on Wednesday" "text: Visited Amy at home on Wednesday."
	family FAM-0001 | grep -A3 -F "amendments:" | grep -qE "worries|working_well" &&
		fail "the amendment repeats texts that did not change"
	# Ben's case closed; its Early Help episode ended the same day.
	after FAM-0002 8 "referral_source: police" "closed_on: $today"
	after FAM-0002 1 "closed_on: $today" "closure_reason: Family moved out of the area"
	after FAM-0002 2 "plan: early_help" "ended_on: $today"
	family FAM-0001 | grep -qF "Not to be thrown away" && fail "a cancelled note was saved"
	# Kate's name corrected and her birth date added; Amy's unchanged; Leo joined.
	after FAM-0001 2 "name: Kate Adams-Reid" "born: 1990-01-15"
	after FAM-0001 2 "name: Amy Adams" "born: 2013-03-02"
	after FAM-0001 1 "name: Leo Adams" "relationship: child"
	after FAM-0001 2 "name: Leo Adams" "born: 2026-10-01"
	family FAM-0001 | grep -qF "name: Kate Adams"$ && fail "the old name is still there"
	# The family added first and its case opened later, from the search.
	after FAM-0004 2 "name: Jan Kowal" "born: 2015-02-01"
	after FAM-0004 1 "referral_source: police" "need: N1"
	# Every form was saved or cancelled: no draft is left to offer.
	[ "$(sqlite3 "$1" "SELECT count(*) FROM drafts")" = 0 ] || fail "drafts were left behind"
	"$CASEBOOK" --db "$1" check >"$E2E_TMP/check.out" || fail "check: $(cat "$E2E_TMP/check.out")"
	grep -qF "audit chain ok" "$E2E_TMP/check.out" || fail "check: $(cat "$E2E_TMP/check.out")"
}

run_at() {
	db=$E2E_TMP/forms-$1x$2.db
	cp "$E2E_TMP/fixture.db" "$db"
	app_start "$1" "$2" --db "$db" --as prac-ann
	wait_for "  2 cases"
	new_family_and_case
	goal_and_review
	plan_change
	amend_note
	close_case
	edit_family
	cancel_asks_first
	family_then_case_later
	keys q
	wait_for "[exited 0]"
	app_stop
	check_export "$db"
}

run_at 80 24
run_at 120 40
echo "tui_forms: ok"
