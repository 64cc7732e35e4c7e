/* drafts.c: drafts as "key<TAB>value" lines, with \\, \t and \n escaped. */
#include "store/drafts.h"

#include <string.h>

#include "core/mem.h"

static void escape_into(strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\')
			sb_append(sb, "\\\\");
		else if (*s == '\t')
			sb_append(sb, "\\t");
		else if (*s == '\n')
			sb_append(sb, "\\n");
		else
			sb_appendn(sb, s, 1);
	}
}

/* Decodes one escaped field of length n (caller frees). */
static char *unescape(const char *s, size_t n)
{
	strbuf sb = {0};

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[++i];
			sb_append(&sb, c == 't' ? "\t" : c == 'n' ? "\n" : c == '\\' ? "\\" : "?");
		} else {
			sb_appendn(&sb, s + i, 1);
		}
	}
	return sb_take(&sb);
}

enum cb_status cb_draft_save(cb_store *st, const char *kind, const char *target,
			     const char *title, const char *const *keys,
			     const char *const *values, size_t count, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	strbuf body = {0};
	char now[25];
	enum cb_status rc = CB_OK;

	for (size_t i = 0; i < count; i++) {
		escape_into(&body, keys[i]);
		sb_append(&body, "\t");
		escape_into(&body, values[i]);
		sb_append(&body, "\n");
	}
	cb_store_now(st, now);
	/* A keystroke must not hang behind another writer; the next key tries again. */
	sqlite3_busy_timeout(cb_store_db(st), 200);
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "INSERT OR REPLACE INTO drafts(kind, target, title, saved_at, body)"
			       " VALUES (?, ?, ?, ?, ?)",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "keeping the draft");
		goto out;
	}
	sqlite3_bind_text(q, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, target ? target : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, sb_str(&body), -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "keeping the draft");
out:
	sqlite3_finalize(q);
	sqlite3_busy_timeout(cb_store_db(st), CB_STORE_BUSY_TIMEOUT_MS);
	sb_free(&body);
	return rc;
}

enum cb_status cb_draft_delete(cb_store *st, const char *kind, const char *target, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;

	if (sqlite3_prepare_v2(cb_store_db(st), "DELETE FROM drafts WHERE kind = ? AND target = ?",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "removing the draft");
		goto out;
	}
	sqlite3_bind_text(q, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, target ? target : "", -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_DONE)
		rc = cb_store_fail(st, err, "removing the draft");
out:
	sqlite3_finalize(q);
	return rc;
}

static void parse_body(cb_draft *d, const char *body)
{
	size_t cap = 0;

	while (body && *body) {
		size_t line = strcspn(body, "\n"), key = strcspn(body, "\t");
		if (key < line) {
			if (d->count == cap) {
				cap = cap ? cap * 2 : 16;
				d->keys = xreallocarray(d->keys, cap, sizeof *d->keys);
				d->values = xreallocarray(d->values, cap, sizeof *d->values);
			}
			d->keys[d->count] = unescape(body, key);
			d->values[d->count++] = unescape(body + key + 1, line - key - 1);
		}
		body += line + (body[line] == '\n');
	}
}

enum cb_status cb_drafts_list(cb_store *st, cb_draft **out, size_t *count, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	enum cb_status rc = CB_OK;
	int step;

	*out = NULL;
	*count = 0;
	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT kind, target, title, saved_at, body FROM drafts ORDER BY saved_at",
			       -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "reading drafts");
		goto out;
	}
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 4;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		cb_draft *d = &(*out)[(*count)++];
		memset(d, 0, sizeof *d);
		d->kind = xstrdup((const char *)sqlite3_column_text(q, 0));
		d->target = xstrdup((const char *)sqlite3_column_text(q, 1));
		d->title = xstrdup((const char *)sqlite3_column_text(q, 2));
		d->saved_at = xstrdup((const char *)sqlite3_column_text(q, 3));
		parse_body(d, (const char *)sqlite3_column_text(q, 4));
	}
	if (step != SQLITE_DONE)
		rc = cb_store_fail(st, err, "reading drafts");
out:
	sqlite3_finalize(q);
	return rc;
}

void cb_drafts_free(cb_draft *drafts, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		cb_draft *d = &drafts[i];
		for (size_t k = 0; k < d->count; k++) {
			free(d->keys[k]);
			free(d->values[k]);
		}
		free(d->keys);
		free(d->values);
		free(d->kind);
		free(d->target);
		free(d->title);
		free(d->saved_at);
	}
	free(drafts);
}

const char *cb_draft_value(const cb_draft *d, const char *key)
{
	for (size_t i = 0; i < d->count; i++)
		if (strcmp(d->keys[i], key) == 0)
			return d->values[i];
	return NULL;
}
