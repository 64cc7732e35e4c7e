/* gen.c: the synthetic casebook: plan it, then write it in batched transactions with progress. */
#include "cli/gen_priv.h"

#include <inttypes.h>
#include <time.h>

#include "core/clock.h"

/* Rows per transaction: big enough to make commits cheap, small enough to show progress. */
#define GEN_BATCH_ROWS 5000

static const char *const instrument_ids[GI_COUNT] = {
	"risk-framework", "working-alliance", "family-wellbeing", "adolescent-profile",
	"practice-observation",
};

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static enum cb_status check_empty(cb_store *st, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st), "SELECT EXISTS (SELECT 1 FROM families)", -1, &q,
			       NULL) != SQLITE_OK || sqlite3_step(q) != SQLITE_ROW)
		rc = cb_store_fail(st, err, "reading the database");
	else if (sqlite3_column_int(q, 0))
		rc = cb_fail(err, CB_INVALID,
			     "%s already holds families; casebook gen only fills a new database, so "
			     "give it a new file with --db", cb_store_path(st));
	sqlite3_finalize(q);
	return rc;
}

static void find_instruments(gen_writer *gw, const cb_form_set *forms)
{
	for (int i = 0; i < GI_COUNT; i++) {
		gw->ins[i] = forms ? cb_forms_find(forms, instrument_ids[i]) : NULL;
		gw->w->have[i] = gw->ins[i] != NULL;
		if (!gw->w->have[i] && gw->w->opts->progress)
			fprintf(gw->w->opts->progress,
				"gen: the forms folder has no %s instrument; making no %s assessments\n",
				instrument_ids[i], instrument_ids[i]);
	}
}

static void plan(gen_world *w, const struct timespec *t0)
{
	w->until_day = (int32_t)cb_date_days(w->opts->until);
	w->start_day = w->until_day - 5 * 365 - 1;
	gen_plan_families(w);
	gen_allocate(w);
	gen_plan_events(w);
	if (w->opts->progress)
		fprintf(w->opts->progress,
			"gen: planned %zu families, %zu cases, %zu practitioners in %zu teams, "
			"%zu writes (%.1f s)\n",
			w->n_fam, w->n_cases, w->n_pracs, w->n_teams, w->n_ev, seconds_since(t0));
}

static void progress(const gen_writer *gw, size_t done, const struct timespec *t0)
{
	const cb_gen_counts *c = &gw->counts;

	fprintf(gw->w->opts->progress,
		"gen: %3zu%%  %ld cases, %ld notes, %ld assessments, %ld goals (%.0f s)\n",
		done * 100 / (gw->w->n_ev ? gw->w->n_ev : 1), c->cases, c->notes, c->assessments,
		c->goals, seconds_since(t0));
	fflush(gw->w->opts->progress);
}

/* Writes every event, committing every GEN_BATCH_ROWS rows. */
static enum cb_status write_all(gen_writer *gw, const struct timespec *t0, cb_err *err)
{
	size_t n = gw->w->n_ev, step = n / 20 ? n / 20 : 1;
	long committed = 0;

	if (cb_store_begin_bulk(gw->st, err) || gen_write_staff(gw, err))
		return err->code;
	for (size_t i = 0; i < n; i++) {
		if (gen_write_event(gw, &gw->w->ev[i], err))
			return err->code;
		if (gw->rows - committed >= GEN_BATCH_ROWS) {
			if (cb_store_commit(gw->st, err) || cb_store_begin_bulk(gw->st, err))
				return err->code;
			committed = gw->rows;
		}
		if (gw->w->opts->progress && (i + 1) % step == 0 && i + 1 < n)
			progress(gw, i + 1, t0);
	}
	if (cb_store_commit(gw->st, err))
		return err->code;
	if (gw->w->opts->progress)
		progress(gw, n, t0);
	return CB_OK;
}

static enum cb_status mark_synthetic(gen_writer *gw, cb_err *err)
{
	const cb_gen_opts *o = gw->w->opts;
	char until[11], *value;
	enum cb_status rc;

	cb_date_format(o->until, until);
	value = xasprintf("casebook gen --families %ld --seed %" PRIu64 " --scale-notes %g --until %s",
			  o->families, o->seed, o->note_scale, until);
	rc = cb_store_meta_set(gw->st, "synthetic", value, err);
	free(value);
	return rc;
}

enum cb_status cb_gen_run(cb_store *st, const cb_form_set *forms, const cb_gen_opts *opts,
			  cb_gen_counts *counts, cb_err *err)
{
	gen_world w = {.opts = opts};
	gen_writer gw = {.w = &w, .st = st};
	int64_t clock_was = cb_clock_fixed();
	struct timespec t0;
	enum cb_status rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = check_empty(st, err)))
		return rc;
	find_instruments(&gw, forms);
	plan(&w, &t0);
	rc = write_all(&gw, &t0, err);
	if (rc)
		cb_store_rollback(st);
	cb_clock_fix(clock_was);
	if (rc == CB_OK)
		rc = mark_synthetic(&gw, err);
	if (rc == CB_OK && counts)
		*counts = gw.counts;
	gen_world_free(&w);
	return rc;
}
