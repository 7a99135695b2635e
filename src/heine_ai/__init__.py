"""Heine AI: customer communication for a multi-brand fashion mail-order retailer."""

import os

# numpy's OpenBLAS thread pool and the embedding engine's OpenMP threads otherwise fight over the cores: on two
# cores a query embedding took 35-78 ms instead of 13-19 ms. Must be set before numpy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
