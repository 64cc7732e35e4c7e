/* import.c: the caseload file reader: YAML document, generic record checks, lookup and insert. */
#include "cli/import_priv.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/dates.h"
#include "core/ids.h"

#define DEFAULT_MAX_PROBLEMS 100

static void walk_list(imp *im, yaml_node_t *list, enum cb_rkind kind, const rec *up);

/* ---- problems and the database ---- */

static void too_many(imp *im)
{
	if (!im->full && im->n_problems >= im->max_problems) {
		cb_diag_add(im->problems, "%s: stopped after %zu problems; fix these and import again",
			    im->file, im->n_problems);
		im->full = true;
	}
}

void imp_took_problems(imp *im, rec *r, size_t before)
{
	size_t added = im->problems->count - before;

	if (added == 0)
		return;
	if (r)
		r->bad = true;
	im->n_problems += added;
	too_many(im);
}

bool imp_stopped(const imp *im)
{
	return im->full || im->fatal != CB_OK;
}

void imp_problem(imp *im, rec *r, int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (r)
		r->bad = true;
	if (im->full)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	cb_diag_add(im->problems, "%s:%d: %s", im->file, line, msg);
	free(msg);
	im->n_problems++;
	too_many(im);
}

void imp_store_failed(imp *im, const char *doing)
{
	if (im->fatal == CB_OK)
		im->fatal = cb_store_fail(im->st, im->err, doing);
	if (im->fatal == CB_OK || im->fatal == CB_INVALID)
		im->fatal = CB_ERROR;
}


bool imp_writing(const imp *im)
{
	return im->n_problems == 0 && im->fatal == CB_OK;
}

static sqlite3_stmt *prepared(imp *im, sqlite3_stmt **slot, const char *sql)
{
	if (*slot == NULL &&
	    sqlite3_prepare_v3(im->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) != SQLITE_OK) {
		imp_store_failed(im, "reading the casebook");
		return NULL;
	}
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return *slot;
}

sqlite3_stmt *imp_query(imp *im, enum imp_query which)
{
	static const char *const sql[Q_COUNT] = {
		[Q_MEMBER] = "SELECT relationship FROM family_members WHERE family_id = ?1 AND "
			     "person_id = ?2",
		[Q_BORN] = "SELECT born FROM people WHERE id = ?1",
		[Q_REF_OWNER] = "SELECT id FROM families WHERE family_ref = ?1 AND id <> ?2",
		[Q_ANSWERS] = "SELECT item, value FROM assessment_answers WHERE assessment_id = ?1 "
			      "ORDER BY item",
		[Q_ATTENDEES] = "SELECT practitioner_id FROM supervision_attendees WHERE "
				"supervision_id = ?1 ORDER BY practitioner_id",
		[Q_SUPCASES] = "SELECT case_id, decision FROM supervision_cases WHERE "
			       "supervision_id = ?1 ORDER BY case_id",
		[Q_INS_MEMBER] = "INSERT INTO family_members(family_id, person_id, relationship, "
				 "created_at, created_by, device_id, updated_at) "
				 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		[Q_INS_ANSWER] = "INSERT INTO assessment_answers(assessment_id, item, value) "
				 "VALUES (?1, ?2, ?3)",
		[Q_INS_SCORE] = "INSERT INTO assessment_scores(assessment_id, scale, score, answered, "
				"applicable) VALUES (?1, ?2, ?3, ?4, ?5)",
		[Q_INS_ATTENDEE] = "INSERT INTO supervision_attendees(supervision_id, practitioner_id) "
				   "VALUES (?1, ?2)",
		[Q_INS_SUPCASE] = "INSERT INTO supervision_cases(supervision_id, case_id, decision) "
				  "VALUES (?1, ?2, ?3)",
	};
	return prepared(im, &im->q[which], sql[which]);
}

bool imp_step_write(imp *im, rec *r, sqlite3_stmt *q)
{
	int rc = sqlite3_step(q);

	if (rc == SQLITE_DONE)
		return true;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		imp_problem(im, r, r->line, "this %s cannot be saved: %s; correct it and import again",
			    r->rt->name, sqlite3_errmsg(im->db));
	else
		imp_store_failed(im, "saving the import");
	return false;
}

/* Own columns of a record type, in field order (no lists, no membership). */
static bool own_column(const cb_field *f)
{
	return f->column && !(f->flags & CB_FF_MEMBER);
}

static const char *insert_sql(const cb_rectype *rt, strbuf *sb)
{
	int n = 0;

	sb_appendf(sb, "INSERT INTO %s(", rt->table);
	if (rt->parent)
		sb_appendf(sb, "%s", rt->parent), n++;
	for (size_t i = 0; i < rt->n_fields; i++)
		if (own_column(&rt->fields[i]))
			sb_appendf(sb, "%s%s", n++ ? ", " : "", rt->fields[i].column);
	sb_append(sb, ") VALUES (");
	for (int i = 0; i < n; i++)
		sb_append(sb, i ? ", ?" : "?");
	sb_append(sb, ")");
	return sb_str(sb);
}

