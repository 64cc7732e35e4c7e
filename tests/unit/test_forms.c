/* test_forms.c: the YAML form loader, the shipped instruments, the broken corpus, forms check. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/hash.h"
#include "core/mem.h"
#include "forms/forms.h"

#define BROKEN TEST_FIXTURES "/forms-broken"

/* Loads a shipped form by file name and insists it has no problems. */
static cb_instrument *shipped(const char *file)
{
	char *path = xasprintf("%s/%s", TEST_FORMS, file);
	cb_instrument *ins = NULL;
	cb_diag diag = {0};

	if (cb_form_load(path, &ins, &diag) != CB_OK || diag.count)
		fail_msg("%s: %s", path, diag.count ? diag.lines[0] : "failed");
	free(path);
	return ins;
}

static cb_instrument *from_text(const char *yaml, cb_diag *diag)
{
	cb_instrument *ins = NULL;
	cb_form_load_buffer("test.yaml", (const unsigned char *)yaml, strlen(yaml), &ins, diag);
	return ins;
}

static const cb_scale *scale(const cb_instrument *ins, const char *id)
{
	long i = cb_instrument_scale(ins, id);
	if (i < 0)
		fail_msg("no scale '%s' in %s", id, ins->id);
	return &ins->scales[i];
}

static const cb_item *item(const cb_instrument *ins, const char *id)
{
	long i = cb_instrument_item(ins, id);
	if (i < 0)
		fail_msg("no item '%s' in %s", id, ins->id);
	return &ins->items[i];
}

static void assert_range(const cb_instrument *ins, const char *id, double lo, double hi)
{
	const cb_scale *sc = scale(ins, id);
	if (sc->min != lo || sc->max != hi)
		fail_msg("%s.%s: range %g..%g, expected %g..%g", ins->id, id, sc->min, sc->max, lo,
			 hi);
}

/* Every member of every scale comes before the scale that sums it. */
static void assert_members_first(const cb_instrument *ins)
{
	for (size_t s = 0; s < ins->n_scales; s++)
		if (ins->scales[s].method == CB_SCALE_SUM_OF_SCALES)
			for (size_t m = 0; m < ins->scales[s].n_members; m++)
				assert_true(ins->scales[s].members[m] < s);
}

static void test_shipped_folder_loads_cleanly(void **state)
{
	static const char *const ids[] = {"adolescent-profile", "family-wellbeing",
					  "practice-observation", "risk-framework",
					  "working-alliance"};
	cb_form_set set = {0};
	cb_diag diag = {0};

	assert_int_equal(cb_forms_load_dir(TEST_FORMS, &set, &diag), CB_OK);
	assert_int_equal(diag.count, 0);
	assert_int_equal(set.count, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(set.forms[i]->id, ids[i]); /* sorted by id */
		assert_int_equal(set.forms[i]->version, 1);
		assert_non_null(set.forms[i]->notes);
		assert_non_null(strstr(set.forms[i]->path, ".yaml"));
		assert_members_first(set.forms[i]);
		assert_ptr_equal(cb_forms_find(&set, ids[i]), set.forms[i]);
	}
	assert_null(cb_forms_find(&set, "wai"));
	cb_forms_free(&set);
	assert_int_equal(set.count, 0);
}

static void count_section_items(const cb_instrument *ins, const char *section, size_t want,
				double weight, int age_over)
{
	long s = cb_instrument_section(ins, section);
	size_t n = 0;

	assert_true(s >= 0);
	assert_int_equal(ins->sections[s].child_age_over, age_over);
	for (size_t i = 0; i < ins->n_items; i++) {
		if (ins->items[i].section != (size_t)s)
			continue;
		n++;
		assert_true(ins->items[i].weight == weight);
	}
	if (n != want)
		fail_msg("section %s has %zu items, expected %zu", section, n, want);
}

