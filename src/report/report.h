/* report.h: the outcome report for a period, a team or a practitioner, as plain numbers with their n. */
#ifndef CASEBOOK_REPORT_REPORT_H
#define CASEBOOK_REPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/stats.h"
#include "core/status.h"
#include "forms/forms.h"
#include "store/store.h"

/*
 * The figures are defined in domain-brief §2 (cited beside each computation)
 * and documented for users in casebook(1), REPORT. This layer only counts:
 * the words (definitions, notes) are in notes.c and the layouts in the
 * writers (src/cli/report_*.c, src/ui/report_*.c).
 */

/* A figure over fewer values than this is marked "too few to mean much". */
#define CB_REPORT_MIN_N 5
/* Re-referral window and the follow-up a referral needs to be fully observed (§2.2.3). */
#define CB_REPORT_REREFERRAL_MONTHS 12
/* The default period: this many months up to today. */
#define CB_REPORT_DEFAULT_MONTHS 12
/* Days without a contact beyond which an open case counts as not seen (as on the caseload). */
#define CB_REPORT_CONTACT_DAYS 28

/* True if n is too small for the figure to mean much (n < CB_REPORT_MIN_N). */
bool cb_report_too_few(long n);

/* What to report on. from and to are inclusive dates "YYYY-MM-DD". */
typedef struct cb_report_opts {
	char from[11], to[11];
	const char *team_id;         /* only cases of this team; NULL for all */
	const char *practitioner_id; /* only cases allocated to this practitioner; NULL for all */
	const cb_form_set *forms;    /* which way each risk scale is better; may be NULL */
} cb_report_opts;

/* A mean (or other summary) over n values; value means nothing when n is 0. */
typedef struct cb_stat {
	long n;
	double value;
} cb_stat;

/* k of n, and k as a whole percentage of n by the rule the figure documents. */
typedef struct cb_share {
	long k, n;
	int percent;
} cb_share;

/* ---- risk framework (§1.1; change as in FACT22 Figures 6-10, [004]:517-533, 1017-1019) ---- */

enum cb_risk_scale { CB_RISK_TOTAL, CB_RISK_RISK, CB_RISK_PROTECTIVE, CB_RISK_ENGAGEMENT,
		     CB_RISK_SCALES };
/* The instrument and its scale ids, in enum order. */
#define CB_REPORT_RISK_INSTRUMENT "risk-framework"
extern const char *const cb_risk_scale_ids[CB_RISK_SCALES];

typedef struct cb_risk_point {
	char on[11];
	double value[CB_RISK_SCALES];
	bool has[CB_RISK_SCALES];
} cb_risk_point;

typedef struct cb_risk_case {
	char *case_id, *child_name, *family_name;
	cb_risk_point *points; /* assessments in the period, oldest first */
	size_t n_points;
	int first[CB_RISK_SCALES], latest[CB_RISK_SCALES]; /* indexes into points; -1 if no value */
} cb_risk_case;

/* The change latest - first on a scale; false unless two different assessments have a value. */
bool cb_risk_case_change(const cb_risk_case *c, enum cb_risk_scale scale, double *change);

typedef struct cb_risk_change {
	bool higher_is_better; /* from the form; true (safer) when it is not loaded */
	cb_box box;            /* of the changes; box.n cases with two or more assessments */
	long moved[3];         /* better, same, worse */
	int percent[3];        /* of box.n, largest remainder */
} cb_risk_change;

typedef struct cb_risk_report {
	cb_risk_case *cases; /* cases with a risk-framework assessment in the period */
	size_t n_cases;
	cb_risk_change change[CB_RISK_SCALES];
} cb_risk_report;

/* ---- working alliance (§1.2, [002]:766) ---- */

enum cb_wai_scale { CB_WAI_GOAL, CB_WAI_TASK, CB_WAI_BOND, CB_WAI_SUBSCALES };
#define CB_REPORT_WAI_INSTRUMENT "working-alliance"
extern const char *const cb_wai_scale_ids[CB_WAI_SUBSCALES];

typedef struct cb_alliance_side {
	long ratings;                  /* ratings counted: each rater's latest per case */
	long cases;                    /* cases they are about */
	cb_stat mean[CB_WAI_SUBSCALES];
	cb_stat aggregate;             /* sum of the three unrounded means, out of 21; n the fewest */
} cb_alliance_side;

