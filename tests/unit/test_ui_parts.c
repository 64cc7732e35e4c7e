/* test_ui_parts.c: the screen-independent parts of the UI: key table, pager wrap and scroll, charts, labels. */
#include "testutil.h"

#include <curses.h>
#include <locale.h>
#include <string.h>

#include "core/stats.h"
#include "ui/case_view.h"
#include "ui/chart.h"
#include "ui/keys.h"
#include "ui/labels.h"
#include "ui/pager.h"

static void test_case_keys(void **state)
{
	(void)state;
	assert_int_equal(cb_key_action('1', CB_SCOPE_CASE), CB_ACTION_GOTO_TAB);
	assert_int_equal(cb_key_action('7', CB_SCOPE_CASE), CB_ACTION_GOTO_TAB);
	assert_int_equal(cb_key_action('8', CB_SCOPE_CASE), CB_ACTION_NONE);
	assert_int_equal(cb_key_action('0', CB_SCOPE_CASE), CB_ACTION_NONE);
	assert_int_equal(cb_key_action('3', CB_SCOPE_LIST), CB_ACTION_NONE);
	assert_int_equal(cb_key_action(KEY_RIGHT, CB_SCOPE_CASE), CB_ACTION_NEXT_TAB);
	assert_int_equal(cb_key_action('l', CB_SCOPE_CASE), CB_ACTION_NEXT_TAB);
	assert_int_equal(cb_key_action(KEY_LEFT, CB_SCOPE_CASE), CB_ACTION_PREV_TAB);
	assert_int_equal(cb_key_action('h', CB_SCOPE_CASE), CB_ACTION_PREV_TAB);
	assert_int_equal(cb_key_action('j', CB_SCOPE_CASE), CB_ACTION_DOWN);
	assert_int_equal(cb_key_action(KEY_NPAGE, CB_SCOPE_CASE), CB_ACTION_PAGE_DOWN);
	assert_int_equal(cb_key_action('q', CB_SCOPE_CASE), CB_ACTION_BACK);
	assert_int_equal(cb_key_action('?', CB_SCOPE_CASE), CB_ACTION_HELP);
	assert_int_equal(cb_key_action('\n', CB_SCOPE_CASE), CB_ACTION_NONE); /* nothing to open */
	assert_int_equal(cb_key_action('\n', CB_SCOPE_LIST), CB_ACTION_OPEN);
	assert_int_equal(cb_key_action('l', CB_SCOPE_LIST), CB_ACTION_NONE);
}

static void test_hints_and_help(void **state)
{
	char hints[256];
	bool next = false, range = false;

	(void)state;
	cb_key_hints(CB_SCOPE_CASE, hints, sizeof hints);
	assert_string_equal(hints,
			    "?:Help  q:Back  1-7:Tabs  n:Note  a:Assess  G:Goal  r:Review");
	cb_key_hints(CB_SCOPE_LIST, hints, sizeof hints);
	assert_string_equal(hints, "?:Help  q:Back  Enter:Open  /:Search  n:Note  a:Assess  G:Goal  "
				   "r:Review  T:Team");
	assert_true(strlen(hints) <= 80); /* the status line at 80 columns */
	cb_key_hints(CB_SCOPE_TEAM, hints, sizeof hints);
	assert_string_equal(hints, "?:Help  q:Back  Enter:Open  D:Discuss");
	assert_int_equal(cb_key_action('T', CB_SCOPE_LIST), CB_ACTION_TEAM);
	assert_int_equal(cb_key_action('T', CB_SCOPE_TEAM), CB_ACTION_NONE);
	assert_int_equal(cb_key_action('D', CB_SCOPE_TEAM), CB_ACTION_DISCUSS);
	assert_int_equal(cb_key_action('n', CB_SCOPE_TEAM), CB_ACTION_NONE);
	assert_int_equal(cb_key_action('x', CB_SCOPE_CASE), CB_ACTION_ACTION_DONE);
	for (size_t i = 0; cb_key_help_line(i); i++) {
		const char *line = cb_key_help_line(i);
		next |= strstr(line, "Right l") && strstr(line, "next tab");
		range |= strncmp(line, "  1-7 ", 6) == 0;
		assert_true(strlen(line) <= 80); /* the help screen fits 80 columns */
	}
	assert_true(next);
	assert_true(range);
}