static void test_risk_framework(void **state)
{
	cb_instrument *ins = shipped("risk-framework.yaml");
	const cb_item *eng = item(ins, "engagement_child");

	assert_string_equal(ins->id, "risk-framework");
	assert_int_equal(ins->n_raters, 1);
	assert_true(cb_instrument_allows_rater(ins, "worker"));
	assert_false(cb_instrument_allows_rater(ins, "child"));
	assert_int_equal(ins->n_items, 19 + 10 + 2);
	count_section_items(ins, "parent_risk", 7, -1, -1);
	count_section_items(ins, "child_risk", 4, -1, 11);
	count_section_items(ins, "family_risk", 6, -1, -1);
	count_section_items(ins, "social_risk", 2, -1, -1);
	count_section_items(ins, "parent_protective", 5, 1, -1);
	count_section_items(ins, "child_protective", 3, 1, 11);
	count_section_items(ins, "family_protective", 2, 1, -1);
	count_section_items(ins, "child_engagement", 1, 1, 11);
	assert_string_equal(item(ins, "p_own_needs_first")->text, "Own needs before child's");
	assert_string_equal(item(ins, "f_power_issues")->text,
			    "Power issues (controlling, manipulative, subservient)");
	assert_int_equal(eng->type, CB_ITEM_CHOICE);
	assert_int_equal(eng->n_options, 4);
	assert_string_equal(eng->options[0].value, "collaborative");
	assert_true(eng->options[0].points == 2 && eng->options[1].points == 1);
	assert_string_equal(eng->options[3].value, "dissent");
	assert_true(eng->options[2].points == -1 && eng->options[3].points == -2);
	assert_range(ins, "risk", -19, 0);
	assert_range(ins, "protective", 0, 10);
	assert_range(ins, "engagement", -4, 4);
	assert_range(ins, "total", -23, 14);
	for (size_t s = 0; s < ins->n_scales; s++)
		assert_int_equal(ins->scales[s].better, CB_BETTER_HIGHER);
	assert_string_equal(ins->scales[3].id, "total");
	assert_non_null(strstr(ins->notes, "HIGHER IS SAFER"));
	assert_non_null(strstr(ins->notes, "UNVERIFIED"));
	cb_instrument_free(ins);
}

static void test_working_alliance(void **state)
{
	cb_instrument *ins = shipped("working-alliance.yaml");
	static const char *const sub[] = {"goal", "task", "bond"};

	assert_int_equal(ins->n_items, 12);
	assert_int_equal(ins->n_raters, 3);
	assert_true(cb_instrument_allows_rater(ins, "family_member"));
	assert_true(cb_instrument_allows_rater(ins, "child"));
	for (size_t i = 0; i < 3; i++) {
		const cb_scale *sc = scale(ins, sub[i]);
		assert_int_equal(sc->method, CB_SCALE_MEAN);
		assert_int_equal(sc->n_members, 4);
		assert_range(ins, sub[i], 1, 7);
	}
	assert_int_equal(item(ins, "bond_4")->min, 1);
	assert_int_equal(item(ins, "bond_4")->max, 7);
	assert_int_equal(scale(ins, "alliance")->method, CB_SCALE_SUM_OF_SCALES);
	assert_range(ins, "alliance", 3, 21);
	cb_instrument_free(ins);
}

static void test_practice_observation(void **state)
{
	cb_instrument *ins = shipped("practice-observation.yaml");
	const cb_scale *rb;

	assert_int_equal(ins->n_items, 6);
	assert_int_equal(ins->n_scales, 8);
	assert_true(item(ins, "collaboration")->required);
	assert_false(item(ins, "overall")->required);
	assert_non_null(strstr(item(ins, "empathy")->help, "curiosity"));
	assert_non_null(strstr(ins->sections[0].help, "over 15 minutes"));
	rb = scale(ins, "relationship_building");
	assert_int_equal(rb->n_members, 3);
	assert_string_equal(ins->items[rb->members[2]].id, "child_focus");
	assert_int_equal(scale(ins, "respectful_authority")->n_members, 2);
	assert_range(ins, "relationship_building", 1, 5);
	assert_range(ins, "overall", 1, 5);
	cb_instrument_free(ins);
}