static const char *get_sql(const cb_rectype *rt, strbuf *sb)
{
	sb_appendf(sb, "SELECT %s", rt->parent ? rt->parent : "NULL");
	for (size_t i = 0; i < rt->n_fields; i++)
		if (own_column(&rt->fields[i]))
			sb_appendf(sb, ", %s", rt->fields[i].column);
	sb_appendf(sb, " FROM %s WHERE id = ?1", rt->table);
	return sb_str(sb);
}

/* The per-type insert / lookup / existence statements, made on first use. */
static sqlite3_stmt *kind_stmt(imp *im, const cb_rectype *rt, char what)
{
	strbuf sb = {0};
	sqlite3_stmt **slot = what == 'i' ? &im->q_insert[rt->kind]
			    : what == 'g' ? &im->q_get[rt->kind] : &im->q_exists[rt->kind];
	sqlite3_stmt *q;

	if (*slot == NULL) {
		if (what == 'i')
			insert_sql(rt, &sb);
		else if (what == 'g')
			get_sql(rt, &sb);
		else
			sb_appendf(&sb, "SELECT 1 FROM %s WHERE id = ?1", rt->table);
	}
	q = prepared(im, slot, sb.data);
	sb_free(&sb);
	return q;
}

/* ---- the YAML document ---- */

yaml_node_t *imp_node(imp *im, yaml_node_item_t i)
{
	return yaml_document_get_node(&im->doc, i);
}

int imp_line(const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

const char *imp_scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

bool imp_is_null(const yaml_node_t *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
		if (strcmp(imp_scalar(n), nulls[i]) == 0)
			return true;
	return false;
}

void imp_shown(const yaml_node_t *n, char *buf, size_t size)
{
	const char *s = n->type == YAML_SCALAR_NODE ? imp_scalar(n) : "(a list or map)";
	size_t len = strlen(s), keep = len > 40 ? 37 : len, i;

	if (keep + 4 > size)
		keep = size - 4;
	for (i = 0; i < keep; i++)
		buf[i] = (unsigned char)s[i] < 0x20 ? '?' : s[i];
	strcpy(buf + i, len > keep ? "..." : "");
}

/* Refuses anchors and aliases: a node used twice would be imported twice. */
static bool has_alias(imp *im)
{
	size_t n = (size_t)(im->doc.nodes.top - im->doc.nodes.start);
	unsigned char *seen = xcalloc(n + 1, 1);
	int bad_line = 0;

	for (yaml_node_t *node = im->doc.nodes.start; node < im->doc.nodes.top && !bad_line; node++) {
		yaml_node_item_t *kids[2] = {NULL, NULL}, *ends[2] = {NULL, NULL};
		if (node->type == YAML_SEQUENCE_NODE) {
			kids[0] = node->data.sequence.items.start;
			ends[0] = node->data.sequence.items.top;
		}
		for (yaml_node_pair_t *p = node->type == YAML_MAPPING_NODE
						   ? node->data.mapping.pairs.start : NULL;
		     p && p < node->data.mapping.pairs.top && !bad_line; p++) {
			if (seen[p->key]++ || seen[p->value]++)
				bad_line = imp_line(imp_node(im, p->key));
		}
		for (yaml_node_item_t *k = kids[0]; k && k < ends[0] && !bad_line; k++)
			if (seen[*k]++)
				bad_line = imp_line(imp_node(im, *k));
	}
	free(seen);
	if (bad_line)
		imp_problem(im, NULL, bad_line, "YAML anchors and aliases (&name, *name) are not "
			    "allowed in a caseload file; write each record out in full");
	return bad_line != 0;
}

/* 1-based line of a byte offset (reader errors carry no line of their own). */
static int offset_line(const unsigned char *data, size_t len, size_t offset)
{
	int line = 1;

	for (size_t i = 0; i < offset && i < len; i++)
		line += data[i] == '\n';
	return line;
}

static void syntax_problem(imp *im, const yaml_parser_t *p, const unsigned char *data, size_t len)
{
	const char *problem = p->problem ? p->problem : "unreadable text";

	if (p->error == YAML_READER_ERROR)
		imp_problem(im, NULL, offset_line(data, len, p->problem_offset),
			    "the file is not UTF-8 text here (%s); save it as UTF-8", problem);
	else if (p->context)
		imp_problem(im, NULL, (int)p->problem_mark.line + 1,
			    "not valid YAML: %s %s (from line %d); check the indentation, colons "
			    "and quotes here and just above", problem, p->context,
			    (int)p->context_mark.line + 1);
	else
		imp_problem(im, NULL, (int)p->problem_mark.line + 1,
			    "not valid YAML: %s; check the indentation, colons and quotes here and "
			    "just above", problem);
}

/* Parses the one document of the file; false (with a problem) if it cannot. */
static bool load_document(imp *im, const unsigned char *data, size_t len, bool *loaded)
{
	yaml_parser_t p;
	yaml_document_t extra;
	yaml_node_t *root;
	bool ok = false;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, data, len);
	if (!yaml_parser_load(&p, &im->doc)) {
		syntax_problem(im, &p, data, len);
		goto out;
	}
	*loaded = true;
	if ((root = yaml_document_get_root_node(&im->doc)) == NULL) {
		imp_problem(im, NULL, 1, "the file is empty; a caseload file starts with 'casebook: %d'",
			    CB_DATA_FORMAT_VERSION);
		goto out;
	}
	if (!yaml_parser_load(&p, &extra)) {
		syntax_problem(im, &p, data, len);
		goto out;
	}
	if (yaml_document_get_root_node(&extra))
		imp_problem(im, NULL, (int)extra.start_mark.line + 1,
			    "a second YAML document starts here; a caseload file holds one document "
			    "(remove the '---' and join them)");
	else
		ok = !has_alias(im);
	yaml_document_delete(&extra);
out:
	yaml_parser_delete(&p);
	return ok;
}

