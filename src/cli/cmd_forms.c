/* cmd_forms.c: `casebook forms check|list|show`: lint and describe the instrument files. */
#include "cli/cli.h"

#include <string.h>
#include <sys/stat.h>

static const char usage_text[] =
	"usage: casebook forms check [DIR | FILE]   lint instrument files (default: --forms)\n"
	"       casebook forms list                 ids, versions and titles\n"
	"       casebook forms show ID              sections, items and scales of one form\n";

static int usage_error(const cb_cli *cli)
{
	fputs(usage_text, cli->err);
	return CB_EXIT_USAGE;
}

/* "forms/x.yaml: x v1 "Title": 12 items in 3 sections, 4 scales" */
static void print_summary(const cb_cli *cli, const cb_instrument *ins)
{
	fprintf(cli->out, "%s: %s v%d \"%s\": %zu item%s in %zu section%s, %zu scale%s\n",
		ins->path, ins->id, ins->version, ins->title, ins->n_items,
		ins->n_items == 1 ? "" : "s", ins->n_sections,
		ins->n_sections == 1 ? "" : "s", ins->n_scales, ins->n_scales == 1 ? "" : "s");
}

static void print_diag(const cb_cli *cli, const cb_diag *diag)
{
	for (size_t i = 0; i < diag->count; i++)
		fprintf(cli->err, "%s\n", diag->lines[i]);
}

static bool is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Lints one file or every *.yaml file of a folder; returns the exit status. */
static int forms_check(const cb_cli *cli, const char *target)
{
	cb_form_set set = {0};
	cb_diag diag = {0};
	cb_instrument *one = NULL;
	enum cb_status rc;
	int status = CB_EXIT_OK;
	bool dir = is_dir(target);

	if (dir) {
		rc = cb_forms_load_dir(target, &set, &diag);
	} else if ((rc = cb_form_load(target, &one, &diag)) == CB_OK) {
		set.forms = &one;
		set.count = 1;
	}
	print_diag(cli, &diag);
	for (size_t i = 0; i < set.count; i++)
		print_summary(cli, set.forms[i]);
	if (rc != CB_OK) {
		cb_cli_error(cli, "%s: %zu problem%s (listed above); casebook-forms(5) describes the "
				  "format",
			     target, diag.count, diag.count == 1 ? "" : "s");
		status = CB_EXIT_ERROR;
	} else if (set.count == 0) {
		cb_cli_error(cli, "%s: no instrument files (*.yaml) found", target);
		status = CB_EXIT_ERROR;
	}
	if (dir)
		cb_forms_free(&set);
	cb_instrument_free(one);
	cb_diag_free(&diag);
	return status;
}

static int forms_list(const cb_cli *cli)
{
	cb_form_set set = {0};
	enum cb_status rc = cb_cli_load_forms(cli, &set);

	for (size_t i = 0; i < set.count; i++)
		fprintf(cli->out, "%-24s v%-3d %s\n", set.forms[i]->id, set.forms[i]->version,
			set.forms[i]->title);
	cb_forms_free(&set);
	return rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;
}

/* "weight -1", "1 to 7", "collaborative (2) | compliant (1)" */
static void print_item(const cb_cli *cli, const cb_item *it)
{
	fprintf(cli->out, "    %-30s %-8s", it->id, cb_item_type_name(it->type));
	if (it->type == CB_ITEM_LIKERT || it->type == CB_ITEM_SCALE10)
		fprintf(cli->out, " %d to %d", it->min, it->max);
	if (it->type != CB_ITEM_TEXT && it->type != CB_ITEM_DATE)
		fprintf(cli->out, " weight %g", it->weight);
	if (it->required)
		fputs(" required", cli->out);
	fprintf(cli->out, "\n      %s\n", it->text);
	for (size_t o = 0; o < it->n_options; o++)
		fprintf(cli->out, "      - %s (%g point%s): %s\n", it->options[o].value,
			it->options[o].points, it->options[o].points == 1 ? "" : "s",
			it->options[o].label);
}

static void print_scale(const cb_cli *cli, const cb_instrument *ins, const cb_scale *sc)
{
	fprintf(cli->out, "    %-24s %s of", sc->id, cb_scale_method_name(sc->method));
	for (size_t m = 0; m < sc->n_members; m++)
		fprintf(cli->out, "%s %s", m ? "," : "",
			sc->method == CB_SCALE_SUM_OF_SCALES ? ins->scales[sc->members[m]].id
							     : ins->items[sc->members[m]].id);
	fprintf(cli->out, "\n      %s: %g to %g, %s is better\n", sc->title, sc->min, sc->max,
		cb_better_name(sc->better));
}

static void print_form(const cb_cli *cli, const cb_instrument *ins)
{
	fprintf(cli->out, "%s version %d: %s\nfile: %s\nsha256: %s\nsource: %s\nraters:",
		ins->id, ins->version, ins->title, ins->path, ins->content_hash, ins->source);
	for (size_t r = 0; r < ins->n_raters; r++)
		fprintf(cli->out, " %s", ins->raters[r]);
	if (ins->notes)
		fprintf(cli->out, "\nnotes:\n%s", ins->notes);
	fputs("\n", cli->out);
	for (size_t s = 0; s < ins->n_sections; s++) {
		const cb_section *sec = &ins->sections[s];
		fprintf(cli->out, "\nsection %s: %s", sec->id, sec->title);
		if (sec->child_age_over >= 0)
			fprintf(cli->out, " (only when the child is over %d)", sec->child_age_over);
		fputs("\n", cli->out);
		for (size_t i = 0; i < ins->n_items; i++)
			if (ins->items[i].section == s)
				print_item(cli, &ins->items[i]);
	}
	fprintf(cli->out, "\nscales:\n");
	for (size_t s = 0; s < ins->n_scales; s++)
		print_scale(cli, ins, &ins->scales[s]);
}

static int forms_show(const cb_cli *cli, const char *id)
{
	cb_form_set set = {0};
	enum cb_status rc = cb_cli_load_forms(cli, &set);
	const cb_instrument *ins = cb_forms_find(&set, id);
	int status = rc == CB_OK ? CB_EXIT_OK : CB_EXIT_ERROR;

	if (ins)
		print_form(cli, ins);
	else {
		cb_cli_error(cli, "no instrument '%s' in %s; `casebook forms list` shows the ids",
			     id, cli->forms_dir);
		status = CB_EXIT_ERROR;
	}
	cb_forms_free(&set);
	return status;
}

int cb_cmd_forms(cb_cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (sub && (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0)) {
		fputs(usage_text, cli->out);
		return CB_EXIT_OK;
	}
	if (sub && strcmp(sub, "check") == 0 && argc <= 3)
		return forms_check(cli, argc == 3 ? argv[2] : cli->forms_dir);
	if (sub && strcmp(sub, "list") == 0 && argc == 2)
		return forms_list(cli);
	if (sub && strcmp(sub, "show") == 0 && argc == 3)
		return forms_show(cli, argv[2]);
	if (sub && strcmp(sub, "check") != 0 && strcmp(sub, "list") != 0 &&
	    strcmp(sub, "show") != 0)
		cb_cli_error(cli, "unknown forms command '%s'", sub);
	return usage_error(cli);
}