static void test_pager_wraps_by_width(void **state)
{
	cb_pager p = {0};

	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	cb_pager_begin(&p, 20);
	cb_pager_add(&p, A_BOLD, 0, 2, "Zoë Ní Bhriain walks to school every day");
	assert_int_equal(p.count, 3);
	assert_string_equal(p.rows[0].text, "Zoë Ní Bhriain walks");
	assert_string_equal(p.rows[1].text, "  to school every");
	assert_string_equal(p.rows[2].text, "  day");
	assert_int_equal(p.rows[0].attr, (int)A_BOLD);

	cb_pager_begin(&p, 5);
	cb_pager_add(&p, A_NORMAL, 0, 0, "abcdefgh");
	assert_int_equal(p.count, 2);
	assert_string_equal(p.rows[0].text, "abcde");
	assert_string_equal(p.rows[1].text, "fgh");

	cb_pager_begin(&p, 20);
	cb_pager_add(&p, A_NORMAL, 1, 3, "a\tb\nc\r\n\nd");
	cb_pager_blank(&p);
	cb_pager_addf(&p, A_NORMAL, 0, 0, "%d/%s", 6, "10");
	assert_int_equal(p.count, 6);
	assert_string_equal(p.rows[0].text, " a b");
	assert_string_equal(p.rows[1].text, "   c");
	assert_string_equal(p.rows[2].text, "");
	assert_string_equal(p.rows[3].text, "   d");
	assert_string_equal(p.rows[4].text, "");
	assert_string_equal(p.rows[5].text, "6/10");
	cb_pager_free(&p);
}

static void test_pager_scrolls(void **state)
{
	cb_pager p = {0};

	(void)state;
	cb_pager_begin(&p, 10);
	for (int i = 0; i < 10; i++)
		cb_pager_addf(&p, A_NORMAL, 0, 0, "row %d", i);
	p.height = 4; /* as the last draw left it */
	assert_true(cb_pager_scroll(&p, CB_ACTION_LAST));
	assert_int_equal(p.top, 6);
	assert_true(cb_pager_scroll(&p, CB_ACTION_DOWN));
	assert_int_equal(p.top, 6);
	assert_true(cb_pager_scroll(&p, CB_ACTION_PAGE_UP));
	assert_int_equal(p.top, 3);
	assert_true(cb_pager_scroll(&p, CB_ACTION_PAGE_UP));
	assert_int_equal(p.top, 0);
	assert_true(cb_pager_scroll(&p, CB_ACTION_UP));
	assert_int_equal(p.top, 0);
	assert_true(cb_pager_scroll(&p, CB_ACTION_PAGE_DOWN));
	assert_int_equal(p.top, 3);
	assert_false(cb_pager_scroll(&p, CB_ACTION_OPEN));
	cb_pager_begin(&p, 10); /* a rebuild keeps the position */
	assert_int_equal(p.top, 3);
	cb_pager_free(&p);
}

static void test_charts(void **state)
{
	const double v[] = {0, 5, 10, 2.5, 7.5};
	char out[128];

	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	assert_true(cb_chart_unicode());
	cb_sparkline(out, sizeof out, v, 3, 0, 10, 16);
	assert_string_equal(out, "▁▅█");
	cb_sparkline(out, sizeof out, v, 5, 0, 10, 2); /* the latest two */
	assert_string_equal(out, "▃▆");
	cb_sparkline(out, sizeof out, v, 2, 3, 3, 16); /* no range: mid height */
	assert_string_equal(out, "▅▅");
	cb_sparkline(out, sizeof out, v, 3, 2, 8, 16); /* clamped */
	assert_string_equal(out, "▁▅█");
	cb_bar(out, sizeof out, 6, 0, 10, 10);
	assert_string_equal(out, "██████░░░░");
	cb_bar(out, 7, 6, 0, 10, 10); /* cut to whole characters that fit */
	assert_string_equal(out, "██");

	assert_non_null(setlocale(LC_CTYPE, "C"));
	assert_false(cb_chart_unicode());
	cb_sparkline(out, sizeof out, v, 5, 0, 10, 16);
	assert_string_equal(out, "_=#:+");
	cb_bar(out, sizeof out, 6, 0, 10, 10);
	assert_string_equal(out, "######....");
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
}

