/* report_priv.h: what the report's modules share: the cohort query and a row-by-row query runner. */
#ifndef CASEBOOK_REPORT_REPORT_PRIV_H
#define CASEBOOK_REPORT_REPORT_PRIV_H

#include <sqlite3.h>

#include "report/report.h"

/*
 * The cases a report is about (§2.2: "cases ... within our study period"):
 * every case open at some time in [:from, :to] (referred on or before the
 * end, not closed before the start), of the team and practitioner asked for.
 * A closure after :to is not yet known at :to, so closed_on is NULL then.
 * entry is when the case enters the period: the later of :from and referral.
 * Queries read each cohort case's rows through its (case_id, ...) index,
 * "FROM cohort k CROSS JOIN t ON t.case_id = k.id": left to itself SQLite
 * scans the whole table in id order instead (measured: twice as slow).
 */
#define REPORT_COHORT                                                                         \
	"WITH cohort AS (SELECT c.id, c.child_id, c.family_id, c.referred_on,"                \
	" CASE WHEN c.closed_on <= :to THEN c.closed_on END AS closed_on,"                    \
	" max(c.referred_on, :from) AS entry, c.practitioner_id, c.team_id FROM cases c"      \
	" WHERE c.referred_on <= :to AND (c.closed_on IS NULL OR c.closed_on >= :from)"       \
	" AND (:team IS NULL OR c.team_id = :team) AND (:prac IS NULL OR c.practitioner_id = :prac))"

typedef struct report_ctx {
	cb_store *st;
	const cb_report_opts *opts;
	cb_err *err;
} report_ctx;

/*
 * Runs sql with :from, :to, :team and :prac bound (those it uses), calling
 * row(q, arg) for each result row. Returns the store's error, if any, with
 * err set to say what was being read (`doing`).
 */
enum cb_status report_each(const report_ctx *ctx, const char *sql, const char *doing,
			   void (*row)(sqlite3_stmt *q, void *arg), void *arg);

/* A column as a new string (NULL for NULL); the caller frees it. */
char *report_col_text(sqlite3_stmt *q, int col);
/* Copies a date column into buf (11 bytes); "" for NULL. */
void report_col_date(sqlite3_stmt *q, int col, char *buf);
/* Days from a to b ("YYYY-MM-DD" each); 0 if either is not a date. */
long report_days(const char *a, const char *b);

/* Each fills its part of r (freeing nothing it did not allocate). */
enum cb_status report_risk(const report_ctx *ctx, cb_report *r);
enum cb_status report_alliance(const report_ctx *ctx, cb_report *r);
enum cb_status report_observation(const report_ctx *ctx, cb_report *r);
enum cb_status report_goals(const report_ctx *ctx, cb_report *r);
enum cb_status report_plans(const report_ctx *ctx, cb_report *r);
enum cb_status report_referrals(const report_ctx *ctx, cb_report *r);
enum cb_status report_intensity(const report_ctx *ctx, cb_report *r);

void report_risk_free(cb_risk_report *risk);
void report_intensity_free(cb_intensity_report *in);

#endif
