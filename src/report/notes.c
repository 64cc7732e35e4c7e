/* notes.c: the report's words: how each figure is defined, where from, and the choices made. */
#include "report/report.h"

/*
 * Every writer (text, Markdown, CSV, JSON, the reports screen) prints these,
 * so the figures carry their definitions wherever they go. Citations: the
 * domain brief's section, then the source report and line ([004]:815 is
 * file 004, line 815; see domain-brief §0). Keep casebook(1), REPORT, in step.
 */

static const char *const cohort_defs[] = {
	"Cases: every case open at some time in the period (referred by its end, not closed "
	"before its start), of the team or practitioner asked for. A closure after the end is "
	"not counted: on the last day the case was open (§2.2, [004]:787).",
	"n is what each figure is worked out over; a figure over fewer than 5 is marked "
	"\"too few to mean much\".",
	"Percentages are whole numbers. Shares that make up a whole (plan types, better / "
	"same / worse, goal categories, agreement) use largest-remainder rounding, so they add "
	"up to 100 (§3.3, §6 #17); a single share is rounded half up.",
	NULL,
};

static const char *const risk_defs[] = {
	"Higher is safer: total = risk + protective + engagement ([004]:815); a rising total "
	"means less risk ([004]:519, 1019).",
	"Per case: the first and the latest risk-framework assessment dated in the period that "
	"has a value on the scale; the change is latest minus first, for cases assessed at "
	"least twice in the period (FACT22 compared referral with latest, [004]:517-533).",
	"Across cases: the median change and its interquartile range (Q1 to Q3, by linear "
	"interpolation as R and NumPy compute them). The box plot's whiskers reach the furthest "
	"change within 1.5 IQR of the box; changes beyond are outliers (o) ([004]:1017-1019).",
	NULL,
};

static const char *const risk_decisions[] = {
	"Higher is safer, whatever the wording of the source (§6 #3).",
	"Item weights are unverified: the bold (weight 2) items are lost from the source, so "
	"every item weighs 1 (§6 #1, DESIGN.md); compare totals only within one form version.",
	"Engagement is rated for the main caregiver and, when over 11, the child; both count "
	"(§6 #2, DESIGN.md).",
	NULL,
};

static const char *const alliance_defs[] = {
	"Each rater's latest rating of each case in the period counts once; earlier ones by the "
	"same rater are superseded.",
	"Goal, task and bond: the mean of the ratings' subscale scores, each the mean of its "
	"items on 1-7. The aggregate out of 21 is the sum of the three unrounded means "
	"([002]:766).",
	NULL,
};

static const char *const alliance_decisions[] = {
	"Family side: ratings by a family member or by the young person (rater family_member or "
	"child), as Havering's client version was completed by \"the young person or family\" "
	"([002]:417).",
	"The aggregate adds unrounded means, as Havering's 17.62 does although 5.73 + 5.82 + "
	"6.08 = 17.63 (§6 #13).",
	"casebook's alliance items are its own wording, not the licensed WAI: compare with "
	"published WAI means with care (forms/working-alliance.yaml).",
	NULL,
};

static const char *const goal_defs[] = {
	"Goals of the cases set in the period, by category: Havering's eight and the workers' "
	"emotional wellbeing and mental health ([002]:441, 447, 770-780).",
	"Achieved: goals whose status is achieved now, of the goals counted (the casebook keeps "
	"no date of achievement).",
	"Agreement: cases with both family and worker goals; family-worker pairs compared, each "
	"counted once, as identical (or nearly) or different, and the different pairs the worker "
	"thought matched ([002]:447).",
	NULL,
};

static const char *const goal_decisions[] = {
	"Identical and different add up to 100% by largest remainder: Havering's 15 and 7 of 22 "
	"were published as 68% and 33% (§6 #18); here they are 68% and 32%.",
	NULL,
};

static const char *const plan_defs[] = {
	"At the start: the plan in force when the case enters the period (its first day, or the "
	"referral if later); for a case referred in the period with no plan that day, its first "
	"plan. At the end: None if the case was closed by then, else the plan in force on the "
	"last day (Havering Table 4/12, [002]:514-523).",
	"On the ladder None < Early Help < CIN < CP < LAC: stepped down or closed (lower at the "
	"end; a closed case is None), stayed the same, stepped up ([002]:525).",
	"No longer subject to a social work plan: None or Early Help at the end ([002]:525, 605).",
	NULL,
};

static const char *const plan_decisions[] = {
	"Plan-type percentages use largest remainder so each column adds up to 100: 3 of 67 is "
	"5% as published, not 4% (§3.3, §6 #17).",
	"Stepped down / same / up percentages are truncated, as Havering's are: 52 and 15 of 67 "
	"(77.6% and 22.4%) were published as 77% and 22% ([002]:525), so they may add up to less "
	"than 100; "
	"the counts are exact.",
	NULL,
};

