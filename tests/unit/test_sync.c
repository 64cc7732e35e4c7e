/* test_sync.c: bundles between laptops and the hub: scope, conflicts, resolution, eviction, refusals. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/export.h"
#include "core/clock.h"
#include "core/mem.h"
#include "store/drafts.h"
#include "store/records.h"
#include "sync/bundle.h"
#include "sync/sync.h"
#include "synctest.h"

typedef struct team {
	char *dir;
	cb_store *hub, *ann, *ben;
} team;

static int64_t now_ms = 1790000000000;

/* Moves the fixed clock on, as time passes between edits. */
static void tick(void)
{
	now_ms += 1000;
	cb_clock_fix(now_ms);
}

static team *team_new(void)
{
	team *t = xcalloc(1, sizeof *t);

	tick();
	t->dir = tu_tempdir();
	t->hub = sy_hub_new(t->dir, 4);
	t->ann = sy_laptop_new(t->hub, t->dir, "ann", "prac-1");
	t->ben = sy_laptop_new(t->hub, t->dir, "ben", "prac-2");
	return t;
}

static void team_free(team *t)
{
	cb_store_close(t->hub);
	cb_store_close(t->ann);
	cb_store_close(t->ben);
	free(t->dir);
	free(t);
	cb_clock_fix(-1);
}

static void assert_holds_scope(team *t, cb_store *laptop, const char *prac)
{
	char *want = sy_dump(t->hub, prac), *got = sy_dump(laptop, NULL);

	assert_string_equal(got, want);
	free(want);
	free(got);
}

struct note_arg {
	const char *case_id, *body;
};

static void add_note(cb_store *st, void *arg)
{
	const struct note_arg *n = arg;
	char id[CB_UUID_LEN + 1] = "";
	cb_field f[] = {{"case_id", n->case_id}, {"contact_type", "home_visit"},
			{"occurred_at", "2026-03-01T10:00"}, {"body", n->body}};
	cb_err err = {0};

	if (cb_record_insert(st, "notes", id, f, 4, &err))
		fail_msg("%s", err.msg);
}

struct edit_arg {
	const char *table, *id, *column, *value;
};

static void edit(cb_store *st, void *arg)
{
	const struct edit_arg *e = arg;

	sy_update(st, e->table, e->id, e->column, e->value);
}

static void set(cb_store *st, const char *table, const char *id, const char *column,
		const char *value)
{
	struct edit_arg e = {table, id, column, value};

	tick();
	sy_write(st, edit, &e);
}

/* ---- what travels ---- */

static void test_laptop_holds_only_its_caseload(void **state)
{
	team *t = team_new();

	assert_holds_scope(t, t->ann, "prac-1");
	assert_holds_scope(t, t->ben, "prac-2");
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM cases"), 2);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM families"), 2);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM practitioners"), 3);
	assert_int_equal(tu_int(t->ann, "PRAGMA foreign_key_check"), -1);
	team_free(t);
}

static void test_notes_travel_both_ways_and_are_audited_with_their_device(void **state)
{
	team *t = team_new();
	struct note_arg from_ann = {"case-1", "seen at home"}, from_hub = {"case-1", "supervisor"};
	char *sql;

	sy_write(t->ann, add_note, &from_ann);
	sy_write(t->hub, add_note, &from_hub);
	assert_int_equal(cb_sync_pending(t->ann), 1);
	sy_exchange(t->hub, t->ann, t->dir);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM notes"), 2);
	assert_holds_scope(t, t->ann, "prac-1");
	assert_int_equal(cb_sync_pending(t->ann), 0);
	sql = xasprintf("SELECT count(*) FROM audit_log WHERE tbl = 'notes' AND device_id = '%s'"
			" AND actor = 'sync:prac-1'", cb_store_device(t->ann));
	assert_int_equal(tu_int(t->hub, sql), 1);
	free(sql);
	sql = xasprintf("SELECT count(*) FROM audit_log WHERE tbl = 'notes' AND device_id = '%s'"
			" AND actor = 'sync:hub'", cb_store_device(t->hub));
	assert_int_equal(tu_int(t->ann, sql), 1);
	free(sql);
	team_free(t);
}

