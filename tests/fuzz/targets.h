/* targets.h: what each fuzz target does with one input, shared with the regression unit test. */
#ifndef CASEBOOK_FUZZ_TARGETS_H
#define CASEBOOK_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

/*
 * One target per reader of untrusted bytes. Each has a libFuzzer entry point
 * (fuzz_NAME.c), a seed corpus and regressions/NAME/ (every crash found,
 * replayed by tests/unit/test_fuzz_regressions.c). The sync bundle reader
 * joins as cb_fuzz_bundle_one when src/sync has one (see tests/fuzz/README.md).
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

#endif
