/* targets.c: the targets' shared setup (scratch folder, fixed randomness), forms and import. */
#include "targets.h"
#include "scratch.h"

#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/import.h"
#include "core/mem.h"
#include "forms/forms.h"
#include "store/store.h"

static cb_store *scratch;   /* the database imports go into */
static sqlite3 *pristine;   /* an in-memory copy of it before any input, to put it back */
static cb_form_set forms;   /* the shipped instruments, for imported assessments */
static char *scratch_dir;

void cb_fuzz_die(const char *what, const char *why)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, why);
	abort();
}

/*
 * libsodium's random bytes made a fixed stream (ChaCha20 under a constant
 * key), so that ids, enrolment codes, keys and nonces come out the same in
 * every run: a bundle input saved from one run is keyed to the same team in
 * the next and in the regression test. Nothing here protects anything.
 */
static uint64_t rng_block;

uint64_t cb_fuzz_rng_tell(void)
{
	return rng_block;
}

void cb_fuzz_rng_seek(uint64_t block)
{
	rng_block = block;
}

static void fixed_buf(void *const buf, const size_t size)
{
	static const unsigned char key[crypto_stream_chacha20_KEYBYTES] = "casebook fuzz, not a secret";
	unsigned char nonce[crypto_stream_chacha20_NONCEBYTES] = {0};

	for (size_t i = 0; i < sizeof nonce && i < 8; i++)
		nonce[i] = (unsigned char)(rng_block >> (8 * i));
	rng_block++;
	crypto_stream_chacha20(buf, size, nonce, key);
}

static uint32_t fixed_random(void)
{
	uint32_t v;

	fixed_buf(&v, sizeof v);
	return v;
}

static const char *fixed_name(void)
{
	return "casebook-fuzz-fixed";
}

static randombytes_implementation fixed_rng = {
	.implementation_name = fixed_name, .random = fixed_random, .buf = fixed_buf,
};

void cb_fuzz_copy_db(sqlite3 *dest, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", src, "main");

	if (b == NULL || sqlite3_backup_step(b, -1) != SQLITE_DONE)
		cb_fuzz_die("copying the scratch database", sqlite3_errmsg(dest));
	sqlite3_backup_finish(b);
}

/* Everything in the scratch folder: databases, bundles, a bundle write's temporary file. */
static void remove_scratch(void)
{
	DIR *d;
	struct dirent *e;

	cb_store_close(scratch);
	sqlite3_close(pristine);
	cb_forms_free(&forms);
	if ((d = opendir(scratch_dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = xasprintf("%s/%s", scratch_dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(scratch_dir);
	free(scratch_dir);
}

/* On tmpfs where there is one: the bundle target writes (and fsyncs) a bundle per input. */
static char *make_scratch_dir(void)
{
	struct stat sb;
	bool shm = stat("/dev/shm", &sb) == 0 && S_ISDIR(sb.st_mode) && access("/dev/shm", W_OK) == 0;
	char *dir = xasprintf("%s/casebook-fuzz-XXXXXX", shm ? "/dev/shm" : "/tmp");

	if (mkdtemp(dir) == NULL)
		cb_fuzz_die("mkdtemp", "cannot make a scratch folder");
	return dir;
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
void cb_fuzz_import_base(cb_store *st)
{
	cb_import_result res;
	cb_diag problems = {0};
	cb_err err = {0};

	if (cb_import_file(st, FUZZ_BASE_CASELOAD, &import_opts, &res, &problems, &err))
		cb_fuzz_die(FUZZ_BASE_CASELOAD, problems.count ? problems.lines[0] : err.msg);
	cb_diag_free(&problems);
}

const char *cb_fuzz_scratch(void)
{
	return scratch_dir;
}

void cb_fuzz_setup(void)
{
	cb_err err = {0};
	cb_diag diag = {0};
	char *path;

	if (scratch)
		return;
	if (randombytes_set_implementation(&fixed_rng) != 0 || sodium_init() < 0)
		cb_fuzz_die("libsodium", "cannot initialise");
	scratch_dir = make_scratch_dir();
	path = xasprintf("%s/fuzz.db", scratch_dir);
	if (cb_store_open(path, CB_STORE_CREATE, &scratch, &err))
		cb_fuzz_die(path, err.msg);
	free(path);
	/* Nothing here needs to survive a crash; speed matters more. */
	sqlite3_exec(cb_store_db(scratch), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	cb_forms_load_dir(CASEBOOK_SOURCE_FORMS_DIR, &forms, &diag);
	cb_diag_free(&diag);
	cb_fuzz_import_base(scratch);
	if (sqlite3_open(":memory:", &pristine) != SQLITE_OK)
		cb_fuzz_die("an in-memory database", "cannot open");
	cb_fuzz_copy_db(pristine, cb_store_db(scratch));
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
	cb_fuzz_copy_db(cb_store_db(scratch), pristine);
}
