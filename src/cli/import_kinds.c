/* import_kinds.c: what each kind of record checks, compares and writes beyond its own row. */
#include "cli/import_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ids.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void add_diff(strbuf *diffs, const char *what)
{
	sb_appendf(diffs, "%s%s", diffs->len ? ", " : "", what);
}

/* ---- families and people ---- */

static void check_family(imp *im, rec *r)
{
	const char *ref = imp_val(r, "ref");
	int line = imp_vline(r, "ref");
	const cb_strmap_entry *seen;
	sqlite3_stmt *q;

	if (ref == NULL || r->id == NULL)
		return;
	seen = cb_strmap_add(&im->refs, ref, line, r->id);
	if (seen && strcmp(seen->text, r->id) != 0) {
		imp_problem(im, r, line, "ref '%s' is already used by family '%s' (line %d); each "
			    "family needs its own ref", ref, seen->text, seen->line);
		return;
	}
	if ((q = imp_query(im, Q_REF_OWNER)) == NULL)
		return;
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, r->id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		imp_problem(im, r, line, "ref '%s' belongs to family '%s' in the casebook; each "
			    "family needs its own ref", ref, (const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
}

static void compare_person(imp *im, rec *r, strbuf *diffs)
{
	sqlite3_stmt *q = imp_query(im, Q_MEMBER);
	const char *rel = imp_val(r, "relationship");

	if (q == NULL)
		return;
	sqlite3_bind_text(q, 1, r->up->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, r->id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_ROW)
		r->need_member = true;
	else if (strcmp((const char *)sqlite3_column_text(q, 0), rel) != 0)
		add_diff(diffs, "relationship");
	sqlite3_reset(q);
}

/* The family_members row: same metadata as the person's row. */
static bool insert_member(imp *im, rec *r)
{
	static const char *const keys[] = {"relationship", "created_at", "created_by", "device_id",
					   "updated_at"};
	sqlite3_stmt *q = imp_query(im, Q_INS_MEMBER);

	if (q == NULL)
		return false;
	sqlite3_bind_text(q, 1, r->up->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, r->id, -1, SQLITE_STATIC);
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(q, 3 + i, imp_val(r, keys[i]), -1, SQLITE_STATIC);
	return imp_step_write(im, r, q);
}

static void person_skipped(imp *im, rec *r)
{
	if (r->need_member && imp_writing(im)) {
		imp_resolve_meta(im, r);
		insert_member(im, r);
	}
}

/* ---- cases, plans, notes ---- */

/* A later date must not come before an earlier one (both already checked). */
static void date_order(imp *im, rec *r, const char *first, const char *then)
{
	const char *a = imp_val(r, first), *b = imp_val(r, then);

	if (a && b && strcmp(b, a) < 0)
		imp_problem(im, r, imp_vline(r, then), "%s %s is before %s %s; correct one of the "
			    "dates", then, b, first, a);
}

static void check_case(imp *im, rec *r)
{
	bool closed = imp_vnode(r, "closed_on") != NULL;
	bool reason = imp_vnode(r, "closure_reason") != NULL;

	if (closed && !reason)
		imp_problem(im, r, imp_vline(r, "closed_on"), "closed_on is given without "
			    "closure_reason; add closure_reason: saying why the case closed");
	else if (reason && !closed)
		imp_problem(im, r, imp_vline(r, "closure_reason"), "closure_reason is given without "
			    "closed_on; add the date the case closed (closed_on: YYYY-MM-DD) or "
			    "leave the reason out");
	date_order(im, r, "referred_on", "closed_on");
}

static void check_plan(imp *im, rec *r)
{
	date_order(im, r, "started_on", "ended_on");
}

static void check_note(imp *im, rec *r)
{
	const char *seen = imp_val(r, "child_seen"), *alone = imp_val(r, "child_seen_alone");

	if (seen && alone && strcmp(alone, "1") == 0 && strcmp(seen, "0") == 0)
		imp_problem(im, r, imp_vline(r, "child_seen_alone"), "child_seen_alone is true but "
			    "child_seen is not; a child seen alone was seen: set child_seen: true");
}

/* ---- assessments ---- */

/* The child's birth date and the assessment date; false if the date is bad. */
static bool find_subject(imp *im, rec *r)
{
	const rec *c = imp_up(r, CB_R_CASE);
	const char *child = c ? imp_val(c, "child") : NULL, *on = imp_val(r, "on");
	const cb_strmap_entry *e;
	sqlite3_stmt *q;

	if (on == NULL || !cb_date_parse(on, &r->who.on))
		return false;
	if (child == NULL)
		return true;
	if ((e = cb_strmap_get(&im->born, child)) != NULL) {
		r->who.birth_known = e->text && cb_date_parse(e->text, &r->who.birth);
	} else if ((q = imp_query(im, Q_BORN)) != NULL) {
		sqlite3_bind_text(q, 1, child, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
			r->who.birth_known = cb_date_parse((const char *)sqlite3_column_text(q, 0),
							   &r->who.birth);
		sqlite3_reset(q);
	}
	return true;
}

static bool answered_before(imp *im, rec *r, const char *item, int line)
{
	for (size_t j = 0; j < r->n_answers; j++) {
		if (strcmp(r->answers[j].item, item) == 0) {
			imp_problem(im, r, line, "item '%s' is answered twice (also at line %d); keep "
				    "one", item, r->answer_lines[j]);
			return true;
		}
	}
	return false;
}

/* Collects the answers map; null answers count as unanswered. */
static void read_answers(imp *im, rec *r)
{
	yaml_node_t *m = imp_vnode(r, "answers");
	size_t cap;

	if (m == NULL || m->type != YAML_MAPPING_NODE)
		return;
	cap = (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
	r->answers = xcalloc(cap + 1, sizeof *r->answers);
	r->answer_lines = xcalloc(cap + 1, sizeof *r->answer_lines);
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = imp_node(im, p->key), *v = imp_node(im, p->value);
		if (k->type != YAML_SCALAR_NODE) {
			imp_problem(im, r, imp_line(k), "expected an item id here, not a list or map");
		} else if (answered_before(im, r, imp_scalar(k), imp_line(k)) || imp_is_null(v)) {
			continue;
		} else if (v->type != YAML_SCALAR_NODE) {
			imp_problem(im, r, imp_line(v), "the answer to '%s' should be a single value, "
				    "not a list or map", imp_scalar(k));
		} else {
			r->answers[r->n_answers] = (cb_answer){imp_scalar(k), imp_scalar(v)};
			r->answer_lines[r->n_answers++] = imp_line(k);
		}
	}
}

/* Checks each answer on its own line, so every message points at it. */
static void check_answers(imp *im, rec *r)
{
	char where[1100];

	for (size_t j = 0; j < r->n_answers && !imp_stopped(im); j++) {
		size_t before = im->problems->count;
		snprintf(where, sizeof where, "%s:%d", im->file, r->answer_lines[j]);
		cb_answers_check(r->ins, &r->who, &r->answers[j], 1, where, im->problems);
		imp_took_problems(im, r, before);
	}
}

static const cb_instrument *find_instrument(imp *im, rec *r)
{
	const char *name = imp_val(r, "instrument");
	const cb_form_set *forms;
	const cb_instrument *ins;

	if (name == NULL)
		return NULL;
	forms = imp_forms(im);
	ins = forms ? cb_forms_find(forms, name) : NULL;
	if (ins == NULL)
		imp_problem(im, r, imp_vline(r, "instrument"), "instrument '%s' is not among the "
			    "forms in %s; add its file there or point --forms at the folder that "
			    "has it", name, im->opts->forms_dir ? im->opts->forms_dir : "the forms folder");
	return ins;
}

/* The file's version must be the loaded form's; absent, it is the form's. */
static bool check_version(imp *im, rec *r, const cb_instrument *ins)
{
	long i = cb_rectype_field(r->rt, "version");
	const char *given = r->val[i];

	if (r->vnode[i] == NULL) {
		snprintf(r->num, sizeof r->num, "%d", ins->version);
		r->val[i] = r->num;
	} else if (given && strtol(given, NULL, 10) != ins->version) {
		imp_problem(im, r, imp_vline(r, "version"), "this assessment was made with %s "
			    "version %s but the loaded form is version %d; point --forms at the "
			    "forms of version %s to import it", ins->id, given, ins->version, given);
		return false;
	}
	if (r->vnode[cb_rectype_field(r->rt, "content_hash")] == NULL)
		r->val[cb_rectype_field(r->rt, "content_hash")] = ins->content_hash;
	return given != NULL || r->vnode[i] == NULL;
}

static void check_rater(imp *im, rec *r, const cb_instrument *ins)
{
	const char *rater = imp_val(r, "rater");
	const char **words;
	char *allowed;

	if (rater == NULL || cb_instrument_allows_rater(ins, rater))
		return;
	words = xcalloc(ins->n_raters + 1, sizeof *words);
	for (size_t i = 0; i < ins->n_raters; i++)
		words[i] = ins->raters[i];
	allowed = cb_words_list(words);
	imp_problem(im, r, imp_vline(r, "rater"), "rater '%s' may not complete %s; expected one "
		    "of: %s", rater, ins->id, allowed);
	free(allowed);
	free(words);
}

static void check_assessment(imp *im, rec *r)
{
	const cb_instrument *ins = find_instrument(im, r);

	read_answers(im, r);
	if (ins == NULL || !check_version(im, r, ins))
		return;
	r->ins = ins;
	check_rater(im, r, ins);
	if ((r->who_known = find_subject(im, r)))
		check_answers(im, r);
}

static int cmp_answer(const void *a, const void *b)
{
	return strcmp(((const cb_answer *)a)->item, ((const cb_answer *)b)->item);
}

static void compare_assessment(imp *im, rec *r, strbuf *diffs)
{
	sqlite3_stmt *q = imp_query(im, Q_ANSWERS);
	cb_answer *sorted;
	size_t j = 0;
	bool same = true;

	if (q == NULL)
		return;
	sorted = xcalloc(r->n_answers + 1, sizeof *sorted);
	if (r->n_answers)
		memcpy(sorted, r->answers, r->n_answers * sizeof *sorted);
	if (r->n_answers)
		qsort(sorted, r->n_answers, sizeof *sorted, cmp_answer);
	sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
	while (same && sqlite3_step(q) == SQLITE_ROW) {
		same = j < r->n_answers &&
		       strcmp((const char *)sqlite3_column_text(q, 0), sorted[j].item) == 0 &&
		       strcmp((const char *)sqlite3_column_text(q, 1), sorted[j].value) == 0;
		j++;
	}
	if (!same || j != r->n_answers)
		add_diff(diffs, "answers");
	sqlite3_reset(q);
	free(sorted);
}

static bool insert_scores(imp *im, rec *r)
{
	cb_scale_score *sc = xcalloc(r->ins->n_scales + 1, sizeof *sc);
	sqlite3_stmt *q;
	bool ok = true;

	cb_score(r->ins, &r->who, r->answers, r->n_answers, sc);
	for (size_t i = 0; i < r->ins->n_scales && ok; i++) {
		if ((q = imp_query(im, Q_INS_SCORE)) == NULL)
			ok = false;
		if (!ok)
			break;
		sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, r->ins->scales[i].id, -1, SQLITE_STATIC);
		if (sc[i].has_value)
			sqlite3_bind_double(q, 3, sc[i].value);
		sqlite3_bind_int(q, 4, sc[i].answered);
		sqlite3_bind_int(q, 5, sc[i].applicable);
		ok = imp_step_write(im, r, q);
	}
	free(sc);
	return ok;
}

/* Answers as given, and the scale scores computed from them (never read from the file). */
static bool insert_assessment(imp *im, rec *r)
{
	sqlite3_stmt *q;

	if (r->ins == NULL || !r->who_known)
		return false;
	for (size_t j = 0; j < r->n_answers; j++) {
		if ((q = imp_query(im, Q_INS_ANSWER)) == NULL)
			return false;
		sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, r->answers[j].item, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, r->answers[j].value, -1, SQLITE_STATIC);
		if (!imp_step_write(im, r, q))
			return false;
	}
	return insert_scores(im, r);
}

/* ---- supervisions ---- */

static bool listed(const char **ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

static void check_attendee(imp *im, rec *r, yaml_node_t *v)
{
	const char *id = imp_scalar(v);

	if (!cb_id_valid(id))
		imp_problem(im, r, imp_line(v), "attendee '%s' is not a valid id; expected the id "
			    "of a practitioner", id);
	else if (listed(r->attendees, r->n_attendees, id))
		imp_problem(im, r, imp_line(v), "attendee '%s' is listed twice; keep one", id);
	else if (!imp_known(im, CB_R_PRACTITIONER, id))
		imp_problem(im, r, imp_line(v), "attendee '%s' is not in this file or in the "
			    "casebook; add that practitioner under practitioners or correct the id",
			    id);
	else
		r->attendees[r->n_attendees++] = id;
}

static void check_attendees(imp *im, rec *r)
{
	yaml_node_t *list = imp_vnode(r, "attendees");

	if (list == NULL || list->type != YAML_SEQUENCE_NODE)
		return;
	r->attendees = xcalloc((size_t)(list->data.sequence.items.top -
					list->data.sequence.items.start) + 1,
			       sizeof *r->attendees);
	for (yaml_node_item_t *it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top && !imp_stopped(im); it++) {
		yaml_node_t *v = imp_node(im, *it);
		if (v->type == YAML_SCALAR_NODE)
			check_attendee(im, r, v);
		else
			imp_problem(im, r, imp_line(v), "each attendee should be a practitioner id, "
				    "not a list or map");
	}
}

/* One entry of a supervision's cases: a case discussed and the decision. */
static void check_supcase(imp *im, rec *r, yaml_node_t *node)
{
	rec sub = {.rt = &cb_rectypes[CB_R_SUPCASE], .up = r, .node = node,
		   .line = imp_line(node)};
	const char *case_id;

	imp_read_record(im, &sub);
	case_id = imp_val(&sub, "case");
	if (sub.bad || case_id == NULL) {
		r->bad = true;
		return;
	}
	for (size_t i = 0; i < r->n_cases; i++) {
		if (strcmp(r->cases[i].case_id, case_id) == 0) {
			imp_problem(im, r, sub.line, "case '%s' is listed twice in this supervision; "
				    "put both decisions in one entry", case_id);
			return;
		}
	}
	r->cases[r->n_cases++] = (imp_supcase){case_id, imp_val(&sub, "decision")};
}

static void check_supervision(imp *im, rec *r)
{
	yaml_node_t *list = imp_vnode(r, "cases");

	check_attendees(im, r);
	if (list == NULL || list->type != YAML_SEQUENCE_NODE)
		return;
	r->cases = xcalloc((size_t)(list->data.sequence.items.top -
				    list->data.sequence.items.start) + 1, sizeof *r->cases);
	for (yaml_node_item_t *it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top && !imp_stopped(im); it++) {
		yaml_node_t *node = imp_node(im, *it);
		if (node->type == YAML_MAPPING_NODE)
			check_supcase(im, r, node);
		else
			imp_problem(im, r, imp_line(node), "expected a case discussed here "
				    "(case: ID, decision: ...), not %s",
				    node->type == YAML_SCALAR_NODE ? "a single value" : "a list");
	}
}

static int cmp_supcase(const void *a, const void *b)
{
	return strcmp(((const imp_supcase *)a)->case_id, ((const imp_supcase *)b)->case_id);
}

static bool same_text(const unsigned char *have, const char *want)
{
	if (have == NULL || want == NULL)
		return have == NULL && want == NULL;
	return strcmp((const char *)have, want) == 0;
}

static void compare_attendees(imp *im, rec *r, strbuf *diffs)
{
	sqlite3_stmt *q = imp_query(im, Q_ATTENDEES);
	size_t j = 0;
	bool same = true;

	if (q == NULL)
		return;
	if (r->n_attendees)
		qsort(r->attendees, r->n_attendees, sizeof *r->attendees, cmp_str);
	sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
	while (same && sqlite3_step(q) == SQLITE_ROW) {
		same = j < r->n_attendees && same_text(sqlite3_column_text(q, 0), r->attendees[j]);
		j++;
	}
	if (!same || j != r->n_attendees)
		add_diff(diffs, "attendees");
	sqlite3_reset(q);
}

static void compare_supervision(imp *im, rec *r, strbuf *diffs)
{
	sqlite3_stmt *q;
	size_t j = 0;
	bool same = true;

	compare_attendees(im, r, diffs);
	if ((q = imp_query(im, Q_SUPCASES)) == NULL)
		return;
	if (r->n_cases)
		qsort(r->cases, r->n_cases, sizeof *r->cases, cmp_supcase);
	sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
	while (same && sqlite3_step(q) == SQLITE_ROW) {
		same = j < r->n_cases && same_text(sqlite3_column_text(q, 0), r->cases[j].case_id) &&
		       same_text(sqlite3_column_text(q, 1), r->cases[j].decision);
		j++;
	}
	if (!same || j != r->n_cases)
		add_diff(diffs, "cases");
	sqlite3_reset(q);
}

static bool insert_supervision(imp *im, rec *r)
{
	sqlite3_stmt *q;

	for (size_t i = 0; i < r->n_attendees; i++) {
		if ((q = imp_query(im, Q_INS_ATTENDEE)) == NULL)
			return false;
		sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, r->attendees[i], -1, SQLITE_STATIC);
		if (!imp_step_write(im, r, q))
			return false;
	}
	for (size_t i = 0; i < r->n_cases; i++) {
		if ((q = imp_query(im, Q_INS_SUPCASE)) == NULL)
			return false;
		sqlite3_bind_text(q, 1, r->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, r->cases[i].case_id, -1, SQLITE_STATIC);
		if (r->cases[i].decision)
			sqlite3_bind_text(q, 3, r->cases[i].decision, -1, SQLITE_STATIC);
		if (!imp_step_write(im, r, q))
			return false;
	}
	return true;
}

const imp_kind_ops imp_kinds[CB_R_COUNT] = {
	[CB_R_FAMILY] = {.check = check_family},
	[CB_R_PERSON] = {.compare = compare_person, .insert = insert_member,
			 .skipped = person_skipped},
	[CB_R_CASE] = {.check = check_case},
	[CB_R_PLAN] = {.check = check_plan},
	[CB_R_NOTE] = {.check = check_note},
	[CB_R_ASSESSMENT] = {.check = check_assessment, .compare = compare_assessment,
			     .insert = insert_assessment},
	[CB_R_SUPERVISION] = {.check = check_supervision, .compare = compare_supervision,
			      .insert = insert_supervision},
};
