#!/usr/bin/env python3
"""tests/cite/osc52.py CAPTURE OUT: finds the OSC 52 clipboard sequences
(ESC ] 52 ; c ; BASE64, ended by BEL or ESC \\) in CAPTURE, the raw bytes a
program wrote to its terminal, after joining GNU screen's DCS pieces
(ESC P ... ESC \\) back together.  Prints how many there are and the
longest DCS piece; writes the last one's decoded text to OUT."""
import base64
import re
import sys

data = open(sys.argv[1], "rb").read()
pieces = re.findall(rb"\x1bP(.*?)\x1b\\", data, flags=re.S)
joined = re.sub(rb"\x1bP(.*?)\x1b\\", lambda m: m.group(1), data, flags=re.S)
seqs = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)", joined)
longest = max((len(p) for p in pieces), default=0)
print(len(seqs), len(pieces), longest)
with open(sys.argv[2], "wb") as f:
    if seqs:
        f.write(base64.b64decode(seqs[-1], validate=True))
