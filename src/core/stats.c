/* stats.c: largest-remainder percentages, half-up rounding, type-7 quantiles and Tukey boxes. */
#include "core/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* True if share i should get a leftover unit before share j. */
static bool ahead(const long *rem, const long *counts, size_t i, size_t j)
{
	if (rem[i] != rem[j])
		return rem[i] > rem[j];
	if (counts[i] != counts[j])
		return counts[i] > counts[j];
	return i < j;
}

void cb_largest_remainder(const long *counts, size_t n, int total, int *out)
{
	long sum = 0, given = 0;
	long *rem;
	bool *bumped;

	for (size_t i = 0; i < n; i++)
		sum += counts[i];
	if (n == 0)
		return;
	if (sum <= 0) {
		memset(out, 0, n * sizeof *out);
		return;
	}
	rem = xcalloc(n, sizeof *rem);
	bumped = xcalloc(n, sizeof *bumped);
	for (size_t i = 0; i < n; i++) {
		long long scaled = (long long)counts[i] * total;
		out[i] = (int)(scaled / sum);
		rem[i] = (long)(scaled % sum);
		given += out[i];
	}
	for (long left = total - given; left > 0; left--) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (!bumped[i] && (best == n || ahead(rem, counts, i, best)))
				best = i;
		bumped[best] = true;
		out[best]++;
	}
	free(rem);
	free(bumped);
}

int cb_percent_half_up(long k, long n)
{
	if (n <= 0)
		return 0;
	return (int)((200LL * k + n) / (2LL * n));
}

int cb_percent_floor(long k, long n)
{
	return n <= 0 ? 0 : (int)(100LL * k / n);
}

double cb_round_half_up(double x, int decimals)
{
	double scale = pow(10.0, decimals);
	double scaled = fabs(x) * scale;
	/* A nudge far below any real difference, far above binary representation error. */
	double r = floor(scaled + 0.5 + 1e-9 * (scaled > 1 ? scaled : 1)) / scale;

	return x < 0 ? -r : r;
}

double cb_mean(const double *values, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += values[i];
	return n ? sum / (double)n : 0;
}

double cb_quantile(const double *sorted, size_t n, double p)
{
	double h;
	size_t lo;

	if (n == 0)
		return 0;
	if (p <= 0)
		return sorted[0];
	if (p >= 1)
		return sorted[n - 1];
	h = (double)(n - 1) * p;
	lo = (size_t)floor(h);
	if (lo + 1 >= n)
		return sorted[n - 1];
	return sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void cb_sort_doubles(double *values, size_t n)
{
	if (n > 1)
		qsort(values, n, sizeof *values, cmp_double);
}

void cb_box_of(double *values, size_t n, cb_box *out)
{
	double lo_fence, hi_fence;

	memset(out, 0, sizeof *out);
	if (n == 0)
		return;
	cb_sort_doubles(values, n);
	out->n = n;
	out->min = values[0];
	out->max = values[n - 1];
	out->q1 = cb_quantile(values, n, 0.25);
	out->median = cb_quantile(values, n, 0.5);
	out->q3 = cb_quantile(values, n, 0.75);
	out->iqr = out->q3 - out->q1;
	lo_fence = out->q1 - 1.5 * out->iqr;
	hi_fence = out->q3 + 1.5 * out->iqr;
	out->whisker_lo = out->q1;
	out->whisker_hi = out->q3;
	for (size_t i = 0; i < n; i++) {
		if (values[i] < lo_fence || values[i] > hi_fence) {
			out->outliers++;
			continue;
		}
		if (values[i] < out->whisker_lo)
			out->whisker_lo = values[i];
		if (values[i] > out->whisker_hi)
			out->whisker_hi = values[i];
	}
}
