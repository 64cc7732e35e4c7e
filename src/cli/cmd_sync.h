/* cmd_sync.h: the `casebook sync` subcommands, shared between their two files. */
#ifndef CASEBOOK_CLI_CMD_SYNC_H
#define CASEBOOK_CLI_CMD_SYNC_H

#include "cli/cli.h"

/* Each takes the subcommand's own arguments (argv[0] is its name) and returns an exit status. */
int cb_sync_cmd_status(cb_cli *cli, int argc, char **argv);
int cb_sync_cmd_conflicts(cb_cli *cli, int argc, char **argv);
int cb_sync_cmd_resolve(cb_cli *cli, int argc, char **argv);

/* Opens the database for a sync command (writable), the actor being the app's user if no --as. */
cb_store *cb_sync_cmd_open(const cb_cli *cli);

#endif
