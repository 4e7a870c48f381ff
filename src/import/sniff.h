/*
 * sniff: whether a raw file may be imported as text, decided from its size
 * and its first 64 KB, before it is read whole.
 *
 * sniff_file() refuses, with the reason in why ("a binary file (NUL byte
 * at offset N)", "larger than the 1 GiB text cap", "not a regular file"):
 *   - anything but a regular file (a FIFO is never opened for reading in
 *     a way that blocks);
 *   - a file over CORPUS_MAX_TEXT bytes;
 *   - a NUL byte in the first SNIFF_HEAD bytes, unless a UTF-16 BOM starts
 *     the file or the bytes have UTF-16's shape (NULs at alternate offsets
 *     in most units): decode.h converts those (import/charset.h).
 * It reads at most SNIFF_HEAD bytes, so a 1 GB sparse file costs nothing.
 * Returns 0 (importable), 1 (refused: invalid input) or 2 (cannot be read,
 * or a directory: why holds strerror).  This is the one place that decides what is text;
 * sniff_bytes() is its NUL rule, which import applies again to the whole
 * file once it is read.
 */
#ifndef LECTERN_IMPORT_SNIFF_H
#define LECTERN_IMPORT_SNIFF_H

#include <stddef.h>

#include "base/strbuf.h"

#define SNIFF_HEAD 65536

int sniff_file(const char *path, struct strbuf *why);

/* What the bytes p[0..n) of a file's start say: 0 text; 1 refused, with
 * the reason in why.  NULs are allowed in UTF-16 (with a BOM or its shape). */
int sniff_bytes(const unsigned char *p, size_t n, struct strbuf *why);

#endif
