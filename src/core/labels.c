/* labels.c: code-to-label tables. */
#include "core/labels.h"

#include <string.h>

static const char *const plans[][3] = {
	{"none", "None", "None"}, {"early_help", "Early Help", "EH"}, {"cin", "CIN", "CIN"},
	{"cp", "CP", "CP"},       {"lac", "LAC", "LAC"},
};

const char *const cb_plan_codes[] = {"none", "early_help", "cin", "cp", "lac", NULL};

static const char *plan_field(const char *plan, int field)
{
	for (size_t i = 0; plan && i < sizeof plans / sizeof plans[0]; i++)
		if (strcmp(plan, plans[i][0]) == 0)
			return plans[i][field];
	return "-";
}

const char *cb_plan_name(const char *plan)
{
	return plan_field(plan, 1);
}

const char *cb_plan_short(const char *plan)
{
	return plan_field(plan, 2);
}

const char *const cb_contact_types[][2] = {
	{"home_visit", "Home visit"},
	{"office_visit", "Office visit"},
	{"phone", "Phone call"},
	{"message", "Text or message"},
	{"school_meeting", "School meeting"},
	{"health_appointment", "Health appointment"},
	{"multi_agency_meeting", "Multi-agency meeting"},
	{"family_network_meeting", "Family network meeting"},
	{"direct_work", "Direct work with child"},
	{"other", "Other"},
	{NULL, NULL},
};

const char *const cb_goal_categories[][2] = {
	{"education_employment", "Education and employment"},
	{"success_happiness", "Success and happiness"},
	{"housing_independence", "Housing and independence"},
	{"family_relationships", "Improved family relationships"},
	{"independent_living", "Independent living skills"},
	{"reunification", "Reunification with children"},
	{"residency_safety", "Residency and safety"},
	{"emotional_wellbeing", "Emotional wellbeing and mental health"},
	{"other", "Other goals"},
	{NULL, NULL},
};

const char *const cb_needs[][2] = {
	{"N1", "N1 Abuse or neglect"},
	{"N2", "N2 Child's disability or illness"},
	{"N3", "N3 Parent's disability or illness"},
	{"N4", "N4 Family in acute stress"},
	{"N5", "N5 Family dysfunction"},
	{"N6", "N6 Socially unacceptable behaviour"},
	{"N7", "N7 Low income"},
	{"N8", "N8 Absent parenting"},
	{"N9", "N9 Cases other than CIN"},
	{"N0", "N0 Not stated"},
	{NULL, NULL},
};

const char *const cb_relationships[][2] = {
	{"main_caregiver", "Main caregiver"},
	{"child", "Child"},
	{"sibling", "Sibling"},
	{"other_adult", "Other adult"},
	{NULL, NULL},
};

const char *const cb_referral_outcomes[][2] = {
	{"pending", "Pending"},
	{"accepted", "Accepted"},
	{"early_help", "Early help"},
	{"nfa", "No further action (NFA)"},
	{NULL, NULL},
};

const char *const cb_goal_statuses[][2] = {
	{"active", "Active"},
	{"achieved", "Achieved"},
	{"dropped", "Dropped"},
	{NULL, NULL},
};

const char *cb_label_of(const char *const table[][2], const char *code)
{
	if (code == NULL)
		return "-";
	for (size_t i = 0; table[i][0]; i++)
		if (strcmp(code, table[i][0]) == 0)
			return table[i][1];
	return code;
}

const char *cb_contact_type_name(const char *type)
{
	return cb_label_of(cb_contact_types, type);
}
