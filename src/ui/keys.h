/* keys.h: the one key table: actions, their keys, help text and status-bar hints. */
#ifndef CASEBOOK_UI_KEYS_H
#define CASEBOOK_UI_KEYS_H

#include <stddef.h>

/* Views a binding applies in; a key may mean different things in each. */
enum cb_key_scope {
	CB_SCOPE_GLOBAL = 1 << 0,
	CB_SCOPE_LIST = 1 << 1,   /* caseload and other lists */
	CB_SCOPE_FORM = 1 << 2,   /* any form screen */
	CB_SCOPE_CASE = 1 << 3,   /* the case screen's tabs */
	CB_SCOPE_TEAM = 1 << 4,   /* the team review and its one-page case summaries */
	CB_SCOPE_REPORT = 1 << 5, /* the reports screen */
	CB_SCOPE_SYNC = 1 << 6,   /* the sync screen */
	CB_SCOPE_CONFLICT = 1 << 7, /* one sync conflict, field by field */
};

/* Scopes that move through a list or scroll a page. */
#define CB_SCOPE_BROWSE (CB_SCOPE_LIST | CB_SCOPE_CASE | CB_SCOPE_TEAM | CB_SCOPE_REPORT | \
			 CB_SCOPE_SYNC | CB_SCOPE_CONFLICT)

/*
 * X(name, scope, keys, hint, help): keys are space-separated names (see keys.c);
 * "1-7" names a range of characters, and the handler reads which one was pressed.
 * A scope's hints must fit the status line at 80 columns.
 */
