"""Are the fusion weights of knowledge/index.py fitted to the test questions? Their cross-validation on XQuAD-de.

The product's retrieval sums three signals per chunk, each z-scored across the chunks (weights ``W_PASSAGE``,
``W_SENTENCE``, ``W_LEXICAL``): the whole-chunk e5 cosine, the best-sentence e5 cosine and BM25 over character
4-grams. The weights were chosen on XQuAD-de. Here the contexts are ingested into a throw-away brand as the product
ingests them, the product's index gives the three signals of every chunk for every question, and recall@1 is
reported for each signal alone, for the shipped weights, and for weights re-chosen on four folds of the questions
(every weight triple on a 0.05 simplex grid) and scored on the fifth, 5 folds x 3 seeds. A cross-validated recall
close to the shipped weights' says the weights are not fitted to these questions.

All chunks are scored (no first stage, no near-tie ordering), so the shipped weights' figure here differs slightly
from ``heine-ai eval retrieval``'s ``project``, which reports the other methods and the latency.

    OMP_NUM_THREADS=1 python bench/retrieval_lab.py [--dataset ../shared/eval/xquad_de/xquad_de_flat.jsonl] [--limit N]

(One OpenMP thread per embedding: two on a busy two-core machine made the ingest several times slower.)
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: the e5 engine's threads and OpenBLAS's collide

import numpy as np
import numpy.typing as npt

from common import ROOT
from heine_ai.config import load_settings
from heine_ai.knowledge.index import W_LEXICAL, W_PASSAGE, W_SENTENCE, zscore
from heine_ai_lab.retrieval import EVAL_BRAND, load_dataset, throwaway_brand
from heine_ai_lab.vectors import QueryVectors

XQUAD = ROOT.parent / "shared" / "eval" / "xquad_de" / "xquad_de_flat.jsonl"
SIGNALS = ("passage", "sentence", "lexical")
STEP = 0.05
FOLDS, SEEDS = 5, (0, 1, 2)


async def signals(dataset: Path, limit: int | None) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
    """(questions, 3, chunks) z-scored signals, and (questions, chunks): is the chunk from the question's context."""
    documents, pairs = load_dataset(dataset, limit)
    async with throwaway_brand(dataset, documents, None, load_settings()) as state:
        index = await state.knowledge.index(EVAL_BRAND)
        vectors = QueryVectors(state.embedder).embed([pair.question for pair in pairs])
        source = np.array([str(chunk.metadata.get("source")) for chunk in index.chunks])
        rows, gold = [], []
        for pair, vector in zip(pairs, vectors, strict=True):
            scored = sorted(index.search(vector, pair.question, k=len(index), method="dense"), key=lambda s: s.position)
            raw = np.array([[getattr(s, name) for s in scored] for name in SIGNALS], dtype=np.float32)
            rows.append(np.stack([zscore(signal) for signal in raw]))
            gold.append(source == pair.source)
    return np.stack(rows), np.stack(gold)


def hits(z: npt.NDArray[np.float32], gold: npt.NDArray[np.bool_], weights: tuple[float, ...]) -> npt.NDArray[np.bool_]:
    """Per question: is the best chunk under these weights from its context (recall@1)."""
    fused = np.tensordot(np.asarray(weights, dtype=np.float32), z, axes=(0, 1))
    return gold[np.arange(len(gold)), fused.argmax(axis=1)]


def cross_validated(z: npt.NDArray[np.float32], gold: npt.NDArray[np.bool_]) -> tuple[float, tuple[float, ...]]:
    """Mean recall@1 with the weights chosen on the other folds, and the best weights on all questions."""
    steps = round(1 / STEP)
    grid = [(a * STEP, b * STEP, (steps - a - b) * STEP) for a, b in itertools.product(range(steps + 1), repeat=2)]
    grid = [w for w in grid if w[2] >= -1e-9]
    table = np.array([hits(z, gold, w) for w in grid])  # (weights, questions)
    recalls = []
    for seed in SEEDS:
        order = np.random.default_rng(seed).permutation(len(gold))
        hit = np.zeros(len(gold), dtype=bool)
        for fold in range(FOLDS):
            test = order[fold::FOLDS]
            train = np.setdiff1d(order, test)
            hit[test] = table[int(table[:, train].mean(axis=1).argmax()), test]
        recalls.append(float(hit.mean()))
    best = grid[int(table.mean(axis=1).argmax())]
    return float(np.mean(recalls)), tuple(round(w, 2) for w in best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=XQUAD, help="JSONL with question and context (XQuAD)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N questions")
    args = parser.parse_args()
    z, gold = asyncio.run(signals(args.dataset, args.limit))
    print(f"{len(gold)} questions, {gold.shape[1]} chunks\n")
    print(f"{'weights (passage, sentence, lexical)':<44}{'recall@1':>9}")
    for number, name in enumerate(SIGNALS):
        alone = tuple(float(i == number) for i in range(3))
        print(f"{name + ' alone':<44}{hits(z, gold, alone).mean():>9.4f}")
    shipped = (W_PASSAGE, W_SENTENCE, W_LEXICAL)
    print(f"{f'shipped {shipped}':<44}{hits(z, gold, shipped).mean():>9.4f}")
    recall, best = cross_validated(z, gold)
    print(f"{f'best on all questions {best}':<44}{hits(z, gold, best).mean():>9.4f}")
    print(f"{f'chosen on 4 folds, scored on the 5th (x{len(SEEDS)})':<44}{recall:>9.4f}")


if __name__ == "__main__":
    main()
