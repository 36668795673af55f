# Saraban: `make demo` renders the examples, `make test` proves them. Both install what they need.
SHELL := /bin/bash
APT_PACKAGES := pkg-config zlib1g-dev libcairo2-dev libpango1.0-dev libfontconfig-dev librsvg2-dev libthai-dev \
                fonts-thai-tlwg fonts-dejavu-core poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLES := $(wildcard Templates/examples/*.yaml)
SARABAN := .build/release/saraban

.PHONY: deps build demo test test-fonts test-api bench bench-serve bench-failover install clean

# Installs the Debian packages that are missing (nothing when all are there).
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	swift build -c release --product saraban

# Renders every example to out/ as PDF and PNG pages.
demo: build
	@mkdir -p out
	@for f in $(EXAMPLES); do \
	  n=$$(basename $$f .yaml); \
	  $(SARABAN) render $$f -o out/$$n.pdf && $(SARABAN) preview $$f -o out/$$n --dpi 72 && \
	  echo "out/$$n.pdf ($$(pdfinfo out/$$n.pdf | awk '/^Pages/{print $$2}') pages) and out/$$n/*.png"; \
	done

# Batch throughput on the hinlekfai example: documents/s, pages/s, peak RSS, instructions per document.
# BENCH_ROWS=10000 for 10,000 rows.
bench: build
	bench/run-batch.sh

# Fonts for the shaping tests: Sarabun from PyPI and a Laksaman without GSUB/GPOS (never committed).
test-fonts: deps
	@if [ ! -f .build/test-fonts/LaksamanNoLayout.ttf ]; then \
	  python3 -m venv .build/fontvenv >/dev/null && \
	  .build/fontvenv/bin/pip install -q fontpkg-sarabun fonttools && \
	  .build/fontvenv/bin/python Scripts/test-fonts.py .build/test-fonts; \
	fi

test: deps test-fonts
	swift build --build-tests
	swift test --skip-build
	Scripts/schemathesis.sh .build/debug/saraban

# The service against its OpenAPI description (schemathesis from PyPI; SCHEMATHESIS_EXAMPLES per operation).
test-api: deps
	swift build --product saraban
	Scripts/schemathesis.sh .build/debug/saraban

# Installs the release binary, Templates/ and a systemd unit into PREFIX (README: "Run it as a service").
PREFIX ?= /usr/local
install: build
	Scripts/install.sh $(PREFIX) $(SARABAN)

# The service over loopback beside `saraban batch --jobs 2` on the same documents (bench/README.md).
bench-serve: build
	bench/run-serve.sh

# Two instances behind nginx, one killed during load: nginx's retry must leave no failed request.
bench-failover: build
	bench/failover.sh

clean:
	rm -rf .build out
