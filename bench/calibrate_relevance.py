"""Fit the relevance calibration of knowledge/retrieval.py and report how well it separates answers from misses.

Positives: questions of bench/data/heine_questions.jsonl whose best passage is from the right document.
Negatives: questions whose best passage is from a wrong document, bench/data/out_of_scope_de.jsonl and a sample
of massive_de train (voice-assistant commands, none a shop request). The fit is a logistic regression on the best
passage's absolute signals; the report uses massive_de dev, which the fit never saw, and gives the same figures for
the shipped relevance (its weights and the floor for a word few chunks use, ``knowledge/retrieval.py``).

    .venv/bin/python bench/calibrate_relevance.py
"""

from __future__ import annotations

import asyncio
import csv
import json
import random
from pathlib import Path

import numpy as np

from common import ROOT, temporary_state

SHARED = ROOT.parent / "shared" / "eval"


def jsonl(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def massive(split: str, size: int | None = None) -> list[str]:
    with (SHARED / "massive_de" / f"{split}.csv").open(encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    return random.Random(5).sample(texts, size) if size else texts


async def features(questions: list[str]) -> tuple[list[tuple[float, float, float]], list[str], list[float]]:
    async with temporary_state("heine-calib-") as state:
        # the German pages only: the questions name German pages as their answers, and an English translation
        # under knowledge/heine/en/ would count as the wrong document and be fitted as a negative
        await state.ingestor.ingest_paths("heine", sorted((ROOT / "knowledge" / "heine").glob("*.md")))
        rows, urls, shipped = [], [], []
        for question in questions:
            best = (await state.knowledge.search("heine", question, k=1))[0]
            rows.append((best.sentence, best.passage, best.coverage))
            urls.append(best.url)
            shipped.append(best.relevance)  # with the shipped weights and the rare-word floor
        return rows, urls, shipped


def fit(x: np.ndarray, y: np.ndarray, steps: int = 20000, rate: float = 0.5) -> np.ndarray:
    """Plain logistic regression by gradient descent on standardised features; returns raw-scale weights."""
    mean, std = x.mean(0), x.std(0)
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= rate * (z.T @ ((p - y) * balance)) / len(y)
    raw = w[:-1] / std
    return np.append(raw, w[-1] - (w[:-1] * mean / std).sum())


def main() -> None:
    faq = jsonl(ROOT / "bench" / "data" / "heine_questions.jsonl")
    oos = [row["question"] for row in jsonl(ROOT / "bench" / "data" / "out_of_scope_de.jsonl")]
    train_neg = massive("train", 400)
    dev = massive("dev")
    questions = [row["question"] for row in faq] + oos + train_neg + dev
    rows, urls, shipped = asyncio.run(features(questions))
    x = np.asarray(rows, dtype=np.float64)
    n_faq, n_fit = len(faq), len(faq) + len(oos) + len(train_neg)
    correct = np.array([urls[i] == faq[i]["url"] for i in range(n_faq)])
    y = np.concatenate([correct.astype(float), np.zeros(n_fit - n_faq)])
    weights = fit(x[:n_fit], y)
    logits = x @ weights[:3] + weights[3]
    keep = logits >= 0  # relevance >= 0.5
    print(f"top-1 document right for {correct.mean():.3f} of {n_faq} FAQ questions")
    print(f"W_SENT, W_PASS, W_COVER, BIAS = {weights[0]:.1f}, {weights[1]:.1f}, {weights[2]:.1f}, {weights[3]:.1f}")
    print(f"FAQ questions answered (relevance >= 0.5 and right document): {(keep[:n_faq] & correct).mean():.3f}")
    print(f"FAQ questions kept although the document is wrong: {(keep[:n_faq] & ~correct).mean():.3f}")
    print(f"own out-of-scope set rejected: {1 - keep[n_faq : n_faq + len(oos)].mean():.3f}")
    print(f"massive_de dev rejected (held out): {1 - keep[n_fit:].mean():.3f} of {len(dev)}")
    kept = np.asarray(shipped) >= 0.5
    print(
        f"shipped relevance: FAQ answered {(kept[:n_faq] & correct).mean():.3f}, kept wrong "
        f"{(kept[:n_faq] & ~correct).mean():.3f}, massive_de dev rejected {1 - kept[n_fit:].mean():.3f}"
    )


if __name__ == "__main__":
    main()
