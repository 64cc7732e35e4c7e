/* cmd_app.c: `casebook` with no command: the terminal app, or the caseload as text when
 * output is not a terminal (pipes, scripts). */
#include "cli/cli.h"

#include <unistd.h>

#include "ui/ui.h"

int cb_cmd_app(cb_cli *cli, int argc, char **argv)
{
	cb_form_set forms = {0};
	cb_store *st;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cb_cmd_caseload(cli, argc, argv);
	if (argc > 1) {
		cb_cli_error(cli, "usage: casebook [--db FILE]");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_cli_open_store(cli, 0)) == NULL)
		return CB_EXIT_ERROR;
	if (cb_cli_load_forms(cli, &forms)) {
		rc = CB_EXIT_ERROR;
		goto out;
	}
	cb_ui_context ctx = {.store = st, .forms = &forms};
	rc = cb_ui_run(&ctx) ? CB_EXIT_ERROR : CB_EXIT_OK;
out:
	cb_forms_free(&forms);
	cb_store_close(st);
	return rc;
}
