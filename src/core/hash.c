/* hash.c: SHA-256 through libsodium. */
#include "core/hash.h"

#include <sodium.h>
#include <string.h>

_Static_assert(sizeof(crypto_hash_sha256_state) <= sizeof(((cb_hasher *)0)->state),
	       "cb_hasher too small for libsodium's SHA-256 state");

static crypto_hash_sha256_state *state_of(cb_hasher *h)
{
	return (crypto_hash_sha256_state *)(void *)h->state;
}

void cb_hash_init(cb_hasher *h)
{
	crypto_hash_sha256_init(state_of(h));
}

void cb_hash_update(cb_hasher *h, const void *data, size_t len)
{
	crypto_hash_sha256_update(state_of(h), data, len);
}

void cb_hash_field(cb_hasher *h, const char *s)
{
	static const unsigned char sep = 0x1f;

	if (s)
		cb_hash_update(h, s, strlen(s));
	cb_hash_update(h, &sep, 1);
}

void cb_hash_final_hex(cb_hasher *h, char *out)
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256_final(state_of(h), digest);
	sodium_bin2hex(out, CB_HASH_HEX_LEN + 1, digest, sizeof digest);
}

void cb_hash_hex(const void *data, size_t len, char *out)
{
	cb_hasher h;

	cb_hash_init(&h);
	cb_hash_update(&h, data, len);
	cb_hash_final_hex(&h, out);
}
