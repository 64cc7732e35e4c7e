/* cmd_sync.c: `casebook sync`: hub set-up, enrolment, export and import of bundles, revocation. */
#include "cli/cmd_sync.h"

#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"
#include "sync/sync.h"

static const char usage_text[] =
	"usage: casebook sync init-hub [--team ID]\n"
	"       casebook sync enrol --practitioner ID [--label TEXT] --to FILE   (on the hub)\n"
	"       casebook sync enrol --from FILE           (on a new laptop; reads the code)\n"
	"       casebook sync export --to FILE            (on a laptop)\n"
	"       casebook sync export --for DEVICE --to FILE | --all --to DIR   (on the hub)\n"
	"       casebook sync import FILE...\n"
	"       casebook sync status\n"
	"       casebook sync conflicts [--all]\n"
	"       casebook sync resolve ID --keep mine|theirs | --theirs FIELD[,FIELD...]\n"
	"       casebook sync revoke DEVICE               (on the hub: a lost laptop)\n"
	"See casebook-sync(7).";

static int usage(const cb_cli *cli)
{
	fprintf(cli->err, "%s\n", usage_text);
	return CB_EXIT_USAGE;
}

cb_store *cb_sync_cmd_open(const cb_cli *cli)
{
	cb_store *st = cb_cli_open_store(cli, 0);
	char *me;

	if (st && cli->actor == NULL && (me = cb_store_meta_get(st, "practitioner_id")) != NULL) {
		if (*me)
			cb_store_set_actor(st, me);
		free(me);
	}
	return st;
}

/* The options the sync subcommands take; each checks it got only its own. */
typedef struct sync_opts {
	const char *team, *practitioner, *label, *to, *from, *for_device;
	int all;
} sync_opts;

/* Returns -1 on a usage error (reported by getopt or here), else 0. */
static int parse(const cb_cli *cli, int argc, char **argv, sync_opts *o)
{
	static const struct option opts[] = {
		{"team", required_argument, NULL, 't'},	 {"practitioner", required_argument, NULL, 'p'},
		{"label", required_argument, NULL, 'l'}, {"to", required_argument, NULL, 'o'},
		{"from", required_argument, NULL, 'f'},	 {"for", required_argument, NULL, 'd'},
		{"all", no_argument, NULL, 'a'},	 {NULL, 0, NULL, 0},
	};
	int c;

	memset(o, 0, sizeof *o);
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 't': o->team = optarg; break;
		case 'p': o->practitioner = optarg; break;
		case 'l': o->label = optarg; break;
		case 'o': o->to = optarg; break;
		case 'f': o->from = optarg; break;
		case 'd': o->for_device = optarg; break;
		case 'a': o->all = 1; break;
		default: return -1;
		}
	}
	if (optind < argc) {
		cb_cli_error(cli, "unexpected argument '%s'", argv[optind]);
		return -1;
	}
	return 0;
}

static int fail(const cb_cli *cli, cb_store *st, const cb_err *err)
{
	cb_cli_error(cli, "%s", err->msg);
	cb_store_close(st);
	return CB_EXIT_ERROR;
}

static void print_notes(const cb_cli *cli, const cb_sync_report *r)
{
	for (size_t i = 0; i < r->notes.count; i++)
		fprintf(cli->out, "  %s\n", r->notes.lines[i]);
}

/* ---- init-hub ---- */

static int init_hub(cb_cli *cli, int argc, char **argv)
{
	sync_opts o;
	cb_store *st;
	cb_err err = {0};
	char *hub = NULL;

	if (parse(cli, argc, argv, &o) || o.practitioner || o.to || o.from || o.for_device || o.all)
		return usage(cli);
	if ((st = cb_sync_cmd_open(cli)) == NULL)
		return CB_EXIT_ERROR;
	if (cb_sync_init_hub(st, o.team, &hub, &err))
		return fail(cli, st, &err);
	fprintf(cli->out, "this casebook is now its team's sync hub (hub %s).\n"
			  "Enrol each laptop with: casebook sync enrol --practitioner ID --to FILE\n",
		hub);
	free(hub);
	cb_store_close(st);
	return CB_EXIT_OK;
}

/* ---- enrol ---- */

