# Two entry points, both set-up free on a fresh machine:
#   make serve   live-reloading preview (creates .venv and installs on first use)
#   make test    the whole test suite (installs test extras and Debian's chromium when missing)
# and make publish, which pushes the site to gh-pages only when it builds with --strict.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
TEST_STAMP := $(VENV)/.installed-test-$(shell sha1sum pyproject.toml | cut -c1-12)
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build publish test chromium benchmark test-compat test-compat-lowest test-compat-newest test-compat-fast test-properdocs

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr $(HOST)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# Push the site to the gh-pages branch. --strict: a build with any warning or error stops
# here, before anything is pushed, so a broken note is never published.
publish: $(STAMP)
	$(BIN)/mkdocs gh-deploy --strict

# Browser tests drive Debian's Chromium (Playwright never downloads a browser here);
# CJK fonts make the screenshots readable.
BROWSER_PACKAGES := chromium fonts-noto-cjk
chromium:
	@missing=$$(for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $$missing with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing Debian packages: $$missing (run: sudo apt-get install $$missing)" >&2; exit 1; \
	  fi; \
	fi

test: $(TEST_STAMP) chromium
	$(BIN)/python -m pytest -n 2 --dist loadfile
	$(MAKE) --no-print-directory test-compat-fast
	$(MAKE) --no-print-directory test-properdocs

# The versions pyproject.toml allows are the versions we test: the lowest (constraints/lowest.txt)
# and the newest inside the bounds, each in its own virtualenv.
LOWEST := .venv-lowest
NEWEST := .venv-newest
LOWEST_STAMP := $(LOWEST)/.installed-$(shell cat pyproject.toml constraints/lowest.txt | sha1sum | cut -c1-12)
NEWEST_STAMP := $(NEWEST)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

$(LOWEST_STAMP):
	rm -rf $(LOWEST) && $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/pip install --quiet --upgrade pip
	$(LOWEST)/bin/pip install --quiet -e '.[test]' -c constraints/lowest.txt
	touch $@

$(NEWEST_STAMP):
	rm -rf $(NEWEST) && $(PYTHON) -m venv $(NEWEST)
	$(NEWEST)/bin/pip install --quiet --upgrade pip
	$(NEWEST)/bin/pip install --quiet --upgrade -e '.[test]'
	touch $@

# Part of every `make test` (and so of CI): the suite without the browser on the lowest versions.
# The lowest versions differ from the newest in Material and pymdown-extensions (MkDocs and
# mkdocs-static-i18n have one allowed version each): these tests go through every use of their
# internals and of their rendering (i18n builds, both caches, search, links, the feed).
COMPAT_FAST_TESTS := tests/test_foundation.py tests/test_material_config_block.py tests/test_build_cache.py tests/test_page_cache.py \
	tests/test_search_build.py tests/test_links.py tests/test_feed.py

test-compat-fast: $(LOWEST_STAMP)
	$(LOWEST)/bin/python -m pytest -n 2 --dist loadfile -m "not browser" -q $(COMPAT_FAST_TESTS)

test-compat-lowest: $(LOWEST_STAMP) chromium
	$(LOWEST)/bin/python -m pytest -n 2 --dist loadfile

test-compat-newest: $(NEWEST_STAMP) chromium
	$(NEWEST)/bin/python -m pytest -n 2 --dist loadfile

test-compat: test-compat-lowest test-compat-newest

# Part of every `make test`: the shipped site built by ProperDocs is the MkDocs build, byte for byte.
PROPERDOCS := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

$(PROPERDOCS_STAMP):
	rm -rf $(PROPERDOCS) && $(PYTHON) -m venv $(PROPERDOCS)
	$(PROPERDOCS)/bin/pip install --quiet --upgrade pip
	$(PROPERDOCS)/bin/pip install --quiet -e '.[test,properdocs]'
	touch $@

test-properdocs: $(PROPERDOCS_STAMP)
	$(PROPERDOCS)/bin/python -m pytest -q tests/test_properdocs.py

benchmark: $(TEST_STAMP)
	$(BIN)/python benchmarks/build.py
