/* keys.h: enrolment codes and the keys a hub shares with each device. */
#ifndef CASEBOOK_SYNC_KEYS_H
#define CASEBOOK_SYNC_KEYS_H

#include <stdbool.h>

#define CB_SYNC_KEY_LEN 32
/* A code as shown: four groups of five characters joined by "-". */
#define CB_SYNC_CODE_LEN 23
/* The 20 characters of a code without the dashes. */
#define CB_SYNC_CODE_CHARS 20

/*
 * Writes a new random enrolment code (100 bits, Crockford base 32, shown as
 * "7K2QF-9XW3M-PA4DN-0RTB8") into out (CB_SYNC_CODE_LEN + 1 bytes).
 */
void cb_sync_code_new(char *out);

/*
 * Reads a code as a person typed it: case, spaces and dashes do not matter,
 * and O, I and L are read as 0, 1 and 1. Writes the 20 characters into out
 * (CB_SYNC_CODE_CHARS + 1 bytes); false if it is not a code.
 */
bool cb_sync_code_normalise(const char *typed, char *out);

/*
 * The key a hub and one device share, derived from the enrolment code, the
 * hub's id and the device's id (keyed BLAKE2b: the code's 100 random bits
 * need no stretching).
 */
void cb_sync_key_derive(const char *code, const char *hub_id, const char *device_id,
			unsigned char key[CB_SYNC_KEY_LEN]);

#endif
