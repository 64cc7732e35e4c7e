/* dates.c: civil-date arithmetic (Howard Hinnant's days-from-civil algorithm). */
#include "core/dates.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads exactly n digits; returns -1 unless all are digits. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool parse_date_prefix(const char *s, cb_date *out)
{
	cb_date d;

	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return false;
	d.year = digits(s, 4);
	d.month = digits(s + 5, 2);
	d.day = digits(s + 8, 2);
	if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1 ||
	    d.day > days_in_month(d.year, d.month))
		return false;
	*out = d;
	return true;
}

bool cb_date_parse(const char *s, cb_date *out)
{
	return s && strlen(s) == 10 && parse_date_prefix(s, out);
}

static bool parse_hms(const char *s, int *minute, int *second)
{
	int h = digits(s, 2), m = digits(s + 3, 2), sec = 0;

	if (h < 0 || h > 23 || s[2] != ':' || m < 0 || m > 59)
		return false;
	if (s[5] == ':') {
		sec = digits(s + 6, 2);
		if (sec < 0 || sec > 59)
			return false;
	}
	*minute = h * 60 + m;
	if (second)
		*second = sec;
	return true;
}

bool cb_datetime_parse(const char *s, cb_date *date, int *minute_of_day)
{
	size_t n = s ? strlen(s) : 0;
	cb_date d;
	int minute;

	if ((n != 16 && n != 19) || !parse_date_prefix(s, &d) || s[10] != 'T')
		return false;
	if (!parse_hms(s + 11, &minute, NULL) || (n == 19 && s[16] != ':'))
		return false;
	if (date)
		*date = d;
	if (minute_of_day)
		*minute_of_day = minute;
	return true;
}

int64_t cb_date_days(cb_date d)
{
	int64_t y = d.month <= 2 ? d.year - 1 : d.year;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

cb_date cb_date_from_days(int64_t z)
{
	cb_date d;
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

cb_date cb_date_add_months(cb_date d, int months)
{
	int index = d.year * 12 + (d.month - 1) + months;
	cb_date out;

	if (index < 1900 * 12)
		index = 1900 * 12;
	if (index > 2999 * 12 + 11)
		index = 2999 * 12 + 11;
	out.year = index / 12;
	out.month = index % 12 + 1;
	out.day = d.day < days_in_month(out.year, out.month) ? d.day
							     : days_in_month(out.year, out.month);
	return out;
}

int cb_age_years(cb_date birth, cb_date on)
{
	int age = on.year - birth.year;
	if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
		age--;
	return age;
}

void cb_date_format(cb_date d, char *buf)
{
	char tmp[48];

	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.year, d.month, d.day);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

void cb_format_utc_ms(int64_t ms, char *buf)
{
	int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
	int64_t rest = ms - days * 86400000;
	cb_date d = cb_date_from_days(days);
	int h = (int)(rest / 3600000), m = (int)(rest / 60000 % 60);
	int s = (int)(rest / 1000 % 60), milli = (int)(rest % 1000);

	char tmp[96];

	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day, h,
		 m, s, milli);
	memcpy(buf, tmp, 24);
	buf[24] = '\0';
}

bool cb_parse_utc_ms(const char *s, int64_t *ms)
{
	cb_date d;
	int minute, second = 0, milli = 0;
	size_t n = s ? strlen(s) : 0;
	const char *p;

	if (n < 17 || !parse_date_prefix(s, &d) || s[10] != 'T' || s[n - 1] != 'Z')
		return false;
	if (!parse_hms(s + 11, &minute, &second))
		return false;
	p = s + (s[16] == ':' ? 19 : 16);
	if (*p == '.') {
		milli = digits(p + 1, 3);
		if (milli < 0)
			return false;
		p += 4;
	}
	if (p != s + n - 1)
		return false;
	*ms = (cb_date_days(d) * 86400 + minute * 60 + second) * 1000 + milli;
	return true;
}
