/* import_priv.h: the importer's internal state; shared only by import.c and import_kinds.c. */
#ifndef CASEBOOK_CLI_IMPORT_PRIV_H
#define CASEBOOK_CLI_IMPORT_PRIV_H

#include <sqlite3.h>
#include <stdbool.h>
#include <yaml.h>

#include "cli/datafmt.h"
#include "cli/import.h"
#include "cli/strmap.h"
#include "core/instrument.h"
#include "core/mem.h"

#define IMP_MAXF 24

/* Statements that are not one record type's insert / lookup. */
enum imp_query {
	Q_MEMBER,       /* relationship of (family, person) */
	Q_BORN,         /* a person's birth date */
	Q_REF_OWNER,    /* the other family that has a family_ref */
	Q_ANSWERS,      /* an assessment's answers, by item */
	Q_ATTENDEES,    /* a supervision's attendees, by id */
	Q_SUPCASES,     /* a supervision's cases, by case id */
	Q_INS_MEMBER,
	Q_INS_ANSWER,
	Q_INS_SCORE,
	Q_INS_ATTENDEE,
	Q_INS_SUPCASE,
	Q_COUNT
};

/* A goal's paired_with, checked once every goal of the file has been read. */
typedef struct imp_pair {
	char *id;
	int line;
} imp_pair;

typedef struct imp {
	cb_store *st;
	sqlite3 *db;
	const char *file;          /* name used in messages */
	const cb_import_opts *opts;
	cb_import_result *res;
	cb_diag *problems;
	cb_err *err;
	yaml_document_t doc;
	size_t n_problems, max_problems;
	bool full;                 /* too many problems: stop reading */
	enum cb_status fatal;      /* the database failed: stop everything */
	const cb_form_set *forms;
	bool forms_asked;
	cb_strmap ids[CB_R_COUNT]; /* ids met in the file -> line */
	cb_strmap members;         /* "family\x1fperson" met in the file */
	cb_strmap refs;            /* family ref -> line, family id */
	cb_strmap born;            /* person id -> birth date given in the file */
	imp_pair *pairs;
	size_t n_pairs, cap_pairs;
	sqlite3_stmt *q_insert[CB_R_COUNT], *q_get[CB_R_COUNT], *q_exists[CB_R_COUNT];
	sqlite3_stmt *q[Q_COUNT];
} imp;

typedef struct imp_supcase {
	const char *case_id, *decision;
} imp_supcase;

/* One record being read: its values as checked text, pointing into the document. */
typedef struct rec {
	const cb_rectype *rt;
	const struct rec *up;         /* the record it is nested in, or NULL */
	yaml_node_t *node;
	int line;
	const char *id;
	const char *val[IMP_MAXF];    /* checked value, default, or NULL */
	yaml_node_t *vnode[IMP_MAXF]; /* the value as given; NULL when absent or null */
	int kline[IMP_MAXF];          /* line of the key; 0 when absent */
	bool bad;                     /* a problem was found in this record */
	bool again;                   /* a person met earlier in the file (another family) */
	bool need_member;             /* an existing person not yet in this family */
	char now[32], hlc[64], num[32];
	/* assessments */
	const cb_instrument *ins;
	cb_subject who;
	bool who_known;
	cb_answer *answers;
	int *answer_lines;
	size_t n_answers;
	/* supervisions */
	const char **attendees;
	size_t n_attendees;
	imp_supcase *cases;
	size_t n_cases;
} rec;

/* What a kind of record does beyond the generic checks, lookup and insert. */
typedef struct imp_kind_ops {
	void (*check)(imp *im, rec *r);                 /* rules across keys */
	void (*compare)(imp *im, rec *r, strbuf *diffs); /* content beyond its own row */
	bool (*insert)(imp *im, rec *r);                /* rows beyond its own row */
	void (*skipped)(imp *im, rec *r);               /* found identical: top up */
} imp_kind_ops;

extern const imp_kind_ops imp_kinds[CB_R_COUNT];

/* Reports a problem at line of the file (and marks r bad if r is given). */
void imp_problem(imp *im, rec *r, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Counts the problems others added to im->problems since it had `before` lines. */
void imp_took_problems(imp *im, rec *r, size_t before);
/* True once reading has to stop (too many problems, or the database failed). */
bool imp_stopped(const imp *im);
/* Records a database failure (once) and stops the import. */
void imp_store_failed(imp *im, const char *doing);
/* True while nothing is wrong, so rows may still be written. */
bool imp_writing(const imp *im);
/* A prepared statement, reset and unbound, or NULL after a database failure. */
sqlite3_stmt *imp_query(imp *im, enum imp_query which);
/* Steps an insert; reports a broken rule at r's line. False if it failed. */
bool imp_step_write(imp *im, rec *r, sqlite3_stmt *q);

yaml_node_t *imp_node(imp *im, yaml_node_item_t i);
int imp_line(const yaml_node_t *n);
const char *imp_scalar(const yaml_node_t *n);
bool imp_is_null(const yaml_node_t *n);
/* Text of a scalar for a message: at most 40 characters, control characters as '?'. */
void imp_shown(const yaml_node_t *n, char *buf, size_t size);

const char *imp_val(const rec *r, const char *key);
yaml_node_t *imp_vnode(const rec *r, const char *key);
/* Line of the value of key, else of the key, else of the record. */
int imp_vline(const rec *r, const char *key);
/* The id of the family r is nested in, or NULL. */
const char *imp_family_of(const rec *r);
/* The enclosing record of that kind, or NULL. */
const rec *imp_up(const rec *r, enum cb_rkind kind);
/* True if a record of that kind and id is in the file so far or in the casebook. */
bool imp_known(imp *im, enum cb_rkind kind, const char *id);
/* Reads and checks the keys of a record's map (no rules across keys, no saving). */
void imp_read_record(imp *im, rec *r);
/* Fills absent metadata with now, the actor, this device and a new clock value. */
void imp_resolve_meta(imp *im, rec *r);
/* The loaded instruments (asked for on first use), or NULL. */
const cb_form_set *imp_forms(imp *im);

#endif
