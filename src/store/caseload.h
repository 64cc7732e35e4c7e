/* caseload.h: the open cases a practitioner holds, with the flags the home screen shows. */
#ifndef CASEBOOK_STORE_CASELOAD_H
#define CASEBOOK_STORE_CASELOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* Thresholds behind the flags (domain-brief §4.3, §5.2; CIN reviews at least 3-monthly, [004]:256). */
#define CB_NO_CONTACT_DAYS 28
#define CB_REVIEW_MONTHS 3
#define CB_GOAL_STALL_DAYS 56

enum cb_trend { CB_TREND_NONE, CB_TREND_SAFER, CB_TREND_SAME, CB_TREND_RISKIER };

typedef struct cb_caseload_row {
	char *case_id, *family_name, *family_ref, *child_name, *practitioner;
	char *practitioner_id;  /* who holds the case, or NULL */
	char *team_id;          /* the team the case is with, or NULL */
	int child_age;          /* -1 if the date of birth is not known */
	char *plan;             /* current plan type: none, early_help, cin, cp, lac, or NULL */
	char *last_contact;     /* date of the latest note, or NULL */
	int days_since_contact; /* -1 if no contact yet */
	bool has_risk;
	double risk_total;      /* latest risk-framework total (higher is safer) */
	enum cb_trend trend;    /* against the assessment before it */
	char *review_due;       /* last assessment (or referral) + 3 months */
	bool flag_no_contact;   /* no contact in 28 days */
	bool flag_review_overdue;
	int stalled_goals;      /* active goals with no progress in 8 weeks */
	int open_actions;       /* group case discussion actions for the case not yet done */
	int overdue_actions;    /* of those, the ones past their due date */
} cb_caseload_row;

typedef struct cb_caseload {
	cb_caseload_row *rows;
	size_t count;
} cb_caseload;

/*
 * Loads the open cases as of `today` ("YYYY-MM-DD"), ordered by family then
 * child: every one, or those of one practitioner and/or one team (NULL: any).
 * The caller frees the list with cb_caseload_free.
 */
enum cb_status cb_caseload_load(cb_store *st, const char *practitioner_id, const char *team_id,
				const char *today, cb_caseload *out, cb_err *err);
void cb_caseload_free(cb_caseload *list);

/* A row's short cell texts, shared by `casebook caseload` and the app's home screen. */
typedef struct cb_caseload_cells {
	char age[8];      /* "12", or "?" */
	char contact[16]; /* "9d", or "never" */
	char risk[32];    /* "+11 safer", or "-" */
	char flags[64];   /* "!contact !review !goals !action" (those that apply) */
} cb_caseload_cells;

void cb_caseload_cells_of(const cb_caseload_row *r, cb_caseload_cells *out);

#endif
