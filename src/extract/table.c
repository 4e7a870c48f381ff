/* extract/table: rows of figures under a header line, read as quantities. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/tok.h"
#include "base/util.h"
#include "extract/impl.h"
#include "extract/numparse.h"

#define TABLE_MAX_COLS 8

/* The cells of a row "Sri Lanka 30,957 5,637 36,594" ("-" an empty cell,
 * "*" a footnote mark): their number (values in v, NaN-free: empty cells
 * flagged in has), the label's end token in *label_end; -1 when the line
 * is no row. */
static int row_cells(const char *s, const struct tok *t, size_t nt, double *v, bool *has,
		     size_t *label_end)
{
	size_t j = 0;
	while (j < nt && (t[j].kind == TOK_WORD || ((tok_punct(s, &t[j], ".") ||
						     tok_punct(s, &t[j], "-")) && j > 0 && !t[j].space)))
		j++;
	if (j == 0 || j == nt || !t[0].upper)
		return -1;
	*label_end = j;
	int c = 0;
	while (j < nt) {
		if (tok_punct(s, &t[j], "*")) {
			j++;
			continue;
		}
		if (c == TABLE_MAX_COLS)
			return -1;
		if (tok_punct(s, &t[j], "-") || tok_punct(s, &t[j], "\xe2\x80\x93")) {
			has[c++] = false;
			j++;
			continue;
		}
		struct num nm;
		size_t used = t[j].kind == TOK_NUM ? num_parse(s + t[j].start, t[nt - 1].end - t[j].start, &nm) : 0;
		if (!used)
			return -1;
		size_t end = t[j].start + used;
		while (j < nt && t[j].end <= end)
			j++;
		v[c] = nm.value;
		has[c++] = true;
	}
	return c;
}

/* The column names of a header line "Country dead missing total": words
 * only, the first naming the labels; the number of columns, 0 if none. */
static int header_cols(const char *s, const struct tok *t, size_t nt)
{
	if (nt < 3 || nt > TABLE_MAX_COLS + 1)
		return 0;
	for (size_t j = 0; j < nt; j++)
		if (t[j].kind != TOK_WORD)
			return 0;
	(void)s;
	return (int)nt - 1;
}

static size_t line_toks(const char *s, const struct sent *l, struct tok **t)
{
	return tok_split(s + l->start, l->end - l->start, t);
}

static bool has_digit(const char *s, const struct sent *l)
{
	for (size_t i = l->start; i < l->end; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

void table_find(const char *s, const struct sent *sv, size_t ns, size_t *hdr)
{
	double v[TABLE_MAX_COLS];
	bool has[TABLE_MAX_COLS];
	for (size_t i = 0; i < ns; i++)
		hdr[i] = SIZE_MAX;
	for (size_t i = 0; i + 2 < ns; i++) {
		/* cheap first: a short line with no digit, then a line with one */
		if (sv[i].end - sv[i].start > 80 || sv[i + 1].para != sv[i].para + 1 ||
		    has_digit(s, &sv[i]) || !has_digit(s, &sv[i + 1]))
			continue;
		struct tok *t;
		size_t nt = line_toks(s, &sv[i], &t), le;
		int cols = header_cols(s + sv[i].start, t, nt);
		free(t);
		if (!cols)
			continue;
		size_t j = i + 1;
		while (j < ns && sv[j].para == sv[j - 1].para + 1) {
			nt = line_toks(s, &sv[j], &t);
			int c = row_cells(s + sv[j].start, t, nt, v, has, &le);
			free(t);
			if (c != cols)
				break;
			j++;
		}
		if (j - i - 1 < 2)
			continue;
		for (size_t k = i + 1; k < j; k++)
			hdr[k] = i;
		i = j - 1;
	}
}

size_t table_values(const char *s, const struct sent *head, const struct sent *row,
		    struct xquant *q, size_t max)
{
	double v[TABLE_MAX_COLS];
	bool has[TABLE_MAX_COLS];
	struct tok *ht, *rt;
	size_t hn = line_toks(s, head, &ht), rn = line_toks(s, row, &rt), le = 0, k = 0;
	const char *hs = s + head->start, *rs = s + row->start;
	int c = row_cells(rs, rt, rn, v, has, &le);
	for (int j = 0; j < c && (size_t)j + 1 < hn && k < max; j++) {
		if (!has[j])
			continue;
		struct xquant *x = &q[k++];
		memset(x, 0, sizeof *x);
		x->value = x->low = x->high = v[j];
		x->has_low = x->has_high = true;
		x->qualifier = "exact";
		const struct tok *h = &ht[j + 1];
		snprintf(x->unit, sizeof x->unit, "%.*s", (int)(h->end - h->start), hs + h->start);
		for (char *p = x->unit; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		snprintf(x->counted, sizeof x->counted, "%.*s %s",
			 (int)(rt[le - 1].end - rt[0].start), rs + rt[0].start, x->unit);
	}
	free(ht);
	free(rt);
	return k;
}
