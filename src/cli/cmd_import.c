/* cmd_import.c: `casebook import FILE`: loads a caseload file in one transaction. */
#include "cli/cli.h"

#include <string.h>

#include "cli/import.h"

/* The forms folder, loaded the first time an assessment asks for it. */
typedef struct forms_once {
	const cb_cli *cli;
	cb_form_set set;
} forms_once;

static const cb_form_set *load_forms(void *ctx)
{
	forms_once *fo = ctx;

	cb_cli_load_forms(fo->cli, &fo->set);
	return &fo->set;
}

static void report(const cb_cli *cli, const char *path, enum cb_status rc, const cb_diag *problems,
		   const cb_err *err)
{
	for (size_t i = 0; i < problems->count; i++)
		fprintf(cli->err, "%s\n", problems->lines[i]);
	if (rc == CB_INVALID)
		cb_cli_error(cli, "%s was not imported because of the problem%s above; nothing was "
				  "changed", path, problems->count == 1 ? "" : "s");
	else
		cb_cli_error(cli, "%s; nothing was imported", err->msg);
}

int cb_cmd_import(cb_cli *cli, int argc, char **argv)
{
	forms_once fo = {.cli = cli};
	cb_import_opts opts = {.forms = load_forms, .forms_ctx = &fo, .forms_dir = cli->forms_dir};
	cb_import_result res;
	cb_diag problems = {0};
	cb_err err = {0};
	cb_store *st;
	enum cb_status rc;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0')) {
		cb_cli_error(cli, "usage: casebook import FILE (a caseload file, see casebook-data(5))");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_cli_open_store(cli, CB_STORE_CREATE)) == NULL)
		return CB_EXIT_ERROR;
	rc = cb_import_file(st, argv[1], &opts, &res, &problems, &err);
	if (rc == CB_OK)
		cb_import_summary(&res, cli->out);
	else
		report(cli, argv[1], rc, &problems, &err);
	cb_diag_free(&problems);
	cb_forms_free(&fo.set);
	cb_store_close(st);
	return rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}
