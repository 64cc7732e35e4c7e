/* staff.h: practitioners and teams, for allocating a case. */
#ifndef CASEBOOK_STORE_STAFF_H
#define CASEBOOK_STORE_STAFF_H

#include <stddef.h>

#include "store/store.h"

typedef struct cb_practitioner {
	char *id, *name, *team_id; /* team_id may be NULL */
} cb_practitioner;

typedef struct cb_team {
	char *id, *name;
} cb_team;

/* The active practitioners, by name. Free with cb_practitioners_free. */
enum cb_status cb_practitioners_load(cb_store *st, cb_practitioner **out, size_t *count,
				     cb_err *err);
void cb_practitioners_free(cb_practitioner *list, size_t count);

/* The practitioner in list with that id, or NULL (also for a NULL id). Borrowed. */
const cb_practitioner *cb_practitioner_find(const cb_practitioner *list, size_t count,
					    const char *id);

/* Every team, by name. Free with cb_teams_free. */
enum cb_status cb_teams_load(cb_store *st, cb_team **out, size_t *count, cb_err *err);
void cb_teams_free(cb_team *list, size_t count);

#endif
