/* tables.h: the tables that sync, their keys, and which cases and families their rows belong to. */
#ifndef CASEBOOK_SYNC_TABLES_H
#define CASEBOOK_SYNC_TABLES_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* Which devices a table's rows travel to (casebook-sync(7), "What travels"). */
enum cb_sync_reach {
	CB_REACH_REFERENCE, /* teams, practitioners: every device */
	CB_REACH_CASE,      /* rows of one case: the laptops holding that case */
	CB_REACH_FAMILY,    /* families, members, people: laptops holding a case of the family */
	CB_REACH_HUB,       /* supervisions, disclosures: from laptops to the hub only */
	CB_REACH_CONFLICT,  /* sync_conflicts: by the case or family they name; those naming
			       neither (teams, practitioners) go everywhere */
};

/* The conflicts about reference data, which every device holds. */
#define CB_SYNC_REFERENCE_CONFLICTS "T.case_id IS NULL AND T.family_id IS NULL"

typedef struct cb_sync_table {
	const char *name;
	enum cb_sync_reach reach;
	bool is_mutable; /* carries updated_at: last writer wins; otherwise append-only */
	/*
	 * SQL condition on the row (table alias T) that holds when the row belongs
	 * to a case listed in a scope table: "{S}" stands for that table, which
	 * has a case_id column.
	 */
	const char *scope;
	/*
	 * SQL returning (case id, family id) of a row of a mutable table given as
	 * the JSON object ?1; NULL for append-only tables.
	 */
	const char *owner;
} cb_sync_table;

/* At most this many tables sync (for arrays indexed like cb_sync_tables). */
#define CB_SYNC_TABLES_MAX 32

/* Every synced table, parents before children. */
extern const cb_sync_table cb_sync_tables[];
extern const size_t cb_sync_table_count;

/* The table called name, or NULL if it does not sync. */
const cb_sync_table *cb_sync_table_find(const char *name);

/* The scope condition of t for the scope table `scope` ("0" or "1" for whole tables). The caller frees it. */
char *cb_sync_scope_sql(const cb_sync_table *t, const char *scope);

/* A table's columns, in their order in the table, and which are its key. */
typedef struct cb_sync_columns {
	int count;
	char **names;
	int *pk; /* 0, or the column's place in the key from 1 */
	int updated_at; /* column index of updated_at, or -1 */
} cb_sync_columns;

/* Reads the columns of table from db. Free with cb_sync_columns_free. */
bool cb_sync_columns_load(sqlite3 *db, const char *table, cb_sync_columns *out);
void cb_sync_columns_free(cb_sync_columns *c);

/*
 * The row's key as the audit log writes it (key columns joined by "/" in key
 * order) from the row's values (one per column). The caller frees it.
 */
char *cb_sync_row_key(const cb_sync_columns *c, sqlite3_value **values);

#endif
