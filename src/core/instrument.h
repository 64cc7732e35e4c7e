/* instrument.h: an assessment instrument in memory, and scoring answers against it. */
#ifndef CASEBOOK_CORE_INSTRUMENT_H
#define CASEBOOK_CORE_INSTRUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/dates.h"
#include "core/status.h"

/*
 * Instruments are data: src/forms reads them from the YAML files in forms/ (see
 * casebook-forms(5)) into these structures; scoring below is pure.
 */

enum cb_item_type {
	CB_ITEM_TICK,    /* ticked or not: answer "1" or "0" */
	CB_ITEM_CHOICE,  /* one option; answer is the option's value */
	CB_ITEM_LIKERT,  /* integer from min to max */
	CB_ITEM_SCALE10, /* integer from 0 to 10 */
	CB_ITEM_TEXT,    /* free text, never scored */
	CB_ITEM_DATE,    /* "YYYY-MM-DD", never scored */
};

typedef struct cb_option {
	char *value;   /* stored answer, e.g. "collaborative" */
	char *label;   /* shown to the user */
	double points; /* contribution to a weighted sum */
} cb_option;

typedef struct cb_item {
	char *id;
	char *text;    /* the question or factor as shown */
	char *help;    /* optional guidance; NULL if none */
	enum cb_item_type type;
	double weight; /* multiplies the item's value in a weighted sum (default 1) */
	int min, max;  /* likert range; 0..10 for scale10 */
	cb_option *options;
	size_t n_options;
	bool required; /* the form screen insists on an answer */
	size_t section; /* index into cb_instrument.sections */
	int line, col;  /* where it was defined, for messages */
} cb_item;

typedef struct cb_section {
	char *id;
	char *title;
	char *help;          /* optional; NULL if none */
	int child_age_over;  /* applies only when the child is older than this
				on the assessment date; -1 = always applies */
} cb_section;

enum cb_scale_method {
	CB_SCALE_WEIGHTED_SUM, /* sum of weight x value over answered items */
	CB_SCALE_MEAN,         /* mean of the answered items' values */
	CB_SCALE_SUM_OF_SCALES /* sum of other scales */
};

enum cb_better { CB_BETTER_HIGHER, CB_BETTER_LOWER };

typedef struct cb_scale {
	char *id;
	char *title;
	enum cb_scale_method method;
	size_t *members; /* item indexes, or scale indexes for sum_of_scales */
	size_t n_members;
	enum cb_better better;
	double min, max; /* possible range when every member applies */
} cb_scale;

typedef struct cb_instrument {
	char *path;     /* file it came from */
	char *id;
	int line, col;  /* where the id was declared, for messages */
	int version;
	char *title;
	char *source;   /* citation of where the instrument comes from */
	char *notes;    /* provenance and decisions, shown in the form header; may be NULL */
	char content_hash[65]; /* SHA-256 of the file's bytes, hex */
	char **raters;  /* who may complete it: "worker", "family_member", "child" */
	size_t n_raters;
	cb_section *sections;
	size_t n_sections;
	cb_item *items; /* in display order, grouped by section */
	size_t n_items;
	cb_scale *scales; /* sum_of_scales scales come after their members */
	size_t n_scales;
} cb_instrument;

/* Frees everything the instrument owns, then the instrument itself. NULL is fine. */
void cb_instrument_free(cb_instrument *ins);
/* Index of the item / scale / section with that id, or -1. */
long cb_instrument_item(const cb_instrument *ins, const char *id);
long cb_instrument_scale(const cb_instrument *ins, const char *id);
long cb_instrument_section(const cb_instrument *ins, const char *id);
bool cb_instrument_allows_rater(const cb_instrument *ins, const char *rater);

/* The names used in form files: "tick", "weighted_sum", "higher" (static strings). */
const char *cb_item_type_name(enum cb_item_type type);
const char *cb_scale_method_name(enum cb_scale_method method);
const char *cb_better_name(enum cb_better better);

/*
 * The number an answer contributes before weighting: tick 1 or 0, a choice's
 * points, a likert or scale10 integer. False for text and date items and for
 * values that are not valid answers to the item.
 */
bool cb_item_value(const cb_item *item, const char *answer, double *value);
/* The lowest and highest values cb_item_value can give (0 and 0 for text and date). */
void cb_item_range(const cb_item *item, double *lo, double *hi);

/*
 * The candidate closest to word by edit distance, if close enough to be a
 * likely typo (for "did you mean ...?" messages); NULL otherwise. Borrowed.
 */
const char *cb_closest(const char *word, const char *const *candidates, size_t n);

/* One answer, as text in the canonical form given for each item type above. */
typedef struct cb_answer {
	const char *item;
	const char *value;
} cb_answer;

/* Who is being assessed and when: decides which sections apply. */
typedef struct cb_subject {
	bool birth_known;
	cb_date birth;   /* the child's date of birth */
	cb_date on;      /* the assessment date */
} cb_subject;

/* True if the section applies to the subject (unknown birth: age-limited sections do not). */
bool cb_section_applies(const cb_section *sec, const cb_subject *who);

typedef struct cb_scale_score {
	bool has_value;  /* false when nothing it depends on was answered */
	double value;
	int answered;    /* applicable member items answered (ticks always count) */
	int applicable;  /* member items whose section applies */
} cb_scale_score;

/*
 * Checks every answer against the instrument: unknown items, duplicate items,
 * values of the wrong type or out of range, answers to sections that do not
 * apply to the subject. Adds one diagnostic per problem (prefixed with
 * `where`, e.g. "caseload.yaml:120") and returns CB_INVALID if there were any.
 */
enum cb_status cb_answers_check(const cb_instrument *ins, const cb_subject *who,
				const cb_answer *answers, size_t n, const char *where,
				cb_diag *diag);

/*
 * Computes every scale (out[i] for ins->scales[i]; out has n_scales entries).
 * Answers must have passed cb_answers_check. Unticked or unanswered tick items
 * count as 0 and as answered; a weighted sum or mean with no answered member
 * has no value; a sum of scales has no value if any member scale has none.
 */
void cb_score(const cb_instrument *ins, const cb_subject *who, const cb_answer *answers,
	      size_t n, cb_scale_score *out);

#endif
