/* clock.c: wall clock and hybrid logical clock (Kulkarni et al., 2014). */
#include "core/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/dates.h"

static int64_t fixed_ms = -1;

void cb_clock_fix(int64_t ms)
{
	fixed_ms = ms;
}

int64_t cb_clock_fixed(void)
{
	return fixed_ms;
}

int64_t cb_clock_now_ms(void)
{
	struct timespec ts;

	if (fixed_ms >= 0)
		return fixed_ms;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void cb_clock_today(char *buf)
{
	char stamp[25];

	cb_format_utc_ms(cb_clock_now_ms(), stamp);
	memcpy(buf, stamp, 10);
	buf[10] = '\0';
}

cb_hlc cb_hlc_tick(cb_hlc *last, int64_t now_ms)
{
	if (now_ms > last->ms) {
		last->ms = now_ms;
		last->counter = 0;
	} else {
		last->counter++;
	}
	return *last;
}

cb_hlc cb_hlc_receive(cb_hlc *last, cb_hlc remote, int64_t now_ms)
{
	int64_t top = now_ms;

	if (last->ms > top)
		top = last->ms;
	if (remote.ms > top)
		top = remote.ms;
	if (top == last->ms && top == remote.ms)
		last->counter = (last->counter > remote.counter ? last->counter : remote.counter) + 1;
	else if (top == last->ms)
		last->counter++;
	else if (top == remote.ms)
		last->counter = remote.counter + 1;
	else
		last->counter = 0;
	last->ms = top;
	return *last;
}

void cb_hlc_format(cb_hlc h, const char *device_id, char *buf, int size)
{
	char stamp[25];

	cb_format_utc_ms(h.ms, stamp);
	snprintf(buf, (size_t)size, "%s-%04x-%.8s", stamp, h.counter & 0xffffu,
		 device_id ? device_id : "");
}

bool cb_hlc_parse(const char *s, cb_hlc *out)
{
	char stamp[25];
	char *end;
	unsigned long counter;

	if (s == NULL || strlen(s) < 30 || s[24] != '-')
		return false;
	memcpy(stamp, s, 24);
	stamp[24] = '\0';
	if (!cb_parse_utc_ms(stamp, &out->ms))
		return false;
	counter = strtoul(s + 25, &end, 16);
	if (end != s + 29)
		return false;
	out->counter = (uint32_t)counter;
	return true;
}

void cb_clock_local_minute(char *buf)
{
	time_t t = (time_t)(cb_clock_now_ms() / 1000);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, 17, "%Y-%m-%dT%H:%M", &tm);
}
