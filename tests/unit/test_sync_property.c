/* test_sync_property.c: three laptops and a hub edit at random and swap bundles in any order,
 * losing some and delivering some twice; afterwards every casebook holds the same records and
 * no edit made anywhere is lost. SYNC_SEEDS and SYNC_STEPS set how many runs and how long. */
#include "testutil.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/mem.h"
#include "store/families.h"
#include "store/records.h"
#include "sync/sync.h"
#include "synctest.h"

#define DEVICES 4 /* 0 is the hub */
#define DEFAULT_SEEDS 16
#define DEFAULT_STEPS 160

static const char *const prac_of[DEVICES] = {NULL, "prac-1", "prac-1", "prac-2"};

typedef struct mail {
	char *path;
	int to;
} mail;

typedef struct world {
	char *dir;
	cb_store *db[DEVICES];
	mail *mail;
	size_t n_mail, cap_mail;
	uint64_t rng;
	int64_t now;
	int step;
} world;

static uint64_t next(world *w)
{
	uint64_t z = (w->rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static int pick(world *w, int n)
{
	return n > 0 ? (int)(next(w) % (uint64_t)n) : 0;
}

static int chance(world *w, int percent)
{
	return pick(w, 100) < percent;
}

static void tick(world *w)
{
	w->now += 1 + pick(w, 3000);
	cb_clock_fix(w->now);
}

/* The k-th (random) value a query returns, or NULL if it returns none. */
static char *pick_row(world *w, cb_store *st, const char *sql)
{
	char *count_sql = xasprintf("SELECT count(*) FROM (%s)", sql), *row_sql, *v;
	long long n = tu_int(st, count_sql);

	free(count_sql);
	if (n <= 0)
		return NULL;
	row_sql = xasprintf("%s ORDER BY 1 LIMIT 1 OFFSET %d", sql, pick(w, (int)n));
	v = tu_text(st, row_sql);
	free(row_sql);
	return v;
}

static void insert(cb_store *st, const char *table, char *id, const cb_field *f, size_t n)
{
	cb_err err = {0};

	if (cb_record_insert(st, table, id, f, n, &err))
		fail_msg("%s: %s", table, err.msg);
}

/* ---- the edits ---- */

typedef struct edit {
	world *w;
	int d;
	char *target;
} edit;

#define OPEN_CASES "SELECT id FROM cases WHERE closed_on IS NULL"

static void op_note(cb_store *st, void *arg)
{
	edit *e = arg;
	char id[CB_UUID_LEN + 1] = "", body[64];

	snprintf(body, sizeof body, "note %d on device %d", e->w->step, e->d);
	insert(st, "notes", id,
	       (cb_field[]){{"case_id", e->target}, {"contact_type", "phone"},
			    {"occurred_at", "2026-03-01T10:00"}, {"body", body}},
	       4);
}

static void op_amend(cb_store *st, void *arg)
{
	edit *e = arg;
	char id[CB_UUID_LEN + 1] = "";

	insert(st, "note_amendments", id,
	       (cb_field[]){{"note_id", e->target}, {"reason", "typo"}, {"body", "corrected"}}, 3);
}

static void op_assess(cb_store *st, void *arg)
{
	edit *e = arg;
	char id[CB_UUID_LEN + 1] = "", *sql;

	insert(st, "assessments", id,
	       (cb_field[]){{"case_id", e->target}, {"instrument", "test"},
			    {"instrument_version", "1"}, {"content_hash", "h"},
			    {"assessed_on", "2026-03-02"}, {"rater", "worker"}},
	       6);
	sql = xasprintf("INSERT INTO assessment_answers VALUES ('%s', 'q1', '%d'), ('%s', 'q2', 'x');"
			"INSERT INTO assessment_scores VALUES ('%s', 'total', %d, 1, 1)",
			id, pick(e->w, 5), id, id, pick(e->w, 9));
	assert_int_equal(tu_exec(st, sql), SQLITE_OK);
	free(sql);
}

static void op_review(cb_store *st, void *arg)
{
	edit *e = arg;
	char id[CB_UUID_LEN + 1] = "", progress[8];
	static const char *const statuses[] = {"active", "achieved", "dropped"};

	snprintf(progress, sizeof progress, "%d", pick(e->w, 11));
	insert(st, "goal_reviews", id,
	       (cb_field[]){{"goal_id", e->target}, {"reviewed_on", "2026-03-03"},
			    {"progress", progress}},
	       3);
	if (chance(e->w, 40))
		sy_update(st, "goals", e->target, "status", statuses[pick(e->w, 3)]);
}

static void op_goal_text(cb_store *st, void *arg)
{
	edit *e = arg;
	char text[64];

	snprintf(text, sizeof text, "goal worded on device %d at step %d", e->d, e->w->step);
	sy_update(st, "goals", e->target, "text", text);
}

static void op_case_field(cb_store *st, void *arg)
{
	edit *e = arg;
	char value[64];

	if (chance(e->w, 50)) {
		snprintf(value, sizeof value, "N%d", pick(e->w, 10));
		sy_update(st, "cases", e->target, "need", value);
	} else {
		snprintf(value, sizeof value, "source %d from %d", e->w->step, e->d);
		sy_update(st, "cases", e->target, "referral_source", value);
	}
}

static void op_address(cb_store *st, void *arg)
{
	edit *e = arg;
	char value[64];

	snprintf(value, sizeof value, "%d Street %d", e->w->step, e->d);
	sy_update(st, "families", e->target, "address", value);
}

static void op_new_family(cb_store *st, void *arg)
{
	edit *e = arg;
	char fam[CB_UUID_LEN + 1] = "", kid[CB_UUID_LEN + 1] = "", kase[CB_UUID_LEN + 1] = "";
	char goal[CB_UUID_LEN + 1] = "", *ref = NULL;
	const char *prac = prac_of[e->d] ? prac_of[e->d] : (chance(e->w, 50) ? "prac-1" : "prac-2");
	cb_err err = {0};

	if (cb_family_next_ref(st, &ref, &err))
		fail_msg("%s", err.msg);
	insert(st, "families", fam, (cb_field[]){{"family_ref", ref}, {"name", "New family"}}, 2);
	insert(st, "people", kid, (cb_field[]){{"name", "New child"}}, 1);
	if (cb_family_member_insert(st, fam, kid, "child", &err))
		fail_msg("%s", err.msg);
	insert(st, "cases", kase,
	       (cb_field[]){{"family_id", fam}, {"child_id", kid}, {"referred_on", "2026-02-01"},
			    {"referral_source", "gp"}, {"need", "N2"}, {"practitioner_id", prac},
			    {"team_id", "team-1"}},
	       7);
	insert(st, "goals", goal,
	       (cb_field[]){{"case_id", kase}, {"category", "other"}, {"owner", "worker"},
			    {"text", "new goal"}, {"set_on", "2026-02-02"}},
	       5);
	free(ref);
}

static void op_reallocate(cb_store *st, void *arg)
{
	edit *e = arg;
	char *sql = xasprintf("SELECT practitioner_id FROM cases WHERE id = '%s'", e->target);
	char *now = tu_text(st, sql);

	sy_update(st, "cases", e->target, "practitioner_id",
		  now && strcmp(now, "prac-1") == 0 ? "prac-2" : "prac-1");
	free(now);
	free(sql);
}

static void op_close(cb_store *st, void *arg)
{
	edit *e = arg;
	cb_field f[] = {{"closed_on", "2026-06-01"}, {"closure_reason", "goals achieved"}};
	cb_err err = {0};

	if (cb_record_update(st, "cases", e->target, f, 2, &err))
		fail_msg("%s", err.msg);
}

/* ---- the world ---- */

static int tracing = -1;

static void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void trace(const char *fmt, ...)
{
	va_list ap;

	if (tracing < 0)
		tracing = getenv("SYNC_TRACE") != NULL;
	if (!tracing)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

static void do_edit(world *w, int d, const char *pool, void (*fn)(cb_store *, void *))
{
	edit e = {w, d, pool ? pick_row(w, w->db[d], pool) : NULL};

	if (pool && e.target == NULL)
		return;
	trace("step %d: device %d %s %s\n", w->step, d,
	      fn == op_note ? "note" : fn == op_amend ? "amend" : fn == op_assess ? "assess"
	      : fn == op_review ? "review" : fn == op_goal_text ? "goal text"
	      : fn == op_case_field ? "case field" : fn == op_address ? "address"
	      : fn == op_new_family ? "new family" : fn == op_reallocate ? "reallocate" : "close",
	      e.target ? e.target : "");
	sy_write(w->db[d], fn, &e);
	free(e.target);
}

static void resolve_one(world *w)
{
	char *id = pick_row(w, w->db[0], "SELECT id FROM sync_conflicts WHERE status = 'open'");
	char *fields = NULL, *first = NULL;
	cb_err err = {0};
	int how = pick(w, 3);

	if (id == NULL)
		return;
	if (how == 2) {
		char *sql = xasprintf("SELECT fields FROM sync_conflicts WHERE id = '%s'", id);
		fields = tu_text(w->db[0], sql);
		first = xstrdup(fields);
		first[strcspn(first, ",")] = '\0';
		free(sql);
	}
	const char *theirs[] = {first};
	/* A family reference renamed since may not be taken back, nor half of a closure: refused,
	 * and said why. */
	if (cb_conflict_resolve(w->db[0], id, (enum cb_conflict_keep)how, theirs, first ? 1 : 0,
				&err) &&
	    strstr(err.msg, "is another family's now") == NULL &&
	    strstr(err.msg, "would break a rule") == NULL)
		fail_msg("resolving %s: %s", id, err.msg);
	free(fields);
	free(first);
	free(id);
}

static void post(world *w, char *path, int to)
{
	if (w->n_mail == w->cap_mail) {
		w->cap_mail = w->cap_mail ? 2 * w->cap_mail : 16;
		w->mail = xreallocarray(w->mail, w->cap_mail, sizeof *w->mail);
	}
	w->mail[w->n_mail++] = (mail){path, to};
}

static void export_one(world *w)
{
	int laptop = 1 + pick(w, DEVICES - 1);

	if (chance(w, 50))
		post(w, sy_export(w->db[laptop], NULL, w->dir), 0);
	else
		post(w, sy_export(w->db[0], w->db[laptop], w->dir), laptop);
	trace("step %d: export %s -> %d\n", w->step, w->mail[w->n_mail - 1].path,
	      w->mail[w->n_mail - 1].to);
}

/* Delivers a random bundle; some are lost, some kept to be delivered again. */
static void deliver_one(world *w, int lose_percent, int again_percent)
{
	size_t i;
	mail m;

	if (w->n_mail == 0)
		return;
	i = (size_t)pick(w, (int)w->n_mail);
	m = w->mail[i];
	if (!chance(w, lose_percent)) {
		trace("step %d: import %s into %d\n", w->step, m.path, m.to);
		sy_import(w->db[m.to], m.path);
	} else {
		trace("step %d: lose %s\n", w->step, m.path);
	}
	if (chance(w, again_percent))
		return;
	w->mail[i] = w->mail[--w->n_mail];
	free(m.path);
}

static void random_step(world *w)
{
	int d = pick(w, DEVICES), r = pick(w, 100);

	tick(w);
	if (r < 14)
		do_edit(w, d, OPEN_CASES, op_note);
	else if (r < 18)
		do_edit(w, d, "SELECT id FROM notes", op_amend);
	else if (r < 22)
		do_edit(w, d, OPEN_CASES, op_assess);
	else if (r < 28)
		do_edit(w, d, "SELECT id FROM goals WHERE case_id IN (" OPEN_CASES ")", op_review);
	else if (r < 35)
		do_edit(w, d, "SELECT id FROM goals WHERE case_id IN (" OPEN_CASES ")", op_goal_text);
	else if (r < 42)
		do_edit(w, d, OPEN_CASES, op_case_field);
	else if (r < 45)
		do_edit(w, d, "SELECT id FROM families", op_address);
	else if (r < 48)
		do_edit(w, d, NULL, op_new_family);
	else if (r < 51)
		do_edit(w, 0, OPEN_CASES, op_reallocate);
	else if (r < 52)
		do_edit(w, 0, OPEN_CASES, op_close);
	else if (r < 55)
		resolve_one(w);
	else if (r < 75)
		export_one(w);
	else
		deliver_one(w, 15, 25);
}

static void settle(world *w)
{
	while (w->n_mail > 0)
		deliver_one(w, 0, 10);
	for (int round = 0; round < 4; round++)
		for (int l = 1; l < DEVICES; l++) {
			tick(w);
			sy_exchange(w->db[0], w->db[l], w->dir);
		}
}

/* ---- the checks ---- */

static void assert_sound(cb_store *st)
{
	cb_diag problems = {0};
	cb_err err = {0};

	if (cb_store_check(st, &problems, &err) != CB_OK)
		fail_msg("%s: %s", cb_store_path(st), problems.count ? problems.lines[0] : err.msg);
}

static void assert_same_content(world *w, unsigned seed)
{
	for (int l = 1; l < DEVICES; l++) {
		char *want = sy_dump(w->db[0], prac_of[l]), *got = sy_dump(w->db[l], NULL);
		if (strcmp(want, got) != 0) {
			fprintf(stderr, "seed %u: laptop %d differs from the hub\n--- hub ---\n%s\n"
					"--- laptop ---\n%s\n", seed, l, want, got);
			fail_msg("seed %u: laptop %d differs from the hub", seed, l);
		}
		free(want);
		free(got);
	}
}

/* Versions made by local edits on st, and the versions those edits replaced, into mem. */
static void collect_versions(sqlite3 *mem, cb_store *st)
{
	sqlite3_stmt *q = NULL, *ins = NULL;
	const char *sql =
		"SELECT tbl, row_id, json_extract(after, '$.updated_at'),"
		" json_extract(before, '$.updated_at'), json_remove(after, '$.updated_at')"
		" FROM audit_log WHERE device_id = ?1"
		" AND after IS NOT NULL AND json_extract(after, '$.updated_at') IS NOT NULL"
		" AND tbl <> 'sync_conflicts'";

	assert_int_equal(sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(mem, "INSERT INTO v VALUES (?, ?, ?, ?, ?)", -1, &ins,
					    NULL),
			 SQLITE_OK);
	sqlite3_bind_text(q, 1, cb_store_device(st), -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW) {
		for (int i = 0; i < 5; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(q, i));
		sqlite3_step(ins);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
}

/* Prints what each casebook's audit log says of one row, to see how a version was lost. */
static void explain(world *w, const char *table, const char *row)
{
	for (int d = 0; d < DEVICES; d++) {
		char *sql = xasprintf("SELECT group_concat(seq || ' ' || substr(device_id, 1, 8) || ' '"
				      " || op || ' ' || coalesce(json_extract(before, '$.updated_at'), '-')"
				      " || ' -> ' || coalesce(json_extract(after, '$.updated_at'), '-'),"
				      " char(10)) FROM audit_log WHERE tbl = '%s' AND row_id = '%s'",
				      table, row);
		char *text = tu_text(w->db[d], sql);
		fprintf(stderr, "device %d (%.8s):\n%s\n", d, cb_store_device(w->db[d]),
			text ? text : "(nothing)");
		free(text);
		free(sql);
		sql = xasprintf("SELECT group_concat(loser_at || ' lost to ' || winner_at, char(10))"
				" FROM sync_conflicts WHERE tbl = '%s' AND row_key = '%s'", table, row);
		text = tu_text(w->db[d], sql);
		fprintf(stderr, "  conflicts: %s\n", text ? text : "none");
		free(text);
		free(sql);
	}
}

/* The hub's current version of a row (its clock), or NULL. */
static char *hub_current(world *w, sqlite3_value *table, sqlite3_value *row)
{
	sqlite3_stmt *q = NULL;
	char *v = NULL;

	sqlite3_prepare_v2(cb_store_db(w->db[0]),
			   "SELECT json_extract(after, '$.updated_at') FROM audit_log WHERE tbl = ?1"
			   " AND row_id = ?2 ORDER BY seq DESC LIMIT 1", -1, &q, NULL);
	sqlite3_bind_value(q, 1, table);
	sqlite3_bind_value(q, 2, row);
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return v;
}

static bool hub_kept(world *w, sqlite3_value *table, sqlite3_value *row, sqlite3_value *ver)
{
	sqlite3_stmt *q = NULL;
	bool kept;

	sqlite3_prepare_v2(cb_store_db(w->db[0]),
			   "SELECT 1 FROM sync_conflicts WHERE tbl = ?1 AND row_key = ?2"
			   " AND (loser_at = ?3 OR winner_at = ?3)", -1, &q, NULL);
	sqlite3_bind_value(q, 1, table);
	sqlite3_bind_value(q, 2, row);
	sqlite3_bind_value(q, 3, ver);
	kept = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	return kept;
}

/* The versions the hub keeps in conflicts, into mem's table kept. */
static void collect_kept(sqlite3 *mem, world *w)
{
	sqlite3_stmt *q = NULL, *ins = NULL;

	sqlite3_exec(mem, "CREATE TABLE kept(tbl, row_id, ver)", NULL, NULL, NULL);
	sqlite3_prepare_v2(cb_store_db(w->db[0]), "SELECT tbl, row_key, loser_at FROM sync_conflicts"
				" UNION SELECT tbl, row_key, winner_at FROM sync_conflicts", -1, &q, NULL);
	sqlite3_prepare_v2(mem, "INSERT INTO kept VALUES (?, ?, ?)", -1, &ins, NULL);
	while (sqlite3_step(q) == SQLITE_ROW) {
		for (int i = 0; i < 3; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(q, i));
		sqlite3_step(ins);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
}

/*
 * True if a version the current one grew from (or the current one), or a
 * version kept in a conflict, says what the leaf says.
 */
static bool said_by_history(sqlite3 *mem, sqlite3_stmt *leaf, const char *current)
{
	sqlite3_stmt *q = NULL;
	bool said;

	sqlite3_prepare_v2(mem,
			   "WITH RECURSIVE chain(ver) AS (SELECT ?3 UNION SELECT v.base FROM v JOIN"
			   " chain ON v.ver = chain.ver WHERE v.tbl = ?1 AND v.row_id = ?2"
			   " AND v.base IS NOT NULL)"
			   " SELECT 1 FROM v WHERE tbl = ?1 AND row_id = ?2 AND content = ?4 AND"
			   " (ver IN chain OR ver IN (SELECT ver FROM kept WHERE tbl = ?1"
			   " AND row_id = ?2))", -1, &q, NULL);
	sqlite3_bind_value(q, 1, sqlite3_column_value(leaf, 0));
	sqlite3_bind_value(q, 2, sqlite3_column_value(leaf, 1));
	sqlite3_bind_text(q, 3, current, -1, SQLITE_STATIC);
	sqlite3_bind_value(q, 4, sqlite3_column_value(leaf, 3));
	said = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_finalize(q);
	return said;
}

/*
 * Every version no later edit replaced is the hub's current one, or kept as a
 * conflict, or says what a version the current one grew from, or one kept in
 * a conflict, says (two devices making the same change, or renaming a family
 * reference alike, lose nothing: no conflict is recorded between equals).
 */
static void assert_nothing_lost(world *w, unsigned seed)
{
	sqlite3 *mem = NULL;
	sqlite3_stmt *leaves = NULL;

	sqlite3_open(":memory:", &mem);
	sqlite3_exec(mem, "CREATE TABLE v(tbl, row_id, ver, base, content)", NULL, NULL, NULL);
	for (int d = 0; d < DEVICES; d++)
		collect_versions(mem, w->db[d]);
	collect_kept(mem, w);
	sqlite3_prepare_v2(mem, "SELECT DISTINCT tbl, row_id, ver, content FROM v a WHERE NOT EXISTS"
				" (SELECT 1 FROM v b WHERE b.tbl = a.tbl AND b.row_id = a.row_id"
				" AND b.base = a.ver)", -1, &leaves, NULL);
	while (sqlite3_step(leaves) == SQLITE_ROW) {
		sqlite3_value *table = sqlite3_column_value(leaves, 0);
		sqlite3_value *row = sqlite3_column_value(leaves, 1);
		const char *ver = (const char *)sqlite3_column_text(leaves, 2);
		char *current = hub_current(w, table, row);
		bool ok = current && (strcmp(current, ver) == 0 ||
				      hub_kept(w, table, row, sqlite3_column_value(leaves, 2)) ||
				      said_by_history(mem, leaves, current));
		if (!ok) {
			explain(w, (const char *)sqlite3_value_text(table),
				(const char *)sqlite3_value_text(row));
			fail_msg("seed %u: %s %s version %s was lost", seed,
				 sqlite3_value_text(table), sqlite3_value_text(row), ver);
		}
		free(current);
	}
	sqlite3_finalize(leaves);
	sqlite3_close(mem);
}

/* Every append-only record written anywhere is on the hub, which never deletes. */
static void assert_records_reached_hub(world *w, unsigned seed)
{
	assert_int_equal(tu_int(w->db[0], "SELECT count(*) FROM audit_log WHERE op = 'delete'"), 0);
	for (int d = 1; d < DEVICES; d++) {
		sqlite3_stmt *q = NULL;
		sqlite3_prepare_v2(cb_store_db(w->db[d]),
				   "SELECT tbl, row_id FROM audit_log WHERE op = 'insert' AND tbl IN"
				   " ('notes', 'note_amendments', 'assessments', 'assessment_answers',"
				   " 'assessment_scores', 'goal_reviews', 'families', 'people', 'cases',"
				   " 'goals')", -1, &q, NULL);
		while (sqlite3_step(q) == SQLITE_ROW) {
			char *sql = xasprintf("SELECT count(*) FROM audit_log WHERE op = 'insert' AND"
					      " tbl = '%s' AND row_id = '%s'",
					      sqlite3_column_text(q, 0), sqlite3_column_text(q, 1));
			if (tu_int(w->db[0], sql) != 1)
				fail_msg("seed %u: %s %s never reached the hub", seed,
					 sqlite3_column_text(q, 0), sqlite3_column_text(q, 1));
			free(sql);
		}
		sqlite3_finalize(q);
	}
}

static void run_seed(unsigned seed, int steps)
{
	world w = {.rng = seed, .now = 1790000000000 + (int64_t)seed * 1000};

	cb_clock_fix(w.now);
	w.dir = tu_tempdir();
	w.db[0] = sy_hub_new(w.dir, 4);
	for (int l = 1; l < DEVICES; l++) {
		char name[16];
		snprintf(name, sizeof name, "laptop%d", l);
		w.db[l] = sy_laptop_new(w.db[0], w.dir, name, prac_of[l]);
	}
	for (w.step = 0; w.step < steps; w.step++)
		random_step(&w);
	settle(&w);
	for (int d = 0; d < DEVICES; d++)
		assert_sound(w.db[d]);
	assert_same_content(&w, seed);
	assert_nothing_lost(&w, seed);
	assert_records_reached_hub(&w, seed);
	for (int d = 0; d < DEVICES; d++)
		cb_store_close(w.db[d]);
	free(w.mail);
	free(w.dir);
	cb_clock_fix(-1);
}

static int env_int(const char *name, int fallback)
{
	const char *v = getenv(name);

	return v && atoi(v) > 0 ? atoi(v) : fallback;
}

static void test_random_edits_and_exchanges_converge(void **state)
{
	int seeds = env_int("SYNC_SEEDS", DEFAULT_SEEDS), steps = env_int("SYNC_STEPS", DEFAULT_STEPS);
	unsigned first = (unsigned)env_int("SYNC_FIRST_SEED", 1);

	for (unsigned seed = first; seed < first + (unsigned)seeds; seed++)
		run_seed(seed, steps);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_edits_and_exchanges_converge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
