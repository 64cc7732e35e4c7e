/* labels.h: the words people see for the codes the store keeps (plans, contact types). */
#ifndef CASEBOOK_CORE_LABELS_H
#define CASEBOOK_CORE_LABELS_H

/* "cin" -> "CIN", "early_help" -> "Early Help"; NULL or unknown -> "-". */
const char *cb_plan_name(const char *plan);
/* The same in at most four columns: "early_help" -> "EH". */
const char *cb_plan_short(const char *plan);
/* "home_visit" -> "Home visit"; unknown codes are returned as given. */
const char *cb_contact_type_name(const char *type);

/* The contact types in the order forms offer them; code and name pairs, NULL-terminated. */
extern const char *const cb_contact_types[][2];

#endif
