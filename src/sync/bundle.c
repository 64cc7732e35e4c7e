/* bundle.c: encoding, sealing, writing and reading bundle files (casebook-sync(7), "Bundles"). */
#include "sync/bundle.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"

#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN crypto_aead_xchacha20poly1305_ietf_ABYTES

/* ---- little-endian encoding into a strbuf ---- */

static void put_u64(strbuf *sb, uint64_t v)
{
	char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (char)(v >> (8 * i));
	sb_appendn(sb, b, 8);
}

static void put_u16(strbuf *sb, unsigned v)
{
	char b[2] = {(char)(v & 0xff), (char)(v >> 8)};

	sb_appendn(sb, b, 2);
}

static void put_str(strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	char len = (char)(n > CB_BUNDLE_ID_MAX ? CB_BUNDLE_ID_MAX : n);

	sb_appendn(sb, &len, 1);
	sb_appendn(sb, s, (size_t)(unsigned char)len);
}

static void put_section(strbuf *sb, char tag, const void *data, size_t len)
{
	char b[4];

	sb_appendn(sb, &tag, 1);
	for (int i = 0; i < 4; i++)
		b[i] = (char)(len >> (8 * i));
	sb_appendn(sb, b, 4);
	sb_appendn(sb, data, len);
}

/* Header bytes up to and including the nonce and the sealed length. */
static void encode_header(strbuf *sb, const cb_bundle_header *h, const unsigned char *nonce,
			  uint64_t sealed_len)
{
	char kind = (char)h->kind;

	sb_appendn(sb, CB_BUNDLE_MAGIC, CB_BUNDLE_MAGIC_LEN);
	put_u16(sb, h->version);
	sb_appendn(sb, &kind, 1);
	put_str(sb, h->hub_id);
	put_str(sb, h->team_id);
	put_str(sb, h->sender);
	put_str(sb, h->recipient);
	put_u64(sb, h->bundle);
	put_u64(sb, h->seq_from);
	put_u64(sb, h->seq_to);
	put_u64(sb, h->ack);
	put_u64(sb, (uint64_t)h->created_ms);
	sb_appendn(sb, (const char *)nonce, NONCE_LEN);
	put_u64(sb, sealed_len);
}

static void encode_payload(strbuf *sb, const cb_bundle_payload *p)
{
	if (p->enrol)
		put_section(sb, 'E', p->enrol, strlen(p->enrol));
	if (p->held)
		put_section(sb, 'H', p->held, strlen(p->held));
	if (p->drop)
		put_section(sb, 'D', p->drop, strlen(p->drop));
	put_section(sb, 'C', p->changeset, p->changeset_len);
}

void cb_bundle_payload_free(cb_bundle_payload *p)
{
	free(p->changeset);
	free(p->held);
	free(p->drop);
	free(p->enrol);
	memset(p, 0, sizeof *p);
}

/* ---- writing ---- */

static enum cb_status write_all(int fd, const void *data, size_t len, const char *path,
				cb_err *err)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return cb_fail(err, CB_ERROR, "cannot write %s: %s (is the disk full or the "
				       "stick read-only?)", path, strerror(errno));
		p += n;
		len -= (size_t)n;
	}
	return CB_OK;
}

static enum cb_status write_file(const char *path, const strbuf *bytes, cb_err *err)
{
	char *tmp = xasprintf("%s.part-XXXXXX", path);
	int fd = mkstemp(tmp);
	enum cb_status rc;

