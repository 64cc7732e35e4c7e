/* strmap.h: a string-keyed hash map (ids seen in an import file, with their line). */
#ifndef CASEBOOK_CLI_STRMAP_H
#define CASEBOOK_CLI_STRMAP_H

#include <stddef.h>

typedef struct cb_strmap_entry {
	char *key;  /* owned by the map */
	int line;   /* where the key was seen */
	char *text; /* an optional value, owned by the map; NULL if none */
} cb_strmap_entry;

/* Zero-initialised is empty; free with cb_strmap_free. */
typedef struct cb_strmap {
	cb_strmap_entry *slots;
	size_t cap, count;
} cb_strmap;

/*
 * Adds key with line and text (both strings copied; text may be NULL). If the
 * key is already there, nothing changes and the existing entry is returned
 * (borrowed); otherwise returns NULL.
 */
const cb_strmap_entry *cb_strmap_add(cb_strmap *m, const char *key, int line, const char *text);
/* The entry for key (borrowed from the map), or NULL. */
const cb_strmap_entry *cb_strmap_get(const cb_strmap *m, const char *key);
/* Frees every key and text; the map is empty and reusable afterwards. */
void cb_strmap_free(cb_strmap *m);

#endif
