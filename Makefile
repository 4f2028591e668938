# Dossier: the two commands a fresh Debian machine needs are `make report` and `make test`.
# Both install what is missing first (scripts/install-deps.sh).

SWIFT ?= swift
BIN_DEBUG = .build/debug/dossier
BIN_RELEASE = .build/release/dossier

.PHONY: deps build release report test generate bench train fuzz sanitize clean install install-files uninstall

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product dossier

# The main job on the bundled corpus.
report: release
	@scripts/report.sh $(BIN_RELEASE)

# Every test: the data checks, luacheck over the plugins, the plugin tests, the HTML report and the review page in
# headless Chromium, the Swift suites, then Lua 5.4.4's own test suite through `dossier eval --unsafe` (when
# ../shared/conformance holds it).
test: deps
	$(SWIFT) build --build-tests
	python3 scripts/gazetteer/check.py
	luacheck --config .luacheckrc Plugins
	.build/debug/dossier test
	@if command -v chromium >/dev/null 2>&1; then scripts/check-html-report.sh .build/batch-html-check $(BIN_DEBUG); \
	 elif [ -n "$${CI:-}" ]; then echo "chromium not found: the HTML report check cannot run, and CI runs every check" >&2; exit 1; \
	 else echo "chromium not found: HTML report check skipped"; fi
	@if command -v chromium >/dev/null 2>&1; then scripts/check-review-page.sh $(BIN_DEBUG); \
	 elif [ -n "$${CI:-}" ]; then echo "chromium not found: the review page check cannot run, and CI runs every check" >&2; exit 1; \
	 else echo "chromium not found: review page check skipped"; fi
	for target in $(FUZZ_TARGETS); do .build/debug/$$target Fuzz/Seeds/$${target#fuzz-} || exit 1; done
	$(SWIFT) test --skip-build
	@if [ -d ../shared/conformance/lua-5.4.4-testes ]; then scripts/lua-conformance.sh $(BIN_DEBUG) ../shared/conformance/lua-5.4.4-testes; \
	elif [ -n "$${CI:-}" ]; then echo "../shared/conformance/lua-5.4.4-testes not found: the Lua conformance check cannot run in CI" >&2; exit 1; \
	else echo "../shared/conformance/lua-5.4.4-testes not found: Lua conformance check skipped"; fi

# Regenerates the files made from the Lua API's Swift declarations: the editor stubs, docs/lua-api.md,
# .luacheckrc, .luarc.json and the globals snapshot. A test fails when they are out of date.
generate: deps
	$(SWIFT) build --build-tests
	DOSSIER_UPDATE_GENERATED=1 $(SWIFT) test --skip-build --filter ScriptingAPITests

# The visit scorer's weights (Data/model/visit-scorer.tsv) from the annotated batches, and its cross-validation.
train: release
	$(BIN_RELEASE) train

# Benchmarks print their figures; docs/PERFORMANCE.md records them.
bench: deps
	$(SWIFT) build -c release --product bridge-bench
	.build/release/bridge-bench

# libFuzzer targets (Fuzz/), each run for FUZZ_SECONDS from its seeds; docs/RELIABILITY.md has the figures.
# Linked with lld: gold fails on the sanitizer runtime's debug information.
FUZZ_SECONDS ?= 20
FUZZ_TARGETS = fuzz-article fuzz-manifest fuzz-plan fuzz-lua-values
fuzz: deps
	for target in $(FUZZ_TARGETS); do \
	  $(SWIFT) build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
	    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld \
	    --product $$target || exit 1; done
	scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The Swift suites under AddressSanitizer and UndefinedBehaviorSanitizer, then the batch and limit tests
# and the extractor plugins (one Lua state per worker thread) under ThreadSanitizer (slow: not part of `make test`). Suppressions, each explained, in scripts/sanitizers/.
SANITIZE_TSAN_FILTER = BatchTests|BatchWorkerTests|LimitTests|ExtractorTests
# Swift takes -sanitize=address and thread; UndefinedBehaviorSanitizer is for the C code (CLuaSupport, the
# YAML parser), compiled and linked with clang's -fsanitize=undefined. Linked with lld, as for fuzzing.
SANITIZE_LINK = -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
SANITIZE_ASAN_FLAGS = -Xswiftc -sanitize=address -Xcc -fsanitize=address,undefined \
	-Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined $(SANITIZE_LINK)
SANITIZE_TSAN_FLAGS = -Xswiftc -sanitize=thread -Xcc -fsanitize=thread $(SANITIZE_LINK)
sanitize: deps
	$(SWIFT) build --build-tests --scratch-path .build-sanitize/asan $(SANITIZE_ASAN_FLAGS)
	ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(SWIFT) test --skip-build --scratch-path .build-sanitize/asan
	$(SWIFT) build --build-tests --scratch-path .build-sanitize/tsan $(SANITIZE_TSAN_FLAGS)
	TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/scripts/sanitizers/tsan.supp" \
	  $(SWIFT) test --skip-build --scratch-path .build-sanitize/tsan --filter '$(SANITIZE_TSAN_FILTER)'

# `make install [PREFIX=/usr/local]`: the release binary into PREFIX/bin and its resources into
# PREFIX/share/dossier (the plugins with their lib, tests and editor stubs, the gazetteer, the lexicon and the
# model when present, the sample corpus), where the binary finds them. DESTDIR stages a package.
PREFIX ?= /usr/local
INSTALL_BIN ?= $(BIN_RELEASE)
SHARE_DIR = $(DESTDIR)$(PREFIX)/share/dossier

install: release install-files

# The copy alone (INSTALL_BIN=.build/debug/dossier installs a debug build; the tests do).
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE_DIR)/Data
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(PREFIX)/bin/dossier
	rm -rf $(SHARE_DIR)/Plugins && cp -R Plugins $(SHARE_DIR)/Plugins
	for d in gazetteer lexicon model corpus; do \
		rm -rf $(SHARE_DIR)/Data/$$d; \
		if [ -d Data/$$d ]; then cp -R Data/$$d $(SHARE_DIR)/Data/$$d; fi; \
	done
	@echo "installed $(DESTDIR)$(PREFIX)/bin/dossier and $(SHARE_DIR)"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dossier
	rm -rf $(SHARE_DIR)

clean:
	rm -rf .build .build-fuzz .build-sanitize reports
