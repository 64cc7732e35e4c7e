/* test_import.c: import, export and show: round trips, re-import, conflicts, broken files, confidentiality, scores. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/export.h"
#include "cli/import.h"
#include "cli/import_priv.h"
#include "core/clock.h"
#include "core/dates.h"
#include "core/mem.h"
#include "forms/forms.h"

#define GOOD TEST_FIXTURES "/import/caseload.yaml"
#define BROKEN TEST_FIXTURES "/import-broken"
#define RECORDS_IN_GOOD 47

static cb_form_set forms;

static const cb_form_set *get_forms(void *ctx)
{
	return &forms;
}

static const cb_import_opts opts = {.forms = get_forms, .forms_dir = "forms"};

static const char *const tables[] = {
	"teams", "practitioners", "families", "people", "family_members", "cases", "referrals",
	"plan_episodes", "notes", "note_amendments", "assessments", "assessment_answers",
	"assessment_scores", "goals", "goal_reviews", "supervisions", "supervision_attendees",
	"supervision_cases", "supervision_actions", "disclosures", "audit_log", NULL,
};

static int setup(void **state)
{
	cb_diag diag = {0};
	int64_t now;
	enum cb_status rc;

	cb_parse_utc_ms("2026-11-01T09:00:00Z", &now);
	cb_clock_fix(now);
	rc = cb_forms_load_dir(TEST_FORMS, &forms, &diag);
	for (size_t i = 0; i < diag.count; i++)
		print_error("%s\n", diag.lines[i]);
	cb_diag_free(&diag);
	return rc == CB_OK ? 0 : -1;
}

static int teardown(void **state)
{
	cb_forms_free(&forms);
	return 0;
}

/* ---- helpers ---- */

static enum cb_status import_text(cb_store *st, const char *name, const char *text,
				  cb_import_result *res, cb_diag *problems)
{
	cb_err err = {0};
	enum cb_status rc = cb_import_buffer(st, name, (const unsigned char *)text, strlen(text),
					     &opts, res, problems, &err);
	if (rc != CB_OK && rc != CB_INVALID)
		fail_msg("importing %s: %s", name, err.msg);
	return rc;
}

static void import_good(cb_store *st, cb_import_result *res)
{
	cb_diag problems = {0};
	cb_err err = {0};
	enum cb_status rc = cb_import_file(st, GOOD, &opts, res, &problems, &err);

	for (size_t i = 0; i < problems.count; i++)
		print_error("%s\n", problems.lines[i]);
	if (rc != CB_OK)
		fail_msg("importing %s: %s (%zu problems)", GOOD, err.msg, problems.count);
	cb_diag_free(&problems);
}

static char *export_text(cb_store *st, enum cb_emit_format format, bool confidential)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cb_err err = {0};

	if (cb_export_tree(st, format, confidential, f, &err) != CB_OK)
		fail_msg("export: %s", err.msg);
	fclose(f);
	return buf;
}

/* Row counts of every table plus the audit chain's head: equal means nothing changed. */
static char *snapshot(cb_store *st)
{
	strbuf sb = {0};
	char *head = tu_text(st, "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1");

	for (int i = 0; tables[i]; i++) {
		char *sql = xasprintf("SELECT count(*) FROM %s", tables[i]);
		sb_appendf(&sb, "%s=%lld ", tables[i], tu_int(st, sql));
		free(sql);
	}
	sb_appendf(&sb, "head=%s", head ? head : "none");
	free(head);
	return sb_take(&sb);
}

static long long total_rows(cb_store *st)
{
	long long n = 0;

	for (int i = 0; tables[i]; i++) {
		char *sql = xasprintf("SELECT count(*) FROM %s", tables[i]);
		n += tu_int(st, sql);
		free(sql);
	}
	return n;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static char *replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	strbuf sb = {0};

	assert_non_null(at);
	sb_appendn(&sb, text, (size_t)(at - text));
	sb_append(&sb, to);
	sb_append(&sb, at + strlen(from));
	return sb_take(&sb);
}

/* Runs a subcommand as the command line would, capturing its output. */
static int run_cmd(cb_store *st, int (*cmd)(cb_cli *, int, char **), char **argv, char **out,
		   char **err_text)
{
	size_t n1, n2;
	FILE *o = open_memstream(out, &n1), *e = open_memstream(err_text, &n2);
	cb_cli cli = {.db_path = cb_store_path(st), .forms_dir = TEST_FORMS, .actor = "tester",
		      .out = o, .err = e};
	int argc = 0, rc;

	while (argv[argc])
		argc++;
	rc = cmd(&cli, argc, argv);
	fclose(o);
	fclose(e);
	return rc;
}

