"""What the knowledge features add to the intent model: the shipped recipe retrained with and without them.

The intent model (``assistant/intents.py``) classifies the e5 query vector plus two similarities to the brand's
knowledge (the best sentence and the best chunk cosine among the retrieval hits). Both rows here are trained
by the product's own code (``heine_ai_lab.intent_training``: the same training pool, class weights, fit and
out-of-fold threshold), one with the knowledge features and one with them zeroed, and scored on held-out sets:

- ``massive_de dev declined``: voice-assistant commands (never trained on) taken as out of scope or small talk;
- ``out_of_scope_de declined``: the 60 non-shop messages of ``bench/data/out_of_scope_de.jsonl``;
- ``FAQ as shop questions`` and ``FAQ intent accuracy``: the demo FAQ's 200 questions (``heine_questions.jsonl``);
- ``English intent accuracy``: bitext's held-out half.

The row with the features is what ``heine-ai train intents`` ships and ``heine-ai eval intents`` reports as
``project``. Embeddings are cached (``heine_ai_lab/vectors.py``); the demo brand's knowledge is ingested first.

    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python bench/intent_lab.py [--massive-n 6000]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
from pathlib import Path

import numpy as np

from common import ROOT
from heine_ai.assistant.intents import GREETING, OUT_OF_SCOPE
from heine_ai.config import load_settings
from heine_ai_lab.intent_data import (
    MASSIVE_TRAIN_ROWS,
    Example,
    bitext,
    page_intent,
    read_csv,
    read_jsonl,
    training_pool,
)
from heine_ai_lab.intent_training import Matrix, choose_threshold, fit, matrix
from heine_ai_lab.retrieval import demo_brand
from heine_ai_lab.vectors import QueryVectors

SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))
BRAND = "heine"


def evaluation_sets(shared: Path) -> dict[str, list[Example]]:
    data = ROOT / "bench" / "data"
    massive = read_csv(shared / "eval" / "massive_de" / "dev.csv")
    return {
        "massive_dev": [Example(r["text"], "out_of_scope") for r in massive],
        "oos_de": [Example(r["question"], "out_of_scope") for r in read_jsonl(data / "out_of_scope_de.jsonl")],
        "faq": [Example(r["question"], page_intent(r["url"])) for r in read_jsonl(data / "heine_questions.jsonl")],
        "english": bitext(shared, train=False),
    }


async def matrices(shared: Path, massive_rows: int) -> tuple[list[Example], Matrix, dict[str, Matrix]]:
    """The training pool and the evaluation sets as the model sees them, with the demo brand's knowledge."""
    async with demo_brand(BRAND, None, load_settings()) as state:
        cache = QueryVectors(state.embedder)
        threshold = state.settings.similarity_threshold
        pool = training_pool(shared, state.brands[BRAND].knowledge_path, massive_rows)
        train = await matrix(state.knowledge, BRAND, pool, cache, threshold)
        sets = {
            name: await matrix(state.knowledge, BRAND, examples, cache, threshold)
            for name, examples in evaluation_sets(shared).items()
        }
    return pool, train, sets


def without_knowledge(data: Matrix) -> Matrix:
    return dataclasses.replace(data, knowledge=np.zeros_like(data.knowledge))


def scores(pool: list[Example], train: Matrix, sets: dict[str, Matrix]) -> dict[str, float]:
    threshold, kept = choose_threshold(train, [e.group or e.text for e in pool])
    model = fit(train, np.arange(len(pool)))
    model.threshold = threshold
    guess = {name: model.decide(model.proba(data.vectors, data.knowledge)) for name, data in sets.items()}
    declined = {name: np.isin(predicted, (OUT_OF_SCOPE, GREETING)) for name, predicted in guess.items()}
    return {
        "threshold": threshold,
        "oof German shop kept": kept,
        "massive_de dev declined": float(declined["massive_dev"].mean()),
        "out_of_scope_de declined": float(declined["oos_de"].mean()),
        "FAQ as shop questions": float((~declined["faq"]).mean()),
        "FAQ intent accuracy": float((guess["faq"] == sets["faq"].labels).mean()),
        "English intent accuracy": float((guess["english"] == sets["english"].labels).mean()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--massive-n", type=int, default=MASSIVE_TRAIN_ROWS, help="massive_de commands as out of scope")
    args = parser.parse_args()
    pool, train, sets = asyncio.run(matrices(SHARED, args.massive_n))
    rows = {
        "with knowledge features (shipped)": scores(pool, train, sets),
        "embedding only": scores(pool, without_knowledge(train), {n: without_knowledge(d) for n, d in sets.items()}),
    }
    print(f"training pool: {len(pool)} rows; evaluation: " + ", ".join(f"{n} {len(d.labels)}" for n, d in sets.items()))
    columns = list(next(iter(rows.values())))
    print(f"\n| {'model':<34} | " + " | ".join(columns) + " |")
    print(f"|{'-' * 36}|" + "|".join("-" * (len(c) + 2) for c in columns) + "|")
    for name, row in rows.items():
        print(f"| {name:<34} | " + " | ".join(f"{row[c]:>{len(c)}.3f}" for c in columns) + " |")


if __name__ == "__main__":
    main()
