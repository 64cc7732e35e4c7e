/* gen_write.c: writes each planned event through the store, as the app's forms write them. */
#include "cli/gen_priv.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "store/families.h"
#include "store/notes.h"
#include "store/records.h"

const char *const gen_contact_codes[] = {
	"home_visit", "phone", "message", "school_meeting", "direct_work", "health_appointment",
	"office_visit", "family_network_meeting", "multi_agency_meeting",
};
const char *const gen_plan_codes[] = {"none", "early_help", "cin", "cp", "lac"};
const char *const gen_needs[] = {"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"};
const char *const gen_sources[] = {
	"school", "police", "health_visitor", "gp", "self_referral", "school_nurse", "hospital",
	"housing", "anonymous", "other_local_authority", "early_help",
};
const char *const gen_outcomes[] = {"nfa", "early_help", "accepted"};
static const char *const rater_codes[] = {"worker", "family_member", "child"};
static const char *const rel_codes[] = {"main_caregiver", "other_adult", "child", "sibling"};

#define NFA_REASON "Referral closed: no further action"

typedef char uuid[CB_UUID_LEN + 1];

static void id_of(const gen_writer *gw, enum gen_stream stream, uint64_t index, uuid out)
{
	gen_uuid(gw->w->opts->seed, stream, index, out);
}

static void date_of(int32_t day, char out[11])
{
	cb_date_format(cb_date_from_days(day), out);
}

/* The clock reads `minute` (plus some seconds): created_at and the audit log follow it. */
static void set_clock(int64_t minute, int seconds)
{
	cb_clock_fix((minute * 60 + seconds) * 1000);
}

static void act_as(gen_writer *gw, uint32_t prac)
{
	uuid id;

	id_of(gw, GS_ID_PRAC, prac, id);
	cb_store_set_actor(gw->st, id);
}

static enum cb_status insert(gen_writer *gw, const char *table, char *id, const cb_field *f,
			     size_t n, cb_err *err)
{
	gw->rows++;
	return cb_record_insert(gw->st, table, id, f, n, err);
}

/* ---- Staff: each team's supervisor, then its practitioners (each is the author of their own row). */

static enum cb_status write_prac(gen_writer *gw, const char *team, size_t who, bool supervisor,
				 cb_err *err)
{
	uuid id;
	char name[96];

	act_as(gw, (uint32_t)who);
	id_of(gw, GS_ID_PRAC, who, id);
	gen_staff_name(gw->w->opts->seed, who, name, sizeof name);
	const cb_field f[] = {{"name", name}, {"role", supervisor ? "supervisor" : "practitioner"},
			      {"team_id", team}};
	if (insert(gw, "practitioners", id, f, 3, err))
		return err->code;
	gw->counts.practitioners++;
	return CB_OK;
}

static enum cb_status write_team(gen_writer *gw, size_t t, cb_err *err)
{
	const gen_world *w = gw->w;
	uuid team;
	char name[64];

	id_of(gw, GS_ID_TEAM, t, team);
	act_as(gw, (uint32_t)(w->n_pracs + t));
	gen_team_name(t, name, sizeof name);
	if (insert(gw, "teams", team, (cb_field[]){{"name", name}}, 1, err) ||
	    write_prac(gw, team, w->n_pracs + t, true, err))
		return err->code;
	for (size_t p = t * GEN_POD; p < (t + 1) * GEN_POD && p < w->n_pracs; p++)
		if (write_prac(gw, team, p, false, err))
			return err->code;
	gw->counts.teams++;
	return CB_OK;
}

enum cb_status gen_write_staff(gen_writer *gw, cb_err *err)
{
	set_clock((int64_t)(gw->w->start_day - 1) * 1440 + 540, 0);
	for (size_t t = 0; t < gw->w->n_teams; t++)
		if (write_team(gw, t, err))
			return err->code;
	return CB_OK;
}

/* ---- Families, cases, plan changes, closures. */

static enum cb_status write_person(gen_writer *gw, const uuid family, uint32_t k, cb_err *err)
{
	const gen_person *p = &gw->w->people[k];
	uuid id;
	char name[96], born[11];

