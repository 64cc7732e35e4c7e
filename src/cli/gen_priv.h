/* gen_priv.h: what the generator's modules share: the random source, the plan, the texts. */
#ifndef CASEBOOK_CLI_GEN_PRIV_H
#define CASEBOOK_CLI_GEN_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/gen.h"
#include "core/ids.h"
#include "core/mem.h"

/* ---- A seeded random source (xoshiro256**); one per family, case or record. */

typedef struct gen_rng {
	uint64_t s[4];
} gen_rng;

/* What a random stream is for, so that each decision has a source of its own. */
enum gen_stream {
	GS_FAMILY = 1, GS_CASE, GS_CONTACTS, GS_NOTE, GS_ASSESS, GS_GOAL, GS_STAFF, GS_AMEND,
	GS_ID_TEAM, GS_ID_PRAC, GS_ID_FAMILY, GS_ID_PERSON, GS_ID_CASE, GS_ID_REFERRAL,
	GS_ID_EPISODE, GS_ID_NOTE, GS_ID_AMEND, GS_ID_ASSESS, GS_ID_GOAL, GS_ID_REVIEW, GS_ANSWER, GS_REVIEW,
};

void gen_seed(gen_rng *r, uint64_t seed, enum gen_stream stream, uint64_t index);
uint64_t gen_u64(gen_rng *r);
/* An integer from lo to hi inclusive. */
int gen_int(gen_rng *r, int lo, int hi);
/* A number in [0, 1). */
double gen_unit(gen_rng *r);
bool gen_chance(gen_rng *r, double p);
/* An index into weights (n entries, not all zero), chosen in proportion. */
size_t gen_weighted(gen_rng *r, const int *weights, size_t n);
/* The record id for (stream, index): a version 4 UUID made from the seed. */
void gen_uuid(uint64_t seed, enum gen_stream stream, uint64_t index, char out[CB_UUID_LEN + 1]);

/* ---- The plan: every family, person, case, plan episode and goal, kept small. */

enum gen_rel { REL_CAREGIVER, REL_OTHER, REL_CHILD, REL_SIBLING };
enum gen_plan { PLAN_NONE, PLAN_EH, PLAN_CIN, PLAN_CP, PLAN_LAC };
enum gen_traj { TRAJ_UP, TRAJ_FLAT, TRAJ_DOWN };
/* Where a case's story is: early, middle, late, stuck (flat) or worse. */
enum gen_phase { PH_E, PH_M, PH_L, PH_F, PH_W, PH_COUNT };

typedef struct gen_person {
	int32_t born;       /* days since 1970-01-01 */
	uint16_t first;     /* index into the heritage group's first names */
	uint16_t surname;   /* index into the heritage group's surnames */
	uint8_t group;      /* heritage group (names and recorded ethnicity) */
	uint8_t female;
	uint8_t rel;        /* enum gen_rel */
	uint8_t kin;        /* other adult: enum gen_kin in gen_text.c */
} gen_person;

typedef struct gen_family {
	uint32_t first_person;
	uint32_t first_case;
	uint16_t n_cases;
	uint8_t n_people;   /* people[0] is the main caregiver, people[1] the other adult if any */
	uint8_t has_other;
	uint8_t group;
	uint16_t house, street, area;
	uint16_t net_first; /* first name of the family's helper when no other adult helps */
	uint32_t prac;      /* allocation: the practitioner with the family's open cases */
	uint16_t open;      /* allocation: how many of its cases are open */
} gen_family;

typedef struct gen_episode {
	uint32_t kase;
	int32_t start, end; /* days; end -1 while it runs */
	uint8_t plan;       /* enum gen_plan */
} gen_episode;

