"""``heine-ai eval dialogues``: a dialogue corpus run through the assistant in process, with the figures of the
corpus's own runner.

The runner of the corpus (``run.py`` beside it) drives the REST API of a served installation; this runs the same
dialogues through the app's own composition (``build_state``) in a throw-away installation: the configured brands
plus the corpus's brand file(s), the knowledge of the brands the selected dialogues talk to, each dialogue in a
fresh conversation, each turn an ``InboundMessage`` of the API channel as the REST route builds it. The checks read
only what the REST response carries, so every turn passes here exactly when it passes over HTTP.

The knowledge costs model time (the demo brand's pages take minutes to embed on a small machine), so only what the
corpus names is ingested: its brand's ``knowledge/`` folder beside the cases file, or the folders ``--knowledge``
gives. The order-status dialogues on the demo brand need its demo orders (``orders/service.py``), not its pages;
a brand without knowledge answers every knowledge question with the no-answer text, which the report's header
says (``--knowledge heine=knowledge/heine`` adds them).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from heine_ai.assistant.turn import Assistant
from heine_ai.config import BrandConfig, Settings, load_brands
from heine_ai.config.files import load_yaml_mapping
from heine_ai.errors import ConfigError
from heine_ai.knowledge.retrieval import KnowledgeBase
from heine_ai.messages import Channel, InboundMessage, Reply
from heine_ai.providers.embeddings import Embedder
from heine_ai.providers.llm.verification import unsupported_facts
from heine_ai_lab.dialogue_checks import DialogueResult, ReplySeen, SourceSeen, TurnResult, check_turn
from heine_ai_lab.dialogue_corpus import Corpus, Dialogue, load_corpus
from heine_ai_lab.dialogue_report import Summary, summarise
from heine_ai_lab.retrieval import throwaway_installation

Progress = Callable[[int, int, str], None]  # dialogue number, count, id: called before each dialogue runs


async def evaluate_dialogues(
    cases: Path,
    *,
    only: Iterable[str] = (),
    brand_dirs: Iterable[Path] = (),
    knowledge: Iterable[str] = (),
    embedder: Embedder | None = None,
    base_settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Run the corpus in ``cases`` (its dialogues matching ``only``) and summarise it as ``run.py`` does.

    ``brand_dirs``: folders of brand files added to the configured brands (default: the cases file's folder).
    ``knowledge``: ``BRAND=FOLDER``, or a bare ``FOLDER`` for the corpus's brand (default: ``knowledge/`` beside
    the cases file)."""
    corpus = load_corpus(cases)
    dialogues = corpus.select(only)
    if not dialogues:
        raise ConfigError(f"{cases}: no dialogue's kind or id contains any of {sorted(only)}")
    settings = base_settings or Settings()
    talked_to = {d.brand for d in dialogues}
    folders = {
        brand: folder
        for brand, folder in knowledge_folders(knowledge, corpus.brand, cases.parent / "knowledge").items()
        if brand in talked_to  # a brand no selected dialogue talks to costs no model time
    }
    with tempfile.TemporaryDirectory(prefix="heine-eval-brands-") as tmp:
        brands_dir = merge_brand_files([settings.brands_dir, *(list(brand_dirs) or [cases.parent])], Path(tmp))
        known = set(load_brands(brands_dir))
        if missing := (talked_to | set(folders)) - known:
            raise ConfigError(
                f"brand(s) {sorted(missing)} not configured (known: {sorted(known)}); add the brand file with "
                "--brands-dir"
            )
        async with throwaway_installation(embedder, settings, knowledge=folders, brands_dir=brands_dir) as state:
            results = []
            for number, dialogue in enumerate(dialogues, 1):
                if progress is not None:
                    progress(number, len(dialogues), dialogue.id)
                results.append(await run_dialogue(state.assistant, corpus, dialogue, state.knowledge))
    without = sorted(talked_to - set(folders))
    base = "in process, knowledge of " + (", ".join(sorted(folders)) or "no brand")
    if without:
        base += f" (none for {', '.join(without)})"
    return summarise(corpus, results, base)


