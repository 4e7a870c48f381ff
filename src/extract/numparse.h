/*
 * numparse: numbers as news English writes them.
 *
 * num_parse() reads the number that starts s[0..n) and returns the bytes
 * it used (0: no number there).  It knows digits with thousands
 * separators ("30,000", "15 000", "15\u00a0000"), decimals with a point or
 * a comma ("41.3", "9,5": a comma followed by exactly three digits is a
 * thousands separator, otherwise a decimal comma), and written-out numbers
 * ("ten", "twenty-seven", "a hundred", "three hundred and five",
 * "two thousand").  A scale word after a number ("9,5 million") is not
 * part of it: the caller decides whether it is a unit.  Any input is safe.
 *
 * out->step is the place value of the last significant digit as written
 * (9,000 -> 1000, 41.3 -> 0.1, 2,500 -> 100), from which an "about" range is
 * derived by num_about().
 */
#ifndef LECTERN_NUMPARSE_H
#define LECTERN_NUMPARSE_H

#include <stdbool.h>
#include <stddef.h>

struct num {
	double value;
	double step;
	bool written;      /* spelled out in words */
	bool separators;   /* had thousands separators */
	int digits;        /* digits before any decimal point, 0 if written */
};

size_t num_parse(const char *s, size_t n, struct num *out);

/* The bounds an "about" implies: +- half the last significant place (a
 * leading 1 alone counts one place finer: about 10,000 is 9,500..10,500). */
void num_about(const struct num *x, double *low, double *high);

#endif