static void test_adolescent_profile(void **state)
{
	cb_instrument *ins = shipped("adolescent-profile.yaml");

	assert_int_equal(ins->n_items, 4 + 12 + 2);
	assert_int_equal(item(ins, "judgement")->type, CB_ITEM_CHOICE);
	assert_int_equal(item(ins, "judgement")->n_options, 3);
	assert_int_equal(item(ins, "judgement_reason")->type, CB_ITEM_TEXT);
	assert_string_equal(item(ins, "b_missing")->text, "Missing (frequency, type)");
	assert_non_null(strstr(ins->sections[0].help, "14 – 18"));
	assert_range(ins, "group_a", 0, 4);
	assert_range(ins, "group_b", 0, 12);
	assert_int_equal(scale(ins, "group_b")->better, CB_BETTER_LOWER);
	for (size_t s = 0; s < ins->n_sections; s++)
		assert_int_equal(ins->sections[s].child_age_over, -1);
	cb_instrument_free(ins);
}

static void test_family_wellbeing(void **state)
{
	cb_instrument *ins = shipped("family-wellbeing.yaml");

	assert_int_equal(ins->n_items, 3);
	assert_int_equal(item(ins, "wellbeing")->type, CB_ITEM_SCALE10);
	assert_int_equal(item(ins, "mental_health")->min, 0);
	assert_int_equal(item(ins, "mental_health")->max, 10);
	assert_int_equal(item(ins, "comment")->type, CB_ITEM_TEXT);
	assert_range(ins, "wellbeing", 0, 10);
	assert_range(ins, "mental_health", 0, 10);
	cb_instrument_free(ins);
}

static void test_content_hash_is_sha256_of_file(void **state)
{
	char *path = xasprintf("%s/family-wellbeing.yaml", TEST_FORMS);
	size_t len;
	char *bytes = tu_read_file(path, &len);
	char want[CB_HASH_HEX_LEN + 1];
	cb_instrument *ins = shipped("family-wellbeing.yaml");

	cb_hash_hex(bytes, len, want);
	assert_string_equal(ins->content_hash, want);
	assert_int_equal(strlen(ins->content_hash), 64);
	assert_string_equal(ins->path, path);
	cb_instrument_free(ins);
	free(bytes);
	free(path);
}

/* The "# expect: L:C: message" lines of a fixture, each prefixed with "path:". */
static char **expected_lines(const char *path, size_t *n)
{
	char *text = tu_read_file(path, NULL);
	char **lines = NULL;
	const char *p = text;

	*n = 0;
	assert_non_null(text);
	while ((p = strstr(p, "# expect: ")) != NULL) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *msg = xasprintf("%s:%.*s", path, (int)(len - 10), p + 10);
		lines = xreallocarray(lines, *n + 1, sizeof *lines);
		lines[(*n)++] = msg;
		p += len;
	}
	free(text);
	return lines;
}

static void check_broken_file(const char *path)
{
	cb_instrument *ins = (cb_instrument *)1;
	cb_diag diag = {0};
	size_t n;
	char **want = expected_lines(path, &n);

	if (n == 0)
		fail_msg("%s has no '# expect:' lines", path);
	assert_int_equal(cb_form_load(path, &ins, &diag), CB_INVALID);
	assert_null(ins);
	for (size_t i = 0; i < n || i < diag.count; i++) {
		const char *got = i < diag.count ? diag.lines[i] : "(nothing)";
		const char *exp = i < n ? want[i] : "(nothing)";
		if (strcmp(got, exp) != 0)
			fail_msg("diagnostic %zu:\n  got:      %s\n  expected: %s", i + 1, got, exp);
	}
	for (size_t i = 0; i < n; i++)
		free(want[i]);
	free(want);
	cb_diag_free(&diag);
}

static void test_broken_corpus_reports_exact_messages(void **state)
{
	DIR *d = opendir(BROKEN);
	struct dirent *e;
	size_t files = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char *path;
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		path = xasprintf("%s/%s", BROKEN, e->d_name);
		check_broken_file(path);
		free(path);
		files++;
	}
	closedir(d);
	assert_true(files >= 15);
}

