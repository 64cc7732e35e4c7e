/* cmd_caseload.c: `casebook caseload`: the open cases and their flags, as plain text. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/labels.h"
#include "core/text.h"
#include "store/caseload.h"

static void print_cell(FILE *f, const char *text, int width)
{
	char buf[4 * 64 + 1];

	cb_text_fit(buf, text, width);
	fprintf(f, "%s ", buf);
}

static void print_row(FILE *f, const cb_caseload_row *r)
{
	char child[160];
	cb_caseload_cells c;

	cb_caseload_cells_of(r, &c);
	snprintf(child, sizeof child, "%s (%s)", r->child_name, c.age);
	print_cell(f, r->family_name, 22);
	print_cell(f, child, 20);
	print_cell(f, cb_plan_name(r->plan), 10);
	print_cell(f, c.contact, 9);
	print_cell(f, c.risk, 13);
	print_cell(f, r->review_due ? r->review_due : "-", 10);
	fprintf(f, "%s\n", c.flags);
}

int cb_cmd_caseload(cb_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"practitioner", required_argument, NULL, 'p'}, {NULL, 0, NULL, 0}};
	const char *prac = NULL;
	char today[11];
	cb_caseload list;
	cb_store *st;
	cb_err err = {0};
	int c, rc = CB_EXIT_OK;

	while ((c = getopt_long(argc, argv, "p:", opts, NULL)) != -1) {
		if (c != 'p') {
			cb_cli_error(cli, "usage: casebook caseload [--practitioner ID]");
			return CB_EXIT_USAGE;
		}
		prac = optarg;
	}
	if (optind < argc) {
		cb_cli_error(cli, "usage: casebook caseload [--practitioner ID]");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_cli_open_store(cli, 0)) == NULL)
		return CB_EXIT_ERROR;
	cb_clock_today(today);
	if (cb_caseload_load(st, prac, NULL, today, &list, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		rc = CB_EXIT_ERROR;
		goto out;
	}
	fprintf(cli->out, "Open cases on %s (risk total: higher is safer)\n\n", today);
	print_cell(cli->out, "FAMILY", 22);
	print_cell(cli->out, "CHILD (AGE)", 20);
	print_cell(cli->out, "PLAN", 10);
	print_cell(cli->out, "CONTACT", 9);
	print_cell(cli->out, "RISK", 13);
	print_cell(cli->out, "REVIEW DUE", 10);
	fputs("FLAGS\n", cli->out);
	for (size_t i = 0; i < list.count; i++)
		print_row(cli->out, &list.rows[i]);
	fprintf(cli->out, "\n%zu open case%s\n", list.count, list.count == 1 ? "" : "s");
	cb_caseload_free(&list);
out:
	cb_store_close(st);
	return rc;
}
