/* gen_plan.c: the generator's random source, and the plan of every family, case and event. */
#include "cli/gen_priv.h"

#include <stdio.h>
#include <string.h>

/* ---- Random source: splitmix64 seeding xoshiro256**. */

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

void gen_seed(gen_rng *r, uint64_t seed, enum gen_stream stream, uint64_t index)
{
	uint64_t x = seed ^ ((uint64_t)stream << 56) ^ (index * 0xd1342543de82ef95ull);

	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t gen_u64(gen_rng *r)
{
	uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

int gen_int(gen_rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)(gen_u64(r) % (uint64_t)(hi - lo + 1));
}

double gen_unit(gen_rng *r)
{
	return (double)(gen_u64(r) >> 11) * 0x1.0p-53;
}

bool gen_chance(gen_rng *r, double p)
{
	return gen_unit(r) < p;
}

size_t gen_weighted(gen_rng *r, const int *weights, size_t n)
{
	int total = 0, x;

	for (size_t i = 0; i < n; i++)
		total += weights[i];
	x = gen_int(r, 0, total - 1);
	for (size_t i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

void gen_uuid(uint64_t seed, enum gen_stream stream, uint64_t index, char out[CB_UUID_LEN + 1])
{
	gen_rng r;
	unsigned char b[16];
	uint64_t hi, lo;

	gen_seed(&r, seed, stream, index);
	hi = gen_u64(&r);
	lo = gen_u64(&r);
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(hi >> (8 * i));
		b[8 + i] = (unsigned char)(lo >> (8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, CB_UUID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
		 b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
		 b[15]);
}

/* ---- Growing the plan's arrays. */

#define GROW(arr, n, cap)                                                        \
	do {                                                                     \
		if ((n) == (cap)) {                                              \
			(cap) = (cap) ? (cap) * 2 : 1024;                        \
			(arr) = xreallocarray((arr), (cap), sizeof *(arr));      \
		}                                                                \
	} while (0)

static uint32_t add_person(gen_world *w, gen_person p)
{
	GROW(w->people, w->n_people, w->cap_people);
	w->people[w->n_people] = p;
	return (uint32_t)w->n_people++;
}

int gen_age(const gen_person *p, int32_t day)
{
	cb_date born = cb_date_from_days(p->born), on = cb_date_from_days(day);

	return cb_age_years(born, on);
}

int32_t gen_case_end(const gen_world *w, const gen_case *c)
{
	return c->closed >= 0 ? c->closed : w->until_day;
}

enum gen_plan gen_plan_on(const gen_world *w, const gen_case *c, int32_t day)
{
	enum gen_plan plan = PLAN_NONE;

	for (unsigned i = 0; i < c->n_ep; i++)
		if (w->eps[c->first_ep + i].start <= day)
			plan = w->eps[c->first_ep + i].plan;
	return plan;
}

enum gen_phase gen_phase_of(const gen_world *w, const gen_case *c, int32_t day)
{
	int32_t end = gen_case_end(w, c), len = end - c->referred;
	double frac = len > 0 ? (double)(day - c->referred) / len : 0;

	if (frac < 0.28)
		return PH_E;
	if (c->traj == TRAJ_FLAT)
		return PH_F;
	if (c->traj == TRAJ_DOWN)
		return frac < 0.5 ? PH_M : PH_W;
	return frac < 0.72 ? PH_M : PH_L;
}

/* ---- Families and their people. */

static const int group_weights[GEN_GROUPS] = {55, 7, 9, 5, 6, 5, 4, 9};
enum gen_kin { KIN_PARTNER, KIN_GRANDMOTHER, KIN_AUNT, KIN_UNCLE, KIN_BROTHER };

static gen_person make_person(gen_rng *r, uint8_t group, bool female, int32_t born, enum gen_rel rel)
{
	gen_person p = {.born = born, .group = group, .female = female, .rel = (uint8_t)rel};

	p.first = (uint16_t)gen_int(r, 0, (int)gen_n_first(group, female) - 1);
	p.surname = (uint16_t)gen_int(r, 0, (int)gen_n_surnames(group) - 1);
	return p;
}

static int32_t born_at_age(gen_rng *r, int32_t day, int age)
{
	return day - age * 365 - gen_int(r, 0, 364);
}

static void add_adults(gen_world *w, gen_family *f, gen_rng *r, int32_t day)
{
	bool female = gen_chance(r, 0.88);
	gen_person cg = make_person(r, f->group, female, born_at_age(r, day, gen_int(r, 22, 48)),
				    REL_CAREGIVER);
	static const int kin_weights[] = {50, 25, 12, 6, 7};

	f->first_person = add_person(w, cg);
	f->n_people = 1;
	f->net_first = (uint16_t)gen_int(r, 0, (int)gen_n_first(f->group, true) - 1);
	if (!gen_chance(r, 0.55))
		return;
	uint8_t kin = (uint8_t)gen_weighted(r, kin_weights, 5);
	bool kin_female = kin == KIN_GRANDMOTHER || kin == KIN_AUNT || (kin == KIN_PARTNER && !female);
	int age = kin == KIN_GRANDMOTHER ? gen_int(r, 50, 72) : gen_int(r, 20, 55);
	gen_person o = make_person(r, f->group, kin_female, born_at_age(r, day, age), REL_OTHER);

	o.kin = kin;
	if (kin == KIN_PARTNER || kin == KIN_BROTHER)
		o.surname = w->people[f->first_person].surname;
	add_person(w, o);
	f->has_other = 1;
	f->n_people++;
}

/* Children, eldest first, none born before the caregiver was 16 or after `day`. */
static void add_children(gen_world *w, gen_family *f, gen_rng *r, int32_t day, int n)
{
	static const int eldest_weights[18] = {3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 8, 7, 6, 4, 2};
	int32_t cg_born = w->people[f->first_person].born;
	int32_t born = born_at_age(r, day, (int)gen_weighted(r, eldest_weights, 18));

	if (born < cg_born + 16 * 365)
		born = cg_born + 16 * 365 + gen_int(r, 0, 700);
	for (int i = 0; i < n && born <= day; i++) {
		gen_person c = make_person(r, f->group, gen_chance(r, 0.5), born, REL_SIBLING);
		c.surname = w->people[f->first_person].surname;
		add_person(w, c);
		f->n_people++;
		born += gen_int(r, 330, 1500);
	}
}

/* ---- Cases: referral, outcome, plan episodes, closure. */

static const int need_weights[10] = {2, 50, 4, 8, 12, 10, 4, 2, 3, 5}; /* N0..N9 */
static const int source_weights[] = {25, 20, 10, 8, 8, 4, 6, 3, 3, 3, 5};

static void add_episode(gen_world *w, gen_case *c, enum gen_plan plan, int32_t start, int32_t end)
{
	GROW(w->eps, w->n_eps, w->cap_eps);
	if (c->n_ep == 0)
		c->first_ep = (uint32_t)w->n_eps;
	w->eps[w->n_eps++] = (gen_episode){.kase = (uint32_t)(c - w->cases), .start = start, .end = end, .plan = (uint8_t)plan};
	c->n_ep++;
}

/* The plan after one ends, or PLAN_NONE to close the case. */
static enum gen_plan next_plan(gen_rng *r, const gen_case *c, enum gen_plan was, int step)
{
	double x = gen_unit(r);

	if (step >= 4)
		return PLAN_NONE;
	switch (was) {
	case PLAN_NONE: return x < 0.7 ? PLAN_CIN : PLAN_EH;
	case PLAN_EH: return c->traj == TRAJ_DOWN && x < 0.5 ? PLAN_CIN : PLAN_NONE;
	case PLAN_CIN:
		if (c->traj == TRAJ_DOWN)
			return x < 0.5 ? PLAN_CP : PLAN_NONE;
		return x < 0.25 ? PLAN_EH : PLAN_NONE;
	case PLAN_CP: return x < 0.7 ? PLAN_CIN : x < 0.8 ? PLAN_LAC : PLAN_NONE;
	default: return PLAN_NONE;
	}
}

static int episode_days(gen_rng *r, enum gen_plan plan, bool first)
{
	switch (plan) {
	case PLAN_NONE: return gen_int(r, 14, 42);
	case PLAN_EH: return first ? gen_int(r, 90, 270) : gen_int(r, 60, 180);
	case PLAN_CIN: return first ? gen_int(r, 120, 365) : gen_int(r, 90, 270);
	case PLAN_CP: return gen_int(r, 180, 450);
	default: return gen_int(r, 365, 1100);
	}
}

static enum gen_plan first_plan(gen_rng *r, gen_case *c)
{
	static const int outcome_weights[] = {9, 28, 63}; /* nfa, early_help, accepted */
	static const int plan_weights[] = {6, 0, 68, 22, 4};

	c->outcome = (uint8_t)gen_weighted(r, outcome_weights, 3);
	if (c->rerefer && c->outcome == 0 && gen_chance(r, 0.5))
		c->outcome = 2;
	if (c->outcome == 1)
		return PLAN_EH;
	return (enum gen_plan)gen_weighted(r, plan_weights, 5);
}

/* The episodes from the referral on; sets closed when the last ends before the history does. */
static void plan_episodes(gen_world *w, gen_case *c, gen_rng *r)
{
	int32_t day = c->referred;
	enum gen_plan plan = first_plan(r, c);

	c->closed = -1;
	if (c->outcome == 0) {
		c->closed = c->referred;
		return;
	}
	for (int step = 0; plan != PLAN_NONE || step == 0; step++) {
		int32_t end = day + episode_days(r, plan, step == 0);
		if (end >= w->until_day) {
			add_episode(w, c, plan, day, -1);
			return;
		}
		add_episode(w, c, plan, day, end);
		day = end;
		plan = next_plan(r, c, plan, step);
	}
	c->closed = day;
	c->closing = (uint8_t)gen_int(r, 0, 255);
}

static uint32_t theme_pick(gen_rng *r, uint32_t allowed)
{
	int n = __builtin_popcount(allowed), k = gen_int(r, 0, n - 1);

	for (int i = 0; i < 32; i++)
		if ((allowed >> i & 1) && k-- == 0)
			return (uint32_t)i;
	return 0;
}

static void choose_themes(const gen_world *w, const gen_family *f, gen_case *c, gen_rng *r)
{
	const gen_person *kid = &w->people[c->child];
	uint32_t allowed = gen_themes_for_age(gen_age(kid, c->referred), f->n_people - f->has_other > 2);

	c->n_themes = (uint8_t)gen_int(r, 2, 3);
	for (int i = 0; i < c->n_themes && allowed; i++) {
		uint32_t t = theme_pick(r, allowed);
		c->themes[i] = (uint8_t)t;
		allowed &= ~(1u << t);
		if (!allowed)
			c->n_themes = (uint8_t)(i + 1);
	}
}

static uint32_t plan_case(gen_world *w, gen_family *f, uint32_t child, int32_t day, bool rerefer)
{
	gen_case *c;
	gen_rng r;
	uint32_t idx = (uint32_t)w->n_cases;

	GROW(w->cases, w->n_cases, w->cap_cases);
	c = &w->cases[w->n_cases++];
	memset(c, 0, sizeof *c);
	gen_seed(&r, w->opts->seed, GS_CASE, idx);
	c->family = (uint32_t)(f - w->fam);
	c->child = child;
	c->referred = day;
	c->rerefer = rerefer;
	c->need = (uint8_t)gen_weighted(&r, need_weights, 10);
	c->source = (uint8_t)gen_weighted(&r, source_weights, sizeof source_weights / sizeof(int));
	c->traj = (uint8_t)gen_weighted(&r, (const int[]){55, 25, 20}, 3);
	choose_themes(w, f, c, &r);
	plan_episodes(w, c, &r);
	w->people[child].rel = REL_CHILD;
	f->n_cases++;
	return idx;
}

/* A child's cases: the first referral, then re-referrals after closures. */
static void plan_child(gen_world *w, gen_family *f, uint32_t child, int32_t day, gen_rng *r)
{
	for (int k = 0; k < 3; k++) {
		uint32_t ci = plan_case(w, f, child, day, k > 0);
		const gen_case *c = &w->cases[ci];
		double p = c->traj == TRAJ_DOWN ? 0.5 : 0.35;

		if (c->closed < 0 || !gen_chance(r, p))
			return;
		day = c->closed + gen_int(r, 30, 600);
		if (day > w->until_day - 7 || gen_age(&w->people[child], day) >= 18)
			return;
	}
}

static void plan_family(gen_world *w, size_t i)
{
	static const int n_children_weights[] = {0, 28, 34, 22, 16};
	gen_family *f = &w->fam[i];
	gen_rng r;
	int32_t day;
	int n;

	gen_seed(&r, w->opts->seed, GS_FAMILY, i);
	f->group = (uint8_t)gen_weighted(&r, group_weights, GEN_GROUPS);
	f->house = (uint16_t)gen_int(&r, 1, 180);
	f->street = (uint16_t)gen_int(&r, 0, (int)gen_n_streets() - 1);
	f->area = (uint16_t)gen_int(&r, 0, (int)gen_n_areas() - 1);
	day = w->start_day + gen_int(&r, 0, w->until_day - w->start_day - 21);
	add_adults(w, f, &r, day);
	n = (int)gen_weighted(&r, n_children_weights, 5);
	add_children(w, f, &r, day, n);
	f->first_case = (uint32_t)w->n_cases;
	uint32_t kids = f->first_person + 1u + f->has_other, n_kids = f->n_people - 1u - f->has_other;
	uint32_t index_child = kids + (uint32_t)gen_int(&r, 0, (int)n_kids - 1);
	for (uint32_t k = kids; k < kids + n_kids; k++) {
		int32_t when = day;
		if (k != index_child && !gen_chance(&r, 0.9))
			continue;
		if (k != index_child && gen_chance(&r, 0.3))
			when = day + gen_int(&r, 30, 720);
		if (when <= w->until_day - 7 && gen_age(&w->people[k], when) < 18)
			plan_child(w, f, k, when, &r);
	}
}

void gen_plan_families(gen_world *w)
{
	w->n_fam = (size_t)w->opts->families;
	w->fam = xcalloc(w->n_fam, sizeof *w->fam);
	for (size_t i = 0; i < w->n_fam; i++)
		plan_family(w, i);
}

/* ---- Allocation: each case to the family's practitioner or the least loaded one. */

typedef struct keyed {
	int32_t day;
	uint32_t kase;
} keyed;

static int by_day(const void *a, const void *b)
{
	const keyed *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->kase < y->kase ? -1 : x->kase > y->kase;
}

/* Enough practitioners for about GEN_CASELOAD open cases each at the end of the history. */
static size_t practitioners_needed(const gen_world *w)
{
	size_t open = 0;

	for (size_t i = 0; i < w->n_cases; i++)
		open += w->cases[i].closed < 0;
	open = (open + GEN_CASELOAD / 2) / GEN_CASELOAD;
	return open ? open : 1;
}

static uint32_t least_loaded(const uint16_t *load, size_t n, size_t from)
{
	size_t best = from % n;

	for (size_t k = 1; k < n; k++) {
		size_t i = (from + k) % n;
		if (load[i] < load[best])
			best = i;
	}
	return (uint32_t)best;
}

static void release_until(gen_world *w, const keyed *cl, size_t n, size_t *next, int32_t day,
			  uint16_t *load)
{
	for (; *next < n && cl[*next].day < day; (*next)++) {
		const gen_case *c = &w->cases[cl[*next].kase];
		load[c->prac]--;
		w->fam[c->family].open--;
	}
}

void gen_allocate(gen_world *w)
{
	size_t n = w->n_cases, next = 0, nc = 0;
	keyed *order = xcalloc(n + 1, sizeof *order), *cl = xcalloc(n + 1, sizeof *cl);
	uint16_t *load;

	w->n_pracs = practitioners_needed(w);
	w->n_teams = (w->n_pracs + GEN_POD - 1) / GEN_POD;
	load = xcalloc(w->n_pracs, sizeof *load);
	for (size_t i = 0; i < n; i++) {
		order[i] = (keyed){w->cases[i].referred, (uint32_t)i};
		if (w->cases[i].closed >= 0)
			cl[nc++] = (keyed){w->cases[i].closed, (uint32_t)i};
	}
	qsort(order, n, sizeof *order, by_day);
	qsort(cl, nc, sizeof *cl, by_day);
	for (size_t k = 0; k < n; k++) {
		gen_case *c = &w->cases[order[k].kase];
		gen_family *f = &w->fam[c->family];
		release_until(w, cl, nc, &next, c->referred, load);
		if (f->open == 0)
			f->prac = least_loaded(load, w->n_pracs, k);
		c->prac = f->prac;
		load[c->prac]++;
		f->open++;
	}
	free(load);
	free(cl);
	free(order);
}
