/* gen_events.c: every write the plan implies (contacts, assessments, goals), in time order. */
#include "cli/gen_priv.h"

#include <stdlib.h>

/* Contacts a week by plan (none, early help, CIN, CP, LAC), before --scale-notes. */
static const double contact_rate[] = {1.7, 1.65, 2.1, 2.85, 1.15};

/* Contact types by plan: home, phone, message, school, direct, health, office, network, multi. */
static const int type_weights[][CT_COUNT] = {
	{34, 17, 12, 8, 11, 4, 4, 2, 2},
	{32, 18, 13, 9, 10, 4, 5, 3, 2},
	{34, 17, 12, 8, 11, 4, 4, 2, 3},
	{38, 15, 10, 7, 11, 4, 3, 3, 5},
	{28, 18, 12, 8, 18, 4, 4, 2, 4},
};

#define LAST_CONTACT 0x80 /* in a note event's sub: the closing visit */

static void add(gen_world *w, int64_t at, enum gen_event_kind kind, uint32_t ref, unsigned n,
		unsigned sub)
{
	if (w->n_ev == w->cap_ev) {
		w->cap_ev = w->cap_ev ? w->cap_ev * 2 : 4096;
		w->ev = xreallocarray(w->ev, w->cap_ev, sizeof *w->ev);
	}
	w->ev[w->n_ev++] = (gen_event){.at = at, .ref = ref, .n = (uint16_t)n,
				       .kind = (uint8_t)kind, .sub = (uint8_t)sub};
}

static int64_t at(int32_t day, int minute)
{
	return (int64_t)day * 1440 + minute;
}

/* When the referral came in: the family's cases in index order, after the family is made. */
static int case_minute(const gen_world *w, uint32_t ci)
{
	const gen_case *c = &w->cases[ci];

	return 600 + (int)(c->family % 240) + (int)(ci - w->fam[c->family].first_case);
}

/* 0 Sunday .. 6 Saturday (1970-01-01 was a Thursday). */
static int weekday(int32_t day)
{
	return (int)(((day + 4) % 7 + 7) % 7);
}

static int contact_minute(gen_rng *r, enum gen_contact type)
{
	switch (type) {
	case CT_HOME: return gen_chance(r, 0.45) ? gen_int(r, 930, 1050) : gen_int(r, 570, 900);
	case CT_MESSAGE: return gen_int(r, 480, 1200);
	case CT_SCHOOL: return gen_int(r, 510, 870);
	case CT_DIRECT: return gen_int(r, 600, 1020);
	default: return gen_int(r, 540, 1020);
	}
}

static void add_contact(gen_world *w, uint32_t ci, int32_t day, enum gen_contact type,
			unsigned flags, gen_rng *r)
{
	gen_case *c = &w->cases[ci];
	int minute = flags & LAST_CONTACT ? 630 : contact_minute(r, type);

	if (c->n_notes == UINT16_MAX)
		return;
	add(w, at(day, minute), EV_NOTE, ci, c->n_notes, type | flags);
	if (type != CT_MESSAGE && gen_chance(r, 0.004) && day + 10 < w->until_day)
		add(w, at(day + gen_int(r, 1, 10), gen_int(r, 540, 960)), EV_AMEND, ci, c->n_notes, 0);
	c->n_notes++;
}

static void plan_contacts(gen_world *w, uint32_t ci)
{
	gen_case *c = &w->cases[ci];
	int32_t last = gen_case_end(w, c);
	gen_rng r;

	gen_seed(&r, w->opts->seed, GS_CONTACTS, ci);
	add(w, at(c->referred, case_minute(w, ci)) + 20, EV_NOTE, ci, c->n_notes++, CT_PHONE);
	if (c->outcome == 0) {
		if (gen_chance(&r, 0.5))
			add(w, at(c->referred, case_minute(w, ci) + 90), EV_NOTE, ci, c->n_notes++,
			    CT_MESSAGE);
		return;
	}
	for (int32_t week = c->referred + 1; week < last; week += 7) {
		const int *weights = type_weights[gen_plan_on(w, c, week)];
		double rate = contact_rate[gen_plan_on(w, c, week)] * w->opts->note_scale;
		int count = (int)rate + gen_chance(&r, rate - (int)rate);
		for (int k = 0; k < count; k++) {
			int32_t day = week + gen_int(&r, 0, 6);
			if (weekday(day) == 0 || (weekday(day) == 6 && !gen_chance(&r, 0.15)))
				day -= weekday(day) == 0 ? 2 : 1;
			if (day > c->referred && day < last)
				add_contact(w, ci, day, (enum gen_contact)gen_weighted(&r, weights, CT_COUNT), 0, &r);
		}
	}
	if (c->closed >= 0)
		add_contact(w, ci, c->closed, CT_HOME, LAST_CONTACT, &r);
}

