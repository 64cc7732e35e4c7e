/* gen_text.c: the words of generated notes, goals, reviews and closures, filled in for one case. */
#include "cli/gen_priv.h"

#include <stdio.h>
#include <string.h>

#define P GEN_POOL

/* ---- Placeholders: "{key}" in a sentence takes the case's value for key. */

typedef struct vars {
	const char *key[40];
	const char *val[40];
	int n;
	char school[64], staff[48], att[8], next[40], label[120], lost[16], pair_name[24];
} vars;

static void put(vars *v, const char *key, const char *val)
{
	if (v->n < 40) {
		v->key[v->n] = key;
		v->val[v->n++] = val;
	}
}

static const char *lookup(const vars *v, const char *key, size_t len)
{
	for (int i = 0; i < v->n; i++)
		if (strncmp(v->key[i], key, len) == 0 && v->key[i][len] == '\0')
			return v->val[i];
	return NULL;
}

/* Appends tpl with its placeholders filled; an unknown one is kept as written. */
static void fill(strbuf *out, const char *tpl, const vars *v)
{
	const char *p = tpl + (*tpl == '@');

	while (*p) {
		const char *open = strchr(p, '{'), *close = open ? strchr(open, '}') : NULL;
		const char *val = close ? lookup(v, open + 1, (size_t)(close - open - 1)) : NULL;
		if (open == NULL) {
			sb_append(out, p);
			return;
		}
		sb_appendn(out, p, (size_t)(open - p));
		if (val == NULL) {
			sb_appendn(out, open, 1);
			p = open + 1;
			continue;
		}
		sb_append(out, val);
		p = close + 1;
	}
}

/* Appends a sentence, with a space after what is there already. */
static void say(strbuf *out, const char *tpl, const vars *v)
{
	if (tpl == NULL)
		return;
	if (out->len)
		sb_append(out, " ");
	fill(out, tpl, v);
}

/* ---- Choosing sentences without repeating the case's recent ones. */

typedef struct cands {
	const char *s[96];
	size_t n;
} cands;

#define RING (sizeof ((gen_case *)0)->recent / sizeof(const char *))

/* Whether s was chosen since pick number `since` (within the ring's memory). */
static bool chosen_since(const gen_case *c, const char *s, uint16_t since)
{
	uint16_t n = (uint16_t)(c->recent_at - since);

	for (uint16_t i = 1; i <= n && i <= RING; i++)
		if (c->recent[(uint16_t)(c->recent_at - i) % RING] == s)
			return true;
	return false;
}

static void gather(cands *k, const gen_pool *pool, bool seen)
{
	for (size_t i = 0; i < pool->n && k->n < sizeof k->s / sizeof k->s[0]; i++)
		if (seen || pool->s[i][0] != '@')
			k->s[k->n++] = pool->s[i];
}

/* A sentence not yet in this text, preferably not in the case's recent texts either. */
static const char *choose(gen_case *c, const cands *k, gen_rng *r)
{
	const char *fresh[96], *unused[96];
	size_t nf = 0, nu = 0;
	const char *s;

	for (size_t i = 0; i < k->n; i++) {
		if (chosen_since(c, k->s[i], c->text_start))
			continue;
		unused[nu++] = k->s[i];
		if (!chosen_since(c, k->s[i], (uint16_t)(c->recent_at - RING)))
			fresh[nf++] = k->s[i];
	}
	if (nu == 0)
		return NULL;
	s = nf ? fresh[gen_int(r, 0, (int)nf - 1)] : unused[gen_int(r, 0, (int)nu - 1)];
	c->recent[c->recent_at++ % RING] = s;
	return s;
}

static const char *pick(gen_case *c, const gen_pool *pool, bool seen, gen_rng *r)
{
	cands k = {.n = 0};

	gather(&k, pool, seen);
	return choose(c, &k, r);
}

/* The pool for a phase, falling back to the nearest phase that has sentences. */
static const gen_pool *phased(const gen_pool pools[PH_COUNT], enum gen_phase ph)
{
	static const enum gen_phase order[PH_COUNT][3] = {
		[PH_E] = {PH_E, PH_M, PH_L}, [PH_M] = {PH_M, PH_E, PH_L},
		[PH_L] = {PH_L, PH_M, PH_E}, [PH_F] = {PH_F, PH_M, PH_E},
		[PH_W] = {PH_W, PH_M, PH_E},
	};

	for (int i = 0; i < 3; i++)
		if (pools[order[ph][i]].n)
			return &pools[order[ph][i]];
	return &pools[PH_E];
}

/* ---- Generic sentences (theme-free), after tools/gen-sample.py. */

static const gen_pool openers = P(
	"Home visit as planned.", "Visit arranged at the last session.",
	"Planned visit; {cg} was expecting me and had the kettle on.",
	"Visit arranged by text earlier in the week.", "Unannounced visit, as agreed in the plan; {cg} let me in straight away.",
	"Home visit; {cg} had asked to talk about {label}.");