/* ---- round trips ---- */

static void round_trip(enum cb_emit_format format, bool confidential)
{
	cb_store *a = tu_new_store(), *b = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	char *first, *second;

	import_good(a, &res);
	first = export_text(a, format, confidential);
	if (import_text(b, "export", first, &res, &problems) != CB_OK)
		fail_msg("re-importing the export: %s", problems.count ? problems.lines[0] : "?");
	second = export_text(b, format, confidential);
	assert_string_equal(first, second);
	assert_int_equal(res.imported[CB_R_NOTE], confidential ? 5 : 4);
	assert_true((strstr(first, "note-ada-2") != NULL) == confidential);
	free(first);
	free(second);
	cb_diag_free(&problems);
	cb_store_close(a);
	cb_store_close(b);
}

static void test_round_trip_yaml(void **state)
{
	round_trip(CB_EMIT_YAML, true);
	round_trip(CB_EMIT_YAML, false);
}

static void test_round_trip_json(void **state)
{
	round_trip(CB_EMIT_JSON, true);
	round_trip(CB_EMIT_JSON, false);
}

static void test_yaml_export_reads_like_the_contract(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	char *yaml;

	import_good(st, &res);
	yaml = export_text(st, CB_EMIT_YAML, true);
	assert_true(starts_with(yaml, "casebook: 1\nteams:\n- id: team-north\n  name: North Pod\n"));
	assert_non_null(strstr(yaml, "    referral_source: '111'\n"));
	assert_non_null(strstr(yaml, "      text: ''\n"));
	assert_non_null(strstr(yaml, "      text: 'Yes'\n"));
	assert_non_null(strstr(yaml, "  address: 12 Elm Road\n"));
	assert_non_null(strstr(yaml, "      on: 2025-01-20\n"));
	assert_non_null(strstr(yaml, "\n  attendees: [prac-ann, prac-sam]\n"));
	assert_non_null(strstr(yaml, "      text: |\n        First visit. Ada showed me her room.\n"
				     "          She said: \"it's fine\".\n"));
	assert_non_null(strstr(yaml, "        p_mental_health: 1\n"));
	free(yaml);
	cb_store_close(st);
}

static void test_json_export_has_numbers_and_booleans(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	char *json;

	import_good(st, &res);
	json = export_text(st, CB_EMIT_JSON, false);
	assert_true(starts_with(json, "{\n  \"casebook\": 1,\n  \"teams\": [\n"));
	assert_non_null(strstr(json, "\"active\": false"));
	assert_non_null(strstr(json, "\"duration\": 60,"));
	assert_non_null(strstr(json, "\"referral_source\": \"111\","));
	assert_non_null(strstr(json, "\"text\": \"Letter sent.\\tCopy to school.\\r\\nSigned: Zoë"));
	assert_non_null(strstr(json, "\"engagement_parent\": \"compliant\""));
	free(json);
	cb_store_close(st);
}

/* ---- re-import and conflicts ---- */

static void test_reimport_adds_nothing(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	char *before, *after;
	long total = 0;

	import_good(st, &res);
	for (int k = 0; k < CB_R_COUNT; k++)
		total += res.imported[k];
	assert_int_equal(total, RECORDS_IN_GOOD);
	assert_int_equal(res.skipped, 0);
	before = snapshot(st);
	import_good(st, &res);
	after = snapshot(st);
	assert_string_equal(before, after);
	for (int k = 0; k < CB_R_COUNT; k++)
		assert_int_equal(res.imported[k], 0);
	assert_int_equal(res.skipped, RECORDS_IN_GOOD);
	free(before);
	free(after);
	cb_store_close(st);
}

