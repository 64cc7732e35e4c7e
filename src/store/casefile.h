/* casefile.h: one case read in full for the case screen: header, people, plans, chronology, scores, goals, alliance. */
#ifndef CASEBOOK_STORE_CASEFILE_H
#define CASEBOOK_STORE_CASEFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/*
 * Every loader below reads one case (case_id) as of `today` ("YYYY-MM-DD",
 * used for ages, the current plan and the weeks of an open plan). On success
 * the caller owns *out and frees it with the matching free function; on
 * failure *out is left empty (freeing it is still safe) and err says why.
 */

/* A score that may be missing (a scale with nothing answered has no value). */
typedef struct cb_opt_score {
	bool has;
	double value;
} cb_opt_score;

/* Which way a value moved against the one before it; the reader knows which way is better. */
enum cb_change { CB_CHANGE_NONE, CB_CHANGE_UP, CB_CHANGE_SAME, CB_CHANGE_DOWN };

/* UP if after > before, DOWN if lower, SAME if equal (to within 0.005). */
enum cb_change cb_change_between(double before, double after);

typedef struct cb_case_header {
	char *case_id;
	char *family_id, *family_name, *family_ref, *family_address; /* address may be NULL */
	char *child_id, *child_name, *child_born;                    /* born may be NULL */
	int child_age;                /* on `today`; -1 if the date of birth is not known */
	char *referred_on, *referral_source, *need;
	char *practitioner, *team;    /* names; NULL when not allocated */
	char *plan, *plan_since;      /* the plan in force on `today` and its start; NULL if none */
	char *last_contact;           /* occurred_at of the latest note up to `today`, or NULL */
	char *closed_on, *closure_reason; /* NULL while the case is open */
} cb_case_header;

/* The case, its family and child. CB_NOT_FOUND (with a message) if there is no such case. */
enum cb_status cb_case_header_load(cb_store *st, const char *case_id, const char *today,
				   cb_case_header *out, cb_err *err);
void cb_case_header_free(cb_case_header *h);

typedef struct cb_case_person {
	char *id, *name, *relationship, *born; /* born may be NULL */
	int age;                               /* on `today`; -1 if not known */
	bool is_case_child;                    /* the child this case is about */
} cb_case_person;

typedef struct cb_case_people {
	cb_case_person *rows;
	size_t count;
} cb_case_people;

/*
 * The members of the case's family: main caregivers, other adults, then
 * children and siblings; within each, oldest first (unknown birth last), then name.
 */
enum cb_status cb_case_people_load(cb_store *st, const char *case_id, const char *today,
				   cb_case_people *out, cb_err *err);
void cb_case_people_free(cb_case_people *p);

typedef struct cb_case_plan {
	char *id, *plan, *started_on, *ended_on; /* ended_on NULL while open */
	int weeks;    /* whole weeks from start to end, or to `today` while open */
	bool current; /* in force on `today` */
} cb_case_plan;

typedef struct cb_case_plans {
	cb_case_plan *rows; /* oldest first */
	size_t count;
} cb_case_plans;

enum cb_status cb_case_plans_load(cb_store *st, const char *case_id, const char *today,
				  cb_case_plans *out, cb_err *err);
void cb_case_plans_free(cb_case_plans *p);

typedef struct cb_case_referral {
	char *id, *referred_on, *source, *outcome;
} cb_case_referral;

typedef struct cb_case_referrals {
	cb_case_referral *rows; /* oldest first */
	size_t count;
} cb_case_referrals;

enum cb_status cb_case_referrals_load(cb_store *st, const char *case_id,
				      cb_case_referrals *out, cb_err *err);
void cb_case_referrals_free(cb_case_referrals *r);

typedef struct cb_goal_review {
	char *id, *reviewed_on, *comment; /* comment may be NULL */
	int progress;                     /* 0..10 */
} cb_goal_review;

typedef struct cb_case_goal {
	char *id, *category, *owner, *text, *status, *set_on;
	char *owner_name;     /* the family member whose goal it is, or NULL */
	char *paired_goal_id; /* the other side's goal it was compared with, or NULL */
	char *agreement;      /* identical, different, or NULL */
	int worker_thinks_match; /* 1, 0, or -1 when not recorded */
	cb_goal_review *reviews; /* oldest first */
	size_t n_reviews;
	int latest_progress;  /* of the latest review; -1 if never reviewed */
	enum cb_change trend; /* latest review against the one before it */
} cb_case_goal;

typedef struct cb_case_goals {
	cb_case_goal *rows; /* active, then achieved, then dropped; each by date set */
	size_t count;
} cb_case_goals;

enum cb_status cb_case_goals_load(cb_store *st, const char *case_id, cb_case_goals *out,
				  cb_err *err);
void cb_case_goals_free(cb_case_goals *g);

/* A correction to a note. NULL fields left the note's text unchanged. */
typedef struct cb_note_amendment {
	char *id, *recorded_at, *author, *reason; /* recorded_at: UTC "YYYY-MM-DDTHH:MM:SS.mmmZ" */
	char *worries, *working_well, *needs_to_happen, *body;
} cb_note_amendment;