static int enrol_on_hub(cb_cli *cli, const sync_opts *o)
{
	cb_sync_enrolment e;
	cb_store *st;
	cb_err err = {0};

	if (o->to == NULL) {
		cb_cli_error(cli, "name the laptop's first bundle with --to FILE");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_sync_cmd_open(cli)) == NULL)
		return CB_EXIT_ERROR;
	if (cb_sync_enrol(st, o->practitioner, o->label, o->to, &e, &err))
		return fail(cli, st, &err);
	fprintf(cli->out,
		"enrolled %s (device %.8s) for practitioner %s; wrote %s (%zu records).\n"
		"Enrolment code, shown once and kept nowhere: %s\n"
		"Copy %s to the laptop and run there, typing the code when asked:\n"
		"  casebook sync enrol --from %s\n",
		e.report.peer, e.device_id, o->practitioner, o->to, e.report.records, e.code, o->to,
		o->to);
	sodium_memzero(e.code, sizeof e.code);
	cb_sync_report_free(&e.report);
	cb_store_close(st);
	return CB_EXIT_OK;
}

/* The code from the terminal (asking for it) or the first line of standard input. */
static char *read_code(const cb_cli *cli)
{
	char line[128];

	if (isatty(STDIN_FILENO))
		fputs("Enrolment code (shown on the hub): ", cli->err);
	if (fgets(line, sizeof line, stdin) == NULL)
		return NULL;
	line[strcspn(line, "\r\n")] = '\0';
	return xstrdup(line);
}

static int enrol_on_laptop(cb_cli *cli, const sync_opts *o)
{
	cb_sync_report r;
	cb_store *st;
	cb_err err = {0};
	char *code = read_code(cli), *who;

	if (code == NULL) {
		cb_cli_error(cli, "no enrolment code was given; type the code shown on the hub");
		return CB_EXIT_ERROR;
	}
	if ((st = cb_cli_open_store(cli, CB_STORE_CREATE)) == NULL) {
		free(code);
		return CB_EXIT_ERROR;
	}
	if (cb_sync_join(st, o->from, code, &r, &err)) {
		free(code);
		return fail(cli, st, &err);
	}
	who = cb_store_meta_get(st, "practitioner_id");
	fprintf(cli->out, "this laptop is enrolled with the hub as device %.8s, for practitioner %s; "
			  "imported %zu records.\n", cb_store_device(st), who ? who : "?",
		r.records);
	print_notes(cli, &r);
	free(who);
	free(code);
	cb_sync_report_free(&r);
	cb_store_close(st);
	return CB_EXIT_OK;
}

static int enrol(cb_cli *cli, int argc, char **argv)
{
	sync_opts o;

	if (parse(cli, argc, argv, &o) || o.team || o.for_device || o.all)
		return usage(cli);
	if (o.from && !o.practitioner && !o.to && !o.label)
		return enrol_on_laptop(cli, &o);
	if (o.practitioner && !o.from)
		return enrol_on_hub(cli, &o);
	cb_cli_error(cli, "on the hub: sync enrol --practitioner ID --to FILE; on the new laptop: "
			  "sync enrol --from FILE");
	return CB_EXIT_USAGE;
}

/* ---- export ---- */

static void print_export(const cb_cli *cli, const char *path, const cb_sync_report *r)
{
	fprintf(cli->out, "wrote %s: bundle %llu for %s, %zu record%s", path,
		(unsigned long long)r->bundle, r->peer, r->records, r->records == 1 ? "" : "s");
	if (r->seq_to >= r->seq_from)
		fprintf(cli->out, " (changes %llu to %llu)", (unsigned long long)r->seq_from,
			(unsigned long long)r->seq_to);
	if (r->dropped)
		fprintf(cli->out, "; %zu case%s to let go", r->dropped, r->dropped == 1 ? "" : "s");
	fputs("\n", cli->out);
}

static int export_one(const cb_cli *cli, cb_store *st, const char *device, const char *path)
{
	cb_sync_report r;
	cb_err err = {0};

	if (cb_sync_export(st, device, path, &r, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		return CB_EXIT_ERROR;
	}
	print_export(cli, path, &r);
	cb_sync_report_free(&r);
	return CB_EXIT_OK;
}

/* Hub: one bundle per enrolled laptop into dir. */
static int export_all(const cb_cli *cli, cb_store *st, const char *dir)
{
	cb_sync_report *reports = NULL;
	size_t n = 0;
	cb_err err = {0};
	enum cb_status rc = cb_sync_export_all(st, dir, &reports, &n, &err);

	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/to-%.8s-%llu.cbsync", dir, reports[i].peer_id,
				       (unsigned long long)reports[i].bundle);
		print_export(cli, path, &reports[i]);
		cb_sync_report_free(&reports[i]);
		free(path);
	}
	free(reports);
	if (rc)
		cb_cli_error(cli, "%s", err.msg);
	else if (n == 0)
		fputs("no laptops are enrolled: nothing was written\n", cli->out);
	return rc ? CB_EXIT_ERROR : CB_EXIT_OK;
}

