/* labels.h: the words people see for the codes the store keeps (plans, contact types). */
#ifndef CASEBOOK_CORE_LABELS_H
#define CASEBOOK_CORE_LABELS_H

/* "cin" -> "CIN", "early_help" -> "Early Help"; NULL or unknown -> "-". */
const char *cb_plan_name(const char *plan);
/* The same in at most four columns: "early_help" -> "EH". */
const char *cb_plan_short(const char *plan);
/* "home_visit" -> "Home visit"; unknown codes are returned as given. */
const char *cb_contact_type_name(const char *type);

/* The plan types from none up the ladder to LAC, NULL-terminated (label: cb_plan_name). */
extern const char *const cb_plan_codes[];

/*
 * Code and label pairs in the order forms offer them, each ending with {NULL, NULL}:
 * contact types; goal categories (domain-brief §1.4 and the workers' wellbeing one);
 * categories of need N1-N9 then N0 (§1.14, FACT22 wording); family relationships;
 * referral outcomes; goal statuses.
 */
extern const char *const cb_contact_types[][2];
extern const char *const cb_goal_categories[][2];
extern const char *const cb_needs[][2];
extern const char *const cb_relationships[][2];
extern const char *const cb_referral_outcomes[][2];
extern const char *const cb_goal_statuses[][2];

/* The label of code in one of the tables above; "-" for NULL, the code itself if unknown. */
const char *cb_label_of(const char *const table[][2], const char *code);

#endif
