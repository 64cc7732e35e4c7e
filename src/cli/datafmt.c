/* datafmt.c: every key of the caseload file format, its column, type and rules. */
#include "cli/datafmt.h"

#include <limits.h>
#include <string.h>

#include "core/mem.h"

static const char *const roles[] = {"practitioner", "supervisor", NULL};
static const char *const relationships[] = {"child", "main_caregiver", "other_adult", "sibling",
					    NULL};
static const char *const needs[] = {"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9",
				    NULL};
static const char *const outcomes[] = {"pending", "accepted", "early_help", "nfa", NULL};
static const char *const plans[] = {"none", "early_help", "cin", "cp", "lac", NULL};
static const char *const contact_types[] = {
	"home_visit",         "office_visit",         "phone",
	"message",            "school_meeting",       "health_appointment",
	"multi_agency_meeting", "family_network_meeting", "direct_work",
	"other",              NULL,
};
static const char *const raters[] = {"worker", "family_member", "child", NULL};
static const char *const categories[] = {
	"education_employment", "success_happiness", "housing_independence",
	"family_relationships", "independent_living", "reunification",
	"residency_safety",     "emotional_wellbeing", "other",
	NULL,
};
static const char *const owners[] = {"family", "worker", NULL};
static const char *const statuses[] = {"active", "achieved", "dropped", NULL};
static const char *const agreements[] = {"identical", "different", NULL};

#define REQ CB_FF_REQUIRED
#define F(key, col, type, flags) {key, col, type, flags, NULL, 0, 0, 0, NULL}
#define FD(key, col, type, dflt) {key, col, type, 0, NULL, 0, 0, 0, dflt}
#define FE(key, col, flags, list, dflt) {key, col, CB_F_ENUM, flags, list, 0, 0, 0, dflt}
#define FR(key, col, kind, flags) {key, col, CB_F_REF, flags, NULL, kind, 0, 0, NULL}
#define FL(key, kind) {key, NULL, CB_F_LIST, 0, NULL, kind, 0, 0, NULL}
#define FI(key, col, flags, lo, hi) {key, col, CB_F_INT, flags, NULL, 0, lo, hi, NULL}
#define META                                                   \
	F("created_at", "created_at", CB_F_UTC, CB_FF_META),   \
	F("created_by", "created_by", CB_F_NAME, CB_FF_META),  \
	F("device_id", "device_id", CB_F_NAME, CB_FF_META)
#define META_MUTABLE META, F("updated_at", "updated_at", CB_F_HLC, CB_FF_META)

static const cb_field team_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("name", "name", CB_F_NAME, REQ),
	META_MUTABLE,
};

static const cb_field practitioner_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("name", "name", CB_F_NAME, REQ),
	FE("role", "role", REQ, roles, NULL),
	FR("team", "team_id", CB_R_TEAM, 0),
	FD("active", "active", CB_F_BOOL, "1"),
	META_MUTABLE,
};

static const cb_field family_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("ref", "family_ref", CB_F_NAME, REQ),
	F("name", "name", CB_F_NAME, REQ),
	F("address", "address", CB_F_TEXT, 0),
	FL("people", CB_R_PERSON),
	FL("cases", CB_R_CASE),
	META_MUTABLE,
};

static const cb_field person_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("name", "name", CB_F_NAME, REQ),
	FE("relationship", "relationship", REQ | CB_FF_MEMBER, relationships, NULL),
	F("born", "born", CB_F_DATE, 0),
	F("gender", "gender", CB_F_TEXT, 0),
	F("ethnicity", "ethnicity", CB_F_TEXT, 0),
	META_MUTABLE,
};

static const cb_field case_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	FR("child", "child_id", CB_R_PERSON, REQ | CB_FF_PERSON),
	F("referred_on", "referred_on", CB_F_DATE, REQ),
	F("referral_source", "referral_source", CB_F_NAME, REQ),
	FE("need", "need", REQ, needs, NULL),
	FR("practitioner", "practitioner_id", CB_R_PRACTITIONER, 0),
	FR("team", "team_id", CB_R_TEAM, 0),
	F("closed_on", "closed_on", CB_F_DATE, 0),
	F("closure_reason", "closure_reason", CB_F_NAME, 0),
	FL("referrals", CB_R_REFERRAL),
	FL("plans", CB_R_PLAN),
	FL("notes", CB_R_NOTE),
	FL("assessments", CB_R_ASSESSMENT),
	FL("goals", CB_R_GOAL),
	META_MUTABLE,
};

