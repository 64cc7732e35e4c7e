/* cmd_check.c: `casebook check`: says exactly what is wrong with the database. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>

/* Opens the database; one too damaged to open gets advice that does not send the user back here. */
static cb_store *open_to_check(const cb_cli *cli)
{
	cb_store *st = NULL;
	cb_err err = {0};
	char *path = NULL;

	if (cli->db_path == NULL && cb_store_default_path(&path, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		return NULL;
	}
	const char *db = cli->db_path ? cli->db_path : path;

	if (cb_store_open(db, 0, &st, &err) == CB_CORRUPT)
		cb_cli_error(cli, "%s is too damaged to open, so nothing else could be checked (%s). "
				  "Go back to your last backup with `casebook restore BACKUP` (the damaged "
				  "file is kept as %s.before-restore)", db, sqlite3_errstr(SQLITE_CORRUPT), db);
	else if (st == NULL)
		cb_cli_error(cli, "%s", err.msg);
	free(path);
	return st;
}

int cb_cmd_check(cb_cli *cli, int argc, char **argv)
{
	cb_store *st;
	cb_diag problems = {0};
	cb_err err = {0};
	enum cb_status rc;

	if (argc > 1) {
		cb_cli_error(cli, "usage: casebook check");
		return CB_EXIT_USAGE;
	}
	if ((st = open_to_check(cli)) == NULL)
		return CB_EXIT_ERROR;
	rc = cb_store_check(st, &problems, &err);
	for (size_t i = 0; i < problems.count; i++)
		fprintf(cli->out, "%s\n", problems.lines[i]);
	if (rc == CB_OK)
		fprintf(cli->out, "%s: integrity ok, foreign keys ok, audit chain ok\n",
			cb_store_path(st));
	else if (rc == CB_CORRUPT)
		cb_cli_error(cli, "%zu problem%s found in %s; go back to your last backup with "
				  "`casebook restore BACKUP`, or ask your administrator, before writing "
				  "to it", problems.count,
			     problems.count == 1 ? "" : "s", cb_store_path(st));
	else
		cb_cli_error(cli, "%s", err.msg);
	cb_diag_free(&problems);
	cb_store_close(st);
	return rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}
