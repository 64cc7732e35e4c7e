/* families.h: families for the new-family and referral forms: references, children, members. */
#ifndef CASEBOOK_STORE_FAMILIES_H
#define CASEBOOK_STORE_FAMILIES_H

#include <stdbool.h>
#include <stddef.h>

#include "store/people.h"
#include "store/store.h"

/*
 * The next free family reference: "FAM-" and one more than the highest
 * number after "FAM-" in use, at least four digits ("FAM-0001" when none).
 * The caller frees *out.
 */
enum cb_status cb_family_next_ref(cb_store *st, char **out, cb_err *err);

/* "Okafor family (FAM-0009)" in *out (the caller frees it); CB_NOT_FOUND if no such family. */
enum cb_status cb_family_label(cb_store *st, const char *family_id, char **out, cb_err *err);

/*
 * Sets *taken if a family other than except_family_id (NULL: any family) has
 * that reference already, ignoring letter case.
 */
enum cb_status cb_family_ref_taken(cb_store *st, const char *ref, const char *except_family_id,
				   bool *taken, cb_err *err);

/* A family's own fields; a missing address is "". */
typedef struct cb_family {
	char *ref, *name, *address;
} cb_family;

/* Reads the family into *out (free with cb_family_free); CB_NOT_FOUND if there is none. */
enum cb_status cb_family_load(cb_store *st, const char *family_id, cb_family *out, cb_err *err);
void cb_family_free(cb_family *f);


/*
 * Links a person to a family. family_members has a composite key and no id,
 * so this fills created_at, created_by, device_id and updated_at itself. Runs
 * inside the caller's transaction.
 */
enum cb_status cb_family_member_insert(cb_store *st, const char *family_id,
				       const char *person_id, const char *relationship,
				       cb_err *err);

#endif
