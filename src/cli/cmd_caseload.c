/* cmd_caseload.c: `casebook caseload`: the open cases and their flags, as plain text. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/text.h"
#include "store/caseload.h"

static const char *plan_label(const char *plan)
{
	static const char *const names[][2] = {
		{"none", "None"}, {"early_help", "Early Help"}, {"cin", "CIN"}, {"cp", "CP"},
		{"lac", "LAC"},
	};
	for (size_t i = 0; plan && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(plan, names[i][0]) == 0)
			return names[i][1];
	return "-";
}

static void print_cell(FILE *f, const char *text, int width)
{
	char buf[4 * 64 + 1];

	cb_text_fit(buf, text, width);
	fprintf(f, "%s ", buf);
}

static void print_row(FILE *f, const cb_caseload_row *r)
{
	char child[160], contact[32], risk[32], flags[64] = "";
	static const char *const trend[] = {"", " safer", " same", " riskier"};

	snprintf(child, sizeof child, r->child_age >= 0 ? "%s (%d)" : "%s", r->child_name,
		 r->child_age);
	if (r->days_since_contact >= 0)
		snprintf(contact, sizeof contact, "%dd ago", r->days_since_contact);
	else
		snprintf(contact, sizeof contact, "never");
	if (r->has_risk)
		snprintf(risk, sizeof risk, "%+g%s", r->risk_total, trend[r->trend]);
	else
		snprintf(risk, sizeof risk, "-");
	if (r->flag_no_contact)
		strcat(flags, "no-contact ");
	if (r->flag_review_overdue)
		strcat(flags, "review-overdue ");
	if (r->stalled_goals)
		strcat(flags, "goals-stalled ");
	print_cell(f, r->family_name, 22);
	print_cell(f, child, 20);
	print_cell(f, plan_label(r->plan), 10);
	print_cell(f, contact, 9);
	print_cell(f, risk, 13);
	print_cell(f, r->review_due ? r->review_due : "-", 10);
	fprintf(f, "%s\n", flags);
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
	if (cb_caseload_load(st, prac, today, &list, &err)) {
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
