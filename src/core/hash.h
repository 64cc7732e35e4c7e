/* hash.h: SHA-256 digests as lowercase hex (audit chain, form content hashes). */
#ifndef CASEBOOK_CORE_HASH_H
#define CASEBOOK_CORE_HASH_H

#include <stddef.h>

#define CB_HASH_HEX_LEN 64

/* Incremental SHA-256; opaque state sized for libsodium's. */
typedef struct cb_hasher {
	_Alignas(16) unsigned char state[512];
} cb_hasher;

void cb_hash_init(cb_hasher *h);
void cb_hash_update(cb_hasher *h, const void *data, size_t len);
/* Adds s (NULL counts as empty) followed by a 0x1f separator. */
void cb_hash_field(cb_hasher *h, const char *s);
/* Writes the digest as hex into out (CB_HASH_HEX_LEN + 1 bytes). */
void cb_hash_final_hex(cb_hasher *h, char *out);
/* One-shot digest of len bytes. */
void cb_hash_hex(const void *data, size_t len, char *out);

#endif
