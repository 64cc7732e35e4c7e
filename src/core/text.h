/* text.h: display width of UTF-8 text, for columns that line up with names like "Zoë". */
#ifndef CASEBOOK_CORE_TEXT_H
#define CASEBOOK_CORE_TEXT_H

#include <stddef.h>

/* Terminal columns the UTF-8 string takes (needs a UTF-8 LC_CTYPE; invalid bytes count 1). */
int cb_text_width(const char *s);

/*
 * Appends s to out cut or padded with spaces to exactly `width` columns; a cut
 * string ends in "…". out must have room for 4 * width + 1 bytes.
 */
void cb_text_fit(char *out, const char *s, int width);

/*
 * The byte length of the longest leading part of s, in whole characters, that
 * fits in `width` columns; its width goes to *cols when cols is not NULL.
 */
size_t cb_text_prefix(const char *s, int width, int *cols);

/*
 * s with every run of spaces, tabs and line breaks made one space and the ends
 * trimmed, as a one-line form field holds it ("" for NULL). The caller frees it.
 */
char *cb_text_squeeze(const char *s);

#endif