/* ---- records: values ---- */

const char *imp_val(const rec *r, const char *key)
{
	long i = cb_rectype_field(r->rt, key);
	return i < 0 ? NULL : r->val[i];
}

yaml_node_t *imp_vnode(const rec *r, const char *key)
{
	long i = cb_rectype_field(r->rt, key);
	return i < 0 ? NULL : r->vnode[i];
}

int imp_vline(const rec *r, const char *key)
{
	long i = cb_rectype_field(r->rt, key);

	if (i >= 0 && r->vnode[i])
		return imp_line(r->vnode[i]);
	if (i >= 0 && r->kline[i])
		return r->kline[i];
	return r->line;
}

const rec *imp_up(const rec *r, enum cb_rkind kind)
{
	for (; r; r = r->up)
		if (r->rt->kind == kind)
			return r;
	return NULL;
}

const char *imp_family_of(const rec *r)
{
	const rec *fam = imp_up(r, CB_R_FAMILY);
	return fam ? fam->id : NULL;
}

bool imp_known(imp *im, enum cb_rkind kind, const char *id)
{
	sqlite3_stmt *q;
	bool found;

	if (cb_strmap_get(&im->ids[kind], id))
		return true;
	if ((q = kind_stmt(im, &cb_rectypes[kind], 'e')) == NULL)
		return false;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	found = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_reset(q);
	return found;
}

const cb_form_set *imp_forms(imp *im)
{
	if (!im->forms_asked) {
		im->forms_asked = true;
		im->forms = im->opts->forms ? im->opts->forms(im->opts->forms_ctx) : NULL;
	}
	return im->forms;
}

/* "an id", "one of: a, b", ... for messages; the caller frees it. */
static char *expected(const cb_field *f)
{
	char *words;
	char *s;

	switch (f->type) {
	case CB_F_ID: return xstrdup("1-64 letters, digits, '.', '_' or '-', starting with a letter "
				     "or digit");
	case CB_F_DATE: return xstrdup("a date YYYY-MM-DD (a real day)");
	case CB_F_DATETIME: return xstrdup("a local date and time YYYY-MM-DDTHH:MM");
	case CB_F_BOOL: return xstrdup("true or false");
	case CB_F_INT: return xasprintf("a whole number from %ld to %ld", f->lo, f->hi);
	case CB_F_REF: return xasprintf("the id of a %s", cb_rectypes[f->ref].name);
	case CB_F_UTC: return xstrdup("a UTC time YYYY-MM-DDTHH:MM:SS.mmmZ");
	case CB_F_HLC: return xstrdup("a clock value as casebook export writes it "
				      "(YYYY-MM-DDTHH:MM:SS.mmmZ-CCCC-DEVICE)");
	case CB_F_LIST: return xasprintf("a list of %s", cb_rectypes[f->ref].plural);
	case CB_F_IDLIST: return xasprintf("a list of %s ids", cb_rectypes[f->ref].name);
	case CB_F_ANSWERS: return xstrdup("a map of item id: answer");
	case CB_F_ENUM:
		words = cb_words_list(f->allowed);
		s = xasprintf("one of: %s", words);
		free(words);
		return s;
	default: return xstrdup("some text");
	}
}

static void bad_value(imp *im, rec *r, const cb_field *f, const yaml_node_t *v, const char *what)
{
	char shown[48];
	char *hint = expected(f);

	imp_shown(v, shown, sizeof shown);
	imp_problem(im, r, imp_line(v), "%s '%s' %s; expected %s", f->key, shown, what, hint);
	free(hint);
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* Parses a whole decimal number into *v; false for anything else. */
static bool whole_number(const char *s, long *v)
{
	char *end;

	errno = 0;
	if (!(isdigit((unsigned char)*s) || (*s == '-' && isdigit((unsigned char)s[1]))))
		return false;
	*v = strtol(s, &end, 10);
	return errno == 0 && *end == '\0';
}

static bool check_bool(rec *r, long i, const char *s)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 || strcmp(s, "TRUE") == 0)
		r->val[i] = "1";
	else if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 || strcmp(s, "FALSE") == 0)
		r->val[i] = "0";
	return r->val[i] != NULL;
}