typedef struct gen_case {
	uint32_t family, child; /* child: index into people */
	uint32_t prac;          /* practitioner index */
	int32_t referred, closed; /* days; closed -1 while open */
	uint32_t first_ep, first_goal;
	uint8_t n_ep, n_goals;
	uint8_t need, source, outcome, traj, closing;
	uint8_t themes[3], n_themes;
	uint8_t rerefer;        /* a referral again after an earlier case closed */
	uint16_t n_notes;       /* contacts planned */
	uint16_t recent_at;     /* the picker's memory of sentences used lately (a ring) */
	uint16_t text_start;    /* recent_at when the text being written began */
	const char *recent[16];
} gen_case;

typedef struct gen_goal {
	uint32_t kase;
	int32_t set_on, done_on; /* done_on: the review that closes it, or -1 */
	int32_t pair;            /* the worker goal a family goal is paired with, or -1 */
	uint8_t category, family_owned, owner_is_child, status, text, agreement, match;
	uint8_t p0, p1;          /* progress at the first and last review */
	uint8_t n_reviews;       /* the reviews its progress is planned over */
} gen_goal;

enum gen_event_kind {
	EV_FAMILY, EV_CASE, EV_PLAN, EV_GOAL, EV_ASSESS, EV_NOTE, EV_REVIEW, EV_AMEND,
	EV_CLOSE,
};

/* Instruments the generator fills, by id in the forms folder. */
enum gen_instrument { GI_RF, GI_WAI, GI_FWB, GI_AP, GI_PO, GI_COUNT };
enum gen_rater { GR_WORKER, GR_FAMILY, GR_CHILD };

/* One write, at a minute; sorted into time order before anything is written. */
typedef struct gen_event {
	int64_t at;   /* minutes since 1970-01-01 (local time, as notes record it) */
	uint32_t ref; /* family, case, episode or goal index, by kind */
	uint16_t n;   /* contact number, review number, assessment point */
	uint8_t kind; /* enum gen_event_kind */
	uint8_t sub;  /* contact type, instrument * 4 + rater */
} gen_event;

typedef struct gen_world {
	const cb_gen_opts *opts;
	int32_t start_day, until_day;
	gen_family *fam;
	size_t n_fam;
	gen_person *people;
	size_t n_people, cap_people;
	gen_case *cases;
	size_t n_cases, cap_cases;
	gen_episode *eps;
	size_t n_eps, cap_eps;
	gen_goal *goals;
	size_t n_goals, cap_goals;
	gen_event *ev;
	size_t n_ev, cap_ev;
	size_t n_pracs, n_teams; /* a team is a supervisor and up to GEN_POD practitioners */
	bool have[GI_COUNT];     /* which instruments the forms folder has */
} gen_world;

#define GEN_POD 4
#define GEN_CASELOAD 11

/* gen_plan.c and gen_events.c: plan every family and its cases, then their events, into w
 * (which owns them all until gen_world_free). */
void gen_plan_families(gen_world *w);
void gen_allocate(gen_world *w);
void gen_plan_events(gen_world *w);
void gen_world_free(gen_world *w);
/* The plan that episode list of a case has on a day (PLAN_NONE before the first). */
enum gen_plan gen_plan_on(const gen_world *w, const gen_case *c, int32_t day);
enum gen_phase gen_phase_of(const gen_world *w, const gen_case *c, int32_t day);
/* The case's last day of work: its closure, or the end of the history. */
int32_t gen_case_end(const gen_world *w, const gen_case *c);
/* Children older than this on the day are "teen" for the texts and WAI. */
int gen_age(const gen_person *p, int32_t day);

