/* fuzz_parsers: one libFuzzer entry point for every text parser of the
 * importer and the extractor.  tests/fuzz/README says how to run it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/numparse.h"
#include "extract/sentence.h"
#include "import/boiler.h"
#include "import/decode.h"
#include "import/html.h"
#include "import/meta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct strbuf out = STRBUF_INIT;
	struct decode_stats st;

	decode_text(s, size, &out, &st);
	html_to_text(s, size, &out, NULL);

	struct boiler_span *bs;
	size_t nb = boiler_detect(out.buf, out.len, &bs);
	struct meta m = { 0 };
	meta_guess(&m, out.buf, out.len, bs, nb);
	meta_release(&m);

	struct sent *sv;
	sentence_split(s, size, &sv);
	free(sv);

	struct num n;
	num_parse(s, size, &n);

	struct date_hit h[8];
	struct date_ctx ctx = { 2022, 2, 9 };
	dates_find(s, size, &ctx, h, 8);

	struct xquant q[8];
	extract_quantities(s, size, q, 8);

	struct span *sp = calloc(nb + 1, sizeof *sp);
	for (size_t i = 0; i < nb; i++) {
		sp[i].start = bs[i].start;
		sp[i].end = bs[i].end;
	}
	struct extract_opts o = { "2022-10-20", sp, nb };
	struct xclaim *x;
	size_t nx = extract_claims(out.buf, out.len, &o, &x);
	for (size_t i = 0; i < nx; i++)
		if (x[i].start >= x[i].end || x[i].end > out.len)
			abort();   /* a span outside the text is a bug */
	free(x);
	free(sp);
	free(bs);
	sb_release(&out);
	return 0;
}
