/* targets.c: the form loader and the import reader, driven by one input at a time. */
#include "targets.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/import.h"
#include "core/mem.h"
#include "forms/forms.h"
#include "store/store.h"

static cb_store *scratch;   /* the database imports go into */
static sqlite3 *pristine;   /* an in-memory copy of it before any input, to put it back */
static cb_form_set forms;   /* the shipped instruments, for imported assessments */
static char *scratch_dir;

static void die(const char *what, const char *why)
{
	fprintf(stderr, "fuzz setup: %s: %s\n", what, why);
	abort();
}

static void copy_db(sqlite3 *dest, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", src, "main");

	if (b == NULL || sqlite3_backup_step(b, -1) != SQLITE_DONE)
		die("copying the scratch database", sqlite3_errmsg(dest));
	sqlite3_backup_finish(b);
}

static void remove_scratch(void)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};

	cb_store_close(scratch);
	sqlite3_close(pristine);
	cb_forms_free(&forms);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char *p = xasprintf("%s/fuzz.db%s", scratch_dir, suffixes[i]);
		unlink(p);
		free(p);
	}
	rmdir(scratch_dir);
	free(scratch_dir);
}

static const cb_form_set *shipped_forms(void *ctx)
{
	(void)ctx;
	return &forms;
}

static const cb_import_opts import_opts = {
	.forms = shipped_forms, .forms_dir = CASEBOOK_SOURCE_FORMS_DIR, .max_problems = 20,
};

/*
 * The scratch database starts with a caseload in it (the import fixture, which
 * is also a seed), so that inputs with the same ids reach the code that
 * compares a record with the one already there.
 */
static void import_base(void)
{
	cb_import_result res;
	cb_diag problems = {0};
	cb_err err = {0};

	if (cb_import_file(scratch, FUZZ_BASE_CASELOAD, &import_opts, &res, &problems, &err))
		die(FUZZ_BASE_CASELOAD, problems.count ? problems.lines[0] : err.msg);
	cb_diag_free(&problems);
}

void cb_fuzz_setup(void)
{
	cb_err err = {0};
	cb_diag diag = {0};
	char *path;

	if (scratch)
		return;
	if (sodium_init() < 0)
		die("libsodium", "cannot initialise");
	scratch_dir = xstrdup("/tmp/casebook-fuzz-XXXXXX");
	if (mkdtemp(scratch_dir) == NULL)
		die("mkdtemp", "cannot make a scratch folder");
	path = xasprintf("%s/fuzz.db", scratch_dir);
	if (cb_store_open(path, CB_STORE_CREATE, &scratch, &err))
		die(path, err.msg);
	free(path);
	/* Nothing here needs to survive a crash; speed matters more. */
	sqlite3_exec(cb_store_db(scratch), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	cb_forms_load_dir(CASEBOOK_SOURCE_FORMS_DIR, &forms, &diag);
	cb_diag_free(&diag);
	import_base();
	if (sqlite3_open(":memory:", &pristine) != SQLITE_OK)
		die("an in-memory database", "cannot open");
	copy_db(pristine, cb_store_db(scratch));
	atexit(remove_scratch);
}

/* The highest answer each scorable item allows (text and date items are left out). */
static size_t top_answers(const cb_instrument *ins, cb_answer *out, char (*bufs)[16])
{
	size_t n = 0;

	for (size_t i = 0; i < ins->n_items; i++) {
		const cb_item *it = &ins->items[i];
		const char *v = NULL;
		if (it->type == CB_ITEM_TICK)
			v = "1";
		else if (it->type == CB_ITEM_CHOICE && it->n_options)
			v = it->options[it->n_options - 1].value;
		else if (it->type == CB_ITEM_LIKERT || it->type == CB_ITEM_SCALE10)
			v = (snprintf(bufs[i], 16, "%d", it->max), bufs[i]);
		if (v)
			out[n++] = (cb_answer){.item = it->id, .value = v};
	}
	return n;
}

static void score(const cb_instrument *ins)
{
	static const cb_subject who[] = {
		{.birth_known = true, .birth = {2010, 6, 1}, .on = {2026, 1, 1}},
		{.birth_known = true, .birth = {2022, 6, 1}, .on = {2026, 1, 1}},
		{.birth_known = false, .on = {2026, 1, 1}},
	};
	cb_answer *answers = xcalloc(ins->n_items + 1, sizeof *answers);
	char (*bufs)[16] = xcalloc(ins->n_items + 1, sizeof *bufs);
	cb_scale_score *scores = xcalloc(ins->n_scales + 1, sizeof *scores);
	size_t n = top_answers(ins, answers, bufs);

	for (size_t k = 0; k < sizeof who / sizeof who[0]; k++) {
		cb_diag diag = {0};
		cb_score(ins, &who[k], NULL, 0, scores);
		if (cb_answers_check(ins, &who[k], answers, n, "fuzz", &diag) == CB_OK)
			cb_score(ins, &who[k], answers, n, scores);
		cb_diag_free(&diag);
	}
	free(scores);
	free(bufs);
	free(answers);
}

void cb_fuzz_forms_one(const uint8_t *data, size_t size)
{
	cb_instrument *ins = NULL;
	cb_diag diag = {0};

	if (cb_form_load_buffer("fuzz.yaml", data, size, &ins, &diag) == CB_OK)
		score(ins);
	cb_instrument_free(ins);
	cb_diag_free(&diag);
}

static enum cb_status import_once(const uint8_t *data, size_t size)
{
	cb_import_result res;
	cb_diag problems = {0};
	cb_err err = {0};
	enum cb_status rc = cb_import_buffer(scratch, "fuzz.yaml", data, size, &import_opts, &res,
					     &problems, &err);

	cb_diag_free(&problems);
	return rc;
}

void cb_fuzz_import_one(const uint8_t *data, size_t size)
{
	cb_fuzz_setup();
	if (import_once(data, size) != CB_OK)
		return;
	/* Again: now every record is already there, and must be skipped as the same. */
	if (import_once(data, size) != CB_OK)
		abort();
	copy_db(cb_store_db(scratch), pristine);
}
