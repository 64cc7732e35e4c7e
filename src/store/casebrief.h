/* casebrief.h: the few facts about a case that every form for it needs. */
#ifndef CASEBOOK_STORE_CASEBRIEF_H
#define CASEBOOK_STORE_CASEBRIEF_H

#include <stdbool.h>

#include "core/dates.h"
#include "store/store.h"

typedef struct cb_case_brief {
	char *case_id, *family_id, *family_name, *child_id, *child_name, *practitioner_id;
	bool born_known;
	cb_date born;
	char *referred_on;
	char *closed_on, *closure_reason; /* NULL while open */
} cb_case_brief;

/* Loads the brief of one case; CB_NOT_FOUND if there is none. Free with cb_case_brief_free. */
enum cb_status cb_case_brief_load(cb_store *st, const char *case_id, cb_case_brief *out,
				  cb_err *err);
/* "Ada Okafor (14), Okafor family" as of today (caller frees). */
char *cb_case_brief_label(const cb_case_brief *b, const char *today);
void cb_case_brief_free(cb_case_brief *b);

#endif
