/* chart.h: sparklines and bars drawn with text characters, readable in monochrome. */
#ifndef CASEBOOK_UI_CHART_H
#define CASEBOOK_UI_CHART_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Charts are text, so they go anywhere a string does (a pager row, a table
 * cell) and read by shape alone, without colour. With a UTF-8 locale they use
 * block characters; otherwise ASCII.
 */

/* True if charts will use block characters (the locale is UTF-8). */
bool cb_chart_unicode(void);

/*
 * Writes a sparkline into out (size bytes): one character per value, the
 * last `width` values if there are more, each one of 8 heights from lo to hi
 * (values outside are clamped; lo == hi draws every value at mid height).
 * UTF-8 "▁▂▃▄▅▆▇█" or ASCII "_.:-=+*#".
 */
void cb_sparkline(char *out, size_t size, const double *values, size_t n, double lo, double hi,
		  int width);

/*
 * Writes a bar `width` columns wide into out (size bytes), the first part
 * filled in proportion to where value lies between lo and hi, rounded to the
 * nearest column: "██████░░░░" or "######....".
 */
void cb_bar(char *out, size_t size, double value, double lo, double hi, int width);

/*
 * Writes a box plot `width` columns wide into out (size bytes) on a scale
 * from lo to hi: whiskers from whisker_lo to whisker_hi, the box from q1 to
 * q3 with the median marked, and an "o" for each of the n values beyond the
 * whiskers (values may be NULL when there are none to show). UTF-8
 * "├───[▒▒▒┃▒▒]──┤  o", ASCII "|---[==|==]--|  o": readable without colour.
 */
struct cb_box;
void cb_boxplot(char *out, size_t size, const struct cb_box *box, const double *values,
		size_t n, double lo, double hi, int width);

#endif