static void test_conflicting_reimport_changes_nothing(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	char *good = tu_read_file(GOOD, NULL), *before, *after;
	char *step = replace(good, "teams:\n", "teams:\n  - id: team-east\n    name: East Pod\n");
	char *bad = replace(step, "    name: North Pod\n", "    name: North Team\n");

	import_good(st, &res);
	before = snapshot(st);
	assert_int_equal(import_text(st, "conflict.yaml", bad, &res, &problems), CB_INVALID);
	assert_int_equal(problems.count, 1);
	assert_string_equal(problems.lines[0],
			    "conflict.yaml:6: team 'team-north' is already in the casebook with "
			    "different content (name); give the new record its own id, or make it "
			    "match");
	after = snapshot(st);
	assert_string_equal(before, after);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM teams WHERE id = 'team-east'"), 0);
	assert_int_equal(res.skipped, 0);
	free(good);
	free(step);
	free(bad);
	free(before);
	free(after);
	cb_diag_free(&problems);
	cb_store_close(st);
}

static void test_conflicting_note_and_answers_are_named(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	char *good = tu_read_file(GOOD, NULL);
	char *a = replace(good, "            duration: 60\n", "            duration: 45\n");
	char *b = replace(a, "              goal_2: 5\n", "              goal_2: 4\n");

	import_good(st, &res);
	assert_int_equal(import_text(st, "changed.yaml", b, &res, &problems), CB_INVALID);
	assert_int_equal(problems.count, 2);
	assert_non_null(strstr(problems.lines[0], "changed.yaml:76: note 'note-ada-1' is already "
						  "in the casebook with different content (duration)"));
	assert_non_null(strstr(problems.lines[1], ": assessment 'assess-ada-3' is already in the "
						  "casebook with different content (answers)"));
	free(good);
	free(a);
	free(b);
	cb_diag_free(&problems);
	cb_store_close(st);
}

/* ---- broken files ---- */

static void check_broken(const char *name)
{
	char *path = xasprintf("%s/%s", BROKEN, name);
	char *expected_path = xasprintf("%.*s.expected", (int)(strlen(path) - 5), path);
	char *text = tu_read_file(path, NULL), *expected = tu_read_file(expected_path, NULL);
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	strbuf got = {0};

	assert_non_null(text);
	if (expected == NULL)
		fail_msg("%s has no %s", name, expected_path);
	assert_int_equal(import_text(st, name, text, &res, &problems), CB_INVALID);
	for (size_t i = 0; i < problems.count; i++)
		sb_appendf(&got, "%s\n", problems.lines[i]);
	if (strcmp(sb_str(&got), expected) != 0)
		fail_msg("%s: expected\n%sgot\n%s", name, expected, sb_str(&got));
	assert_int_equal(total_rows(st), 0);
	sb_free(&got);
	cb_diag_free(&problems);
	cb_store_close(st);
	free(path);
	free(expected_path);
	free(text);
	free(expected);
}

static void test_broken_files_report_exact_problems(void **state)
{
	DIR *dir = opendir(BROKEN);
	struct dirent *de;
	int n = 0;

	assert_non_null(dir);
	while ((de = readdir(dir)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0) {
			check_broken(de->d_name);
			n++;
		}
	}
	closedir(dir);
	assert_true(n >= 20);
}

static void test_too_many_problems_stop_reading(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	strbuf sb = {0};

	sb_append(&sb, "casebook: 1\nteams:\n");
	for (int i = 0; i < 150; i++)
		sb_appendf(&sb, "  - id: t%d\n    name: ' '\n", i);
	assert_int_equal(import_text(st, "many.yaml", sb_str(&sb), &res, &problems), CB_INVALID);
	assert_int_equal(problems.count, 101);
	assert_string_equal(problems.lines[0], "many.yaml:4: name is blank; write it out, or leave "
					       "the key out if it is optional");
	assert_string_equal(problems.lines[100], "many.yaml: stopped after 100 problems; fix these "
						 "and import again");
	assert_int_equal(total_rows(st), 0);
	sb_free(&sb);
	cb_diag_free(&problems);
	cb_store_close(st);
}

static void test_file_problems(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	cb_err err = {0};

	assert_int_equal(cb_import_file(st, "/nonexistent/x.yaml", &opts, &res, &problems, &err),
			 CB_NOT_FOUND);
	assert_non_null(strstr(err.msg, "cannot read /nonexistent/x.yaml"));
	assert_int_equal(import_text(st, "empty.yaml", "", &res, &problems), CB_INVALID);
	assert_string_equal(problems.lines[0], "empty.yaml:1: the file is empty; a caseload file "
					       "starts with 'casebook: 1'");
	cb_diag_free(&problems);
	cb_store_close(st);
}

/* ---- what import keeps and computes ---- */

