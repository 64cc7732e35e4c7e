/* scratch.h: what the fuzz targets' own code shares, made by cb_fuzz_setup in targets.c. */
#ifndef CASEBOOK_FUZZ_SCRATCH_H
#define CASEBOOK_FUZZ_SCRATCH_H

#include <sqlite3.h>
#include <stdint.h>

#include "store/store.h"

/* The scratch folder (tmpfs where there is one); everything in it goes at exit. */
const char *cb_fuzz_scratch(void);

/* Says what failed and why, then aborts: the targets' setup has no way back. */
_Noreturn void cb_fuzz_die(const char *what, const char *why);

/* Copies the whole database src over dest (both stay the caller's); aborts on failure. */
void cb_fuzz_copy_db(sqlite3 *dest, sqlite3 *src);

/* Imports FUZZ_BASE_CASELOAD into st (the caller's); aborts on failure. */
void cb_fuzz_import_base(cb_store *st);

/*
 * libsodium's random bytes are a fixed stream after cb_fuzz_setup (ids, codes
 * and keys are the same in every run); these say where in it the next bytes
 * come from, so that a target can start every input at the same place.
 */
uint64_t cb_fuzz_rng_tell(void);
void cb_fuzz_rng_seek(uint64_t block);

#endif
