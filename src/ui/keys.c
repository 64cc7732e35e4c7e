/* keys.c: parses the key table once and answers lookups, hints and help lines. */
#include "ui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/mem.h"

struct action_info {
	unsigned scope;
	const char *keys, *hint, *help;
};

static const struct action_info actions[CB_ACTION_COUNT] = {
#define CB_ACTION_INFO(name, scope, keys, hint, help) [CB_ACTION_##name] = {scope, keys, hint, help},
	CB_ACTIONS(CB_ACTION_INFO)
#undef CB_ACTION_INFO
};

static const struct {
	const char *name;
	int code;
} named_keys[] = {
	{"Up", KEY_UP},	    {"Down", KEY_DOWN},	      {"Left", KEY_LEFT},   {"Right", KEY_RIGHT},
	{"PgUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE},     {"Home", KEY_HOME},   {"End", KEY_END},
	{"Enter", '\n'},     {"Tab", '\t'},	      {"BTab", KEY_BTAB},   {"Esc", 27},
	{"F1", KEY_F(1)},    {"F2", KEY_F(2)},      {"Space", ' '},       {"BSpace", KEY_BACKSPACE},
};

/* The code of one key name: a named key, ^X for control keys, or a character. */
int cb_key_from_name(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strlen(named_keys[i].name) == len && strncmp(named_keys[i].name, name, len) == 0)
			return named_keys[i].code;
	if (len == 2 && name[0] == '^')
		return name[1] & 0x1f;
	return len == 1 ? (unsigned char)name[0] : -1;
}

/* True if the name is a range of characters such as "1-7" and key is one of them. */
static int in_range(const char *name, size_t len, int key)
{
	return len == 3 && name[1] == '-' && key >= (unsigned char)name[0] &&
	       key <= (unsigned char)name[2];
}

static int binds(const char *keys, int key)
{
	const char *p = keys;

	while (*p) {
		size_t len = strcspn(p, " ");
		int code = cb_key_from_name(p, len);
		if (code == key || (key == KEY_ENTER && code == '\n') || (key == '\r' && code == '\n') ||
		    in_range(p, len, key))
			return 1;
		p += len;
		p += strspn(p, " ");
	}
	return 0;
}

enum cb_action cb_key_action(int key, unsigned scope)
{
	for (int a = 1; a < CB_ACTION_COUNT; a++)
		if ((actions[a].scope & scope) && binds(actions[a].keys, key))
			return (enum cb_action)a;
	return CB_ACTION_NONE;
}

void cb_key_hints_fit(unsigned scope, int width, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int a = 1; a < CB_ACTION_COUNT && used < size; a++) {
		size_t first = strcspn(actions[a].keys, " ");
		if (!(actions[a].scope & scope) || actions[a].hint == NULL)
			continue;
		int n = snprintf(buf + used, size - used, "%s%.*s:%s", used ? "  " : "", (int)first,
				 actions[a].keys, actions[a].hint);
		if (n < 0)
			break;
		if ((int)(used + (size_t)n) > width) {
			buf[used] = '\0';
			break;
		}
		used += (size_t)n;
	}
}

unsigned cb_key_help_scope(size_t i)
{
	return i + 1 < CB_ACTION_COUNT ? actions[i + 1].scope : 0;
}

void cb_key_hints(unsigned scope, char *buf, size_t size)
{
	cb_key_hints_fit(scope, (int)size, buf, size);
}

const char *cb_key_help_line(size_t i)
{
	static char line[160];

	if (i + 1 >= CB_ACTION_COUNT)
		return NULL;
	snprintf(line, sizeof line, "  %-14s %s", actions[i + 1].keys, actions[i + 1].help);
	return line;
}