static const gen_pool child_lines[3] = {
	P("{child} showed me {like} and chatted about nursery.",
	  "{child} was playing with {like} when I arrived and brought some over to show me.",
	  "{child} sat on {cg}'s lap for a while, then went back to {like}.",
	  "{child} was lively and chatty and wanted me to watch {obj} play."),
	P("{child} showed me {like} and talked about {pos} week at school.",
	  "{child} was doing homework when I arrived and was happy to stop for a chat.",
	  "{child} told me about {like}, which {sub} is proud of.",
	  "{child} was quieter today and said {sub} was tired after a busy week."),
	P("{child} came down after a while and talked about {like}.",
	  "{child} was on {pos} phone at first but joined the conversation about plans for the holidays.",
	  "{child} was at home and we talked about {like} and how school is going.",
	  "{child} was more talkative than last time and asked what the plan meeting would involve."),
};
static const gen_pool alone_lines[PH_COUNT] = {
	[PH_E] = P("I spent time with {child} on {pos} own; {sub} said things at home are 'okay, sometimes not'.",
		   "{child} and I talked on our own in {pos} room; {sub} said {sub} wants less shouting at home."),
	[PH_M] = P("I spent time with {child} on {pos} own; {sub} said home is 'better than before'.",
		   "On our own, {child} said {sub} likes the new routine but misses staying up late."),
	[PH_L] = P("On our own, {child} said things at home are 'good, mostly' and {sub} knows who to talk to.",
		   "I spent time with {child} on {pos} own; {sub} said {sub} does not worry about home as much now."),
	[PH_W] = P("On our own, {child} said the grown-ups have been cross a lot and {sub} stays in {pos} room."),
};
static const gen_pool not_seen = P(
	"{child} was at school; I will make sure the next visit is after school.",
	"This was a daytime visit while {child} was at school, so {cg} and I could talk freely.",
	"{child} was out at {club}, so I did not see {obj} today; I will see {obj} at school next week.");
static const gen_pool closers = P("Next visit agreed for {next}.", "We agreed the next visit for {next}.",
				  "Next visit booked for {next}.", "I will visit again on {next}.");
static const gen_pool phone_generic = P(
	"Phone call with {cg} to check in after the last visit. {cgSub} said the week had been {week}.",
	"{cg} rang to rearrange the next visit because of a medical appointment; moved to {next}.",
	"Call with {cg} to confirm arrangements for the next meeting. {cgSub} said the week had been {week}.",
	"Phone call with {school} about {child}'s week. They said {sub} had been {schoolweek}.");
static const gen_pool teen_phone = P(
	"Called {child} after school to see how the week had gone; {sub} said it had been {week}.",
	"{child} texted to ask if we could meet at the café instead of at home this week; agreed.");
static const gen_pool phone_fillers = P("Nothing new to report; next contact as planned.",
					"{cgSub} had no new worries and said {cgsub} would ring if anything changed.");
static const gen_pool messages = P(
	"Text from {cg} confirming the visit on {next}. Replied to confirm the time.",
	"Sent {cg} the date and time of the next plan meeting and checked {cgsub} can make it. {cgSub} replied to say yes.",
	"{cg} messaged to say {child} had a good day and sent a photo of {pos} certificate from school. I replied to say well done to {child}.",
	"Text to {cg} with the phone number for the advice line we talked about. {cgSub} replied to say thanks and that {cgsub} would ring tomorrow.",
	"{cg} texted to ask whether the next visit could be a little later because of work. Agreed; moved to half an hour later.",
	"Reminder text sent to {cg} about tomorrow's appointment. {cgSub} replied with a thumbs up.",
	"Text to {cg} to check {cgsub} got the letter about the review meeting. No reply yet; I will ask at the next visit.");
static const gen_pool school_generic[PH_COUNT] = {
	[PH_E] = P("Staff said {child} is quiet in class and often tired in the mornings.",
		   "School have not had much contact with {cg} before and were glad to meet."),
	[PH_M] = P("Staff said {child} is more settled and joining in more.",
		   "School will keep the check-ins going and share any worries with me straight away."),
	[PH_F] = P("Staff said little has changed since the last meeting.",
		   "School said {child} is fine in class but often tired after weekends."),
	[PH_W] = P("Staff are worried that {child} is often absent and sometimes hungry."),
	[PH_L] = P("Staff said {child} is doing well and they have no worries at the moment."),
};
static const gen_pool health_out = P(
	"The appointment went well and a follow-up is booked in six weeks.",
	"{cg} asked the questions {cgsub} had written down beforehand and said afterwards that {cgsub} felt listened to.",
	"On the way home we talked about the week; {cgsub} said it had been {week}.",
	"The appointment ran late, but {cg} stayed and said it was worth it.");
static const gen_pool office_tasks = P(
	"go through some forms with me", "go through a grant application",
	"use a quiet room to talk without the children around",
	"look over the draft plan before the review meeting",
	"make some phone calls with me there to help");
