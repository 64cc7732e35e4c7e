/* dates.h: strict calendar dates and date-times as the store keeps them. */
#ifndef CASEBOOK_CORE_DATES_H
#define CASEBOOK_CORE_DATES_H

#include <stdbool.h>
#include <stdint.h>

/* A civil date. The store writes dates as "YYYY-MM-DD". */
typedef struct cb_date {
	int year, month, day;
} cb_date;

/* Parses exactly "YYYY-MM-DD" naming a real day (1900..2999). */
bool cb_date_parse(const char *s, cb_date *out);
/*
 * Parses a local date-time "YYYY-MM-DDTHH:MM" (seconds ":SS" allowed) into
 * its date and minutes past midnight. The store keeps the text as given.
 */
bool cb_datetime_parse(const char *s, cb_date *date, int *minute_of_day);
/* Days since 1970-01-01 (negative before). */
int64_t cb_date_days(cb_date d);
/* The date `days` after 1970-01-01. */
cb_date cb_date_from_days(int64_t days);
/*
 * The same day `months` later (earlier if negative), or the last day of that
 * month when it is shorter: 2024-02-29 less 12 months is 2023-02-28. Years
 * are kept within 1900..2999.
 */
cb_date cb_date_add_months(cb_date d, int months);
/* Whole years from birth to on (the age on that day); negative if on < birth. */
int cb_age_years(cb_date birth, cb_date on);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void cb_date_format(cb_date d, char *buf);
/* Writes milliseconds since the epoch as "YYYY-MM-DDTHH:MM:SS.mmmZ" (25 bytes). */
void cb_format_utc_ms(int64_t ms, char *buf);
/* Parses "YYYY-MM-DDTHH:MM[:SS[.mmm]]Z" (UTC) into ms since the epoch. */
bool cb_parse_utc_ms(const char *s, int64_t *ms);

#endif
