/* keys.c: enrolment codes (Crockford base 32) and per-device key derivation. */
#include "sync/keys.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void cb_sync_code_new(char *out)
{
	int n = 0;

	for (int i = 0; i < CB_SYNC_CODE_CHARS; i++) {
		if (i > 0 && i % 5 == 0)
			out[n++] = '-';
		out[n++] = alphabet[randombytes_uniform(32)];
	}
	out[n] = '\0';
}

/* The code character a typed character stands for, or 0. */
static char code_char(int c)
{
	c = toupper(c);
	if (c == 'O')
		return '0';
	if (c == 'I' || c == 'L')
		return '1';
	return c && strchr(alphabet, c) ? (char)c : 0;
}

bool cb_sync_code_normalise(const char *typed, char *out)
{
	int n = 0;

	for (const char *p = typed; *p; p++) {
		char c;
		if (*p == '-' || isspace((unsigned char)*p))
			continue;
		if ((c = code_char((unsigned char)*p)) == 0 || n == CB_SYNC_CODE_CHARS)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == CB_SYNC_CODE_CHARS;
}

void cb_sync_key_derive(const char *code, const char *hub_id, const char *device_id,
			unsigned char key[CB_SYNC_KEY_LEN])
{
	crypto_generichash_state st;
	static const char context[] = "casebook sync enrolment v1";

	crypto_generichash_init(&st, (const unsigned char *)code, strlen(code), CB_SYNC_KEY_LEN);
	crypto_generichash_update(&st, (const unsigned char *)context, sizeof context);
	crypto_generichash_update(&st, (const unsigned char *)hub_id, strlen(hub_id) + 1);
	crypto_generichash_update(&st, (const unsigned char *)device_id, strlen(device_id) + 1);
	crypto_generichash_final(&st, key, CB_SYNC_KEY_LEN);
}
