# Dossier: the two commands a fresh Debian machine needs are `make report` and `make test`.
# Both install what is missing first (scripts/install-deps.sh).

SWIFT ?= swift
BIN_DEBUG = .build/debug/dossier
BIN_RELEASE = .build/release/dossier

.PHONY: deps build release report test generate bench clean install install-files uninstall

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product dossier

# The main job on the bundled corpus.
report: release
	@scripts/report.sh $(BIN_RELEASE)

# Every test: the data checks, luacheck over the plugins, the plugin tests, then the Swift suites.
test: deps
	$(SWIFT) build --build-tests
	python3 scripts/gazetteer/check.py
	luacheck --config .luacheckrc Plugins
	.build/debug/dossier test
	@if command -v chromium >/dev/null 2>&1; then scripts/check-html-report.sh .build/batch-html-check $(BIN_DEBUG); else echo "chromium not found: HTML report check skipped"; fi
	$(SWIFT) test --skip-build

# Regenerates the files made from the Lua API's Swift declarations: the editor stubs, docs/lua-api.md,
# .luacheckrc, .luarc.json and the globals snapshot. A test fails when they are out of date.
generate: deps
	$(SWIFT) build --build-tests
	DOSSIER_UPDATE_GENERATED=1 $(SWIFT) test --skip-build --filter ScriptingAPITests

# Benchmarks print their figures; docs/PERFORMANCE.md records them.
bench: deps
	$(SWIFT) build -c release --product bridge-bench
	.build/release/bridge-bench

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
	rm -rf .build reports
