/* cmd_sync_show.c: `casebook sync status`, `sync conflicts` and `sync resolve`. */
#include "cli/cmd_sync.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "sync/sync.h"

#define HISTORY_SHOWN 8

static void print_identity(const cb_cli *cli, cb_store *st, const cb_sync_identity *me)
{
	fprintf(cli->out, "this casebook: %s, device %.8s, team %s (hub %.8s)\n",
		cb_sync_role_name(me->role), cb_store_device(st), me->team_id ? me->team_id : "?",
		me->hub_id ? me->hub_id : "?");
	if (me->role == CB_SYNC_LAPTOP)
		fprintf(cli->out, "practitioner: %s\nchanges not yet on the hub: %lld\n",
			me->practitioner_id ? me->practitioner_id : "?", cb_sync_pending(st));
	fprintf(cli->out, "open conflicts: %lld%s\n", cb_sync_open_conflicts(st),
		cb_sync_open_conflicts(st) > 0 ? " (casebook sync conflicts)" : "");
}

static void print_peer(const cb_cli *cli, const cb_sync_peer *p)
{
	fprintf(cli->out, "  %-6s %.8s  %s%s%s%s\n", p->role, p->id, p->label,
		p->practitioner_id ? " (" : "", p->practitioner_id ? p->practitioner_id : "",
		p->practitioner_id ? ")" : "");
	fprintf(cli->out, "         last export to it: %.16s   last import from it: %.16s\n",
		p->last_export_at ? p->last_export_at : "never",
		p->last_import_at ? p->last_import_at : "never");
	fprintf(cli->out, "         bundles written %lld, imported %lld; it has our changes up to "
			  "%lld, we have its up to %lld%s\n",
		(long long)p->sent_bundle, (long long)p->got_bundle, (long long)p->acked_seq,
		(long long)p->got_seq, p->revoked_at ? "; REVOKED" : "");
}

static void print_history(const cb_cli *cli, cb_store *st)
{
	cb_sync_event *ev = NULL;
	size_t n = 0;
	cb_err err = {0};

	if (cb_sync_history_list(st, HISTORY_SHOWN, &ev, &n, &err) || n == 0) {
		cb_sync_history_free(ev, n);
		return;
	}
	fputs("recent exchanges:\n", cli->out);
	for (size_t i = 0; i < n; i++)
		fprintf(cli->out, "  %.16s %-6s %-8s bundle %lld, %lld records, %lld changed, "
				  "%lld conflicts, %lld cases let go\n",
			ev[i].at, ev[i].direction, ev[i].device_label, (long long)ev[i].bundle,
			(long long)ev[i].records, (long long)ev[i].applied,
			(long long)ev[i].conflicts, (long long)ev[i].evicted);
	cb_sync_history_free(ev, n);
}

int cb_sync_cmd_status(cb_cli *cli, int argc, char **argv)
{
	cb_sync_identity me;
	cb_sync_peer *peers = NULL;
	size_t n = 0;
	cb_store *st;
	cb_err err = {0};

	if (argc != 1) {
		cb_cli_error(cli, "usage: casebook sync status");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_cli_open_store(cli, 0)) == NULL)
		return CB_EXIT_ERROR;
	cb_sync_identity_load(st, &me);
	if (me.role == CB_SYNC_NONE) {
		fputs("this casebook is not in a sync team (casebook sync init-hub on the hub, "
		      "casebook sync enrol --from FILE on a new laptop)\n", cli->out);
	} else {
		print_identity(cli, st, &me);
		if (cb_sync_peers_list(st, &peers, &n, &err) == CB_OK && n > 0)
			fputs("devices:\n", cli->out);
		for (size_t i = 0; i < n; i++)
			print_peer(cli, &peers[i]);
		print_history(cli, st);
	}
	cb_sync_peers_free(peers, n);
	cb_sync_identity_free(&me);
	cb_store_close(st);
	return CB_EXIT_OK;
}

/* ---- conflicts ---- */

static const char *kind_name(const char *kind)
{
	return strcmp(kind, "same_field") == 0 ? "same field" : "parallel";
}

