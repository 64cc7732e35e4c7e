/* case_history.c: the case screen's Chronology tab: notes with their amendments, plans, assessments, goals, discussions. */
#include "ui/case_view.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui/labels.h"

/* One event's first row: its date (and time) in a column, the text wrapped beside it. */
static void __attribute__((format(printf, 4, 5)))
event(cb_pager *p, int attr, const char *when, const char *fmt, ...)
{
	char stamp[32];
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	case_fmt_when(stamp, sizeof stamp, when);
	cb_pager_addf(p, attr, 0, CASE_WHEN_WIDTH, "%-*s%s", CASE_WHEN_WIDTH, stamp, text);
	free(text);
}

/* A labelled detail under an event ("Worried about: ..."), skipped when there is no text. */
static void detail(cb_pager *p, int indent, const char *label, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	if (label)
		cb_pager_addf(p, A_NORMAL, indent, indent, "%s: %s", label, text);
	else
		cb_pager_add(p, A_NORMAL, indent, indent, text);
}

static void amendment_rows(const cb_note_amendment *a, cb_pager *p)
{
	int in = CASE_WHEN_WIDTH + 2;

	cb_pager_addf(p, A_BOLD, CASE_WHEN_WIDTH, in, "AMENDED %.10s by %s. Reason: %s",
		      a->recorded_at, a->author, a->reason);
	detail(p, in, "Worried about, now", a->worries);
	detail(p, in, "Working well, now", a->working_well);
	detail(p, in, "Needs to happen, now", a->needs_to_happen);
	detail(p, in, "Text, now", a->body);
}

static void note_rows(const cb_case_note *n, cb_pager *p)
{
	char minutes[32] = "";
	const char *seen = n->child_seen_alone ? "child seen alone"
			   : n->child_seen     ? "child seen"
					       : "child not seen";

	if (n->duration >= 0)
		snprintf(minutes, sizeof minutes, ", %d min", n->duration);
	event(p, n->confidential ? cb_display_attr(CB_STYLE_WARN) : (int)A_BOLD, n->occurred_at,
	      "%s%s%s, %s, by %s", n->confidential ? "CONFIDENTIAL  " : "",
	      cb_label(CB_LABEL_CONTACT, n->contact_type), minutes, seen, n->author);
	detail(p, CASE_WHEN_WIDTH, "Present", n->present);
	detail(p, CASE_WHEN_WIDTH, "Worried about", n->worries);
	detail(p, CASE_WHEN_WIDTH, "Working well", n->working_well);
	detail(p, CASE_WHEN_WIDTH, "Needs to happen", n->needs_to_happen);
	detail(p, CASE_WHEN_WIDTH, NULL, n->body);
	for (size_t i = 0; i < n->n_amendments; i++)
		amendment_rows(&n->amendments[i], p);
}

static void append_score(strbuf *sb, const char *scale, const cb_opt_score *score)
{
	char value[32] = "-";

	if (score->has)
		case_fmt_score(value, sizeof value, score->value);
	sb_appendf(sb, "%s%s %s", sb->len ? ", " : "", scale, value);
}

/* The scale scores in the form's order (stored order when the form is not loaded). */
static char *scores_text(const cb_case_assessment *a, const cb_instrument *ins)
{
	strbuf sb = {0};

	for (size_t i = 0; ins && i < ins->n_scales; i++)
		for (size_t j = 0; j < a->n_scores; j++)
			if (strcmp(a->scores[j].scale, ins->scales[i].id) == 0)
				append_score(&sb, a->scores[j].scale, &a->scores[j].score);
	for (size_t j = 0; !ins && j < a->n_scores; j++)
		append_score(&sb, a->scores[j].scale, &a->scores[j].score);
	return sb.data ? sb_take(&sb) : xstrdup("no scores");
}

static void assessment_rows(const cb_view *v, const cb_case_assessment *a, cb_pager *p)
{
	const cb_instrument *ins = case_instrument(v, a->instrument);
	char *scores = scores_text(a, ins);

	event(p, A_NORMAL, a->assessed_on, "Assessment: %s, rated by %s%s%s%s: %s",
	      ins ? ins->title : a->instrument, cb_label(CB_LABEL_RATER, a->rater),
	      a->rater_name ? " (" : "", a->rater_name ? a->rater_name : "",
	      a->rater_name ? ")" : "", scores);
	detail(p, CASE_WHEN_WIDTH, "Comment", a->comment);
	free(scores);
}

