/* cases.h: what the referral, plan and closure forms ask of a case: open cases, plan episodes. */
#ifndef CASEBOOK_STORE_CASES_H
#define CASEBOOK_STORE_CASES_H

#include "store/store.h"

typedef struct cb_plan_episode {
	char *id, *plan, *started_on;
} cb_plan_episode;

/*
 * The case's open plan episode (no end date; the latest started if there are
 * several). CB_NOT_FOUND, with *out zeroed, if none is open. Free with
 * cb_plan_episode_free.
 */
enum cb_status cb_plan_current(cb_store *st, const char *case_id, cb_plan_episode *out,
			       cb_err *err);
void cb_plan_episode_free(cb_plan_episode *e);

/*
 * The open case of a child, if there is one: sets *case_id and *referred_on
 * (the caller frees both), or both to NULL if the child has no open case.
 */
enum cb_status cb_child_open_case(cb_store *st, const char *child_id, char **case_id,
				  char **referred_on, cb_err *err);

#endif
