/* test_core.c: dates, ages, the wall clock, the hybrid logical clock, ids, widths, labels. */
#include "testutil.h"

#include <locale.h>
#include <string.h>

#include "core/clock.h"
#include "core/dates.h"
#include "core/hash.h"
#include "core/ids.h"
#include "core/labels.h"
#include "core/mem.h"
#include "core/text.h"

#include <sodium.h>

static void test_dates_are_strict(void **state)
{
	cb_date d;

	assert_true(cb_date_parse("2024-02-29", &d));
	assert_int_equal(d.year, 2024);
	assert_false(cb_date_parse("2025-02-29", &d));
	assert_false(cb_date_parse("2025-04-31", &d));
	assert_false(cb_date_parse("2025-4-01", &d));
	assert_false(cb_date_parse("2025-04-01x", &d));
	assert_false(cb_date_parse("01/04/2025", &d));
	assert_false(cb_date_parse("", &d));
	assert_false(cb_date_parse(NULL, &d));
}

static void test_datetimes(void **state)
{
	cb_date d;
	int minute;

	assert_true(cb_datetime_parse("2025-01-12T10:30", &d, &minute));
	assert_int_equal(minute, 630);
	assert_true(cb_datetime_parse("2025-01-12T23:59:59", &d, &minute));
	assert_false(cb_datetime_parse("2025-01-12 10:30", &d, &minute));
	assert_false(cb_datetime_parse("2025-01-12T24:00", &d, &minute));
	assert_false(cb_datetime_parse("2025-01-12T10:60", &d, &minute));
	assert_false(cb_datetime_parse("2025-01-12", &d, &minute));
}

static void test_day_arithmetic_and_ages(void **state)
{
	cb_date a = {1970, 1, 1}, b = {2000, 3, 1}, born = {2012, 5, 1};
	char buf[11];

	assert_int_equal(cb_date_days(a), 0);
	assert_int_equal(cb_date_days(b), 11017);
	cb_date_format(cb_date_from_days(11017), buf);
	assert_string_equal(buf, "2000-03-01");
	assert_int_equal(cb_age_years(born, (cb_date){2024, 4, 30}), 11);
	assert_int_equal(cb_age_years(born, (cb_date){2024, 5, 1}), 12);
	assert_int_equal(cb_age_years((cb_date){2012, 2, 29}, (cb_date){2024, 2, 28}), 11);
}

static void test_utc_stamps_round_trip(void **state)
{
	int64_t ms;
	char buf[25];

	assert_true(cb_parse_utc_ms("2026-11-01T09:00:00Z", &ms));
	cb_format_utc_ms(ms + 1234, buf);
	assert_string_equal(buf, "2026-11-01T09:00:01.234Z");
	assert_true(cb_parse_utc_ms(buf, &ms));
	assert_false(cb_parse_utc_ms("2026-11-01T09:00:00", &ms));
}

static void test_fixed_clock_and_hlc(void **state)
{
	cb_hlc last = {0}, a, b, c, parsed;
	char text[64];
	int64_t now;

	assert_true(cb_parse_utc_ms("2026-11-01T09:00:00Z", &now));
	cb_clock_fix(now);
	assert_int_equal(cb_clock_now_ms(), now);
	a = cb_hlc_tick(&last, cb_clock_now_ms());
	b = cb_hlc_tick(&last, cb_clock_now_ms());
	assert_int_equal(a.counter + 1, b.counter);
	/* A remote clock ahead of ours pulls ours forward; the next tick stays ahead. */
	c = cb_hlc_receive(&last, (cb_hlc){now + 5000, 7}, now);
	assert_int_equal(c.ms, now + 5000);
	assert_int_equal(c.counter, 8);
	cb_hlc_format(cb_hlc_tick(&last, now), "abcdef0123", text, sizeof text);
	assert_string_equal(text, "2026-11-01T09:00:05.000Z-0009-abcdef01");
	assert_true(cb_hlc_parse(text, &parsed));
	assert_int_equal(parsed.ms, now + 5000);
	assert_int_equal(parsed.counter, 9);
	cb_clock_fix(-1);
}

