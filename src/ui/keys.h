/* keys.h: the one key table: actions, their keys, help text and status-bar hints. */
#ifndef CASEBOOK_UI_KEYS_H
#define CASEBOOK_UI_KEYS_H

#include <stddef.h>

/* Views a binding applies in; a key may mean different things in each. */
enum cb_key_scope {
	CB_SCOPE_GLOBAL = 1 << 0,
	CB_SCOPE_LIST = 1 << 1,   /* caseload and other lists */
	CB_SCOPE_FORM = 1 << 2,   /* any form screen */
};

/* X(name, scope, keys, hint, help): keys are space-separated names (see keys.c). */
#define CB_ACTIONS(X)                                                                          \
	X(HELP, CB_SCOPE_GLOBAL | CB_SCOPE_LIST, "? F1", "Help", "Show this help")               \
	X(BACK, CB_SCOPE_LIST, "q", "Back", "Go back; on the caseload, quit")                     \
	X(QUIT, CB_SCOPE_GLOBAL, "^Q", NULL, "Quit casebook from anywhere")                      \
	X(UP, CB_SCOPE_LIST, "Up k", NULL, "Move up")                                             \
	X(DOWN, CB_SCOPE_LIST, "Down j", NULL, "Move down")                                       \
	X(PAGE_UP, CB_SCOPE_LIST, "PgUp ^B", NULL, "Page up")                                     \
	X(PAGE_DOWN, CB_SCOPE_LIST, "PgDn ^F", NULL, "Page down")                                 \
	X(FIRST, CB_SCOPE_LIST, "Home g", NULL, "First row")                                      \
	X(LAST, CB_SCOPE_LIST, "End", NULL, "Last row")                                           \
	X(OPEN, CB_SCOPE_LIST, "Enter", "Open", "Open the selected row")                          \
	X(REFRESH, CB_SCOPE_LIST, "^L", NULL, "Redraw the screen and reload")                     \
	X(NEW_NOTE, CB_SCOPE_LIST, "n", "Note", "Record a contact note for the selected case")    \
	X(NEW_ASSESSMENT, CB_SCOPE_LIST, "a", "Assess",                                          \
	  "Record an assessment (risk framework, WAI, ...) for the case")                         \
	X(NEW_GOAL, CB_SCOPE_LIST, "G", "Goal", "Set a goal (the family's or yours)")             \
	X(REVIEW_GOAL, CB_SCOPE_LIST, "r", "Review", "Review progress on one of the goals")       \
	X(CHANGE_PLAN, CB_SCOPE_LIST, "p", NULL, "Change the case's plan (step up or down)")      \
	X(CLOSE_CASE, CB_SCOPE_LIST, "C", NULL, "Close the selected case")                        \
	X(AMEND_NOTE, CB_SCOPE_LIST, "A", NULL, "Amend one of the case's recent notes")           \
	X(NEW_REFERRAL, CB_SCOPE_LIST, "R", NULL, "Referral: new case for a child of the family") \
	X(NEW_FAMILY, CB_SCOPE_LIST, "F", NULL, "Add a new family and its people")                \
	X(NEXT_FIELD, CB_SCOPE_FORM, "Tab Down", NULL, "Next field")                              \
	X(PREV_FIELD, CB_SCOPE_FORM, "BTab Up", NULL, "Previous field")                           \
	X(SAVE, CB_SCOPE_FORM, "F2 ^S", "Save", "Save the form")                                  \
	X(CANCEL, CB_SCOPE_FORM, "Esc", "Cancel", "Cancel (asks before throwing away typing)")

enum cb_action {
	CB_ACTION_NONE = 0,
#define CB_ACTION_ENUM(name, scope, keys, hint, help) CB_ACTION_##name,
	CB_ACTIONS(CB_ACTION_ENUM)
#undef CB_ACTION_ENUM
	CB_ACTION_COUNT
};

/* The action a key (a curses key code or character) means in scope, or CB_ACTION_NONE. */
enum cb_action cb_key_action(int key, unsigned scope);

/* Writes the status-bar hints for scope ("?:Help q:Back ...") into buf. */
void cb_key_hints(unsigned scope, char *buf, size_t size);

/* The help screen's lines, generated from the table; NULL after the last. */
const char *cb_key_help_line(size_t i);

#endif
