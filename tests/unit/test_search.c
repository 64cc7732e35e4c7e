/* test_search.c: name and note search, and typed text never read as FTS5 syntax. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/search.h"

#define M3 "'2026-01-01T00:00:00.000Z', 'p1', 'dev'"

static const char seed[] =
	"INSERT INTO families VALUES ('f1', 'FAM-0001', 'Okafor family', NULL, " M3 ", 'h');"
	"INSERT INTO families VALUES ('f2', 'FAM-0002', 'Ní Bhriain family', NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('c1', 'Ada Okafor', '2012-05-01', NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('g1', 'Grace Okafor', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO people VALUES ('c2', 'Zoë Ní Bhriain', NULL, NULL, NULL, " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f1', 'c1', 'child', " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f1', 'g1', 'main_caregiver', " M3 ", 'h');"
	"INSERT INTO family_members VALUES ('f2', 'c2', 'child', " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k1', 'f1', 'c1', '2026-01-02', 's', 'N1', NULL, NULL, NULL, NULL,"
	" " M3 ", 'h');"
	"INSERT INTO cases VALUES ('k2', 'f2', 'c2', '2026-01-02', 's', 'N1', NULL, NULL, NULL, NULL,"
	" " M3 ", 'h');"
	"INSERT INTO notes(id, case_id, contact_type, occurred_at, worries, body, " "created_at,"
	" created_by, device_id) VALUES ('n1', 'k2', 'home_visit', '2026-02-01T10:00',"
	" 'Rent arrears again', 'Zoë showed me her scrapbook at the café', " M3 ");"
	"INSERT INTO notes(id, case_id, contact_type, occurred_at, body, created_at, created_by,"
	" device_id) VALUES ('n2', 'k1', 'phone', '2026-02-02T10:00', 'School attendance improved',"
	" " M3 ");";

static size_t search(cb_store *st, const char *text, cb_hit **hits)
{
	size_t n = 0;
	cb_err err = {0};

	assert_int_equal(cb_search(st, text, 20, hits, &n, &err), CB_OK);
	return n;
}

static void test_names_find_the_cases(void **state)
{
	cb_store *st = tu_new_store();
	cb_hit *hits;
	size_t n;

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	/* A caregiver's name finds the family's child's case. */
	n = search(st, "grace", &hits);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].case_id, "k1");
	assert_string_equal(hits[0].what, "name");
	assert_null(hits[0].note_id);
	assert_string_equal(hits[0].child, "Ada Okafor, Okafor family");
	cb_hits_free(hits, n);
	n = search(st, "FAM-0002", &hits);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].what, "family");
	assert_string_equal(hits[0].case_id, "k2");
	cb_hits_free(hits, n);
	cb_store_close(st);
}

/* A family added without a case is found, so that its referral can be recorded later. */
static void test_family_with_no_case_yet(void **state)
{
	cb_store *st = tu_new_store();
	cb_hit *hits;
	size_t n;

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	assert_int_equal(tu_exec(st, "INSERT INTO families VALUES ('f3', 'FAM-0003', 'Nowak family',"
				     " NULL, " M3 ", 'h');"
				     "INSERT INTO people VALUES ('c3', 'Zofia Nowak', '2013-05-20', NULL,"
				     " NULL, " M3 ", 'h');"
				     "INSERT INTO family_members VALUES ('f3', 'c3', 'child', " M3 ", 'h');"),
			 SQLITE_OK);
	const char *const ways[] = {"nowak fam", "FAM-0003", "zofia", "Nowak"};
	for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
		n = search(st, ways[i], &hits);
		assert_int_equal(n, 1);
		assert_null(hits[0].case_id);
		assert_string_equal(hits[0].family_id, "f3");
		assert_string_equal(hits[0].what, "family");
		assert_string_equal(hits[0].child, "Nowak family, no case yet");
		assert_string_equal(hits[0].snippet, "Nowak family (FAM-0003)");
		cb_hits_free(hits, n);
	}
	/* Once it has a case, the case is found instead. */
	assert_int_equal(tu_exec(st, "INSERT INTO cases VALUES ('k3', 'f3', 'c3', '2026-01-02', 's',"
				     " 'N1', NULL, NULL, NULL, NULL, " M3 ", 'h');"),
			 SQLITE_OK);
	n = search(st, "nowak family", &hits);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].case_id, "k3");
	assert_string_equal(hits[0].family_id, "f3");
	cb_hits_free(hits, n);
	cb_store_close(st);
}

