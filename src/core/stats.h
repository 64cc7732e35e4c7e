/* stats.h: outcome maths for reports: whole percentages that add up, quantiles, box-plot numbers. */
#ifndef CASEBOOK_CORE_STATS_H
#define CASEBOOK_CORE_STATS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Largest-remainder (Hare) rounding: shares `total` (100 for percentages)
 * out among n counts in proportion to them, so that the whole numbers in out
 * add up to exactly `total`. Each gets the whole part of its exact share;
 * the units left over go one each to the largest remainders (ties: the larger
 * count, then the earlier one). Exact integer arithmetic, no floating point.
 * All zeros when the counts add up to 0. Counts must not be negative.
 * This is how Havering's plan-type table reaches 5% for 3 of 67 (4.48%)
 * and still adds up to 100% (domain-brief §3.3, §6 #17).
 */
void cb_largest_remainder(const long *counts, size_t n, int total, int *out);

/* k of n as a whole percentage rounded half up (0 when n is 0). */
int cb_percent_half_up(long k, long n);
/* k of n as a whole percentage rounded down (truncated), as some sources publish (0 when n is 0). */
int cb_percent_floor(long k, long n);

/*
 * x rounded half away from zero to `decimals` places, robust to binary
 * floating point: a mean of 3.115 (stored as 3.11499...) rounds to 3.12, as
 * decimal arithmetic would (domain-brief §3.3, notes on Table 2).
 */
double cb_round_half_up(double x, int decimals);

/* The mean of n values (0 when n is 0). */
double cb_mean(const double *values, size_t n);

/*
 * The p-quantile (0 <= p <= 1) of n values sorted ascending, by linear
 * interpolation between the closest ranks (Hyndman and Fan type 7, the
 * default of R and NumPy): the median of 1, 2, 3, 4 is 2.5, its first
 * quartile 1.75. 0 when n is 0.
 */
double cb_quantile(const double *sorted, size_t n, double p);

/* The numbers a box plot draws (Tukey): quartiles, whiskers and outliers. */
typedef struct cb_box {
	size_t n;
	double min, q1, median, q3, max;
	double iqr;                 /* q3 - q1 */
	double whisker_lo, whisker_hi; /* the most extreme values within 1.5 IQR of the box */
	size_t outliers;            /* values beyond the whiskers */
} cb_box;

/* Sorts values (n of them, in place) and fills *out; all zeros when n is 0. */
void cb_box_of(double *values, size_t n, cb_box *out);

/* Sorts n doubles ascending, in place. */
void cb_sort_doubles(double *values, size_t n);

#endif
