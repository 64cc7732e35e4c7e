/* labels.c: code-to-label tables. */
#include "core/labels.h"

#include <string.h>

static const char *const plans[][3] = {
	{"none", "None", "None"}, {"early_help", "Early Help", "EH"}, {"cin", "CIN", "CIN"},
	{"cp", "CP", "CP"},       {"lac", "LAC", "LAC"},
};

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

const char *cb_contact_type_name(const char *type)
{
	for (size_t i = 0; type && cb_contact_types[i][0]; i++)
		if (strcmp(type, cb_contact_types[i][0]) == 0)
			return cb_contact_types[i][1];
	return type ? type : "-";
}
