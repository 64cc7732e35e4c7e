/* notes.h: reading notes with their amendments, for choosing and amending a note. */
#ifndef CASEBOOK_STORE_NOTES_H
#define CASEBOOK_STORE_NOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* The four texts of a note an amendment may replace, in the order the forms show them. */
enum cb_note_text { CB_NOTE_WORRIES, CB_NOTE_WORKING_WELL, CB_NOTE_NEEDS, CB_NOTE_BODY,
		    CB_NOTE_TEXTS };
/* Their columns in notes and note_amendments: worries, working_well, needs_to_happen, body. */
extern const char *const cb_note_text_columns[CB_NOTE_TEXTS];

typedef struct cb_amendment {
	char *id, *reason, *created_at, *created_by;
	char *text[CB_NOTE_TEXTS]; /* NULL = left unchanged by this amendment */
} cb_amendment;

typedef struct cb_note {
	char *id, *case_id, *contact_type, *occurred_at;
	bool confidential;
	char *original[CB_NOTE_TEXTS]; /* as first written; NULL when not answered */
	cb_amendment *amendments;      /* oldest first */
	size_t n_amendments;
	char *current[CB_NOTE_TEXTS];  /* after every amendment; never NULL ("" if none) */
} cb_note;

/* One note with its amendments; CB_NOT_FOUND if none. Free with cb_note_free. */
enum cb_status cb_note_load(cb_store *st, const char *note_id, cb_note *out, cb_err *err);
void cb_note_free(cb_note *n);

/*
 * Which of the proposed texts differ from the note's current ones, ignoring
 * differences in spacing and line breaks (a one-line field folds them): sets
 * changed[i] to proposed[i] (borrowed) or NULL when unchanged, and returns how
 * many changed.
 */
int cb_note_changes(const cb_note *n, const char *const proposed[CB_NOTE_TEXTS],
		    const char *changed[CB_NOTE_TEXTS]);

typedef struct cb_note_line {
	char *id, *occurred_at, *contact_type;
	char *summary;   /* the current text (or the first answered question), on one line */
	int amendments;  /* how many */
} cb_note_line;

/* The case's `limit` most recent notes, newest first. Free with cb_note_lines_free. */
enum cb_status cb_notes_recent(cb_store *st, const char *case_id, int limit, cb_note_line **out,
			       size_t *count, cb_err *err);
void cb_note_lines_free(cb_note_line *lines, size_t count);

#endif