typedef struct cb_alliance_report {
	cb_alliance_side family; /* rater family_member or child */
	cb_alliance_side worker;
	long superseded;         /* earlier ratings in the period by the same rater, not counted */
} cb_alliance_report;

/* ---- goals (§1.4, [002]:441-447) ---- */

#define CB_GOAL_CATEGORIES 9 /* in the order of cb_goal_categories (core/labels.h) */

typedef struct cb_goal_report {
	long n;                                /* goals set in the period */
	long by_category[CB_GOAL_CATEGORIES];
	int category_percent[CB_GOAL_CATEGORIES]; /* largest remainder over n */
	long family, worker;                   /* whose goals */
	long active, achieved, dropped;        /* status now */
	cb_share achieved_share;               /* achieved of n, half up */
	long cases, cases_both_sides;          /* cases with goals; with family and worker goals */
	long pairs;                            /* family-worker pairs compared */
	long identical, different, unrated;    /* pairs by agreement (unrated: no agreement given) */
	int agreement_percent[2];              /* identical, different: largest remainder */
	long different_thought_match;          /* different pairs the worker thought matched */
} cb_goal_report;

/* ---- plan type at the start and at the end (§2.9, Havering Table 12, [002]:512-525) ---- */

/* The ladder none < early_help < cin < cp < lac (index = rank). */
enum cb_plan_rank { CB_RANK_NONE, CB_RANK_EH, CB_RANK_CIN, CB_RANK_CP, CB_RANK_LAC,
		    CB_PLAN_TYPES };
/* Rank of a plan code; CB_RANK_NONE for NULL or unknown. */
enum cb_plan_rank cb_plan_rank_of(const char *plan);

enum cb_move { CB_MOVE_DOWN, CB_MOVE_SAME, CB_MOVE_UP, CB_MOVES };

typedef struct cb_plan_report {
	long n;                             /* cases in the report */
	long start[CB_PLAN_TYPES], end[CB_PLAN_TYPES];
	int start_percent[CB_PLAN_TYPES], end_percent[CB_PLAN_TYPES]; /* largest remainder */
	long moved[CB_MOVES];               /* stepped down or closed, same, stepped up */
	int moved_percent[CB_MOVES];        /* truncated, as Havering published them */
	cb_share off_plan;                  /* None or Early Help at the end, half up */
} cb_plan_report;

/* ---- case outcomes (§2.2, FACT22 Appendix 2, [004]:782-811) ---- */

typedef struct cb_outcome_report {
	long cases;
	long closed;                    /* closed in the period */
	cb_share closed_no_escalation;  /* of cases, half up */
	long closed_then_escalated;     /* closed, then a CP or LAC plan for the child by the end */
	cb_share escalated_cp, escalated_lac; /* cases escalated in the period, of cases, half up */
	long started_cp_lac;            /* cases whose first plan (in the period) was CP or LAC */
	cb_stat length_mean, length_median; /* weeks, referral to closure, closed without escalation */
	long still_open;                /* cases open at the end of the period */
	long referrals;                 /* referrals in the period */
	cb_share re_referred;           /* followed within 12 months by another for the child, half up */
	long short_follow_up;           /* referrals less than 12 months before the end */
	long short_follow_up_re_referred;
	long re_referred_any;           /* followed by another referral at any time by the end */
	cb_share nfa;                   /* no further action, of referrals decided, half up */
	long pending;                   /* referrals not yet decided */
} cb_outcome_report;

/* ---- intensity (§2.12, §7.5: contact frequency, caseload per worker) ---- */

enum cb_gap { CB_GAP_WEEK, CB_GAP_FORTNIGHT, CB_GAP_MONTH, CB_GAP_LONGER, CB_GAP_NEVER,
	      CB_GAPS };

typedef struct cb_caseholder {
	char *id, *name;
	long open;
} cb_caseholder;

typedef struct cb_intensity_report {
	long cases;
	long contacts;                /* notes dated while each case was open in the period */
	double case_weeks;            /* weeks each case was open in the period, added up */
	cb_stat per_case_week;        /* contacts / case_weeks; n cases */
	long visits;                  /* home visits, office visits and direct work */
	long seen;                    /* visits where the child was seen */
	cb_share seen_alone;          /* visits where the child was seen alone, of visits, half up */
	long open_at_end;
	cb_stat days_median, days_mean; /* days since the last contact, open cases with one */
	long days_max;
	long gaps[CB_GAPS];           /* open cases by days since contact: 0-7, 8-14, 15-28, 29+, never */
	cb_share not_seen;            /* open cases with no contact in 28 days (or none), half up */
	cb_caseholder *holders;       /* practitioners holding open cases, most first */
	size_t n_holders;
	long unallocated;             /* open cases with no practitioner */
	cb_stat per_practitioner;     /* allocated open cases / practitioners holding any; n holders */
} cb_intensity_report;