static char *score(cb_store *st, const char *assessment, const char *scale)
{
	char *sql = xasprintf("SELECT CASE WHEN score IS NULL THEN 'none' ELSE printf('%%.4f', score) END "
			      "|| '|' || answered "
			      "|| '|' || applicable FROM assessment_scores WHERE assessment_id = "
			      "'%s' AND scale = '%s'", assessment, scale);
	char *v = tu_text(st, sql);

	free(sql);
	return v ? v : xstrdup("missing");
}

#define SCORE(id, scale, want)                      \
	do {                                        \
		char *got_ = score(st, id, scale);  \
		assert_string_equal(got_, want);    \
		free(got_);                         \
	} while (0)

static void test_scores_are_computed_on_import(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;

	import_good(st, &res);
	/* Ada is 12 on 2025-01-20: child sections apply (19 risk, 10 protective, 2 engagement).
	 * Ticked risk: p_mental_health, c_low_attendance, f_family_stress (weight -1 each);
	 * protective: p_empathy_for_child, c_engagement_at_school, f_supportive_network;
	 * engagement: compliant (1) + tokenistic (-1). */
	SCORE("assess-ada-1", "risk", "-3.0000|19|19");
	SCORE("assess-ada-1", "protective", "3.0000|10|10");
	SCORE("assess-ada-1", "engagement", "0.0000|2|2");
	SCORE("assess-ada-1", "total", "0.0000|31|31");
	/* Later: 1 risk, 3 protective, collaborative twice (2 + 2). */
	SCORE("assess-ada-2", "total", "6.0000|31|31");
	/* Tobi is 6: child sections left out (15 risk, 7 protective, 1 engagement). */
	SCORE("assess-tobi-1", "risk", "-1.0000|15|15");
	SCORE("assess-tobi-1", "protective", "0.0000|7|7");
	SCORE("assess-tobi-1", "engagement", "-2.0000|1|1");
	SCORE("assess-tobi-1", "total", "-3.0000|23|23");
	/* WAI: goal (6+5)/2, task 4, bond (7+6)/2, alliance = sum of the three means. */
	SCORE("assess-ada-3", "goal", "5.5000|2|4");
	SCORE("assess-ada-3", "task", "4.0000|1|4");
	SCORE("assess-ada-3", "bond", "6.5000|2|4");
	SCORE("assess-ada-3", "alliance", "16.0000|5|12");
	/* Practice observation: (4+5+5)/3 and (3+4)/2; overall not rated. */
	SCORE("assess-tobi-3", "relationship_building", "4.6667|3|3");
	SCORE("assess-tobi-3", "respectful_authority", "3.5000|2|2");
	SCORE("assess-tobi-3", "overall", "none|0|1");
	SCORE("assess-ada-4", "group_a", "1.0000|4|4");
	SCORE("assess-ada-4", "group_b", "2.0000|12|12");
	SCORE("assess-tobi-2", "wellbeing", "3.0000|1|1");
	assert_int_equal(tu_int(st, "SELECT count(*) FROM assessment_scores"), 28);
	cb_store_close(st);
}

static void test_metadata_is_kept_or_defaulted(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	char *v, *expect;

	import_good(st, &res);
	v = tu_text(st, "SELECT created_at || ' ' || created_by || ' ' || device_id || ' ' || "
			"updated_at FROM practitioners WHERE id = 'prac-old'");
	assert_string_equal(v, "2024-01-05T10:00:00.000Z prac-sam laptop-7 "
			       "2024-02-01T08:00:00.000Z-0003-laptop-7");
	free(v);
	v = tu_text(st, "SELECT created_at || ' ' || created_by || ' ' || device_id FROM teams "
			"WHERE id = 'team-north'");
	expect = xasprintf("2026-11-01T09:00:00.000Z tester %s", cb_store_device(st));
	assert_string_equal(v, expect);
	free(v);
	free(expect);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM people p JOIN family_members m ON "
				    "m.person_id = p.id WHERE p.created_at = m.created_at AND "
				    "p.updated_at = m.updated_at AND p.device_id = m.device_id"), 6);
	assert_int_equal(tu_int(st, "SELECT count(DISTINCT updated_at) FROM teams"), 2);
	v = tu_text(st, "SELECT content_hash FROM assessments WHERE id = 'assess-ada-4'");
	assert_string_equal(v, "0000000000000000000000000000000000000000000000000000000000000000");
	free(v);
	v = tu_text(st, "SELECT content_hash FROM assessments WHERE id = 'assess-ada-1'");
	assert_string_equal(v, cb_forms_find(&forms, "risk-framework")->content_hash);
	free(v);
	cb_store_close(st);
}