static const gen_pool dw_tools[3] = {
	P("the Wizard and Fairy pictures", "a worry monster", "play figures and a doll's house",
	  "drawing the people in {pos} family"),
	P("the three houses", "a feelings thermometer", "the House of Good Things", "a family tree",
	  "a worry monster"),
	P("the three houses", "a timeline of the last year", "a scaling question from 0 to 10",
	  "the safety network map"),
};
static const gen_pool dw_topics[3] = {
	P("who looks after {obj} and what {sub} likes doing", "nursery and home", "the people in {pos} family"),
	P("home, school and friends", "what makes {obj} happy and what worries {obj}", "the people {sub} can talk to"),
	P("how things are at home", "what {sub} wants to happen next", "school, friends and home"),
};
static const gen_pool dw_places[3] = {
	P("at home", "at nursery"), P("at school", "at home", "at the library"),
	P("at a café in town", "at school", "in the office", "on a walk to the park"),
};
static const gen_pool dw_said[PH_COUNT] = {
	[PH_E] = P("{child} put '{worry}' in the house of worries and {cg} in the house of good things.",
		   "{child} said the thing {sub} would most like to change is '{wish}'.",
		   "{child} drew {pos} family and put {refl} in the middle, next to {cg}."),
	[PH_M] = P("{child} said things are 'a bit better' and gave home a 6 out of 10.",
		   "{child} added {net} to {pos} safety network and said {sub} would call them if worried.",
		   "{child} chose to share the house of good things with {cg}."),
	[PH_L] = P("{child} gave home an 8 out of 10 and said what would make it a 9 is '{wish}'.",
		   "{child} talked about the future and what {sub} is looking forward to."),
	[PH_W] = P("{child} was quieter than usual and did not want to draw today.",
		   "{child} put 'when the grown-ups shout' in the house of worries."),
};
static const gen_pool week_words[PH_COUNT] = {
	[PH_E] = P("hard", "a bit chaotic", "long", "difficult but manageable"),
	[PH_M] = P("mixed", "better than last week", "okay", "busy but fine"),
	[PH_L] = P("good", "calm", "settled", "really good"),
	[PH_F] = P("about the same", "mixed", "up and down"),
	[PH_W] = P("hard", "difficult", "stressful"),
};
static const gen_pool school_week[PH_COUNT] = {
	[PH_E] = P("tired and quiet", "late twice but settled once in", "unsettled"),
	[PH_M] = P("in every day and more settled", "mostly settled", "chatty and engaged"),
	[PH_L] = P("settled and cheerful", "doing well in class", "in every day"),
	[PH_F] = P("the same as usual: fine some days, tired on others", "late twice"),
	[PH_W] = P("absent for two sessions", "tired and hungry on arrival"),
};
static const gen_pool likes[3] = {
	P("the toy cars", "a jigsaw", "the play kitchen", "building blocks", "a picture book",
	  "the new scooter"),
	P("a drawing for the school art competition", "a swimming badge", "a Lego model",
	  "a reading certificate", "football practice", "a new bike"),
	P("music", "football", "gaming with friends", "drama club", "boxing", "college courses",
	  "a part-time job idea"),
};
static const gen_pool clubs = P("football", "art club", "swimming", "Scouts", "Brownies",
				"the youth club", "dance class", "cadets");
static const gen_pool worries_kid = P("Mum being sad", "the shouting", "not having friends",
				      "moving house", "Dad not coming");
static const gen_pool wishes_kid = P("Mum laughing again", "a normal Saturday", "more time with Dad",
				     "a bedroom of my own", "no more arguing");
static const gen_pool roles[3] = {
	P("key person", "nursery manager"),
	P("class teacher", "family support worker", "SENCo", "designated safeguarding lead"),
	P("head of year", "attendance lead", "pastoral lead", "designated safeguarding lead"),
};

static const gen_pool titles = P("Mrs", "Mr", "Ms", "Miss");
static const gen_pool network_offers = P(
	"have {child} on Wednesday evenings", "ring {cg} every morning for the next month",
	"go with {cg} to {cgpos} next GP appointment", "do the school run on Tuesdays and Thursdays",
	"help with a weekly shop");
static const gen_pool review_up = P("{cg} said this feels closer.", "A good month.",
			     "Small step forward, agreed at the visit.", "Scored together with {cg}.",
			     "{child} chose the score this time.");
static const gen_pool review_same = P("No change since last time.", "Stuck on the same thing as last time.",
			       "The family feel this has stalled.", "Same score; nothing has moved.");
static const gen_pool review_down = P("Slipped back since the last review.",
			       "A harder few weeks; we talked about what got in the way.");
static const gen_pool review_done = P("Achieved: celebrated with the family.",
			       "Goal met; the family want to keep it going themselves.");
static const gen_pool review_dropped = P("Dropped: the family and I agreed it no longer fits the plan.",
				  "Dropped at the family's request; we set a smaller goal instead.");