/* The reports screen: O from the caseload, its own keys, and the box plot it draws. */
static void test_report_keys_and_boxplot(void **state)
{
	double v[] = {-3, 0, 0, 1, 2, 2, 10};
	cb_box b, hand = {.n = 9, .q1 = 2, .median = 5, .q3 = 8, .whisker_lo = 0, .whisker_hi = 10};
	char hints[256], out[256];

	(void)state;
	assert_int_equal(cb_key_action('O', CB_SCOPE_LIST), CB_ACTION_OUTCOMES);
	assert_int_equal(cb_key_action('p', CB_SCOPE_LIST), CB_ACTION_CHANGE_PLAN);
	assert_int_equal(cb_key_action('p', CB_SCOPE_REPORT), CB_ACTION_PERIOD);
	assert_int_equal(cb_key_action('P', CB_SCOPE_REPORT), CB_ACTION_PERIOD);
	assert_int_equal(cb_key_action('f', CB_SCOPE_REPORT), CB_ACTION_FILTER);
	assert_int_equal(cb_key_action(KEY_NPAGE, CB_SCOPE_REPORT), CB_ACTION_PAGE_DOWN);
	assert_int_equal(cb_key_action('q', CB_SCOPE_REPORT), CB_ACTION_BACK);
	assert_int_equal(cb_key_action('n', CB_SCOPE_REPORT), CB_ACTION_NONE);
	cb_key_hints(CB_SCOPE_REPORT, hints, sizeof hints);
	assert_string_equal(hints, "?:Help  q:Back  p:Period");

	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	cb_boxplot(out, sizeof out, &hand, NULL, 0, 0, 10, 11);
	assert_string_equal(out, "├─[▒▒┃▒▒]─┤");
	cb_box_of(v, 7, &b);
	cb_boxplot(out, sizeof out, &b, v, 7, -3, 10, 14);
	assert_string_equal(out, "├──[┃]       o");
	assert_non_null(setlocale(LC_CTYPE, "C"));
	cb_boxplot(out, sizeof out, &b, v, 7, -3, 10, 14);
	assert_string_equal(out, "|--[|]       o");
	cb_boxplot(out, sizeof out, &hand, NULL, 0, 0, 10, 11);
	assert_string_equal(out, "|-[==|==]-|");
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
}

static void test_labels_and_scores(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(cb_label(CB_LABEL_NEED, "N4"), "Family in acute stress");
	assert_string_equal(cb_label(CB_LABEL_PLAN_LONG, "cin"), "Child in Need (CIN)");
	assert_string_equal(cb_label(CB_LABEL_PLAN, "cin"), "CIN");
	assert_string_equal(cb_label(CB_LABEL_CONTACT, "future_type"), "future_type");
	assert_string_equal(cb_label(CB_LABEL_OUTCOME, NULL), "-");
	case_fmt_score(buf, sizeof buf, 17.25);
	assert_string_equal(buf, "17.25");
	case_fmt_score(buf, sizeof buf, 5.5);
	assert_string_equal(buf, "5.5");
	case_fmt_score(buf, sizeof buf, -6);
	assert_string_equal(buf, "-6");
	case_fmt_score(buf, sizeof buf, 17.0 / 3);
	assert_string_equal(buf, "5.67");
	case_fmt_score(buf, sizeof buf, -0.001);
	assert_string_equal(buf, "0");
	case_fmt_when(buf, sizeof buf, "2026-06-20T14:00");
	assert_string_equal(buf, "2026-06-20 14:00");
	case_fmt_when(buf, sizeof buf, "2026-06-20");
	assert_string_equal(buf, "2026-06-20");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_keys),
		cmocka_unit_test(test_hints_and_help),
		cmocka_unit_test(test_pager_wraps_by_width),
		cmocka_unit_test(test_pager_scrolls),
		cmocka_unit_test(test_charts),
		cmocka_unit_test(test_report_keys_and_boxplot),
		cmocka_unit_test(test_labels_and_scores),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