static void test_names_without_accents_by_word_prefixes(void **state)
{
	cb_store *st = tu_new_store();
	cb_hit *hits;
	size_t n;

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	/* "zoe" is not LIKE "Zoë"; the names' index folds the accent. */
	n = search(st, "zoe", &hits);
	assert_true(n >= 1);
	assert_string_equal(hits[0].what, "name");
	assert_string_equal(hits[0].case_id, "k2");
	assert_string_equal(hits[0].snippet, "Zoë Ní Bhriain");
	cb_hits_free(hits, n);
	/* The start of each word, in any case. */
	n = search(st, "ZO ni bhr", &hits);
	assert_true(n >= 1);
	assert_string_equal(hits[0].snippet, "Zoë Ní Bhriain");
	cb_hits_free(hits, n);
	/* A family name, and a name corrected later is found by its new spelling only. */
	n = search(st, "ni bhriain family", &hits);
	assert_true(n >= 1);
	assert_string_equal(hits[0].what, "family");
	cb_hits_free(hits, n);
	assert_int_equal(tu_exec(st, "UPDATE people SET name = 'Zoey Nee' WHERE id = 'c2';"
				     "UPDATE families SET name = 'Nee family' WHERE id = 'f2';"),
			 SQLITE_OK);
	n = search(st, "zoë ní", &hits);
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(hits[i].what, "name");
	cb_hits_free(hits, n);
	n = search(st, "zoey", &hits);
	assert_true(n >= 1);
	assert_string_equal(hits[0].snippet, "Zoey Nee");
	cb_hits_free(hits, n);
	n = search(st, "bhriain fam", &hits);
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(hits[i].what, "family");
	cb_hits_free(hits, n);
	cb_store_close(st);
}

static void test_notes_by_word_prefix_and_without_accents(void **state)
{
	cb_store *st = tu_new_store();
	cb_hit *hits;
	size_t n;

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	n = search(st, "attend", &hits);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].case_id, "k1");
	assert_string_equal(hits[0].when, "2026-02-02T10:00");
	assert_string_equal(hits[0].note_id, "n2");
	assert_non_null(strstr(hits[0].snippet, "attendance"));
	cb_hits_free(hits, n);
	n = search(st, "cafe scrap", &hits);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].case_id, "k2");
	cb_hits_free(hits, n);
	n = search(st, "arrears", &hits);
	assert_int_equal(n, 1);
	cb_hits_free(hits, n);
	cb_store_close(st);
}

static void test_query_syntax_is_taken_literally(void **state)
{
	cb_store *st = tu_new_store();
	cb_hit *hits;
	char *q;
	const char *odd[] = {"o\"brien", "NEAR(", "a OR", "*", "-x", "100%", "_", "\"", "   "};

	assert_int_equal(tu_exec(st, seed), SQLITE_OK);
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		cb_hits_free(hits, search(st, odd[i], &hits));
	q = cb_search_fts_query("say \"hi\" now");
	assert_string_equal(q, "\"say\" \"\"\"hi\"\"\" \"now\"*");
	free(q);
	/* "%" is not a wildcard: nothing is named with a percent sign. */
	size_t n = search(st, "%", &hits);
	assert_int_equal(n, 0);
	cb_hits_free(hits, n);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_find_the_cases),
		cmocka_unit_test(test_names_without_accents_by_word_prefixes),
		cmocka_unit_test(test_family_with_no_case_yet),
		cmocka_unit_test(test_notes_by_word_prefix_and_without_accents),
		cmocka_unit_test(test_query_syntax_is_taken_literally),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
