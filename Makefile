PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The app alone for run and install; with the test tools (pytest, mypy, Playwright...) for the rest: a
# first make run took 90 s and 400 MB installing tools it never uses.
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run install test lint bench mutants catalogs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP) $(STAMP)

run: $(STAMP)
	$(BIN)/dailyreach $(ARGS)

# Puts `dailyreach` on PATH (a link to this checkout's virtual environment in ~/.local/bin).
install: $(STAMP)
	mkdir -p $(HOME)/.local/bin
	ln -sf $(abspath $(BIN)/dailyreach) $(HOME)/.local/bin/dailyreach
	@case ":$$PATH:" in *":$(HOME)/.local/bin:"*) echo "dailyreach is ready: try 'dailyreach today'";; \
	  *) echo "Add ~/.local/bin to PATH, or run $(abspath $(BIN)/dailyreach)";; esac

SNAPSHOTS := tests/tui/test_snapshots.py tests/tui/test_contacts_snapshots.py tests/tui/test_form_snapshots.py \
	tests/tui/test_stats_snapshots.py tests/tui/test_draft_snapshots.py tests/tui/test_japanese_snapshots.py \
	tests/tui/test_draft_snapshots_japanese.py

# Snapshots run on their own, after the rest: on a machine busy with the other tests a table can be
# caught before it has measured its rows. The browser tests run apart too: Playwright's sync API keeps
# an event loop running in its process for as long as the browser is open, where the app's tests need
# their own.
test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n 2 $(addprefix --ignore=,$(SNAPSHOTS)) --ignore=tests/e2e $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/python -m pytest -n 2 $(SNAPSHOTS) $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS) || [ $$? -eq 5 ]

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_tui.py
	$(BIN)/python benchmarks/bench_stats.py
	$(BIN)/python benchmarks/bench_status.py

# Mutation testing of the core: every mutant (or those ONLY names, a glob of mutmut's names), then the
# ones run that no test killed. mutmut works in mutants/, a copy of the tree.
mutants: $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet 'mutmut>=3.8'
	$(BIN)/mutmut run --max-children 2 $(ONLY)
	$(BIN)/mutmut results | grep -v ': not checked$$' || true

# The interface's Japanese: extract the marked strings, merge them into the .po (where the translations
# are written), compile the .mo the app reads. Both are committed, so a checkout and a wheel have them.
LOCALE := src/dailyreach/locale
catalogs: $(TEST_STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -k ngettext:1,2 --no-location --omit-header --sort-output \
		--no-wrap -o $(LOCALE)/dailyreach.pot src/dailyreach
	$(BIN)/pybabel -q update -i $(LOCALE)/dailyreach.pot -d $(LOCALE) -D dailyreach -l ja --no-wrap \
		--ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel -q compile -d $(LOCALE) -D dailyreach -l ja

clean:
	rm -rf $(VENV) dist build .pytest_cache mutants
