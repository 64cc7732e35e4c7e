/* cli.c: global options, environment, and dispatch to the subcommands. */
#include "cli/cli.h"

#include <getopt.h>
#include <locale.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/dates.h"
#include "core/mem.h"
#include "ui/ui.h"

static const struct command {
	const char *name;
	int (*run)(cb_cli *, int, char **);
	const char *summary;
} commands[] = {
	{"app", cb_cmd_app, "the terminal app (the default when no command is given)"},
	{"caseload", cb_cmd_caseload, "list open cases (what the app's home screen shows)"},
	{"show", cb_cmd_show, "show one case: people, plan history, first and latest scores"},
	{"import", cb_cmd_import, "load a caseload file (casebook-data(5)) in one transaction"},
	{"export", cb_cmd_export, "write the casebook as YAML, JSON or CSV"},
	{"report", cb_cmd_report, "the outcome report for a period, team or practitioner"},
	{"forms", cb_cmd_forms, "check instrument files: forms check [DIR]"},
	{"check", cb_cmd_check, "verify the database, its foreign keys and the audit chain"},
	{"backup", cb_cmd_backup, "copy the database consistently, even while it is in use"},
	{"restore", cb_cmd_restore, "replace the database with a checked backup"},
	{"gen", cb_cmd_gen, "make a synthetic casebook: gen --families N [--seed S]"},
	{"sync", cb_cmd_sync, "exchange bundles with the team hub (casebook-sync(7))"},
};

static void usage(FILE *f)
{
	fputs("usage: casebook [--db FILE] [--forms DIR] [--as PRACTITIONER] COMMAND [ARGS]\n"
	      "       casebook --help | --version\n\ncommands:\n",
	      f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nThe database is --db, else $CASEBOOK_DB, else $XDG_DATA_HOME/casebook/casebook.db.\n"
	      "See casebook(1), casebook-data(5) and casebook-forms(5).\n",
	      f);
}

void cb_cli_error(const cb_cli *cli, const char *fmt, ...)
{
	va_list ap;

	fputs("casebook: ", cli->err);
	va_start(ap, fmt);
	vfprintf(cli->err, fmt, ap);
	va_end(ap);
	fputc('\n', cli->err);
}

cb_store *cb_cli_open_store(const cb_cli *cli, unsigned flags)
{
	cb_store *st = NULL;
	cb_err err = {0};
	char *path = NULL;

	if (cli->db_path == NULL && cb_store_default_path(&path, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		return NULL;
	}
	if (cb_store_open(cli->db_path ? cli->db_path : path, flags, &st, &err))
		cb_cli_error(cli, "%s", err.msg);
	else if (cli->actor)
		cb_store_set_actor(st, cli->actor);
	free(path);
	return st;
}

enum cb_status cb_cli_load_forms(const cb_cli *cli, cb_form_set *set)
{
	cb_diag diag = {0};
	enum cb_status rc = cb_forms_load_dir(cli->forms_dir, set, &diag);

	for (size_t i = 0; i < diag.count; i++)
		fprintf(cli->err, "%s\n", diag.lines[i]);
	if (rc)
		cb_cli_error(cli, "the instrument files in %s have problems (listed above); fix them "
				  "or point --forms at another folder", cli->forms_dir);
	cb_diag_free(&diag);
	return rc;
}

/* The installed forms folder, or the source tree's when running from a build. */
static const char *default_forms_dir(void)
{
	struct stat sb;

	if (stat(CASEBOOK_FORMS_DIR, &sb) == 0 && S_ISDIR(sb.st_mode))
		return CASEBOOK_FORMS_DIR;
	return CASEBOOK_SOURCE_FORMS_DIR;
}

/* CASEBOOK_NOW pins the clock (tests, reproducible sample builds). */
static int apply_fixed_clock(const cb_cli *cli)
{
	const char *now = getenv("CASEBOOK_NOW");
	int64_t ms;

	if (now == NULL || *now == '\0')
		return 0;
	if (!cb_parse_utc_ms(now, &ms)) {
		cb_cli_error(cli, "CASEBOOK_NOW=%s is not a UTC time like 2026-11-01T09:00:00Z", now);
		return -1;
	}
	cb_clock_fix(ms);
	return 0;
}

static int parse_globals(cb_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},   {"forms", required_argument, NULL, 'f'},
		{"as", required_argument, NULL, 'a'},   {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},    {NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "+d:f:a:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd': cli->db_path = optarg; break;
		case 'f': cli->forms_dir = optarg; break;
		case 'a': cli->actor = optarg; break;
		case 'h': usage(cli->out); return CB_EXIT_OK;
		case 'V': fprintf(cli->out, "casebook %s\n", CASEBOOK_VERSION); return CB_EXIT_OK;
		default: usage(cli->err); return CB_EXIT_USAGE;
		}
	}
	return -1;
}

int cb_cli_main(int argc, char **argv)
{
	cb_cli cli = {.out = stdout, .err = stderr, .started = cb_ui_seconds()};
	const char *name;
	int rc;

	setlocale(LC_ALL, "");
	if (sodium_init() < 0) {
		cb_cli_error(&cli, "cannot initialise libsodium");
		return CB_EXIT_ERROR;
	}
	cli.db_path = getenv("CASEBOOK_DB");
	cli.forms_dir = getenv("CASEBOOK_FORMS");
	cli.actor = getenv("CASEBOOK_USER");
	if (cli.db_path && !*cli.db_path)
		cli.db_path = NULL;
	if (cli.forms_dir == NULL || !*cli.forms_dir)
		cli.forms_dir = default_forms_dir();
	if ((rc = parse_globals(&cli, argc, argv)) >= 0)
		return rc;
	if (apply_fixed_clock(&cli))
		return CB_EXIT_USAGE;
	name = optind < argc ? argv[optind] : "app";
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(commands[i].name, name) == 0) {
			int sub_argc = optind < argc ? argc - optind : 1;
			char *fallback[] = {(char *)name, NULL};
			char **sub_argv = optind < argc ? argv + optind : fallback;
			optind = 1;
			return commands[i].run(&cli, sub_argc, sub_argv);
		}
	}
	cb_cli_error(&cli, "unknown command '%s'", name);
	usage(cli.err);
	return CB_EXIT_USAGE;
}