static bool in_list(const char *const *words, const char *s)
{
	for (size_t i = 0; words[i]; i++)
		if (strcmp(words[i], s) == 0)
			return true;
	return false;
}

static bool utc_ok(const char *s)
{
	int64_t ms;
	return strlen(s) == 24 && s[23] == 'Z' && s[19] == '.' && cb_parse_utc_ms(s, &ms);
}

/* Checks a person reference: it must be a member of the record's family. */
static void check_person_ref(imp *im, rec *r, const cb_field *f, const yaml_node_t *v)
{
	const char *family = imp_family_of(r), *id = imp_scalar(v);
	char *key;
	sqlite3_stmt *q;
	bool found;

	if (family == NULL)
		return;
	key = xasprintf("%s\x1f%s", family, id);
	found = cb_strmap_get(&im->members, key) != NULL;
	free(key);
	if (!found && (q = imp_query(im, Q_MEMBER)) != NULL) {
		sqlite3_bind_text(q, 1, family, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, id, -1, SQLITE_STATIC);
		found = sqlite3_step(q) == SQLITE_ROW;
		sqlite3_reset(q);
	}
	if (!found && !imp_stopped(im))
		imp_problem(im, r, imp_line(v), "%s '%s' is not a person of family '%s'; list them "
			    "under that family's people or correct the id", f->key, id, family);
}

static const char *where_to_add(enum cb_rkind kind)
{
	switch (kind) {
	case CB_R_TEAM: return "under teams";
	case CB_R_PRACTITIONER: return "under practitioners";
	case CB_R_CASE: return "under its family's cases";
	default: return "to the file";
	}
}

static void check_ref(imp *im, rec *r, const cb_field *f, const yaml_node_t *v)
{
	const char *id = imp_scalar(v);

	if (!cb_id_valid(id)) {
		bad_value(im, r, f, v, "is not a valid id");
		return;
	}
	r->val[f - r->rt->fields] = id;
	if (f->flags & CB_FF_PERSON) {
		check_person_ref(im, r, f, v);
	} else if (f->ref == CB_R_GOAL) {
		if (im->n_pairs == im->cap_pairs) {
			im->cap_pairs = im->cap_pairs ? im->cap_pairs * 2 : 16;
			im->pairs = xreallocarray(im->pairs, im->cap_pairs, sizeof *im->pairs);
		}
		im->pairs[im->n_pairs++] = (imp_pair){xstrdup(id), imp_line(v)};
	} else if (!imp_known(im, f->ref, id) && !imp_stopped(im)) {
		imp_problem(im, r, imp_line(v), "%s '%s' is not in this file or in the casebook; add "
			    "that %s %s or correct the id", f->key, id, cb_rectypes[f->ref].name,
			    where_to_add(f->ref));
	}
}

/* Why s is not a good value of type t, or NULL if it is. */
static const char *scalar_fault(const cb_field *f, const char *s)
{
	cb_date d;
	int minute;
	long n;
	cb_hlc h;

	switch (f->type) {
	case CB_F_ID: return cb_id_valid(s) ? NULL : "is not a valid id";
	case CB_F_DATE: return cb_date_parse(s, &d) ? NULL : "is not a valid date";
	case CB_F_DATETIME:
		return strlen(s) == 16 && cb_datetime_parse(s, &d, &minute)
			       ? NULL : "is not a valid date and time";
	case CB_F_ENUM: return in_list(f->allowed, s) ? NULL : "is not allowed";
	case CB_F_INT:
		return whole_number(s, &n) && n >= f->lo && n <= f->hi ? NULL : "is not allowed";
	case CB_F_UTC: return utc_ok(s) ? NULL : "is not a valid UTC time";
	case CB_F_HLC: return cb_hlc_parse(s, &h) ? NULL : "is not a valid clock value";
	default: return NULL;
	}
}

/* Checks one scalar value by its field's type and keeps it in r->val when good. */
static void check_scalar(imp *im, rec *r, long i, const yaml_node_t *v)
{
	const cb_field *f = &r->rt->fields[i];
	const char *s = imp_scalar(v), *fault;

	if (f->type == CB_F_REF) {
		check_ref(im, r, f, v);
	} else if (f->type == CB_F_BOOL) {
		if (!check_bool(r, i, s))
			bad_value(im, r, f, v, "is not true or false");
	} else if (f->type == CB_F_NAME && blank(s)) {
		imp_problem(im, r, imp_line(v), "%s is blank; write it out, or leave the key out if "
			    "it is optional", f->key);
	} else if ((fault = scalar_fault(f, s)) != NULL) {
		bad_value(im, r, f, v, fault);
	} else {
		r->val[i] = s;
	}
}

