/* test_fuzz_regressions.c: every input the fuzzers ever crashed on (and every seed), replayed. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "targets.h"

typedef void (*one_fn)(const uint8_t *data, size_t size);

/* Feeds every file of dir (except READMEs) to fn; returns how many. */
static int replay(const char *dir, one_fn fn)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		fail_msg("cannot read %s", dir);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0)
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		size_t len = 0;
		char *data = tu_read_file(path, &len);
		if (data == NULL)
			fail_msg("cannot read %s", path);
		fn((const uint8_t *)data, len);
		free(data);
		free(path);
		n++;
	}
	closedir(d);
	return n;
}

static void test_form_loader_regressions(void **state)
{
	replay(FUZZ_DIR "/regressions/forms", cb_fuzz_forms_one);
	assert_true(replay(TEST_FORMS, cb_fuzz_forms_one) > 0);
	assert_true(replay(TEST_FIXTURES "/forms-broken", cb_fuzz_forms_one) > 0);
}

static void test_import_reader_regressions(void **state)
{
	replay(FUZZ_DIR "/regressions/import", cb_fuzz_import_one);
	assert_true(replay(TEST_FIXTURES "/import", cb_fuzz_import_one) > 0);
	assert_true(replay(TEST_FIXTURES "/import-broken", cb_fuzz_import_one) > 0);
	/* The same input twice behaves the same: an import that succeeds is undone. */
	replay(TEST_FIXTURES "/import", cb_fuzz_import_one);
}

static void bundle_one(const uint8_t *data, size_t size)
{
	cb_fuzz_bundle_one(data, size);
}

static cb_fuzz_bundle_result bundle_file(const char *path)
{
	size_t len = 0;
	char *data = tu_read_file(path, &len);
	cb_fuzz_bundle_result r;

	if (data == NULL)
		fail_msg("cannot read %s", path);
	r = cb_fuzz_bundle_one((const uint8_t *)data, len);
	free(data);
	return r;
}

/* One of the seeds the bundle setup wrote (SIDE-MODE-VARIANT), fed to the target. */
static cb_fuzz_bundle_result bundle_seed(const char *side, const char *variant)
{
	char *path = xasprintf("%s/%s-%s", FUZZ_SEED_OUT, side, variant);
	cb_fuzz_bundle_result r = bundle_file(path);

	free(path);
	return r;
}

static cb_fuzz_bundle_result assert_imports(const char *side, const char *variant)
{
	cb_fuzz_bundle_result r = bundle_seed(side, variant);

	if (r.status != CB_OK || r.replay || r.applied == 0)
		fail_msg("%s-%s: status %d, replay %d, %zu applied", side, variant, r.status,
			 r.replay, r.applied);
	return r;
}

static void assert_refused(const char *side, const char *variant, enum cb_status want)
{
	cb_fuzz_bundle_result r = bundle_seed(side, variant);

	if (r.status != want)
		fail_msg("%s-%s: status %d, not %d", side, variant, r.status, want);
}

/* Each mode into each side: the real bundle imports, whole or resealed; the damaged are refused. */
static void assert_bundle_seeds(const char *side)
{
	cb_fuzz_bundle_result file = assert_imports(side, "file-real");
	cb_fuzz_bundle_result payload = assert_imports(side, "payload-real");
	cb_fuzz_bundle_result header = assert_imports(side, "header-real");

	/* The same changes each time: every input starts from the same databases. */
	assert_int_equal(payload.applied, file.applied);
	assert_int_equal(header.applied, file.applied);
	assert_int_equal(assert_imports(side, "file-real").applied, file.applied);
	assert_true(bundle_seed(side, "header-replay").replay);
	assert_refused(side, "file-truncated", CB_CORRUPT);
	assert_refused(side, "file-flipped", CB_CORRUPT);
	assert_refused(side, "payload-truncated", CB_CORRUPT);
	assert_refused(side, "header-gap", CB_INVALID);
}

static void test_bundle_reader_regressions(void **state)
{
	cb_fuzz_bundle_setup();
	replay(FUZZ_DIR "/regressions/bundle", bundle_one);
	assert_true(replay(FUZZ_SEED_OUT, bundle_one) >= 18);
	assert_bundle_seeds("hub");
	assert_bundle_seeds("laptop");
	/* The laptop's bundle meets the hub's edit; the hub's tells the laptop to drop a case. */
	assert_true(bundle_seed("hub", "file-real").conflicts > 0);
	assert_int_equal(bundle_seed("laptop", "payload-real").evicted, 1);
	/* An empty file is no bundle (the reader once did arithmetic on its NULL buffer). */
	assert_int_equal(cb_fuzz_bundle_one((const uint8_t *)"", 0).status, CB_INVALID);
	/* An authentic changeset whose table header runs past its end (SQLite looped for ever). */
	assert_int_equal(bundle_file(FUZZ_DIR "/regressions/bundle/changeset-columns-past-end").status,
			 CB_CORRUPT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_loader_regressions),
		cmocka_unit_test(test_import_reader_regressions),
		cmocka_unit_test(test_bundle_reader_regressions),
	};
	cb_fuzz_setup();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
