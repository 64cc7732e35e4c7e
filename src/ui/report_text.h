/* report_text.h: the outcome report laid out as lines of terminal text with charts (no curses). */
#ifndef CASEBOOK_UI_REPORT_TEXT_H
#define CASEBOOK_UI_REPORT_TEXT_H

#include "report/report.h"

/*
 * One layout for the reports screen and `casebook report --format text`, so
 * both show the same figures. Each line comes with a style; charts are text
 * (ui/chart.h) and every mark that matters is in the words too ("too few to
 * mean much"), so the report reads the same in monochrome.
 */
enum cb_rt_style {
	CB_RT_TITLE,   /* the report's first line */
	CB_RT_HEADING, /* a section's name */
	CB_RT_NORMAL,  /* figures and tables */
	CB_RT_WARN,    /* a figure over too few values to mean much */
	CB_RT_NOTE,    /* definitions, citations and decisions */
};

/*
 * Receives one line: text starts `indent` columns in; if it is wider than
 * the width, it wraps onto lines `hang` columns in. The text is borrowed.
 */
typedef void (*cb_rt_sink)(void *ctx, enum cb_rt_style style, int indent, int hang,
			   const char *text);

/* Lays r out for a terminal `width` columns wide (80 or more) and sends each line to sink. */
void cb_report_text(const cb_report *r, int width, cb_rt_sink sink, void *ctx);

/* Formats a figure: v rounded half up to `decimals` places ("5.73", "-2.00", "+1.50" with sign). */
void cb_rt_number(char *buf, size_t size, double v, int decimals, bool sign);
/* The same to at most two places, dropping zeros after the point: "-2", "+1.5", "-0.25". */
void cb_rt_short(char *buf, size_t size, double v, bool sign);

#endif
