"""Numpy-only learners for the escalation detectors (training only): a sparse row matrix, n-gram tf-idf counts and
a class-balanced L2 logistic regression fitted with L-BFGS.

There is no scipy or scikit-learn in the project; these few operations (``X @ w``, ``X.T @ r`` and a smooth convex
loss) are all a linear text model needs, and on 5,000 short texts a fit takes well under a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]


class CSR:
    """A compressed-sparse-row matrix with just the two products a linear model needs."""

    def __init__(self, data: F64, indices: I64, indptr: I64, columns: int) -> None:
        self.data, self.indices, self.indptr = data, indices, indptr
        self.shape = (len(indptr) - 1, columns)
        self._rows = np.repeat(np.arange(self.shape[0]), np.diff(indptr))

    def dot(self, w: F64) -> F64:
        return np.bincount(self._rows, weights=self.data * w[self.indices], minlength=self.shape[0]).astype(np.float64)

    def tdot(self, r: F64) -> F64:
        return np.bincount(self.indices, weights=self.data * r[self._rows], minlength=self.shape[1]).astype(np.float64)


class Dense:
    def __init__(self, x: npt.NDArray[np.floating]) -> None:
        self.x = np.asarray(x, np.float64)
        self.shape = self.x.shape

    def dot(self, w: F64) -> F64:
        return np.asarray(self.x @ w)

    def tdot(self, r: F64) -> F64:
        return np.asarray(self.x.T @ r)


Matrix = CSR | Dense


def sigmoid(z: F64) -> F64:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)))


def lbfgs(fun: Callable[[F64], tuple[float, F64]], x0: F64, memory: int = 10, max_iter: int = 300) -> F64:
    """Limited-memory BFGS with Armijo backtracking: enough for a smooth convex loss."""
    x = x0.copy()
    fx, g = fun(x)
    s_hist: list[F64] = []
    y_hist: list[F64] = []
    for _ in range(max_iter):
        q = g.copy()
        alphas = []
        for s, y in zip(reversed(s_hist), reversed(y_hist), strict=True):
            alphas.append((s @ q) / (y @ s))
            q -= alphas[-1] * y
        if s_hist:
            q *= (s_hist[-1] @ y_hist[-1]) / (y_hist[-1] @ y_hist[-1])
        for s, y, a in zip(s_hist, y_hist, reversed(alphas), strict=True):
            q += s * (a - (y @ q) / (y @ s))
        d, gd = -q, float(-(g @ q))
        if gd >= 0:  # not a descent direction: restart from steepest descent
            d, gd, s_hist, y_hist = -g, float(-(g @ g)), [], []
        step = 1.0
        xn, fn, gn = x + d, *fun(x + d)
        while fn > fx + 1e-4 * step * gd and step > 1e-10:
            step *= 0.5
            xn = x + step * d
            fn, gn = fun(xn)
        if (gn - g) @ (xn - x) > 1e-12:
            s_hist, y_hist = [*s_hist, xn - x][-memory:], [*y_hist, gn - g][-memory:]
        x, fx, g = xn, fn, gn
        if np.max(np.abs(g)) < 1e-6 * max(1.0, abs(fx)):
            break
    return x


def fit_logistic(x: Matrix, y: I64, c: float) -> tuple[F64, float]:
    """min sum_i cw_i logloss_i + |w|^2 / (2C) with class-balanced weights cw; the intercept is not penalised."""
    d = x.shape[1]
    yf = y.astype(np.float64)
    share = max(min(float(yf.mean()), 1 - 1e-9), 1e-9)
    cw = np.where(y == 1, 0.5 / share, 0.5 / (1 - share))

    def loss(wb: F64) -> tuple[float, F64]:
        w, b = wb[:d], wb[d]
        z = x.dot(w) + b
        value = float(np.sum(cw * (np.logaddexp(0, z) - yf * z)) + 0.5 / c * (w @ w))
        r = cw * (sigmoid(z) - yf)
        return value, np.concatenate([x.tdot(r) + w / c, [r.sum()]])

    wb = lbfgs(loss, np.zeros(d + 1))
    return wb[:d], float(wb[d])


class NgramCounts:
    """The n-gram counts of every text over one vocabulary; idf, min_df and the tf-idf rows use only the rows
    given, so a cross-validation fold never learns from the rows it scores."""

    def __init__(self, texts: Sequence[str], analyzer: Callable[[str], list[str]]) -> None:
        self.vocab: dict[str, int] = {}
        self.docs: list[tuple[I64, F64]] = []
        for text in texts:
            counts = Counter(analyzer(text))
            ids = np.array([self.vocab.setdefault(g, len(self.vocab)) for g in counts], np.int64)
            self.docs.append((ids, np.array(list(counts.values()), np.float64)))

    def idf(self, rows: I64, min_df: int = 2) -> F64:
        """Smoothed idf from ``rows``; 0 for an n-gram in fewer than ``min_df`` of them (it is dropped)."""
        df = np.zeros(len(self.vocab))
        for i in rows:
            df[self.docs[i][0]] += 1
        idf = np.log((1 + len(rows)) / (1 + df)) + 1
        idf[df < min_df] = 0.0
        return idf

    def matrix(self, idf: F64, rows: I64) -> CSR:
        """Sublinear tf times idf, each row L2-normalised (as :func:`heine_ai.assistant.escalation.tfidf_logit`)."""
        data: list[F64] = [np.zeros(0)]
        indices: list[I64] = [np.zeros(0, np.int64)]
        indptr = [0]
        for i in rows:
            ids, counts = self.docs[i]
            values = (1 + np.log(counts)) * idf[ids]
            keep = values != 0
            norm = np.linalg.norm(values[keep])
            data.append(values[keep] / norm if norm else values[keep])
            indices.append(ids[keep])
            indptr.append(indptr[-1] + int(keep.sum()))
        return CSR(np.concatenate(data), np.concatenate(indices), np.array(indptr, np.int64), len(self.vocab))

    def grams(self) -> list[str]:
        return sorted(self.vocab, key=self.vocab.__getitem__)