static const gen_pool comment_worker = P(
	"Scored with {cg} at the review visit; {cgsub} agreed with most of it.",
	"Scored after the visit and talked through with {cg} the next week.",
	"Discussed in supervision before the review meeting.");
static const gen_pool comment_family = P("Completed on paper by {cg} at the end of the visit.",
				 "{cg} filled this in on my tablet while {child} was at school.");
static const gen_pool comment_child = P("{child} filled this in on my tablet and asked what the questions meant.",
				"{child} chose to do this on {pos} own and handed it back folded.");

/* ---- The case's values for the placeholders. */

static int band_of(int age)
{
	return age < 5 ? 0 : age < 12 ? 1 : 2;
}

static void pronouns(vars *v, bool female, const char *const keys[6])
{
	static const char *const she[6] = {"she", "She", "her", "her", "Her", "herself"};
	static const char *const he[6] = {"he", "He", "him", "his", "His", "himself"};

	for (int i = 0; i < 6; i++)
		if (keys[i])
			put(v, keys[i], female ? she[i] : he[i]);
}

static const char *sibling_name(const gen_world *w, const gen_case *c)
{
	const gen_family *f = &w->fam[c->family];

	for (uint32_t k = f->first_person + 1u + f->has_other; k < f->first_person + f->n_people; k++)
		if (k != c->child)
			return gen_first_name(&w->people[k]);
	return "the younger ones";
}

static void people_vars(const gen_world *w, const gen_case *c, vars *v)
{
	static const char *const cg_keys[6] = {"cgsub", "cgSub", "cgobj", "cgpos", NULL, NULL};
	static const char *const kid_keys[6] = {"sub", "Sub", "obj", "pos", "Pos", "refl"};
	const gen_family *f = &w->fam[c->family];
	const gen_person *cg = &w->people[f->first_person], *kid = &w->people[c->child];
	const gen_person *other = f->has_other ? &w->people[f->first_person + 1] : NULL;

	put(v, "cg", gen_first_name(cg));
	pronouns(v, cg->female, cg_keys);
	put(v, "child", gen_first_name(kid));
	pronouns(v, kid->female, kid_keys);
	put(v, "net", other && other->female && other->kin != 0 ? gen_first_name(other)
							       : gen_net_name(f));
	put(v, "other", other && !other->female && other->kin == 0 ? gen_first_name(other)
								  : "the children's father");
	put(v, "sib", sibling_name(w, c));
	snprintf(v->lost, sizeof v->lost, "%s %s", kid->female ? "her" : "his",
		 cg->female ? "dad" : "mum");
	put(v, "lost", v->lost);
}

static void long_date(int32_t day, char *buf, size_t size)
{
	static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
					   "Friday", "Saturday"};
	static const char *const months[] = {"January", "February", "March", "April", "May",
					     "June", "July", "August", "September", "October",
					     "November", "December"};
	cb_date d = cb_date_from_days(day);

	snprintf(buf, size, "%s %d %s", days[((day + 4) % 7 + 7) % 7], d.day, months[d.month - 1]);
}

static void place_vars(const gen_world *w, const gen_case *c, int age, vars *v)
{
	static const char *const kinds[] = {"Nursery", "Primary School", "Academy", "College"};
	const char *area = gen_area((uint16_t)(w->fam[c->family].area + (age >= 11)));
	uint32_t k = c->child;
	int b = band_of(age);

	snprintf(v->school, sizeof v->school, "%s %s", area, kinds[age < 5 ? 0 : age < 11 ? 1 : age < 16 ? 2 : 3]);
	snprintf(v->staff, sizeof v->staff, "%s %s", titles.s[k % titles.n],
		 gen_surname(0, (uint16_t)(k / 7)));
	put(v, "school", v->school);
	put(v, "staff", v->staff);
	put(v, "role", roles[b].s[k % roles[b].n]);
	put(v, "like", likes[b].s[(k / 3) % likes[b].n]);
	put(v, "club", clubs.s[(k / 5) % clubs.n]);
	put(v, "worry", worries_kid.s[k % worries_kid.n]);
	put(v, "wish", wishes_kid.s[(k / 2) % wishes_kid.n]);
}

static void case_vars(const gen_world *w, const gen_case *c, int32_t day, enum gen_phase ph,
		      gen_rng *r, vars *v)
{
	static const int att[PH_COUNT][2] = {{76, 84}, {86, 92}, {93, 98}, {84, 88}, {70, 78}};
	int age = gen_age(&w->people[c->child], day);
	strbuf label = {0};

	v->n = 0;
	people_vars(w, c, v);
	place_vars(w, c, age, v);
	snprintf(v->att, sizeof v->att, "%d", gen_int(r, att[ph][0], att[ph][1]));
	put(v, "att", v->att);
	long_date(day + gen_int(r, 6, 14), v->next, sizeof v->next);
	put(v, "next", v->next);
	put(v, "week", week_words[ph].s[gen_int(r, 0, (int)week_words[ph].n - 1)]);
	put(v, "schoolweek", school_week[ph].s[gen_int(r, 0, (int)school_week[ph].n - 1)]);
	fill(&label, gen_themes[c->themes[0]].label, v);
	snprintf(v->label, sizeof v->label, "%s", sb_str(&label));
	sb_free(&label);
	put(v, "label", v->label);
}

