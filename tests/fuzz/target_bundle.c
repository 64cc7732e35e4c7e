/* target_bundle.c: the sync bundle reader, fed by a hub and a laptop made once and put back. */
#include "targets.h"
#include "scratch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/mem.h"
#include "store/records.h"
#include "store/store.h"
#include "sync/bundle.h"
#include "sync/sync.h"

/*
 * The clock during the bundle setup and every bundle input: fixed, like the
 * random bytes, so that the team, its bundles and what an input does are the
 * same in every run. 2026-09-21, after every date in the fixture.
 */
#define BUNDLE_EPOCH_MS INT64_C(1790000000000)

/* The fixture's practitioner with an open case; the laptop is theirs. */
#define LAPTOP_PRAC "prac-ben"
#define LAPTOP_CASE "case-tobi-1"
/* A case nobody holds, given to the laptop, then taken away (the hub's drop list). */
#define MOVED_CASE "case-kai-1"

enum { MODE_FILE, MODE_PAYLOAD, MODE_HEADER, MODES };
/* Header mode: bundle number, first and last change, ack, 8 bytes each. */
#define HEADER_NUMBERS 32

/* A database bundles are imported into, and the real bundle the other device wrote for it. */
typedef struct side {
	const char *name, *actor;
	char *db_path;
	cb_store *st;
	sqlite3 *pristine;    /* as the setup left it, to put it back after each input */
	cb_bundle_file real;
	unsigned char *plain; /* its payload, opened */
	size_t plain_len;
} side;

static side hub = {.name = "hub", .actor = "fuzz"};
static side laptop = {.name = "laptop", .actor = LAPTOP_PRAC};
static unsigned char team_key[CB_SYNC_KEY_LEN]; /* the hub and the laptop share it */
static char *input_path;
static bool bundle_ready;
static uint64_t rng_after_setup;
static int64_t clock_after_setup;

static void bundle_free(void)
{
	side *sides[] = {&hub, &laptop};

	for (size_t i = 0; i < 2; i++) {
		side *s = sides[i];
		cb_store_close(s->st);
		sqlite3_close(s->pristine);
		cb_bundle_file_free(&s->real);
		free(s->plain);
		free(s->db_path);
	}
	free(input_path);
}

static void must(enum cb_status rc, const char *what, const cb_err *err)
{
	if (rc != CB_OK)
		cb_fuzz_die(what, err->msg);
}

static void tick(void)
{
	cb_clock_fix(cb_clock_fixed() + 1000);
}