static int export(cb_cli *cli, int argc, char **argv)
{
	sync_opts o;
	cb_store *st;
	int rc;

	if (parse(cli, argc, argv, &o) || o.team || o.practitioner || o.label || o.from)
		return usage(cli);
	if (o.to == NULL || (o.all && o.for_device)) {
		cb_cli_error(cli, "usage: sync export --to FILE [--for DEVICE], or --all --to DIR");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_sync_cmd_open(cli)) == NULL)
		return CB_EXIT_ERROR;
	rc = o.all ? export_all(cli, st, o.to) : export_one(cli, st, o.for_device, o.to);
	cb_store_close(st);
	return rc;
}

/* ---- import ---- */

static void print_import(const cb_cli *cli, const char *path, const cb_sync_report *r)
{
	if (r->replay) {
		fprintf(cli->out, "%s: nothing to do (already imported)\n", path);
		print_notes(cli, r);
		return;
	}
	fprintf(cli->out, "imported %s: bundle %llu from %s, %zu record%s, %zu changed here", path,
		(unsigned long long)r->bundle, r->peer, r->records, r->records == 1 ? "" : "s",
		r->applied);
	if (r->conflicts)
		fprintf(cli->out, ", %zu new conflict%s (casebook sync conflicts)", r->conflicts,
			r->conflicts == 1 ? "" : "s");
	if (r->evicted)
		fprintf(cli->out, ", %zu case%s left this laptop", r->evicted,
			r->evicted == 1 ? "" : "s");
	fputs("\n", cli->out);
	print_notes(cli, r);
}

static int import(cb_cli *cli, int argc, char **argv)
{
	cb_store *st;
	int rc = CB_EXIT_OK;

	if (argc < 2) {
		cb_cli_error(cli, "usage: casebook sync import FILE... (bundles, in any order)");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_sync_cmd_open(cli)) == NULL)
		return CB_EXIT_ERROR;
	for (int i = 1; i < argc; i++) {
		cb_sync_report r;
		cb_err err = {0};
		if (cb_sync_import(st, argv[i], &r, &err)) {
			cb_cli_error(cli, "%s", err.msg);
			rc = CB_EXIT_ERROR;
		} else {
			print_import(cli, argv[i], &r);
		}
		cb_sync_report_free(&r);
	}
	cb_store_close(st);
	return rc;
}

/* ---- revoke ---- */

static int revoke_device(cb_cli *cli, int argc, char **argv)
{
	cb_store *st;
	cb_err err = {0};

	if (argc != 2)
		return usage(cli);
	if ((st = cb_sync_cmd_open(cli)) == NULL)
		return CB_EXIT_ERROR;
	if (cb_sync_revoke(st, argv[1], &err))
		return fail(cli, st, &err);
	fprintf(cli->out, "%s is revoked: its bundles are refused and nothing is sent to it. Its "
			  "changes not yet imported here are lost with it.\n", argv[1]);
	cb_store_close(st);
	return CB_EXIT_OK;
}

int cb_cmd_sync(cb_cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(cb_cli *, int, char **);
	} subs[] = {
		{"init-hub", init_hub}, {"enrol", enrol},	{"enroll", enrol},
		{"export", export},	{"import", import},	{"status", cb_sync_cmd_status},
		{"conflicts", cb_sync_cmd_conflicts},		{"resolve", cb_sync_cmd_resolve},
		{"revoke", revoke_device},
	};

	if (argc < 2)
		return usage(cli);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
		fprintf(cli->out, "%s\n", usage_text);
		return CB_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(subs[i].name, argv[1]) == 0)
			return subs[i].run(cli, argc - 1, argv + 1);
	cb_cli_error(cli, "unknown sync command '%s'", argv[1]);
	return usage(cli);
}
