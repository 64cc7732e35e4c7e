/* conflicts.h: versions set aside by last-writer-wins, kept for a supervisor to resolve. */
#ifndef CASEBOOK_SYNC_CONFLICTS_H
#define CASEBOOK_SYNC_CONFLICTS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "sync/tables.h"

/* A row of sync_conflicts, plus a label saying what the record is. Strings owned. */
typedef struct cb_conflict {
	char *id, *tbl, *row_key, *case_id, *family_id;
	char *kind;   /* "same_field" or "parallel" */
	char *fields; /* the differing fields, comma-separated */
	char *winner_at, *winner, *loser_at, *loser;
	char *status, *resolution, *resolved_by, *resolved_at;
	char *label; /* "goal: Kemi goes to school every day", for people */
} cb_conflict;

void cb_conflict_clear(cb_conflict *c);
void cb_conflicts_free(cb_conflict *list, size_t count);

/* Two versions of one row, as JSON objects, found when a bundle was applied. */
typedef struct cb_conflict_found {
	const cb_sync_table *t;
	const char *row_key, *case_id, *family_id;
	const char *winner, *winner_at; /* kept in the record by last-writer-wins */
	const char *loser, *loser_at;   /* set aside */
	const char *base;               /* the version both grew from, or NULL if unknown */
} cb_conflict_found;

/*
 * Records the conflict unless the versions differ only in their metadata or it
 * is already recorded (its id comes from the row and the two clocks, so two
 * devices that find it make the same row). *recorded says whether a row was
 * added. Runs inside the caller's transaction; audited as this device.
 */
enum cb_status cb_conflict_record(cb_store *st, const cb_conflict_found *f, bool *recorded,
				  cb_err *err);

/* The conflicts (open ones only, or all), newest first. The caller frees the list. */
enum cb_status cb_conflicts_list(cb_store *st, bool open_only, cb_conflict **out,
				 size_t *count, cb_err *err);

/* The conflict with that id or id prefix (4 characters or more). The caller clears *out. */
enum cb_status cb_conflict_load(cb_store *st, const char *id, cb_conflict *out, cb_err *err);

/* One differing field: its value in the record now ("mine") and in the set-aside version. */
typedef struct cb_conflict_field {
	char *name;
	char *mine;   /* NULL for SQL NULL */
	char *theirs; /* NULL for SQL NULL */
} cb_conflict_field;

/*
 * The conflict's fields with the record's current values and the other
 * version's. CB_NOT_FOUND if the record is no longer in this casebook.
 * The caller frees with cb_conflict_fields_free.
 */
enum cb_status cb_conflict_fields(cb_store *st, const cb_conflict *c, cb_conflict_field **out,
				  size_t *count, cb_err *err);
void cb_conflict_fields_free(cb_conflict_field *list, size_t count);

enum cb_conflict_keep {
	CB_KEEP_MINE,   /* the record stays as it is now */
	CB_KEEP_THEIRS, /* every differing field takes the set-aside version's value */
	CB_KEEP_MERGE,  /* the fields named take the set-aside value, the rest stay */
};

/*
 * Resolves an open conflict in its own transaction: writes the record (a new
 * version, audited, that syncs like any edit) if anything changes, and marks
 * the conflict resolved by the store's actor. For CB_KEEP_MERGE, `theirs`
 * names the fields (n of them) that take the set-aside value.
 */
enum cb_status cb_conflict_resolve(cb_store *st, const char *id, enum cb_conflict_keep keep,
				   const char *const *theirs, size_t n, cb_err *err);

#endif