static void check_shape(imp *im, rec *r, long i, yaml_node_t *v)
{
	const cb_field *f = &r->rt->fields[i];
	bool ok;

	switch (f->type) {
	case CB_F_LIST:
	case CB_F_IDLIST: ok = v->type == YAML_SEQUENCE_NODE; break;
	case CB_F_ANSWERS: ok = v->type == YAML_MAPPING_NODE; break;
	default:
		if (v->type == YAML_SCALAR_NODE) {
			check_scalar(im, r, i, v);
			return;
		}
		ok = false;
		break;
	}
	if (!ok)
		bad_value(im, r, f, v, "has the wrong shape");
}

static void missing(imp *im, rec *r, const cb_field *f)
{
	bool text = f->type == CB_F_TEXT || f->type == CB_F_NAME;
	char *hint = text ? xstrdup("") : expected(f);
	char *what = r->id ? xasprintf("%s '%s'", r->rt->name, r->id)
			   : xasprintf("this %s", r->rt->name);

	imp_problem(im, r, r->line, "%s has no %s; it is required%s%s%s", what, f->key,
		    text ? "" : " (", hint, text ? "" : ")");
	free(what);
	free(hint);
}

static void check_values(imp *im, rec *r)
{
	long id_field = cb_rectype_field(r->rt, "id");

	if (id_field >= 0 && r->vnode[id_field])
		check_shape(im, r, id_field, r->vnode[id_field]);
	r->id = id_field >= 0 ? r->val[id_field] : NULL;
	for (size_t i = 0; i < r->rt->n_fields && !imp_stopped(im); i++) {
		const cb_field *f = &r->rt->fields[i];
		if ((long)i == id_field)
			continue;
		if (r->vnode[i])
			check_shape(im, r, (long)i, r->vnode[i]);
		else if (f->flags & CB_FF_REQUIRED)
			missing(im, r, f);
		else
			r->val[i] = f->dflt;
	}
	if (id_field >= 0 && r->vnode[id_field] == NULL)
		missing(im, r, &r->rt->fields[id_field]);
}

/* " did you mean 'need'?" when word looks like a typo of one of words, else "". */
static char *did_you_mean(const char *word, const char *const *words, size_t n)
{
	const char *near = cb_closest(word, words, n);
	return near ? xasprintf(" did you mean '%s'?", near) : xstrdup("");
}

static void unknown_key(imp *im, rec *r, const yaml_node_t *k)
{
	const char *keys[IMP_MAXF];
	char shown[48], *list, *hint;

	for (size_t i = 0; i < r->rt->n_fields; i++)
		keys[i] = r->rt->fields[i].key;
	keys[r->rt->n_fields] = NULL;
	list = cb_words_list(keys);
	hint = did_you_mean(imp_scalar(k), keys, r->rt->n_fields);
	imp_shown(k, shown, sizeof shown);
	imp_problem(im, r, imp_line(k), "unknown key '%s' in this %s;%s expected one of: %s", shown,
		    r->rt->name, hint, list);
	free(hint);
	free(list);
}

static void read_keys(imp *im, rec *r)
{
	yaml_node_pair_t *p;

	for (p = r->node->data.mapping.pairs.start; p < r->node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = imp_node(im, p->key), *v = imp_node(im, p->value);
		long i = k->type == YAML_SCALAR_NODE ? cb_rectype_field(r->rt, imp_scalar(k)) : -1;

		if (k->type != YAML_SCALAR_NODE) {
			imp_problem(im, r, imp_line(k), "expected a key name here, not a list or map");
		} else if (i < 0) {
			unknown_key(im, r, k);
		} else if (r->kline[i]) {
			imp_problem(im, r, imp_line(k), "key '%s' appears twice in this %s (also at "
				    "line %d); keep one", r->rt->fields[i].key, r->rt->name,
				    r->kline[i]);
		} else {
			r->kline[i] = imp_line(k);
			r->vnode[i] = imp_is_null(v) ? NULL : v;
		}
	}
}

void imp_read_record(imp *im, rec *r)
{
	read_keys(im, r);
	check_values(im, r);
}

/* ---- records: lookup, compare, insert ---- */

void imp_resolve_meta(imp *im, rec *r)
{
	for (size_t i = 0; i < r->rt->n_fields; i++) {
		const cb_field *f = &r->rt->fields[i];
		if (!(f->flags & CB_FF_META) || r->val[i])
			continue;
		if (f->type == CB_F_UTC) {
			cb_store_now(im->st, r->now);
			r->val[i] = r->now;
		} else if (f->type == CB_F_HLC) {
			cb_store_hlc_next(im->st, r->hlc);
			r->val[i] = r->hlc;
		} else if (strcmp(f->key, "created_by") == 0) {
			r->val[i] = cb_store_actor(im->st);
		} else {
			r->val[i] = cb_store_device(im->st);
		}
	}
}

