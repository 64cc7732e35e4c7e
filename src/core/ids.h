/* ids.h: random UUIDs made on the device, and checks for ids from files. */
#ifndef CASEBOOK_CORE_IDS_H
#define CASEBOOK_CORE_IDS_H

#include <stdbool.h>

#define CB_UUID_LEN 36

/* Writes a new random (version 4) UUID into buf (CB_UUID_LEN + 1 bytes). */
void cb_uuid_new(char *buf);
/*
 * True if s is usable as a record id: 1-64 characters from [A-Za-z0-9._-],
 * starting with a letter or digit. Imported files may use readable ids such
 * as "fam-okafor"; ids made by casebook are UUIDs.
 */
bool cb_id_valid(const char *s);

#endif
