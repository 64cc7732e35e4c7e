/* bench_sync.c: times a laptop's bundle of 50,000 changes (notes, amendments, goal reviews and
 * goal edits, some in conflict with the hub) being written, then imported on the hub.
 * Usage: bench_sync [DIR] (a scratch folder; default a new one under $TMPDIR or /tmp). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/mem.h"
#include "store/families.h"
#include "store/records.h"
#include "sync/sync.h"

#define CASES 200
#define GOALS_PER_CASE 10
#define NOTES 40000
#define AMENDMENTS 4000
#define REVIEWS 4000
#define HUB_EDITS 500 /* goals the supervisor edits too: conflicts to find and record */

static void check(enum cb_status rc, const cb_err *err)
{
	if (rc != CB_OK) {
		fprintf(stderr, "bench_sync: %s\n", err->msg);
		exit(1);
	}
}

/* Seconds on a clock: CLOCK_MONOTONIC (wall) or CLOCK_PROCESS_CPUTIME_ID (CPU). */
static double seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct lap {
	double wall, cpu;
} lap;

static lap lap_now(void)
{
	return (lap){seconds(CLOCK_MONOTONIC), seconds(CLOCK_PROCESS_CPUTIME_ID)};
}

static cb_store *open_db(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	cb_store *st = NULL;
	cb_err err = {0};

	check(cb_store_open(path, CB_STORE_CREATE, &st, &err), &err);
	cb_store_set_actor(st, "bench");
	free(path);
	return st;
}

static void insert(cb_store *st, const char *table, char *id, const cb_field *f, size_t n)
{
	cb_err err = {0};

	check(cb_record_insert(st, table, id, f, n, &err), &err);
}

static void update(cb_store *st, const char *table, const char *id, const char *column,
		   const char *value)
{
	cb_field f = {column, value};
	cb_err err = {0};

	check(cb_record_update(st, table, id, &f, 1, &err), &err);
}

static void seed_case(cb_store *st, int i)
{
	char fam[64], kid[64], kase[64], ref[32], goal[64];
	cb_err err = {0};

	snprintf(fam, sizeof fam, "fam-%d", i);
	snprintf(kid, sizeof kid, "kid-%d", i);
	snprintf(kase, sizeof kase, "case-%d", i);
	snprintf(ref, sizeof ref, "FAM-%04d", i);
	insert(st, "families", fam, (cb_field[]){{"family_ref", ref}, {"name", "Family"}}, 2);
	insert(st, "people", kid, (cb_field[]){{"name", "Child"}}, 1);
	check(cb_family_member_insert(st, fam, kid, "child", &err), &err);
	insert(st, "cases", kase,
	       (cb_field[]){{"family_id", fam}, {"child_id", kid}, {"referred_on", "2026-01-05"},
			    {"referral_source", "school"}, {"need", "N1"},
			    {"practitioner_id", "prac-1"}},
	       6);
	for (int g = 0; g < GOALS_PER_CASE; g++) {
		snprintf(goal, sizeof goal, "goal-%d-%d", i, g);
		insert(st, "goals", goal,
		       (cb_field[]){{"case_id", kase}, {"category", "other"}, {"owner", "worker"},
				    {"text", "goal"}, {"set_on", "2026-01-10"}},
		       5);
	}
}

/* A hub with a team, a practitioner and her cases, each with goals. */
static cb_store *make_hub(const char *dir)
{
	cb_store *hub = open_db(dir, "hub.db");
	char team[] = "team-1", prac[] = "prac-1", *hub_id = NULL;
	cb_err err = {0};

	check(cb_store_begin(hub, &err), &err);
	insert(hub, "teams", team, (cb_field[]){{"name", "North"}}, 1);
	insert(hub, "practitioners", prac,
	       (cb_field[]){{"name", "Ann"}, {"role", "practitioner"}, {"team_id", team}}, 3);
	for (int i = 0; i < CASES; i++)
		seed_case(hub, i);
	check(cb_store_commit(hub, &err), &err);
	check(cb_sync_init_hub(hub, NULL, &hub_id, &err), &err);
	free(hub_id);
	return hub;
}