static void open_side(side *s)
{
	cb_err err = {0};

	must(cb_store_open(s->db_path, CB_STORE_CREATE, &s->st, &err), s->db_path, &err);
	cb_store_set_actor(s->st, s->actor);
	sqlite3_exec(cb_store_db(s->st), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

/*
 * The database only: the store's clock, kept in memory, goes on from where the
 * last input left it. Within an import it only stamps a renamed family
 * reference and decides nothing, and reopening the store to reset it would
 * cost more than ten times the import (every open installs the audit triggers).
 */
static void put_back(side *s)
{
	cb_fuzz_copy_db(cb_store_db(s->st), s->pristine);
}

static sqlite3 *snapshot(cb_store *st)
{
	sqlite3 *db = NULL;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		cb_fuzz_die("an in-memory database", "cannot open");
	cb_fuzz_copy_db(db, cb_store_db(st));
	return db;
}

static void update(cb_store *st, const char *table, const char *id, const char *column,
		   const char *value)
{
	cb_field f = {column, value};
	cb_err err = {0};

	if (cb_store_begin(st, &err) || cb_record_update(st, table, id, &f, 1, &err) ||
	    cb_store_commit(st, &err))
		cb_fuzz_die(id, err.msg);
}

static void add_note(cb_store *st, const char *case_id)
{
	char id[CB_UUID_LEN + 1] = "";
	cb_field f[] = {{"case_id", case_id}, {"contact_type", "home_visit"},
			{"occurred_at", "2026-09-20T10:00"}, {"body", "Home visit; all well."}};
	cb_err err = {0};

	if (cb_store_begin(st, &err) || cb_record_insert(st, "notes", id, f, 4, &err) ||
	    cb_store_commit(st, &err))
		cb_fuzz_die("a note", err.msg);
}

static void export_to(cb_store *st, const char *device, const char *path)
{
	cb_sync_report r;
	cb_err err = {0};

	must(cb_sync_export(st, device, path, &r, &err), path, &err);
	cb_sync_report_free(&r);
}

/* The hub with the fixture's caseload, and the laptop of LAPTOP_PRAC joined to it. */
static void make_team(const char *enrol_path)
{
	cb_sync_enrolment e;
	cb_sync_report r;
	cb_err err = {0};
	char *hub_id = NULL;

	open_side(&hub);
	cb_fuzz_import_base(hub.st);
	update(hub.st, "cases", MOVED_CASE, "practitioner_id", LAPTOP_PRAC);
	must(cb_sync_init_hub(hub.st, "team-north", &hub_id, &err), "making the hub", &err);
	must(cb_sync_enrol(hub.st, LAPTOP_PRAC, NULL, enrol_path, &e, &err), enrol_path, &err);
	tick();
	open_side(&laptop);
	must(cb_sync_join(laptop.st, enrol_path, e.code, &r, &err), "joining the laptop", &err);
	cb_sync_report_free(&r);
	cb_sync_report_free(&e.report);
	free(hub_id);
}

/* Work on both sides since the enrolment: a note, and a field both change (a conflict). */
static void diverge(void)
{
	tick();
	add_note(laptop.st, LAPTOP_CASE);
	update(laptop.st, "cases", LAPTOP_CASE, "need", "N4");
	tick();
	update(hub.st, "cases", LAPTOP_CASE, "need", "N5");
}

static void read_team_key(void)
{
	sqlite3_stmt *q = NULL;

	if (sqlite3_prepare_v2(cb_store_db(laptop.st), "SELECT key FROM sync_devices WHERE role ="
			       " 'hub'", -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_step(q) != SQLITE_ROW || sqlite3_column_bytes(q, 0) != CB_SYNC_KEY_LEN)
		cb_fuzz_die("the laptop's key for the hub", sqlite3_errmsg(cb_store_db(laptop.st)));
	memcpy(team_key, sqlite3_column_blob(q, 0), CB_SYNC_KEY_LEN);
	sqlite3_finalize(q);
}

static void load_real(side *s, const char *path)
{
	cb_err err = {0};

	must(cb_bundle_read(path, &s->real, &err), path, &err);
	must(cb_bundle_open(&s->real, team_key, &s->plain, &s->plain_len, &err), path, &err);
}

/*
 * The hub's answer to the laptop's bundle: it imports it, gives MOVED_CASE to
 * another practitioner (so the answer tells the laptop to let it go), and
 * writes the laptop's next bundle. The caller puts the hub back afterwards.
 */
static void answer(const char *up, const char *down)
{
	cb_sync_report r;
	cb_err err = {0};

	must(cb_sync_import(hub.st, up, &r, &err), up, &err);
	cb_sync_report_free(&r);
	tick();
	update(hub.st, "cases", MOVED_CASE, "practitioner_id", "prac-ann");
	export_to(hub.st, cb_store_device(laptop.st), down);
}

static void write_raw(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	bool written;

	if (f == NULL)
		cb_fuzz_die(path, strerror(errno));
	written = size == 0 || fwrite(data, 1, size, f) == size;
	if (fclose(f) != 0 || !written)
		cb_fuzz_die(path, "cannot write (is the disk full?)");
}

static void put_numbers(const cb_bundle_header *h, uint8_t *out)
{
	const uint64_t v[] = {h->bundle, h->seq_from, h->seq_to, h->ack};

	for (size_t i = 0; i < 4; i++)
		for (size_t b = 0; b < 8; b++)
			out[8 * i + b] = (uint8_t)(v[i] >> (8 * b));
}

static void get_numbers(const uint8_t *in, cb_bundle_header *h)
{
	uint64_t *v[] = {&h->bundle, &h->seq_from, &h->seq_to, &h->ack};

	for (size_t i = 0; i < 4; i++) {
		*v[i] = 0;
		for (size_t b = 0; b < 8; b++)
			*v[i] |= (uint64_t)in[8 * i + b] << (8 * b);
	}
}

#ifdef FUZZ_SEED_OUT
/* Seed file SIDE-VARIANT: the mode byte, the header numbers (if any), then body. */
static void seed(const side *s, const char *variant, unsigned mode, const uint8_t *numbers,
		 const uint8_t *body, size_t len)
{
	char *path = xasprintf("%s/%s-%s", FUZZ_SEED_OUT, s->name, variant);
	uint8_t *bytes = xmalloc(1 + HEADER_NUMBERS + len);
	size_t n = 0;

	bytes[n++] = (uint8_t)(s == &hub ? mode : MODES + mode);
	if (numbers) {
		memcpy(bytes + n, numbers, HEADER_NUMBERS);
		n += HEADER_NUMBERS;
	}
	memcpy(bytes + n, body, len);
	write_raw(path, bytes, n + len);
	free(bytes);
	free(path);
}

/* The real bundle and payload, each whole, cut short and with one byte changed. */
static void write_seeds_for(const side *s)
{
	uint8_t numbers[HEADER_NUMBERS], *file = xmalloc(s->real.len), *plain = xmalloc(s->plain_len);
	cb_bundle_header h = s->real.h;

	memcpy(file, s->real.data, s->real.len);
	memcpy(plain, s->plain, s->plain_len);
	seed(s, "file-real", MODE_FILE, NULL, file, s->real.len);
	seed(s, "file-truncated", MODE_FILE, NULL, file, s->real.len - 7);
	file[s->real.len - 1] ^= 1;
	seed(s, "file-flipped", MODE_FILE, NULL, file, s->real.len);
	seed(s, "payload-real", MODE_PAYLOAD, NULL, plain, s->plain_len);
	seed(s, "payload-truncated", MODE_PAYLOAD, NULL, plain, s->plain_len - 7);
	put_numbers(&h, numbers);
	seed(s, "header-real", MODE_HEADER, numbers, plain, s->plain_len);
	h.bundle = 0;
	put_numbers(&h, numbers);
	seed(s, "header-replay", MODE_HEADER, numbers, plain, s->plain_len);
	h = s->real.h;
	h.seq_from += 1000;
	h.seq_to += 1000;
	put_numbers(&h, numbers);
	seed(s, "header-gap", MODE_HEADER, numbers, plain, s->plain_len);
	plain[s->plain_len / 2] ^= 0x20;
	seed(s, "payload-flipped", MODE_PAYLOAD, NULL, plain, s->plain_len);
	free(plain);
	free(file);
}

static void write_seeds(void)
{
	if (mkdir(FUZZ_SEED_OUT, 0700) != 0 && errno != EEXIST)
		cb_fuzz_die(FUZZ_SEED_OUT, strerror(errno));
	write_seeds_for(&hub);
	write_seeds_for(&laptop);
}
#else
static void write_seeds(void)
{
}
#endif

void cb_fuzz_bundle_setup(void)
{
	int64_t was = cb_clock_fixed();
	char *enrol, *up, *down;

	if (bundle_ready)
		return;
	cb_fuzz_setup();
	/* Registered after the scratch folder's removal, so it runs before it. */
	atexit(bundle_free);
	cb_clock_fix(BUNDLE_EPOCH_MS);
	hub.db_path = xasprintf("%s/hub.db", cb_fuzz_scratch());
	laptop.db_path = xasprintf("%s/laptop.db", cb_fuzz_scratch());
	input_path = xasprintf("%s/input.cbsync", cb_fuzz_scratch());
	enrol = xasprintf("%s/enrol.cbsync", cb_fuzz_scratch());
	up = xasprintf("%s/up.cbsync", cb_fuzz_scratch());
	down = xasprintf("%s/down.cbsync", cb_fuzz_scratch());
	make_team(enrol);
	diverge();
	export_to(laptop.st, NULL, up);
	read_team_key();
	load_real(&hub, up);
	hub.pristine = snapshot(hub.st);
	answer(up, down);
	load_real(&laptop, down);
	laptop.pristine = snapshot(laptop.st);
	put_back(&hub);
	write_seeds();
	rng_after_setup = cb_fuzz_rng_tell();
	clock_after_setup = cb_clock_fixed() + 1000;
	cb_clock_fix(was);
	bundle_ready = true;
	free(enrol);
	free(up);
	free(down);
}

/* Writes the input's bundle to input_path as its first byte says; returns the side it is for. */
static side *write_input(const uint8_t *data, size_t size)
{
	unsigned choice = size ? data[0] % (2 * MODES) : MODE_FILE;
	side *s = choice < MODES ? &hub : &laptop;
	cb_bundle_header h = s->real.h;
	uint8_t numbers[HEADER_NUMBERS] = {0};
	size_t n = 0;
	cb_err err = {0};

	if (size) {
		data++;
		size--;
	}
	if (choice % MODES == MODE_FILE) {
		write_raw(input_path, data, size);
		return s;
	}
	if (choice % MODES == MODE_HEADER) {
		n = size < HEADER_NUMBERS ? size : HEADER_NUMBERS;
		if (n)
			memcpy(numbers, data, n);
		get_numbers(numbers, &h);
	}
	must(cb_bundle_seal_write(input_path, &h, data + n, size - n, team_key, &err), input_path,
	     &err);
	return s;
}

/* Imports the input; if it imports, again, which must be a replay that changes nothing. */
static cb_fuzz_bundle_result import_twice(side *s)
{
	cb_sync_report first, again;
	cb_err err = {0};
	enum cb_status rc = cb_sync_import(s->st, input_path, &first, &err);
	cb_fuzz_bundle_result res = {rc, first.replay, first.applied, first.conflicts,
				     first.evicted};
	int changes;

	cb_sync_report_free(&first);
	if (res.status != CB_OK)
		return res;
	changes = sqlite3_total_changes(cb_store_db(s->st));
	if (cb_sync_import(s->st, input_path, &again, &err) != CB_OK || !again.replay ||
	    sqlite3_total_changes(cb_store_db(s->st)) != changes) {
		fprintf(stderr, "fuzz: a bundle imported into the %s, but importing it again was not "
			"a replay that changes nothing: %s\n", s->name, err.msg);
		abort();
	}
	cb_sync_report_free(&again);
	return res;
}

cb_fuzz_bundle_result cb_fuzz_bundle_one(const uint8_t *data, size_t size)
{
	int64_t was = cb_clock_fixed();
	cb_fuzz_bundle_result res;
	side *s;

	cb_fuzz_bundle_setup();
	cb_clock_fix(clock_after_setup);
	cb_fuzz_rng_seek(rng_after_setup);
	s = write_input(data, size);
	res = import_twice(s);
	/* A refused import was rolled back; it changed nothing to put back. */
	if (res.status == CB_OK)
		put_back(s);
	cb_clock_fix(was);
	return res;
}
