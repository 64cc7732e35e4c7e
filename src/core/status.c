/* status.c: error status and diagnostics lists. */
#include "core/status.h"

#include <stdio.h>
#include <string.h>

#include "core/mem.h"

enum cb_status cb_fail(cb_err *err, enum cb_status code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return code;
}

void cb_err_prefix(cb_err *err, const char *fmt, ...)
{
	char prefix[512], old[sizeof err->msg];
	char *joined;
	size_t n;
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	joined = xasprintf("%s: %s", prefix, old);
	n = strlen(joined);
	if (n >= sizeof err->msg)
		n = sizeof err->msg - 1;
	memcpy(err->msg, joined, n);
	err->msg[n] = '\0';
	free(joined);
}

void cb_err_clear(cb_err *err)
{
	if (err == NULL)
		return;
	err->code = CB_OK;
	err->msg[0] = '\0';
}

void cb_diag_add(cb_diag *d, const char *fmt, ...)
{
	va_list ap;

	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->lines = xreallocarray(d->lines, d->cap, sizeof *d->lines);
	}
	va_start(ap, fmt);
	d->lines[d->count++] = xvasprintf(fmt, ap);
	va_end(ap);
}

void cb_diag_free(cb_diag *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->lines[i]);
	free(d->lines);
	d->lines = NULL;
	d->count = d->cap = 0;
}
