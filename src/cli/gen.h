/* gen.h: a synthetic authority-scale casebook, written through the store like the app writes. */
#ifndef CASEBOOK_CLI_GEN_H
#define CASEBOOK_CLI_GEN_H

#include <stdint.h>
#include <stdio.h>

#include "core/dates.h"
#include "core/status.h"
#include "forms/forms.h"
#include "store/store.h"

typedef struct cb_gen_opts {
	long families;     /* how many families (5000 makes the authority of DESIGN.md) */
	uint64_t seed;     /* the same seed, families, scale and end date give the same records */
	double note_scale; /* multiplies the number of contacts per case (1 = about 83) */
	cb_date until;     /* the last day of the five years of history */
	FILE *progress;    /* progress lines go here; NULL for none */
} cb_gen_opts;

/* What was written, per kind of record. */
typedef struct cb_gen_counts {
	long teams, practitioners, families, people, cases, referrals, plans, notes, amendments,
		assessments, goals, reviews;
} cb_gen_counts;

/*
 * Fills st, which must hold no families yet, with a synthetic casebook:
 * teams of practitioners, families with their people, each child's cases over
 * five years ending on opts->until with referrals (some NFA, some
 * re-referrals), plan histories, contact notes, assessments against the
 * instruments in forms (risk framework and working alliance mostly), goals and
 * their reviews. Every record goes through cb_record_insert or
 * cb_assessment_insert, in transactions of a few thousand rows, with the clock
 * set to the time each record would have been written, so created_at, the
 * update clocks and the audit log look like the app's own. Leaves the clock
 * as it found it. Sets counts (if non-NULL) on success; on failure the
 * records of the transactions already committed stay.
 */
enum cb_status cb_gen_run(cb_store *st, const cb_form_set *forms, const cb_gen_opts *opts,
			  cb_gen_counts *counts, cb_err *err);

#endif
