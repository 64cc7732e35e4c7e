/* action_chooser.c: marking one of a case's open discussion actions done, chosen from a list. */
#include "ui/screens.h"

#include <string.h>

#include "core/mem.h"
#include "store/teamreview.h"
#include "ui/chooser.h"

static void action_chosen(cb_app *app, const char *action_id, void *ctx)
{
	const char *today = cb_app_today(app);
	cb_err err = {0};

	(void)ctx;
	if (cb_action_mark_done(cb_app_context(app)->store, action_id, today, &err))
		cb_app_message(app, CB_STYLE_ERROR, "Not marked done: %s", err.msg);
	else
		cb_app_message(app, CB_STYLE_GOOD, "Action marked done on %s", today);
}

/* "LATE  due 2026-07-10  Ann: Goal review visit (agreed 2026-07-01)"; the caller frees it. */
static char *label_of(const cb_open_action *a)
{
	return xasprintf("%-4s  due %-10s  %s: %s (agreed %s)", a->overdue ? "LATE" : "",
			 a->due_on ? a->due_on : "-", a->owner_name ? a->owner_name : "the team",
			 a->action, a->held_on);
}

cb_view *cb_action_done_chooser_open(cb_app *app, const char *case_id)
{
	cb_open_actions list;
	cb_err err = {0};
	char **labels = NULL;
	const char **values = NULL;
	cb_view *v = NULL;

	if (cb_open_actions_of_case(cb_app_context(app)->store, case_id, cb_app_today(app), &list,
				    &err)) {
		cb_app_message(app, CB_STYLE_ERROR, "%s", err.msg);
		return NULL;
	}
	if (list.count == 0) {
		cb_app_message(app, CB_STYLE_WARN, "No open actions on this case");
		goto out;
	}
	labels = xcalloc(list.count, sizeof *labels);
	values = xcalloc(list.count, sizeof *values);
	for (size_t i = 0; i < list.count; i++) {
		labels[i] = label_of(&list.rows[i]);
		values[i] = list.rows[i].id;
	}
	v = cb_chooser_open(app, " Which action is done? (marked done today)",
			    (const char *const *)labels, values, list.count, action_chosen, NULL,
			    NULL);
out:
	for (size_t i = 0; labels && i < list.count; i++)
		free(labels[i]);
	free(labels);
	free(values);
	cb_open_actions_free(&list);
	return v;
}
