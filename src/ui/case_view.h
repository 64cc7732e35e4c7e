/* case_view.h: the case screen's parts: its state, the tab builders and the helpers they share. */
#ifndef CASEBOOK_UI_CASE_VIEW_H
#define CASEBOOK_UI_CASE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/mem.h"
#include "store/casefile.h"
#include "ui/pager.h"
#include "ui/view.h"

/* The risk framework's instrument and the scale the summary shows (higher is safer). */
#define CASE_RISK_INSTRUMENT "risk-framework"
#define CASE_RISK_SCALE "total"
/* Window line where a tab's rows start (title, tab bar and caption above). */
#define CASE_BODY_TOP 3
/* Most points a sparkline shows (the latest ones). */
#define CASE_SPARK_WIDTH 16
/* Column where chronology text starts, after "YYYY-MM-DD HH:MM  ". */
#define CASE_WHEN_WIDTH 18

enum case_tab {
	CASE_TAB_SUMMARY,
	CASE_TAB_CHRONOLOGY,
	CASE_TAB_ASSESSMENTS,
	CASE_TAB_GOALS,
	CASE_TAB_ALLIANCE,
	CASE_TAB_PEOPLE,
	CASE_TAB_PLANS,
	CASE_TAB_COUNT
};

/* The view's private state (v->priv); case_view.c loads and frees it. */
struct case_state {
	char *case_id;
	cb_case_header header;
	cb_case_people people;
	cb_chronology chron; /* also holds the plans, goals and referrals */
	cb_case_series series;
	cb_alliance alliance;
	enum case_tab tab;
	size_t tops[CASE_TAB_COUNT]; /* each tab's scroll position */
	cb_pager pager;
	char *focus_note; /* scroll the chronology to this note at the next draw, then forget */
};

/* Each adds its tab's rows to p, wrapped to p->width (case_tabs.c, case_history.c, case_scores.c). */
void case_tab_summary(cb_view *v, cb_pager *p);
void case_tab_people(cb_view *v, cb_pager *p);
void case_tab_plans(cb_view *v, cb_pager *p);
void case_tab_chronology(cb_view *v, cb_pager *p);
void case_tab_assessments(cb_view *v, cb_pager *p);
void case_tab_goals(cb_view *v, cb_pager *p);
void case_tab_alliance(cb_view *v, cb_pager *p);

/* A score as "-6", "5.75" or "17.3" (at most two decimals, no trailing zeros). */
void case_fmt_score(char *buf, size_t size, double v);
/* "YYYY-MM-DDTHH:MM" as "YYYY-MM-DD HH:MM"; a date stays as it is. */
void case_fmt_when(char *buf, size_t size, const char *when);
/* Appends text cut or padded to exactly width display columns, then a space. */
void case_cell(strbuf *sb, const char *text, int width);
/* The loaded instrument with that id, or NULL (borrowed from the app's form set). */
const cb_instrument *case_instrument(const cb_view *v, const char *id);
/* The instrument's scale with that id, or NULL (also when ins is NULL). */
const cb_scale *case_scale(const cb_instrument *ins, const char *scale);
/*
 * Writes a sparkline (ui/chart.h) of the last CASE_SPARK_WIDTH values, scaled
 * to the scale's possible range, or to the values' own range when the scale
 * is not known.
 */
void case_spark(char *out, size_t size, const double *values, size_t n, const cb_scale *scale);
/* The same for a series' points, only those of `rater` unless rater is NULL. */
void case_series_spark(char *out, size_t size, const cb_series *s, const char *rater,
		       const cb_scale *scale);
/*
 * "better", "worse" or "no change" for a change in a scale (higher is better
 * when the scale is not known); with safety, "safer" and "riskier" instead.
 */
const char *case_change_word(enum cb_change change, const cb_scale *scale, bool safety);

#endif