	id_of(gw, GS_ID_PERSON, k, id);
	gen_person_name(p, name, sizeof name);
	date_of(p->born, born);
	const cb_field f[] = {{"name", name}, {"born", born}, {"gender", p->female ? "female" : "male"},
			      {"ethnicity", gen_ethnicity(p->group)}};
	if (insert(gw, "people", id, f, 4, err))
		return err->code;
	gw->rows++;
	gw->counts.people++;
	return cb_family_member_insert(gw->st, family, id, rel_codes[p->rel], err);
}

static enum cb_status write_family(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_family *f = &gw->w->fam[ev->ref];
	uuid id;
	char ref[24], name[96], address[128];

	act_as(gw, gw->w->cases[f->first_case].prac);
	id_of(gw, GS_ID_FAMILY, ev->ref, id);
	snprintf(ref, sizeof ref, "FAM-%05u", ev->ref + 1);
	gen_family_name(gw->w, f, name, sizeof name);
	gen_address(f, address, sizeof address);
	const cb_field fields[] = {{"family_ref", ref}, {"name", name}, {"address", address}};
	if (insert(gw, "families", id, fields, 3, err))
		return err->code;
	for (uint32_t k = f->first_person; k < f->first_person + f->n_people; k++)
		if (write_person(gw, id, k, err))
			return err->code;
	gw->counts.families++;
	return CB_OK;
}

static enum cb_status write_case(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_world *w = gw->w;
	const gen_case *c = &w->cases[ev->ref];
	bool nfa = c->outcome == 0;
	uuid id, fam, child, prac, team, ref, ep;
	char on[11];

	act_as(gw, c->prac);
	id_of(gw, GS_ID_CASE, ev->ref, id);
	id_of(gw, GS_ID_FAMILY, c->family, fam);
	id_of(gw, GS_ID_PERSON, c->child, child);
	id_of(gw, GS_ID_PRAC, c->prac, prac);
	id_of(gw, GS_ID_TEAM, c->prac / GEN_POD, team);
	id_of(gw, GS_ID_REFERRAL, ev->ref, ref);
	date_of(c->referred, on);
	const cb_field kase[] = {
		{"family_id", fam}, {"child_id", child}, {"referred_on", on},
		{"referral_source", gen_sources[c->source]}, {"need", gen_needs[c->need]},
		{"practitioner_id", prac}, {"team_id", team}, {"closed_on", nfa ? on : NULL},
		{"closure_reason", nfa ? NFA_REASON : NULL},
	};
	const cb_field referral[] = {{"case_id", id}, {"referred_on", on},
				     {"source", gen_sources[c->source]}, {"outcome", gen_outcomes[c->outcome]}};
	if (insert(gw, "cases", id, kase, 9, err) || insert(gw, "referrals", ref, referral, 4, err))
		return err->code;
	gw->counts.cases++;
	gw->counts.referrals++;
	if (nfa)
		return CB_OK;
	id_of(gw, GS_ID_EPISODE, c->first_ep, ep);
	const cb_field plan[] = {{"case_id", id}, {"plan", gen_plan_codes[w->eps[c->first_ep].plan]},
				 {"started_on", on}};
	gw->counts.plans++;
	return insert(gw, "plan_episodes", ep, plan, 3, err);
}

/* A plan change, as the plan form makes it: the open episode ends the day the next starts. */
static enum cb_status write_plan(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_episode *e = &gw->w->eps[ev->ref];
	uuid id, prev, kase;
	char on[11];

	act_as(gw, gw->w->cases[e->kase].prac);
	id_of(gw, GS_ID_EPISODE, ev->ref, id);
	id_of(gw, GS_ID_EPISODE, ev->ref - 1, prev);
	id_of(gw, GS_ID_CASE, e->kase, kase);
	date_of(e->start, on);
	if (cb_record_update(gw->st, "plan_episodes", prev, (cb_field[]){{"ended_on", on}}, 1, err))
		return err->code;
	const cb_field f[] = {{"case_id", kase}, {"plan", gen_plan_codes[e->plan]}, {"started_on", on}};
	gw->counts.plans++;
	return insert(gw, "plan_episodes", id, f, 3, err);
}

