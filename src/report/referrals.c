/* referrals.c: re-referrals within 12 months, with short follow-up flagged, and the NFA share. */
#include "report/report_priv.h"

#include <string.h>

#include "core/dates.h"

/*
 * Referrals dated in the period, of cases of the team and practitioner asked
 * for, each with the date of the same child's next referral (in any case)
 * made on a later day and by the end of the period. The statutory definition
 * FACT22 follows: "any referral within 1 year of original referral"
 * ([004]:807, §2.2.3); all later referrals are the secondary measure
 * ([004]:513).
 */
static const char referrals_sql[] =
	"SELECT r.referred_on, r.outcome,"
	" (SELECT min(r2.referred_on) FROM referrals r2 JOIN cases c2 ON c2.id = r2.case_id"
	"  WHERE c2.child_id = c.child_id AND r2.referred_on > r.referred_on"
	"  AND r2.referred_on <= :to)"
	" FROM referrals r JOIN cases c ON c.id = r.case_id"
	" WHERE r.referred_on BETWEEN :from AND :to"
	" AND (:team IS NULL OR c.team_id = :team) AND (:prac IS NULL OR c.practitioner_id = :prac)";

struct ref_acc {
	cb_outcome_report *out;
	const char *to;
};

/* The day 12 months after `on` (the end of its re-referral window). */
static void window_end(const char *on, char *out)
{
	cb_date d;

	if (cb_date_parse(on, &d))
		cb_date_format(cb_date_add_months(d, CB_REPORT_REREFERRAL_MONTHS), out);
	else
		memcpy(out, "9999-12-31", 11);
}

static void referral_row(sqlite3_stmt *q, void *arg)
{
	struct ref_acc *acc = arg;
	cb_outcome_report *out = acc->out;
	const char *outcome = (const char *)sqlite3_column_text(q, 1);
	char on[11], next[11], until[11];
	bool short_window, again;

	report_col_date(q, 0, on);
	report_col_date(q, 2, next);
	window_end(on, until);
	out->referrals++;
	/* Followed for under 12 months: its window runs past the end of the period ([004]:513). */
	short_window = strcmp(until, acc->to) > 0;
	again = next[0] && strcmp(next, until) <= 0;
	out->re_referred.k += again;
	out->re_referred_any += next[0] != '\0';
	out->short_follow_up += short_window;
	out->short_follow_up_re_referred += short_window && again;
	/* NFA share (§2.5, [003]:605-609) of referrals decided; pending ones are left out. */
	if (outcome && strcmp(outcome, "pending") == 0)
		out->pending++;
	else
		out->nfa.n++;
	out->nfa.k += outcome && strcmp(outcome, "nfa") == 0;
}

enum cb_status report_referrals(const report_ctx *ctx, cb_report *r)
{
	cb_outcome_report *out = &r->outcomes;
	struct ref_acc acc = {out, ctx->opts->to};
	enum cb_status rc = report_each(ctx, referrals_sql, "reading referrals", referral_row, &acc);

	out->re_referred.n = out->referrals;
	out->re_referred.percent = cb_percent_half_up(out->re_referred.k, out->referrals);
	out->nfa.percent = cb_percent_half_up(out->nfa.k, out->nfa.n);
	return rc;
}