/* ---- Composing notes. */

typedef struct note_ctx {
	const gen_world *w;
	gen_case *c;
	gen_rng *r;
	vars v;
	enum gen_phase ph;
	int band;
	int32_t day;
	gen_note *out;
} note_ctx;

/* n observations from the case's themes; adult_only leaves out what needs the child there. */
static void observations(note_ctx *x, int n, bool seen)
{
	for (int i = 0; i < n; i++) {
		int t = x->c->themes[i == 0 ? 0 : gen_int(x->r, 0, x->c->n_themes - 1)];
		say(&x->out->body, pick(x->c, phased(gen_themes[t].obs, x->ph), seen, x->r), &x->v);
	}
}

enum sos_field { SOS_WORRIES, SOS_WELL, SOS_NEXT };

/* One of the three Signs of Safety questions, from every theme of the case. */
static void sos(note_ctx *x, enum sos_field field, int n, strbuf *out)
{
	cands k = {.n = 0};

	for (int i = 0; i < x->c->n_themes; i++) {
		const gen_theme *t = &gen_themes[x->c->themes[i]];
		const gen_pool *pools = field == SOS_WORRIES ? t->worries : field == SOS_WELL ? t->well : t->next;
		gather(&k, phased(pools, x->ph), true);
	}
	for (int i = 0; i < n; i++)
		say(out, choose(x->c, &k, x->r), &x->v);
}

static void present(note_ctx *x, bool child, const char *extra)
{
	const gen_family *f = &x->w->fam[x->c->family];
	const gen_person *cg = &x->w->people[f->first_person];

	sb_appendf(&x->out->present, "%s (%s)", gen_first_name(cg), cg->female ? "mother" : "father");
	if (child)
		sb_appendf(&x->out->present, ", %s", gen_first_name(&x->w->people[x->c->child]));
	if (extra)
		sb_appendf(&x->out->present, ", %s", extra);
}

static void home_visit(note_ctx *x, int minute)
{
	bool after_school = minute >= 900 || ((x->day + 4) % 7 + 7) % 7 % 6 == 0;
	gen_note *o = x->out;

	o->seen = x->band == 0 || (after_school && gen_chance(x->r, 0.85));
	o->alone = o->seen && x->band > 0 && gen_chance(x->r, x->band == 2 ? 0.4 : 0.25);
	say(&o->body, pick(x->c, &openers, true, x->r), &x->v);
	if (cb_date_from_days(x->day).month == 8 && x->band > 0)
		say(&o->body, "School holidays this week.", &x->v);
	observations(x, gen_int(x->r, 2, 3), o->seen);
	if (o->seen)
		say(&o->body, pick(x->c, &child_lines[x->band], true, x->r), &x->v);
	if (o->alone)
		say(&o->body, pick(x->c, phased(alone_lines, x->ph), true, x->r), &x->v);
	else if (!o->seen && x->band > 0)
		say(&o->body, pick(x->c, &not_seen, true, x->r), &x->v);
	if (gen_chance(x->r, 0.7))
		say(&o->body, pick(x->c, &closers, true, x->r), &x->v);
	sos(x, SOS_WORRIES, gen_int(x->r, 1, 2), &o->worries);
	sos(x, SOS_WELL, gen_int(x->r, 1, 2), &o->well);
	sos(x, SOS_NEXT, 1, &o->needs);
	present(x, o->seen, NULL);
}

static void phone_call(note_ctx *x)
{
	gen_note *o = x->out;
	int t = x->c->themes[0];

	if (x->band == 2 && gen_chance(x->r, 0.25)) {
		say(&o->body, pick(x->c, &teen_phone, true, x->r), &x->v);
		sb_appendf(&o->present, "%s by phone", lookup(&x->v, "child", 5));
	} else {
		say(&o->body, pick(x->c, &phone_generic, true, x->r), &x->v);
		sb_appendf(&o->present, "%s by phone", lookup(&x->v, "cg", 2));
	}
	if (gen_themes[t].phone.n && gen_chance(x->r, 0.5))
		say(&o->body, pick(x->c, &gen_themes[t].phone, true, x->r), &x->v);
	else
		observations(x, 1, false);
	if (gen_chance(x->r, 0.3))
		say(&o->body, pick(x->c, &phone_fillers, true, x->r), &x->v);
}

