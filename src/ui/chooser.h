/* chooser.h: pick one thing from a short list (an instrument, a goal, a draft). */
#ifndef CASEBOOK_UI_CHOOSER_H
#define CASEBOOK_UI_CHOOSER_H

#include <stddef.h>

#include "ui/view.h"

/* Called with the chosen value; may open another view. */
typedef void (*cb_chosen_fn)(cb_app *app, const char *value, void *ctx);

/*
 * Opens a list of labels; Enter calls `chosen` with the matching value and
 * closes the chooser, q closes it without choosing. Copies labels and values;
 * takes ctx, freed with free_ctx (may be NULL) when the chooser closes.
 */
cb_view *cb_chooser_open(cb_app *app, const char *title, const char *const *labels,
			 const char *const *values, size_t n, cb_chosen_fn chosen, void *ctx,
			 void (*free_ctx)(void *));

#endif
