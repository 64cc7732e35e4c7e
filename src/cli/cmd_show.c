/* cmd_show.c: `casebook show case ID`: one case on a page (people, plans, referrals, scores). */
#include "cli/cli.h"

#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/dates.h"
#include "core/mem.h"

typedef struct show {
	const cb_cli *cli;
	sqlite3 *db;
	cb_date today;
	cb_form_set forms;
	bool forms_loaded;
	bool failed; /* a query failed; message already printed */
} show;

/* ---- gathering: everything goes into one JSON tree ---- */

static json_t *col_text(sqlite3_stmt *q, int col)
{
	const char *s = (const char *)sqlite3_column_text(q, col);
	return s ? json_string(s) : json_null();
}

static json_t *age_of(const show *sh, const char *born)
{
	cb_date b;
	return born && cb_date_parse(born, &b) ? json_integer(cb_age_years(b, sh->today))
					       : json_null();
}

/* Runs sql with ?1 = id and calls row() for each result row. */
static void each_row(show *sh, const char *sql, const char *id,
		     void (*row)(show *, sqlite3_stmt *, json_t *), json_t *into)
{
	sqlite3_stmt *q = NULL;
	int step;

	if (sqlite3_prepare_v2(sh->db, sql, -1, &q, NULL) != SQLITE_OK) {
		cb_cli_error(sh->cli, "cannot read the casebook: %s", sqlite3_errmsg(sh->db));
		sh->failed = true;
		return;
	}
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		row(sh, q, into);
	if (step != SQLITE_DONE) {
		cb_cli_error(sh->cli, "cannot read the casebook: %s", sqlite3_errmsg(sh->db));
		sh->failed = true;
	}
	sqlite3_finalize(q);
}

static json_t *named(sqlite3_stmt *q, int id_col, int name_col)
{
	if (sqlite3_column_type(q, id_col) == SQLITE_NULL)
		return json_null();
	return json_pack("{s:o, s:o}", "id", col_text(q, id_col), "name", col_text(q, name_col));
}

static void case_row(show *sh, sqlite3_stmt *q, json_t *out)
{
	const char *born = (const char *)sqlite3_column_text(q, 14);
	bool closed = sqlite3_column_type(q, 6) != SQLITE_NULL;

	json_object_set_new(out, "case", json_pack("{s:o, s:o, s:o, s:o, s:s, s:o, s:o}",
		"id", col_text(q, 0), "referred_on", col_text(q, 1), "referral_source",
		col_text(q, 2), "need", col_text(q, 3), "status", closed ? "closed" : "open",
		"closed_on", col_text(q, 6), "closure_reason", col_text(q, 7)));
	json_object_set_new(out, "family", json_pack("{s:o, s:o, s:o, s:o}", "id",
		col_text(q, 8), "ref", col_text(q, 9), "name", col_text(q, 10), "address",
		col_text(q, 11)));
	json_object_set_new(out, "child", json_pack("{s:o, s:o, s:o, s:o}", "id",
		col_text(q, 12), "name", col_text(q, 13), "born", col_text(q, 14), "age",
		age_of(sh, born)));
	json_object_set_new(out, "practitioner", named(q, 4, 15));
	json_object_set_new(out, "team", named(q, 5, 16));
}

static void person_row(show *sh, sqlite3_stmt *q, json_t *list)
{
	json_array_append_new(list, json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", col_text(q, 0),
		"name", col_text(q, 1), "relationship", col_text(q, 2), "born", col_text(q, 3),
		"age", age_of(sh, (const char *)sqlite3_column_text(q, 3))));
}

static void plan_row(show *sh, sqlite3_stmt *q, json_t *list)
{
	cb_date start, end = sh->today;
	const char *ended = (const char *)sqlite3_column_text(q, 3);
	json_t *weeks = json_null();

	if (cb_date_parse((const char *)sqlite3_column_text(q, 2), &start) &&
	    (ended == NULL || cb_date_parse(ended, &end)))
		weeks = json_integer((cb_date_days(end) - cb_date_days(start)) / 7);
	json_array_append_new(list, json_pack("{s:o, s:o, s:o, s:o, s:o, s:b}", "id",
		col_text(q, 0), "plan", col_text(q, 1), "started_on", col_text(q, 2), "ended_on",
		col_text(q, 3), "weeks", weeks, "open", ended == NULL));
}