static void test_ids(void **state)
{
	char a[CB_UUID_LEN + 1], b[CB_UUID_LEN + 1];

	cb_uuid_new(a);
	cb_uuid_new(b);
	assert_int_equal(strlen(a), 36);
	assert_int_equal(a[14], '4');
	assert_string_not_equal(a, b);
	assert_true(cb_id_valid(a));
	assert_true(cb_id_valid("fam-okafor.2"));
	assert_false(cb_id_valid("-leading"));
	assert_false(cb_id_valid("has space"));
	assert_false(cb_id_valid(""));
}

static void test_sha256(void **state)
{
	char hex[CB_HASH_HEX_LEN + 1];

	cb_hash_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_text_width(void **state)
{
	char out[64];

	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	assert_int_equal(cb_text_width("Zoë Ní Bhriain"), 14);
	cb_text_fit(out, "Zoë", 5);
	assert_string_equal(out, "Zoë  ");
	cb_text_fit(out, "Siobhán O'Neill", 8);
	assert_string_equal(out, "Siobhán…");
	assert_int_equal(cb_text_width(out), 8);
}

static void test_text_prefix(void **state)
{
	int cols = -1;

	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	assert_int_equal(cb_text_prefix("Zoë Ní", 3, &cols), 4); /* "Zoë": ë is two bytes */
	assert_int_equal(cols, 3);
	assert_int_equal(cb_text_prefix("日本語", 3, &cols), 3); /* one wide character */
	assert_int_equal(cols, 2);
	assert_int_equal(cb_text_prefix("abc", 10, &cols), 3);
	assert_int_equal(cols, 3);
	assert_int_equal(cb_text_prefix("abc", 0, NULL), 0);
	assert_int_equal(cb_text_prefix(NULL, 5, &cols), 0);
	assert_int_equal(cols, 0);
}

static void test_text_squeeze(void **state)
{
	char *s = cb_text_squeeze("  First visit.\n  Ada  showed me\t her room.\r\n");

	assert_string_equal(s, "First visit. Ada showed me her room.");
	free(s);
	s = cb_text_squeeze(" \n\t ");
	assert_string_equal(s, "");
	free(s);
	s = cb_text_squeeze(NULL);
	assert_string_equal(s, "");
	free(s);
	s = cb_text_squeeze("Zoë \U0001F642");
	assert_string_equal(s, "Zoë \U0001F642");
	free(s);
}

static void test_labels(void **state)
{
	size_t n = 0;

	assert_string_equal(cb_label_of(cb_goal_categories, "emotional_wellbeing"),
			    "Emotional wellbeing and mental health");
	assert_string_equal(cb_label_of(cb_needs, "N0"), "N0 Not stated");
	assert_string_equal(cb_label_of(cb_referral_outcomes, "nfa"), "No further action (NFA)");
	assert_string_equal(cb_label_of(cb_relationships, "uncle"), "uncle");
	assert_string_equal(cb_label_of(cb_goal_statuses, NULL), "-");
	assert_string_equal(cb_contact_type_name("phone"), "Phone call");
	while (cb_goal_categories[n][0])
		n++;
	assert_int_equal(n, 9); /* the eight family categories and the workers' wellbeing one */
	for (n = 0; cb_needs[n][0]; n++)
		assert_int_equal(strncmp(cb_needs[n][0], cb_needs[n][1], 2), 0);
	assert_int_equal(n, 10);
	for (n = 0; cb_plan_codes[n]; n++)
		assert_string_not_equal(cb_plan_name(cb_plan_codes[n]), "-");
	assert_int_equal(n, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_are_strict),
		cmocka_unit_test(test_datetimes),
		cmocka_unit_test(test_day_arithmetic_and_ages),
		cmocka_unit_test(test_utc_stamps_round_trip),
		cmocka_unit_test(test_fixed_clock_and_hlc),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_text_prefix),
		cmocka_unit_test(test_text_squeeze),
		cmocka_unit_test(test_labels),
	};
	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