static void plan_rows(const cb_chronology *c, const cb_chron_entry *e, cb_pager *p)
{
	const cb_case_plan *pl = &c->plans.rows[e->index];

	if (e->kind == CB_CHRON_PLAN_END)
		event(p, A_NORMAL, e->when, "Plan ended: %s, after %d weeks",
		      cb_label(CB_LABEL_PLAN_LONG, pl->plan), pl->weeks);
	else if (e->previous_plan >= 0)
		event(p, A_NORMAL, e->when, "Plan changed from %s to %s",
		      cb_label(CB_LABEL_PLAN_LONG, c->plans.rows[e->previous_plan].plan),
		      cb_label(CB_LABEL_PLAN_LONG, pl->plan));
	else
		event(p, A_NORMAL, e->when, "Plan started: %s", cb_label(CB_LABEL_PLAN_LONG, pl->plan));
}

static void goal_rows(const cb_chronology *c, const cb_chron_entry *e, cb_pager *p)
{
	const cb_case_goal *g = &c->goals.rows[e->index];
	const cb_goal_review *r;

	if (e->kind == CB_CHRON_GOAL_SET) {
		event(p, A_NORMAL, e->when, "Goal set (%s's%s%s): %s [%s]", g->owner,
		      g->owner_name ? ", " : "", g->owner_name ? g->owner_name : "", g->text,
		      cb_label(CB_LABEL_GOAL, g->category));
		return;
	}
	r = &g->reviews[e->review];
	if (e->review > 0)
		event(p, A_NORMAL, e->when, "Goal reviewed: %s: progress %d/10 (was %d)", g->text,
		      r->progress, g->reviews[e->review - 1].progress);
	else
		event(p, A_NORMAL, e->when, "Goal reviewed: %s: progress %d/10", g->text,
		      r->progress);
	detail(p, CASE_WHEN_WIDTH, "Comment", r->comment);
}

/* "Group case discussion: <decision>", who was there, and the actions it set the case. */
static void discussion_rows(const cb_case_discussion *d, cb_pager *p)
{
	int in = CASE_WHEN_WIDTH + 2;

	event(p, A_BOLD, d->held_on, "Group case discussion: %s",
	      d->decision ? d->decision : "discussed, no decision recorded");
	detail(p, CASE_WHEN_WIDTH, "Present", d->attendees);
	for (size_t i = 0; i < d->n_actions; i++) {
		const cb_discussion_action *a = &d->actions[i];
		char *status = a->done_on ? xasprintf("done %s", a->done_on) : xstrdup("open");

		cb_pager_addf(p, A_NORMAL, CASE_WHEN_WIDTH, in, "Action for %s%s%s (%s): %s",
			      a->owner_name ? a->owner_name : "the team", a->due_on ? ", due " : "",
			      a->due_on ? a->due_on : "", status, a->action);
		free(status);
	}
}

static void entry_rows(const cb_view *v, const cb_chronology *c, const cb_chron_entry *e,
		       cb_pager *p)
{
	const cb_case_referral *ref;

	switch (e->kind) {
	case CB_CHRON_NOTE: note_rows(&c->notes[e->index], p); break;
	case CB_CHRON_ASSESSMENT: assessment_rows(v, &c->assessments[e->index], p); break;
	case CB_CHRON_PLAN_START:
	case CB_CHRON_PLAN_END: plan_rows(c, e, p); break;
	case CB_CHRON_GOAL_SET:
	case CB_CHRON_GOAL_REVIEW: goal_rows(c, e, p); break;
	case CB_CHRON_DISCUSSION: discussion_rows(&c->discussions[e->index], p); break;
	case CB_CHRON_REFERRAL:
		ref = &c->referrals.rows[e->index];
		event(p, A_NORMAL, e->when, "Referral from %s: %s", ref->source,
		      cb_label(CB_LABEL_OUTCOME, ref->outcome));
		break;
	}
}

void case_tab_chronology(cb_view *v, cb_pager *p)
{
	struct case_state *s = v->priv;

	for (size_t i = 0; i < s->chron.count; i++) {
		const cb_chron_entry *e = &s->chron.entries[i];
		/* A search hit lands on its note: the note's first row goes to the top. */
		if (s->focus_note && e->kind == CB_CHRON_NOTE && strcmp(e->id, s->focus_note) == 0) {
			p->top = p->count;
			free(s->focus_note);
			s->focus_note = NULL;
		}
		entry_rows(v, &s->chron, e, p);
	}
}
