/* people.h: the members of a family, for choosing who rated, owns a goal or was present. */
#ifndef CASEBOOK_STORE_PEOPLE_H
#define CASEBOOK_STORE_PEOPLE_H

#include <stddef.h>

#include "store/store.h"

typedef struct cb_member {
	char *person_id, *name, *relationship, *born; /* born may be NULL */
} cb_member;

/* The family's members, caregivers first then by name. Free with cb_members_free. */
enum cb_status cb_members_load(cb_store *st, const char *family_id, cb_member **out,
			       size_t *count, cb_err *err);
void cb_members_free(cb_member *members, size_t count);

/*
 * The family's children (relationship child or sibling): those without an
 * open case first, then children before siblings, then oldest first (unknown
 * birth dates last), then by name.
 * Free with cb_members_free.
 */
enum cb_status cb_family_children_load(cb_store *st, const char *family_id, cb_member **out,
				       size_t *count, cb_err *err);

/* The role ("practitioner" or "supervisor") of a practitioner, or NULL if unknown. Caller frees. */
char *cb_practitioner_role(cb_store *st, const char *practitioner_id);
/* The team of a practitioner, or NULL if none or unknown. Caller frees. */
char *cb_practitioner_team(cb_store *st, const char *practitioner_id);

#endif
