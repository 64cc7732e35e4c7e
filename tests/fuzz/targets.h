/* targets.h: what each fuzz target does with one input, shared with the regression unit test. */
#ifndef CASEBOOK_FUZZ_TARGETS_H
#define CASEBOOK_FUZZ_TARGETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"

/*
 * One target per reader of untrusted bytes. Each has a libFuzzer entry point
 * (fuzz_NAME.c), a seed corpus and regressions/NAME/ (every crash found,
 * replayed by tests/unit/test_fuzz_regressions.c).
 */

/* Sets up what the targets share (a scratch database, the shipped forms); aborts on failure. */
void cb_fuzz_setup(void);

/* Loads the bytes as an instrument file; if they load, scores answers against it. */
void cb_fuzz_forms_one(const uint8_t *data, size_t size);

/*
 * Imports the bytes as a caseload file into a scratch database that already
 * holds the import fixture's caseload. An import that succeeds is imported
 * again, which must succeed too (everything skipped as already there; abort
 * otherwise); then the database is put back as it was, so inputs do not
 * depend on each other.
 */
void cb_fuzz_import_one(const uint8_t *data, size_t size);

/*
 * Sets up a sync team for the bundle target (once; aborts on failure): a hub
 * holding the import fixture's caseload and a laptop enrolled on it, each with
 * a bundle from the other waiting. Random bytes and the clock are fixed, so
 * every run makes the same team and the same bundles, and an input saved from
 * one run means the same in the next. Where FUZZ_SEED_OUT is defined, writes
 * the seeds there (NAME-MODE-VARIANT: hub-file-real, laptop-payload-truncated,
 * ...; see targets.c).
 */
void cb_fuzz_bundle_setup(void);

/* What the first import of a bundle input did, for a test to check. */
typedef struct cb_fuzz_bundle_result {
	enum cb_status status; /* of cb_sync_import; CB_OK for a replay too */
	bool replay;
	size_t applied, conflicts, evicted; /* as cb_sync_report counts them */
} cb_fuzz_bundle_result;

/*
 * Imports one input as a bundle into the hub or the laptop. The first byte
 * chooses, modulo 6: 0-2 into the hub, 3-5 into the laptop; then 0 or 3
 * "file": the rest is the bundle file, whole (the header reader and the
 * refusals); 1 or 4 "payload": the rest is the plaintext payload, sealed with
 * the team's real key under the header of the real bundle (what only an
 * authentic device could send); 2 or 5 "header": the same, but the rest
 * starts with the header's bundle number, first and last change and ack (four
 * little-endian 64-bit numbers). An import that succeeds is imported again,
 * which must be a replay that changes nothing (abort otherwise); then the
 * database is put back as it was, so inputs do not depend on each other (but
 * for the store's in-memory clock, which decides nothing; see target_bundle.c).
 */
cb_fuzz_bundle_result cb_fuzz_bundle_one(const uint8_t *data, size_t size);

#endif
