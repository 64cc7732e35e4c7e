/* labels.h: the words screens show for the codes the store keeps (plan types, needs, contact types...). */
#ifndef CASEBOOK_UI_LABELS_H
#define CASEBOOK_UI_LABELS_H

enum cb_label_kind {
	CB_LABEL_PLAN,         /* cin -> "CIN" */
	CB_LABEL_PLAN_LONG,    /* cin -> "Child in Need (CIN)" */
	CB_LABEL_NEED,         /* N1 -> "Abuse or neglect" (domain-brief §1.14) */
	CB_LABEL_CONTACT,      /* home_visit -> "Home visit" */
	CB_LABEL_RELATIONSHIP, /* main_caregiver -> "main caregiver" */
	CB_LABEL_GOAL,         /* education_employment -> "education and employment" */
	CB_LABEL_RATER,        /* family_member -> "family member" */
	CB_LABEL_OUTCOME,      /* nfa -> "no further action" */
};

/*
 * The label for code, a static string. An unknown code is returned as it is
 * (data from a newer casebook still shows); NULL gives "-".
 */
const char *cb_label(enum cb_label_kind kind, const char *code);

#endif
