/* pager.c: word wrap by display width, and scrolling through the wrapped rows. */
#include "ui/pager.h"

#include <stdarg.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"

void cb_pager_begin(cb_pager *p, int width)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->rows[i].text);
	p->count = 0;
	p->width = width > 1 ? width : 1;
}

static void add_row(cb_pager *p, int attr, int indent, const char *text, size_t len)
{
	strbuf sb = {0};

	while (len > 0 && text[len - 1] == ' ')
		len--;
	for (int i = 0; len > 0 && i < indent; i++)
		sb_append(&sb, " ");
	sb_appendn(&sb, text, len);
	if ((p->count & (p->count - 1)) == 0)
		p->rows = xreallocarray(p->rows, p->count ? p->count * 2 : 1, sizeof *p->rows);
	p->rows[p->count].text = sb.data ? sb_take(&sb) : xstrdup("");
	p->rows[p->count++].attr = attr;
}

/* Where to end a row of s (not empty) that may take `room` columns: after the last word that fits. */
static size_t break_at(const char *s, int room)
{
	size_t fit = cb_text_prefix(s, room, NULL), cut;

	if (fit == 0) { /* a character wider than the room: show it anyway */
		fit = cb_text_prefix(s, 2, NULL);
		return fit ? fit : 1;
	}
	if (s[fit] == '\0' || s[fit] == ' ')
		return fit;
	for (cut = fit; cut > 0 && s[cut - 1] != ' '; cut--)
		;
	return cut > 0 ? cut : fit;
}

/* Wraps one line (no newlines) onto as many rows as it needs. */
static void add_line(cb_pager *p, int attr, int indent, int hang, const char *s)
{
	do {
		int room = p->width - indent;
		size_t n;

		if (room < 1) {
			indent = 0;
			room = p->width;
		}
		n = *s ? break_at(s, room) : 0;
		add_row(p, attr, indent, s, n);
		s += n;
		s += strspn(s, " ");
		indent = hang;
	} while (*s);
}

/* A copy of text with tabs, carriage returns and other control characters as spaces. */
static char *printable(const char *text)
{
	char *copy = xstrdup(text ? text : "");

	for (char *c = copy; *c; c++)
		if ((unsigned char)*c < 0x20 && *c != '\n')
			*c = ' ';
	return copy;
}

void cb_pager_add(cb_pager *p, int attr, int indent, int hang, const char *text)
{
	char *copy = printable(text), *line = copy, *nl;

	if (hang >= p->width)
		hang = p->width / 2;
	for (;;) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		add_line(p, attr, indent, hang, line);
		if (nl == NULL)
			break;
		line = nl + 1;
		indent = hang;
	}
	free(copy);
}

void cb_pager_addf(cb_pager *p, int attr, int indent, int hang, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	cb_pager_add(p, attr, indent, hang, text);
	free(text);
}

void cb_pager_blank(cb_pager *p)
{
	add_row(p, A_NORMAL, 0, "", 0);
}

static size_t max_top(const cb_pager *p)
{
	size_t height = p->height > 0 ? (size_t)p->height : 1;
	return p->count > height ? p->count - height : 0;
}

void cb_pager_draw(cb_pager *p, WINDOW *win, int y, int height)
{
	p->height = height;
	if (p->top > max_top(p))
		p->top = max_top(p);
	for (int i = 0; i < height && p->top + (size_t)i < p->count; i++) {
		const cb_pager_row *r = &p->rows[p->top + (size_t)i];
		wattrset(win, r->attr);
		mvwaddstr(win, y + i, 0, r->text);
	}
	wattrset(win, A_NORMAL);
}

int cb_pager_scroll(cb_pager *p, enum cb_action action)
{
	size_t page = p->height > 1 ? (size_t)p->height - 1 : 1;

	switch (action) {
	case CB_ACTION_UP: p->top = p->top > 0 ? p->top - 1 : 0; break;
	case CB_ACTION_DOWN: p->top++; break;
	case CB_ACTION_PAGE_UP: p->top = p->top > page ? p->top - page : 0; break;
	case CB_ACTION_PAGE_DOWN: p->top += page; break;
	case CB_ACTION_FIRST: p->top = 0; break;
	case CB_ACTION_LAST: p->top = max_top(p); break;
	default: return 0;
	}
	if (p->top > max_top(p))
		p->top = max_top(p);
	return 1;
}

void cb_pager_free(cb_pager *p)
{
	cb_pager_begin(p, p->width);
	free(p->rows);
	p->rows = NULL;
}