/* ---- practice observation (§1.3, [002]:358, 392) ---- */

enum cb_obs_scale { CB_OBS_COLLABORATION, CB_OBS_EMPATHY, CB_OBS_PURPOSEFULNESS, CB_OBS_CLARITY,
		    CB_OBS_CHILD_FOCUS, CB_OBS_RELATIONSHIP, CB_OBS_AUTHORITY, CB_OBS_OVERALL,
		    CB_OBS_SCALES };
#define CB_REPORT_OBS_INSTRUMENT "practice-observation"
extern const char *const cb_obs_scale_ids[CB_OBS_SCALES];

typedef struct cb_obs_result {
	cb_stat mean;
	cb_share rated3; /* rated 3 or more, of mean.n, half up */
	cb_share rated4; /* rated 4 or more ("good" or "excellent"), half up */
} cb_obs_result;

typedef struct cb_observation_report {
	long observations;
	cb_obs_result scale[CB_OBS_SCALES];
} cb_observation_report;

/* ---- the whole report ---- */

typedef struct cb_report {
	char from[11], to[11];
	char *team_id, *team_name;                 /* NULL when not limited to a team */
	char *practitioner_id, *practitioner_name; /* NULL when not limited to a practitioner */
	long cases;                                /* cases open at some time in the period */
	long open_at_start;                        /* of them, open on `from` */
	cb_risk_report risk;
	cb_alliance_report alliance;
	cb_goal_report goals;
	cb_plan_report plans;
	cb_outcome_report outcomes;
	cb_intensity_report intensity;
	cb_observation_report observation;
} cb_report;

/*
 * Checks opts (real dates, from not after to, the team and practitioner
 * exist) and computes every figure, reading in one transaction so that the
 * figures agree with each other. CB_INVALID for bad dates, CB_NOT_FOUND for
 * an unknown team or practitioner, each with a message saying what to do.
 * On success the caller frees *out with cb_report_free (also safe after a
 * failure).
 */
enum cb_status cb_report_run(cb_store *st, const cb_report_opts *opts, cb_report *out,
			     cb_err *err);
void cb_report_free(cb_report *r);

/* The default period: to = today, from = the same day 12 months earlier. */
void cb_report_default_period(const char *today, char *from, char *to);
/* The same day `months` before `to` into from (11 bytes). */
void cb_report_months_before(const char *to, int months, char *from);

/*
 * The first date anything in the casebook happened (the earliest referral),
 * for an "all time" period; `fallback` (copied) when the casebook is empty.
 */
enum cb_status cb_report_first_date(cb_store *st, const char *fallback, char *out, cb_err *err);

/* ---- the words: definitions with citations, and the decisions taken (notes.c) ---- */

enum cb_report_section { CB_SEC_COHORT, CB_SEC_RISK, CB_SEC_ALLIANCE, CB_SEC_GOALS, CB_SEC_PLANS,
			 CB_SEC_OUTCOMES, CB_SEC_INTENSITY, CB_SEC_OBSERVATION, CB_SECTIONS };

typedef struct cb_report_section_info {
	const char *key;        /* the JSON key and CSV section name: "risk_framework" */
	const char *title;      /* "Risk framework" */
	const char *cite;       /* where the definitions come from: "domain-brief §1.1, §2.2; [004]:815" */
	const char *const *definitions; /* how each figure is computed, NULL-terminated */
	const char *const *decisions;   /* choices made where the sources are ambiguous, NULL-terminated */
} cb_report_section_info;

/* The section's words (static). */
const cb_report_section_info *cb_report_section(enum cb_report_section sec);

/* Labels: "Stepped down or closed"; "0-7 days". */
const char *cb_report_move_label(enum cb_move m);
const char *cb_report_gap_label(enum cb_gap g);
/* The plan code of a rank ("none" ... "lac"). */
const char *cb_report_plan_code(enum cb_plan_rank r);

#endif