static enum cb_status write_close(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_case *c = &gw->w->cases[ev->ref];
	uuid id, ep;
	char on[11];
	strbuf reason = {0};
	gen_rng r;
	enum cb_status rc;

	act_as(gw, c->prac);
	gen_seed(&r, gw->w->opts->seed, GS_CASE, ((uint64_t)ev->ref << 8) | 1);
	gen_closure_text(gw->w, c, &r, &reason);
	id_of(gw, GS_ID_CASE, ev->ref, id);
	id_of(gw, GS_ID_EPISODE, c->first_ep + c->n_ep - 1u, ep);
	date_of(c->closed, on);
	const cb_field kase[] = {{"closed_on", on}, {"closure_reason", sb_str(&reason)}};
	rc = cb_record_update(gw->st, "cases", id, kase, 2, err);
	if (rc == CB_OK)
		rc = cb_record_update(gw->st, "plan_episodes", ep, (cb_field[]){{"ended_on", on}}, 1, err);
	gw->rows += 2;
	sb_free(&reason);
	return rc;
}

/* ---- Notes and amendments. */

static uint64_t note_index(uint32_t kase, unsigned n)
{
	return ((uint64_t)kase << 16) | n;
}

static enum cb_status write_note(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	gen_case *c = &gw->w->cases[ev->ref];
	int32_t day = (int32_t)(ev->at / 1440);
	gen_rng r;
	gen_note n;
	uuid id, kase;
	char minutes[8];
	enum cb_status rc;

	gen_seed(&r, gw->w->opts->seed, GS_NOTE, note_index(ev->ref, ev->n));
	gen_note_write(gw->w, c, day, (int)(ev->at % 1440), (enum gen_contact)(ev->sub & 0x7f),
		       ev->n == 0, ev->sub & 0x80, &r, &n);
	set_clock(ev->at + n.minutes + gen_int(&r, 10, 120), gen_int(&r, 0, 59));
	act_as(gw, c->prac);
	id_of(gw, GS_ID_NOTE, note_index(ev->ref, ev->n), id);
	id_of(gw, GS_ID_CASE, ev->ref, kase);
	snprintf(minutes, sizeof minutes, "%d", n.minutes);
	const cb_field f[] = {
		{"case_id", kase}, {"contact_type", gen_contact_codes[n.type]}, {"occurred_at", n.at},
		{"duration_minutes", minutes}, {"present", n.present.len ? sb_str(&n.present) : NULL},
		{"child_seen", n.seen ? "1" : "0"}, {"child_seen_alone", n.alone ? "1" : "0"},
		{"worries", n.worries.len ? sb_str(&n.worries) : NULL},
		{"working_well", n.well.len ? sb_str(&n.well) : NULL},
		{"needs_to_happen", n.needs.len ? sb_str(&n.needs) : NULL},
		{"body", sb_str(&n.body)}, {"confidential", n.confidential ? "1" : "0"},
	};
	rc = insert(gw, "notes", id, f, sizeof f / sizeof f[0], err);
	gw->counts.notes += rc == CB_OK;
	gen_note_free(&n);
	return rc;
}

static enum cb_status write_amendment(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_case *c = &gw->w->cases[ev->ref];
	uuid id, note_id;
	cb_note note;
	strbuf reason = {0}, body = {0};
	gen_rng r;
	enum cb_status rc;

	act_as(gw, c->prac);
	id_of(gw, GS_ID_NOTE, note_index(ev->ref, ev->n), note_id);
	id_of(gw, GS_ID_AMEND, note_index(ev->ref, ev->n), id);
	if ((rc = cb_note_load(gw->st, note_id, &note, err)))
		return rc;
	gen_seed(&r, gw->w->opts->seed, GS_AMEND, note_index(ev->ref, ev->n));
	gen_amend_text(gw->w, c, (int32_t)(ev->at / 1440), note.current[CB_NOTE_BODY], &r, &reason,
		       &body);
	const cb_field f[] = {{"note_id", note_id}, {"reason", sb_str(&reason)}, {"body", sb_str(&body)}};
	rc = insert(gw, "note_amendments", id, f, 3, err);
	gw->counts.amendments += rc == CB_OK;
	cb_note_free(&note);
	sb_free(&reason);
	sb_free(&body);
	return rc;
}