static const cb_field referral_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("referred_on", "referred_on", CB_F_DATE, REQ),
	F("source", "source", CB_F_NAME, REQ),
	FE("outcome", "outcome", REQ, outcomes, NULL),
	META_MUTABLE,
};

static const cb_field plan_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	FE("plan", "plan", REQ, plans, NULL),
	F("started_on", "started_on", CB_F_DATE, REQ),
	F("ended_on", "ended_on", CB_F_DATE, 0),
	META_MUTABLE,
};

static const cb_field note_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	FE("type", "contact_type", REQ, contact_types, NULL),
	F("at", "occurred_at", CB_F_DATETIME, REQ),
	FI("duration", "duration_minutes", 0, 0, 1440),
	F("present", "present", CB_F_TEXT, 0),
	FD("child_seen", "child_seen", CB_F_BOOL, "0"),
	FD("child_seen_alone", "child_seen_alone", CB_F_BOOL, "0"),
	F("worries", "worries", CB_F_TEXT, 0),
	F("working_well", "working_well", CB_F_TEXT, 0),
	F("needs_to_happen", "needs_to_happen", CB_F_TEXT, 0),
	FD("text", "body", CB_F_TEXT, ""),
	FD("confidential", "confidential", CB_F_BOOL, "0"),
	FL("amendments", CB_R_AMENDMENT),
	META,
};

static const cb_field amendment_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("reason", "reason", CB_F_NAME, REQ),
	F("worries", "worries", CB_F_TEXT, 0),
	F("working_well", "working_well", CB_F_TEXT, 0),
	F("needs_to_happen", "needs_to_happen", CB_F_TEXT, 0),
	F("text", "body", CB_F_TEXT, 0),
	META,
};

static const cb_field assessment_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("instrument", "instrument", CB_F_NAME, REQ),
	FI("version", "instrument_version", CB_FF_SOFT, 1, INT_MAX),
	F("content_hash", "content_hash", CB_F_NAME, CB_FF_SOFT),
	F("on", "assessed_on", CB_F_DATE, REQ),
	FR("assessor", "assessor_id", CB_R_PRACTITIONER, 0),
	FE("rater", "rater", REQ, raters, NULL),
	FR("rater_person", "rater_person_id", CB_R_PERSON, CB_FF_PERSON),
	F("comment", "comment", CB_F_TEXT, 0),
	{"answers", NULL, CB_F_ANSWERS, 0, NULL, 0, 0, 0, NULL},
	META,
};

static const cb_field goal_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	FE("category", "category", REQ, categories, NULL),
	FE("owner", "owner", REQ, owners, NULL),
	FR("owner_person", "owner_person_id", CB_R_PERSON, CB_FF_PERSON),
	F("text", "text", CB_F_NAME, REQ),
	FE("status", "status", 0, statuses, "active"),
	F("set_on", "set_on", CB_F_DATE, REQ),
	FR("paired_with", "paired_goal_id", CB_R_GOAL, 0),
	FE("agreement", "agreement", 0, agreements, NULL),
	F("worker_thinks_match", "worker_thinks_match", CB_F_BOOL, 0),
	FL("reviews", CB_R_REVIEW),
	META_MUTABLE,
};

static const cb_field review_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	F("on", "reviewed_on", CB_F_DATE, REQ),
	FI("progress", "progress", REQ, 0, 10),
	F("comment", "comment", CB_F_TEXT, 0),
	META,
};