def knowledge_folders(specs: Iterable[str], corpus_brand: str, default: Path) -> dict[str, Path]:
    """``BRAND=FOLDER`` or ``FOLDER`` (the corpus's brand) per spec; the corpus's brand gets ``default`` when no
    spec names it and that folder exists."""
    folders: dict[str, Path] = {}
    for spec in specs:
        brand, separator, folder = spec.partition("=")
        brand, folder = (brand, folder) if separator else (corpus_brand, spec)
        if not Path(folder).is_dir():
            raise ConfigError(f"--knowledge {spec}: {folder} is not a folder")
        folders[brand] = Path(folder)
    if corpus_brand not in folders and default.is_dir():
        folders[corpus_brand] = default
    return folders


def merge_brand_files(folders: Iterable[Path], target: Path) -> Path:
    """One brands folder holding the brand files (``*.yaml``) of ``folders``; a later folder's file of the same
    brand wins (the corpus's brand file over a copy in the configured brands). Beside the configured brands (the
    first folder) only brand files count, a mapping with an ``id``: a corpus may lie among other YAML files."""
    for number, folder in enumerate(folders):
        for path in sorted(folder.glob("*.yaml")):
            if number == 0 or _is_brand_file(path):
                shutil.copyfile(path, target / path.name)
    return target


def _is_brand_file(path: Path) -> bool:
    try:
        return "id" in load_yaml_mapping(path)
    except ConfigError:  # no mapping, not YAML, unreadable: no brand file
        return False


async def run_dialogue(
    assistant: Assistant, corpus: Corpus, dialogue: Dialogue, knowledge: KnowledgeBase | None = None
) -> DialogueResult:
    """One dialogue in a fresh conversation: the first turn opens it, the others continue it with its token.
    With ``knowledge``, each reply with sources is checked against the pages it cites (``unsupported_facts``):
    the count of replies stating a number their pages lack, the figure a generative provider is judged by."""
    session_id: str | None = None
    token: str | None = None
    turns = []
    for turn in dialogue.turns:
        message = InboundMessage(
            brand=dialogue.brand, channel=Channel.API, text=turn.user, thread_key=session_id, session_token=token
        )
        started = time.perf_counter()
        try:
            reply = await assistant.handle(message)
        except Exception as exc:  # over HTTP an error response; the dialogue goes on, as it does there
            failure = f"error: {type(exc).__name__}: {exc}"
            turns.append(TurnResult(turn.user, turn.kind, None, time.perf_counter() - started, (failure,)))
            continue
        seconds = time.perf_counter() - started
        session_id = reply.session_id or session_id
        token = reply.session_token or token
        seen = seen_reply(reply)
        failures = tuple(check_turn(turn, seen, corpus.must_not_all))
        own = own_texts(assistant.brand(dialogue.brand))
        unsupported = await _unsupported(knowledge, dialogue.brand, reply, own) if knowledge else ()
        turns.append(TurnResult(turn.user, turn.kind, seen, seconds, failures, unsupported))
    return DialogueResult(dialogue.id, dialogue.kind, dialogue.brand, tuple(turns))


def own_texts(brand: BrandConfig) -> list[str]:
    """The brand's fixed sentences in both languages, the procedures' among them: a knowledge answer may come
    with one ("... Bitte nennen Sie mir dazu Ihre Bestellnummer (8 Ziffern)"), whose figures are no facts of the
    knowledge."""
    models = [brand.texts, brand.texts_en, brand.actions.texts, brand.actions.texts_en]
    return [value for model in models for value in model.model_dump().values() if isinstance(value, str)]


async def _unsupported(knowledge: KnowledgeBase, brand: str, reply: Reply, own: list[str]) -> tuple[str, ...]:
    """The facts of a reply with sources that none of its cited pages holds, nor the brand's own texts (a reply
    without sources is one of those)."""
    if not reply.sources:
        return ()
    cited = {source.url for source in reply.sources}
    index = await knowledge.index(brand)
    pages = [
        f"{chunk.metadata.get('title', '')} {chunk.metadata.get('section', '')} {chunk.text}"
        for chunk in index.chunks
        if chunk.metadata.get("url") in cited
    ]
    return tuple(unsupported_facts(reply.text, [*pages, *own]))


def seen_reply(reply: Reply) -> ReplySeen:
    """What the REST route (``api/chat.py``) returns of a reply."""
    return ReplySeen(
        text=reply.text,
        escalated=reply.escalation_required,
        reason=reply.escalation_reason.value if reply.escalation_reason else None,
        confidence=reply.confidence,
        sources=tuple(SourceSeen(s.title, s.url, s.relevance) for s in reply.sources),
    )
