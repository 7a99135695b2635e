"""Release a streaming answer to the customer sentence by sentence, each one checked before it is shown.

Raw deltas could show a number the model invented before the whole answer is verified. So the deltas are
collected until a sentence is complete; the sentence gets its personal data back (``Masked.unmask``, which also
drops placeholders the model made up) and must pass the same check as the whole answer (``unsupported_facts``).
At the first sentence that fails, nothing more is released: the final answer (the extractive one after such a
failure) replaces what was shown. The pieces, concatenated, are the unmasked answer's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heine_ai.masking import Masked
from heine_ai.observability.logging import get_logger
from heine_ai.providers.llm.base import TextSink
from heine_ai.providers.llm.verification import unsupported_facts

log = get_logger(__name__)

# A sentence ends at . ! or ? after a letter or a placeholder (not "5." or "31.01."), optional closing quotes,
# whitespace, and the start of the next sentence: a boundary is recognised once that next character arrived.
_BOUNDARY = re.compile(r"(?<=[^\W\d_]|[\])])[.!?][\"“”»)]*(?P<space>\s+)(?=[A-ZÄÖÜ„\"»(\[])")


class SentenceRelease:
    def __init__(self, sink: TextSink | None, masked: Masked, sources: Sequence[str]) -> None:
        self._sink = sink
        self._masked = masked
        self._sources = sources
        self._buffer = ""
        self._separator = ""
        self.released = 0  # pieces handed to the sink
        self.stopped = sink is None

    def restart(self) -> None:
        """A new attempt of the model call: what was shown could differ from the retry, so release no more."""
        self._buffer = ""
        if self.released:
            self.stopped = True

    async def feed(self, delta: str) -> None:
        if self.stopped:
            return
        self._buffer += delta
        while not self.stopped and (match := _BOUNDARY.search(self._buffer)):
            sentence = self._buffer[: match.start("space")]
            separator = match.group("space")
            self._buffer = self._buffer[match.end("space") :]
            await self._release(sentence)
            self._separator = re.sub(r"\s{2,}", " ", separator)  # as ``unmask`` joins the whole text

    async def finish(self) -> None:
        """The stream ended: the rest is the last sentence."""
        if not self.stopped and self._buffer.strip():
            await self._release(self._buffer)
        self._buffer = ""

    async def _release(self, raw: str) -> None:
        text = self._masked.unmask(raw)
        if not text or self._sink is None:
            return
        unsupported = unsupported_facts(text, self._sources)
        if unsupported:
            self.stopped = True
            log.info("llm_stream_stopped", released=self.released, unsupported=len(unsupported))
            return
        piece = (self._separator if self.released else "") + text
        try:
            await self._sink(piece)
        except Exception as exc:  # a gone listener must not fail the answer; the final answer still goes out
            self.stopped = True
            log.warning("llm_stream_sink_failed", error_type=type(exc).__name__)
            return
        self.released += 1
