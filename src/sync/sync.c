/* sync.c: hub set-up, enrolment, export and import of bundles, and the counts the app shows. */
#include "sync/sync.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "sync/bundle.h"
#include "sync/inbound.h"
#include "sync/outbound.h"

void cb_sync_report_free(cb_sync_report *r)
{
	free(r->peer);
	free(r->peer_id);
	cb_diag_free(&r->notes);
	memset(r, 0, sizeof *r);
}

/* ---- small queries ---- */

static char *text_query(cb_store *st, const char *sql, const char *arg)
{
	sqlite3_stmt *q = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			v = xstrdup_or_null((const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	return v;
}

static long long count_query(cb_store *st, const char *sql, const char *arg)
{
	sqlite3_stmt *q = NULL;
	long long n = -1;

	if (sqlite3_prepare_v2(cb_store_db(st), sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			n = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	return n;
}

static enum cb_status not_in_team(cb_err *err)
{
	return cb_fail(err, CB_INVALID, "this casebook is not in a sync team: run `casebook sync "
		       "init-hub` on the team's hub, or `casebook sync enrol --from FILE` on a "
		       "new laptop");
}

/* ---- the hub ---- */

static enum cb_status pick_team(cb_store *st, const char *team_id, char **out, cb_err *err)
{
	long long teams = count_query(st, "SELECT count(*) FROM teams WHERE ?1 IS NULL OR id = ?1",
				      team_id);

	*out = NULL;
	if (team_id && teams == 1) {
		*out = xstrdup(team_id);
		return CB_OK;
	}
	if (team_id)
		return cb_fail(err, CB_NOT_FOUND, "there is no team %s in this casebook", team_id);
	if (teams == 1) {
		*out = text_query(st, "SELECT id FROM teams", NULL);
		return CB_OK;
	}
	if (teams == 0)
		return cb_fail(err, CB_INVALID, "this casebook has no team yet: import the team's "
			       "caseload (casebook import FILE) first");
	return cb_fail(err, CB_INVALID, "this casebook has %lld teams: say which one the hub is "
		       "for with --team ID", teams);
}

enum cb_status cb_sync_init_hub(cb_store *st, const char *team_id, char **hub_id, cb_err *err)
{
	cb_sync_identity me;
	char id[CB_UUID_LEN + 1], *team = NULL;
	enum cb_status rc;

	*hub_id = NULL;
	cb_sync_identity_load(st, &me);
	if (me.role != CB_SYNC_NONE) {
		rc = cb_fail(err, CB_INVALID, "this casebook is already a %s in sync team %s (hub %.8s)",
			     cb_sync_role_name(me.role), me.team_id ? me.team_id : "?",
			     me.hub_id ? me.hub_id : "?");
		goto out;
	}
	if ((rc = pick_team(st, team_id, &team, err)) || (rc = cb_store_begin(st, err)))
		goto out;
	cb_uuid_new(id);
	if ((rc = cb_store_meta_set(st, "sync_role", "hub", err)) ||
	    (rc = cb_store_meta_set(st, "sync_hub_id", id, err)) ||
	    (rc = cb_store_meta_set(st, "sync_team_id", team, err)) ||
	    (rc = cb_store_commit(st, err)))
		cb_store_rollback(st);
	else
		*hub_id = xstrdup(id);
out:
	free(team);
	cb_sync_identity_free(&me);
	return rc;
}

/* "Ann Patel's laptop", with a number if she has one already. */
static char *default_label(cb_store *st, const char *name)
{
	char *label = xasprintf("%s's laptop", name);

	for (int n = 2; count_query(st, "SELECT count(*) FROM sync_devices WHERE label = ?1", label) > 0;
	     n++) {
		free(label);
		label = xasprintf("%s's laptop %d", name, n);
	}
	return label;
}

static enum cb_status new_laptop(cb_store *st, const cb_sync_identity *me, const char *prac,
				 const char *label, cb_sync_enrolment *out, cb_sync_peer *p,
				 cb_err *err)
{
	char *name = text_query(st, "SELECT name FROM practitioners WHERE id = ?1 AND active = 1",
				prac);
	char code[CB_SYNC_CODE_CHARS + 1];
	char now[25];

	if (name == NULL)
		return cb_fail(err, CB_NOT_FOUND, "there is no active practitioner %s in this "
			       "casebook; casebook export lists them", prac);
	cb_uuid_new(out->device_id);
	cb_sync_code_new(out->code);
	cb_sync_code_normalise(out->code, code);
	cb_store_now(st, now);
	memset(p, 0, sizeof *p);
	p->id = xstrdup(out->device_id);
	p->role = xstrdup("laptop");
	p->practitioner_id = xstrdup(prac);
	p->label = label ? xstrdup(label) : default_label(st, name);
	p->enrolled_at = xstrdup(now);
	cb_sync_key_derive(code, me->hub_id, out->device_id, p->key);
	free(name);
	return cb_sync_peer_save(st, p, err);
}

enum cb_status cb_sync_enrol(cb_store *st, const char *practitioner_id, const char *label,
			     const char *path, cb_sync_enrolment *out, cb_err *err)
{
	cb_sync_identity me;
	cb_sync_peer peer = {0};
	char *enrol = NULL;
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	cb_sync_identity_load(st, &me);
	if (me.role != CB_SYNC_HUB) {
		rc = cb_fail(err, CB_INVALID, "laptops are enrolled on the hub; this casebook is %s",
			     me.role == CB_SYNC_LAPTOP ? "a laptop" : "not a hub (casebook sync init-hub)");
		goto out;
	}
	if ((rc = cb_store_begin(st, err)))
		goto out;
	if ((rc = new_laptop(st, &me, practitioner_id, label, out, &peer, err)) == CB_OK) {
		enrol = xasprintf("%s\n%s\n", practitioner_id, peer.label);
		rc = cb_sync_outbound(st, &me, &peer, enrol, path, &out->report, err);
	}
	if (rc == CB_OK && (rc = cb_store_commit(st, err)))
		unlink(path);
	if (rc)
		cb_store_rollback(st);
out:
	free(enrol);
	cb_sync_peer_clear(&peer);
	cb_sync_identity_free(&me);
	return rc;
}

/* ---- reading a bundle addressed here ---- */

static enum cb_status tampered(const char *path, const char *peer, cb_err *err)
{
	return cb_fail(err, CB_CORRUPT,
		       "%s failed its authenticity check: it was changed or damaged after it was "
		       "written. Nothing was changed; ask %s for a fresh bundle", path, peer);
}

static enum cb_status check_address(cb_store *st, const cb_sync_identity *me,
				    const cb_bundle_file *f, const char *path, cb_err *err)
{
	const cb_bundle_header *h = &f->h;

	if (strcmp(h->hub_id, me->hub_id) != 0)
		return cb_fail(err, CB_INVALID,
			       "%s comes from another hub (team %s, hub %.8s); this casebook syncs "
			       "with team %s, hub %.8s. Nothing was changed; import bundles from your "
			       "own team", path, h->team_id, h->hub_id, me->team_id ? me->team_id : "?",
			       me->hub_id);
	if (strcmp(h->recipient, cb_store_device(st)) != 0)
		return cb_fail(err, CB_INVALID,
			       "%s is meant for another device (%.8s); this one is %.8s. Nothing was "
			       "changed; import it on the device it was written for", path,
			       h->recipient, cb_store_device(st));
	return CB_OK;
}

static enum cb_status load_sender(cb_store *st, const cb_bundle_file *f, const char *path,
				  cb_sync_peer *peer, cb_err *err)
{
	enum cb_status rc = cb_sync_peer_load(st, f->h.sender, peer, err);

	if (rc == CB_NOT_FOUND)
		return cb_fail(err, CB_INVALID, "%s comes from a device this casebook does not know "
			       "(%.8s); enrol it on the hub first. Nothing was changed", path,
			       f->h.sender);
	if (rc == CB_OK && peer->revoked_at)
		rc = cb_fail(err, CB_INVALID, "%s comes from %s, which was revoked on %.10s. Nothing "
			     "was changed", path, peer->label, peer->revoked_at);
	return rc;
}

static enum cb_status check_sequence(const cb_bundle_file *f, const cb_sync_peer *peer,
				     const char *path, cb_err *err)
{
	if ((int64_t)f->h.seq_from > peer->got_seq + 1)
		return cb_fail(err, CB_INVALID,
			       "%s starts at change %llu from %s, but only changes up to %lld have "
			       "been imported here (was this casebook restored from a backup?). "
			       "Nothing was changed; export a bundle from here to %s and import its "
			       "next bundle, which will carry the missing changes", path,
			       (unsigned long long)f->h.seq_from, peer->label, (long long)peer->got_seq,
			       peer->label);
	return CB_OK;
}

static enum cb_status import_opened(cb_store *st, const cb_sync_identity *me, cb_sync_peer *peer,
				    const cb_bundle_file *f, const cb_bundle_payload *p,
				    const char *path, cb_sync_report *out, cb_err *err)
{
	enum cb_status rc;

	if ((rc = check_sequence(f, peer, path, err)) || (rc = cb_store_begin_bulk(st, err)))
		return rc;
	if ((rc = cb_sync_inbound(st, me, peer, &f->h, p, path, out, err)) ||
	    (rc = cb_store_commit(st, err))) {
		cb_store_rollback(st);
		cb_err_prefix(err, "%s (nothing was changed)", path);
	}
	return rc;
}

static void replay(const cb_sync_peer *peer, const cb_bundle_file *f, cb_sync_report *out)
{
	out->replay = true;
	out->peer = xstrdup(peer->label);
	out->peer_id = xstrdup(peer->id);
	out->bundle = f->h.bundle;
	out->seq_from = f->h.seq_from;
	out->seq_to = f->h.seq_to;
	cb_diag_add(&out->notes, "bundle %llu from %s was imported before (the last imported is "
		    "bundle %lld): nothing in it is new, and nothing was changed",
		    (unsigned long long)f->h.bundle, peer->label, (long long)peer->got_bundle);
}

enum cb_status cb_sync_import(cb_store *st, const char *path, cb_sync_report *out, cb_err *err)
{
	cb_sync_identity me;
	cb_bundle_file f;
	cb_bundle_payload p = {0};
	cb_sync_peer peer = {0};
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	cb_sync_identity_load(st, &me);
	if (me.role == CB_SYNC_NONE) {
		rc = not_in_team(err);
		f = (cb_bundle_file){0};
		goto out;
	}
	if ((rc = cb_bundle_read(path, &f, err)) || (rc = check_address(st, &me, &f, path, err)) ||
	    (rc = load_sender(st, &f, path, &peer, err)))
		goto out;
	if (cb_bundle_unseal(&f, peer.key, &p, err)) {
		rc = tampered(path, peer.label, err);
		goto out;
	}
	if ((int64_t)f.h.bundle <= peer.got_bundle)
		replay(&peer, &f, out);
	else
		rc = import_opened(st, &me, &peer, &f, &p, path, out, err);
out:
	cb_bundle_payload_free(&p);
	cb_bundle_file_free(&f);
	cb_sync_peer_clear(&peer);
	cb_sync_identity_free(&me);
	return rc;
}

/* ---- a laptop joining ---- */

static bool holds_records(cb_store *st)
{
	return count_query(st, "SELECT EXISTS (SELECT 1 FROM teams) OR EXISTS (SELECT 1 FROM"
			       " practitioners) OR EXISTS (SELECT 1 FROM families) OR EXISTS"
			       " (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM cases)",
			   NULL) != 0;
}

static enum cb_status can_join(cb_store *st, cb_err *err)
{
	cb_sync_identity me;
	enum cb_status rc = CB_OK;

	cb_sync_identity_load(st, &me);
	if (me.role != CB_SYNC_NONE)
		rc = cb_fail(err, CB_INVALID, "this casebook is already a %s in sync team %s; "
			     "enrol a new laptop into a new database (--db NEW-FILE)",
			     cb_sync_role_name(me.role), me.team_id ? me.team_id : "?");
	else if (holds_records(st))
		rc = cb_fail(err, CB_INVALID, "this casebook already holds records; enrol into a new "
			     "database (--db NEW-FILE) so that nothing recorded elsewhere is sent to "
			     "the hub by mistake");
	cb_sync_identity_free(&me);
	return rc;
}

/* Opens the enrolment bundle with the key the code gives. */
static enum cb_status open_enrolment(const char *path, const char *code, cb_bundle_file *f,
				     cb_bundle_payload *p, unsigned char *key, cb_err *err)
{
	char normal[CB_SYNC_CODE_CHARS + 1];
	enum cb_status rc;

	if (!cb_sync_code_normalise(code, normal))
		return cb_fail(err, CB_INVALID, "that is not an enrolment code: a code has 20 letters "
			       "and digits, like 7K2QF-9XW3M-PA4DN-0RTB8");
	if ((rc = cb_bundle_read(path, f, err)))
		return rc;
	if (f->h.kind != CB_BUNDLE_ENROL)
		return cb_fail(err, CB_INVALID, "%s is not an enrolment bundle; on the hub, run "
			       "casebook sync enrol --practitioner ID --to FILE", path);
	cb_sync_key_derive(normal, f->h.hub_id, f->h.recipient, key);
	if (cb_bundle_unseal(f, key, p, err) || p->enrol == NULL)
		return cb_fail(err, CB_INVALID, "the enrolment code does not open %s: check it for "
			       "typing mistakes (it was shown once on the hub; if it is lost, enrol "
			       "the laptop again there). Nothing was changed", path);
	return CB_OK;
}

static enum cb_status take_identity(cb_store *st, const cb_bundle_file *f, const char *prac,
				    cb_err *err)
{
	if (cb_store_meta_set(st, "sync_role", "laptop", err) ||
	    cb_store_meta_set(st, "sync_hub_id", f->h.hub_id, err) ||
	    cb_store_meta_set(st, "sync_team_id", f->h.team_id, err) ||
	    cb_store_meta_set(st, "practitioner_id", prac, err) ||
	    cb_store_set_device(st, f->h.recipient, err))
		return err->code;
	return CB_OK;
}

static enum cb_status join_opened(cb_store *st, const cb_bundle_file *f, const cb_bundle_payload *p,
				  const unsigned char *key, const char *path, cb_sync_report *out,
				  cb_err *err)
{
	char *copy = xstrdup(p->enrol), *save = NULL, *prac = strtok_r(copy, "\n", &save), now[25];
	cb_sync_peer hub = {.id = xstrdup(f->h.sender), .role = xstrdup("hub"),
			    .label = xstrdup("hub")};
	cb_sync_identity me;
	enum cb_status rc;

	cb_store_now(st, now);
	hub.enrolled_at = xstrdup(now);
	memcpy(hub.key, key, CB_SYNC_KEY_LEN);
	if ((rc = cb_store_begin_bulk(st, err)) == CB_OK) {
		if ((rc = take_identity(st, f, prac ? prac : "", err)) == CB_OK &&
		    (rc = cb_sync_peer_save(st, &hub, err)) == CB_OK) {
			cb_sync_identity_load(st, &me);
			rc = cb_sync_inbound(st, &me, &hub, &f->h, p, path, out, err);
			cb_sync_identity_free(&me);
		}
		if (rc == CB_OK)
			rc = cb_store_commit(st, err);
		if (rc)
			cb_store_rollback(st);
	}
	if (rc == CB_OK && prac)
		cb_store_set_actor(st, prac);
	cb_sync_peer_clear(&hub);
	free(copy);
	return rc;
}

enum cb_status cb_sync_join(cb_store *st, const char *path, const char *code,
			    cb_sync_report *out, cb_err *err)
{
	cb_bundle_file f = {0};
	cb_bundle_payload p = {0};
	unsigned char key[CB_SYNC_KEY_LEN];
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = can_join(st, err)) == CB_OK &&
	    (rc = open_enrolment(path, code, &f, &p, key, err)) == CB_OK)
		rc = join_opened(st, &f, &p, key, path, out, err);
	sodium_memzero(key, sizeof key);
	cb_bundle_payload_free(&p);
	cb_bundle_file_free(&f);
	return rc;
}

/* ---- export ---- */

static enum cb_status find_recipient(cb_store *st, const cb_sync_identity *me, const char *device,
				     cb_sync_peer *peer, cb_err *err)
{
	enum cb_status rc;

	if (me->role == CB_SYNC_HUB && device == NULL)
		return cb_fail(err, CB_INVALID, "say which laptop the bundle is for: --for DEVICE "
			       "(casebook sync status lists them), or --all");
	if (me->role == CB_SYNC_HUB)
		rc = cb_sync_peer_find(st, device, peer, err);
	else
		rc = cb_sync_peer_find(st, "hub", peer, err);
	if (rc == CB_OK && peer->revoked_at)
		rc = cb_fail(err, CB_INVALID, "%s was revoked on %.10s; nothing is sent to it",
			     peer->label, peer->revoked_at);
	return rc;
}

enum cb_status cb_sync_export(cb_store *st, const char *device, const char *path,
			      cb_sync_report *out, cb_err *err)
{
	cb_sync_identity me;
	cb_sync_peer peer = {0};
	enum cb_status rc;

	memset(out, 0, sizeof *out);
	cb_sync_identity_load(st, &me);
	if (me.role == CB_SYNC_NONE) {
		rc = not_in_team(err);
		goto out;
	}
	if ((rc = find_recipient(st, &me, device, &peer, err)) || (rc = cb_store_begin(st, err)))
		goto out;
	rc = cb_sync_outbound(st, &me, &peer, NULL, path, out, err);
	if (rc == CB_OK && (rc = cb_store_commit(st, err)))
		unlink(path);
	if (rc)
		cb_store_rollback(st);
out:
	cb_sync_peer_clear(&peer);
	cb_sync_identity_free(&me);
	return rc;
}

static char *bundle_name(const char *dir, const cb_sync_peer *p)
{
	return xasprintf("%s/to-%.8s-%lld.cbsync", dir, p->id, (long long)p->sent_bundle + 1);
}

enum cb_status cb_sync_export_all(cb_store *st, const char *dir, cb_sync_report **out,
				  size_t *count, cb_err *err)
{
	cb_sync_peer *peers = NULL;
	size_t n = 0;
	enum cb_status rc = CB_OK;

	*out = NULL;
	*count = 0;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return cb_fail(err, CB_ERROR, "cannot create the folder %s: %s", dir, strerror(errno));
	if ((rc = cb_sync_peers_list(st, &peers, &n, err)))
		return rc;
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n && rc == CB_OK; i++) {
		if (strcmp(peers[i].role, "laptop") != 0 || peers[i].revoked_at)
			continue;
		char *path = bundle_name(dir, &peers[i]);
		rc = cb_sync_export(st, peers[i].id, path, &(*out)[*count], err);
		if (rc == CB_OK)
			(*count)++;
		free(path);
	}
	cb_sync_peers_free(peers, n);
	return rc;
}

enum cb_status cb_sync_revoke(cb_store *st, const char *device, cb_err *err)
{
	cb_sync_peer peer = {0};
	char now[25];
	enum cb_status rc;

	if ((rc = cb_sync_peer_find(st, device, &peer, err)))
		return rc;
	if (strcmp(peer.role, "laptop") != 0)
		rc = cb_fail(err, CB_INVALID, "only laptops can be revoked, on the hub");
	else if ((rc = cb_store_begin(st, err)) == CB_OK) {
		cb_store_now(st, now);
		free(peer.revoked_at);
		peer.revoked_at = xstrdup(now);
		if ((rc = cb_sync_peer_save(st, &peer, err)) || (rc = cb_store_commit(st, err)))
			cb_store_rollback(st);
	}
	cb_sync_peer_clear(&peer);
	return rc;
}

/* ---- counts for the status bar ---- */

long long cb_sync_pending(cb_store *st)
{
	char *role = cb_store_meta_get(st, "sync_role");
	long long n = -1;

	if (role && strcmp(role, "laptop") == 0)
		n = count_query(st, "SELECT count(*) FROM audit_log WHERE seq > coalesce((SELECT"
				    " acked_seq FROM sync_devices WHERE role = 'hub'), 0)"
				    " AND device_id = ?1 AND op <> 'delete'"
				    " AND tbl NOT IN ('assessment_answers', 'assessment_scores')",
				cb_store_device(st));
	free(role);
	return n;
}

long long cb_sync_open_conflicts(cb_store *st)
{
	return count_query(st, "SELECT count(*) FROM sync_conflicts WHERE status = 'open'", NULL);
}

static void hub_forms(long long c, char forms[][96])
{
	const char *s = c == 1 ? "" : "s";

	if (c == 0) {
		for (int i = 0; i < 4; i++)
			snprintf(forms[i], 96, "hub");
		return;
	}
	snprintf(forms[0], 96, "hub: %lld conflict%s", c, s);
	snprintf(forms[1], 96, "%lld conflict%s", c, s);
	snprintf(forms[2], 96, "hub !%lld", c);
	snprintf(forms[3], 96, "!%lld", c);
}

static void laptop_forms(long long p, long long c, char forms[][96])
{
	char base[32];
	const char *s = c == 1 ? "" : "s";

	if (p > 0)
		snprintf(base, sizeof base, "%lld to sync", p);
	else
		snprintf(base, sizeof base, "synced");
	if (c > 0) {
		snprintf(forms[0], 96, "%s, %lld conflict%s", base, c, s);
		snprintf(forms[1], 96, "%s !%lld", base, c);
	} else {
		snprintf(forms[0], 96, "%s", base);
		snprintf(forms[1], 96, "%s", base);
	}
	snprintf(forms[2], 96, "%s", base);
	if (p > 0)
		snprintf(forms[3], 96, "sync %lld", p);
	else
		snprintf(forms[3], 96, "synced");
}

bool cb_sync_badge(cb_store *st, int room, char *buf, size_t size)
{
	char *role = cb_store_meta_get(st, "sync_role"), forms[4][96];
	bool hub = role && strcmp(role, "hub") == 0, laptop = role && strcmp(role, "laptop") == 0;
	int i = 0;

	free(role);
	if (!hub && !laptop)
		return false;
	if (hub)
		hub_forms(cb_sync_open_conflicts(st), forms);
	else
		laptop_forms(cb_sync_pending(st), cb_sync_open_conflicts(st), forms);
	while (i < 3 && (int)strlen(forms[i]) > room)
		i++;
	snprintf(buf, size, "%s", forms[i]);
	return true;
}
