/* cmd_gen.c: `casebook gen`: a synthetic authority-scale casebook for benchmarks and demos. */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/gen.h"
#include "core/clock.h"
#include "core/mem.h"

static const char usage_text[] =
	"usage: casebook gen --families N [--seed S] [--scale-notes F] [--until YYYY-MM-DD]";

static int number(const cb_cli *cli, const char *opt, const char *s, double lo, double hi,
		  double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	if (errno == 0 && end != s && *end == '\0' && *out >= lo && *out <= hi)
		return 0;
	cb_cli_error(cli, "%s %s: give a number from %g to %g", opt, s, lo, hi);
	return -1;
}

static int parse_seed(const cb_cli *cli, const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 10);
	if (errno == 0 && end != s && *end == '\0' && s[0] != '-')
		return 0;
	cb_cli_error(cli, "--seed %s: give a whole number such as 42", s);
	return -1;
}

static int parse_until(const cb_cli *cli, const char *s, cb_date *out)
{
	if (cb_date_parse(s, out))
		return 0;
	cb_cli_error(cli, "--until %s: give a date as YYYY-MM-DD", s);
	return -1;
}

/* Returns -1 on a usage error (already reported), 1 for --help, else 0. */
static int parse_args(const cb_cli *cli, int argc, char **argv, cb_gen_opts *o)
{
	static const struct option opts[] = {
		{"families", required_argument, NULL, 'n'}, {"seed", required_argument, NULL, 's'},
		{"scale-notes", required_argument, NULL, 'k'}, {"until", required_argument, NULL, 'u'},
		{"help", no_argument, NULL, 'h'},               {NULL, 0, NULL, 0},
	};
	double families = 0;
	int c, bad = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "n:s:k:u:h", opts, NULL)) != -1 && !bad) {
		switch (c) {
		case 'n': bad = number(cli, "--families", optarg, 1, 1000000, &families); break;
		case 's': bad = parse_seed(cli, optarg, &o->seed); break;
		case 'k': bad = number(cli, "--scale-notes", optarg, 0, 20, &o->note_scale); break;
		case 'u': bad = parse_until(cli, optarg, &o->until); break;
		case 'h': fprintf(cli->out, "%s\n", usage_text); return 1;
		default: return -1;
		}
	}
	o->families = (long)families;
	if (bad)
		return -1;
	if (optind < argc)
		cb_cli_error(cli, "unexpected argument '%s'", argv[optind]);
	else if (o->families < 1)
		cb_cli_error(cli, "say how many families to make with --families N (5000 makes an "
				  "authority: about 12,000 cases and 1,000,000 notes)");
	else
		return 0;
	return -1;
}

static long long file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

static void summary(const cb_cli *cli, cb_store *st, const cb_gen_counts *n, double secs)
{
	sqlite3_exec(cb_store_db(st), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	fprintf(cli->out,
		"made %ld teams, %ld practitioners, %ld families, %ld people, %ld cases, "
		"%ld referrals, %ld plans, %ld notes, %ld amendments, %ld assessments, %ld goals, "
		"%ld goal reviews in %.1f s; %s is %.1f MB\n",
		n->teams, n->practitioners, n->families, n->people, n->cases, n->referrals, n->plans,
		n->notes, n->amendments, n->assessments, n->goals, n->reviews, secs,
		cb_store_path(st), (double)file_size(cb_store_path(st)) / 1e6);
}

int cb_cmd_gen(cb_cli *cli, int argc, char **argv)
{
	char today[11];
	cb_gen_opts o = {.seed = 1, .note_scale = 1, .progress = cli->err};
	cb_form_set forms = {0};
	cb_gen_counts counts;
	cb_err err = {0};
	cb_store *st = NULL;
	struct timespec t0, t1;
	enum cb_status rc = CB_ERROR;
	int parsed;

	cb_clock_today(today);
	cb_date_parse(today, &o.until);
	if ((parsed = parse_args(cli, argc, argv, &o)) != 0) {
		if (parsed < 0)
			fprintf(cli->err, "%s\n", usage_text);
		return parsed < 0 ? CB_EXIT_USAGE : CB_EXIT_OK;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (cb_cli_load_forms(cli, &forms) || (st = cb_cli_open_store(cli, CB_STORE_CREATE)) == NULL)
		goto out;
	if ((rc = cb_gen_run(st, &forms, &o, &counts, &err))) {
		cb_cli_error(cli, "%s", err.msg);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	summary(cli, st, &counts,
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
out:
	cb_store_close(st);
	cb_forms_free(&forms);
	return rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}
