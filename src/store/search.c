/* search.c: name search (LIKE and the names' FTS5 indexes), note search with notes_fts. */
#include "store/search.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "core/mem.h"

/*
 * Each word quoted, so typed text is never FTS5 syntax; the last word a prefix
 * (unless a space follows it: a whole word), or every word if every_word is set.
 */
static char *quoted_words(const char *text, bool every_word)
{
	strbuf sb = {0};
	const char *p = text;

	while (*p) {
		size_t skip = strspn(p, " \t\n"), len;
		p += skip;
		len = strcspn(p, " \t\n");
		if (len == 0)
			break;
		sb_append(&sb, sb.len ? " \"" : "\"");
		for (size_t i = 0; i < len; i++)
			sb_appendn(&sb, p[i] == '"' ? "\"\"" : p + i, p[i] == '"' ? 2 : 1);
		sb_append(&sb, "\"");
		p += len;
		if (every_word || *p == '\0')
			sb_append(&sb, "*");
	}
	return sb_take(&sb);
}

char *cb_search_fts_query(const char *text)
{
	return quoted_words(text, false);
}

/* "zo ni" finds "Zoë Ní Bhriain": people type the start of a name, rarely all of it. */
static char *name_query(const char *text)
{
	return quoted_words(text, true);
}

/* LIKE pattern for "contains", with % and _ in the text taken literally. */
static char *like_pattern(const char *text)
{
	strbuf sb = {0};

	sb_append(&sb, "%");
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			sb_append(&sb, "\\");
		sb_appendn(&sb, p, 1);
	}
	sb_append(&sb, "%");
	return sb_take(&sb);
}

/*
 * People and families whose names match, then their cases: CROSS JOIN keeps
 * that order (left to itself SQLite went through every case: 0.45 s against
 * 0.01 s with 12,000 cases). A name matches if it contains the text as typed
 * (LIKE, which folds ASCII letters only), or if its words start with the words
 * typed, accents and case aside (the FTS5 indexes of schema v6). A family with
 * no case yet (its referral not recorded when it was added) is found too, with
 * no case id, so that it can be reached to record one.
 */
static const char names_sql[] =
	"SELECT c.id, ch.name || ', ' || f.name, 'name', NULL, p.name, NULL, f.id"
	" FROM people p CROSS JOIN family_members m ON m.person_id = p.id"
	" CROSS JOIN cases c ON c.family_id = m.family_id"
	"  AND (c.child_id = p.id OR m.relationship <> 'child')"
	" JOIN families f ON f.id = c.family_id JOIN people ch ON ch.id = c.child_id"
	" WHERE p.name LIKE ?1 ESCAPE '\\'"
	"  OR p.rowid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?3)"
	" UNION ALL"
	" SELECT c.id, ch.name || ', ' || f.name, 'family', NULL, f.name || ' (' || f.family_ref || ')',"
	" NULL, f.id"
	" FROM families f CROSS JOIN cases c ON c.family_id = f.id JOIN people ch ON ch.id = c.child_id"
	" WHERE f.name LIKE ?1 ESCAPE '\\' OR f.family_ref LIKE ?1 ESCAPE '\\'"
	"  OR f.rowid IN (SELECT rowid FROM families_fts WHERE families_fts MATCH ?3)"
	" UNION ALL"
	" SELECT NULL, f.name || ', no case yet', 'family', NULL, f.name || ' (' || f.family_ref || ')',"
	" NULL, f.id"
	" FROM families f WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.family_id = f.id)"
	"  AND (f.name LIKE ?1 ESCAPE '\\' OR f.family_ref LIKE ?1 ESCAPE '\\'"
	"  OR f.rowid IN (SELECT rowid FROM families_fts WHERE families_fts MATCH ?3)"
	"  OR EXISTS (SELECT 1 FROM family_members m JOIN people p ON p.id = m.person_id"
	"   WHERE m.family_id = f.id AND (p.name LIKE ?1 ESCAPE '\\'"
	"   OR p.rowid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?3))))"
	" ORDER BY 3, 5, 1 LIMIT ?2";

/*
 * The most recently recorded matches, newest first by date. Not ranked by
 * relevance: ranking scores every note that matches, and a common word matches
 * a third of a million notes at authority scale (0.33 s against 0.02 s).
 */
static const char notes_sql[] =
	"SELECT * FROM ("
	" SELECT n.case_id, ch.name || ', ' || f.name, 'note', n.occurred_at AS at,"
	" snippet(notes_fts, -1, '', '', '…', 12), n.id, f.id"
	" FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid"
	" JOIN cases c ON c.id = n.case_id JOIN families f ON f.id = c.family_id"
	" JOIN people ch ON ch.id = c.child_id"
	" WHERE notes_fts MATCH ?1 ORDER BY notes_fts.rowid DESC LIMIT ?2)"
	" ORDER BY at DESC";

static char *dup_col(sqlite3_stmt *q, int i)
{
	const unsigned char *s = sqlite3_column_text(q, i);
	return s ? xstrdup((const char *)s) : NULL;
}

/* arg is ?1, limit ?2, and names, if not NULL, ?3. */
static enum cb_status collect(cb_store *st, const char *sql, const char *arg, const char *names,
			      size_t limit, cb_hit **out, size_t *count, size_t *cap, cb_err *err)
{
	sqlite3_stmt *q = NULL;
	enum cb_status rc = CB_OK;
	int step;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) != SQLITE_OK) {
		rc = cb_store_fail(st, err, "searching");
		goto out;
	}
	sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)limit);
	if (names)
		sqlite3_bind_text(q, 3, names, -1, SQLITE_STATIC);
	while (*count < limit && (step = sqlite3_step(q)) == SQLITE_ROW) {
		if (*count == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*out = xreallocarray(*out, *cap, sizeof **out);
		}
		cb_hit *h = &(*out)[(*count)++];
		h->case_id = dup_col(q, 0);
		h->child = dup_col(q, 1);
		h->what = dup_col(q, 2);
		h->when = dup_col(q, 3);
		h->snippet = dup_col(q, 4);
		h->note_id = dup_col(q, 5);
		h->family_id = dup_col(q, 6);
	}
out:
	sqlite3_finalize(q);
	return rc;
}

static bool blank(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

enum cb_status cb_search(cb_store *st, const char *text, size_t limit, cb_hit **out,
			 size_t *count, cb_err *err)
{
	char *like = like_pattern(text), *fts = cb_search_fts_query(text), *names = name_query(text);
	size_t cap = 0;
	enum cb_status rc = CB_OK;

	*out = NULL;
	*count = 0;
	if (!blank(text)) {
		rc = collect(st, names_sql, like, names, limit, out, count, &cap, err);
		if (rc == CB_OK)
			rc = collect(st, notes_sql, fts, NULL, limit, out, count, &cap, err);
	}
	if (rc) {
		cb_hits_free(*out, *count);
		*out = NULL;
		*count = 0;
	}
	free(like);
	free(fts);
	free(names);
	return rc;
}

void cb_hits_free(cb_hit *hits, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(hits[i].case_id);
		free(hits[i].child);
		free(hits[i].what);
		free(hits[i].when);
		free(hits[i].snippet);
		free(hits[i].note_id);
		free(hits[i].family_id);
	}
	free(hits);
}
