/* status.h: error status and user-facing messages shared by every layer. */
#ifndef CASEBOOK_CORE_STATUS_H
#define CASEBOOK_CORE_STATUS_H

#include <stdarg.h>
#include <stddef.h>

/* Outcome of an operation. CB_OK is zero so `if (rc)` means failure. */
enum cb_status {
	CB_OK = 0,
	CB_ERROR,     /* something went wrong; message says what to do */
	CB_INVALID,   /* the user's input is wrong; message says where and what */
	CB_NOT_FOUND, /* the named thing does not exist */
	CB_BUSY,      /* the database is locked by another casebook */
	CB_CORRUPT,   /* the database or a file failed an integrity check */
};

/* A status plus the message to show the user. Lives on the caller's stack. */
typedef struct cb_err {
	enum cb_status code;
	char msg[1024];
} cb_err;

/* Sets err (if non-NULL) to code and a printf-style message; returns code. */
enum cb_status cb_fail(cb_err *err, enum cb_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prefixes err->msg with a printf-style context ("importing x.yaml: ..."). */
void cb_err_prefix(cb_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Resets err to CB_OK with an empty message. */
void cb_err_clear(cb_err *err);

/*
 * A list of diagnostics ("file:line:col: message"), for checks that report
 * every problem rather than the first. The list owns its strings.
 */
typedef struct cb_diag {
	char **lines;
	size_t count, cap;
} cb_diag;

/* Appends a printf-style diagnostic line. */
void cb_diag_add(cb_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Frees every line; the list can be reused afterwards. */
void cb_diag_free(cb_diag *d);

#endif
