/* intensity.c: contacts per case per week, children seen alone, days since contact, cases per practitioner. */
#include "report/report_priv.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* The visits in which a child can be seen alone (say so in casebook(1)). */
#define VISIT_TYPES "('home_visit', 'office_visit', 'direct_work')"

/*
 * Per cohort case: the days it was open in the period (entry to closure or
 * the end, both counted), the contacts (every note, of any type) dated in
 * those days, the visits among them and whether the child was seen (alone),
 * and the last contact on or before the end (§2.12 caseload, §7.5 "contact
 * frequency per family"; FACT22's intensity, [004]:1120).
 */
static const char intensity_sql[] =
	REPORT_COHORT
	", counts AS (SELECT n.case_id, count(*) AS contacts,"
	"  sum(n.contact_type IN " VISIT_TYPES ") AS visits,"
	"  sum(n.contact_type IN " VISIT_TYPES " AND n.child_seen = 1) AS seen,"
	"  sum(n.contact_type IN " VISIT_TYPES " AND n.child_seen_alone = 1) AS alone"
	"  FROM cohort k CROSS JOIN notes n ON n.case_id = k.id" /* each case's range of notes */
	"  WHERE n.occurred_at >= k.entry"
	"  AND n.occurred_at < date(coalesce(k.closed_on, :to), '+1 day') GROUP BY n.case_id)"
	" SELECT k.id, k.entry, coalesce(k.closed_on, :to), k.closed_on IS NULL,"
	"  coalesce(c.contacts, 0), coalesce(c.visits, 0), coalesce(c.seen, 0), coalesce(c.alone, 0),"
	"  (SELECT substr(max(n.occurred_at), 1, 10) FROM notes n WHERE n.case_id = k.id"
	"   AND n.occurred_at < date(:to, '+1 day')),"
	"  k.practitioner_id, pr.name"
	" FROM cohort k LEFT JOIN counts c ON c.case_id = k.id"
	" LEFT JOIN practitioners pr ON pr.id = k.practitioner_id"
	" ORDER BY k.practitioner_id, k.id";

struct int_acc {
	cb_intensity_report *out;
	const char *to;
	double *days;
	size_t n_days, cap_days;
};

static void add_holder(cb_intensity_report *in, sqlite3_stmt *q)
{
	const char *id = (const char *)sqlite3_column_text(q, 9);
	cb_caseholder *h;

	if (id == NULL) {
		in->unallocated++;
		return;
	}
	if (in->n_holders && strcmp(in->holders[in->n_holders - 1].id, id) == 0) {
		in->holders[in->n_holders - 1].open++;
		return;
	}
	if ((in->n_holders & (in->n_holders - 1)) == 0)
		in->holders = xreallocarray(in->holders, in->n_holders ? in->n_holders * 2 : 1,
					    sizeof *in->holders);
	h = &in->holders[in->n_holders++];
	h->id = xstrdup(id);
	h->name = report_col_text(q, 10);
	if (h->name == NULL)
		h->name = xstrdup(id);
	h->open = 1;
}

/* Open at the end: how long since the last contact, in bands, and who holds the case. */
static void open_case(struct int_acc *acc, sqlite3_stmt *q)
{
	cb_intensity_report *in = acc->out;
	char last[11];
	long days;

	in->open_at_end++;
	add_holder(in, q);
	report_col_date(q, 8, last);
	if (last[0] == '\0') {
		in->gaps[CB_GAP_NEVER]++;
		return;
	}
	days = report_days(last, acc->to);
	in->gaps[days <= 7 ? CB_GAP_WEEK : days <= 14 ? CB_GAP_FORTNIGHT
			   : days <= CB_REPORT_CONTACT_DAYS ? CB_GAP_MONTH : CB_GAP_LONGER]++;
	if (acc->n_days == acc->cap_days) {
		acc->cap_days = acc->cap_days ? acc->cap_days * 2 : 16;
		acc->days = xreallocarray(acc->days, acc->cap_days, sizeof *acc->days);
	}
	acc->days[acc->n_days++] = (double)days;
	if (days > in->days_max)
		in->days_max = days;
}

static void intensity_row(sqlite3_stmt *q, void *arg)
{
	struct int_acc *acc = arg;
	cb_intensity_report *in = acc->out;
	char entry[11], exit[11];

	report_col_date(q, 1, entry);
	report_col_date(q, 2, exit);
	in->cases++;
	in->case_weeks += (double)(report_days(entry, exit) + 1) / 7.0;
	in->contacts += sqlite3_column_int64(q, 4);
	in->visits += sqlite3_column_int64(q, 5);
	in->seen += sqlite3_column_int64(q, 6);
	in->seen_alone.k += sqlite3_column_int64(q, 7);
	if (sqlite3_column_int(q, 3))
		open_case(acc, q);
}

static int cmp_holders(const void *x, const void *y)
{
	const cb_caseholder *a = x, *b = y;

	if (a->open != b->open)
		return a->open > b->open ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void finish(struct int_acc *acc)
{
	cb_intensity_report *in = acc->out;
	long allocated = in->open_at_end - in->unallocated;

	in->per_case_week.n = in->cases;
	in->per_case_week.value = in->case_weeks > 0 ? (double)in->contacts / in->case_weeks : 0;
	in->seen_alone.n = in->visits;
	in->seen_alone.percent = cb_percent_half_up(in->seen_alone.k, in->visits);
	in->days_mean = (cb_stat){(long)acc->n_days, cb_mean(acc->days, acc->n_days)};
	cb_sort_doubles(acc->days, acc->n_days);
	in->days_median = (cb_stat){(long)acc->n_days, cb_quantile(acc->days, acc->n_days, 0.5)};
	in->not_seen.k = in->gaps[CB_GAP_LONGER] + in->gaps[CB_GAP_NEVER];
	in->not_seen.n = in->open_at_end;
	in->not_seen.percent = cb_percent_half_up(in->not_seen.k, in->open_at_end);
	/* §2.12: average caseload = open cases / caseholding workers ([000]:319-334). */
	in->per_practitioner.n = (long)in->n_holders;
	in->per_practitioner.value = in->n_holders ? (double)allocated / (double)in->n_holders : 0;
	if (in->n_holders > 1)
		qsort(in->holders, in->n_holders, sizeof *in->holders, cmp_holders);
}

enum cb_status report_intensity(const report_ctx *ctx, cb_report *r)
{
	struct int_acc acc = {&r->intensity, ctx->opts->to, NULL, 0, 0};
	enum cb_status rc = report_each(ctx, intensity_sql, "reading contacts", intensity_row,
					&acc);

	if (rc == CB_OK)
		finish(&acc);
	free(acc.days);
	return rc;
}

void report_intensity_free(cb_intensity_report *in)
{
	for (size_t i = 0; i < in->n_holders; i++) {
		free(in->holders[i].id);
		free(in->holders[i].name);
	}
	free(in->holders);
	memset(in, 0, sizeof *in);
}