typedef struct cb_case_note {
	char *id, *contact_type, *occurred_at, *author; /* occurred_at: "YYYY-MM-DDTHH:MM" */
	int duration;                                   /* minutes; -1 if not recorded */
	char *present, *worries, *working_well, *needs_to_happen; /* each may be NULL */
	char *body;                                     /* the original text, never NULL */
	bool child_seen, child_seen_alone, confidential;
	cb_note_amendment *amendments; /* oldest first */
	size_t n_amendments;
} cb_case_note;

typedef struct cb_scale_value {
	char *scale;
	cb_opt_score score;
} cb_scale_value;

typedef struct cb_case_assessment {
	char *id, *instrument, *assessed_on, *rater;
	/* Who rated: the person named as rater; for a worker rating with nobody
	   named, the assessor. NULL if nobody is recorded. */
	char *rater_name;
	char *assessor;   /* practitioner's name, or NULL */
	char *comment;    /* may be NULL */
	int version;
	cb_scale_value *scores; /* by scale id */
	size_t n_scores;
} cb_case_assessment;

/* An action agreed in a group case discussion. */
typedef struct cb_discussion_action {
	char *id, *action;
	char *owner_name;      /* the practitioner who will do it, or NULL */
	char *due_on, *done_on; /* "YYYY-MM-DD", or NULL */
} cb_discussion_action;

/* A group case discussion (supervision) that discussed the case or set it an action. */
typedef struct cb_case_discussion {
	char *supervision_id, *held_on;
	char *team;      /* the team's name, or NULL */
	char *decision;  /* what was decided for this case, or NULL */
	char *attendees; /* names, "Ann, Sue", or NULL if none recorded */
	cb_discussion_action *actions; /* those for this case, by due date (undated last) */
	size_t n_actions;
} cb_case_discussion;

enum cb_chron_kind {
	CB_CHRON_REFERRAL,
	CB_CHRON_PLAN_END,   /* a plan ended and no other plan followed it */
	CB_CHRON_PLAN_START, /* a plan started (after the previous one, if they touch) */
	CB_CHRON_ASSESSMENT,
	CB_CHRON_GOAL_SET,
	CB_CHRON_GOAL_REVIEW,
	CB_CHRON_NOTE,
	CB_CHRON_DISCUSSION, /* a group case discussion */
};

/* One event; its record lives in the chronology's array for its kind. */
typedef struct cb_chron_entry {
	enum cb_chron_kind kind;
	const char *when; /* borrowed: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" for notes */
	const char *id;   /* borrowed: the record's id (the review's for GOAL_REVIEW) */
	size_t index;     /* into notes, assessments, plans.rows, goals.rows, referrals.rows or
			     discussions */
	size_t review;    /* GOAL_REVIEW: index into the goal's reviews */
	long previous_plan; /* PLAN_START: the plan it follows on from (ends the day before or
			       later), or -1 */
} cb_chron_entry;

typedef struct cb_chronology {
	cb_chron_entry *entries; /* newest first (see cb_chronology_load) */
	size_t count;
	cb_case_note *notes; /* oldest first */
	size_t n_notes;
	cb_case_assessment *assessments; /* oldest first */
	size_t n_assessments;
	cb_case_plans plans;
	cb_case_goals goals;
	cb_case_referrals referrals;
	cb_case_discussion *discussions; /* oldest first */
	size_t n_discussions;
} cb_chronology;

/*
 * Every note (confidential ones included and flagged; amendments attached to
 * their note), plan change, assessment, goal set, goal review, referral and
 * group case discussion (with its decision and the case's actions) of the
 * case, newest first: by date, then time for notes; records of one day in the
 * order discussions, notes (latest first), goal reviews, goals set,
 * assessments, plan starts, plan ends, referrals; ties by id, highest first.
 */
enum cb_status cb_chronology_load(cb_store *st, const char *case_id, const char *today,
				  cb_chronology *out, cb_err *err);
void cb_chronology_free(cb_chronology *c);

typedef struct cb_series_point {
	char *assessment_id, *on, *rater;
	char *rater_name; /* as in cb_case_assessment; may be NULL */
	double value;
} cb_series_point;

typedef struct cb_series {
	char *instrument, *scale;
	cb_series_point *points; /* by date, then assessment id */
	size_t count;
} cb_series;

typedef struct cb_case_series {
	cb_series *rows; /* by instrument id, then scale id */
	size_t count;
} cb_case_series;

/* Every scale recorded on the case with its scored points over time (scales with no value left out). */
enum cb_status cb_case_series_load(cb_store *st, const char *case_id, cb_case_series *out,
				   cb_err *err);
void cb_case_series_free(cb_case_series *s);
/* The series for that instrument and scale, or NULL. Borrowed from s. */
const cb_series *cb_series_find(const cb_case_series *s, const char *instrument,
				const char *scale);

typedef struct cb_alliance_point {
	char *assessment_id, *instrument, *on, *rater; /* rater: worker, family_member or child */
	char *rater_name; /* as in cb_case_assessment; may be NULL */
	cb_opt_score goal, task, bond, alliance;
} cb_alliance_point;

typedef struct cb_alliance {
	cb_alliance_point *rows; /* by date; on one day the family's before the worker's; then id */
	size_t count;
} cb_alliance;

/*
 * The working-alliance ratings of the case: every assessment, of whatever
 * instrument, that recorded an `alliance` scale, with its goal, task and bond scales.
 */
enum cb_status cb_alliance_load(cb_store *st, const char *case_id, cb_alliance *out,
				cb_err *err);
void cb_alliance_free(cb_alliance *a);

#endif
