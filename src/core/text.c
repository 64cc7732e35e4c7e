/* text.c: UTF-8 display widths with mbrtowc/wcwidth. */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include "core/text.h"

#include <string.h>
#include <wchar.h>

#include "core/mem.h"

/* Decodes one character at s; sets *cols to its width and returns its byte length. */
static size_t next_char(const char *s, int *cols)
{
	mbstate_t ps;
	wchar_t wc;
	size_t n;

	memset(&ps, 0, sizeof ps);
	n = mbrtowc(&wc, s, strlen(s), &ps);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*cols = 1;
		return 1;
	}
	*cols = wcwidth(wc);
	if (*cols < 0)
		*cols = 1;
	return n;
}

int cb_text_width(const char *s)
{
	int total = 0, cols;

	while (s && *s) {
		s += next_char(s, &cols);
		total += cols;
	}
	return total;
}

size_t cb_text_prefix(const char *s, int width, int *cols)
{
	size_t len = 0, n;
	int used = 0, w;

	while (s && s[len]) {
		n = next_char(s + len, &w);
		if (used + w > width)
			break;
		len += n;
		used += w;
	}
	if (cols)
		*cols = used;
	return len;
}

void cb_text_fit(char *out, const char *s, int width)
{
	int used = 0, cols;
	size_t len = 0, n;
	const char *p = s ? s : "";
	int full = cb_text_width(p);
	int room = full > width ? width - 1 : width;

	while (*p) {
		n = next_char(p, &cols);
		if (used + cols > room)
			break;
		memcpy(out + len, p, n);
		len += n;
		used += cols;
		p += n;
	}
	if (full > width && width > 0) {
		memcpy(out + len, "\xe2\x80\xa6", 3);
		len += 3;
		used++;
	}
	while (used < width) {
		out[len++] = ' ';
		used++;
	}
	out[len] = '\0';
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *cb_text_squeeze(const char *s)
{
	char *out = xmalloc((s ? strlen(s) : 0) + 1);
	size_t len = 0;
	int gap = 0;

	for (const char *p = s ? s : ""; *p; p++) {
		if (is_blank(*p)) {
			gap = len > 0;
			continue;
		}
		if (gap)
			out[len++] = ' ';
		gap = 0;
		out[len++] = *p;
	}
	out[len] = '\0';
	return out;
}
