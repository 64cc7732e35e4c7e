/* report.c: checking what the report is asked for, the cohort, and running every part in one read. */
#include "report/report_priv.h"

#include <stdio.h>
#include <string.h>

#include "core/dates.h"
#include "core/mem.h"

bool cb_report_too_few(long n)
{
	return n < CB_REPORT_MIN_N;
}

char *report_col_text(sqlite3_stmt *q, int col)
{
	const unsigned char *s = sqlite3_column_text(q, col);
	return s ? xstrdup((const char *)s) : NULL;
}

void report_col_date(sqlite3_stmt *q, int col, char *buf)
{
	const unsigned char *s = sqlite3_column_text(q, col);

	snprintf(buf, 11, "%s", s ? (const char *)s : "");
}

long report_days(const char *a, const char *b)
{
	cb_date x, y;

	if (!cb_date_parse(a, &x) || !cb_date_parse(b, &y))
		return 0;
	return (long)(cb_date_days(y) - cb_date_days(x));
}

static void bind_named(sqlite3_stmt *q, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(q, name);

	if (i > 0 && value)
		sqlite3_bind_text(q, i, value, -1, SQLITE_STATIC);
}

enum cb_status report_each(const report_ctx *ctx, const char *sql, const char *doing,
			   void (*row)(sqlite3_stmt *q, void *arg), void *arg)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(cb_store_db(ctx->st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(ctx->st, ctx->err, doing);
		goto out;
	}
	bind_named(q, ":from", ctx->opts->from);
	bind_named(q, ":to", ctx->opts->to);
	bind_named(q, ":team", ctx->opts->team_id);
	bind_named(q, ":prac", ctx->opts->practitioner_id);
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		row(q, arg);
	if (step != SQLITE_DONE)
		rc = cb_store_fail(ctx->st, ctx->err, doing);
out:
	sqlite3_finalize(q);
	return rc;
}

void cb_report_months_before(const char *to, int months, char *from)
{
	cb_date d;

	if (!cb_date_parse(to, &d)) {
		snprintf(from, 11, "%s", to);
		return;
	}
	cb_date_format(cb_date_add_months(d, -months), from);
}

void cb_report_default_period(const char *today, char *from, char *to)
{
	snprintf(to, 11, "%s", today);
	cb_report_months_before(today, CB_REPORT_DEFAULT_MONTHS, from);
}

static void first_date_row(sqlite3_stmt *q, void *arg)
{
	if (sqlite3_column_type(q, 0) != SQLITE_NULL)
		report_col_date(q, 0, arg);
}

enum cb_status cb_report_first_date(cb_store *st, const char *fallback, char *out, cb_err *err)
{
	cb_report_opts none = {.team_id = NULL};
	report_ctx ctx = {st, &none, err};

	snprintf(out, 11, "%s", fallback);
	return report_each(&ctx, "SELECT min(d) FROM (SELECT min(referred_on) AS d FROM cases"
				 " UNION ALL SELECT min(referred_on) FROM referrals)",
			   "finding the first referral", first_date_row, out);
}

/* ---- checking the request ---- */

static enum cb_status check_dates(const cb_report_opts *o, cb_err *err)
{
	cb_date d;

	if (!cb_date_parse(o->from, &d))
		return cb_fail(err, CB_INVALID, "the start date '%s' is not a date; give a real day "
				   "as YYYY-MM-DD, such as 2026-01-01", o->from);
	if (!cb_date_parse(o->to, &d))
		return cb_fail(err, CB_INVALID, "the end date '%s' is not a date; give a real day "
				   "as YYYY-MM-DD, such as 2026-12-31", o->to);
	if (strcmp(o->from, o->to) > 0)
		return cb_fail(err, CB_INVALID, "the period starts on %s, after it ends on %s; give "
				   "the earlier date as the start", o->from, o->to);
	return CB_OK;
}

static void name_row(sqlite3_stmt *q, void *arg)
{
	char **name = arg;

	free(*name);
	*name = report_col_text(q, 0);
}

/* Looks up the name of the team or practitioner `id`; CB_NOT_FOUND if there is none. */
static enum cb_status lookup(const report_ctx *ctx, const char *table, const char *what,
			     const char *id, char **name)
{
	char *sql = xasprintf("SELECT name FROM %s WHERE id = :prac", table);
	cb_report_opts by_id = {.practitioner_id = id};
	report_ctx one = {ctx->st, &by_id, ctx->err};
	enum cb_status rc = report_each(&one, sql, "looking up who the report is for", name_row,
					name);

	free(sql);
	if (rc == CB_OK && *name == NULL)
		rc = cb_fail(ctx->err, CB_NOT_FOUND, "there is no %s '%s' in this casebook; check "
			     "the id (`casebook export` lists every %s)", what, id, what);
	return rc;
}

static void cohort_row(sqlite3_stmt *q, void *arg)
{
	cb_report *r = arg;

	r->cases = sqlite3_column_int64(q, 0);
	r->open_at_start = sqlite3_column_int64(q, 1);
}

static enum cb_status run_parts(const report_ctx *ctx, cb_report *r)
{
	enum cb_status rc;

	if ((rc = report_each(ctx, REPORT_COHORT " SELECT count(*), coalesce(sum(referred_on <="
				   " :from), 0) FROM cohort", "counting the cases", cohort_row, r)) ||
	    (rc = report_risk(ctx, r)) || (rc = report_alliance(ctx, r)) ||
	    (rc = report_goals(ctx, r)) || (rc = report_plans(ctx, r)) ||
	    (rc = report_referrals(ctx, r)) || (rc = report_intensity(ctx, r)) ||
	    (rc = report_observation(ctx, r)))
		return rc;
	return CB_OK;
}

enum cb_status cb_report_run(cb_store *st, const cb_report_opts *opts, cb_report *out,
			     cb_err *err)
{
	report_ctx ctx = {st, opts, err};
	sqlite3 *db = cb_store_db(st);
	bool began = false;
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_dates(opts, err)))
		goto out;
	snprintf(out->from, sizeof out->from, "%s", opts->from);
	snprintf(out->to, sizeof out->to, "%s", opts->to);
	if (sqlite3_get_autocommit(db)) {
		if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
			rc = cb_store_fail(st, err, "starting to read the report");
			goto out;
		}
		began = true;
	}
	if (opts->team_id && (rc = lookup(&ctx, "teams", "team", opts->team_id, &out->team_name)))
		goto out;
	if (opts->practitioner_id && (rc = lookup(&ctx, "practitioners", "practitioner",
						  opts->practitioner_id, &out->practitioner_name)))
		goto out;
	out->team_id = xstrdup_or_null(opts->team_id);
	out->practitioner_id = xstrdup_or_null(opts->practitioner_id);
	rc = run_parts(&ctx, out);
out:
	if (began)
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

void cb_report_free(cb_report *r)
{
	free(r->team_id);
	free(r->team_name);
	free(r->practitioner_id);
	free(r->practitioner_name);
	report_risk_free(&r->risk);
	report_intensity_free(&r->intensity);
	memset(r, 0, sizeof *r);
}
