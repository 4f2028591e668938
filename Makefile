# Dossier: the two commands a fresh Debian machine needs are `make report` and `make test`.
# Both install what is missing first (scripts/install-deps.sh).

SWIFT ?= swift
BIN_DEBUG = .build/debug/dossier
BIN_RELEASE = .build/release/dossier

.PHONY: deps build release report test generate bench train clean

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

# The visit scorer's weights (Data/model/visit-scorer.tsv) from the annotated batches, and its cross-validation.
train: release
	$(BIN_RELEASE) train

# Benchmarks print their figures; docs/PERFORMANCE.md records them.
bench: deps
	$(SWIFT) build -c release --product bridge-bench
	.build/release/bridge-bench

clean:
	rm -rf .build reports
