/*
 * meta: a source's metadata guessed from its text, and the sidecar file
 * that states it explicitly.
 *
 * meta_guess() reads text s[0..n) (any bytes) with its boilerplate spans
 * and fills m with what the text states: the title (a headline line: the
 * first line of text, short, not a full-stop sentence; a section label
 * such as "oDR: Analysis" is skipped), the author (a byline line of two or
 * three capitalised words before a dateline, "By NAME", or the name that
 * opens an author disclosure statement), the publication date ("Originally
 * published the 04.11.2022", read day first; "9 February 2022, 10.10am";
 * "October 20, 2022" on a line of its own near the top) and the outlet
 * (from signatures such as "A Message from NAME:", "Why We Wrote This",
 * The Conversation's disclosure statement, an openDemocracy newsletter
 * prompt).  Each field is NULL when there is nothing to go on; every
 * guess is flagged in m->guessed.  Strings are malloc'd; meta_release()
 * frees them.
 *
 * meta_file_date() sets the publication date, when the text gave none, from
 * a date in the file's name, as people and download tools often name
 * articles: "voa-20041226.txt", "2010-01-19 report.html", "ap_2008_05_18":
 * a year 1900-2099, a month and a day that exist, written as eight digits or
 * with "-" or "_" between, not part of a longer run of digits.  It is a
 * guess (flagged), and a sidecar still overrides it.
 *
 * meta_sidecar() reads NAME.meta.json next to the text (for
 * "dir/article.txt": "dir/article.meta.json"), a JSON object with any of
 * "id", "title", "outlet", "author", "published", "url", "language"
 * (strings or null).  Its fields replace the guesses and clear their
 * guessed flags.  Returns 0 when there is no sidecar or it was read, -1
 * with a message in err when it exists but is not valid.
 *
 * meta_sidecar_encoding() returns the sidecar's "encoding" (the charset
 * of the text, for decode_text_as()) malloc'd, or NULL when there is no
 * sidecar, no such string, or the sidecar is not valid (meta_sidecar()
 * reports that).
 */
#ifndef LECTERN_META_H
#define LECTERN_META_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "import/boiler.h"

enum meta_field { META_ID, META_TITLE, META_OUTLET, META_AUTHOR, META_PUBLISHED,
		  META_URL, META_LANGUAGE, META_NFIELDS };

struct meta {
	char *f[META_NFIELDS];
	bool guessed[META_NFIELDS];
	bool stated[META_NFIELDS];     /* given by a sidecar */
};

extern const char *const meta_names[META_NFIELDS];

void meta_guess(struct meta *m, const char *s, size_t n,
		const struct boiler_span *bs, size_t nb);
void meta_file_date(struct meta *m, const char *path);
void meta_file_date(struct meta *m, const char *path);
int meta_sidecar(struct meta *m, const char *text_path, struct strbuf *err);
char *meta_sidecar_encoding(const char *text_path);
void meta_release(struct meta *m);

#endif