static const cb_field supervision_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	FR("team", "team_id", CB_R_TEAM, 0),
	F("held_on", "held_on", CB_F_DATE, REQ),
	F("notes", "notes", CB_F_TEXT, 0),
	{"attendees", NULL, CB_F_IDLIST, 0, NULL, CB_R_PRACTITIONER, 0, 0, NULL},
	FL("cases", CB_R_SUPCASE),
	FL("actions", CB_R_ACTION),
	META_MUTABLE,
};

static const cb_field supcase_fields[] = {
	FR("case", "case_id", CB_R_CASE, REQ),
	F("decision", "decision", CB_F_TEXT, 0),
};

static const cb_field action_fields[] = {
	F("id", "id", CB_F_ID, REQ),
	FR("case", "case_id", CB_R_CASE, 0),
	FR("owner", "owner_id", CB_R_PRACTITIONER, 0),
	F("action", "action", CB_F_NAME, REQ),
	F("due_on", "due_on", CB_F_DATE, 0),
	F("done_on", "done_on", CB_F_DATE, 0),
	META_MUTABLE,
};

#define N(a) (sizeof a / sizeof a[0])
#define RT(kind, name, plural, table, parent, order, has_id, mut, fields) \
	[kind] = {kind, name, plural, table, parent, order, has_id, mut, fields, N(fields)}

const cb_rectype cb_rectypes[CB_R_COUNT] = {
	RT(CB_R_TEAM, "team", "teams", "teams", NULL, "id", true, true, team_fields),
	RT(CB_R_PRACTITIONER, "practitioner", "practitioners", "practitioners", NULL, "id", true,
	   true, practitioner_fields),
	RT(CB_R_FAMILY, "family", "families", "families", NULL, "id", true, true, family_fields),
	/* People hang off families through family_members, so no parent column. */
	RT(CB_R_PERSON, "person", "people", "people", NULL, "id", true, true, person_fields),
	RT(CB_R_CASE, "case", "cases", "cases", "family_id", "referred_on, id", true, true,
	   case_fields),
	RT(CB_R_REFERRAL, "referral", "referrals", "referrals", "case_id", "referred_on, id", true,
	   true, referral_fields),
	RT(CB_R_PLAN, "plan", "plans", "plan_episodes", "case_id", "started_on, id", true, true,
	   plan_fields),
	RT(CB_R_NOTE, "note", "notes", "notes", "case_id", "occurred_at, id", true, false,
	   note_fields),
	RT(CB_R_AMENDMENT, "amendment", "amendments", "note_amendments", "note_id",
	   "created_at, id", true, false, amendment_fields),
	RT(CB_R_ASSESSMENT, "assessment", "assessments", "assessments", "case_id",
	   "assessed_on, id", true, false, assessment_fields),
	RT(CB_R_GOAL, "goal", "goals", "goals", "case_id", "set_on, id", true, true, goal_fields),
	RT(CB_R_REVIEW, "goal review", "goal reviews", "goal_reviews", "goal_id",
	   "reviewed_on, id", true, false, review_fields),
	RT(CB_R_SUPERVISION, "supervision", "supervisions", "supervisions", NULL, "held_on, id",
	   true, true, supervision_fields),
	RT(CB_R_SUPCASE, "supervision case", "supervision cases", "supervision_cases",
	   "supervision_id", "case_id", false, false, supcase_fields),
	RT(CB_R_ACTION, "action", "actions", "supervision_actions", "supervision_id", "id", true,
	   true, action_fields),
};

const cb_section_key cb_data_sections[] = {
	{"teams", CB_R_TEAM},
	{"practitioners", CB_R_PRACTITIONER},
	{"families", CB_R_FAMILY},
	{"supervisions", CB_R_SUPERVISION},
};
const size_t cb_n_data_sections = N(cb_data_sections);

long cb_rectype_field(const cb_rectype *rt, const char *key)
{
	for (size_t i = 0; i < rt->n_fields; i++)
		if (strcmp(rt->fields[i].key, key) == 0)
			return (long)i;
	return -1;
}

char *cb_words_list(const char *const *words)
{
	strbuf sb = {0};

	for (size_t i = 0; words[i]; i++)
		sb_appendf(&sb, "%s%s", i ? ", " : "", words[i]);
	return sb_take(&sb);
}