static void test_person_in_two_families(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_diag problems = {0};
	const char *text =
		"casebook: 1\nfamilies:\n"
		"  - {id: f1, ref: R1, name: One, people: [{id: p1, name: Pat, relationship: main_caregiver}]}\n"
		"  - {id: f2, ref: R2, name: Two, people: [{id: p1, name: Pat, relationship: other_adult}]}\n";

	assert_int_equal(import_text(st, "two.yaml", text, &res, &problems), CB_OK);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM people"), 1);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM family_members"), 2);
	assert_int_equal(res.imported[CB_R_PERSON], 1);
	assert_int_equal(res.skipped, 0);
	cb_store_close(st);
}

static void test_every_record_type_fits_the_reader(void **state)
{
	for (int k = 0; k < CB_R_COUNT; k++)
		assert_true(cb_rectypes[k].n_fields < IMP_MAXF);
}

/* ---- confidentiality, CSV, show ---- */

static void test_confidential_notes_need_a_reason(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	char *plain_argv[] = {"export", NULL};
	char *open_argv[] = {"export", "--format", "json", "--include-confidential",
			     "court order 2026/17", NULL};
	char *out = NULL, *err = NULL, *scope;

	import_good(st, &res);
	assert_int_equal(run_cmd(st, cb_cmd_export, plain_argv, &out, &err), CB_EXIT_OK);
	assert_null(strstr(out, "note-ada-2"));
	assert_null(strstr(out, "amend-1"));
	assert_non_null(strstr(out, "amend-2"));
	assert_int_equal(tu_int(st, "SELECT count(*) FROM disclosures"), 0);
	free(out);
	free(err);
	assert_int_equal(run_cmd(st, cb_cmd_export, open_argv, &out, &err), CB_EXIT_OK);
	assert_non_null(strstr(out, "\"id\": \"note-ada-2\""));
	assert_non_null(strstr(out, "\"id\": \"amend-1\""));
	assert_int_equal(tu_int(st, "SELECT count(*) FROM disclosures WHERE actor = 'tester' AND "
				    "reason = 'court order 2026/17'"), 1);
	scope = tu_text(st, "SELECT scope FROM disclosures");
	assert_string_equal(scope, "export to json (standard output): 1 confidential note "
				   "(note-ada-2) with 1 amendment");
	assert_int_equal(tu_int(st, "SELECT count(*) FROM audit_log WHERE tbl = 'disclosures'"), 1);
	free(scope);
	free(out);
	free(err);
	cb_store_close(st);
}

static void test_export_usage_errors(void **state)
{
	cb_store *st = tu_new_store();
	char *csv_argv[] = {"export", "--format", "csv", NULL};
	char *fmt_argv[] = {"export", "--format", "xml", NULL};
	char *why_argv[] = {"export", "--include-confidential", " ", NULL};
	char *out = NULL, *err = NULL;

	assert_int_equal(run_cmd(st, cb_cmd_export, csv_argv, &out, &err), CB_EXIT_USAGE);
	assert_non_null(strstr(err, "name the folder with --out DIR"));
	free(out);
	free(err);
	assert_int_equal(run_cmd(st, cb_cmd_export, fmt_argv, &out, &err), CB_EXIT_USAGE);
	assert_non_null(strstr(err, "unknown export format 'xml'; use yaml, json or csv"));
	free(out);
	free(err);
	assert_int_equal(run_cmd(st, cb_cmd_export, why_argv, &out, &err), CB_EXIT_USAGE);
	assert_non_null(strstr(err, "--include-confidential needs a reason"));
	free(out);
	free(err);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM disclosures"), 0);
	cb_store_close(st);
}

