#!/usr/bin/env python3
"""tests/cite/mkfixture.py DIR: writes a small corpus whose metadata and
claim texts hold escape sequences, C1 and bidi controls, TeX and Markdown
punctuation, and one claim longer than the clipboard cap.

  evil-1  ESC ] 52 (an OSC 52 of its own), ESC [ 31m, C1 CSI and NEL,
          U+202E, a tab and a line end
  tex-1   { } % & $ # _ ^ ~ \\ * [ ] < > in the text
  long-1  80,000 bytes (over the 75,000-byte cap)
"""
import hashlib
import json
import os
import sys

d = sys.argv[1]
os.makedirs(os.path.join(d, "sources"), exist_ok=True)
claims = [
    ("evil-1", "Troops \x1b]52;c;ZXZpbA==\x07moved \x1b[31mnorth\u009b2J \u0085"
               "then \u202eeast\u202c\tat dawn\nsaid the \x7f report"),
    ("tex-1", "A {brace} of 50% & $3 #1 a_b x^2 ~ c:\\d *bold* [link] <tag>"),
    ("long-1", ("word " * 16000).strip()),
]
text, rows = b"", []
for cid, t in claims:
    b = t.encode()
    start = len(text)
    text += b + b"\n\n"
    rows.append({"id": cid, "source": "evil", "span": [start, start + len(b)],
                 "text": t, "kind": "event", "speaker": None, "values": [],
                 "topics": [], "origin": "curated"})
with open(os.path.join(d, "sources", "evil.txt"), "wb") as f:
    f.write(text)
index = {
    "schema": "lectern-corpus", "version": 1, "title": "hostile citations",
    "sources": [{
        "id": "evil",
        "title": "Head\x1b]0;pwned\x07line {x} 100%",
        "outlet": "The \u202eOutlet\u202c \x9b".replace("\x9b", "\u009b"),
        "author": "A. \x1b[7mWriter",
        "published": "2021-03-04",
        "url": "https://example.org/a_b?x=1&y={2}\x1b",
        "language": "en",
        "file": "sources/evil.txt",
        "sha256": hashlib.sha256(text).hexdigest(),
    }],
    "claims": rows, "topics": [],
}
with open(os.path.join(d, "corpus.json"), "w") as f:
    json.dump(index, f, indent=1)
