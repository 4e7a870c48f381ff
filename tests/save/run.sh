#!/usr/bin/env bash
# Saving without loss: lectern extract (which writes corpus.json through
# save_file(): temporary file, fsync, rename, fsync of the directory) killed
# with SIGKILL at random points of 100 saves, on a full disk and in a
# read-only directory.  After each, the corpus must be the old one or the
# new one, whole, and `lectern check` must pass.  The full disk and the
# read-only directory are tmpfs mounts (root only: chmod does not stop
# root); without them those cases are skipped, saying so.
. "$(dirname "$0")/../lib.sh"

base=$TMP/base
cp -r "$TOP/data" "$base"
rm -f "$base"/.*.lcache
cp "$base/corpus.json" "$TMP/old.json"
# the new corpus: what one whole extract writes (the same every time)
cp -r "$base" "$TMP/once"
expect "extract: a whole save" 0 "extracted" "$LECTERN" --corpus "$TMP/once" extract
cp -r "$base" "$TMP/twice"
"$LECTERN" --corpus "$TMP/twice" extract >/dev/null 2>&1
check "extract: the same bytes from the same corpus" cmp -s "$TMP/once/corpus.json" "$TMP/twice/corpus.json"
cp "$TMP/once/corpus.json" "$TMP/new.json"
check "extract: the new corpus differs from the old" bash -c "! cmp -s '$TMP/old.json' '$TMP/new.json'"

# ---- kill -9 at random points of 100 saves ----
RANDOM=42
work=$TMP/work
cp -r "$base" "$work"
kill_saves "$work" "$TMP/old.json" "$TMP/new.json" 150 env LECTERN_CACHE=0 "$LECTERN" --corpus "$work" extract
echo "     (100 saves killed: $olds left the old corpus, $news the new one, $torn torn)"
if [ $torn -eq 0 ]; then ok "kill -9: never a torn index (old or new, byte for byte)"; else bad "kill -9: never a torn index" "$torn torn, one in $TMP/torn.json"; fi
if [ $invalid -eq 0 ]; then ok "kill -9: check passes after every kill"; else bad "kill -9: check passes after every kill" "$invalid failed"; fi

# ---- a full disk and a read-only directory (tmpfs) ----
mnt=$TMP/mnt
mkdir -p "$mnt"
if ! mount -t tmpfs -o size=300k tmpfs "$mnt" 2>/dev/null; then
	echo "skip full disk and read-only directory: cannot mount a tmpfs here (not root?)"
	finish
	exit
fi
trap 'umount "$mnt" 2>/dev/null; rm -rf "$TMP"' EXIT
cp -r "$base" "$mnt/c"
# fill the file system, leaving less than the new index needs
head -c 1000000 /dev/zero >"$mnt/fill" 2>/dev/null
expect "full disk: extract fails with exit 2" 2 "corpus.json" env LECTERN_CACHE=0 "$LECTERN" --corpus "$mnt/c" extract
if printf '%s' "$err" | grep -q "No space left on device"; then ok "full disk: the message says why"; else bad "full disk: the message says why" "$err"; fi
check "full disk: the old corpus is intact" cmp -s "$mnt/c/corpus.json" "$TMP/old.json"
check "full disk: no temporary file left" bash -c "! ls '$mnt/c' | grep -q tmp"
rm -f "$mnt/fill"
expect "full disk: check passes after" 0 "ok:" env LECTERN_CACHE=0 "$LECTERN" --corpus "$mnt/c" check

mount -o remount,ro "$mnt"
expect "read-only directory: extract fails with exit 2" 2 "corpus.json" env LECTERN_CACHE=0 "$LECTERN" --corpus "$mnt/c" extract
if printf '%s' "$err" | grep -q "Read-only file system"; then ok "read-only directory: the message says why"; else bad "read-only directory: the message says why" "$err"; fi
check "read-only directory: the old corpus is intact" cmp -s "$mnt/c/corpus.json" "$TMP/old.json"
expect "read-only directory: the corpus still opens" 0 "ok:" env LECTERN_CACHE=0 "$LECTERN" --corpus "$mnt/c" check
umount "$mnt"
finish
