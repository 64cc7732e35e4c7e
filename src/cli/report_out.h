/* report_out.h: `casebook report` writers: text with charts, Markdown, CSV and JSON. */
#ifndef CASEBOOK_CLI_REPORT_OUT_H
#define CASEBOOK_CLI_REPORT_OUT_H

#include <stdio.h>

#include "core/status.h"
#include "report/report.h"

/*
 * Each writes the whole report to out (borrowed, not closed) and returns
 * CB_ERROR, with err set, if the output could not be written. Every figure
 * goes out with its n and a too-few mark, and each section with its
 * definitions and citations (report/notes.c). The layouts are described in
 * casebook(1), REPORT.
 */

/* Plain text `width` columns wide, with bars, sparklines and a box plot (ui/report_text.h). */
enum cb_status cb_report_write_text(const cb_report *r, int width, FILE *out, cb_err *err);
/* Markdown: a heading per section, tables, and the definitions as footnotes. */
enum cb_status cb_report_write_md(const cb_report *r, FILE *out, cb_err *err);
/* RFC 4180 CSV, one table in long form: section, measure, group, value, n, too_few. */
enum cb_status cb_report_write_csv(const cb_report *r, FILE *out, cb_err *err);
/* JSON with fixed keys in a fixed order (jansson, through cli/emit.h). */
enum cb_status cb_report_write_json(const cb_report *r, FILE *out, cb_err *err);

#endif