static bool numeric(const cb_field *f)
{
	return f->type == CB_F_BOOL || f->type == CB_F_INT;
}

static void bind_value(sqlite3_stmt *q, int col, const cb_field *f, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(q, col);
	else if (numeric(f))
		sqlite3_bind_int64(q, col, strtoll(v, NULL, 10));
	else
		sqlite3_bind_text(q, col, v, -1, SQLITE_STATIC);
}

static bool same_value(sqlite3_stmt *q, int col, const cb_field *f, const char *v)
{
	const char *have = (const char *)sqlite3_column_text(q, col);

	if (v == NULL || have == NULL)
		return v == NULL && have == NULL;
	if (numeric(f))
		return sqlite3_column_int64(q, col) == strtoll(v, NULL, 10);
	return strcmp(have, v) == 0;
}

static bool insert_row(imp *im, rec *r)
{
	sqlite3_stmt *q = kind_stmt(im, r->rt, 'i');
	int col = 1;

	if (q == NULL)
		return false;
	if (r->rt->parent)
		sqlite3_bind_text(q, col++, r->up->id, -1, SQLITE_STATIC);
	for (size_t i = 0; i < r->rt->n_fields; i++)
		if (own_column(&r->rt->fields[i]))
			bind_value(q, col++, &r->rt->fields[i], r->val[i]);
	return imp_step_write(im, r, q);
}

/* Compares r with its row in the casebook: 1 found (differences named in
 * diffs), 0 not there, -1 the database failed. */
static int compare_row(imp *im, rec *r, strbuf *diffs)
{
	sqlite3_stmt *q = kind_stmt(im, r->rt, 'g');
	const char *parent;
	int step, col = 1;

	if (q == NULL)
		return -1;
	sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(q)) != SQLITE_ROW) {
		if (step != SQLITE_DONE)
			imp_store_failed(im, "reading the casebook");
		return step == SQLITE_DONE ? 0 : -1;
	}
	parent = (const char *)sqlite3_column_text(q, 0);
	if (r->rt->parent && (parent == NULL || strcmp(parent, r->up->id ? r->up->id : "") != 0))
		sb_appendf(diffs, "%sit belongs to %s '%s'", diffs->len ? ", " : "", r->up->rt->name,
			   parent ? parent : "");
	for (size_t i = 0; i < r->rt->n_fields; i++) {
		const cb_field *f = &r->rt->fields[i];
		if (!own_column(f))
			continue;
		int c = col++;
		if (((f->flags & (CB_FF_META | CB_FF_SOFT)) && r->vnode[i] == NULL) ||
		    same_value(q, c, f, r->val[i]))
			continue;
		sb_appendf(diffs, "%s%s", diffs->len ? ", " : "", f->key);
	}
	return 1;
}

static void report_conflict(imp *im, rec *r, const strbuf *diffs)
{
	const cb_strmap_entry *first = cb_strmap_get(&im->ids[r->rt->kind], r->id);

	if (r->again && first)
		imp_problem(im, r, r->line, "%s '%s' appears earlier in this file (line %d) with "
			    "different content (%s); the same id must describe the same %s",
			    r->rt->name, r->id, first->line, sb_str(diffs), r->rt->name);
	else
		imp_problem(im, r, r->line, "%s '%s' is already in the casebook with different "
			    "content (%s); give the new record its own id, or make it match",
			    r->rt->name, r->id, sb_str(diffs));
}

/* Skips r if the casebook already has it identically, else inserts it. */
static void save(imp *im, rec *r)
{
	const imp_kind_ops *ops = &imp_kinds[r->rt->kind];
	strbuf diffs = {0};
	int found = r->rt->has_id ? compare_row(im, r, &diffs) : 0;

	if (found > 0) {
		if (ops->compare)
			ops->compare(im, r, &diffs);
		if (diffs.len) {
			report_conflict(im, r, &diffs);
		} else {
			im->res->skipped += !r->again;
			if (ops->skipped)
				ops->skipped(im, r);
		}
	} else if (found == 0 && imp_writing(im)) {
		imp_resolve_meta(im, r);
		if (insert_row(im, r) && (ops->insert == NULL || ops->insert(im, r)))
			im->res->imported[r->rt->kind]++;
	}
	sb_free(&diffs);
}

/* ---- walking the file ---- */

/* Remembers r's id; a second record with the same id is a problem. */
static void register_id(imp *im, rec *r)
{
	const cb_strmap_entry *seen;
	char *key;

	if (r->id == NULL)
		return;
	if (r->rt->kind == CB_R_PERSON) {
		key = xasprintf("%s\x1f%s", r->up->id ? r->up->id : "", r->id);
		if ((seen = cb_strmap_add(&im->members, key, r->line, NULL)))
			imp_problem(im, r, r->line, "person '%s' is listed twice in family '%s' "
				    "(also at line %d); keep one", r->id, r->up->id, seen->line);
		free(key);
		r->again = cb_strmap_add(&im->ids[CB_R_PERSON], r->id, r->line, NULL) != NULL;
		cb_strmap_add(&im->born, r->id, r->line, imp_val(r, "born"));
		return;
	}
	if ((seen = cb_strmap_add(&im->ids[r->rt->kind], r->id, r->line, NULL)))
		imp_problem(im, r, r->line, "%s id '%s' is used twice in this file (also at line %d); "
			    "every record needs its own id", r->rt->name, r->id, seen->line);
}

