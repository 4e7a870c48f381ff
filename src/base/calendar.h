/*
 * calendar: proleptic Gregorian day arithmetic shared by the date parser,
 * the value normaliser and the index validator.  Days are counted from
 * 1970-01-01 (day 0); months are 1..12.
 */
#ifndef LECTERN_CALENDAR_H
#define LECTERN_CALENDAR_H

#include <stdbool.h>

bool cal_leap(int y);
int cal_month_days(int y, int m);          /* m in 1..12 */
long cal_days(int y, int m, int d);        /* date -> day number */
void cal_civil(long z, int *y, int *m, int *d); /* day number -> date */

#endif