/* ---- Goals and reviews. */

static enum cb_status write_goal(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_goal *g = &gw->w->goals[ev->ref];
	const gen_case *c = &gw->w->cases[g->kase];
	const gen_family *f = &gw->w->fam[c->family];
	uuid id, kase, owner, pair;
	char on[11];
	strbuf text = {0};
	gen_rng r;
	const char *agreement = g->agreement ? (g->agreement == 1 ? "identical" : "different") : NULL;
	const char *match = g->match ? (g->match == 2 ? "1" : "0") : NULL;
	enum cb_status rc;

	act_as(gw, c->prac);
	gen_seed(&r, gw->w->opts->seed, GS_GOAL, ev->ref);
	gen_goal_text(gw->w, g, &r, &text);
	id_of(gw, GS_ID_GOAL, ev->ref, id);
	id_of(gw, GS_ID_CASE, g->kase, kase);
	id_of(gw, GS_ID_PERSON, g->owner_is_child ? c->child : f->first_person, owner);
	if (g->pair >= 0)
		id_of(gw, GS_ID_GOAL, (uint64_t)g->pair, pair);
	date_of(g->set_on, on);
	const cb_field fields[] = {
		{"case_id", kase}, {"category", gen_goal_categories[g->category]},
		{"owner", g->family_owned ? "family" : "worker"},
		{"owner_person_id", g->family_owned ? owner : NULL}, {"text", sb_str(&text)},
		{"set_on", on}, {"paired_goal_id", g->pair >= 0 ? pair : NULL},
		{"agreement", g->pair >= 0 ? agreement : NULL},
		{"worker_thinks_match", g->pair >= 0 ? match : NULL},
	};
	const cb_field partner[] = {{"paired_goal_id", id}, {"agreement", agreement},
				    {"worker_thinks_match", match}};
	rc = insert(gw, "goals", id, fields, sizeof fields / sizeof fields[0], err);
	if (rc == CB_OK && g->pair >= 0)
		rc = cb_record_update(gw->st, "goals", pair, partner, 3, err);
	gw->counts.goals += rc == CB_OK;
	sb_free(&text);
	return rc;
}

/* Progress at review j: from p0 towards p1, with a step back now and then. */
static int progress_at(const gen_goal *g, unsigned j, gen_rng *r)
{
	int m = g->n_reviews ? g->n_reviews : 1;
	int p = g->p0 + (g->p1 - g->p0) * (int)(j + 1) / m + (gen_chance(r, 0.2) ? -1 : 0);

	return p < 0 ? 0 : p > 10 ? 10 : p;
}

static enum cb_status write_review(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_goal *g = &gw->w->goals[ev->ref];
	uuid id, goal;
	char on[11], progress[4];
	strbuf comment = {0};
	gen_rng r, prev;
	int p, before;
	enum cb_status rc;

	act_as(gw, gw->w->cases[g->kase].prac);
	gen_seed(&r, gw->w->opts->seed, GS_REVIEW, ((uint64_t)ev->ref << 8) | ev->n);
	gen_seed(&prev, gw->w->opts->seed, GS_REVIEW, ((uint64_t)ev->ref << 8) | (ev->n - 1u));
	p = ev->sub && g->status == 1 && g->p1 >= 7 ? g->p1 : progress_at(g, ev->n, &r);
	before = ev->n ? progress_at(g, ev->n - 1u, &prev) : g->p0;
	gen_review_comment(gw->w, g, p, before, ev->sub, &r, &comment);
	snprintf(progress, sizeof progress, "%d", p);
	id_of(gw, GS_ID_GOAL, ev->ref, goal);
	id_of(gw, GS_ID_REVIEW, ((uint64_t)ev->ref << 8) | ev->n, id);
	date_of((int32_t)(ev->at / 1440), on);
	const cb_field f[] = {{"goal_id", goal}, {"reviewed_on", on}, {"progress", progress},
			      {"comment", comment.len ? sb_str(&comment) : NULL}};
	rc = insert(gw, "goal_reviews", id, f, 4, err);
	if (rc == CB_OK && ev->sub)
		rc = cb_record_update(gw->st, "goals", goal,
				      (cb_field[]){{"status", g->status == 1 ? "achieved" : "dropped"}}, 1,
				      err);
	gw->counts.reviews += rc == CB_OK;
	sb_free(&comment);
	return rc;
}

