/* cmd_backup.c: `casebook backup FILE` and `casebook restore FILE`. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/backup.h"

/* Reads [--force] FILE; returns -1 on a usage error (reported), 1 for --help, else 0. */
static int parse_args(const cb_cli *cli, int argc, char **argv, const char *usage, bool *force,
		      const char **file)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "fh", opts, NULL)) != -1) {
		if (c == 'f') {
			*force = true;
		} else if (c == 'h') {
			fprintf(cli->out, "%s\n", usage);
			return 1;
		} else {
			fprintf(cli->err, "%s\n", usage);
			return -1;
		}
	}
	if (optind + 1 == argc) {
		*file = argv[optind];
		return 0;
	}
	cb_cli_error(cli, "%s", usage);
	return -1;
}

int cb_cmd_backup(cb_cli *cli, int argc, char **argv)
{
	static const char usage[] = "usage: casebook backup [--force] FILE";
	const char *file = NULL;
	bool force = false;
	cb_err err = {0};
	cb_store *st;
	int parsed = parse_args(cli, argc, argv, usage, &force, &file);

	if (parsed)
		return parsed < 0 ? CB_EXIT_USAGE : CB_EXIT_OK;
	if ((st = cb_cli_open_store(cli, CB_STORE_READONLY)) == NULL)
		return CB_EXIT_ERROR;
	if (cb_store_backup(st, file, force, &err))
		cb_cli_error(cli, "%s", err.msg);
	else
		fprintf(cli->out, "backed up %s to %s\n", cb_store_path(st), file);
	cb_store_close(st);
	return err.code == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}

static void restored(const cb_cli *cli, const char *file, const char *path, bool existed)
{
	char *keep = cb_store_restore_keep_path(path);

	if (existed)
		fprintf(cli->out, "restored %s into %s; the database it replaced is kept as %s\n",
			file, path, keep);
	else
		fprintf(cli->out, "restored %s into %s\n", file, path);
	free(keep);
}

int cb_cmd_restore(cb_cli *cli, int argc, char **argv)
{
	static const char usage[] = "usage: casebook restore [--force] FILE";
	const char *file = NULL;
	char *path = NULL;
	bool force = false, existed;
	enum cb_status rc;
	cb_diag problems = {0};
	cb_err err = {0};
	int parsed = parse_args(cli, argc, argv, usage, &force, &file);

	if (parsed)
		return parsed < 0 ? CB_EXIT_USAGE : CB_EXIT_OK;
	if (cli->db_path == NULL && cb_store_default_path(&path, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		return CB_EXIT_ERROR;
	}
	const char *db = cli->db_path ? cli->db_path : path;
	existed = access(db, F_OK) == 0;
	rc = cb_store_restore(db, file, force, &problems, &err);
	for (size_t i = 0; i < problems.count; i++)
		fprintf(cli->err, "%s\n", problems.lines[i]);
	if (rc == CB_OK)
		restored(cli, file, db, existed);
	else
		cb_cli_error(cli, "%s", err.msg);
	cb_diag_free(&problems);
	free(path);
	return rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}