static void test_same_bundle_twice_and_old_bundles_change_nothing(void **state)
{
	team *t = team_new();
	struct note_arg n = {"case-1", "one"};
	char *first, *second, *before, *after;
	cb_sync_report r;
	cb_err err = {0};

	sy_write(t->ann, add_note, &n);
	first = sy_export(t->ann, NULL, t->dir);
	n.body = "two";
	sy_write(t->ann, add_note, &n);
	second = sy_export(t->ann, NULL, t->dir);
	sy_import(t->hub, second);
	before = sy_dump(t->hub, NULL);
	assert_int_equal(cb_sync_import(t->hub, first, &r, &err), CB_OK);
	assert_true(r.replay);
	assert_non_null(strstr(r.notes.lines[0], "imported before"));
	cb_sync_report_free(&r);
	assert_int_equal(cb_sync_import(t->hub, second, &r, &err), CB_OK);
	assert_true(r.replay);
	cb_sync_report_free(&r);
	after = sy_dump(t->hub, NULL);
	assert_string_equal(before, after);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM notes"), 2);
	free(before);
	free(after);
	free(first);
	free(second);
	team_free(t);
}

/* ---- conflicts ---- */

static char *goal_of(cb_store *st, const char *case_id)
{
	char *sql = xasprintf("SELECT id FROM goals WHERE case_id = '%s'", case_id);
	char *id = tu_text(st, sql);

	free(sql);
	return id;
}

static void test_same_field_edits_keep_the_later_and_record_the_other(void **state)
{
	team *t = team_new();
	char *goal = goal_of(t->hub, "case-1"), *sql;

	set(t->ann, "goals", goal, "text", "ann's wording");
	set(t->hub, "goals", goal, "text", "supervisor's wording");
	sy_exchange(t->hub, t->ann, t->dir);
	sy_exchange(t->hub, t->ann, t->dir);
	sql = xasprintf("SELECT text FROM goals WHERE id = '%s'", goal);
	char *hub_text = tu_text(t->hub, sql), *ann_text = tu_text(t->ann, sql);
	assert_string_equal(hub_text, "supervisor's wording");
	assert_string_equal(ann_text, "supervisor's wording");
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM sync_conflicts WHERE kind = 'same_field'"
					" AND fields = 'text' AND json_extract(loser, '$.text') ="
					" 'ann''s wording'"), 1);
	assert_holds_scope(t, t->ann, "prac-1");
	free(hub_text);
	free(ann_text);
	free(sql);
	free(goal);
	team_free(t);
}

static void test_conflict_found_on_the_laptop_reaches_the_hub(void **state)
{
	team *t = team_new();
	char *down, *up;

	set(t->ann, "cases", "case-1", "need", "N6");
	set(t->hub, "cases", "case-1", "need", "N4");
	down = sy_export(t->hub, t->ann, t->dir);
	sy_import(t->ann, down); /* Ann's edit loses here: the hub has not seen it */
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM sync_conflicts"), 1);
	up = sy_export(t->ann, NULL, t->dir);
	sy_import(t->hub, up);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM sync_conflicts WHERE tbl = 'cases'"
					" AND json_extract(loser, '$.need') = 'N6'"),
			 1);
	sy_exchange(t->hub, t->ann, t->dir);
	assert_holds_scope(t, t->ann, "prac-1");
	free(down);
	free(up);
	team_free(t);
}

static void test_edits_of_different_fields_are_parallel(void **state)
{
	team *t = team_new();
	char *goal = goal_of(t->hub, "case-1");

	set(t->ann, "goals", goal, "text", "ann's wording");
	set(t->hub, "goals", goal, "status", "achieved");
	sy_exchange(t->hub, t->ann, t->dir);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM sync_conflicts WHERE kind = 'parallel'"),
			 1);
	free(goal);
	team_free(t);
}

static void test_edit_on_top_of_a_synced_version_is_no_conflict(void **state)
{
	team *t = team_new();
	char *goal = goal_of(t->hub, "case-1");

	set(t->hub, "goals", goal, "text", "from the hub");
	sy_exchange(t->hub, t->ann, t->dir);
	set(t->ann, "goals", goal, "text", "ann builds on it");
	sy_exchange(t->hub, t->ann, t->dir);
	set(t->hub, "goals", goal, "status", "achieved");
	sy_exchange(t->hub, t->ann, t->dir);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM sync_conflicts"), 0);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM sync_conflicts"), 0);
	assert_holds_scope(t, t->ann, "prac-1");
	free(goal);
	team_free(t);
}

