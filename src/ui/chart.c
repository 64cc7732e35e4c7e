/* chart.c: sparklines and bars as strings of block characters (or ASCII). */
#include "ui/chart.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "core/mem.h"
#include "core/stats.h"

static const char *const blocks[8] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
static const char ascii_levels[] = "_.:-=+*#";

bool cb_chart_unicode(void)
{
	const char *set = nl_langinfo(CODESET);
	return set && (strcmp(set, "UTF-8") == 0 || strcmp(set, "utf8") == 0);
}

/* Appends s to out (size bytes, NUL-terminated) if it fits whole; returns false if not. */
static bool append(char *out, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + n + 1 > size)
		return false;
	memcpy(out + *len, s, n + 1);
	*len += n;
	return true;
}

/* The fraction of the way from lo to hi, clamped to 0..1 (0.5 when lo == hi). */
static double fraction(double v, double lo, double hi)
{
	double f;

	if (hi < lo) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	if (hi - lo < 1e-9)
		return 0.5;
	f = (v - lo) / (hi - lo);
	return f < 0 ? 0 : f > 1 ? 1 : f;
}

void cb_sparkline(char *out, size_t size, const double *values, size_t n, double lo, double hi,
		  int width)
{
	bool unicode = cb_chart_unicode();
	size_t len = 0, first = width > 0 && n > (size_t)width ? n - (size_t)width : 0;
	char one[2] = {0, 0};

	if (size == 0)
		return;
	out[0] = '\0';
	for (size_t i = first; i < n && width > 0; i++) {
		int level = (int)lround(fraction(values[i], lo, hi) * 7);
		one[0] = ascii_levels[level];
		if (!append(out, size, &len, unicode ? blocks[level] : one))
			break;
	}
}

void cb_bar(char *out, size_t size, double value, double lo, double hi, int width)
{
	bool unicode = cb_chart_unicode();
	int filled = (int)lround(fraction(value, lo, hi) * width);
	size_t len = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	for (int i = 0; i < width; i++)
		if (!append(out, size, &len, i < filled ? (unicode ? "█" : "#") : (unicode ? "░" : ".")))
			break;
}

/* The column of value v on a scale from lo to hi drawn `width` columns wide. */
static int column_of(double v, double lo, double hi, int width)
{
	return (int)lround(fraction(v, lo, hi) * (width - 1));
}

enum box_part { BOX_NONE, BOX_WHISKER, BOX_END, BOX_FILL, BOX_OPEN, BOX_CLOSE, BOX_MEDIAN,
		BOX_OUTLIER, BOX_PARTS };

static void mark(char *cells, int from, int to, char part)
{
	for (int i = from; i <= to; i++)
		cells[i] = part;
}

void cb_boxplot(char *out, size_t size, const cb_box *b, const double *values, size_t n,
		double lo, double hi, int width)
{
	static const char *const utf8[BOX_PARTS] = {" ", "─", "├", "▒", "[", "]", "┃", "o"};
	static const char *const ascii[BOX_PARTS] = {" ", "-", "|", "=", "[", "]", "|", "o"};
	const char *const *glyph = cb_chart_unicode() ? utf8 : ascii;
	char *cells;
	size_t len = 0;
	int wl, q1, q3, wh;

	if (size == 0)
		return;
	out[0] = '\0';
	if (width < 5 || b->n == 0)
		return;
	cells = xcalloc((size_t)width, 1);
	wl = column_of(b->whisker_lo, lo, hi, width);
	q1 = column_of(b->q1, lo, hi, width);
	q3 = column_of(b->q3, lo, hi, width);
	wh = column_of(b->whisker_hi, lo, hi, width);
	mark(cells, wl, wh, BOX_WHISKER);
	cells[wl] = cells[wh] = BOX_END;
	mark(cells, q1, q3, BOX_FILL);
	cells[q1] = BOX_OPEN;
	cells[q3] = BOX_CLOSE;
	cells[column_of(b->median, lo, hi, width)] = BOX_MEDIAN;
	for (size_t i = 0; values && i < n; i++)
		if (values[i] < b->whisker_lo || values[i] > b->whisker_hi)
			cells[column_of(values[i], lo, hi, width)] = BOX_OUTLIER;
	for (int i = 0; i < width; i++) {
		const char *g = glyph[(int)cells[i]];
		if (cells[i] == BOX_END && i == wh && wh != wl && cb_chart_unicode())
			g = "┤";
		if (!append(out, size, &len, g))
			break;
	}
	free(cells);
}
