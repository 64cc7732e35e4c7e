/* testutil.h: shared helpers for the cmocka unit tests. */
#ifndef CASEBOOK_TESTUTIL_H
#define CASEBOOK_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/store.h"

/* A fresh temporary directory; the caller frees the path (the tree is left for inspection). */
char *tu_tempdir(void);
/* Opens a new empty database in a fresh temporary directory; fails the test on error. */
cb_store *tu_new_store(void);
/* Runs SQL and returns SQLite's result code (no failure on error). */
int tu_exec(cb_store *st, const char *sql);
/* The first column of the first row of a query as an integer (-1 if no row). */
long long tu_int(cb_store *st, const char *sql);
/* The same as text, copied (caller frees); NULL if no row or NULL. */
char *tu_text(cb_store *st, const char *sql);
/* Reads a whole file (caller frees), or NULL. */
char *tu_read_file(const char *path, size_t *len);

#endif
