/* pending.c: TEMPORARY link placeholder until the YAML loader lands; the forms helper deletes it. */
#include "forms/forms.h"

enum cb_status cb_forms_load_dir(const char *dir, cb_form_set *set, cb_diag *diag) { return CB_ERROR; }
void cb_forms_free(cb_form_set *set) { (void)set; }