/* ---- Assessments: answers that fit the instrument, the child's age and the case's course. */

/* +1 if a higher value of the item is better for the family, -1 if worse. */
static int direction(const cb_instrument *ins, size_t item)
{
	for (size_t s = 0; s < ins->n_scales; s++) {
		const cb_scale *sc = &ins->scales[s];
		if (sc->method == CB_SCALE_SUM_OF_SCALES)
			continue;
		for (size_t m = 0; m < sc->n_members; m++) {
			if (sc->members[m] != item)
				continue;
			int dir = sc->better == CB_BETTER_HIGHER ? 1 : -1;
			return ins->items[item].weight < 0 ? -dir : dir;
		}
	}
	return 1;
}

/* How well things are going, 0 to 1, on the day, as the rater sees it. */
static double goodness(const gen_world *w, const gen_case *c, int32_t day, enum gen_rater rater)
{
	int32_t end = gen_case_end(w, c);
	double frac = end > c->referred ? (double)(day - c->referred) / (end - c->referred) : 0;
	double g = c->traj == TRAJ_UP ? 0.3 + 0.45 * frac
		   : c->traj == TRAJ_FLAT ? 0.4 + 0.05 * frac : 0.4 - 0.25 * frac;

	g += rater == GR_WORKER ? 0 : 0.1;
	return g < 0.05 ? 0.05 : g > 0.95 ? 0.95 : g;
}

static int scaled(int lo, int hi, double x, int dir)
{
	int v = lo + (int)(x * (hi - lo) + 0.5);

	v = v < lo ? lo : v > hi ? hi : v;
	return dir > 0 ? v : hi - (v - lo);
}

static const char *choice_answer(const cb_item *it, double x, int dir)
{
	size_t n = it->n_options, rank = (size_t)scaled(0, (int)n - 1, x, 1), best = 0;

	/* The option of that rank when ordered from worst to best. */
	for (size_t i = 0; i < n; i++) {
		size_t below = 0;
		for (size_t j = 0; j < n; j++)
			below += dir * it->options[j].points < dir * it->options[i].points ||
				 (it->options[j].points == it->options[i].points && j < i);
		if (below == rank)
			best = i;
	}
	return it->options[best].value;
}

/* One answer's text, or NULL to leave the item unanswered. */
static const char *answer(const cb_item *it, int dir, double g, double u, char *buf)
{
	switch (it->type) {
	case CB_ITEM_TICK:
		return u < (dir > 0 ? 0.1 + 0.6 * g : 0.05 + 0.45 * (1 - g)) ? "1" : "0";
	case CB_ITEM_CHOICE:
		return it->n_options ? choice_answer(it, g + (u - 0.5) * 0.5, dir) : NULL;
	case CB_ITEM_LIKERT:
		snprintf(buf, 8, "%d", scaled(it->min, it->max, g + (u - 0.5) * 0.35, dir));
		return buf;
	case CB_ITEM_SCALE10:
		snprintf(buf, 8, "%d", scaled(0, 10, g + (u - 0.5) * 0.35, dir));
		return buf;
	default:
		return NULL;
	}
}

static size_t make_answers(const gen_writer *gw, const cb_instrument *ins, const cb_subject *who,
			   uint32_t kase, enum gen_rater rater, double g, cb_answer *out,
			   char (*bufs)[8])
{
	size_t n = 0;

	for (size_t i = 0; i < ins->n_items; i++) {
		const cb_item *it = &ins->items[i];
		gen_rng r;
		if (!cb_section_applies(&ins->sections[it->section], who))
			continue;
		gen_seed(&r, gw->w->opts->seed, GS_ANSWER, ((uint64_t)kase << 24) | (uint64_t)rater << 16 | i);
		const char *v = answer(it, direction(ins, i), g, gen_unit(&r), bufs[i]);
		if (v)
			out[n++] = (cb_answer){.item = it->id, .value = v};
	}
	return n;
}

