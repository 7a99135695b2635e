"""Row weights of the escalation learner (heine_ai_lab/sparse.py), used by bench/escalation_lab.py's extra rows."""

from __future__ import annotations

import numpy as np

from heine_ai_lab.sparse import Dense, fit_logistic, sigmoid


def _data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 3))
    y = (x[:, 0] + rng.normal(scale=1.0, size=60) > 0.5).astype(np.int64)
    return x, y


def test_unit_weights_fit_the_unweighted_model() -> None:
    x, y = _data()
    w0, b0 = fit_logistic(Dense(x), y, 1.0)
    w1, b1 = fit_logistic(Dense(x), y, 1.0, np.ones(len(y)))
    np.testing.assert_allclose(w0, w1, atol=1e-8)
    assert abs(b0 - b1) < 1e-8


def test_a_heavier_row_is_fitted_closer() -> None:
    x, y = _data()
    row = int(np.argmax((y == 0) * x[:, 0]))  # the negative row that looks most positive
    weight = np.ones(len(y))
    weight[row] = 20.0
    plain = sigmoid(x[row] @ fit_logistic(Dense(x), y, 1.0)[0] + fit_logistic(Dense(x), y, 1.0)[1])
    w, b = fit_logistic(Dense(x), y, 1.0, weight)
    assert sigmoid(x[row] @ w + b) < plain
