"""Training and evaluation of the assistant: ``heine-ai train ...`` and ``heine-ai eval ...``.

This package is the lab, not the service: it rebuilds the weights shipped in ``heine_ai/assistant/data/`` and
measures retrieval, answers, intents and escalation on evaluation data. It imports the runtime package
``heine_ai``; the runtime never imports it at import time (only the CLI's ``train`` and ``eval`` commands load
it, when they run).
"""