static void school_meeting(note_ctx *x)
{
	gen_note *o = x->out;
	cands k = {.n = 0};
	char staff[96];

	say(&o->body, "Meeting at {school} with {staff} ({role}) and {cg}.", &x->v);
	for (int i = 0; i < x->c->n_themes; i++)
		gather(&k, phased(gen_themes[x->c->themes[i]].school, x->ph), true);
	gather(&k, phased(school_generic, x->ph), true);
	for (int i = gen_int(x->r, 1, 2); i > 0; i--)
		say(&o->body, choose(x->c, &k, x->r), &x->v);
	o->seen = x->band > 0 && gen_chance(x->r, 0.35);
	if (o->seen)
		say(&o->body, "{child} joined us at the end and said {sub} was happy with what we agreed.", &x->v);
	sb_append(&o->body, " Agreed:");
	sos(x, SOS_NEXT, 1, &o->body);
	snprintf(staff, sizeof staff, "%s (%s)", x->v.staff, lookup(&x->v, "role", 4));
	present(x, o->seen, staff);
}

static void direct_work(note_ctx *x)
{
	gen_note *o = x->out;
	strbuf place = {0}, tool = {0}, topic = {0};

	o->seen = true;
	o->alone = x->band > 0;
	fill(&place, pick(x->c, &dw_places[x->band], true, x->r), &x->v);
	fill(&tool, pick(x->c, &dw_tools[x->band], true, x->r), &x->v);
	fill(&topic, pick(x->c, &dw_topics[x->band], true, x->r), &x->v);
	sb_appendf(&o->body, "Direct work with %s %s. We used %s to talk about %s.",
		   lookup(&x->v, "child", 5), sb_str(&place), sb_str(&tool), sb_str(&topic));
	say(&o->body, pick(x->c, phased(dw_said, x->ph), true, x->r), &x->v);
	if (gen_chance(x->r, 0.5))
		say(&o->body, pick(x->c, &child_lines[x->band], true, x->r), &x->v);
	if (x->band == 0)
		say(&o->body, "{cg} stayed in the room and joined in at the end.", &x->v);
	sb_appendf(&o->present, "%s", lookup(&x->v, "child", 5));
	sb_free(&place);
	sb_free(&tool);
	sb_free(&topic);
}

static void other_contact(note_ctx *x)
{
	gen_note *o = x->out;

	switch (o->type) {
	case CT_MESSAGE:
		say(&o->body, pick(x->c, &messages, true, x->r), &x->v);
		sb_appendf(&o->present, "%s by text", lookup(&x->v, "cg", 2));
		return;
	case CT_HEALTH:
		o->seen = gen_chance(x->r, 0.5);
		say(&o->body, o->seen ? "Went with {cg} and {child} to the health visitor clinic."
				      : "Went to the GP with {cg}, who asked me to come for support.", &x->v);
		say(&o->body, pick(x->c, &health_out, true, x->r), &x->v);
		observations(x, 1, false);
		present(x, o->seen, NULL);
		return;
	default:
		say(&o->body, "{cg} came to the office to ", &x->v);
		fill(&o->body, pick(x->c, &office_tasks, true, x->r), &x->v);
		sb_append(&o->body, ".");
		observations(x, 1, false);
		sb_append(&o->body, " Next step:");
		sos(x, SOS_NEXT, 1, &o->body);
		present(x, false, NULL);
	}
}

static void network_meeting(note_ctx *x)
{
	gen_note *o = x->out;

	o->seen = gen_chance(x->r, 0.6);
	present(x, o->seen, lookup(&x->v, "net", 3));
	sb_appendf(&o->body, "Family network meeting at home with %s.", sb_str(&o->present));
	say(&o->body, "We went through the worries and what is working well together. {net} offered to", &x->v);
	sb_append(&o->body, " ");
	fill(&o->body, pick(x->c, &network_offers, true, x->r), &x->v);
	sb_append(&o->body, ". Next steps:");
	sos(x, SOS_NEXT, 1, &o->body);
	if (o->seen)
		say(&o->body, x->band == 0 ? "{child} played nearby and joined in for a while."
					   : "{child} joined for the second half and added {pos} own ideas to the plan.", &x->v);
}

static void multi_agency(note_ctx *x)
{
	static const char *const opening[] = {
		[PLAN_NONE] = "Professionals' meeting with {school} and the GP surgery to share information; {cg} agreed to it and had the notes afterwards.",
		[PLAN_EH] = "Team Around the Family meeting at {school} with {cg} and the school's family support worker.",
		[PLAN_CIN] = "Child in need review with {cg}, {school} and the health visitor.",
		[PLAN_CP] = "Core group meeting with {cg}, the social worker, {school} and the health visitor.",
		[PLAN_LAC] = "Placement planning meeting with {child}'s social worker and foster carer.",
	};
	gen_note *o = x->out;

	o->seen = x->band == 2 && gen_chance(x->r, 0.3);
	say(&o->body, opening[gen_plan_on(x->w, x->c, x->day)], &x->v);
	observations(x, 1, o->seen);
	sb_append(&o->body, " Actions:");
	sos(x, SOS_NEXT, 1, &o->body);
	if (gen_chance(x->r, 0.55)) {
		sos(x, SOS_WORRIES, 1, &o->worries);
		sos(x, SOS_WELL, 1, &o->well);
		sos(x, SOS_NEXT, 1, &o->needs);
	}
	present(x, o->seen, "school, social worker");
}

