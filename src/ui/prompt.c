/* prompt.c: a modal line editor drawn on the status line. */
#include "ui/prompt.h"

#include <curses.h>
#include <limits.h>
#include <string.h>
#include <wchar.h>

#include "core/mem.h"
#include "core/text.h"
#include "ui/display.h"

/* Removes the last UTF-8 character of sb. */
static void delete_last(strbuf *sb)
{
	while (sb->len > 0) {
		unsigned char c = (unsigned char)sb->data[--sb->len];
		if ((c & 0xc0) != 0x80)
			break;
	}
	if (sb->data)
		sb->data[sb->len] = '\0';
}

static void append_char(strbuf *sb, int key)
{
	char buf[MB_LEN_MAX];
	mbstate_t ps;
	size_t n;

	memset(&ps, 0, sizeof ps);
	n = wcrtomb(buf, (wchar_t)CB_KEY_CHAR(key), &ps);
	if (n != (size_t)-1)
		sb_appendn(sb, buf, n);
}

static void draw(const char *question, const char *text)
{
	char *line = xasprintf("%s %s", question, text);
	char *fitted = xmalloc(4 * (size_t)COLS + 1);
	int width = cb_text_width(line);

	/* Keep the end of a long answer in view. */
	const char *shown = line;
	while (width >= COLS && *shown) {
		shown++;
		width = cb_text_width(shown);
	}
	cb_text_fit(fitted, shown, COLS);
	attrset(cb_display_attr(CB_STYLE_STATUS));
	mvaddstr(LINES - 1, 0, fitted);
	attrset(A_NORMAL);
	move(LINES - 1, width < COLS ? width : COLS - 1);
	curs_set(1);
	refresh();
	free(fitted);
	free(line);
}

bool cb_prompt(const char *question, char **answer)
{
	strbuf sb = {0};
	int key;

	*answer = NULL;
	for (;;) {
		draw(question, sb_str(&sb));
		key = cb_display_key();
		if (key < 0 || key == 27)
			break;
		if (key == '\n' || key == '\r' || key == KEY_ENTER) {
			*answer = sb_take(&sb);
			return true;
		}
		if (key == KEY_BACKSPACE || key == 127 || key == 8)
			delete_last(&sb);
		else if (key == ('U' & 0x1f))
			sb_free(&sb);
		else if (CB_KEY_IS_TEXT(key))
			append_char(&sb, key);
	}
	sb_free(&sb);
	return false;
}