static char *only_conflict(cb_store *st)
{
	return tu_text(st, "SELECT id FROM sync_conflicts WHERE status = 'open'");
}

static void test_resolving_keeps_one_or_merges(void **state)
{
	team *t = team_new();
	char *goal = goal_of(t->hub, "case-1"), *id, *sql;
	const char *fields[] = {"status"};
	cb_err err = {0};

	set(t->ann, "goals", goal, "text", "ann's wording");
	set(t->ann, "goals", goal, "status", "dropped");
	set(t->hub, "goals", goal, "text", "hub wording");
	set(t->hub, "goals", goal, "status", "achieved");
	sy_exchange(t->hub, t->ann, t->dir);
	id = only_conflict(t->hub);
	assert_non_null(id);
	tick();
	assert_int_equal(cb_conflict_resolve(t->hub, id, CB_KEEP_MERGE, fields, 1, &err), CB_OK);
	sql = xasprintf("SELECT text || '/' || status FROM goals WHERE id = '%s'", goal);
	char *merged = tu_text(t->hub, sql);
	assert_string_equal(merged, "hub wording/dropped");
	assert_int_equal(cb_conflict_resolve(t->hub, id, CB_KEEP_MINE, NULL, 0, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "already resolved"));
	sy_exchange(t->hub, t->ann, t->dir);
	char *there = tu_text(t->ann, sql);
	assert_string_equal(there, "hub wording/dropped");
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM sync_conflicts WHERE status = 'resolved'"
					" AND resolution = 'merged'"), 1);
	assert_holds_scope(t, t->ann, "prac-1");
	free(merged);
	free(there);
	free(sql);
	free(id);
	free(goal);
	team_free(t);
}

static void test_keep_theirs_brings_the_other_version_back(void **state)
{
	team *t = team_new();
	char *id;
	cb_conflict_field *f = NULL;
	cb_conflict c;
	size_t n = 0;
	cb_err err = {0};

	set(t->ann, "cases", "case-1", "referral_source", "health visitor");
	set(t->hub, "cases", "case-1", "referral_source", "police");
	sy_exchange(t->hub, t->ann, t->dir);
	id = only_conflict(t->hub);
	assert_int_equal(cb_conflict_load(t->hub, id, &c, &err), CB_OK);
	assert_int_equal(cb_conflict_fields(t->hub, &c, &f, &n, &err), CB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].mine, "police");
	assert_string_equal(f[0].theirs, "health visitor");
	tick();
	assert_int_equal(cb_conflict_resolve(t->hub, id, CB_KEEP_THEIRS, NULL, 0, &err), CB_OK);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM cases WHERE id = 'case-1'"
					" AND referral_source = 'health visitor'"), 1);
	cb_conflict_fields_free(f, n);
	cb_conflict_clear(&c);
	free(id);
	team_free(t);
}

/* ---- reallocation ---- */

static void test_reallocated_case_leaves_once_its_changes_are_on_the_hub(void **state)
{
	team *t = team_new();
	struct note_arg n = {"case-1", "written before the news"};
	char *up, *down;

	set(t->hub, "cases", "case-1", "practitioner_id", "prac-2");
	sy_write(t->ann, add_note, &n);
	down = sy_export(t->hub, t->ann, t->dir);
	sy_import(t->ann, down); /* the hub does not know Ann holds case-1: no drop yet */
	free(down);
	up = sy_export(t->ann, NULL, t->dir);
	sy_import(t->hub, up);
	free(up);
	down = sy_export(t->hub, t->ann, t->dir);
	sy_import(t->ann, down);
	free(down);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM cases WHERE id = 'case-1'"), 0);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'news'"),
			 0);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM notes WHERE body = 'written before the"
					" news'"), 1);
	assert_holds_scope(t, t->ann, "prac-1");
	sy_exchange(t->hub, t->ben, t->dir);
	assert_holds_scope(t, t->ben, "prac-2");
	team_free(t);
}

