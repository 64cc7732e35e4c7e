/* strmap.c: open addressing with linear probing, FNV-1a hashes, grown at 50% load. */
#include "cli/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

/* The slot holding key, or the empty slot where it would go. */
static cb_strmap_entry *find(const cb_strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void grow(cb_strmap *m)
{
	cb_strmap old = *m;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key) = old.slots[i];
	free(old.slots);
}

const cb_strmap_entry *cb_strmap_add(cb_strmap *m, const char *key, int line, const char *text)
{
	cb_strmap_entry *e;

	if (2 * (m->count + 1) > m->cap)
		grow(m);
	e = find(m, key);
	if (e->key)
		return e;
	e->key = xstrdup(key);
	e->line = line;
	e->text = xstrdup_or_null(text);
	m->count++;
	return NULL;
}

const cb_strmap_entry *cb_strmap_get(const cb_strmap *m, const char *key)
{
	const cb_strmap_entry *e;

	if (m->cap == 0)
		return NULL;
	e = find(m, key);
	return e->key ? e : NULL;
}

void cb_strmap_free(cb_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->slots[i].key);
		free(m->slots[i].text);
	}
	free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}
