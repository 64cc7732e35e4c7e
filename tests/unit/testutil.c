/* testutil.c: shared helpers for the cmocka unit tests. */
#include "testutil.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

char *tu_tempdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/casebook-test-XXXXXX", base && *base ? base : "/tmp");

	assert_non_null(mkdtemp(tmpl));
	return tmpl;
}

cb_store *tu_new_store(void)
{
	char *dir = tu_tempdir();
	char *path = xasprintf("%s/test.db", dir);
	cb_store *st = NULL;
	cb_err err = {0};

	assert_true(sodium_init() >= 0);
	if (cb_store_open(path, CB_STORE_CREATE, &st, &err))
		fail_msg("%s", err.msg);
	cb_store_set_actor(st, "tester");
	free(dir);
	free(path);
	return st;
}

int tu_exec(cb_store *st, const char *sql)
{
	return sqlite3_exec(cb_store_db(st), sql, NULL, NULL, NULL);
}

long long tu_int(cb_store *st, const char *sql)
{
	sqlite3_stmt *q = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(cb_store_db(st)));
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

char *tu_text(cb_store *st, const char *sql)
{
	sqlite3_stmt *q = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(cb_store_db(st)));
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return v;
}

char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	strbuf sb = {0};
	char buf[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_appendn(&sb, buf, n);
	fclose(f);
	if (len)
		*len = sb.len;
	return sb_take(&sb);
}