	if (fd < 0) {
		rc = cb_fail(err, CB_ERROR, "cannot create %s: %s (check the folder exists and can "
			     "be written)", path, strerror(errno));
		free(tmp);
		return rc;
	}
	rc = write_all(fd, bytes->data, bytes->len, path, err);
	if (rc == CB_OK && fsync(fd) != 0)
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", path, strerror(errno));
	if (close(fd) != 0 && rc == CB_OK)
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", path, strerror(errno));
	if (rc == CB_OK && rename(tmp, path) != 0)
		rc = cb_fail(err, CB_ERROR, "cannot write %s: %s", path, strerror(errno));
	if (rc != CB_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

enum cb_status cb_bundle_seal_write(const char *path, const cb_bundle_header *h,
				    const unsigned char *plain, size_t len,
				    const unsigned char key[CB_SYNC_KEY_LEN], cb_err *err)
{
	strbuf out = {0};
	unsigned char nonce[NONCE_LEN];
	unsigned long long sealed_len;
	size_t header_len;
	enum cb_status rc;

	randombytes_buf(nonce, sizeof nonce);
	encode_header(&out, h, nonce, len + TAG_LEN);
	header_len = out.len;
	out.data = xreallocarray(out.data, 1, header_len + len + TAG_LEN + 1);
	out.cap = header_len + len + TAG_LEN + 1;
	crypto_aead_xchacha20poly1305_ietf_encrypt((unsigned char *)out.data + header_len,
						   &sealed_len, plain, len,
						   (unsigned char *)out.data, header_len, NULL, nonce,
						   key);
	out.len = header_len + (size_t)sealed_len;
	rc = write_file(path, &out, err);
	sb_free(&out);
	return rc;
}

enum cb_status cb_bundle_write(const char *path, const cb_bundle_header *h,
			       const cb_bundle_payload *p, const unsigned char key[CB_SYNC_KEY_LEN],
			       cb_err *err)
{
	strbuf plain = {0};
	enum cb_status rc;

	encode_payload(&plain, p);
	rc = cb_bundle_seal_write(path, h, (const unsigned char *)plain.data, plain.len, key, err);
	sodium_memzero(plain.data, plain.len);
	sb_free(&plain);
	return rc;
}

/* ---- reading ---- */

typedef struct reader {
	const unsigned char *p, *end;
	int short_read; /* ran past the end */
} reader;

static const unsigned char *take(reader *r, size_t n)
{
	const unsigned char *at = r->p;

	if ((size_t)(r->end - r->p) < n) {
		r->short_read = 1;
		r->p = r->end;
		return NULL;
	}
	r->p += n;
	return at;
}

static uint64_t get_uint(reader *r, int bytes)
{
	const unsigned char *b = take(r, (size_t)bytes);
	uint64_t v = 0;

	for (int i = 0; b && i < bytes; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static void get_str(reader *r, char *out)
{
	size_t n = (size_t)get_uint(r, 1);
	const unsigned char *b = n <= CB_BUNDLE_ID_MAX ? take(r, n) : NULL;

	out[0] = '\0';
	if (b) {
		memcpy(out, b, n);
		out[n] = '\0';
	} else if (n > CB_BUNDLE_ID_MAX) {
		r->short_read = 1;
	}
}

static void decode_header(reader *r, cb_bundle_header *h, size_t *sealed_len)
{
	h->kind = (enum cb_bundle_kind)get_uint(r, 1);
	get_str(r, h->hub_id);
	get_str(r, h->team_id);
	get_str(r, h->sender);
	get_str(r, h->recipient);
	h->bundle = get_uint(r, 8);
	h->seq_from = get_uint(r, 8);
	h->seq_to = get_uint(r, 8);
	h->ack = get_uint(r, 8);
	h->created_ms = (int64_t)get_uint(r, 8);
	take(r, NONCE_LEN);
	*sealed_len = (size_t)get_uint(r, 8);
}

static enum cb_status slurp(const char *path, cb_bundle_file *f, cb_err *err)
{
	FILE *in = fopen(path, "rb");
	strbuf sb = {0};
	char buf[65536];
	size_t n;

	if (in == NULL)
		return cb_fail(err, CB_NOT_FOUND, "cannot open %s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		sb_appendn(&sb, buf, n);
	if (ferror(in)) {
		fclose(in);
		sb_free(&sb);
		return cb_fail(err, CB_ERROR, "cannot read %s: %s", path, strerror(errno));
	}
	fclose(in);
	f->len = sb.len;
	/* An empty file is an empty buffer, not NULL: the reader does arithmetic on the pointer. */
	f->data = sb.data ? (unsigned char *)sb.data : xcalloc(1, 1);
	return CB_OK;
}

static enum cb_status truncated(const char *path, size_t have, size_t want, cb_err *err)
{
	if (want)
		return cb_fail(err, CB_CORRUPT,
			       "%s is truncated: it should be %zu bytes but is %zu. Nothing was "
			       "changed; copy the bundle again from the device that wrote it",
			       path, want, have);
	return cb_fail(err, CB_CORRUPT,
		       "%s is truncated (it ends inside its header, after %zu bytes). Nothing was "
		       "changed; copy the bundle again from the device that wrote it", path, have);
}

/* The mark and the format version: what every later version of the format keeps. */
static enum cb_status check_outside(const char *path, reader *r, cb_bundle_file *f, cb_err *err)
{
	size_t mark = f->len < CB_BUNDLE_MAGIC_LEN ? f->len : CB_BUNDLE_MAGIC_LEN;

	if (memcmp(f->data, CB_BUNDLE_MAGIC, mark) != 0 || f->len == 0)
		return cb_fail(err, CB_INVALID,
			       "%s is not a casebook sync bundle (it does not start with the bundle "
			       "mark); check the file name. Nothing was changed", path);
	take(r, CB_BUNDLE_MAGIC_LEN);
	f->h.version = (unsigned)get_uint(r, 2);
	if (r->short_read)
		return truncated(path, f->len, 0, err);
	if (f->h.version > CB_BUNDLE_FORMAT)
		return cb_fail(err, CB_INVALID,
			       "%s was written by a newer casebook (bundle format %u; this casebook "
			       "reads format %d and older). Nothing was changed; update casebook on "
			       "this machine, then import the bundle again",
			       path, f->h.version, CB_BUNDLE_FORMAT);
	if (f->h.version == 0)
		return cb_fail(err, CB_CORRUPT, "%s is damaged (its format version is 0). Nothing "
			       "was changed; copy the bundle again", path);
	return CB_OK;
}

enum cb_status cb_bundle_read(const char *path, cb_bundle_file *f, cb_err *err)
{
	reader r;
	enum cb_status rc;

	memset(f, 0, sizeof *f);
	if ((rc = slurp(path, f, err)))
		return rc;
	r = (reader){f->data, f->data + f->len, 0};
	if ((rc = check_outside(path, &r, f, err)))
		return rc;
	decode_header(&r, &f->h, &f->sealed_len);
	if (r.short_read)
		return truncated(path, f->len, 0, err);
	f->header_len = (size_t)(r.p - f->data);
	f->sealed_at = f->header_len;
	if (f->sealed_len < TAG_LEN || f->sealed_len > SIZE_MAX - f->header_len)
		return cb_fail(err, CB_CORRUPT, "%s is damaged (its header gives an impossible "
			       "length). Nothing was changed; copy the bundle again", path);
	if (f->len < f->header_len + f->sealed_len)
		return truncated(path, f->len, f->header_len + f->sealed_len, err);
	if (f->len > f->header_len + f->sealed_len)
		return cb_fail(err, CB_CORRUPT,
			       "%s has %zu bytes more than its header says: it was changed after it "
			       "was written. Nothing was changed; ask for a fresh bundle",
			       path, f->len - f->header_len - f->sealed_len);
	return CB_OK;
}

void cb_bundle_file_free(cb_bundle_file *f)
{
	free(f->data);
	memset(f, 0, sizeof *f);
}

static char *section_text(const unsigned char *data, size_t len)
{
	char *s = xmalloc(len + 1);

	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

/* ---- the changeset's outline ---- */

/* SQLite's varint: up to eight bytes of 7 bits each (high bit: more follow), a ninth of 8. */
static uint64_t get_varint(reader *r)
{
	uint64_t v = 0;

	for (int i = 0; i < 9; i++) {
		const unsigned char *b = take(r, 1);
		if (b == NULL)
			return 0;
		if (i == 8)
			return (v << 8) | *b;
		v = (v << 7) | (*b & 0x7f);
		if (!(*b & 0x80))
			break;
	}
	return v;
}

/* A table header after its 'T': the column count, a primary-key flag each, a NUL-ended name. */
static bool table_header(reader *r, uint64_t *ncol)
{
	*ncol = get_varint(r);
	if (*ncol == 0 || *ncol > 65536 || take(r, (size_t)*ncol) == NULL)
		return false;
	while (r->p < r->end && *r->p)
		r->p++;
	return take(r, 1) != NULL;
}

/* One record: a value per column, each a type byte and the bytes that type has. */
static bool record(reader *r, uint64_t ncol)
{
	for (uint64_t i = 0; i < ncol; i++) {
		const unsigned char *type = take(r, 1);
		uint64_t n;
		if (type == NULL)
			return false;
		switch (*type) {
		case 0: /* undefined (an update's unchanged column) */
		case SQLITE_NULL: break;
		case SQLITE_INTEGER:
		case SQLITE_FLOAT: take(r, 8); break;
		case SQLITE_TEXT:
		case SQLITE_BLOB:
			n = get_varint(r);
			if (n > INT_MAX || take(r, (size_t)n) == NULL)
				return false;
			break;
		default: return false;
		}
	}
	return !r->short_read;
}

/*
 * True if every table header and every change of the changeset lies inside
 * it. SQLite's own reader (3.40) loops for ever on a table header whose
 * columns run past the end, so the changeset is walked before SQLite sees it.
 */
static bool changeset_whole(const unsigned char *data, size_t len)
{
	reader r = {data, data + len, 0};
	uint64_t ncol = 0;

	while (r.p < r.end) {
		int op = *r.p++;
		if (op == 'T') {
			if (!table_header(&r, &ncol))
				return false;
		} else if (ncol && (op == SQLITE_INSERT || op == SQLITE_DELETE ||
				    op == SQLITE_UPDATE)) {
			take(&r, 1); /* the indirect flag */
			if (!record(&r, ncol) || (op == SQLITE_UPDATE && !record(&r, ncol)))
				return false;
		} else {
			return false;
		}
	}
	return !r.short_read;
}

/* Splits the opened payload into its sections; false if it is not well formed. */
static int decode_payload(const unsigned char *data, size_t len, cb_bundle_payload *p)
{
	reader r = {data, data + len, 0};

	while (r.p < r.end) {
		int tag = (int)get_uint(&r, 1);
		size_t n = (size_t)get_uint(&r, 4);
		const unsigned char *body = take(&r, n);
		char **text = tag == 'H' ? &p->held : tag == 'D' ? &p->drop
						  : tag == 'E' ? &p->enrol : NULL;
		if (r.short_read)
			return 0;
		if (tag == 'C' && p->changeset == NULL) {
			p->changeset = xmalloc(n ? n : 1);
			memcpy(p->changeset, body, n);
			p->changeset_len = n;
		} else if (text && *text == NULL) {
			*text = section_text(body, n);
		} else {
			return 0;
		}
	}
	return p->changeset != NULL && changeset_whole(p->changeset, p->changeset_len);
}

enum cb_status cb_bundle_open(const cb_bundle_file *f, const unsigned char key[CB_SYNC_KEY_LEN],
			      unsigned char **plain, size_t *len, cb_err *err)
{
	const unsigned char *nonce = f->data + f->header_len - 8 - NONCE_LEN;
	unsigned long long plain_len = 0;

	*plain = xmalloc(f->sealed_len);
	*len = 0;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(*plain, &plain_len, NULL,
						       f->data + f->sealed_at, f->sealed_len,
						       f->data, f->header_len, nonce, key) != 0) {
		free(*plain);
		*plain = NULL;
		return cb_fail(err, CB_CORRUPT, "failed its authenticity check");
	}
	*len = (size_t)plain_len;
	return CB_OK;
}

enum cb_status cb_bundle_unseal(const cb_bundle_file *f, const unsigned char key[CB_SYNC_KEY_LEN],
				cb_bundle_payload *out, cb_err *err)
{
	unsigned char *plain = NULL;
	size_t len = 0;
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_bundle_open(f, key, &plain, &len, err)))
		return rc;
	if (!decode_payload(plain, len, out)) {
		rc = cb_fail(err, CB_CORRUPT, "is damaged inside although it is authentic");
		cb_bundle_payload_free(out);
	}
	sodium_memzero(plain, len);
	free(plain);
	return rc;
}
