# lectern: build, test and install.  `make run` and `make test` are all a
# newcomer needs: both first install any missing Debian package.
#   make            build ./lectern (CC=clang works too; V=1 shows commands)
#   make run        build, then open the bundled corpus
#   make test       build, then every test (unit, command, terminal, ASan+UBSan)
#   make asan       the unit and end-to-end tests under ASan+UBSan only
#   make install    PREFIX=/usr/local

CC      ?= cc
PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/lectern
PKGS    := ncursesw libcjson libxml-2.0 libpcre2-8 uchardet
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
DEFS    := -D_GNU_SOURCE -DLECTERN_DATADIR='"$(DATADIR)"'
DEB_PKGS := build-essential pkg-config clang libclang-rt-14-dev libncurses-dev libcjson-dev libcmocka-dev tmux mandoc jq valgrind libxml2-dev libpcre2-dev libuchardet-dev locales-all

ifeq ($(V),1)
Q :=
else
Q := @
endif

BUILD   ?= build
# the stages of src/, lowest first (tests/docs/layers.sh checks that a
# folder includes only the folders before it)
STAGES  := base corpus search extract import compare ui cli
SRCS    := src/main.c $(foreach d,$(STAGES),$(wildcard src/$(d)/*.c))
# the core: all but main.c and the files that draw (those that include
# ui/tui.h, the one header that includes curses); unit tests link it
DRAW    := $(shell grep -l '"ui/tui.h"' src/ui/*.c)
CORE    := $(filter-out src/main.c $(DRAW),$(SRCS))
OBJS    := $(SRCS:%.c=$(BUILD)/%.o)
CORE_OBJS := $(CORE:%.c=$(BUILD)/%.o)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)
ALL_CFLAGS = $(WARN) $(DEFS) $(PKG_CFLAGS) -Isrc $(CFLAGS)

.PHONY: all run test unit cli asan deps install clean lint-man
all: lectern

lectern: $(BUILD)/lectern
	$(Q)cp $< $@

$(BUILD)/lectern: $(OBJS)
	@echo "  LINK  $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJS)
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(CORE_OBJS) $(PKG_LIBS) $(CMOCKA_LIBS)

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d)

# Installs what is missing (as root, or through sudo), else says what to run.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; \
		else echo "lectern needs:$$missing"; echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi; \
		echo "installing:$$missing"; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing >/dev/null || exit 1; \
	fi

run: deps
	$(Q)$(MAKE) --no-print-directory lectern
	./lectern

unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do (cd tests/unit && ../../$$t) || fail=1; done; exit $$fail

cli: lectern
	$(Q)bash tests/run.sh ./lectern

asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan CC=clang \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" unit fuzz-replay build/asan/lectern
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 bash tests/run.sh build/asan/lectern

test: deps
	$(Q)$(MAKE) --no-print-directory lectern unit fuzz-replay cli lint-man
	$(Q)$(MAKE) --no-print-directory asan

lint-man:
	$(Q)for m in $(wildcard man/*.[0-9]); do mandoc -Tlint -W warning $$m || exit 1; done
	@echo "man pages: lint clean"

install: lectern
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/data/sources $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 755 lectern $(DESTDIR)$(PREFIX)/bin/lectern
	install -m 644 data/corpus.json $(DESTDIR)$(DATADIR)/data/
	install -m 644 data/sources/*.txt $(DESTDIR)$(DATADIR)/data/sources/
	install -m 644 man/lectern.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/lectern-corpus.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -d $(DESTDIR)$(DATADIR)/themes
	install -m 644 themes/*.theme $(DESTDIR)$(DATADIR)/themes/

clean:
	rm -rf build lectern

# Benchmarks (not part of `make test`): see bench/NOTES.md and bench/RESULTS.md.
BENCH_PKGS := hyperfine time jq
.PHONY: bench bench-deps
bench-deps:
	$(Q)$(MAKE) --no-print-directory deps DEB_PKGS="$(BENCH_PKGS)"

bench/gen-corpus: bench/gen-corpus.c $(BUILD)/src/base/sha256.o
	@echo "  CC    $<"
	$(Q)$(CC) $(ALL_CFLAGS) -O2 -o $@ $^

bench: bench-deps lectern bench/gen-corpus
	$(Q)bash bench/run.sh

# Fuzzing (tests/fuzz/README): every tests/fuzz/fuzz_TARGET.c is a libFuzzer
# target.  `make fuzz FUZZ_SECONDS=N` runs each for N seconds with clang's
# libFuzzer, ASan and UBSan; fuzz-replay (part of make test) feeds the saved
# seeds and crashes to each target without libFuzzer.
.PHONY: fuzz fuzz-replay
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)
FUZZ_DEPS    := tests/fuzz/fuzz.h $(wildcard src/*/*.h)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(CORE_OBJS) $(FUZZ_DEPS)
	@mkdir -p $(dir $@)
	@echo "  FUZZ  $<"
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/fuzz -fsanitize=fuzzer -o $@ $< $(CORE_OBJS) $(PKG_LIBS)

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(CORE_OBJS) $(FUZZ_DEPS)
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c $(CORE_OBJS) $(PKG_LIBS)

fuzz-replay: $(FUZZ_REPLAY)
	$(Q)mkdir -p $(BUILD)/fuzz/tmp; for t in $(FUZZ_TARGETS); do \
		TMPDIR=$(BUILD)/fuzz/tmp $(BUILD)/fuzz/replay_$$t tests/fuzz/corpus/$$t tests/fuzz/crashes/$$t || exit 1; \
	done

fuzz: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		$(FUZZ_TARGETS:%=build/fuzz/fuzz/fuzz_%)
	$(Q)bash tests/fuzz/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
