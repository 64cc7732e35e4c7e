/* pending.c: TEMPORARY link placeholders while the foundation is assembled; each
 * helper deletes its own functions from here. Must be gone before issue 2 closes. */
#include "cli/cli.h"

int cb_cmd_caseload(cb_cli *cli, int argc, char **argv) { cb_cli_error(cli, "pending"); return 1; }
