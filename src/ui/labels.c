/* labels.c: one table from stored codes to the words on screen. */
#include "ui/labels.h"

#include <string.h>

static const struct {
	enum cb_label_kind kind;
	const char *code, *label;
} labels[] = {
	{CB_LABEL_PLAN, "none", "No plan"},
	{CB_LABEL_PLAN, "early_help", "Early Help"},
	{CB_LABEL_PLAN, "cin", "CIN"},
	{CB_LABEL_PLAN, "cp", "CP"},
	{CB_LABEL_PLAN, "lac", "LAC"},
	{CB_LABEL_PLAN_LONG, "none", "No plan"},
	{CB_LABEL_PLAN_LONG, "early_help", "Early Help"},
	{CB_LABEL_PLAN_LONG, "cin", "Child in Need (CIN)"},
	{CB_LABEL_PLAN_LONG, "cp", "Child Protection (CP)"},
	{CB_LABEL_PLAN_LONG, "lac", "Looked After (LAC)"},
	{CB_LABEL_NEED, "N0", "Not stated"},
	{CB_LABEL_NEED, "N1", "Abuse or neglect"},
	{CB_LABEL_NEED, "N2", "Child's disability or illness"},
	{CB_LABEL_NEED, "N3", "Parent's disability or illness"},
	{CB_LABEL_NEED, "N4", "Family in acute stress"},
	{CB_LABEL_NEED, "N5", "Family dysfunction"},
	{CB_LABEL_NEED, "N6", "Socially unacceptable behaviour"},
	{CB_LABEL_NEED, "N7", "Low income"},
	{CB_LABEL_NEED, "N8", "Absent parenting"},
	{CB_LABEL_NEED, "N9", "Cases other than CIN"},
	{CB_LABEL_CONTACT, "home_visit", "Home visit"},
	{CB_LABEL_CONTACT, "office_visit", "Office visit"},
	{CB_LABEL_CONTACT, "phone", "Phone call"},
	{CB_LABEL_CONTACT, "message", "Message"},
	{CB_LABEL_CONTACT, "school_meeting", "School meeting"},
	{CB_LABEL_CONTACT, "health_appointment", "Health appointment"},
	{CB_LABEL_CONTACT, "multi_agency_meeting", "Multi-agency meeting"},
	{CB_LABEL_CONTACT, "family_network_meeting", "Family network meeting"},
	{CB_LABEL_CONTACT, "direct_work", "Direct work"},
	{CB_LABEL_CONTACT, "other", "Other contact"},
	{CB_LABEL_RELATIONSHIP, "child", "child"},
	{CB_LABEL_RELATIONSHIP, "main_caregiver", "main caregiver"},
	{CB_LABEL_RELATIONSHIP, "other_adult", "other adult"},
	{CB_LABEL_RELATIONSHIP, "sibling", "sibling"},
	{CB_LABEL_GOAL, "education_employment", "education and employment"},
	{CB_LABEL_GOAL, "success_happiness", "success and happiness"},
	{CB_LABEL_GOAL, "housing_independence", "housing and independence"},
	{CB_LABEL_GOAL, "family_relationships", "improved family relationships"},
	{CB_LABEL_GOAL, "independent_living", "independent living skills"},
	{CB_LABEL_GOAL, "reunification", "reunification with children"},
	{CB_LABEL_GOAL, "residency_safety", "residency and safety"},
	{CB_LABEL_GOAL, "emotional_wellbeing", "emotional wellbeing and mental health"},
	{CB_LABEL_GOAL, "other", "other goals"},
	{CB_LABEL_RATER, "worker", "worker"},
	{CB_LABEL_RATER, "family_member", "family member"},
	{CB_LABEL_RATER, "child", "young person"},
	{CB_LABEL_OUTCOME, "pending", "pending"},
	{CB_LABEL_OUTCOME, "accepted", "accepted"},
	{CB_LABEL_OUTCOME, "early_help", "early help"},
	{CB_LABEL_OUTCOME, "nfa", "no further action"},
};

const char *cb_label(enum cb_label_kind kind, const char *code)
{
	if (code == NULL)
		return "-";
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (labels[i].kind == kind && strcmp(labels[i].code, code) == 0)
			return labels[i].label;
	return code;
}
