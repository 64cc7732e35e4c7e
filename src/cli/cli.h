/* cli.h: the command-line front end: global options and the subcommands. */
#ifndef CASEBOOK_CLI_CLI_H
#define CASEBOOK_CLI_CLI_H

#include <stdio.h>

#include "forms/forms.h"
#include "store/store.h"

/* Exit statuses, as casebook(1) documents them. */
enum { CB_EXIT_OK = 0, CB_EXIT_ERROR = 1, CB_EXIT_USAGE = 2 };

/* What the global options resolved to; shared by every subcommand. */
typedef struct cb_cli {
	const char *db_path;   /* --db, CASEBOOK_DB, or NULL for the default */
	const char *forms_dir; /* --forms, CASEBOOK_FORMS, or the installed folder */
	const char *actor;     /* --as, CASEBOOK_USER, or NULL (the OS user) */
	FILE *out;             /* normal output (stdout) */
	FILE *err;             /* messages (stderr) */
	double started;        /* when casebook started (monotonic seconds), for timings */
} cb_cli;

/* Runs casebook with the process's arguments; returns the exit status. */
int cb_cli_main(int argc, char **argv);

/*
 * Opens the database the options name (flags as for cb_store_open) and sets
 * its audit actor. Prints the error and returns NULL on failure.
 * The caller closes the store.
 */
cb_store *cb_cli_open_store(const cb_cli *cli, unsigned flags);

/*
 * Loads the instruments from the forms folder. Prints every problem and
 * returns CB_INVALID if any file is bad. The caller frees the set either way.
 */
enum cb_status cb_cli_load_forms(const cb_cli *cli, cb_form_set *set);

/* Prints "casebook: <msg>" to cli->err. */
void cb_cli_error(const cb_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Subcommands: argv[0] is the subcommand's name; each returns an exit status. */
int cb_cmd_check(cb_cli *cli, int argc, char **argv);
int cb_cmd_forms(cb_cli *cli, int argc, char **argv);
int cb_cmd_import(cb_cli *cli, int argc, char **argv);
int cb_cmd_export(cb_cli *cli, int argc, char **argv);
int cb_cmd_show(cb_cli *cli, int argc, char **argv);
int cb_cmd_caseload(cb_cli *cli, int argc, char **argv);
int cb_cmd_app(cb_cli *cli, int argc, char **argv);
int cb_cmd_report(cb_cli *cli, int argc, char **argv);
int cb_cmd_gen(cb_cli *cli, int argc, char **argv);
int cb_cmd_backup(cb_cli *cli, int argc, char **argv);
int cb_cmd_restore(cb_cli *cli, int argc, char **argv);
int cb_cmd_sync(cb_cli *cli, int argc, char **argv);

#endif