static enum cb_status assessment_row(gen_writer *gw, const gen_event *ev,
				     const cb_instrument *ins, const cb_subject *who,
				     const cb_answer *answers, size_t n, cb_err *err)
{
	const gen_case *c = &gw->w->cases[ev->ref];
	enum gen_rater rater = (enum gen_rater)(ev->sub % 4);
	uint32_t person = rater == GR_CHILD ? c->child : gw->w->fam[c->family].first_person;
	uint64_t index = ((uint64_t)ev->ref << 20) | ((uint64_t)ev->n << 5) | ev->sub;
	uuid id, kase, prac, rater_id;
	char on[11];
	strbuf comment = {0};
	gen_rng r;
	enum cb_status rc;

	gen_seed(&r, gw->w->opts->seed, GS_ANSWER, index | 1ull << 62);
	gen_assessment_comment(gw->w, c, rater, &r, &comment);
	id_of(gw, GS_ID_ASSESS, index, id);
	id_of(gw, GS_ID_CASE, ev->ref, kase);
	id_of(gw, GS_ID_PRAC, c->prac, prac);
	id_of(gw, GS_ID_PERSON, person, rater_id);
	date_of((int32_t)(ev->at / 1440), on);
	const cb_field f[] = {{"case_id", kase}, {"assessed_on", on}, {"assessor_id", prac},
			      {"rater", rater_codes[rater]},
			      {"rater_person_id", rater == GR_WORKER ? NULL : rater_id},
			      {"comment", comment.len ? sb_str(&comment) : NULL}};
	rc = cb_assessment_insert(gw->st, ins, who, id, f, 6, answers, n, err);
	gw->rows += 1 + (long)n + (long)ins->n_scales;
	gw->counts.assessments += rc == CB_OK;
	sb_free(&comment);
	return rc;
}

static enum cb_status write_assessment(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	const gen_case *c = &gw->w->cases[ev->ref];
	const cb_instrument *ins = gw->ins[ev->sub / 4];
	enum gen_rater rater = (enum gen_rater)(ev->sub % 4);
	int32_t day = (int32_t)(ev->at / 1440);
	cb_subject who = {.birth_known = true,
			  .birth = cb_date_from_days(gw->w->people[c->child].born),
			  .on = cb_date_from_days(day)};
	cb_answer *answers = xcalloc(ins->n_items + 1, sizeof *answers);
	char (*bufs)[8] = xcalloc(ins->n_items + 1, sizeof *bufs);
	cb_diag diag = {0};
	size_t n;
	enum cb_status rc = CB_OK;

	if (!cb_instrument_allows_rater(ins, rater_codes[rater]))
		goto out;
	act_as(gw, c->prac);
	n = make_answers(gw, ins, &who, ev->ref, rater, goodness(gw->w, c, day, rater), answers, bufs);
	if (cb_answers_check(ins, &who, answers, n, ins->id, &diag))
		rc = cb_fail(err, CB_ERROR, "the generator made answers %s refuses (%s); this is a bug "
				      "in casebook gen", ins->id, diag.count ? diag.lines[0] : "");
	else
		rc = assessment_row(gw, ev, ins, &who, answers, n, err);
out:
	cb_diag_free(&diag);
	free(answers);
	free(bufs);
	return rc;
}

enum cb_status gen_write_event(gen_writer *gw, const gen_event *ev, cb_err *err)
{
	set_clock(ev->at, 0);
	switch ((enum gen_event_kind)ev->kind) {
	case EV_FAMILY: return write_family(gw, ev, err);
	case EV_CASE: return write_case(gw, ev, err);
	case EV_PLAN: return write_plan(gw, ev, err);
	case EV_GOAL: return write_goal(gw, ev, err);
	case EV_ASSESS: return write_assessment(gw, ev, err);
	case EV_NOTE: return write_note(gw, ev, err);
	case EV_REVIEW: return write_review(gw, ev, err);
	case EV_AMEND: return write_amendment(gw, ev, err);
	case EV_CLOSE: return write_close(gw, ev, err);
	}
	return cb_fail(err, CB_ERROR, "casebook gen: unknown event kind %d", ev->kind);
}
