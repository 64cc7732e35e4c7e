/* mem.h: allocation that never returns NULL, and a growable string buffer. */
#ifndef CASEBOOK_CORE_MEM_H
#define CASEBOOK_CORE_MEM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

/* Each aborts with a message on out-of-memory; the caller frees the result. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* xstrdup that passes NULL through. */
char *xstrdup_or_null(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A NUL-terminated string that grows as text is appended. */
typedef struct strbuf {
	char *data; /* always NUL-terminated once anything was appended */
	size_t len, cap;
} strbuf;

void sb_append(strbuf *sb, const char *s);
void sb_appendn(strbuf *sb, const char *s, size_t n);
void sb_appendf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the text ("" when empty); the buffer still owns it. */
const char *sb_str(const strbuf *sb);
/* Hands the text to the caller (who frees it) and empties the buffer. */
char *sb_take(strbuf *sb);
void sb_free(strbuf *sb);

#endif