static cb_store *make_laptop(cb_store *hub, const char *dir)
{
	char *bundle = xasprintf("%s/enrol.cbsync", dir);
	cb_store *laptop = open_db(dir, "laptop.db");
	cb_sync_enrolment e;
	cb_sync_report r;
	cb_err err = {0};

	check(cb_sync_enrol(hub, "prac-1", NULL, bundle, &e, &err), &err);
	check(cb_sync_join(laptop, bundle, e.code, &r, &err), &err);
	cb_sync_report_free(&r);
	cb_sync_report_free(&e.report);
	free(bundle);
	return laptop;
}

/* 50,000 changes on the laptop, in one transaction (as if over weeks offline). */
static void laptop_work(cb_store *st)
{
	char id[CB_UUID_LEN + 1], note[CB_UUID_LEN + 1], kase[64], goal[64], text[64];
	cb_err err = {0};

	check(cb_store_begin(st, &err), &err);
	for (int i = 0; i < NOTES; i++) {
		snprintf(kase, sizeof kase, "case-%d", i % CASES);
		snprintf(text, sizeof text, "Visit %d: the family talked about school.", i);
		note[0] = '\0';
		insert(st, "notes", note,
		       (cb_field[]){{"case_id", kase}, {"contact_type", "home_visit"},
				    {"occurred_at", "2026-03-01T10:00"}, {"body", text}},
		       4);
		if (i < AMENDMENTS) {
			id[0] = '\0';
			insert(st, "note_amendments", id,
			       (cb_field[]){{"note_id", note}, {"reason", "typo"}, {"body", text}}, 3);
		}
	}
	for (int i = 0; i < CASES * GOALS_PER_CASE; i++) {
		snprintf(goal, sizeof goal, "goal-%d-%d", i / GOALS_PER_CASE, i % GOALS_PER_CASE);
		update(st, "goals", goal, "text", "worded on the laptop");
		for (int r = 0; r < REVIEWS / (CASES * GOALS_PER_CASE); r++) {
			id[0] = '\0';
			insert(st, "goal_reviews", id,
			       (cb_field[]){{"goal_id", goal}, {"reviewed_on", "2026-03-02"},
					    {"progress", "5"}},
			       3);
		}
	}
	check(cb_store_commit(st, &err), &err);
}

static void hub_work(cb_store *st)
{
	char goal[64];
	cb_err err = {0};

	check(cb_store_begin(st, &err), &err);
	for (int i = 0; i < HUB_EDITS; i++) {
		snprintf(goal, sizeof goal, "goal-%d-%d", i / GOALS_PER_CASE, i % GOALS_PER_CASE);
		update(st, "goals", goal, "status", "achieved");
	}
	check(cb_store_commit(st, &err), &err);
}

int main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = argc > 1 ? xstrdup(argv[1])
			     : xasprintf("%s/casebook-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char *bundle;
	cb_store *hub, *laptop;
	cb_sync_report r;
	cb_err err = {0};
	struct stat sb;
	lap t0, t1, t2;

	if (sodium_init() < 0 || (argc > 1 ? mkdir(dir, 0700) != 0 && stat(dir, &sb) != 0
					    : mkdtemp(dir) == NULL)) {
		fprintf(stderr, "bench_sync: cannot set up %s\n", dir);
		return 1;
	}
	bundle = xasprintf("%s/changes.cbsync", dir);
	hub = make_hub(dir);
	laptop = make_laptop(hub, dir);
	laptop_work(laptop);
	hub_work(hub);
	t0 = lap_now();
	check(cb_sync_export(laptop, NULL, bundle, &r, &err), &err);
	t1 = lap_now();
	stat(bundle, &sb);
	printf("export: %zu changes in %.2f s (%.2f s CPU; bundle %.1f MB)\n", r.records,
	       t1.wall - t0.wall, t1.cpu - t0.cpu, (double)sb.st_size / 1e6);
	cb_sync_report_free(&r);
	check(cb_sync_import(hub, bundle, &r, &err), &err);
	t2 = lap_now();
	printf("import: %zu changes in %.2f s (%.2f s CPU; %zu written, %zu conflicts recorded)\n",
	       r.records, t2.wall - t1.wall, t2.cpu - t1.cpu, r.applied, r.conflicts);
	cb_sync_report_free(&r);
	cb_store_close(laptop);
	cb_store_close(hub);
	free(bundle);
	free(dir);
	return 0;
}