static void print_fields(const cb_cli *cli, cb_store *st, const cb_conflict *c)
{
	cb_conflict_field *f = NULL;
	size_t n = 0;
	cb_err err = {0};

	if (cb_conflict_fields(st, c, &f, &n, &err)) {
		fprintf(cli->out, "    %s\n", err.msg);
		return;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(cli->out, "    %-18s mine: %s\n    %-18s theirs: %s\n", f[i].name,
			f[i].mine ? f[i].mine : "(empty)", "", f[i].theirs ? f[i].theirs : "(empty)");
	cb_conflict_fields_free(f, n);
}

static void print_conflict(const cb_cli *cli, cb_store *st, const cb_conflict *c)
{
	fprintf(cli->out, "%.8s  %-10s  %s  [%s %s]\n", c->id, kind_name(c->kind), c->label,
		c->tbl, c->row_key);
	if (strcmp(c->status, "open") != 0)
		fprintf(cli->out, "    resolved (%s) by %s on %.16s\n", c->resolution,
			c->resolved_by ? c->resolved_by : "?", c->resolved_at ? c->resolved_at : "?");
	else
		print_fields(cli, st, c);
	fprintf(cli->out, "    last writer: %s; set aside: %s\n", c->winner_at, c->loser_at);
}

int cb_sync_cmd_conflicts(cb_cli *cli, int argc, char **argv)
{
	bool all = argc == 2 && strcmp(argv[1], "--all") == 0;
	cb_conflict *list = NULL;
	size_t n = 0;
	cb_store *st;
	cb_err err = {0};
	int rc = CB_EXIT_OK;

	if (argc > 2 || (argc == 2 && !all)) {
		cb_cli_error(cli, "usage: casebook sync conflicts [--all]");
		return CB_EXIT_USAGE;
	}
	if ((st = cb_cli_open_store(cli, 0)) == NULL)
		return CB_EXIT_ERROR;
	if (cb_conflicts_list(st, !all, &list, &n, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		rc = CB_EXIT_ERROR;
	} else if (n == 0) {
		fprintf(cli->out, "no %sconflicts\n", all ? "" : "open ");
	}
	for (size_t i = 0; i < n; i++)
		print_conflict(cli, st, &list[i]);
	if (n > 0 && !all)
		fputs("resolve one with: casebook sync resolve ID --keep mine|theirs, or "
		      "--theirs FIELD,... to take those fields from the set-aside version\n",
		      cli->out);
	cb_conflicts_free(list, n);
	cb_store_close(st);
	return rc;
}

/* ---- resolve ---- */

typedef struct resolve_args {
	const char *id;
	enum cb_conflict_keep keep;
	char **theirs;
	size_t n;
	int keeps; /* --keep options given */
} resolve_args;

static void add_fields(resolve_args *a, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	for (char *f = strtok_r(copy, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
		a->theirs = xreallocarray(a->theirs, a->n + 1, sizeof *a->theirs);
		a->theirs[a->n++] = xstrdup(f);
	}
	free(copy);
}

/* Exactly one --keep, or one or more --theirs lists; then the conflict id. */
static int parse_resolve(int argc, char **argv, resolve_args *a)
{
	static const struct option opts[] = {
		{"keep", required_argument, NULL, 'k'},
		{"theirs", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'k' && strcmp(optarg, "mine") == 0)
			a->keep = CB_KEEP_MINE;
		else if (c == 'k' && strcmp(optarg, "theirs") == 0)
			a->keep = CB_KEEP_THEIRS;
		else if (c == 't')
			add_fields(a, optarg);
		else
			return -1;
		a->keeps += c == 'k';
	}
	if (a->n > 0)
		a->keep = CB_KEEP_MERGE;
	if (optind + 1 != argc || a->keeps + (a->n > 0) != 1 || a->keeps > 1)
		return -1;
	a->id = argv[optind];
	return 0;
}

int cb_sync_cmd_resolve(cb_cli *cli, int argc, char **argv)
{
	resolve_args a = {0};
	cb_store *st = NULL;
	cb_err err = {0};
	int rc = CB_EXIT_OK;

	if (parse_resolve(argc, argv, &a)) {
		cb_cli_error(cli, "usage: casebook sync resolve ID --keep mine|theirs, or "
				  "--theirs FIELD[,FIELD...] (mine: the record as it is now; theirs: "
				  "the version set aside)");
		rc = CB_EXIT_USAGE;
	} else if ((st = cb_sync_cmd_open(cli)) == NULL) {
		rc = CB_EXIT_ERROR;
	} else if (cb_conflict_resolve(st, a.id, a.keep, (const char *const *)a.theirs, a.n, &err)) {
		cb_cli_error(cli, "%s", err.msg);
		rc = CB_EXIT_ERROR;
	} else {
		fprintf(cli->out, "conflict %s resolved: %s\n", a.id,
			a.keep == CB_KEEP_MINE ? "the record stays as it is"
			: a.keep == CB_KEEP_THEIRS ? "the set-aside version's values are back"
						   : "merged field by field");
	}
	for (size_t i = 0; i < a.n; i++)
		free(a.theirs[i]);
	free(a.theirs);
	cb_store_close(st);
	return rc;
}
