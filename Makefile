# Two entry points, both set-up free on a fresh machine:
#   make serve   live-reloading preview (creates .venv and installs on first use)
#   make test    the whole test suite (installs test extras and Debian's chromium when missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
TEST_STAMP := $(VENV)/.installed-test-$(shell sha1sum pyproject.toml | cut -c1-12)
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test chromium benchmark

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

benchmark: $(TEST_STAMP)
	$(BIN)/python benchmarks/build.py