static void test_pending_change_keeps_a_reallocated_case(void **state)
{
	team *t = team_new();
	struct note_arg n = {"case-1", "late note"};
	char *up, *down;
	cb_sync_report r;
	cb_err err = {0};

	sy_exchange(t->hub, t->ann, t->dir); /* the hub learns Ann holds her cases */
	set(t->hub, "cases", "case-1", "practitioner_id", "prac-2");
	sy_write(t->ann, add_note, &n);
	down = sy_export(t->hub, t->ann, t->dir);
	assert_int_equal(cb_sync_import(t->ann, down, &r, &err), CB_OK);
	assert_int_equal(r.evicted, 0);
	assert_non_null(strstr(r.notes.lines[0], "stays on this laptop"));
	cb_sync_report_free(&r);
	up = sy_export(t->ann, NULL, t->dir);
	sy_import(t->hub, up);
	sy_exchange(t->hub, t->ann, t->dir);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM cases WHERE id = 'case-1'"), 0);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM notes WHERE body = 'late note'"), 1);
	assert_holds_scope(t, t->ann, "prac-1");
	free(up);
	free(down);
	team_free(t);
}

static void test_draft_keeps_a_reallocated_case(void **state)
{
	team *t = team_new();
	const char *keys[] = {"text"}, *values[] = {"half a note"};
	cb_err err = {0};

	sy_exchange(t->hub, t->ann, t->dir);
	assert_int_equal(cb_draft_save(t->ann, "note", "case-1", "Note", keys, values, 1, &err),
			 CB_OK);
	set(t->hub, "cases", "case-1", "practitioner_id", "prac-2");
	sy_exchange(t->hub, t->ann, t->dir);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM cases WHERE id = 'case-1'"), 1);
	assert_int_equal(cb_draft_delete(t->ann, "note", "case-1", &err), CB_OK);
	sy_exchange(t->hub, t->ann, t->dir);
	assert_int_equal(tu_int(t->ann, "SELECT count(*) FROM cases WHERE id = 'case-1'"), 0);
	assert_holds_scope(t, t->ann, "prac-1");
	team_free(t);
}

/* ---- family references given twice ---- */

static void new_family(cb_store *st, void *arg)
{
	char fam[CB_UUID_LEN + 1] = "", child[CB_UUID_LEN + 1] = "", kase[CB_UUID_LEN + 1] = "";
	const char *prac = arg;
	cb_err err = {0};

	if (cb_record_insert(st, "families", fam,
			     (cb_field[]){{"family_ref", "FAM-0099"}, {"name", "New"}}, 2, &err) ||
	    cb_record_insert(st, "people", child, (cb_field[]){{"name", "Kid"}}, 1, &err) ||
	    cb_record_insert(st, "cases", kase,
			     (cb_field[]){{"family_id", fam}, {"child_id", child},
					  {"referred_on", "2026-02-01"}, {"referral_source", "gp"},
					  {"need", "N2"}, {"practitioner_id", prac}},
			     6, &err))
		fail_msg("%s", err.msg);
}

static void test_family_reference_given_twice_is_made_unique(void **state)
{
	team *t = team_new();

	sy_write(t->ann, new_family, "prac-1");
	sy_write(t->ben, new_family, "prac-2");
	sy_exchange(t->hub, t->ann, t->dir);
	sy_exchange(t->hub, t->ben, t->dir);
	sy_exchange(t->hub, t->ann, t->dir);
	sy_exchange(t->hub, t->ben, t->dir);
	assert_int_equal(tu_int(t->hub, "SELECT count(*) FROM families WHERE family_ref LIKE"
					" 'FAM-0099%'"), 2);
	assert_int_equal(tu_int(t->hub, "SELECT count(DISTINCT family_ref) FROM families"),
			 tu_int(t->hub, "SELECT count(*) FROM families"));
	assert_holds_scope(t, t->ann, "prac-1");
	assert_holds_scope(t, t->ben, "prac-2");
	team_free(t);
}

/* ---- refusals: each changes nothing ---- */

static char *canonical(cb_store *st)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cb_err err = {0};

	if (cb_export_tree(st, CB_EMIT_YAML, true, f, &err))
		fail_msg("%s", err.msg);
	fprintf(f, "audit entries: %lld\nhistory: %lld\n",
		tu_int(st, "SELECT count(*) FROM audit_log"),
		tu_int(st, "SELECT count(*) FROM sync_history"));
	fclose(f);
	return buf;
}

static unsigned char *read_bytes(const char *path, size_t *len)
{
	return (unsigned char *)tu_read_file(path, len);
}

