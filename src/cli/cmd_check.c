/* cmd_check.c: `casebook check`: says exactly what is wrong with the database. */
#include "cli/cli.h"

#include <getopt.h>

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
	if ((st = cb_cli_open_store(cli, 0)) == NULL)
		return CB_EXIT_ERROR;
	rc = cb_store_check(st, &problems, &err);
	for (size_t i = 0; i < problems.count; i++)
		fprintf(cli->out, "%s\n", problems.lines[i]);
	if (rc == CB_OK)
		fprintf(cli->out, "%s: integrity ok, foreign keys ok, audit chain ok\n",
			cb_store_path(st));
	else if (rc == CB_CORRUPT)
		cb_cli_error(cli, "%zu problem%s found in %s; restore from a backup or ask your "
				  "administrator before writing to it", problems.count,
			     problems.count == 1 ? "" : "s", cb_store_path(st));
	else
		cb_cli_error(cli, "%s", err.msg);
	cb_diag_free(&problems);
	cb_store_close(st);
	return rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}