/* gen_text.c: names, places and the sentences of notes, goals and reviews. */
enum { GEN_GROUPS = 8, GEN_THEMES = 14 };
extern const char *const gen_contact_codes[];
enum gen_contact {
	CT_HOME, CT_PHONE, CT_MESSAGE, CT_SCHOOL, CT_DIRECT, CT_HEALTH, CT_OFFICE, CT_NETWORK,
	CT_MULTI, CT_COUNT,
};
extern const char *const gen_plan_codes[];
extern const char *const gen_needs[];
extern const char *const gen_sources[];
extern const char *const gen_outcomes[];
extern const char *const gen_goal_categories[];
size_t gen_n_first(uint8_t group, bool female);
size_t gen_n_surnames(uint8_t group);
size_t gen_n_streets(void);
size_t gen_n_areas(void);
/* A list of sentences; "{key}" marks a placeholder, a leading '@' needs the child there. */
typedef struct gen_pool {
	const char *const *s;
	size_t n;
} gen_pool;
#define GEN_POOL(...)                                                                  \
	{(const char *const[]){__VA_ARGS__},                                           \
	 sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)}

/* One strand of a family's story (gen_themes.c), with sentences for each phase. */
typedef struct gen_theme {
	const char *label;
	int min_age, max_age; /* the child's age at referral */
	bool needs_sibling;
	gen_pool obs[PH_COUNT], worries[PH_COUNT], well[PH_COUNT], next[PH_COUNT], school[PH_COUNT];
	gen_pool phone;
} gen_theme;
extern const gen_theme gen_themes[GEN_THEMES];

/* Themes a child of that age can have (a bit set over theme numbers). */
uint32_t gen_themes_for_age(int age, bool has_sibling);

/* A person's full name / first name, and the recorded ethnicity of a heritage group. */
void gen_person_name(const gen_person *p, char *buf, size_t size);
const char *gen_first_name(const gen_person *p);
/* The family's helper (a friend or neighbour) when no other adult helps. */
const char *gen_net_name(const gen_family *f);
const char *gen_area(uint16_t area);
const char *gen_surname(uint8_t group, uint16_t index);
const char *gen_ethnicity(uint8_t group);
const char *gen_kin_word(uint8_t kin);
void gen_family_name(const gen_world *w, const gen_family *f, char *buf, size_t size);
void gen_address(const gen_family *f, char *buf, size_t size);
void gen_team_name(size_t team, char *buf, size_t size);
void gen_staff_name(uint64_t seed, size_t prac, char *buf, size_t size);

/* The texts of one contact note. */
typedef struct gen_note {
	enum gen_contact type;
	char at[17];         /* YYYY-MM-DDTHH:MM */
	int minutes;
	bool seen, alone, confidential;
	strbuf present, body, worries, well, needs;
} gen_note;

/*
 * Writes the case's contact on that day and minute into *out (first: the
 * referral call; last: the closing visit). The caller frees it with
 * gen_note_free. The texts below append to the caller's buffers.
 */
void gen_note_write(const gen_world *w, gen_case *c, int32_t day, int minute_of_day,
		    enum gen_contact type, bool first, bool last, gen_rng *r, gen_note *out);
void gen_note_free(gen_note *n);
/* An amendment to a note: its reason, and the corrected body made from the old one. */
void gen_amend_text(const gen_world *w, const gen_case *c, int32_t day, const char *old_body,
		    gen_rng *r, strbuf *reason, strbuf *body);
void gen_goal_text(const gen_world *w, const gen_goal *g, gen_rng *r, strbuf *out);
void gen_review_comment(const gen_world *w, const gen_goal *g, int progress, int before,
			bool last, gen_rng *r, strbuf *out);
void gen_closure_text(const gen_world *w, const gen_case *c, gen_rng *r, strbuf *out);
void gen_assessment_comment(const gen_world *w, const gen_case *c, enum gen_rater rater,
			    gen_rng *r, strbuf *out);

/* gen_write.c: writes one event through the store (inside the caller's transaction). */
typedef struct gen_writer {
	gen_world *w;
	cb_store *st;
	const cb_instrument *ins[GI_COUNT];
	cb_gen_counts counts;
	long rows; /* rows written, for transaction batching */
} gen_writer;

enum cb_status gen_write_staff(gen_writer *gw, cb_err *err);
enum cb_status gen_write_event(gen_writer *gw, const gen_event *ev, cb_err *err);

#endif
