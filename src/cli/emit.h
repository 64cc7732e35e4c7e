/* emit.h: one tree of maps, lists and scalars written as YAML (libyaml) or JSON (jansson). */
#ifndef CASEBOOK_CLI_EMIT_H
#define CASEBOOK_CLI_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/status.h"

enum cb_emit_format { CB_EMIT_YAML, CB_EMIT_JSON };

/*
 * A writer driven by calls in document order: the same calls give the same
 * tree, keys in the same order, in either format. YAML streams through
 * libyaml's emitter; JSON is built with jansson and written at the end.
 * Errors are remembered and reported by cb_emit_finish.
 */
typedef struct cb_emit cb_emit;

/* A new writer to out (borrowed, not closed). The caller ends it with cb_emit_finish. */
cb_emit *cb_emit_new(enum cb_emit_format format, FILE *out);

void cb_emit_map_begin(cb_emit *e);
void cb_emit_map_end(cb_emit *e);
/* A list; `flow` writes it on one line in YAML ([a, b]); JSON is unaffected. */
void cb_emit_seq_begin(cb_emit *e, bool flow);
void cb_emit_seq_end(cb_emit *e);
/* The key of the next value in the enclosing map (copied). Keys that are
 * identifiers (letters, digits, _ . -) are written plain in YAML, as the
 * format shows them (`on:`), even where a YAML 1.1 reader would see a boolean. */
void cb_emit_key(cb_emit *e, const char *key);

/* Text: YAML quotes it when it would read back as a number, boolean or null,
 * and writes multi-line text as a literal block. */
void cb_emit_str(cb_emit *e, const char *s);
/* Text known to be safe unquoted (dates, times): plain in YAML, a string in JSON. */
void cb_emit_plain(cb_emit *e, const char *s);
void cb_emit_int(cb_emit *e, long long v);
void cb_emit_bool(cb_emit *e, bool v);
/* A number with a fraction: shortest text that reads back as the same double
 * (JSON real; YAML plain). Infinities and NaN are written as null. */
void cb_emit_real(cb_emit *e, double v);
/* No value: null in JSON, ~ in YAML. */
void cb_emit_null(cb_emit *e);

/* Ends the document, writes JSON, flushes, and frees e (NULL is fine).
 * Returns the first error met while writing. */
enum cb_status cb_emit_finish(cb_emit *e, cb_err *err);

/* True if a YAML 1.1 or 1.2 reader could take the plain scalar s as something
 * other than a string (null, boolean, number, timestamp), or it is empty. */
bool cb_emit_needs_quotes(const char *s);

#endif
