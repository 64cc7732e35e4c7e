/* drafts.h: forms in progress, kept in the database as the user types. */
#ifndef CASEBOOK_STORE_DRAFTS_H
#define CASEBOOK_STORE_DRAFTS_H

#include <stddef.h>

#include "store/store.h"

/* A draft's field values: parallel arrays of keys and values. */
typedef struct cb_draft {
	char *kind, *target, *title, *saved_at;
	char **keys, **values;
	size_t count;
} cb_draft;

/* Saves (replaces) the draft of one form in its own transaction. */
enum cb_status cb_draft_save(cb_store *st, const char *kind, const char *target,
			     const char *title, const char *const *keys,
			     const char *const *values, size_t count, cb_err *err);
/* Removes a draft; no error if there is none. */
enum cb_status cb_draft_delete(cb_store *st, const char *kind, const char *target, cb_err *err);

/* Every saved draft, oldest first. The caller frees the array with cb_drafts_free. */
enum cb_status cb_drafts_list(cb_store *st, cb_draft **out, size_t *count, cb_err *err);
void cb_drafts_free(cb_draft *drafts, size_t count);

/* The value stored for key in a draft, or NULL. Borrowed. */
const char *cb_draft_value(const cb_draft *d, const char *key);

#endif
