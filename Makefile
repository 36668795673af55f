# Saraban: `make demo` renders the examples, `make test` proves them. Both install what they need.
SHELL := /bin/bash
APT_PACKAGES := pkg-config zlib1g-dev libcairo2-dev libpango1.0-dev libfontconfig-dev librsvg2-dev libthai-dev \
                fonts-thai-tlwg fonts-dejavu-core poppler-utils libxml2
# The Office tests save files with LibreOffice (headless) and read them back.
TEST_APT_PACKAGES := libreoffice-calc-nogui libreoffice-writer-nogui
OFFICE_VENV := .build/office-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLES := $(wildcard Templates/examples/*.yaml)
SARABAN := .build/release/saraban

.PHONY: deps test-deps build demo test test-fonts office-venv bench clean

# Installs the Debian packages of the list $(1) that are missing (nothing when all are there).
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))

test-deps: deps
	$(call apt_install,$(TEST_APT_PACKAGES))

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

# The Office fixtures' makers (Scripts/office-fixtures.py): openpyxl, python-docx, msoffcrypto-tool.
office-venv:
	@if ! $(OFFICE_VENV)/bin/python -c "import openpyxl, docx, msoffcrypto" 2>/dev/null; then \
	  python3 -m venv $(OFFICE_VENV) >/dev/null && \
	  $(OFFICE_VENV)/bin/pip install -q openpyxl==3.1.5 python-docx==1.2.0 msoffcrypto-tool==6.1.0; \
	fi

test: test-deps test-fonts office-venv
	swift build --build-tests
	swift test --skip-build

clean:
	rm -rf .build out