static char *write_bytes(const char *dir, const char *name, const unsigned char *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fwrite(data, 1, len, f);
	fclose(f);
	return path;
}

/* Imports path into st, expecting a refusal whose message holds `says`, and no change. */
static void assert_refused(cb_store *st, const char *path, const char *says)
{
	char *before = canonical(st), *after;
	cb_sync_report r;
	cb_err err = {0};

	assert_int_not_equal(cb_sync_import(st, path, &r, &err), CB_OK);
	if (strstr(err.msg, says) == NULL)
		fail_msg("expected \"%s\" in: %s", says, err.msg);
	cb_sync_report_free(&r);
	after = canonical(st);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static char *bundle_with_a_note(team *t)
{
	struct note_arg n = {"case-1", "tamper target"};

	sy_write(t->ann, add_note, &n);
	return sy_export(t->ann, NULL, t->dir);
}

static void test_flipped_bytes_are_refused(void **state)
{
	team *t = team_new();
	char *good = bundle_with_a_note(t), *bad;
	size_t len;
	unsigned char *bytes = read_bytes(good, &len);

	for (size_t at = len - 1; at > len / 2; at -= len / 7 + 1) {
		bytes[at] ^= 0x5a;
		bad = write_bytes(t->dir, "flipped.cbsync", bytes, len);
		assert_refused(t->hub, bad, "failed its authenticity check");
		bytes[at] ^= 0x5a;
		free(bad);
	}
	bytes[60] ^= 0x01; /* inside the header: the numbers it carries are authenticated too */
	bad = write_bytes(t->dir, "header.cbsync", bytes, len);
	assert_refused(t->hub, bad, "Nothing was changed");
	free(bad);
	sy_import(t->hub, good);
	free(bytes);
	free(good);
	team_free(t);
}

static void test_truncated_bundle_is_refused(void **state)
{
	team *t = team_new();
	char *good = bundle_with_a_note(t), *bad;
	size_t len;
	unsigned char *bytes = read_bytes(good, &len);

	bad = write_bytes(t->dir, "short.cbsync", bytes, len - 10);
	assert_refused(t->hub, bad, "is truncated: it should be");
	free(bad);
	bad = write_bytes(t->dir, "stub.cbsync", bytes, 20);
	assert_refused(t->hub, bad, "is truncated");
	free(bad);
	bad = write_bytes(t->dir, "empty.cbsync", bytes, 0);
	assert_refused(t->hub, bad, "not a casebook sync bundle");
	free(bad);
	free(bytes);
	free(good);
	team_free(t);
}

static void test_replay_changes_nothing(void **state)
{
	team *t = team_new();
	char *good = bundle_with_a_note(t), *before, *after;
	cb_sync_report r;
	cb_err err = {0};

	sy_import(t->hub, good);
	before = canonical(t->hub);
	assert_int_equal(cb_sync_import(t->hub, good, &r, &err), CB_OK);
	assert_true(r.replay);
	cb_sync_report_free(&r);
	after = canonical(t->hub);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(good);
	team_free(t);
}

static void test_bundle_from_another_hub_is_refused(void **state)
{
	team *t = team_new();
	char *dir = tu_tempdir();
	cb_store *other_hub = sy_hub_new(dir, 1);
	cb_store *stranger = sy_laptop_new(other_hub, dir, "stranger", "prac-1");
	char *bundle = sy_export(stranger, NULL, dir);

	assert_refused(t->hub, bundle, "comes from another hub");
	assert_refused(t->ann, bundle, "comes from another hub");
	free(bundle);
	bundle = sy_export(t->ben, NULL, t->dir);
	assert_refused(t->ann, bundle, "is meant for another device");
	free(bundle);
	cb_store_close(stranger);
	cb_store_close(other_hub);
	free(dir);
	team_free(t);
}

static void test_bundle_from_a_newer_casebook_is_refused(void **state)
{
	team *t = team_new();
	char *good = bundle_with_a_note(t), *bad;
	size_t len;
	unsigned char *bytes = read_bytes(good, &len);

	bytes[CB_BUNDLE_MAGIC_LEN] = CB_BUNDLE_FORMAT + 1;
	bad = write_bytes(t->dir, "newer.cbsync", bytes, len);
	assert_refused(t->hub, bad, "written by a newer casebook (bundle format 2");
	free(bad);
	bad = write_bytes(t->dir, "text.cbsync", (const unsigned char *)"casebook: 1\n", 12);
	assert_refused(t->hub, bad, "not a casebook sync bundle");
	free(bad);
	free(bytes);
	free(good);
	team_free(t);
}

static void test_enrolment_needs_the_code_and_an_empty_casebook(void **state)
{
	team *t = team_new();
	char *bundle = xasprintf("%s/enrol-again.cbsync", t->dir);
	cb_sync_enrolment e;
	cb_sync_report r;
	cb_store *fresh = tu_new_store();
	cb_err err = {0};

	assert_int_equal(cb_sync_enrol(t->hub, "prac-1", NULL, bundle, &e, &err), CB_OK);
	assert_string_equal(e.report.peer, "Ann's laptop");
	assert_int_equal(cb_sync_join(fresh, bundle, "00000-00000-00000-00000", &r, &err),
			 CB_INVALID);
	assert_non_null(strstr(err.msg, "the enrolment code does not open"));
	assert_int_equal(tu_int(fresh, "SELECT count(*) FROM meta WHERE key = 'sync_role'"), 0);
	assert_int_equal(cb_sync_join(fresh, bundle, "not a code", &r, &err), CB_INVALID);
	assert_int_equal(cb_sync_join(t->ben, bundle, e.code, &r, &err), CB_INVALID);
	assert_non_null(strstr(err.msg, "already a laptop"));
	assert_int_equal(cb_sync_join(fresh, bundle, e.code, &r, &err), CB_OK);
	assert_string_equal(cb_store_device(fresh), e.device_id);
	cb_sync_report_free(&r);
	cb_sync_report_free(&e.report);
	cb_store_close(fresh);
	free(bundle);
	team_free(t);
}

static void test_badge_counts_what_is_not_on_the_hub(void **state)
{
	team *t = team_new();
	struct note_arg n = {"case-1", "x"};
	char buf[64];

	assert_true(cb_sync_badge(t->ann, 40, buf, sizeof buf));
	assert_string_equal(buf, "synced");
	sy_write(t->ann, add_note, &n);
	assert_true(cb_sync_badge(t->ann, 40, buf, sizeof buf));
	assert_string_equal(buf, "1 to sync");
	assert_true(cb_sync_badge(t->ann, 7, buf, sizeof buf));
	assert_string_equal(buf, "sync 1");
	assert_true(cb_sync_badge(t->hub, 40, buf, sizeof buf));
	assert_string_equal(buf, "hub");
	cb_store *alone = tu_new_store();
	assert_false(cb_sync_badge(alone, 40, buf, sizeof buf));
	cb_store_close(alone);
	team_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_laptop_holds_only_its_caseload),
		cmocka_unit_test(test_notes_travel_both_ways_and_are_audited_with_their_device),
		cmocka_unit_test(test_same_bundle_twice_and_old_bundles_change_nothing),
		cmocka_unit_test(test_same_field_edits_keep_the_later_and_record_the_other),
		cmocka_unit_test(test_conflict_found_on_the_laptop_reaches_the_hub),
		cmocka_unit_test(test_edits_of_different_fields_are_parallel),
		cmocka_unit_test(test_edit_on_top_of_a_synced_version_is_no_conflict),
		cmocka_unit_test(test_resolving_keeps_one_or_merges),
		cmocka_unit_test(test_keep_theirs_brings_the_other_version_back),
		cmocka_unit_test(test_reallocated_case_leaves_once_its_changes_are_on_the_hub),
		cmocka_unit_test(test_pending_change_keeps_a_reallocated_case),
		cmocka_unit_test(test_draft_keeps_a_reallocated_case),
		cmocka_unit_test(test_family_reference_given_twice_is_made_unique),
		cmocka_unit_test(test_flipped_bytes_are_refused),
		cmocka_unit_test(test_truncated_bundle_is_refused),
		cmocka_unit_test(test_replay_changes_nothing),
		cmocka_unit_test(test_bundle_from_another_hub_is_refused),
		cmocka_unit_test(test_bundle_from_a_newer_casebook_is_refused),
		cmocka_unit_test(test_enrolment_needs_the_code_and_an_empty_casebook),
		cmocka_unit_test(test_badge_counts_what_is_not_on_the_hub),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