static void referral_row(show *sh, sqlite3_stmt *q, json_t *list)
{
	json_array_append_new(list, json_pack("{s:o, s:o, s:o, s:o}", "id", col_text(q, 0),
		"referred_on", col_text(q, 1), "source", col_text(q, 2), "outcome",
		col_text(q, 3)));
}

static void counts_row(show *sh, sqlite3_stmt *q, json_t *out)
{
	static const char *const keys[] = {"notes", "confidential_notes", "goals", "goals_active",
					   "goals_achieved", "goals_dropped", "assessments"};

	for (int i = 0; i < 7; i++)
		json_object_set_new(out, keys[i], json_integer(sqlite3_column_int64(q, i)));
}

/* ---- scores: first and latest per instrument, scale and rater ---- */

static const cb_instrument *instrument(show *sh, const char *id)
{
	cb_diag diag = {0};

	if (!sh->forms_loaded) {
		sh->forms_loaded = true;
		if (cb_forms_load_dir(sh->cli->forms_dir, &sh->forms, &diag) != CB_OK)
			cb_cli_error(sh->cli, "some instrument files in %s have problems (see `casebook "
					      "forms check`); directions of their scales are not shown",
				     sh->cli->forms_dir);
		cb_diag_free(&diag);
	}
	return cb_forms_find(&sh->forms, id);
}

/* "higher is safer" when the form says its scores mean safety, else "higher is better". */
static json_t *direction(show *sh, const char *ins_id, const char *scale_id, long *order)
{
	const cb_instrument *ins = instrument(sh, ins_id);
	long i = ins ? cb_instrument_scale(ins, scale_id) : -1;
	const cb_scale *sc;
	bool safer;

	*order = i < 0 ? 1L << 20 : i;
	if (i < 0)
		return json_null();
	sc = &ins->scales[i];
	safer = (sc->title && (strstr(sc->title, "safer") || strstr(sc->title, "SAFER"))) ||
		(ins->notes && (strstr(ins->notes, "safer") || strstr(ins->notes, "SAFER")));
	return json_sprintf("%s is %s", sc->better == CB_BETTER_HIGHER ? "higher" : "lower",
			    safer ? "safer" : "better");
}

static json_t *score_point(sqlite3_stmt *q)
{
	return json_pack("{s:o, s:o, s:o}", "on", col_text(q, 4), "assessment", col_text(q, 5),
			 "value", sqlite3_column_type(q, 6) == SQLITE_NULL
					  ? json_null() : json_real(sqlite3_column_double(q, 6)));
}

static bool same_group(json_t *g, sqlite3_stmt *q)
{
	static const char *const keys[] = {"instrument", "scale", "rater", "rater_person"};

	for (int i = 0; i < 4; i++) {
		json_t *v = json_object_get(g, keys[i]);
		const char *s = (const char *)sqlite3_column_text(q, i);
		if (!(s ? json_is_string(v) && strcmp(json_string_value(v), s) == 0 : json_is_null(v)))
			return false;
	}
	return true;
}

static void score_row(show *sh, sqlite3_stmt *q, json_t *list)
{
	size_t n = json_array_size(list);
	json_t *g = n ? json_array_get(list, n - 1) : NULL;
	long order;

	if (g && same_group(g, q)) {
		json_object_set_new(g, "latest", score_point(q));
		json_object_set_new(g, "assessments",
				    json_integer(json_integer_value(json_object_get(g, "assessments")) + 1));
		return;
	}
	g = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:i}", "instrument", col_text(q, 0),
		      "scale", col_text(q, 1), "rater", col_text(q, 2), "rater_person",
		      col_text(q, 3), "rater_name", col_text(q, 7), "first", score_point(q),
		      "latest", score_point(q), "assessments", 1);
	json_object_set_new(g, "direction", direction(sh, (const char *)sqlite3_column_text(q, 0),
						      (const char *)sqlite3_column_text(q, 1), &order));
	json_object_set_new(g, "order", json_integer(order));
	json_array_append_new(list, g);
}

