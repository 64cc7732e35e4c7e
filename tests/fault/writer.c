/* writer.c: a casebook writer for the fault tests: notes one per transaction, each logged once committed. */
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/records.h"
#include "store/store.h"

static const char usage[] = "usage: fault_writer write DB LOG COUNT | fault_writer hold DB SECONDS";

static long long count(cb_store *st, const char *sql)
{
	sqlite3_stmt *q = NULL;
	long long n = -1;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}

static enum cb_status insert(cb_store *st, const char *table, const char *id,
			     const cb_field *f, size_t n, cb_err *err)
{
	char buf[CB_UUID_LEN + 1];

	snprintf(buf, sizeof buf, "%s", id);
	return cb_record_insert(st, table, buf, f, n, err);
}

/* The one case the notes belong to, made on the first run. */
static enum cb_status ensure_case(cb_store *st, cb_err *err)
{
	const cb_field team[] = {{"name", "Fault pod"}};
	const cb_field prac[] = {{"name", "Fay Ult"}, {"role", "practitioner"}, {"team_id", "fault-team"}};
	const cb_field fam[] = {{"family_ref", "FAM-FAULT"}, {"name", "Fault family"}};
	const cb_field kid[] = {{"name", "Kit Fault"}, {"born", "2015-01-01"}};
	const cb_field kase[] = {{"family_id", "fault-family"}, {"child_id", "fault-child"},
				 {"referred_on", "2026-01-01"}, {"referral_source", "school"},
				 {"need", "N1"}, {"practitioner_id", "fault-prac"}, {"team_id", "fault-team"}};

	if (count(st, "SELECT count(*) FROM cases WHERE id = 'fault-case'") == 1)
		return CB_OK;
	if (cb_store_begin(st, err) || insert(st, "teams", "fault-team", team, 1, err) ||
	    insert(st, "practitioners", "fault-prac", prac, 3, err) ||
	    insert(st, "families", "fault-family", fam, 2, err) ||
	    insert(st, "people", "fault-child", kid, 2, err) ||
	    insert(st, "cases", "fault-case", kase, 7, err) || cb_store_commit(st, err)) {
		cb_store_rollback(st);
		return err->code;
	}
	return CB_OK;
}

static enum cb_status write_note(cb_store *st, long i, cb_err *err)
{
	char id[32], body[700];
	int len = snprintf(body, sizeof body, "Fault test note %ld. ", i);

	snprintf(id, sizeof id, "fault-%06ld", i);
	while (len < 600)
		len += snprintf(body + len, sizeof body - (size_t)len, "Visit as planned; all well. ");
	const cb_field f[] = {{"case_id", "fault-case"}, {"contact_type", "home_visit"},
			      {"occurred_at", "2026-01-02T10:00"}, {"body", body}};
	if (cb_store_begin(st, err) || insert(st, "notes", id, f, 4, err) || cb_store_commit(st, err)) {
		cb_store_rollback(st);
		return err->code;
	}
	return CB_OK;
}

/* Writes notes until COUNT exist; each id is appended to the log (and synced) once committed. */
static int run_writes(cb_store *st, const char *log, long total, cb_err *err)
{
	int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	long i = count(st, "SELECT count(*) FROM notes WHERE id LIKE 'fault-%'");

	if (fd < 0 || ensure_case(st, err))
		return fd < 0 ? (cb_fail(err, CB_ERROR, "cannot open %s", log), 1) : 1;
	while (++i <= total) {
		if (write_note(st, i, err))
			break;
		dprintf(fd, "fault-%06ld\n", i);
		fsync(fd);
	}
	close(fd);
	return err->code ? 1 : 0;
}

/* Holds the write lock for a while, as another casebook saving a long import would. */
static int hold(cb_store *st, int seconds, cb_err *err)
{
	if (cb_store_begin(st, err))
		return 1;
	printf("holding\n");
	fflush(stdout);
	sleep((unsigned)seconds);
	cb_store_rollback(st);
	return 0;
}

int main(int argc, char **argv)
{
	cb_store *st = NULL;
	cb_err err = {0};
	int rc;

	if (argc < 4 || (strcmp(argv[1], "write") == 0) != (argc == 5)) {
		fprintf(stderr, "%s\n", usage);
		return 2;
	}
	if (sodium_init() < 0 || cb_store_open(argv[2], CB_STORE_CREATE, &st, &err)) {
		fprintf(stderr, "fault_writer: %s\n", err.msg);
		return 1;
	}
	cb_store_set_actor(st, "fault-prac");
	if (strcmp(argv[1], "write") == 0)
		rc = run_writes(st, argv[3], atol(argv[4]), &err);
	else
		rc = hold(st, atoi(argv[3]), &err);
	if (rc)
		fprintf(stderr, "fault_writer: %s\n", err.msg);
	cb_store_close(st);
	return rc;
}
