/* cmd_report.c: `casebook report`: the outcome report for a period, team or practitioner. */
#include "cli/cli.h"

#include <getopt.h>
#include <string.h>

#include "cli/report_out.h"
#include "core/clock.h"
#include "core/dates.h"

/* Width of the text report: the 80 columns the app also needs. */
#define REPORT_TEXT_WIDTH 80

enum format { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_MD, FMT_COUNT };
static const char *const format_names[FMT_COUNT] = {"text", "csv", "json", "md"};

static const char usage_text[] =
	"usage: casebook report [--from DATE] [--to DATE] [--team ID] [--practitioner ID]\n"
	"                       [--format text|csv|json|md]";

typedef struct report_args {
	const char *from, *to, *team, *practitioner;
	enum format format;
} report_args;

static int parse_format(const cb_cli *cli, const char *name, enum format *out)
{
	for (int i = 0; i < FMT_COUNT; i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*out = (enum format)i;
			return 0;
		}
	}
	cb_cli_error(cli, "unknown report format '%s'; use text, csv, json or md", name);
	return -1;
}

/* A date given on the command line must be a real day: a usage error otherwise. */
static int check_date(const cb_cli *cli, const char *option, const char *value)
{
	cb_date d;

	if (value == NULL || cb_date_parse(value, &d))
		return 0;
	cb_cli_error(cli, "%s '%s' is not a date; give a real day as YYYY-MM-DD, such as "
		     "2026-01-31", option, value);
	return -1;
}

/* Returns -1 on a usage error (already reported), 1 for --help, else 0. */
static int parse_args(const cb_cli *cli, int argc, char **argv, report_args *a)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, 'f'},  {"to", required_argument, NULL, 't'},
		{"team", required_argument, NULL, 'T'},  {"practitioner", required_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'F'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': a->from = optarg; break;
		case 't': a->to = optarg; break;
		case 'T': a->team = optarg; break;
		case 'p': a->practitioner = optarg; break;
		case 'F':
			if (parse_format(cli, optarg, &a->format))
				return -1;
			break;
		case 'h': fprintf(cli->out, "%s\n", usage_text); return 1;
		default: return -1;
		}
	}
	if (optind < argc) {
		cb_cli_error(cli, "unexpected argument '%s'", argv[optind]);
		return -1;
	}
	if (check_date(cli, "--from", a->from) || check_date(cli, "--to", a->to))
		return -1;
	return 0;
}

/* The period: --to, else today; --from, else 12 months before the end. -1 if reversed. */
static int period(const cb_cli *cli, const report_args *a, cb_report_opts *o)
{
	char today[11];

	cb_clock_today(today);
	snprintf(o->to, sizeof o->to, "%s", a->to ? a->to : today);
	if (a->from)
		snprintf(o->from, sizeof o->from, "%s", a->from);
	else
		cb_report_months_before(o->to, CB_REPORT_DEFAULT_MONTHS, o->from);
	if (strcmp(o->from, o->to) <= 0)
		return 0;
	cb_cli_error(cli, "the period starts on %s, after it ends on %s; give the earlier date "
		     "with --from", o->from, o->to);
	return -1;
}

static enum cb_status write_report(const cb_cli *cli, const cb_report *r, enum format f,
				   cb_err *err)
{
	switch (f) {
	case FMT_CSV: return cb_report_write_csv(r, cli->out, err);
	case FMT_JSON: return cb_report_write_json(r, cli->out, err);
	case FMT_MD: return cb_report_write_md(r, cli->out, err);
	default: return cb_report_write_text(r, REPORT_TEXT_WIDTH, cli->out, err);
	}
}

/* The forms give each risk scale's direction and range; a broken folder only costs those. */
static void load_forms(const cb_cli *cli, cb_form_set *forms)
{
	cb_diag diag = {0};

	if (cb_forms_load_dir(cli->forms_dir, forms, &diag) != CB_OK)
		cb_cli_error(cli, "some instrument files in %s have problems (see `casebook forms "
				  "check`); the report assumes higher scores are better for them",
			     cli->forms_dir);
	cb_diag_free(&diag);
}

int cb_cmd_report(cb_cli *cli, int argc, char **argv)
{
	report_args a = {.format = FMT_TEXT};
	cb_report_opts o = {.team_id = NULL};
	cb_form_set forms = {0};
	cb_report r = {.cases = 0};
	cb_err err = {0};
	cb_store *st;
	int parsed = parse_args(cli, argc, argv, &a), rc = CB_EXIT_OK;

	if (parsed != 0 || period(cli, &a, &o) != 0) {
		if (parsed <= 0)
			fprintf(cli->err, "%s\n", usage_text);
		return parsed > 0 ? CB_EXIT_OK : CB_EXIT_USAGE;
	}
	if ((st = cb_cli_open_store(cli, 0)) == NULL)
		return CB_EXIT_ERROR;
	load_forms(cli, &forms);
	o.team_id = a.team;
	o.practitioner_id = a.practitioner;
	o.forms = &forms;
	if (cb_report_run(st, &o, &r, &err) || write_report(cli, &r, a.format, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		rc = err.code == CB_INVALID ? CB_EXIT_USAGE : CB_EXIT_ERROR;
	}
	cb_report_free(&r);
	cb_forms_free(&forms);
	cb_store_close(st);
	return rc;
}
