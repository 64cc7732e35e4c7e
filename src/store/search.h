/* search.h: finding a case by a person's or family's name, or by words in its notes (FTS5). */
#ifndef CASEBOOK_STORE_SEARCH_H
#define CASEBOOK_STORE_SEARCH_H

#include <stddef.h>

#include "store/store.h"

typedef struct cb_hit {
	char *case_id;   /* NULL for a family with no case yet */
	char *family_id; /* the case's family, or the family with no case */
	char *child;     /* "Ada Okafor, Okafor family", or "Nowak family, no case yet" */
	char *what;      /* "name", "family" or "note" */
	char *when;      /* the note's date-time; NULL for names */
	char *snippet;   /* the matching words in context, or the matching name */
	char *note_id;   /* the note, for note hits; NULL for names */
} cb_hit;

/*
 * Searches names (people, families and family references: any part, any case)
 * and note text (whole words; the last word may be the start of one): names
 * first, then the notes most recently recorded, newest first; at most `limit`
 * hits. Typed text is never read as query
 * syntax. The caller frees the hits with cb_hits_free.
 */
enum cb_status cb_search(cb_store *st, const char *text, size_t limit, cb_hit **out,
			 size_t *count, cb_err *err);
void cb_hits_free(cb_hit *hits, size_t count);

/* The FTS5 query for typed text: each word quoted, the last one as a prefix. Caller frees. */
char *cb_search_fts_query(const char *text);

#endif
