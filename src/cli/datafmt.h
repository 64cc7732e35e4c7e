/* datafmt.h: the caseload file format (casebook-data(5)) as tables shared by import and export. */
#ifndef CASEBOOK_CLI_DATAFMT_H
#define CASEBOOK_CLI_DATAFMT_H

#include <stdbool.h>
#include <stddef.h>

/* The format version this casebook reads and writes (`casebook: 1`). */
#define CB_DATA_FORMAT_VERSION 1

/* The kinds of record in a caseload file, parents before children. */
enum cb_rkind {
	CB_R_TEAM,
	CB_R_PRACTITIONER,
	CB_R_FAMILY,
	CB_R_PERSON,
	CB_R_CASE,
	CB_R_REFERRAL,
	CB_R_PLAN,
	CB_R_NOTE,
	CB_R_AMENDMENT,
	CB_R_ASSESSMENT,
	CB_R_GOAL,
	CB_R_REVIEW,
	CB_R_SUPERVISION,
	CB_R_SUPCASE, /* a case discussed in a supervision (no id of its own) */
	CB_R_ACTION,
	CB_R_COUNT
};

/* How a key's value is read, checked and written. */
enum cb_ftype {
	CB_F_ID,       /* the record's own id (cb_id_valid) */
	CB_F_TEXT,     /* any text, may be empty */
	CB_F_NAME,     /* text that must not be blank */
	CB_F_DATE,     /* YYYY-MM-DD */
	CB_F_DATETIME, /* local YYYY-MM-DDTHH:MM */
	CB_F_ENUM,     /* one of field.allowed */
	CB_F_BOOL,     /* true | false, stored 1 | 0 */
	CB_F_INT,      /* integer from field.lo to field.hi */
	CB_F_REF,      /* id of a record of kind field.ref */
	CB_F_LIST,     /* nested list of records of kind field.ref */
	CB_F_IDLIST,   /* list of ids of kind field.ref (supervision attendees) */
	CB_F_ANSWERS,  /* map of item id -> answer text */
	CB_F_UTC,      /* metadata: YYYY-MM-DDTHH:MM:SS.mmmZ */
	CB_F_HLC,      /* metadata: hybrid logical clock text */
};

enum cb_fflags {
	CB_FF_REQUIRED = 1 << 0,
	CB_FF_META = 1 << 1,   /* metadata: defaulted when absent, compared only when given */
	CB_FF_SOFT = 1 << 2,   /* defaulted from the form when absent, compared only when given */
	CB_FF_MEMBER = 1 << 3, /* a column of family_members, not of the record's table */
	CB_FF_PERSON = 1 << 4, /* a reference to a person of the record's family */
};

typedef struct cb_field {
	const char *key;    /* key in the file */
	const char *column; /* column in the table (NULL for lists) */
	enum cb_ftype type;
	unsigned flags;
	const char *const *allowed; /* CB_F_ENUM: NULL-terminated */
	enum cb_rkind ref;          /* CB_F_REF, CB_F_LIST, CB_F_IDLIST */
	long lo, hi;                /* CB_F_INT range */
	const char *dflt;           /* value stored when the key is absent, or NULL */
} cb_field;

typedef struct cb_rectype {
	enum cb_rkind kind;
	const char *name;     /* "case", for messages */
	const char *plural;   /* "cases", for summaries */
	const char *table;
	const char *parent;   /* column holding the parent's id, or NULL at top level */
	const char *order_by; /* export order within a parent */
	bool has_id;
	bool mutable;         /* has updated_at */
	const cb_field *fields; /* in file order, metadata last */
	size_t n_fields;
} cb_rectype;

/* The record types, indexed by cb_rkind. */
extern const cb_rectype cb_rectypes[CB_R_COUNT];

/* Top-level keys in file order: "teams", "practitioners", "families", "supervisions". */
typedef struct cb_section_key {
	const char *key;
	enum cb_rkind kind;
} cb_section_key;
extern const cb_section_key cb_data_sections[];
extern const size_t cb_n_data_sections;

/* Index of the field with that key in rt, or -1. */
long cb_rectype_field(const cb_rectype *rt, const char *key);

/* "a, b, c" from a NULL-terminated word list; the caller frees it. */
char *cb_words_list(const char *const *words);

#endif