/* ---- Assessments at referral and every three months, and goals with their reviews. */

static void add_assessment(gen_world *w, uint32_t ci, int32_t day, unsigned point,
			   enum gen_instrument ins, enum gen_rater rater, int minute)
{
	if (w->have[ins])
		add(w, at(day, minute), EV_ASSESS, ci, point, (unsigned)ins * 4 + rater);
}

static void assess_point(gen_world *w, uint32_t ci, int32_t day, unsigned k, bool last,
			 gen_rng *r, const bool extra[3])
{
	const gen_case *c = &w->cases[ci];
	int minute = gen_int(r, 660, 960);
	int age = gen_age(&w->people[c->child], day);

	add_assessment(w, ci, day, k, GI_RF, GR_WORKER, minute);
	if (k >= 1 && gen_chance(r, 0.72)) {
		add_assessment(w, ci, day, k, GI_WAI, GR_WORKER, minute + 1);
		if (gen_chance(r, 0.8))
			add_assessment(w, ci, day, k, GI_WAI, GR_FAMILY, minute + 2);
		if (age >= 11 && gen_chance(r, 0.5))
			add_assessment(w, ci, day, k, GI_WAI, GR_CHILD, minute + 3);
	}
	if (extra[0] && (k == 0 || last))
		add_assessment(w, ci, day, k, GI_FWB, GR_WORKER, minute + 4);
	if (extra[1] && k == 0 && age >= 13)
		add_assessment(w, ci, day, k, GI_AP, GR_WORKER, minute + 5);
	if (extra[2] && gen_chance(r, 0.3))
		add_assessment(w, ci, day, k, GI_PO, GR_WORKER, minute + 6);
}

/* The days of the assessment points: two weeks in, then every 91 days, then at closure. */
static unsigned points_of(const gen_world *w, const gen_case *c, int32_t *days, unsigned max)
{
	int32_t last = gen_case_end(w, c);
	unsigned n = 0;

	for (int32_t d = c->referred + 14; d < last && n < max; d += 91)
		days[n++] = d;
	if (c->closed >= 0 && n > 0 && days[n - 1] < c->closed - 30 && n < max)
		days[n++] = c->closed - 1;
	return n;
}

static uint32_t add_goal(gen_world *w, uint32_t ci, int32_t set_on, bool family, gen_rng *r)
{
	const gen_case *c = &w->cases[ci];
	gen_goal g = {.kase = ci, .set_on = set_on, .done_on = -1, .pair = -1,
		      .family_owned = family, .p0 = (uint8_t)gen_int(r, 1, 4)};
	static const int target[3][2] = {{7, 10}, {3, 6}, {1, 4}};

	g.category = (uint8_t)gen_int(r, 0, 8);
	g.text = (uint8_t)gen_int(r, 0, 255);
	g.owner_is_child = family && gen_age(&w->people[c->child], set_on) >= 10 && gen_chance(r, 0.3);
	g.p1 = (uint8_t)gen_int(r, target[c->traj][0], target[c->traj][1]);
	if (w->n_goals == w->cap_goals) {
		w->cap_goals = w->cap_goals ? w->cap_goals * 2 : 1024;
		w->goals = xreallocarray(w->goals, w->cap_goals, sizeof *w->goals);
	}
	w->goals[w->n_goals] = g;
	return (uint32_t)w->n_goals++;
}

/* A family goal pairs with the case's first worker goal not yet paired, half the time. */
static void pair_goal(gen_world *w, uint32_t gi, uint32_t first, gen_rng *r)
{
	gen_goal *g = &w->goals[gi];

	if (!gen_chance(r, 0.5))
		return;
	for (uint32_t k = first; k < gi; k++) {
		gen_goal *o = &w->goals[k];
		if (!o->family_owned && o->pair < 0 && !o->agreement) {
			g->pair = (int32_t)k;
			g->agreement = o->agreement = gen_chance(r, 0.6) ? 1 : 2;
			g->match = o->match = g->agreement == 1 ? 2 : (uint8_t)gen_int(r, 1, 2);
			return;
		}
	}
}