static void test_csv_is_rfc4180(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	cb_err err = {0};
	char *dir = tu_tempdir(), *path, *notes, *amends;

	import_good(st, &res);
	assert_int_equal(cb_export_csv(st, dir, false, &err), CB_OK);
	path = xasprintf("%s/notes.csv", dir);
	notes = tu_read_file(path, NULL);
	free(path);
	assert_non_null(notes);
	assert_true(starts_with(notes, "id,case_id,contact_type,occurred_at,duration_minutes,"
				       "present,child_seen,child_seen_alone,worries,working_well,"
				       "needs_to_happen,body,confidential,created_at,created_by,"
				       "device_id\r\n"));
	assert_non_null(strstr(notes, ",60,\"Ada, mother (Grace)\",1,1,"));
	assert_non_null(strstr(notes, "\"First visit. Ada showed me her room.\n  She said: "
				      "\"\"it's fine\"\".\nGrace asked for help with mornings.\n\""));
	assert_non_null(strstr(notes, ",phone,2025-02-10T09:05,,,0,0,,,,\"\",0,"));
	assert_null(strstr(notes, "note-ada-2"));
	path = xasprintf("%s/note_amendments.csv", dir);
	amends = tu_read_file(path, NULL);
	free(path);
	assert_null(strstr(amends, "amend-1"));
	assert_non_null(strstr(amends, "amend-2"));
	path = xasprintf("%s/assessment_scores.csv", dir);
	free(notes);
	notes = tu_read_file(path, NULL);
	assert_non_null(strstr(notes, "assess-tobi-3,overall,,0,1\r\n"));
	free(path);
	free(notes);
	free(amends);
	free(dir);
	cb_store_close(st);
}

static void test_show_case(void **state)
{
	cb_store *st = tu_new_store();
	cb_import_result res;
	char *text_argv[] = {"show", "case", "case-ada-1", NULL};
	char *json_argv[] = {"show", "case", "case-tobi-1", "--format", "json", NULL};
	char *none_argv[] = {"show", "case", "case-zed", NULL};
	char *out = NULL, *err = NULL;

	import_good(st, &res);
	assert_int_equal(run_cmd(st, cb_cmd_show, text_argv, &out, &err), CB_EXIT_OK);
	assert_non_null(strstr(out, "child         Ada Okafor (person-ada), born 2012-05-01, age 14\n"));
	assert_non_null(strstr(out, "status        closed on 2025-10-01: Goals achieved"));
	assert_non_null(strstr(out, "  Grace Okafor  person-grace  main_caregiver  age 41\n"));
	assert_non_null(strstr(out, "  cin         2025-01-20 to 2025-06-01 18 weeks\n"));
	assert_non_null(strstr(out, "notes 4 (1 confidential), goals 2 (1 active, 1 achieved, 0 dropped)"));
	assert_non_null(strstr(out, "    total                  worker        2025-01-20 0 -> "
				    "2025-09-20 6  (2 assessments; higher is safer)\n"));
	assert_non_null(strstr(out, "2025-03-01 5.5 -> 2025-03-01 5.5  (1 assessment; higher is "
				    "better) rated by Grace Okafor\n"));
	free(out);
	free(err);
	assert_int_equal(run_cmd(st, cb_cmd_show, json_argv, &out, &err), CB_EXIT_OK);
	assert_non_null(strstr(out, "\"age\": 7"));
	assert_non_null(strstr(out, "\"weeks\": 35,"));
	assert_non_null(strstr(out, "\"direction\": \"higher is safer\""));
	free(out);
	free(err);
	assert_int_equal(run_cmd(st, cb_cmd_show, none_argv, &out, &err), CB_EXIT_ERROR);
	assert_non_null(strstr(err, "there is no case 'case-zed' in this casebook"));
	free(out);
	free(err);
	cb_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_yaml),
		cmocka_unit_test(test_round_trip_json),
		cmocka_unit_test(test_yaml_export_reads_like_the_contract),
		cmocka_unit_test(test_json_export_has_numbers_and_booleans),
		cmocka_unit_test(test_reimport_adds_nothing),
		cmocka_unit_test(test_conflicting_reimport_changes_nothing),
		cmocka_unit_test(test_conflicting_note_and_answers_are_named),
		cmocka_unit_test(test_broken_files_report_exact_problems),
		cmocka_unit_test(test_too_many_problems_stop_reading),
		cmocka_unit_test(test_file_problems),
		cmocka_unit_test(test_scores_are_computed_on_import),
		cmocka_unit_test(test_metadata_is_kept_or_defaulted),
		cmocka_unit_test(test_person_in_two_families),
		cmocka_unit_test(test_every_record_type_fits_the_reader),
		cmocka_unit_test(test_confidential_notes_need_a_reason),
		cmocka_unit_test(test_export_usage_errors),
		cmocka_unit_test(test_csv_is_rfc4180),
		cmocka_unit_test(test_show_case),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
