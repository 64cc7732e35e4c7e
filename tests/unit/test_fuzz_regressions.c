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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_loader_regressions),
		cmocka_unit_test(test_import_reader_regressions),
	};
	cb_fuzz_setup();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
