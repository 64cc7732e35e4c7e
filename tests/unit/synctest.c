/* synctest.c: a sync team in temporary databases for the sync tests: hub, laptops, bundles, dumps. */
#include "synctest.h"

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/families.h"
#include "store/records.h"
#include "sync/sync.h"

#define CHECK(call)                                                                            \
	do {                                                                                   \
		cb_err err_ = {0};                                                             \
		if ((call) != CB_OK)                                                           \
			fail_msg("%s: %s", #call, err_.msg);                                   \
	} while (0)
#define E (&err_)

static cb_store *open_db(const char *path)
{
	cb_store *st = NULL;
	cb_err err = {0};

	if (cb_store_open(path, CB_STORE_CREATE, &st, &err))
		fail_msg("%s", err.msg);
	cb_store_set_actor(st, "tester");
	return st;
}

void sy_write(cb_store *st, void (*fn)(cb_store *, void *), void *arg)
{
	cb_err err = {0};

	if (cb_store_begin(st, &err))
		fail_msg("%s", err.msg);
	fn(st, arg);
	if (cb_store_commit(st, &err))
		fail_msg("%s", err.msg);
}

static void insert(cb_store *st, const char *table, char *id, const cb_field *f, size_t n)
{
	CHECK(cb_record_insert(st, table, id, f, n, E));
}

void sy_update(cb_store *st, const char *table, const char *id, const char *column,
	       const char *value)
{
	cb_field f = {column, value};

	CHECK(cb_record_update(st, table, id, &f, 1, E));
}

static void add_family(cb_store *st, int i)
{
	char fam[64], child[64], carer[64], kase[64], plan[64] = "", goal[64] = "", *ref = NULL;
	char name[64], prac[16];

	snprintf(fam, sizeof fam, "fam-%d", i);
	snprintf(child, sizeof child, "child-%d", i);
	snprintf(carer, sizeof carer, "carer-%d", i);
	snprintf(kase, sizeof kase, "case-%d", i);
	snprintf(name, sizeof name, "Family %d", i);
	snprintf(prac, sizeof prac, "prac-%d", (i + 1) % 2 + 1);
	CHECK(cb_family_next_ref(st, &ref, E));
	insert(st, "families", fam, (cb_field[]){{"family_ref", ref}, {"name", name}}, 2);
	insert(st, "people", child, (cb_field[]){{"name", "A child"}, {"born", "2015-01-01"}}, 2);
	insert(st, "people", carer, (cb_field[]){{"name", "A carer"}}, 1);
	CHECK(cb_family_member_insert(st, fam, child, "child", E));
	CHECK(cb_family_member_insert(st, fam, carer, "main_caregiver", E));
	insert(st, "cases", kase,
	       (cb_field[]){{"family_id", fam}, {"child_id", child}, {"referred_on", "2026-01-05"},
			    {"referral_source", "school"}, {"need", "N1"},
			    {"practitioner_id", prac}, {"team_id", "team-1"}},
	       7);
	insert(st, "plan_episodes", plan,
	       (cb_field[]){{"case_id", kase}, {"plan", "cin"}, {"started_on", "2026-01-10"}}, 3);
	insert(st, "goals", goal,
	       (cb_field[]){{"case_id", kase}, {"category", "other"}, {"owner", "family"},
			    {"text", "first goal"}, {"set_on", "2026-01-10"}},
	       5);
	free(ref);
}

static void seed_hub(cb_store *st, void *arg)
{
	int families = *(int *)arg;
	char team[64] = "team-1", p1[64] = "prac-1", p2[64] = "prac-2", ps[64] = "prac-s";

	insert(st, "teams", team, (cb_field[]){{"name", "North"}}, 1);
	insert(st, "practitioners", p1,
	       (cb_field[]){{"name", "Ann"}, {"role", "practitioner"}, {"team_id", team}}, 3);
	insert(st, "practitioners", p2,
	       (cb_field[]){{"name", "Ben"}, {"role", "practitioner"}, {"team_id", team}}, 3);
	insert(st, "practitioners", ps,
	       (cb_field[]){{"name", "Sam"}, {"role", "supervisor"}, {"team_id", team}}, 3);
	for (int i = 1; i <= families; i++)
		add_family(st, i);
}

cb_store *sy_hub_new(const char *dir, int families)
{
	char *path = xasprintf("%s/hub.db", dir), *hub = NULL;
	cb_store *st = open_db(path);

	sy_write(st, seed_hub, &families);
	CHECK(cb_sync_init_hub(st, NULL, &hub, E));
	free(hub);
	free(path);
	return st;
}

cb_store *sy_laptop_new(cb_store *hub, const char *dir, const char *name, const char *practitioner)
{
	char *bundle = xasprintf("%s/enrol-%s.cbsync", dir, name);
	char *path = xasprintf("%s/%s.db", dir, name);
	cb_sync_enrolment e;
	cb_sync_report r;
	cb_store *st;

	CHECK(cb_sync_enrol(hub, practitioner, name, bundle, &e, E));
	st = open_db(path);
	CHECK(cb_sync_join(st, bundle, e.code, &r, E));
	cb_store_set_actor(st, practitioner);
	cb_sync_report_free(&r);
	cb_sync_report_free(&e.report);
	free(bundle);
	free(path);
	return st;
}

char *sy_export(cb_store *from, cb_store *to, const char *dir)
{
	static unsigned counter;
	char *path = xasprintf("%s/bundle-%u.cbsync", dir, ++counter);
	cb_sync_report r;

	CHECK(cb_sync_export(from, to ? cb_store_device(to) : NULL, path, &r, E));
	cb_sync_report_free(&r);
	return path;
}

void sy_import(cb_store *st, const char *path)
{
	cb_sync_report r;

	CHECK(cb_sync_import(st, path, &r, E));
	cb_sync_report_free(&r);
}

void sy_exchange(cb_store *hub, cb_store *laptop, const char *dir)
{
	char *up = sy_export(laptop, NULL, dir);
	char *down;

	sy_import(hub, up);
	down = sy_export(hub, laptop, dir);
	sy_import(laptop, down);
	free(up);
	free(down);
}

/* ---- dumps ---- */

#define SCOPE "(SELECT id FROM cases WHERE practitioner_id = ?1 AND closed_on IS NULL)"
#define FAMS "(SELECT family_id FROM cases WHERE id IN " SCOPE ")"

static const struct {
	const char *table, *scope;
} dumped[] = {
	{"teams", "1"},
	{"practitioners", "1"},
	{"families", "id IN " FAMS},
	{"people", "id IN (SELECT person_id FROM family_members WHERE family_id IN " FAMS
		   ") OR id IN (SELECT child_id FROM cases WHERE id IN " SCOPE ")"},
	{"family_members", "family_id IN " FAMS},
	{"cases", "id IN " SCOPE},
	{"referrals", "case_id IN " SCOPE},
	{"plan_episodes", "case_id IN " SCOPE},
	{"notes", "case_id IN " SCOPE},
	{"note_amendments", "note_id IN (SELECT id FROM notes WHERE case_id IN " SCOPE ")"},
	{"assessments", "case_id IN " SCOPE},
	{"assessment_answers", "assessment_id IN (SELECT id FROM assessments WHERE case_id IN " SCOPE ")"},
	{"assessment_scores", "assessment_id IN (SELECT id FROM assessments WHERE case_id IN " SCOPE ")"},
	{"goals", "case_id IN " SCOPE},
	{"goal_reviews", "goal_id IN (SELECT id FROM goals WHERE case_id IN " SCOPE ")"},
	{"supervisions", "0"},
	{"supervision_actions", "0"},
	{"disclosures", "0"},
	{"sync_conflicts", "case_id IN " SCOPE " OR family_id IN " FAMS
			   " OR (case_id IS NULL AND family_id IS NULL)"},
};

static void dump_table(cb_store *st, const char *table, const char *scope, const char *prac,
		       strbuf *out)
{
	char *list = xasprintf("SELECT group_concat('quote(\"' || name || '\")', ' || ''|'' || ')"
			       " FROM pragma_table_info('%s')", table);
	char *cols = tu_text(st, list);
	char *sql = xasprintf("SELECT '%s|' || %s FROM \"%s\" WHERE %s ORDER BY 1", table, cols,
			      table, prac ? scope : "1");
	sqlite3_stmt *q = NULL;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(cb_store_db(st)));
	sqlite3_bind_text(q, 1, prac, -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW)
		sb_appendf(out, "%s\n", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	free(sql);
	free(cols);
	free(list);
}

char *sy_dump(cb_store *st, const char *practitioner)
{
	strbuf out = {0};

	for (size_t i = 0; i < sizeof dumped / sizeof dumped[0]; i++)
		dump_table(st, dumped[i].table, dumped[i].scope, practitioner, &out);
	return sb_take(&out);
}
