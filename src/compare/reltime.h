/*
 * reltime: the time a claim's own words place it at, for claims that
 * carry no date value: an explicit year ("in 2020", "the 2020 election")
 * or an expression relative to the source's publication date ("two years
 * ago", "eight months ago", "last year", "this month", "last February").
 * A year after "since", "until", "before", "after", "by", "from", "to",
 * "through" or "than" is a bound or a reference point, not the claim's
 * time, and is passed over; "next year" is not read either (it mostly
 * names what a plan is for, not when the claim happens).
 *
 * reltime_find() scans text (UTF-8, n bytes) and resolves the first such
 * expression: it returns true and sets *lo..*hi (days, as cal_days() in calendar.h) to
 * the year, month or day range meant.  pub_lo..pub_hi is the publication
 * date as days (lo > hi: unknown, and then only explicit years are found).
 * Returns false, leaving *lo and *hi alone, when the text has none.
 * Ranges of years ("mid-2010s", "1990s") and bare month names without
 * "last" are not resolved: they are too loose to anchor a claim.
 */
#ifndef LECTERN_RELTIME_H
#define LECTERN_RELTIME_H

#include <stdbool.h>
#include <stddef.h>

bool reltime_find(const char *text, size_t n, long pub_lo, long pub_hi, long *lo, long *hi);

#endif
