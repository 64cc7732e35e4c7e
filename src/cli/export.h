/* export.h: writing the casebook as a caseload file (YAML, JSON) or as CSV tables. */
#ifndef CASEBOOK_CLI_EXPORT_H
#define CASEBOOK_CLI_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/emit.h"
#include "core/status.h"
#include "store/store.h"

/*
 * Writes every record of st to out in the caseload file format
 * (casebook-data(5)): keys in the format's order, records in a fixed order
 * (by date where there is one, then by id), so the same casebook always gives
 * the same bytes. Confidential notes and their amendments are left out unless
 * include_confidential. Reads inside the caller's transaction, if any.
 */
enum cb_status cb_export_tree(cb_store *st, enum cb_emit_format format,
			      bool include_confidential, FILE *out, cb_err *err);

/*
 * Writes one RFC 4180 file per table (teams.csv, notes.csv, ...) into dir,
 * creating it (0700) if needed; files are made 0600. Header row of column
 * names, CRLF line ends, NULL as an empty field and empty text as "".
 */
enum cb_status cb_export_csv(cb_store *st, const char *dir, bool include_confidential,
			     cb_err *err);

/*
 * Records in the disclosures table (audited) that confidential records are
 * being let out: the actor, the reason, and a scope naming the destination
 * and the confidential notes included. Call inside a write transaction.
 */
enum cb_status cb_export_disclose(cb_store *st, const char *reason, const char *destination,
				  cb_err *err);

#endif
