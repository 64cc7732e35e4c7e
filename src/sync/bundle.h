/* bundle.h: the bundle file: a plain header, then the payload sealed with the device's key. */
#ifndef CASEBOOK_SYNC_BUNDLE_H
#define CASEBOOK_SYNC_BUNDLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/status.h"
#include "sync/keys.h"

/* The bundle format this casebook writes and the newest it reads. */
#define CB_BUNDLE_FORMAT 1
/* The 8 bytes every bundle starts with. */
#define CB_BUNDLE_MAGIC "CBSYNC\x1a\n"
#define CB_BUNDLE_MAGIC_LEN 8
/* Longest id a header carries (ids are at most 64 characters). */
#define CB_BUNDLE_ID_MAX 64

enum cb_bundle_kind {
	CB_BUNDLE_CHANGES = 1, /* the changes one device sends another */
	CB_BUNDLE_ENROL = 2,   /* the hub's first bundle for a new laptop */
};

/* What the header says, in the clear (and authenticated with the payload). */
typedef struct cb_bundle_header {
	unsigned version;
	enum cb_bundle_kind kind;
	char hub_id[CB_BUNDLE_ID_MAX + 1];
	char team_id[CB_BUNDLE_ID_MAX + 1];
	char sender[CB_BUNDLE_ID_MAX + 1];    /* device id */
	char recipient[CB_BUNDLE_ID_MAX + 1]; /* device id */
	uint64_t bundle;   /* 1, 2, ... for each sender and recipient */
	uint64_t seq_from; /* the sender's change numbers this bundle covers */
	uint64_t seq_to;
	uint64_t ack;      /* the recipient's changes the sender has imported, up to this */
	int64_t created_ms;
} cb_bundle_header;

/* The sealed part. Owned by whoever filled it; free with cb_bundle_payload_free. */
typedef struct cb_bundle_payload {
	unsigned char *changeset; /* SQLite session changeset: rows as inserts */
	size_t changeset_len;
	char *held;  /* laptop to hub: the bundle number it last imported, then its case ids */
	char *drop;  /* hub to laptop: case ids reallocated away from it */
	char *enrol; /* enrolment: practitioner id, then the device's label */
} cb_bundle_payload;

void cb_bundle_payload_free(cb_bundle_payload *p);

/*
 * Seals the payload with key (XChaCha20-Poly1305, the header as associated
 * data) and writes the bundle to path, 0600, through a temporary file so that
 * a half-written bundle never has the name.
 */
enum cb_status cb_bundle_write(const char *path, const cb_bundle_header *h,
			       const cb_bundle_payload *p, const unsigned char key[CB_SYNC_KEY_LEN],
			       cb_err *err);

/*
 * cb_bundle_write for an encoded payload: seals the len bytes at plain under
 * h and writes the bundle to path the same way. The caller keeps (and wipes) plain.
 */
enum cb_status cb_bundle_seal_write(const char *path, const cb_bundle_header *h,
				    const unsigned char *plain, size_t len,
				    const unsigned char key[CB_SYNC_KEY_LEN], cb_err *err);

/* A bundle read from a file whose outside checked out: mark, format, length. */
typedef struct cb_bundle_file {
	cb_bundle_header h;
	unsigned char *data; /* the whole file */
	size_t len;
	size_t header_len; /* bytes of header, the associated data */
	size_t sealed_at;  /* where the sealed payload starts */
	size_t sealed_len;
} cb_bundle_file;

/*
 * Reads path and checks what can be checked without the key: the bundle mark,
 * the format version (a newer one is refused), and that the file is whole.
 * The caller frees *out with cb_bundle_file_free, whatever the result.
 */
enum cb_status cb_bundle_read(const char *path, cb_bundle_file *out, cb_err *err);
void cb_bundle_file_free(cb_bundle_file *f);

/*
 * Opens the sealed payload with key into its encoded bytes; CB_CORRUPT if the
 * bundle was changed after it was written (or the key is wrong). On success
 * the caller wipes and frees *plain (*len bytes); on failure *plain is NULL.
 */
enum cb_status cb_bundle_open(const cb_bundle_file *f, const unsigned char key[CB_SYNC_KEY_LEN],
			      unsigned char **plain, size_t *len, cb_err *err);

/*
 * cb_bundle_open, then the payload split into its sections; CB_CORRUPT also
 * if an authentic payload is not well formed. The caller frees *out.
 */
enum cb_status cb_bundle_unseal(const cb_bundle_file *f, const unsigned char key[CB_SYNC_KEY_LEN],
				cb_bundle_payload *out, cb_err *err);

#endif