static void referral_call(note_ctx *x)
{
	static const char *const from[] = {
		"the school", "the police", "the health visitor", "the GP", "{cg} (a self-referral)",
		"the school nurse", "the hospital", "the housing officer", "an anonymous caller",
		"another local authority", "the early help team",
	};
	gen_note *o = x->out;
	const gen_theme *t = &gen_themes[x->c->themes[0]];

	sb_append(&o->body, x->c->rerefer ? "Re-referral from " : "Referral from ");
	fill(&o->body, from[x->c->source % (sizeof from / sizeof from[0])], &x->v);
	sb_append(&o->body, ".");
	say(&o->body, pick(x->c, &t->worries[PH_E], true, x->r), &x->v);
	if (x->c->outcome == 0)
		say(&o->body, "Checks with the school and the GP found nothing further: no further action. {cg} was given information about universal family support.", &x->v);
	else
		say(&o->body, "I rang {cg}, who agreed to a home visit this week and said {cgsub} was relieved someone had called.", &x->v);
	sb_appendf(&o->present, "%s by phone", lookup(&x->v, "cg", 2));
}

static void closing_visit(note_ctx *x)
{
	gen_note *o = x->out;
	cands k = {.n = 0};

	o->seen = true;
	say(&o->body, "Closing visit. We looked back at the plan together and at what has changed since the referral.", &x->v);
	for (int i = 0; i < x->c->n_themes; i++)
		gather(&k, &gen_themes[x->c->themes[i]].well[PH_L], true);
	say(&o->body, choose(x->c, &k, x->r), &x->v);
	say(&o->body, "{cg} knows how to get back in touch if things become difficult again.", &x->v);
	present(x, true, NULL);
}

static void compose(note_ctx *x, int minute, bool first, bool last)
{
	if (first)
		referral_call(x);
	else if (last)
		closing_visit(x);
	else if (x->out->type == CT_HOME)
		home_visit(x, minute);
	else if (x->out->type == CT_PHONE)
		phone_call(x);
	else if (x->out->type == CT_SCHOOL)
		school_meeting(x);
	else if (x->out->type == CT_DIRECT)
		direct_work(x);
	else if (x->out->type == CT_NETWORK)
		network_meeting(x);
	else if (x->out->type == CT_MULTI)
		multi_agency(x);
	else
		other_contact(x);
}

static int duration(enum gen_contact type, gen_rng *r)
{
	static const int range[CT_COUNT][2] = {
		{45, 110}, {10, 30}, {2, 5}, {30, 60}, {45, 70}, {40, 90}, {45, 90}, {90, 140}, {60, 110},
	};

	if (type == CT_MESSAGE)
		return gen_int(r, 2, 5);
	return gen_int(r, range[type][0], range[type][1]) / 5 * 5;
}

void gen_note_write(const gen_world *w, gen_case *c, int32_t day, int minute_of_day,
		    enum gen_contact type, bool first, bool last, gen_rng *r, gen_note *out)
{
	note_ctx x = {.w = w, .c = c, .r = r, .ph = gen_phase_of(w, c, day), .day = day, .out = out};
	cb_date d = cb_date_from_days(day);

	memset(out, 0, sizeof *out);
	c->text_start = c->recent_at;
	out->type = type;
	cb_date_format(d, out->at);
	snprintf(out->at + 10, sizeof out->at - 10, "T%02u:%02u", (unsigned)minute_of_day / 60 % 24,
		 (unsigned)minute_of_day % 60);
	out->minutes = duration(type, r);
	x.band = band_of(gen_age(&w->people[c->child], day));
	case_vars(w, c, day, x.ph, r, &x.v);
	compose(&x, minute_of_day, first, last);
	out->confidential = type == CT_DIRECT && gen_chance(r, 0.03);
}

void gen_note_free(gen_note *n)
{
	sb_free(&n->present);
	sb_free(&n->body);
	sb_free(&n->worries);
	sb_free(&n->well);
	sb_free(&n->needs);
}

/* ---- Amendments, goals, reviews, closures, assessment comments. */

void gen_amend_text(const gen_world *w, const gen_case *c, int32_t day, const char *old_body,
		    gen_rng *r, strbuf *reason, strbuf *body)
{
	static const char *const reasons[][2] = {
		{"Wrong date recorded for the next visit", "Correction: the next visit is on {next}."},
		{"Added what the school said after the visit",
		 "After the visit {school} rang to say {child} had been {schoolweek} this week."},
		{"Added the outcome of the call I made after the visit",
		 "I rang {cg} later the same day; {cgsub} said the rest of the week had been {week}."},
		{"Corrected who was present", "{net} was also there for the first half of the visit."},
	};
	vars v;
	int k = gen_int(r, 0, 3);

	case_vars(w, c, day, gen_phase_of(w, c, day), r, &v);
	sb_append(reason, reasons[k][0]);
	sb_append(body, old_body);
	say(body, reasons[k][1], &v);
}

