/* report_txt.c: `casebook report --format text`: the screen's layout, word-wrapped to a width. */
#include "cli/report_out.h"

#include <errno.h>
#include <string.h>

#include "core/text.h"
#include "ui/report_text.h"

struct txt_out {
	FILE *f;
	int width;
};

static void pad(FILE *f, int n)
{
	for (int i = 0; i < n; i++)
		fputc(' ', f);
}

/* Where to end a line of s that may take `room` columns: after the last word that fits. */
static size_t break_at(const char *s, int room)
{
	size_t fit = cb_text_prefix(s, room, NULL), cut;

	if (fit == 0)
		return strlen(s) ? 1 : 0;
	if (s[fit] == '\0' || s[fit] == ' ')
		return fit;
	for (cut = fit; cut > 0 && s[cut - 1] != ' '; cut--)
		;
	return cut > 0 ? cut : fit;
}

static void txt_line(void *ctx, enum cb_rt_style style, int indent, int hang, const char *text)
{
	struct txt_out *o = ctx;
	const char *s = text;

	(void)style; /* plain text: the words carry every mark */
	do {
		int room = o->width - indent > 10 ? o->width - indent : 10;
		size_t n = break_at(s, room), len = n;
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len > 0)
			pad(o->f, indent);
		fwrite(s, 1, len, o->f);
		fputc('\n', o->f);
		s += n;
		s += strspn(s, " ");
		indent = hang;
	} while (*s);
}

enum cb_status cb_report_write_text(const cb_report *r, int width, FILE *out, cb_err *err)
{
	struct txt_out o = {out, width};

	cb_report_text(r, width, txt_line, &o);
	if (fflush(out) != 0 || ferror(out))
		return cb_fail(err, CB_ERROR, "writing the report: %s (disk full, or a closed pipe?)",
			       strerror(errno ? errno : EIO));
	return CB_OK;
}