/* Reviews at each later point; the last one of a closed case (or a 9 or 10) ends the goal. */
static void plan_reviews(gen_world *w, uint32_t gi, const int32_t *days, unsigned n, gen_rng *r)
{
	gen_goal *g = &w->goals[gi];
	const gen_case *c = &w->cases[g->kase];
	unsigned m = 0;

	for (unsigned k = 0; k < n; k++)
		m += days[k] > g->set_on;
	g->n_reviews = (uint8_t)m;
	for (unsigned k = 0, j = 0; k < n; k++) {
		if (days[k] <= g->set_on)
			continue;
		int progress = g->p0 + (g->p1 - g->p0) * (int)(j + 1) / (int)m;
		bool ends = (c->closed >= 0 && j + 1 == m) || (progress >= 9 && gen_chance(r, 0.5));
		if (ends) {
			g->status = progress >= 7 ? 1 : progress <= 3 && gen_chance(r, 0.7) ? 2 : 0;
			ends = g->status != 0;
		}
		add(w, at(days[k], 1000 + (int)j), EV_REVIEW, gi, j, ends);
		j++;
		if (ends) {
			g->done_on = days[k];
			return;
		}
	}
}

static void plan_goals(gen_world *w, uint32_t ci, const int32_t *days, unsigned n, gen_rng *r)
{
	gen_case *c = &w->cases[ci];
	int n_worker = 1 + gen_chance(r, 0.7), n_family = 1 + gen_chance(r, 0.55);

	if (n == 0 || days[0] + 7 >= gen_case_end(w, c))
		return;
	c->first_goal = (uint32_t)w->n_goals;
	for (int k = 0; k < n_worker + n_family; k++) {
		uint32_t gi = add_goal(w, ci, days[0] + 7, k >= n_worker, r);
		if (k >= n_worker)
			pair_goal(w, gi, c->first_goal, r);
	}
	if (n > 2 && gen_chance(r, 0.35))
		add_goal(w, ci, days[2] + 7, gen_chance(r, 0.5), r);
	c->n_goals = (uint8_t)(w->n_goals - c->first_goal);
	for (uint32_t gi = c->first_goal; gi < w->n_goals; gi++) {
		add(w, at(w->goals[gi].set_on, 840 + (int)(gi - c->first_goal)), EV_GOAL, gi, 0, 0);
		plan_reviews(w, gi, days, n, r);
	}
}

static void plan_assessments(gen_world *w, uint32_t ci)
{
	const gen_case *c = &w->cases[ci];
	int32_t days[64];
	unsigned n;
	gen_rng r;
	bool extra[3];

	if (c->outcome == 0)
		return;
	gen_seed(&r, w->opts->seed, GS_ASSESS, ci);
	extra[0] = gen_chance(&r, 0.3);
	extra[1] = gen_chance(&r, 0.4);
	extra[2] = gen_chance(&r, 0.1);
	n = points_of(w, c, days, 64);
	for (unsigned k = 0; k < n; k++)
		assess_point(w, ci, days[k], k, k + 1 == n && c->closed >= 0, &r, extra);
	plan_goals(w, ci, days, n, &r);
}

/* ---- The case's own writes: referral, plan changes, closure. */

static void plan_case_events(gen_world *w, uint32_t ci)
{
	const gen_case *c = &w->cases[ci];
	add(w, at(c->referred, case_minute(w, ci)), EV_CASE, ci, 0, 0);
	for (unsigned e = 1; e < c->n_ep; e++)
		add(w, at(w->eps[c->first_ep + e].start, 870), EV_PLAN, c->first_ep + e, 0, 0);
	if (c->closed >= 0 && c->outcome != 0)
		add(w, at(c->closed, 990), EV_CLOSE, ci, 0, 0);
}

static int by_time(const void *a, const void *b)
{
	const gen_event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->ref != y->ref)
		return x->ref < y->ref ? -1 : 1;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return (x->sub > y->sub) - (x->sub < y->sub);
}

void gen_plan_events(gen_world *w)
{
	for (size_t i = 0; i < w->n_fam; i++) {
		const gen_family *f = &w->fam[i];
		int32_t first = w->until_day;
		uint32_t first_case = f->first_case;
		for (uint32_t k = f->first_case; k < f->first_case + f->n_cases; k++) {
			if (w->cases[k].referred < first) {
				first = w->cases[k].referred;
				first_case = k;
			}
		}
		if (f->n_cases)
			add(w, at(first, case_minute(w, first_case)) - 10, EV_FAMILY, (uint32_t)i, 0, 0);
	}
	for (uint32_t ci = 0; ci < w->n_cases; ci++) {
		plan_case_events(w, ci);
		plan_contacts(w, ci);
		plan_assessments(w, ci);
	}
	qsort(w->ev, w->n_ev, sizeof *w->ev, by_time);
}

void gen_world_free(gen_world *w)
{
	free(w->fam);
	free(w->people);
	free(w->cases);
	free(w->eps);
	free(w->goals);
	free(w->ev);
	*w = (gen_world){0};
}
