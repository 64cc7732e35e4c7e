/* cmd_export.c: `casebook export`: the casebook as YAML, JSON or CSV, confidential notes held back. */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/export.h"
#include "core/mem.h"

enum format { FMT_YAML, FMT_JSON, FMT_CSV };

typedef struct export_args {
	enum format format;
	const char *out;    /* file (yaml, json) or folder (csv); NULL = standard output */
	const char *reason; /* --include-confidential REASON, or NULL */
} export_args;

static const char usage_text[] =
	"usage: casebook export [--format yaml|json|csv] [--out PATH] "
	"[--include-confidential REASON]";

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static int parse_format(const cb_cli *cli, const char *name, enum format *out)
{
	static const char *const names[] = {"yaml", "json", "csv"};

	for (int i = 0; i < 3; i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (enum format)i;
			return 0;
		}
	}
	cb_cli_error(cli, "unknown export format '%s'; use yaml, json or csv", name);
	return -1;
}

/* Returns -1 on a usage error (already reported), 1 for --help, else 0. */
static int parse_args(const cb_cli *cli, int argc, char **argv, export_args *a)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"out", required_argument, NULL, 'o'},
		{"include-confidential", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 0; /* rescan from scratch, letting options follow the arguments */
	while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		if (c == 'f' && parse_format(cli, optarg, &a->format) == 0)
			continue;
		if (c == 'o' || c == 'c') {
			*(c == 'o' ? &a->out : &a->reason) = optarg;
			continue;
		}
		if (c == 'h') {
			fprintf(cli->out, "%s\n", usage_text);
			return 1;
		}
		return -1;
	}
	if (optind < argc)
		cb_cli_error(cli, "unexpected argument '%s'", argv[optind]);
	else if (a->format == FMT_CSV && a->out == NULL)
		cb_cli_error(cli, "--format csv writes one file per table: name the folder with --out DIR");
	else if (a->reason && blank(a->reason))
		cb_cli_error(cli, "--include-confidential needs a reason, e.g. "
				  "--include-confidential \"court order 2026/123\"");
	else
		return 0;
	return -1;
}

/* Writes the tree to a private temporary file beside path, then renames it into place. */
static enum cb_status export_file(cb_store *st, const export_args *a, cb_err *err)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", a->out);
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	enum cb_status rc;

	if (f == NULL) {
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s; check the folder exists and you may "
			     "write to it", a->out, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	rc = cb_export_tree(st, a->format == FMT_JSON ? CB_EMIT_JSON : CB_EMIT_YAML,
			    a->reason != NULL, f, err);
	if (fclose(f) != 0 && rc == CB_OK)
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", a->out, strerror(errno));
	if (rc == CB_OK && rename(tmp, a->out) != 0)
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", a->out, strerror(errno));
out:
	if (fd >= 0 && rc != CB_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

static enum cb_status run_export(const cb_cli *cli, cb_store *st, const export_args *a,
				 cb_err *err)
{
	static const char *const names[] = {"yaml", "json", "csv"};
	char *dest = xasprintf("%s %s", names[a->format], a->out ? a->out : "(standard output)");
	enum cb_status rc = CB_OK;

	if (a->reason)
		rc = cb_export_disclose(st, a->reason, dest, err);
	if (rc == CB_OK && a->format == FMT_CSV)
		rc = cb_export_csv(st, a->out, a->reason != NULL, err);
	else if (rc == CB_OK && a->out)
		rc = export_file(st, a, err);
	else if (rc == CB_OK)
		rc = cb_export_tree(st, a->format == FMT_JSON ? CB_EMIT_JSON : CB_EMIT_YAML,
				    a->reason != NULL, cli->out, err);
	free(dest);
	return rc;
}

int cb_cmd_export(cb_cli *cli, int argc, char **argv)
{
	export_args a = {.format = FMT_YAML};
	cb_err err = {0};
	cb_store *st;
	enum cb_status rc;
	int parsed = parse_args(cli, argc, argv, &a);

	if (parsed != 0) {
		if (parsed < 0)
			fprintf(cli->err, "%s\n", usage_text);
		return parsed < 0 ? CB_EXIT_USAGE : CB_EXIT_OK;
	}
	if ((st = cb_cli_open_store(cli, 0)) == NULL)
		return CB_EXIT_ERROR;
	/* A write transaction when a disclosure is recorded, else one consistent read. */
	if (a.reason)
		rc = cb_store_begin(st, &err);
	else if (sqlite3_exec(cb_store_db(st), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		rc = cb_store_fail(st, &err, "reading the casebook");
	else
		rc = CB_OK;
	if (rc == CB_OK)
		rc = run_export(cli, st, &a, &err);
	if (rc == CB_OK && a.reason)
		rc = cb_store_commit(st, &err);
	cb_store_rollback(st);
	if (rc)
		cb_cli_error(cli, "%s", err.msg);
	else if (a.reason)
		cb_cli_error(cli, "confidential notes were included; the disclosure is recorded in "
				  "the casebook's audit log");
	cb_store_close(st);
	return rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}