static const gen_pool goal_texts[9] = {
	P("{child}'s attendance is above 95% for a whole half term", "{cg} gets back into part-time work",
	  "{child} catches up in maths with the homework club", "{child} goes to the college taster days"),
	P("{child} joins {club} and goes every week", "{child} says {sub} is happy at home most days",
	  "A family day out once a month"),
	P("The family move to a home with enough space", "The damp in the children's room is fixed",
	  "{cg} keeps up with the rent and bills for three months"),
	P("Mornings without arguments, and {child} at school on time",
	  "{child} and {cg} have time together every week", "Calm handovers for contact every Saturday"),
	P("{child} gets to school on the bus on {pos} own", "{child} cooks a meal for the family once a week",
	  "{cg} manages the weekly budget without running out"),
	P("{child} lives at home with {cg} again", "Overnight stays at home every weekend"),
	P("The safety plan is followed every time there is contact", "{child} texts {cg} by nine every night {sub} is out",
	  "{child} is not missing from home for three months"),
	P("{cg} has treatment for {cgpos} low mood and people {cgsub} can call on a bad day",
	  "{child} has someone to talk to at school and uses {pos} calm box",
	  "{cg} feels less alone: out of the house three times a week"),
	P("{cg} keeps every appointment with the support service", "The children see both parents safely every fortnight"),
};

const char *const gen_goal_categories[] = {
	"education_employment", "success_happiness", "housing_independence", "family_relationships",
	"independent_living", "reunification", "residency_safety", "emotional_wellbeing", "other",
};

void gen_goal_text(const gen_world *w, const gen_goal *g, gen_rng *r, strbuf *out)
{
	const gen_case *c = &w->cases[g->kase];
	const gen_pool *pool = &goal_texts[g->category % 9];
	vars v = {.n = 0};

	(void)r;
	people_vars(w, c, &v);
	place_vars(w, c, gen_age(&w->people[c->child], g->set_on), &v);
	fill(out, pool->s[g->text % pool->n], &v);
}

void gen_review_comment(const gen_world *w, const gen_goal *g, int progress, int before,
			bool last, gen_rng *r, strbuf *out)
{
	const gen_pool *pool = last ? (progress >= 7 ? &review_done : &review_dropped)
			       : progress > before ? &review_up
			       : progress == before ? &review_same : &review_down;
	const gen_case *c = &w->cases[g->kase];
	vars v = {.n = 0};

	if (!last && gen_chance(r, 0.4))
		return;
	people_vars(w, c, &v);
	fill(out, pool->s[gen_int(r, 0, (int)pool->n - 1)], &v);
}

void gen_closure_text(const gen_world *w, const gen_case *c, gen_rng *r, strbuf *out)
{
	static const char *const ended[] = {
		[PLAN_NONE] = "Closed after the assessment: the family's needs are met by universal services.",
		[PLAN_EH] = "Early help plan completed:",
		[PLAN_CIN] = "Child in need plan ended: goals achieved.",
		[PLAN_CP] = "Child protection plan ended at the review conference and the case closed with the family's agreement.",
		[PLAN_LAC] = "Care plan ended: {child} is settled at home and the care order was discharged.",
	};
	const gen_episode *last = &w->eps[c->first_ep + c->n_ep - 1];
	vars v = {.n = 0};
	cands k = {.n = 0};
	gen_case copy = *c;

	people_vars(w, c, &v);
	place_vars(w, c, gen_age(&w->people[c->child], c->closed), &v);
	if (c->traj == TRAJ_DOWN || (c->traj == TRAJ_FLAT && c->closing % 3 == 0)) {
		fill(out, c->closing % 2 ? "The family moved out of the area; the case was transferred to the new local authority with a full handover."
					 : "Closed: {cg} withdrew consent for the plan, and there are no safeguarding concerns that would justify continuing without it. {cg} knows how to ask for help again.", &v);
		return;
	}
	fill(out, ended[last->plan], &v);
	for (int i = 0; i < c->n_themes; i++)
		gather(&k, &gen_themes[c->themes[i]].well[PH_L], true);
	say(out, choose(&copy, &k, r), &v);
	say(out, "Closed with the family's agreement.", &v);
}

void gen_assessment_comment(const gen_world *w, const gen_case *c, enum gen_rater rater,
			    gen_rng *r, strbuf *out)
{
	const gen_pool *pool = rater == GR_WORKER ? &comment_worker
			       : rater == GR_FAMILY ? &comment_family : &comment_child;
	vars v = {.n = 0};

	if (!gen_chance(r, 0.3))
		return;
	people_vars(w, c, &v);
	fill(out, pool->s[gen_int(r, 0, (int)pool->n - 1)], &v);
}
