/* clock.h: the wall clock (fixable for tests) and the hybrid logical clock. */
#ifndef CASEBOOK_CORE_CLOCK_H
#define CASEBOOK_CORE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Milliseconds since the epoch, or the fixed time if one was set. */
int64_t cb_clock_now_ms(void);
/* Pins the clock to ms (tests and reproducible builds); ms < 0 unpins it. */
void cb_clock_fix(int64_t ms);
/* The pinned time, or -1 when the clock runs (so a caller can put it back as it was). */
int64_t cb_clock_fixed(void);
/* Today's date in UTC, as "YYYY-MM-DD" (11 bytes). */
void cb_clock_today(char *buf);

/* The local date and time now as "YYYY-MM-DDTHH:MM" (17 bytes), as notes record it. */
void cb_clock_local_minute(char *buf);

/*
 * A hybrid logical clock value: physical milliseconds plus a counter, so that
 * edits made on laptops with wrong clocks still order consistently.
 * Text form (sorts in clock order): "YYYY-MM-DDTHH:MM:SS.mmmZ-CCCC-DEVICE".
 */
typedef struct cb_hlc {
	int64_t ms;
	uint32_t counter;
} cb_hlc;

/* Advances last for a local event at wall time now_ms; returns the new value. */
cb_hlc cb_hlc_tick(cb_hlc *last, int64_t now_ms);
/* Advances last after seeing remote at wall time now_ms (sync); returns it. */
cb_hlc cb_hlc_receive(cb_hlc *last, cb_hlc remote, int64_t now_ms);
/* Formats h with the device id into buf (size >= 64). */
void cb_hlc_format(cb_hlc h, const char *device_id, char *buf, int size);
/* Parses the text form back; the device part is ignored. */
bool cb_hlc_parse(const char *s, cb_hlc *out);

#endif
