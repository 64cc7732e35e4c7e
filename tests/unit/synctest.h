/* synctest.h: a sync team in temporary databases for the sync tests: hub, laptops, bundles, dumps. */
#ifndef CASEBOOK_SYNCTEST_H
#define CASEBOOK_SYNCTEST_H

#include <stdbool.h>

#include "store/store.h"

/*
 * A hub database in dir with a team (team-1), two practitioners (prac-1,
 * prac-2), a supervisor (prac-s), and `families` families, each with a child,
 * a caregiver and one open case (allocated in turn to prac-1 and prac-2) with
 * a plan and a goal; made the team's hub. Fails the test on error.
 */
cb_store *sy_hub_new(const char *dir, int families);

/* Enrols a laptop for practitioner on hub and joins it as dir/name.db. */
cb_store *sy_laptop_new(cb_store *hub, const char *dir, const char *name, const char *practitioner);

/*
 * Writes a bundle from `from` (for device `to`, or the hub when from is a
 * laptop and to is NULL) to a new file in dir; returns its path (caller frees).
 */
char *sy_export(cb_store *from, cb_store *to, const char *dir);

/* Imports path into st; fails the test unless it succeeds (a replay counts as success). */
void sy_import(cb_store *st, const char *path);

/* Laptop to hub and hub to laptop, each imported at once. */
void sy_exchange(cb_store *hub, cb_store *laptop, const char *dir);

/*
 * Every synced row (and open or resolved conflict) st holds, one line each,
 * sorted; if practitioner is given, only what that practitioner's laptop
 * should hold (the reference data and their open cases with everything
 * belonging to them). The caller frees it.
 */
char *sy_dump(cb_store *st, const char *practitioner);

/* Runs fn inside a write transaction on st; fails the test on error. */
void sy_write(cb_store *st, void (*fn)(cb_store *, void *), void *arg);

/* Sets one column of a mutable row (a new version); fails the test on error. */
void sy_update(cb_store *st, const char *table, const char *id, const char *column,
	       const char *value);

#endif
