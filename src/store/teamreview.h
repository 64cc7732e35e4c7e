/* teamreview.h: a team's open cases with the group case discussion's flags, and the discussions' records. */
#ifndef CASEBOOK_STORE_TEAMREVIEW_H
#define CASEBOOK_STORE_TEAMREVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/ids.h"
#include "store/caseload.h"
#include "store/store.h"

/* A CIN plan open longer than this has drifted (domain-brief §2.2 and §7.6: cases open >= 12 months). */
#define CB_CIN_DRIFT_MONTHS 12

/*
 * The flags a supervisor looks for in group case discussion (domain-brief
 * §4.3, §7.6), each a bit of cb_team_case.flags:
 *   DRIFT       no goal progress in 8 weeks (the caseload's rule, §2.2 and
 *               [004]:218) or a CIN plan open over 12 months
 *   REVIEW      review overdue: no assessment for 3 months (the caseload's rule, §5.2)
 *   CONTACT     no contact in 28 days (the caseload's rule)
 *   RISK        the latest risk-framework total is lower (less safe) than the first
 *   ENGAGEMENT  the latest risk-framework engagement score is lower than the one before
 */
enum cb_team_flag {
	CB_TEAM_DRIFT = 1 << 0,
	CB_TEAM_REVIEW = 1 << 1,
	CB_TEAM_CONTACT = 1 << 2,
	CB_TEAM_RISK = 1 << 3,
	CB_TEAM_ENGAGEMENT = 1 << 4,
};
#define CB_TEAM_FLAG_COUNT 5

typedef struct cb_team_case {
	/* Borrowed from the review's caseload: names, plan, contact, latest risk,
	   review due, stalled goals and open actions. */
	const cb_caseload_row *row;
	char *team_id;    /* NULL when the case has no team */
	char *cin_since;  /* start of the CIN plan in force, or NULL */
	bool cin_drift;   /* that CIN plan has been open over 12 months */
	bool has_first_risk;
	double first_risk;   /* the first risk-framework total (row->risk_total is the latest) */
	bool has_engagement; /* two engagement scores or more */
	double engagement, engagement_before; /* the latest and the one before it */
	unsigned flags;   /* enum cb_team_flag bits */
	int n_flags;
} cb_team_case;

typedef struct cb_team_review {
	cb_caseload all;     /* every open case (the rows that cases point into) */
	cb_team_case *cases; /* the team's, by family then child (see cb_team_review_sort) */
	size_t count;
} cb_team_review;

/*
 * Loads the open cases of one team (all teams when team_id is NULL) as of
 * `today` ("YYYY-MM-DD") with their flags. On success the caller owns *out
 * and frees it with cb_team_review_free; on failure *out is empty.
 */
enum cb_status cb_team_review_load(cb_store *st, const char *team_id, const char *today,
				   cb_team_review *out, cb_err *err);
void cb_team_review_free(cb_team_review *r);

enum cb_team_sort { CB_TEAM_BY_FAMILY, CB_TEAM_BY_FLAGS };
/* Sorts the cases: by family then child, or most flags first (then by family and child). */
void cb_team_review_sort(cb_team_review *r, enum cb_team_sort by);

/* ---- recording a group case discussion ---- */

typedef struct cb_discussed_case {
	const char *case_id;
	const char *decision; /* what was decided; NULL if nothing was */
} cb_discussed_case;

typedef struct cb_new_action {
	const char *action;   /* what is to be done */
	const char *owner_id; /* the practitioner who will do it; NULL for nobody named */
	const char *due_on;   /* "YYYY-MM-DD", or NULL */
	const char *case_id;  /* the case it is for, or NULL for the team as a whole */
} cb_new_action;

typedef struct cb_discussion {
	const char *team_id; /* NULL when not one team's */
	const char *held_on; /* "YYYY-MM-DD" */
	const char *notes;   /* may be NULL */
	const char *const *attendees; /* practitioner ids, each once */
	size_t n_attendees;
	const cb_discussed_case *cases; /* each case once */
	size_t n_cases;
	const cb_new_action *actions;
	size_t n_actions;
} cb_discussion;

/*
 * Saves a discussion with its attendees, cases and actions in one
 * transaction (all or nothing). Checks the date, that no attendee or case is
 * listed twice and that every action is written out (CB_INVALID, saying what
 * to change). The new supervision's id goes into id (CB_UUID_LEN + 1 bytes).
 */
enum cb_status cb_discussion_save(cb_store *st, const cb_discussion *d, char *id, cb_err *err);

/* ---- open actions ---- */

typedef struct cb_open_action {
	char *id, *supervision_id, *held_on, *action;
	char *due_on;              /* NULL if no date was set */
	char *owner_id, *owner_name; /* NULL if nobody was named */
	char *case_id, *child_name;  /* NULL for an action for the team as a whole */
	bool overdue;              /* due before `today` */
} cb_open_action;

typedef struct cb_open_actions {
	cb_open_action *rows; /* by due date (undated last), then date discussed, then id */
	size_t count;
} cb_open_actions;

/*
 * The actions not yet done, of one case (cb_open_actions_of_case) or of one
 * practitioner (cb_open_actions_of_owner), as of `today`. On success the
 * caller frees *out with cb_open_actions_free; on failure *out is empty.
 */
enum cb_status cb_open_actions_of_case(cb_store *st, const char *case_id, const char *today,
				       cb_open_actions *out, cb_err *err);
enum cb_status cb_open_actions_of_owner(cb_store *st, const char *practitioner_id,
					const char *today, cb_open_actions *out, cb_err *err);
void cb_open_actions_free(cb_open_actions *a);

/*
 * Marks an action done on done_on ("YYYY-MM-DD") in its own transaction.
 * CB_NOT_FOUND if there is no such action; CB_INVALID if it is already done
 * or done_on is not a date or is before the discussion that set it.
 */
enum cb_status cb_action_mark_done(cb_store *st, const char *action_id, const char *done_on,
				   cb_err *err);

#endif
