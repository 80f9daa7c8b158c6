# China and Russia: An Annotated Source Edition
#   make edition   build the HTML site and the PDF book (installs what is missing)
#   make test      install the test needs and run every test
#   make check     validate every annotation, anchor, citation and reference (no output)
#   make stats     print the edition's figures (segments, mentions, disputes, registers, bibliography)
#   make bench     benchmark against plain Sphinx, real edition to 1,000 sources (SIZES="real 50": quick)
#   make html | pdf | serve | clean

PYTHON   ?= python3
VENV     ?= .venv
PY       := $(VENV)/bin/python
SPHINX   := $(PY) -m sphinx
BUILD    ?= _build
SPHINXOPTS ?= -W -n --keep-going
STAMP    := $(VENV)/.installed

.PHONY: edition html pdf test check stats serve clean system-pdf system-test bench

edition: html pdf

bench: $(STAMP)
	$(PY) benchmarks/run.py $(if $(SIZES),--sizes $(SIZES))

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,serve]'
	touch $@

system-pdf:
	bash scripts/setup-debian.sh pdf

system-test:
	bash scripts/setup-debian.sh pdf browser

html: $(STAMP)
	$(SPHINX) -b html -c . $(SPHINXOPTS) docs $(BUILD)/html

pdf: $(STAMP) system-pdf
	$(SPHINX) -M latexpdf docs $(BUILD) -c . $(SPHINXOPTS) -q
	$(PY) -m critical_edition.latexlog $(BUILD)/latex

test: $(STAMP) system-test
	$(PY) -m pytest

stats: $(STAMP)
	$(SPHINX) -b edition-stats -c . -q docs $(BUILD)/stats

check: $(STAMP)
	$(SPHINX) -b dummy -c . -W -n --keep-going -q docs $(BUILD)/check

serve: $(STAMP)
	$(VENV)/bin/sphinx-autobuild -c . docs $(BUILD)/serve --watch seeds --watch extensions

clean:
	rm -rf $(BUILD)
