# Saraban: `make demo` renders the examples, `make test` proves them. Both install what they need.
SHELL := /bin/bash
# libcurl4 is opened (dlopen) only when a signature asks a time-stamp server (--tsa).
APT_PACKAGES := pkg-config zlib1g-dev libdeflate-dev libcairo2-dev libpango1.0-dev libfontconfig-dev librsvg2-dev libthai-dev \
                fonts-thai-tlwg fonts-dejavu-core poppler-utils libxml2 libssl-dev openssl icc-profiles-free \
                libcurl4
# The Office tests save files with LibreOffice (headless) and read them back; the editor's
# browser test drives Debian's Chromium through its chromedriver.
TEST_APT_PACKAGES := libreoffice-calc-nogui libreoffice-writer-nogui chromium chromium-driver
OFFICE_VENV := .build/office-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLES := $(wildcard Templates/examples/*.yaml)
SARABAN := .build/release/saraban
# The release binary links the Swift runtime and Foundation in (--static-swift-stdlib): 22 shared
# libraries fewer to load and relocate at every start (`saraban render` of long-memo: 66 -> 47 ms
# with the start-up overlap, bench/README.md). Every release build uses the same flags, so that
# one product's build does not undo another's.
SWIFT_RELEASE := swift build -c release --static-swift-stdlib
# `make install`: the binary, Templates/ and Fonts/ (PREFIX/share/saraban, where the binary looks),
# the man page, bash, zsh and fish completions, and a systemd unit for `saraban serve`. DESTDIR for staged installs (packages).
PREFIX ?= /usr/local
DESTDIR ?=
SHARE = $(DESTDIR)$(PREFIX)/share
GENERATE_MANUAL := .build/release/generate-manual
DOC := .build/doc
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || echo 2026-01-01)

.PHONY: deps test-deps build demo test test-fonts office-venv test-signing-tools check-tools test-api test-editor bench bench-venv bench-serve bench-editor bench-failover fuzz leaks clean install install-files

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
	$(SWIFT_RELEASE) --product saraban

# Renders every example to out/ as PDF and PNG pages.
demo: build
	@mkdir -p out
	@for f in $(EXAMPLES); do \
	  n=$$(basename $$f .yaml); \
	  $(SARABAN) render $$f -o out/$$n.pdf && $(SARABAN) preview $$f -o out/$$n --dpi 72 && \
	  echo "out/$$n.pdf ($$(pdfinfo out/$$n.pdf | awk '/^Pages/{print $$2}') pages) and out/$$n/*.png"; \
	done

# Batch throughput on the hinlekfai example: documents/s, pages/s, peak RSS, instructions per document;
# the distinct workload (bench/make-distinct.py) beside Typst on the same documents.
# BENCH_ROWS=10000 for 10,000 rows.
bench: build bench-venv
	bench/run-batch.sh

# Typst's Python binding (the distinct workload's reference) and PyYAML for the generators.
BENCH_VENV := .build/bench-venv
bench-venv:
	@if ! $(BENCH_VENV)/bin/python -c "import typst, yaml" 2>/dev/null; then \
	  python3 -m venv $(BENCH_VENV) >/dev/null && \
	  $(BENCH_VENV)/bin/pip install -q typst==0.15.2 PyYAML==6.0.3; \
	fi

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

# The signing tests' independent checkers: pyHanko (signatures) and page-validation (PDF/A).
test-signing-tools: deps
	@if [ ! -x .build/signvenv/bin/python ] || ! .build/signvenv/bin/python -c "import pyhanko, page" 2>/dev/null; then \
	  python3 -m venv .build/signvenv >/dev/null && \
	  .build/signvenv/bin/pip install -q pyhanko==0.38.0 page-validation==0.11.0; \
	fi

# The PDF checkers the tests run: page-validation (PDF/A-3u, PDF/UA-1) and outloud, from PyPI;
# and pdfium (pypdfium2) beside outloud's MuPDF (pymupdf), two more readers of the text.
check-tools: deps
	@if ! .build/checkvenv/bin/python -c 'import page, pikepdf, pymupdf, pypdfium2' 2>/dev/null || [ ! -x .build/checkvenv/bin/outloud ]; then \
	  python3 -m venv .build/checkvenv >/dev/null && \
	  .build/checkvenv/bin/pip install -q page-validation outloud pikepdf pypdfium2; \
	fi

test: test-deps test-fonts office-venv test-signing-tools check-tools
	swift build --build-tests
	swift build --product generate-manual
	swift test --skip-build
	Scripts/schemathesis.sh .build/debug/saraban
	Scripts/editor-test.sh .build/debug/saraban

# The service against its OpenAPI description (schemathesis from PyPI; SCHEMATHESIS_EXAMPLES per operation).
test-api: deps
	swift build --product saraban
	Scripts/schemathesis.sh .build/debug/saraban

# The web editor (Templates/web, served at / by saraban serve) in headless Chromium.
test-editor: test-deps
	swift build --product saraban
	Scripts/editor-test.sh .build/debug/saraban

# The editor's preview speed with the release build: keystroke to every picture updated, p50/p95
# over EDITOR_EDITS (50) edits of long-memo.yaml, and where the time goes; as shipped, painting
# every page (no fingerprints), without the pause, and with neither.
bench-editor: build
	$(call apt_install,chromium chromium-driver)
	@for q in "" "paint-all" "pause=0" "pause=0&paint-all"; do \
	  EDITOR_QUERY="$$q" EDITOR_EDITS=$${EDITOR_EDITS:-50} EDITOR_BUILD=release Scripts/editor-test.sh $(SARABAN) EditorTests.test_zz_speed_of_the_preview 2>&1 \
	    | sed -n '/^editor preview/,/pages painted/p'; \
	done

# The service over loopback beside `saraban batch --jobs 2` on the same documents (bench/README.md).
bench-serve: build
	bench/run-serve.sh

# Two instances behind nginx, one killed during load: nginx's retry must leave no failed request.
bench-failover: build
	bench/failover.sh

install: build
	$(SWIFT_RELEASE) --product generate-manual
	$(MAKE) install-files

# Installs $(SARABAN) as built (the tests install the debug build into a temporary PREFIX).
install-files:
	@test -x $(SARABAN) && test -x $(GENERATE_MANUAL) || { echo "build first: make install"; exit 1; }
	@mkdir -p $(DOC)/completions
	$(GENERATE_MANUAL) $(SARABAN) --date $(MAN_DATE) --output-directory $(DOC)
	$(SARABAN) --generate-completion-script bash > $(DOC)/completions/saraban.bash
	$(SARABAN) --generate-completion-script zsh > $(DOC)/completions/_saraban
	$(SARABAN) --generate-completion-script fish > $(DOC)/completions/saraban.fish
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/saraban/Fonts $(SHARE)/man/man1 \
	  $(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $(SARABAN) $(DESTDIR)$(PREFIX)/bin/saraban
	rm -rf $(SHARE)/saraban/Templates
	cp -R Templates $(SHARE)/saraban/Templates
	install -m 644 Fonts/README.md $(SHARE)/saraban/Fonts/README.md
	@for f in Fonts/*.ttf Fonts/*.otf Fonts/*.TTF Fonts/*.OTF; do [ -f "$$f" ] && install -m 644 "$$f" $(SHARE)/saraban/Fonts/ || true; done
	install -m 644 $(DOC)/saraban.1 $(SHARE)/man/man1/saraban.1
	install -m 644 $(DOC)/completions/saraban.bash $(SHARE)/bash-completion/completions/saraban
	install -m 644 $(DOC)/completions/_saraban $(SHARE)/zsh/site-functions/_saraban
	install -m 644 $(DOC)/completions/saraban.fish $(SHARE)/fish/vendor_completions.d/saraban.fish
	install -d $(DESTDIR)$(PREFIX)/lib/systemd/system
	sed "s|@PREFIX@|$(PREFIX)|g" Scripts/saraban.service.in > $(DESTDIR)$(PREFIX)/lib/systemd/system/saraban.service
	@echo "installed $(DESTDIR)$(PREFIX)/bin/saraban; Templates/ and Fonts/ in $(SHARE)/saraban; the systemd unit saraban.service"

# The fuzz test of `make test` at length: FUZZ_CASES (5000) mutated examples with the release build,
# cases by outcome (bench/README.md has a run's figures). FUZZ_SEED picks another set of cases.
fuzz: deps test-fonts
	Scripts/fuzz.sh

# valgrind's memcheck over a render of every example, a check and a small batch: fails unless it
# reports 0 bytes definitely lost (30–80 s; not part of `make test`).
leaks: build
	@dpkg-query -W -f='$${Status}' valgrind 2>/dev/null | grep -q 'ok installed' || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq valgrind >/dev/null; }
	Scripts/valgrind-leaks.sh

clean:
	rm -rf .build out
