# envref: `make site` builds Site/ from Content/; `make test` runs every test.
# Both install what is missing first (Debian packages through apt-get).

SWIFT ?= swift
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_APT_PACKAGES := gettext
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

# Installs only the packages that are not there yet, so repeated runs cost nothing.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"

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