static const char *const outcome_defs[] = {
	"Closed without later escalation: closed in the period, and no CP or LAC plan began for "
	"the child (in that case or a later one) on or after the closure by the end of the "
	"period ([004]:799).",
	"Escalated to CP, to LAC: cases in which a CP (LAC) plan began in the period higher on "
	"the ladder than the plan the day before (statutory definition, [004]:811); a case can "
	"count in both.",
	"Case length: weeks from referral to closure of the cases closed without later "
	"escalation ([004]:803, 485); cases open at the end are counted, not measured.",
	"Re-referral: a referral in the period followed within 12 months by another referral of "
	"the same child (statutory definition, [004]:807). Referrals less than 12 months before "
	"the end are followed for under 12 months and flagged: a re-referral may yet come "
	"([004]:513, 1011). Re-referred at all: any later referral by the end ([004]:513).",
	"NFA: referrals with the outcome no further action, of the referrals decided in the "
	"period; pending ones are left out ([003]:605-609).",
	NULL,
};

static const char *const outcome_decisions[] = {
	"A case whose first plan is CP or LAC came in at that level: it is not an escalation, and "
	"is counted as \"started on CP or LAC\" instead.",
	"Case length runs from the referral (when the casebook opens a case), not from the start "
	"of a CIN plan as in FACT22 ([004]:803).",
	"Re-referral looks forward from each referral in the period, as FACT22 did, so that "
	"short follow-up can be flagged; the national indicator looks back from the later "
	"referral ([000]:478-489). Both count the same pairs.",
	NULL,
};

static const char *const intensity_defs[] = {
	"Contacts per case per week: every note (any contact type) dated while a case was open "
	"in the period, divided by the weeks the cases were open in the period, added up.",
	"Visits are home visits, office visits and direct work; seen alone is the share of them "
	"where the child was seen alone (calls, messages and meetings are not visits).",
	"Days since the last contact, for the cases open at the end: 0-7, 8-14, 15-28, over 28 "
	"days (the caseload's !contact flag) and never.",
	"Open cases per practitioner: the cases open at the end with a practitioner, divided by "
	"the practitioners holding any (caseholding workers, §2.12, [000]:319-334). Workload is "
	"not caseload ([001]:765).",
	NULL,
};

static const char *const obs_defs[] = {
	"Every practice observation of the cases in the period is one recording. Each skill is "
	"rated 1-5 (3 is average, [002]:358, 732); relationship building is the mean of "
	"collaboration, empathy and child focus, respectful authority of purposefulness and "
	"clarity ([002]:358); overall is the coder's own rating, never derived (§1.3).",
	"Rated 3 or more: average to good or excellent; 4 or more: good or excellent "
	"([002]:153, 392, 400).",
	NULL,
};

static const char *const obs_decisions[] = {
	"Child focus counts towards relationship building, as in the TGC framework, not towards "
	"authority as in Hertfordshire ([001]:709).",
	NULL,
};

static const char *const no_decisions[] = {NULL};

static const cb_report_section_info sections[CB_SECTIONS] = {
	[CB_SEC_COHORT] = {"cases", "Cases in the report", "domain-brief §2.2; [004]:782-811",
			   cohort_defs, no_decisions},
	[CB_SEC_RISK] = {"risk_framework", "Risk framework (higher is safer)",
			 "domain-brief §1.1; [004]:815, 517-533, 1017-1019", risk_defs,
			 risk_decisions},
	[CB_SEC_ALLIANCE] = {"working_alliance", "Working alliance",
			     "domain-brief §1.2; [002]:417, 764-766", alliance_defs,
			     alliance_decisions},
	[CB_SEC_GOALS] = {"goals", "Goals", "domain-brief §1.4; [002]:441-447, 770-780", goal_defs,
			  goal_decisions},
	[CB_SEC_PLANS] = {"plan_type", "Plan type at the start and at the end",
			  "domain-brief §2.9; Havering Table 12, [002]:512-525", plan_defs,
			  plan_decisions},
	[CB_SEC_OUTCOMES] = {"case_outcomes", "Case outcomes",
			     "domain-brief §2.2, §2.5; FACT22 Appendix 2, [004]:782-811",
			     outcome_defs, outcome_decisions},
	[CB_SEC_INTENSITY] = {"intensity", "Intensity", "domain-brief §2.12, §7.5; [000]:319-334",
			      intensity_defs, no_decisions},
	[CB_SEC_OBSERVATION] = {"practice_observation", "Practice observation",
				"domain-brief §1.3; [002]:358, 392, 732", obs_defs, obs_decisions},
};

const cb_report_section_info *cb_report_section(enum cb_report_section sec)
{
	return &sections[sec < CB_SECTIONS ? sec : CB_SEC_COHORT];
}

const char *cb_report_move_label(enum cb_move m)
{
	static const char *const labels[CB_MOVES] = {"Stepped down or closed", "Stayed the same",
						     "Stepped up"};
	return m < CB_MOVES ? labels[m] : "";
}

const char *cb_report_gap_label(enum cb_gap g)
{
	static const char *const labels[CB_GAPS] = {"0-7 days", "8-14 days", "15-28 days",
						    "over 28 days", "never"};
	return g < CB_GAPS ? labels[g] : "";
}
