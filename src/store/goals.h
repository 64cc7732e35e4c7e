/* goals.h: a case's goals with their latest progress, for the goal and review forms. */
#ifndef CASEBOOK_STORE_GOALS_H
#define CASEBOOK_STORE_GOALS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

typedef struct cb_goal {
	char *id, *case_id, *category, *owner, *text, *status, *set_on;
	char *owner_name;     /* the family member whose goal it is, or NULL */
	char *paired_goal_id; /* NULL when not paired */
	int progress;         /* the latest review's progress 0-10, or -1 if never reviewed */
	char *reviewed_on;    /* the latest review's date, or NULL */
} cb_goal;

/*
 * The case's goals (only the active ones if active_only), oldest set first,
 * each with its latest review. Free with cb_goals_free.
 */
enum cb_status cb_goals_load(cb_store *st, const char *case_id, bool active_only, cb_goal **out,
			     size_t *count, cb_err *err);
void cb_goals_free(cb_goal *goals, size_t count);

/* One goal with its latest review; CB_NOT_FOUND if none. Free with cb_goal_free. */
enum cb_status cb_goal_load(cb_store *st, const char *goal_id, cb_goal *out, cb_err *err);
void cb_goal_free(cb_goal *g);

#endif
