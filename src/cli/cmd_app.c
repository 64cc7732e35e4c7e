/* cmd_app.c: `casebook` with no command: the terminal app (first run included), or the
 * caseload as text when input or output is not a terminal (pipes, scripts). */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/import.h"
#include "core/mem.h"
#include "ui/keys.h"
#include "ui/ui.h"

/* The shipped sample caseload: installed, or in the source tree when run from a build. */
static const char *sample_file(void)
{
	static const char *const places[] = {CASEBOOK_SAMPLE_FILE, CASEBOOK_SOURCE_SAMPLE_FILE};

	for (size_t i = 0; i < 2; i++)
		if (access(places[i], R_OK) == 0)
			return places[i];
	return NULL;
}

/* A database nobody has set up: no practitioners and no families yet. */
static bool is_empty(cb_store *st)
{
	sqlite3_stmt *q = NULL;
	bool empty = false;

	if (sqlite3_prepare_v2(cb_store_db(st),
			       "SELECT NOT EXISTS (SELECT 1 FROM practitioners)"
			       " AND NOT EXISTS (SELECT 1 FROM families)",
			       -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		empty = sqlite3_column_int(q, 0) != 0;
	sqlite3_finalize(q);
	return empty;
}

static const cb_form_set *borrow_forms(void *ctx)
{
	return ctx;
}

/* Imports the sample into a fresh database at path (next to the user's own). */
static int build_sample(const cb_cli *cli, const char *path, const cb_form_set *forms)
{
	cb_import_opts opts = {.forms = borrow_forms, .forms_ctx = (void *)forms,
			       .forms_dir = cli->forms_dir};
	cb_import_result res;
	cb_diag problems = {0};
	cb_err err = {0};
	cb_cli sample_cli = *cli;
	const char *src = sample_file();
	cb_store *st;
	int rc = CB_EXIT_ERROR;

	if (src == NULL) {
		cb_cli_error(cli, "the sample casebook is not installed (sample-db/caseload.yaml)");
		return CB_EXIT_ERROR;
	}
	sample_cli.db_path = path;
	if ((st = cb_cli_open_store(&sample_cli, CB_STORE_CREATE)) == NULL)
		return CB_EXIT_ERROR;
	if (cb_import_file(st, src, &opts, &res, &problems, &err) == CB_OK)
		rc = CB_EXIT_OK;
	else
		cb_cli_error(cli, "could not build the sample casebook: %s",
			     problems.count ? problems.lines[0] : err.msg);
	cb_diag_free(&problems);
	cb_store_close(st);
	return rc;
}

/* Runs the app on one database; *result says whether the user asked for the sample. */
static int run_on(const cb_cli *cli, const cb_form_set *forms, const cb_ui_script *script,
		  enum cb_ui_result *result)
{
	cb_store *st = cb_cli_open_store(cli, script ? 0 : CB_STORE_CREATE);
	cb_ui_context ctx = {.forms = forms, .script = script};

	if (st == NULL)
		return CB_EXIT_ERROR;
	ctx.store = st;
	ctx.practitioner_id = cb_store_meta_get(st, "practitioner_id");
	ctx.first_run = is_empty(st);
	if (ctx.practitioner_id && cli->actor == NULL)
		cb_store_set_actor(st, ctx.practitioner_id);
	*result = cb_ui_run(&ctx);
	free(ctx.practitioner_id);
	cb_store_close(st);
	return *result == CB_UI_FAILED ? CB_EXIT_ERROR : CB_EXIT_OK;
}

static int open_sample(cb_cli *cli, const cb_form_set *forms)
{
	char *path = NULL, *dir;
	cb_err err = {0};
	enum cb_ui_result result;
	int rc;

	if (cb_store_default_path(&path, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		return CB_EXIT_ERROR;
	}
	dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	free(path);
	path = xasprintf("%s/sample.casebook", dir);
	rc = access(path, F_OK) == 0 ? CB_EXIT_OK : build_sample(cli, path, forms);
	if (rc == CB_EXIT_OK) {
		cli->db_path = path;
		rc = run_on(cli, forms, NULL, &result);
	}
	free(dir);
	free(path);
	return rc;
}

/* Turns "j j Enter n Tab" into key codes (names as in the key table). */
static int parse_keys(const cb_cli *cli, const char *text, int **keys, size_t *n)
{
	const char *p = text;

	*keys = xcalloc(strlen(text) + 1, sizeof **keys);
	*n = 0;
	while (*p) {
		size_t len = strcspn(p, " ");
		int code = len ? cb_key_from_name(p, len) : -2;
		if (code == -1) {
			cb_cli_error(cli, "--keys: unknown key '%.*s' (use names such as Enter, Tab, "
					  "Esc, Up, PgDn, F2, ^Q, Space, or single characters)",
				     (int)len, p);
			return -1;
		}
		if (code >= 0)
			(*keys)[(*n)++] = code;
		p += len;
		p += strspn(p, " ");
	}
	return 0;
}

static int usage(const cb_cli *cli)
{
	cb_cli_error(cli, "usage: casebook [app [--keys KEYS] [--dump-screen FILE] [--timings]]");
	return CB_EXIT_USAGE;
}

/* Options for a headless run; returns -1 after a usage error, 1 if headless, 0 if not. */
static int parse_script(const cb_cli *cli, int argc, char **argv, cb_ui_script *script,
			int **keys)
{
	static const struct option opts[] = {
		{"keys", required_argument, NULL, 'k'}, {"dump-screen", required_argument, NULL, 'd'},
		{"timings", no_argument, NULL, 't'},    {NULL, 0, NULL, 0}};
	const char *key_text = "";
	int c, headless = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'k')
			key_text = optarg;
		else if (c == 'd')
			script->dump_path = optarg;
		else if (c == 't')
			script->timings = true;
		else
			return -1;
		headless = 1;
	}
	if (optind < argc || parse_keys(cli, key_text, keys, &script->n_keys))
		return -1;
	script->keys = *keys;
	script->started = cli->started;
	return headless;
}

int cb_cmd_app(cb_cli *cli, int argc, char **argv)
{
	cb_form_set forms = {0};
	cb_ui_script script = {0};
	enum cb_ui_result result = CB_UI_DONE;
	int *keys = NULL, headless = parse_script(cli, argc, argv, &script, &keys), rc;

	if (headless < 0) {
		free(keys);
		return usage(cli);
	}
	if (!headless && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		free(keys);
		return cb_cmd_caseload(cli, 1, argv);
	}
	if (cb_cli_load_forms(cli, &forms)) {
		rc = CB_EXIT_ERROR;
		goto out;
	}
	rc = run_on(cli, &forms, headless ? &script : NULL, &result);
	if (rc == CB_EXIT_OK && result == CB_UI_OPEN_SAMPLE)
		rc = open_sample(cli, &forms);
out:
	cb_forms_free(&forms);
	free(keys);
	return rc;
}
