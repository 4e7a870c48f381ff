#!/usr/bin/env bash
# Command tests: the real binary on the bundled corpus and on broken copies.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 2

expect "check passes on data/" 0 "ok:" "$LECTERN" check
expect "--version" 0 "lectern " "$LECTERN" --version
expect "--help lists commands" 0 "claims [--source ID]" "$LECTERN" --help
expect "unknown command" 2 "unknown command" "$LECTERN" frobnicate
expect "unknown option" 2 "unknown option" "$LECTERN" --frob list

finish