#define CB_ACTIONS(X)                                                                          \
	X(HELP, CB_SCOPE_GLOBAL | CB_SCOPE_BROWSE, "? F1", "Help", "Show this help")               \
	X(BACK, CB_SCOPE_BROWSE, "q", "Back", "Go back; on the caseload, quit")                    \
	X(QUIT, CB_SCOPE_GLOBAL, "^Q", NULL, "Quit casebook from anywhere")                      \
	X(UP, CB_SCOPE_BROWSE, "Up k", NULL, "Move up (on a case tab, scroll)")                    \
	X(DOWN, CB_SCOPE_BROWSE, "Down j", NULL, "Move down (or scroll)")                          \
	X(PAGE_UP, CB_SCOPE_BROWSE, "PgUp ^B", NULL, "Page up")                                    \
	X(PAGE_DOWN, CB_SCOPE_BROWSE, "PgDn ^F", NULL, "Page down")                                \
	X(FIRST, CB_SCOPE_BROWSE, "Home g", NULL, "First row")                                     \
	X(LAST, CB_SCOPE_BROWSE, "End", NULL, "Last row")                                          \
	X(OPEN, CB_SCOPE_LIST | CB_SCOPE_TEAM | CB_SCOPE_SYNC, "Enter", "Open",                                   \
	  "Open the selected row; on a one-page summary, the case screen")                         \
	X(REFRESH, CB_SCOPE_BROWSE, "^L", NULL, "Redraw the screen and reload")                    \
	X(NEXT_TAB, CB_SCOPE_CASE, "Right l", NULL, "Case screen: next tab")                      \
	X(PREV_TAB, CB_SCOPE_CASE, "Left h", NULL, "Case screen: previous tab")                   \
	X(GOTO_TAB, CB_SCOPE_CASE, "1-7", "Tabs", "Case screen: go to tab 1-7 (numbered on the tab bar)") \
	X(SEARCH, CB_SCOPE_LIST, "/", "Search", "Search names and note text, then open the case")  \
	X(SORT, CB_SCOPE_LIST | CB_SCOPE_TEAM, "s", NULL,                                         \
	  "Sort: caseload by family, contact, risk, review; team by flags")                        \
	X(FILTER, CB_SCOPE_LIST | CB_SCOPE_TEAM | CB_SCOPE_REPORT, "f", NULL,                     \
	  "Caseload: mine/all/flagged; team review: team; reports: whose")                        \
	X(OUTCOMES, CB_SCOPE_LIST, "O", NULL,                                                     \
	  "Outcome report: plans, outcomes, risk, alliance, goals, visits")                       \
	X(PERIOD, CB_SCOPE_REPORT, "p P", "Period",                                               \
	  "Reports: period: last 3, 6, 12 months, all time (P goes back)")                        \
	X(NEW_NOTE, CB_SCOPE_LIST | CB_SCOPE_CASE, "n", "Note",                                  \
	  "Record a contact note for the selected case")                                          \
	X(NEW_ASSESSMENT, CB_SCOPE_LIST | CB_SCOPE_CASE, "a", "Assess",                          \
	  "Record an assessment (risk framework, WAI...) for the case")                           \
	X(NEW_GOAL, CB_SCOPE_LIST | CB_SCOPE_CASE, "G", "Goal", "Set a goal (the family's or yours)") \
	X(REVIEW_GOAL, CB_SCOPE_LIST | CB_SCOPE_CASE, "r", "Review",                             \
	  "Review progress on one of the goals")                                                  \
	X(TEAM, CB_SCOPE_LIST, "T", "Team",                                                        \
	  "Team review: the team's cases with flags, for group discussion")                        \
	X(DISCUSS, CB_SCOPE_TEAM, "D", "Discuss",                                                  \
	  "Record a group case discussion: who, decisions, actions")                               \
	X(ACTION_DONE, CB_SCOPE_BROWSE, "x", NULL,                                                 \
	  "Mark one of the case's open discussion actions done")                                   \
	X(CHANGE_PLAN, CB_SCOPE_LIST | CB_SCOPE_CASE, "p", NULL,                                 \
	  "Change the case's plan (step up or down)")                                             \
	X(CLOSE_CASE, CB_SCOPE_LIST | CB_SCOPE_CASE, "C", NULL, "Close the case")                 \
	X(AMEND_NOTE, CB_SCOPE_LIST | CB_SCOPE_CASE, "A", NULL, "Amend one of the case's recent notes") \
	X(NEW_REFERRAL, CB_SCOPE_LIST, "R", NULL, "Referral: new case for a child of the family") \
	X(NEW_FAMILY, CB_SCOPE_LIST, "F", NULL, "Add a new family and its people")                \
	X(EDIT_FAMILY, CB_SCOPE_LIST | CB_SCOPE_CASE, "E", NULL,                                  \
	  "Family: correct names, dates of birth, address; add a person")                \
	X(NEXT_FIELD, CB_SCOPE_FORM, "Tab Down", NULL, "Next field")                              \
	X(PREV_FIELD, CB_SCOPE_FORM, "BTab Up", NULL, "Previous field")                           \
	X(SAVE, CB_SCOPE_FORM, "F2 ^S", "Save", "Save the form")                                  \
	X(CANCEL, CB_SCOPE_FORM, "Esc", "Cancel", "Cancel (asks before throwing away typing)")    \
	X(SYNC, CB_SCOPE_LIST, "S", NULL, "Sync: export or import a bundle, history, conflicts")  \
	X(SYNC_EXPORT, CB_SCOPE_SYNC, "e", "Export",                                              \
	  "Sync: write a bundle (for the hub; on the hub, one per laptop)")                       \
	X(SYNC_IMPORT, CB_SCOPE_SYNC, "i", "Import", "Sync: import a bundle from a file")         \
	X(KEEP_MINE, CB_SCOPE_CONFLICT, "m", "Mine", "Conflict: keep the record as it is now")   \
	X(KEEP_THEIRS, CB_SCOPE_CONFLICT, "t", "Theirs",                                          \
	  "Conflict: take every field from the version set aside")                                \
	X(PICK, CB_SCOPE_CONFLICT, "Space", "Pick", "Conflict: switch a field between mine and theirs") \
	X(MERGE, CB_SCOPE_CONFLICT, "F2 ^S", "Save", "Conflict: save the fields as picked")

enum cb_action {
	CB_ACTION_NONE = 0,
#define CB_ACTION_ENUM(name, scope, keys, hint, help) CB_ACTION_##name,
	CB_ACTIONS(CB_ACTION_ENUM)
#undef CB_ACTION_ENUM
	CB_ACTION_COUNT
};

/*
 * The code of a key name as the table writes them: "Up", "PgDn", "Enter", "Tab", "BTab",
 * "Esc", "F1", "F2", "Space", "BSpace", "^Q" (control keys), or one character. -1 if unknown.
 */
int cb_key_from_name(const char *name, size_t len);

/* The action a key (a curses key code or character) means in scope, or CB_ACTION_NONE. */
enum cb_action cb_key_action(int key, unsigned scope);

/* Writes the status-bar hints for scope ("?:Help q:Back ...") into buf. */
void cb_key_hints(unsigned scope, char *buf, size_t size);
/* The same, leaving out the hints (from the last) that would take it past width columns. */
void cb_key_hints_fit(unsigned scope, int width, char *buf, size_t size);

/* The help screen's lines, generated from the table; NULL after the last. */
const char *cb_key_help_line(size_t i);
/* The scopes the action of help line i works in. */
unsigned cb_key_help_scope(size_t i);

#endif