static const char *str_or_empty(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

static int cmp_groups(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = strcmp(json_string_value(json_object_get(x, "instrument")),
		       json_string_value(json_object_get(y, "instrument")));
	json_int_t ox = json_integer_value(json_object_get(x, "order"));
	json_int_t oy = json_integer_value(json_object_get(y, "order"));

	if (c == 0 && ox != oy)
		c = ox < oy ? -1 : 1;
	if (c == 0)
		c = strcmp(str_or_empty(x, "scale"), str_or_empty(y, "scale"));
	if (c == 0)
		c = strcmp(str_or_empty(x, "rater"), str_or_empty(y, "rater"));
	if (c == 0)
		c = strcmp(str_or_empty(x, "rater_person"), str_or_empty(y, "rater_person"));
	return c;
}

/* Orders the groups by instrument, then the form's scale order; drops the sort key. */
static json_t *sorted_groups(json_t *groups)
{
	size_t n = json_array_size(groups);
	json_t **v = xcalloc(n + 1, sizeof *v), *out = json_array();

	for (size_t i = 0; i < n; i++)
		v[i] = json_array_get(groups, i);
	qsort(v, n, sizeof *v, cmp_groups);
	for (size_t i = 0; i < n; i++) {
		json_object_del(v[i], "order");
		json_array_append(out, v[i]);
	}
	free(v);
	json_decref(groups);
	return out;
}

static const char scores_sql[] =
	"SELECT a.instrument, s.scale, a.rater, a.rater_person_id, a.assessed_on, a.id, s.score,"
	" p.name FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id"
	" LEFT JOIN people p ON p.id = a.rater_person_id WHERE a.case_id = ?1"
	" ORDER BY a.instrument, s.scale, a.rater, a.rater_person_id, a.assessed_on, a.id";

/* The whole page as JSON, or NULL (message printed) if the case is not there. */
static json_t *gather(show *sh, const char *id)
{
	json_t *out = json_object(), *list;

	each_row(sh, "SELECT c.id, c.referred_on, c.referral_source, c.need, c.practitioner_id,"
		     " c.team_id, c.closed_on, c.closure_reason, f.id, f.family_ref, f.name,"
		     " f.address, p.id, p.name, p.born, pr.name, t.name FROM cases c"
		     " JOIN families f ON f.id = c.family_id JOIN people p ON p.id = c.child_id"
		     " LEFT JOIN practitioners pr ON pr.id = c.practitioner_id"
		     " LEFT JOIN teams t ON t.id = c.team_id WHERE c.id = ?1", id, case_row, out);
	if (json_object_get(out, "case") == NULL || sh->failed) {
		if (!sh->failed)
			cb_cli_error(sh->cli, "there is no case '%s' in this casebook; check the id "
					      "(`casebook export` lists every case)", id);
		json_decref(out);
		return NULL;
	}
	json_object_set_new(out, "people", list = json_array());
	each_row(sh, "SELECT p.id, p.name, m.relationship, p.born FROM family_members m JOIN"
		     " people p ON p.id = m.person_id WHERE m.family_id = (SELECT family_id FROM"
		     " cases WHERE id = ?1) ORDER BY CASE m.relationship WHEN 'child' THEN 0 WHEN"
		     " 'main_caregiver' THEN 1 WHEN 'sibling' THEN 2 ELSE 3 END, p.name, p.id",
		 id, person_row, list);
	json_object_set_new(out, "plans", list = json_array());
	each_row(sh, "SELECT id, plan, started_on, ended_on FROM plan_episodes WHERE case_id = ?1"
		     " ORDER BY started_on, id", id, plan_row, list);
	json_object_set_new(out, "referrals", list = json_array());
	each_row(sh, "SELECT id, referred_on, source, outcome FROM referrals WHERE case_id = ?1"
		     " ORDER BY referred_on, id", id, referral_row, list);
	json_object_set_new(out, "counts", list = json_object());
	each_row(sh, "SELECT (SELECT count(*) FROM notes WHERE case_id = ?1),"
		     " (SELECT count(*) FROM notes WHERE case_id = ?1 AND confidential = 1),"
		     " (SELECT count(*) FROM goals WHERE case_id = ?1),"
		     " (SELECT count(*) FROM goals WHERE case_id = ?1 AND status = 'active'),"
		     " (SELECT count(*) FROM goals WHERE case_id = ?1 AND status = 'achieved'),"
		     " (SELECT count(*) FROM goals WHERE case_id = ?1 AND status = 'dropped'),"
		     " (SELECT count(*) FROM assessments WHERE case_id = ?1)", id, counts_row, list);
	list = json_array();
	each_row(sh, scores_sql, id, score_row, list);
	json_object_set_new(out, "scores", sorted_groups(list));
	return out;
}

/* ---- text rendering of the same tree ---- */

static void print_age(FILE *f, json_t *obj)
{
	json_t *age = json_object_get(obj, "age");

	if (json_is_integer(age))
		fprintf(f, "age %lld", (long long)json_integer_value(age));
	else
		fputs("age unknown", f);
}

static void print_named(FILE *f, const char *label, json_t *who)
{
	if (json_is_object(who))
		fprintf(f, "  %-13s %s (%s)\n", label, str_or_empty(who, "name"), str_or_empty(who, "id"));
	else
		fprintf(f, "  %-13s none\n", label);
}

static void print_head(FILE *f, json_t *page)
{
	json_t *c = json_object_get(page, "case"), *fam = json_object_get(page, "family");
	json_t *child = json_object_get(page, "child");

	fprintf(f, "Case %s: %s, %s\n", str_or_empty(c, "id"), str_or_empty(child, "name"), str_or_empty(fam, "name"));
	fprintf(f, "  %-13s %s (%s, %s)%s%s\n", "family", str_or_empty(fam, "name"), str_or_empty(fam, "ref"),
		str_or_empty(fam, "id"), *str_or_empty(fam, "address") ? ", " : "", str_or_empty(fam, "address"));
	fprintf(f, "  %-13s %s (%s), born %s, ", "child", str_or_empty(child, "name"), str_or_empty(child, "id"),
		*str_or_empty(child, "born") ? str_or_empty(child, "born") : "unknown");
	print_age(f, child);
	fprintf(f, "\n  %-13s %s by %s; category of need %s\n", "referred", str_or_empty(c, "referred_on"),
		str_or_empty(c, "referral_source"), str_or_empty(c, "need"));
	print_named(f, "practitioner", json_object_get(page, "practitioner"));
	print_named(f, "team", json_object_get(page, "team"));
	if (strcmp(str_or_empty(c, "status"), "closed") == 0)
		fprintf(f, "  %-13s closed on %s: %s\n", "status", str_or_empty(c, "closed_on"),
			str_or_empty(c, "closure_reason"));
	else
		fprintf(f, "  %-13s open\n", "status");
}

/* Characters (not bytes) in UTF-8 text, for lining up columns. */
static size_t width_of(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void pad(FILE *f, const char *s, size_t width)
{
	fputs(s, f);
	for (size_t n = width_of(s); n < width; n++)
		fputc(' ', f);
}

static void print_people(FILE *f, json_t *people)
{
	static const char *const cols[] = {"name", "id", "relationship"};
	size_t widths[3] = {0}, i;
	json_t *p;

	json_array_foreach(people, i, p)
		for (int c = 0; c < 3; c++)
			if (width_of(str_or_empty(p, cols[c])) > widths[c])
				widths[c] = width_of(str_or_empty(p, cols[c]));
	fputs("\nPeople\n", f);
	json_array_foreach(people, i, p) {
		fputs("  ", f);
		for (int c = 0; c < 3; c++) {
			pad(f, str_or_empty(p, cols[c]), widths[c]);
			fputs("  ", f);
		}
		print_age(f, p);
		fputc('\n', f);
	}
}

static void print_plans(FILE *f, json_t *plans)
{
	size_t i;
	json_t *p;

	fputs("\nPlan history\n", f);
	if (json_array_size(plans) == 0)
		fputs("  none recorded\n", f);
	json_array_foreach(plans, i, p) {
		json_t *weeks = json_object_get(p, "weeks");
		fprintf(f, "  %-11s %s to %-10s ", str_or_empty(p, "plan"), str_or_empty(p, "started_on"),
			json_is_true(json_object_get(p, "open")) ? "now" : str_or_empty(p, "ended_on"));
		if (json_is_integer(weeks))
			fprintf(f, "%lld week%s%s\n", (long long)json_integer_value(weeks),
				json_integer_value(weeks) == 1 ? "" : "s",
				json_is_true(json_object_get(p, "open")) ? " so far" : "");
		else
			fputs("length unknown\n", f);
	}
}

static void print_referrals(FILE *f, json_t *refs)
{
	size_t i;
	json_t *r;

	fputs("\nReferrals\n", f);
	if (json_array_size(refs) == 0)
		fputs("  none recorded\n", f);
	json_array_foreach(refs, i, r)
		fprintf(f, "  %s  %-20s %s\n", str_or_empty(r, "referred_on"), str_or_empty(r, "source"),
			str_or_empty(r, "outcome"));
}

static void print_counts(FILE *f, json_t *n)
{
#define N(key) (long long)json_integer_value(json_object_get(n, key))
	fprintf(f, "\nRecords\n  notes %lld (%lld confidential), goals %lld (%lld active, %lld "
		   "achieved, %lld dropped), assessments %lld\n",
		N("notes"), N("confidential_notes"), N("goals"), N("goals_active"),
		N("goals_achieved"), N("goals_dropped"), N("assessments"));
#undef N
}

static void print_value(FILE *f, json_t *point)
{
	json_t *v = json_object_get(point, "value");
	char buf[32];
	size_t n;

	if (!json_is_number(v)) {
		fprintf(f, "%s no score", str_or_empty(point, "on"));
		return;
	}
	snprintf(buf, sizeof buf, "%.2f", json_number_value(v));
	n = strlen(buf);
	while (buf[n - 1] == '0')
		buf[--n] = '\0';
	if (buf[n - 1] == '.')
		buf[--n] = '\0';
	fprintf(f, "%s %s", str_or_empty(point, "on"), strcmp(buf, "-0") == 0 ? "0" : buf);
}

static void print_scores(FILE *f, json_t *scores)
{
	const char *last = "";
	size_t i;
	json_t *g;

	fputs("\nScores (first -> latest, per rater)\n", f);
	if (json_array_size(scores) == 0)
		fputs("  none recorded\n", f);
	json_array_foreach(scores, i, g) {
		if (strcmp(last, str_or_empty(g, "instrument")) != 0)
			fprintf(f, "  %s\n", last = str_or_empty(g, "instrument"));
		fprintf(f, "    %-22s %-14s", str_or_empty(g, "scale"), str_or_empty(g, "rater"));
		print_value(f, json_object_get(g, "first"));
		fputs(" -> ", f);
		print_value(f, json_object_get(g, "latest"));
		fprintf(f, "  (%lld assessment%s; %s)",
			(long long)json_integer_value(json_object_get(g, "assessments")),
			json_integer_value(json_object_get(g, "assessments")) == 1 ? "" : "s",
			*str_or_empty(g, "direction") ? str_or_empty(g, "direction") : "direction unknown: form not loaded");
		if (*str_or_empty(g, "rater_name"))
			fprintf(f, " rated by %s", str_or_empty(g, "rater_name"));
		fputc('\n', f);
	}
}

static void print_text(FILE *f, json_t *page)
{
	print_head(f, page);
	print_people(f, json_object_get(page, "people"));
	print_plans(f, json_object_get(page, "plans"));
	print_referrals(f, json_object_get(page, "referrals"));
	print_counts(f, json_object_get(page, "counts"));
	print_scores(f, json_object_get(page, "scores"));
}

/* ---- the command ---- */

static int parse_args(const cb_cli *cli, int argc, char **argv, bool *json)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 0; /* rescan from scratch, letting options follow the arguments */
	while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
		if (c == 'f' && (strcmp(optarg, "json") == 0 || strcmp(optarg, "text") == 0)) {
			*json = strcmp(optarg, "json") == 0;
			continue;
		}
		if (c == 'f')
			cb_cli_error(cli, "unknown format '%s'; use text or json", optarg);
		return -1;
	}
	if (argc - optind != 2 || strcmp(argv[optind], "case") != 0) {
		cb_cli_error(cli, "usage: casebook show case ID [--format text|json]");
		return -1;
	}
	return optind + 1;
}

int cb_cmd_show(cb_cli *cli, int argc, char **argv)
{
	show sh = {.cli = cli};
	bool json = false;
	int at = parse_args(cli, argc, argv, &json);
	char today[11];
	cb_store *st;
	json_t *page;
	int rc;

	if (at < 0)
		return CB_EXIT_USAGE;
	if ((st = cb_cli_open_store(cli, CB_STORE_READONLY)) == NULL)
		return CB_EXIT_ERROR;
	sh.db = cb_store_db(st);
	cb_clock_today(today);
	cb_date_parse(today, &sh.today);
	page = gather(&sh, argv[at]);
	if (page && !sh.failed) {
		if (json) {
			json_dumpf(page, cli->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			fputc('\n', cli->out);
		} else {
			print_text(cli->out, page);
		}
	}
	rc = page && !sh.failed ? CB_EXIT_OK : CB_EXIT_ERROR;
	json_decref(page);
	if (sh.forms_loaded)
		cb_forms_free(&sh.forms);
	cb_store_close(st);
	return rc;
}