static void rec_free(rec *r)
{
	free(r->answers);
	free(r->answer_lines);
	free(r->attendees);
	free(r->cases);
}

static void walk_record(imp *im, yaml_node_t *node, enum cb_rkind kind, const rec *up)
{
	rec r = {.rt = &cb_rectypes[kind], .up = up, .node = node, .line = imp_line(node)};
	const imp_kind_ops *ops = &imp_kinds[kind];

	imp_read_record(im, &r);
	if (ops->check && !imp_stopped(im))
		ops->check(im, &r);
	register_id(im, &r);
	if (!r.bad && !imp_stopped(im))
		save(im, &r);
	for (size_t i = 0; i < r.rt->n_fields && !imp_stopped(im); i++) {
		const cb_field *f = &r.rt->fields[i];
		if (f->type == CB_F_LIST && f->ref != CB_R_SUPCASE)
			walk_list(im, r.vnode[i], f->ref, &r);
	}
	rec_free(&r);
}

static void walk_list(imp *im, yaml_node_t *list, enum cb_rkind kind, const rec *up)
{
	const cb_rectype *rt = &cb_rectypes[kind];

	if (list == NULL || list->type != YAML_SEQUENCE_NODE)
		return; /* absent, or already reported by check_shape */
	for (yaml_node_item_t *it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top && !imp_stopped(im); it++) {
		yaml_node_t *node = imp_node(im, *it);
		if (node->type == YAML_MAPPING_NODE)
			walk_record(im, node, kind, up);
		else
			imp_problem(im, NULL, imp_line(node), "expected %s %s here (a map of keys such "
				    "as 'id: ...'), not %s", strchr("aeiou", rt->name[0]) ? "an" : "a",
				    rt->name,
				    node->type == YAML_SCALAR_NODE ? "a single value" : "a list");
	}
}

/* Goals may pair with goals further down the file: checked at the end. */
static void check_pairs(imp *im)
{
	for (size_t i = 0; i < im->n_pairs && !imp_stopped(im); i++)
		if (!imp_known(im, CB_R_GOAL, im->pairs[i].id) && !imp_stopped(im))
			imp_problem(im, NULL, im->pairs[i].line, "paired_with '%s' is not a goal in this "
				    "file or in the casebook; correct the id or leave paired_with out",
				    im->pairs[i].id);
}

static bool check_version(imp *im, yaml_node_t *root, yaml_node_t *v)
{
	char shown[48];

	if (v == NULL) {
		imp_problem(im, NULL, imp_line(root), "the file does not say its format version; add "
			    "'casebook: %d' at the top", CB_DATA_FORMAT_VERSION);
		return false;
	}
	if (v->type == YAML_SCALAR_NODE && strcmp(imp_scalar(v), "1") == 0)
		return true;
	imp_shown(v, shown, sizeof shown);
	imp_problem(im, NULL, imp_line(v), "format version '%s' is not supported; this casebook "
		    "reads version %d files (see casebook-data(5))", shown, CB_DATA_FORMAT_VERSION);
	return false;
}

/* Finds the top-level keys; reports unknown and repeated ones. */
static void top_keys(imp *im, yaml_node_t *root, yaml_node_t **version, yaml_node_t **sections)
{
	int seen_line[8] = {0};

	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = imp_node(im, p->key), *v = imp_node(im, p->value);
		const char *name = k->type == YAML_SCALAR_NODE ? imp_scalar(k) : "";
		size_t s;
		for (s = 0; s < cb_n_data_sections; s++)
			if (strcmp(name, cb_data_sections[s].key) == 0)
				break;
		if (strcmp(name, "casebook") == 0) {
			*version = v;
		} else if (s == cb_n_data_sections) {
			static const char *const top[] = {"casebook", "teams", "practitioners",
							  "families", "supervisions"};
			char shown[48], *hint = did_you_mean(name, top, 5);
			imp_shown(k, shown, sizeof shown);
			imp_problem(im, NULL, imp_line(k), "unknown key '%s' at the top of the file;%s "
				    "expected one of: casebook, teams, practitioners, families, "
				    "supervisions", shown, hint);
			free(hint);
		} else if (seen_line[s]) {
			imp_problem(im, NULL, imp_line(k), "key '%s' appears twice (also at line %d); "
				    "put all its records in one list", name, seen_line[s]);
		} else {
			seen_line[s] = imp_line(k);
			sections[s] = imp_is_null(v) ? NULL : v;
		}
	}
}

