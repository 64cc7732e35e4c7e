/* prompt.h: a one-line question on the bottom line (search text and the like). */
#ifndef CASEBOOK_UI_PROMPT_H
#define CASEBOOK_UI_PROMPT_H

#include <stdbool.h>

/*
 * Asks `question` on the bottom line and reads a line of text (UTF-8, with
 * Backspace and Ctrl-U). Returns true with the text in *answer (caller frees)
 * on Enter, false on Esc or when casebook is asked to stop.
 */
bool cb_prompt(const char *question, char **answer);

#endif