static void test_broken_folder_is_invalid_and_empty(void **state)
{
	cb_form_set set = {0};
	cb_diag diag = {0};

	assert_int_equal(cb_forms_load_dir(BROKEN, &set, &diag), CB_INVALID);
	assert_int_equal(set.count, 0);
	assert_true(diag.count > 20);
	/* files are read in sorted order, so the first messages are applies-when.yaml's */
	assert_non_null(strstr(diag.lines[0], "/applies-when.yaml:10:36: "));
	cb_forms_free(&set);
	cb_diag_free(&diag);
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

static void test_same_id_in_two_files(void **state)
{
	char *dir = tu_tempdir();
	char *src = xasprintf("%s/family-wellbeing.yaml", TEST_FORMS);
	size_t len;
	char *text = tu_read_file(src, &len);
	char *a = xasprintf("%s/a.yaml", dir), *b = xasprintf("%s/b.yaml", dir);
	char *ignored = xasprintf("%s/notes.txt", dir);
	char *want = xasprintf("%s:3:5: instrument id 'family-wellbeing' is already declared by "
			       "%s; give each instrument its own id (or replace that file)",
			       b, a);
	cb_form_set set = {0};
	cb_diag diag = {0};

	write_file(a, text, len);
	write_file(b, text, len);
	write_file(ignored, "not a form", 10);
	assert_int_equal(cb_forms_load_dir(dir, &set, &diag), CB_INVALID);
	assert_int_equal(set.count, 1);
	assert_string_equal(set.forms[0]->path, a);
	assert_int_equal(diag.count, 1);
	assert_string_equal(diag.lines[0], want);
	cb_forms_free(&set);
	cb_diag_free(&diag);
	free(want);
	free(ignored);
	free(a);
	free(b);
	free(text);
	free(src);
	free(dir);
}

static void test_missing_folder(void **state)
{
	cb_form_set set = {0};
	cb_diag diag = {0};

	assert_int_equal(cb_forms_load_dir("/nonexistent/forms", &set, &diag), CB_ERROR);
	assert_int_equal(diag.count, 1);
	assert_string_equal(diag.lines[0], "/nonexistent/forms: cannot open the forms folder: No "
					   "such file or directory");
	assert_int_equal(set.count, 0);
	cb_diag_free(&diag);
}

#define HEADER "id: t\nversion: 2\ntitle: T\nsource: S\nraters: [worker, child]\n"

/* Declared in the wrong order: the loader puts members before the sums. */
static void test_scales_are_ordered_members_first(void **state)
{
	const char *yaml = HEADER
		"sections:\n"
		"  - {id: s, title: S, items: [{id: a, text: A, type: tick, weight: 2},\n"
		"      {id: b, text: B, type: likert, min: -2, max: 3, weight: -1.5}]}\n"
		"scales:\n"
		"  - {id: grand, title: G, method: sum_of_scales, better: higher, scales: [sub, x]}\n"
		"  - {id: sub, title: Sub, method: sum_of_scales, better: higher, scales: [y, x]}\n"
		"  - {id: x, title: X, method: weighted_sum, better: higher, items: [a, b]}\n"
		"  - {id: y, title: Y, method: mean, better: higher, items: [a, b]}\n";
	cb_diag diag = {0};
	cb_instrument *ins = from_text(yaml, &diag);

	assert_int_equal(diag.count, 0);
	assert_non_null(ins);
	assert_int_equal(ins->version, 2);
	assert_string_equal(ins->scales[0].id, "y");
	assert_string_equal(ins->scales[1].id, "x");
	assert_string_equal(ins->scales[2].id, "sub");
	assert_string_equal(ins->scales[3].id, "grand");
	assert_members_first(ins);
	assert_string_equal(ins->scales[ins->scales[3].members[0]].id, "sub");
	assert_string_equal(ins->scales[ins->scales[3].members[1]].id, "x");
	/* x: a in 0..2, b is -1.5 x (-2..3) = -4.5..3; mean y: envelope of 0..1 and -2..3 */
	assert_range(ins, "x", -4.5, 5);
	assert_range(ins, "y", -2, 3);
	assert_range(ins, "sub", -6.5, 8);
	assert_range(ins, "grand", -11, 13);
	cb_instrument_free(ins);
}

static void test_minimal_form_and_defaults(void **state)
{
	const char *yaml = HEADER
		"sections:\n"
		"  - id: s\n"
		"    title: S\n"
		"    items:\n"
		"      - {id: a, text: A, type: choice, options: [{value: x, label: X},\n"
		"                                                 {value: y, label: Y}]}\n"
		"      - {id: d, text: When, type: date, required: true}\n";
	cb_diag diag = {0};
	cb_instrument *ins = from_text(yaml, &diag);

	assert_int_equal(diag.count, 0);
	assert_int_equal(ins->n_scales, 0);
	assert_null(ins->notes);
	assert_null(ins->sections[0].help);
	assert_int_equal(ins->sections[0].child_age_over, -1);
	assert_true(ins->items[0].weight == 1);
	assert_false(ins->items[0].required);
	assert_true(ins->items[0].options[1].points == 0);
	assert_true(ins->items[1].required);
	assert_int_equal(ins->items[1].line, 12);
	assert_int_equal(ins->items[1].col, 9);
	assert_int_equal(ins->line, 1);
	assert_int_equal(ins->col, 5);
	cb_instrument_free(ins);
}

/* The value under a misspelt key is still checked, and the real key is not reported missing. */
static void test_misspelt_key_value_still_checked(void **state)
{
	const char *yaml = HEADER
		"sections:\n"
		"  - id: s\n"
		"    title: S\n"
		"    itmes:\n"
		"      - {id: a, text: A, type: ticks}\n";
	cb_diag diag = {0};

	assert_null(from_text(yaml, &diag));
	assert_int_equal(diag.count, 2);
	assert_string_equal(diag.lines[0], "test.yaml:9:5: unknown key 'itmes' in section 's'; "
					   "did you mean 'items'?");
	assert_string_equal(diag.lines[1],
			    "test.yaml:10:32: unknown response type 'ticks' (expected tick, "
			    "choice, likert, scale10, text or date); did you mean 'tick'?");
	cb_diag_free(&diag);
}

static void test_unreadable_file(void **state)
{
	cb_instrument *ins = NULL;
	cb_diag diag = {0};

	assert_int_equal(cb_form_load("/nonexistent/x.yaml", &ins, &diag), CB_ERROR);
	assert_null(ins);
	assert_string_equal(diag.lines[0], "/nonexistent/x.yaml: cannot open: No such file or "
					   "directory");
	cb_diag_free(&diag);
}

/* The example in casebook-forms(5) loads, with the ranges and behaviour the page states. */
static void test_man_page_example(void **state)
{
	char *page = tu_read_file(TEST_FORMS "/../man/casebook-forms.5", NULL);
	const char *start, *end;
	cb_instrument *ins = NULL;
	cb_diag diag = {0};
	cb_subject nine = {.birth_known = true, .birth = {2016, 3, 1}, .on = {2025, 6, 1}};
	cb_answer a[] = {{"unsafe_heating", "1"}, {"mood", "4"}};
	cb_scale_score out[3];

	assert_non_null(page);
	start = strstr(page, ".Bd -literal -offset indent\n");
	assert_non_null(start);
	start = strchr(start, '\n') + 1;
	end = strstr(start, ".Ed\n");
	assert_non_null(end);
	assert_int_equal(cb_form_load_buffer("example", (const unsigned char *)start,
					     (size_t)(end - start), &ins, &diag),
			 CB_OK);
	assert_string_equal(ins->id, "home-visit-check");
	assert_range(ins, "home", -2, 1);
	assert_range(ins, "school", -2, 5);
	assert_range(ins, "total", -4, 6);
	assert_members_first(ins);
	cb_score(ins, &nine, a, 2, out);
	assert_true(out[cb_instrument_scale(ins, "home")].value == -2);
	assert_false(out[cb_instrument_scale(ins, "school")].has_value);
	assert_false(out[cb_instrument_scale(ins, "total")].has_value);
	cb_instrument_free(ins);
	free(page);
}

/* Runs `casebook forms ARGS...` with output captured; returns the exit status. */
static int run_forms(char **out, char **err, int argc, char **argv)
{
	size_t out_len, err_len;
	cb_cli cli = {.forms_dir = TEST_FORMS};
	int rc;

	cli.out = open_memstream(out, &out_len);
	cli.err = open_memstream(err, &err_len);
	rc = cb_cmd_forms(&cli, argc, argv);
	fclose(cli.out);
	fclose(cli.err);
	return rc;
}

static void test_forms_check_command(void **state)
{
	char *out, *err;
	char *good[] = {"forms", "check"};
	char *bad[] = {"forms", "check", BROKEN "/raters.yaml"};
	char *one[] = {"forms", "check", TEST_FORMS "/family-wellbeing.yaml"};
	char *usage[] = {"forms", "frobnicate"};

	assert_int_equal(run_forms(&out, &err, 2, good), 0);
	assert_string_equal(err, "");
	assert_non_null(strstr(out, TEST_FORMS "/risk-framework.yaml: risk-framework v1 \"Risk "
					"Analysis Framework (FACT22)\": 31 items in 9 sections, 4 "
					"scales\n"));
	assert_non_null(strstr(out, "working-alliance v1"));
	free(out);
	free(err);

	assert_int_equal(run_forms(&out, &err, 3, bad), 1);
	assert_string_equal(out, "");
	assert_non_null(strstr(err, BROKEN "/raters.yaml:6:26: rater 'worker' is listed twice\n"));
	assert_non_null(strstr(err, "3 problems"));
	free(out);
	free(err);

	assert_int_equal(run_forms(&out, &err, 3, one), 0);
	assert_string_equal(err, "");
	assert_string_equal(out, TEST_FORMS "/family-wellbeing.yaml: family-wellbeing v1 \"Family "
				 "wellbeing and mental health (worker's view, 0-10)\": 3 items in "
				 "1 section, 2 scales\n");
	free(out);
	free(err);

	assert_int_equal(run_forms(&out, &err, 2, usage), 2);
	assert_non_null(strstr(err, "usage: casebook forms check"));
	free(out);
	free(err);
}

static void test_forms_list_and_show(void **state)
{
	char *out, *err;
	char *list[] = {"forms", "list"};
	char *show[] = {"forms", "show", "risk-framework"};
	char *missing[] = {"forms", "show", "nope"};

	assert_int_equal(run_forms(&out, &err, 2, list), 0);
	assert_non_null(strstr(out, "family-wellbeing         v1   Family wellbeing"));
	free(out);
	free(err);
	assert_int_equal(run_forms(&out, &err, 3, show), 0);
	assert_non_null(strstr(out, "      Total risk score (higher is safer): -23 to 14, higher "
				    "is better\n"));
	assert_non_null(strstr(out, "(only when the child is over 11)"));
	free(out);
	free(err);
	assert_int_equal(run_forms(&out, &err, 3, missing), 1);
	assert_non_null(strstr(err, "no instrument 'nope'"));
	free(out);
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_folder_loads_cleanly),
		cmocka_unit_test(test_risk_framework),
		cmocka_unit_test(test_working_alliance),
		cmocka_unit_test(test_practice_observation),
		cmocka_unit_test(test_adolescent_profile),
		cmocka_unit_test(test_family_wellbeing),
		cmocka_unit_test(test_content_hash_is_sha256_of_file),
		cmocka_unit_test(test_broken_corpus_reports_exact_messages),
		cmocka_unit_test(test_broken_folder_is_invalid_and_empty),
		cmocka_unit_test(test_same_id_in_two_files),
		cmocka_unit_test(test_missing_folder),
		cmocka_unit_test(test_scales_are_ordered_members_first),
		cmocka_unit_test(test_minimal_form_and_defaults),
		cmocka_unit_test(test_misspelt_key_value_still_checked),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_man_page_example),
		cmocka_unit_test(test_forms_check_command),
		cmocka_unit_test(test_forms_list_and_show),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