static void walk_document(imp *im)
{
	yaml_node_t *root = yaml_document_get_root_node(&im->doc);
	yaml_node_t *version = NULL, *sections[8] = {NULL};

	if (root->type != YAML_MAPPING_NODE) {
		imp_problem(im, NULL, imp_line(root), "expected a map of keys starting with "
			    "'casebook: %d' (see casebook-data(5))", CB_DATA_FORMAT_VERSION);
		return;
	}
	top_keys(im, root, &version, sections);
	if (!check_version(im, root, version))
		return;
	for (size_t s = 0; s < cb_n_data_sections && !imp_stopped(im); s++) {
		yaml_node_t *list = sections[s];
		if (list && list->type != YAML_SEQUENCE_NODE)
			imp_problem(im, NULL, imp_line(list), "%s should be a list (each item starting "
				    "with '- ')", cb_data_sections[s].key);
		else
			walk_list(im, list, cb_data_sections[s].kind, NULL);
	}
	check_pairs(im);
}

/* ---- the transaction ---- */

static void imp_free(imp *im)
{
	for (int k = 0; k < CB_R_COUNT; k++) {
		cb_strmap_free(&im->ids[k]);
		sqlite3_finalize(im->q_insert[k]);
		sqlite3_finalize(im->q_get[k]);
		sqlite3_finalize(im->q_exists[k]);
	}
	for (int q = 0; q < Q_COUNT; q++)
		sqlite3_finalize(im->q[q]);
	cb_strmap_free(&im->members);
	cb_strmap_free(&im->refs);
	cb_strmap_free(&im->born);
	for (size_t i = 0; i < im->n_pairs; i++)
		free(im->pairs[i].id);
	free(im->pairs);
}

/* Walks the document inside one transaction; commits only if all was well. */
static enum cb_status run(imp *im)
{
	enum cb_status rc;

	if ((rc = cb_store_begin_bulk(im->st, im->err)))
		return rc;
	if (sqlite3_exec(im->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
		imp_store_failed(im, "starting the import");
	else
		walk_document(im);
	if (im->fatal == CB_OK && im->n_problems == 0 && (rc = cb_store_commit(im->st, im->err)))
		im->fatal = rc;
	if (im->fatal != CB_OK || im->n_problems) {
		cb_store_rollback(im->st);
		memset(im->res, 0, sizeof *im->res);
	}
	return im->fatal != CB_OK ? im->fatal : im->n_problems ? CB_INVALID : CB_OK;
}

enum cb_status cb_import_buffer(cb_store *st, const char *name, const unsigned char *data,
				size_t len, const cb_import_opts *opts, cb_import_result *res,
				cb_diag *problems, cb_err *err)
{
	static const cb_import_opts no_opts = {0};
	imp im = {.st = st, .db = cb_store_db(st), .file = name, .opts = opts ? opts : &no_opts,
		  .res = res, .problems = problems, .err = err};
	bool loaded = false;
	enum cb_status rc = CB_INVALID;

	memset(res, 0, sizeof *res);
	im.max_problems = im.opts->max_problems ? im.opts->max_problems : DEFAULT_MAX_PROBLEMS;
	if (load_document(&im, data, len, &loaded))
		rc = run(&im);
	if (loaded)
		yaml_document_delete(&im.doc);
	imp_free(&im);
	return rc;
}

enum cb_status cb_import_file(cb_store *st, const char *path, const cb_import_opts *opts,
			      cb_import_result *res, cb_diag *problems, cb_err *err)
{
	FILE *f = fopen(path, "rb");
	strbuf sb = {0};
	char buf[65536];
	size_t n;
	enum cb_status rc;

	memset(res, 0, sizeof *res);
	if (f == NULL)
		return cb_fail(err, errno == ENOENT ? CB_NOT_FOUND : CB_ERROR,
			       "cannot read %s: %s; check the file name and its permissions", path,
			       strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_appendn(&sb, buf, n);
	if (ferror(f))
		rc = cb_fail(err, CB_ERROR, "cannot read %s: %s", path, strerror(errno));
	else
		rc = cb_import_buffer(st, path, (const unsigned char *)(sb.data ? sb.data : ""),
				      sb.len, opts, res, problems, err);
	fclose(f);
	sb_free(&sb);
	return rc;
}

void cb_import_summary(const cb_import_result *res, FILE *out)
{
	int shown = 0;

	fputs("imported ", out);
	for (int k = 0; k < CB_R_COUNT; k++) {
		const cb_rectype *rt = &cb_rectypes[k];
		if (res->imported[k] == 0)
			continue;
		fprintf(out, "%s%ld %s", shown++ ? ", " : "", res->imported[k],
			res->imported[k] == 1 ? rt->name : rt->plural);
	}
	if (shown == 0)
		fputs("nothing new", out);
	fprintf(out, "; skipped %ld already present\n", res->skipped);
}
