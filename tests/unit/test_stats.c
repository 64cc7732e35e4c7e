/* test_stats.c: largest-remainder percentages, rounding, quantiles, box numbers, month arithmetic. */
#include "testutil.h"

#include <string.h>

#include "core/dates.h"
#include "core/stats.h"

static int sum(const int *v, size_t n)
{
	int s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* Havering FTT Table 4/12 ([002]:516-523): the published % columns. */
static void test_largest_remainder_havering(void **state)
{
	const long start[] = {0, 0, 32, 33, 2}, now[] = {42, 3, 9, 13, 0};
	int pct[5];

	(void)state;
	cb_largest_remainder(start, 5, 100, pct);
	assert_int_equal(pct[0], 0);
	assert_int_equal(pct[1], 0);
	assert_int_equal(pct[2], 48);
	assert_int_equal(pct[3], 49);
	assert_int_equal(pct[4], 3);
	cb_largest_remainder(now, 5, 100, pct);
	assert_int_equal(pct[0], 63);
	assert_int_equal(pct[1], 5); /* 3/67 = 4.48%: plain rounding would say 4 */
	assert_int_equal(pct[2], 13);
	assert_int_equal(pct[3], 19);
	assert_int_equal(pct[4], 0);
	assert_int_equal(sum(pct, 5), 100);
}

/* Havering goal agreement ([002]:447): 15 and 7 of 22 published as 68% and 33% (101%). */
static void test_largest_remainder_sums_and_ties(void **state)
{
	const long agree[] = {15, 7}, thirds[] = {1, 1, 1}, zero[] = {0, 0, 0}, one[] = {0, 5, 0};
	const long tie_by_count[] = {1, 3, 3, 1}; /* 12.5, 37.5, 37.5, 12.5 */
	int pct[4];

	(void)state;
	cb_largest_remainder(agree, 2, 100, pct);
	assert_int_equal(pct[0], 68);
	assert_int_equal(pct[1], 32);
	cb_largest_remainder(thirds, 3, 100, pct); /* equal remainders: the earliest first */
	assert_int_equal(pct[0], 34);
	assert_int_equal(pct[1], 33);
	assert_int_equal(pct[2], 33);
	cb_largest_remainder(zero, 3, 100, pct);
	assert_int_equal(sum(pct, 3), 0);
	cb_largest_remainder(one, 3, 100, pct);
	assert_int_equal(pct[1], 100);
	assert_int_equal(pct[0] + pct[2], 0);
	cb_largest_remainder(tie_by_count, 4, 100, pct); /* equal remainders: larger counts first */
	assert_int_equal(pct[0], 12);
	assert_int_equal(pct[1], 38);
	assert_int_equal(pct[2], 38);
	assert_int_equal(pct[3], 12);
	/* Any total, not only 100; and large counts do not overflow. */
	const long big[] = {2000000000L, 1000000000L};
	cb_largest_remainder(big, 2, 1000, pct);
	assert_int_equal(pct[0], 667);
	assert_int_equal(pct[1], 333);
}

static void test_percent_rules(void **state)
{
	(void)state;
	assert_int_equal(cb_percent_half_up(52, 67), 78); /* 77.61 */
	assert_int_equal(cb_percent_floor(52, 67), 77);   /* as Havering printed it ([002]:525) */
	assert_int_equal(cb_percent_half_up(15, 67), 22);
	assert_int_equal(cb_percent_floor(15, 67), 22);
	assert_int_equal(cb_percent_half_up(1, 8), 13); /* 12.5 rounds up */
	assert_int_equal(cb_percent_half_up(0, 0), 0);
	assert_int_equal(cb_percent_floor(3, 0), 0);
	assert_int_equal(cb_percent_half_up(7, 7), 100);
}

static void test_round_half_up(void **state)
{
	(void)state;
	/* 3.115 and 2.625 are Havering's Table 2 means (domain-brief §3.3). */
	assert_true(cb_round_half_up((3.10 + 3.13) / 2, 2) == 3.12);
	assert_true(cb_round_half_up((2.55 + 2.70) / 2, 2) == 2.63);
	assert_true(cb_round_half_up(17.619565, 2) == 17.62);
	assert_true(cb_round_half_up(-0.5, 0) == -1);
	assert_true(cb_round_half_up(0.4999, 0) == 0);
	assert_true(cb_round_half_up(80.25, 1) == 80.3);
}

static void test_quantiles_and_box(void **state)
{
	double four[] = {4, 1, 3, 2};
	double odd[] = {-3, 0, 0, 1, 2, 2, 10};
	cb_box b;

	(void)state;
	cb_box_of(four, 4, &b);
	assert_int_equal(b.n, 4);
	assert_true(b.median == 2.5);
	assert_true(b.q1 == 1.75);
	assert_true(b.q3 == 3.25);
	assert_true(b.iqr == 1.5);
	assert_true(b.min == 1 && b.max == 4);
	assert_int_equal(b.outliers, 0);
	assert_true(b.whisker_lo == 1 && b.whisker_hi == 4);

	cb_box_of(odd, 7, &b); /* sorted: -3 0 0 1 2 2 10 */
	assert_true(b.median == 1);
	assert_true(b.q1 == 0);
	assert_true(b.q3 == 2);
	assert_true(b.whisker_lo == -3); /* fence -3 */
	assert_true(b.whisker_hi == 2);  /* fence 5: 10 is an outlier */
	assert_int_equal(b.outliers, 1);
	assert_true(b.max == 10);

	cb_box_of(NULL, 0, &b);
	assert_int_equal(b.n, 0);
	double one[] = {-2};
	cb_box_of(one, 1, &b);
	assert_true(b.median == -2 && b.q1 == -2 && b.q3 == -2 && b.iqr == 0);
	assert_true(cb_mean(four, 4) == 2.5);
	assert_true(cb_mean(NULL, 0) == 0);
}

static void test_add_months(void **state)
{
	cb_date d = {2024, 2, 29}, r;

	(void)state;
	r = cb_date_add_months(d, -12);
	assert_int_equal(r.year, 2023);
	assert_int_equal(r.month, 2);
	assert_int_equal(r.day, 28);
	r = cb_date_add_months((cb_date){2026, 1, 31}, 1);
	assert_int_equal(r.month, 2);
	assert_int_equal(r.day, 28);
	r = cb_date_add_months((cb_date){2026, 11, 1}, -3);
	assert_int_equal(r.year, 2026);
	assert_int_equal(r.month, 8);
	assert_int_equal(r.day, 1);
	r = cb_date_add_months((cb_date){2026, 3, 15}, -15);
	assert_int_equal(r.year, 2024);
	assert_int_equal(r.month, 12);
	r = cb_date_add_months((cb_date){1900, 1, 10}, -1);
	assert_int_equal(r.year, 1900);
	assert_int_equal(r.month, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_largest_remainder_havering),
		cmocka_unit_test(test_largest_remainder_sums_and_ties),
		cmocka_unit_test(test_percent_rules),
		cmocka_unit_test(test_round_half_up),
		cmocka_unit_test(test_quantiles_and_box),
		cmocka_unit_test(test_add_months),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
