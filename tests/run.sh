#!/usr/bin/env bash
# Runs every end-to-end suite (tests/*/run.sh) against one binary.
# usage: tests/run.sh [BINARY]
top=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$top/../lectern}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
status=0
for s in "$top"/*/run.sh; do
	echo "== ${s#$top/}"
	LECTERN=$bin bash "$s" || status=1
done
exit $status
