"""Answers from any OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM, llama.cpp server), kept honest.

- Customer text (question and history) is masked before it leaves (``heine_ai.masking``) and restored after.
- The model sees only the retrieved passages and is told to use nothing else, in the brand's formal voice.
- Calls stream, time out, and are retried with exponential backoff on 429, 5xx, timeouts and dropped
  connections (tenacity); repeated failure opens a circuit breaker and the extractive answer is sent meanwhile.
- Verification: a number, price, duration, date or payment method that the passages do not contain sends the
  extractive answer instead.
- While it streams, verified sentences go to ``AnswerRequest.on_text`` as they complete (``sentence_release``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import openai
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from heine_ai.masking import Masked, mask
from heine_ai.observability.logging import get_logger
from heine_ai.providers.llm.base import LLM, Answer, AnswerRequest, FallbackReason
from heine_ai.providers.llm.breaker import CircuitBreaker
from heine_ai.providers.llm.sentence_release import SentenceRelease
from heine_ai.providers.llm.verification import unsupported_facts

log = get_logger(__name__)

RETRYABLE = (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError, openai.APIConnectionError)
HISTORY_TURNS = 6

SYSTEM_PROMPT = (
    "Sie sind der Kundenservice-Assistent von {brand}. Antworten Sie höflich und in der Sie-Form, kurz (höchstens "
    "drei Sätze), auf {language}, auch wenn die Quellen in einer anderen Sprache sind: übersetzen Sie dann die "
    "Fakten. Verwenden Sie ausschließlich die Informationen aus den nummerierten Quellen. Beginnen Sie die Antwort "
    "auf eine Ja/Nein-Frage mit Ja oder Nein, wenn die Quellen es eindeutig sagen, sonst mit keinem von beiden. "
    "Nennen Sie keine Zahl, keinen Preis, keine Frist, kein Datum und keine Zahlungsart, die nicht wörtlich in den "
    "Quellen steht. Platzhalter wie [NUMBER_1] übernehmen Sie unverändert."
)
# A customer's "und?" after an answer: the question is that answer's, and the model is told to go on from it
MORE = (
    "Der Kunde möchte mehr dazu wissen. Nennen Sie aus den Quellen, was Ihre letzte Antwort noch nicht gesagt hat, "
    "ohne sie zu wiederholen."
)
LANGUAGE_NAMES = {"de": "Deutsch", "en": "Englisch"}


class OpenAICompatibleLLM:
    name = "openai"

    def __init__(
        self,
        *,
        client: openai.AsyncOpenAI,
        model: str,
        fallback: LLM,
        temperature: float = 0.2,
        max_tokens: int = 400,
        attempts: int = 3,
        backoff_seconds: float = 0.5,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self._client = client
        self._model = model
        self._fallback = fallback
        self._temperature = temperature
        self._max_tokens = max_tokens
        self._attempts = attempts
        self._backoff = backoff_seconds
        self.breaker = breaker or CircuitBreaker()

    async def answer(self, request: AnswerRequest) -> Answer:
        if not request.passages:
            return await self._fall_back(request, "no_passages")
        if self.breaker.is_open:
            return await self._fall_back(request, "breaker_open")
        masked = Masked(text="")
        messages = self.messages(request, masked)
        sources = [p.evidence for p in request.passages] + [request.question]
        try:
            text = await self._complete(messages, SentenceRelease(request.on_text, masked, sources))
        except (openai.OpenAIError, ValueError) as exc:
            self.breaker.record_failure()
            log.warning("llm_failed", provider=self.name, error_type=type(exc).__name__)
            return await self._fall_back(request, "failed")
        self.breaker.record_success()
        text = masked.unmask(text)
        if not text:
            log.warning("llm_answer_rejected", provider=self.name, unsupported=0)
            return await self._fall_back(request, "empty")
        unsupported = unsupported_facts(text, sources)
        if unsupported:
            log.warning("llm_answer_rejected", provider=self.name, unsupported=len(unsupported))
            return await self._fall_back(request, "rejected")
        return Answer(text=text)

    async def _fall_back(self, request: AnswerRequest, reason: FallbackReason) -> Answer:
        return dataclasses.replace(await self._fallback.answer(request), fallback=reason)

    def messages(self, request: AnswerRequest, masked: Masked) -> list[dict[str, str]]:
        """The prompt: system rules in the brand's voice, the masked history, the passages and the masked question."""
        sources = "\n\n".join(
            f"[{n}] {p.title}{' – ' + p.section if p.section and p.section != p.title else ''}\n{p.text}"
            for n, p in enumerate(request.passages, start=1)
        )
        language = LANGUAGE_NAMES.get(request.language, request.language)
        system = SYSTEM_PROMPT.format(brand=request.brand.display_name, language=language)
        messages = [{"role": "system", "content": system}]
        for turn in request.history[-HISTORY_TURNS:]:
            role = "user" if turn.role == "customer" else "assistant"
            messages.append({"role": role, "content": mask(turn.text, masked).text})
        question = mask(request.question, masked).text
        asks = f"Frage: {question}" + (f"\n\n{MORE}" if request.more else "")
        messages.append({"role": "user", "content": f"Quellen:\n{sources}\n\n{asks}"})
        return messages

    async def _complete(self, messages: list[dict[str, str]], release: SentenceRelease) -> str:
        async for attempt in AsyncRetrying(
            retry=retry_if_exception_type(RETRYABLE),
            stop=stop_after_attempt(self._attempts),
            wait=wait_exponential(multiplier=self._backoff, min=self._backoff, max=8),
            reraise=True,
        ):
            with attempt:
                release.restart()
                pieces = []
                async for piece in self.stream(messages):
                    pieces.append(piece)
                    await release.feed(piece)
                await release.finish()
                return "".join(pieces).strip()
        raise AssertionError("unreachable: tenacity reraises the last error")

    async def stream(self, messages: list[dict[str, str]]) -> AsyncIterator[str]:
        response = await self._client.chat.completions.create(
            model=self._model,
            messages=messages,  # type: ignore[arg-type]
            temperature=self._temperature,
            max_tokens=self._max_tokens,
            stream=True,
        )
        async for chunk in response:  # type: ignore[union-attr]
            if chunk.choices and chunk.choices[0].delta.content:
                yield chunk.choices[0].delta.content

    async def ping(self) -> None:
        await self._client.models.list()
