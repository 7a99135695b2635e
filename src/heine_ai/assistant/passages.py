"""The passages that answer one question, and the sources a reply names.

A question is searched as ``follow_ups.py`` resolved it: on the conversation's topic, unless the follow-up leaves
it (nothing relevant there, or a new topic behind an "und": "Und kann man bei euch mit Kreditkarte zahlen?" after a
returns answer); a message whose story drowns its question ("Schade, das Kleid gefällt mir doch nicht so gut. Wie
schicke ich es zurück?") is searched again as its questions alone; a message asking several things gets the best
passage of each part.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from heine_ai.assistant.follow_ups import Resolved, Topic, names, names_amount, refers_back, topic_words
from heine_ai.assistant.scope import (
    SIZE_SYSTEM,
    BrandVocabulary,
    asks_stock,
    names_place,
    names_shop_thing,
    names_shop_word,
)
from heine_ai.knowledge.index import BrandIndex
from heine_ai.knowledge.retrieval import KnowledgeBase, Preference, RetrievedChunk, mentions
from heine_ai.messages import Source
from heine_ai.plain_wording import (
    about_abroad,
    asks_abroad,
    countries_named,
    country_names,
    describes_phishing,
    with_countries,
)
from heine_ai.providers.embeddings import Vector
from heine_ai.providers.llm.questions import QuestionPart, questions_alone
from heine_ai.providers.llm.selection import FACT_KINDS, states
from heine_ai.providers.llm.table_rows import lookup, tables_of
from heine_ai.providers.vectors import StoredChunk
from heine_ai.text import plain, sentences

SOURCE_RELEVANCE_SHARE = 0.8  # further sources must be nearly as relevant as the best one
# a measure a size table is looked up with: "101 cm groß", "Fuß 16 cm lang"
_MEASURE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(cm|mm)\b", re.IGNORECASE)
# a garment that does not fit, and a question on sending it back or exchanging it
_FIT = re.compile(
    r"\bzu (?:klein|groß|gross|eng|weit|lang|kurz)\b|\bpasst (?:mir )?(?:leider )?nicht\b|\bdrück"
    r"|\btoo (?:small|big|tight)",
    re.IGNORECASE,
)
_SENDS_BACK = re.compile(r"zurück|tausch|retour|\breturn|exchange|send \w+ back", re.IGNORECASE)
ON_PAGE_EXTRA = 2  # a question on the page the customer chose looks this much deeper for a passage there
TOPIC_CHANGE_MARGIN = 0.3  # relevance by which a follow-up's own search changes the topic by itself
COUNTRY_MARGIN = 0.1  # how much less relevant than the best hit a hit naming the asked country may be to go first
HOME_MARGIN = 0.1  # how much less relevant a hit on Germany may be to go before one on other countries only
KIND_REACH = 0.25  # how far below the threshold a passage of the best one's page may give the price or span asked


@dataclass(frozen=True, slots=True)
class AnswerSettings:
    relevance_threshold: float
    top_k: int = 3


class PassageSearch:
    """The knowledge searches of one question, with the brand's vocabulary for what counts as a shop matter."""

    def __init__(self, knowledge: KnowledgeBase, settings: AnswerSettings) -> None:
        self._knowledge = knowledge
        self._settings = settings
        self._vocabulary = BrandVocabulary()
        self._tables = TableChunks()

    async def search(
        self, brand: str, resolved: Resolved, ahead: Mapping[str, Vector] | None, prefer: Preference
    ) -> tuple[Vector, list[RetrievedChunk]]:
        """Search ``resolved.query`` (``ahead``: its vectors if they were made ahead): the query vector the
        classifiers judge and the hits, best first (on a chosen page deeper: see ``on_page``)."""
        threshold = prefer.min_relevance
        k = self._settings.top_k + (ON_PAGE_EXTRA if resolved.page else 0)
        vector, results = await self._knowledge.lookup(brand, resolved.query, k=k, prefer=prefer, ahead=ahead)
        topic = resolved.topic if resolved.query != resolved.question else None  # not a completed fragment
        if topic is not None and not (resolved.page and answers(results, threshold)):
            # off the topic after all, or a new topic behind an "und": the question's own search
            off_topic = await self._off_topic(brand, resolved.question, topic, results, prefer)
            if off_topic is not None:
                vector, results = off_topic
        asked = questions_alone(resolved.query)
        story = asked != resolved.query
        alone: list[RetrievedChunk] | None = None  # the question's own hits, searched once where needed
        if story and resolved.topic is None and _FIT.search(resolved.query) and _SENDS_BACK.search(asked):
            # "Die Stiefel sind mir leider zu klein. Wie schick ich die zurück?": the fit told around a question on
            # sending back met the size table; the question's own search finds the returns (other stories stay:
            # "Ich habe keinen Drucker" steers the way back)
            alone = (await self._knowledge.lookup(brand, asked, k=k, prefer=prefer))[1]
            if answers(alone, threshold):
                results = alone
        located = with_countries(resolved.query, prefer.language)  # "ich wohne in Ulm": Deutschland
        if countries := countries_named(located):
            results = await self._country_first(brand, located, countries, results, prefer)
        elif not asks_abroad(located):
            results = home_first(results, prefer.min_relevance)
        if describes_phishing(resolved.query):
            results = await self._phishing_first(brand, resolved.query, results, prefer)
        if (measure := _MEASURE.search(resolved.question) or SIZE_SYSTEM.search(resolved.question)) is not None:
            results = await self._measured_row_first(brand, resolved.question, measure.group(1), results, prefer)
        if story and not answers(results, threshold):
            # the story around a question drowned it: the question's own search, when it finds more (the
            # classifiers still judge the whole message)
            if alone is None:
                alone = (await self._knowledge.lookup(brand, asked, k=k, prefer=prefer))[1]
            if alone and (not results or alone[0].relevance > results[0].relevance):
                results = alone
        return vector, results

    async def _country_first(
        self, brand: str, query: str, asked: frozenset[str], results: list[RetrievedChunk], prefer: Preference
    ) -> list[RetrievedChunk]:
        """For a question on countries (``asked``) that no relevant hit names ("Liefert ihr auch nach Belgien?" and
        the German sections on Austria and Switzerland): the relevant hits in any language that name one first (the
        English part of the page on "Netherlands, Belgium and Luxembourg"). Where a relevant hit names one but not
        the best, those of the wider search go first unless clearly less relevant than the best ("Wie lange dauert
        die Lieferung in die Niederlande?" and the section on delivery "innerhalb Deutschlands")."""
        relevant = [r for r in results if r.relevance >= prefer.min_relevance]
        named = [r for r in relevant if asked & countries_named(f"{r.section} {r.chunk.text}")]
        if named and named[0] is relevant[0]:
            return results
        k = self._settings.top_k + ON_PAGE_EXTRA
        # searched in every language, with the country's names in each ("Belgien", "Belgium")
        everywhere = (await self._knowledge.lookup(brand, f"{query} {' '.join(country_names(asked))}", k=k))[1]
        naming = [
            r
            for r in everywhere
            if r.relevance >= prefer.min_relevance and asked & countries_named(f"{r.section} {r.chunk.text}")
        ]
        # a section headed by the country first ("Niederlande" before "In welche Länder liefern Sie?")
        naming.sort(key=lambda r: (not asked & countries_named(r.section), -r.relevance))
        if not naming or (named and naming[0].relevance < relevant[0].relevance - COUNTRY_MARGIN):
            return results
        ids = {r.chunk.id for r in naming}
        return [*naming, *(r for r in results if r.chunk.id not in ids)]

    async def _measured_row_first(
        self, brand: str, question: str, unit: str, results: list[RetrievedChunk], prefer: Preference
    ) -> list[RetrievedChunk]:
        """For a question that gives a measure in ``unit`` ("mein Kleiner ist 101 cm groß, welche Größe?", "ich trag
        UK 9") when no relevant hit holds a table row for it: the one chunk of the brand whose table has that row,
        first and just relevant enough (the words "cm groß" met the shoe sizes by foot length, not the sizes by
        height). Nothing when no chunk or several hold such a row: which table is meant is then for the search to
        judge."""
        relevant = [r for r in results if r.relevance >= prefer.min_relevance]
        if any(lookup(question, sentences(r.chunk.text)) is not None for r in relevant):
            return results
        tables = self._tables.of(brand, await self._knowledge.index(brand))
        # a row in the measure's unit: "101 cm" is no amount in euros
        holding = [
            chunk
            for chunk, lines in tables
            if (row := lookup(question, lines)) is not None and unit.casefold() in row.casefold()
        ]
        if len(holding) != 1:
            return results
        found = RetrievedChunk(holding[0], prefer.min_relevance, 0.0, 0.0, 0.0, 0.0)
        return [found, *(r for r in results if r.chunk.id != holding[0].id)]

    async def _phishing_first(
        self, brand: str, query: str, results: list[RetrievedChunk], prefer: Preference
    ) -> list[RetrievedChunk]:
        """For a message that tells of a mail in the shop's name wanting a password or a click: what the pages say
        about phishing first. Its words are those of the password reset ("Link", "Passwort", "bestätigen"), whose
        steps ("Klicken Sie auf den Link") are the one answer that must not be given to it."""
        k = self._settings.top_k + ON_PAGE_EXTRA + 1
        deeper = (await self._knowledge.lookup(brand, f"Phishing: {query}", k=k, prefer=prefer))[1]
        warned = [
            r
            for r in deeper
            if r.relevance >= prefer.min_relevance and "phishing" in f"{r.section} {r.chunk.text}".lower()
        ]
        ids = {r.chunk.id for r in warned}
        return [*warned, *(r for r in results if r.chunk.id not in ids)] if warned else results

    async def by_part(
        self, brand: str, parts: list[str], found: list[RetrievedChunk], prefer: Preference
    ) -> list[RetrievedChunk]:
        """The best relevant passage of each part of a question, in the parts' order, then the passages the whole
        question found: one search per part (an embedding each), only for a message that asks several things."""
        merged: list[RetrievedChunk] = []
        for previous, part in zip(["", *parts], parts, strict=False):
            # "How much is express delivery and how fast is it?": "it" is the part before's thing
            query = f"{previous} {part}" if previous and refers_back(part) else part
            hits = (await self._knowledge.lookup(brand, query, k=1, prefer=prefer))[1]
            merged.extend(hit for hit in hits if hit.relevance >= prefer.min_relevance)
        seen: set[str] = set()
        out = []
        for hit in merged + found:
            if hit.chunk.id not in seen:
                seen.add(hit.chunk.id)
                out.append(hit)
        return out

    async def shop_matter(self, brand: str, text: str) -> bool:
        """Whether ``text`` names anything the shop or the brand's knowledge knows of, or asks about the shop's
        stock, whatever goods it names (``scope.py``)."""
        if names_shop_word(text) or asks_stock(text):
            return True
        return names_shop_thing(text, self._vocabulary.of(brand, await self._knowledge.index(brand)))

    async def leaves_topic(self, brand: str, text: str) -> bool:
        """A follow-up that names a subject of its own, no shop matter, and points at nothing said before
        ("Und was läuft heute Abend im Kino?" after a delivery answer): searched and judged on its own words."""
        # a place or an amount alone continues the topic ("und in die Schweiz?", "bei 80 Euro?"); with other words
        # it may not ("und wer wird österreichischer Fußballmeister?")
        named = [word for word in topic_words(text) if not names_place(word) and not names_amount(word)]
        return bool(named) and not refers_back(text) and not await self.shop_matter(brand, text)

    async def _off_topic(
        self, brand: str, question: str, topic: Topic, on_topic: list[RetrievedChunk], prefer: Preference
    ) -> tuple[Vector, list[RetrievedChunk]] | None:
        """A follow-up's own search (its vector and hits) when it leaves the conversation's topic, else None: when
        the topic's search found nothing relevant; or when the question alone finds another page, more relevant,
        and either clearly so (by ``TOPIC_CHANGE_MARGIN``) or the question names a thing the topic's page never
        mentions ("PayPal" after a delivery answer; "Porto" after a returns answer is on the returns page). The
        second search (an embedding) is made only where its result could change the topic."""
        threshold = prefer.min_relevance
        if not answers(on_topic, threshold):
            return await self._knowledge.lookup(brand, question, k=self._settings.top_k, prefer=prefer)
        best = on_topic[0].relevance
        named = names(question)
        page = await self._knowledge.page_stems(brand, topic.url) if named else frozenset[str]()
        unnamed = any(not mentions(name, page) for name in named)
        if not unnamed and best + TOPIC_CHANGE_MARGIN >= 1.0:
            return None  # no relevance of the question alone could change the topic
        vector, alone = await self._knowledge.lookup(brand, question, k=self._settings.top_k, prefer=prefer)
        if not answers(alone, threshold) or alone[0].url == topic.url or alone[0].relevance <= best:
            return None
        return (vector, alone) if unnamed or alone[0].relevance > best + TOPIC_CHANGE_MARGIN else None


class TableChunks:
    """Each brand's chunks that hold a table, with their sentences, found once per knowledge version on first need
    (a question that gives a measure no hit has a row for), not on every such question."""

    def __init__(self) -> None:
        self._found: dict[str, tuple[int, list[tuple[StoredChunk, list[str]]]]] = {}

    def of(self, brand: str, index: BrandIndex) -> list[tuple[StoredChunk, list[str]]]:
        found = self._found.get(brand)
        if found is None or found[0] != index.version:
            split = [(chunk, sentences(chunk.text)) for chunk in index.chunks]
            found = self._found[brand] = (index.version, [(chunk, lines) for chunk, lines in split if tables_of(lines)])
        return found[1]


def home_first(results: list[RetrievedChunk], threshold: float) -> list[RetrievedChunk]:
    """For a question that names no country: where the best relevant hit is about other countries only ("Was
    kostet bei euch der Versand?" and the section on Austria), the first relevant hit that is not, when it is nearly
    as relevant (by ``HOME_MARGIN``): a customer who names no country asks about Germany."""
    relevant = [r for r in results if r.relevance >= threshold]
    if not relevant or not _abroad(relevant[0]):
        return results
    home = next((r for r in relevant if not _abroad(r)), None)
    if home is None or home.relevance < relevant[0].relevance - HOME_MARGIN:
        return results
    return [home, *(r for r in results if r is not home)]


def _abroad(hit: RetrievedChunk) -> bool:
    """Whether a hit is about other countries: its heading and its first sentence say so (the section on Austria);
    a country named further on is an aside ("Bei Lieferungen in die Schweiz ist der Rechnungskauf nicht möglich")."""
    opening = sentences(hit.chunk.text)[:1]
    return about_abroad(" ".join([hit.section, *opening]))


def answers(results: list[RetrievedChunk], threshold: float) -> bool:
    return any(r.relevance >= threshold for r in results)


def with_asked_fact(
    confident: list[RetrievedChunk], results: list[RetrievedChunk], parts: list[QuestionPart], threshold: float
) -> list[RetrievedChunk]:
    """The confident passages and, where none of them states the price or the span of time the question asks
    for, the search's best passage of the same page that does, though less relevant: "wie lange hab ich Zeit zum
    Zurückschicken? die Hose passt nicht" finds the returns page's opening ("Passt nicht? Passiert!") far more
    relevant than its section on the 40 days."""
    if not confident or len(parts) != 1 or parts[0].ask not in FACT_KINDS:
        return confident
    ask, page = parts[0].ask, confident[0].url
    if any(states(ask, r.chunk.text) for r in confident):
        return confident
    floor = threshold - KIND_REACH
    found = next(
        (
            r
            for r in results
            if r.url == page and r not in confident and r.relevance >= floor and states(ask, r.chunk.text)
        ),
        None,
    )
    return [*confident, found] if found is not None else confident


def on_page(results: list[RetrievedChunk], page: str, settings: AnswerSettings) -> list[RetrievedChunk]:
    """The passages of the page the customer chose first, where one of them answers at all, as many as a
    question on no page gets (the search looked ``ON_PAGE_EXTRA`` deeper for them)."""
    threshold = settings.relevance_threshold
    chosen = [r for r in results if page and r.url == page and r.relevance >= threshold]
    return [*chosen, *(r for r in results if r not in chosen)][: settings.top_k]


def two_topics(results: list[RetrievedChunk], threshold: float) -> tuple[RetrievedChunk, ...]:
    """The best passages of two pages that answer a topicless follow-up about equally well ("Und was kostet
    das?" at the start of a conversation), or nothing when one page is clearly meant."""
    firsts: dict[str, RetrievedChunk] = {}
    for result in results:
        if result.relevance >= threshold:
            firsts.setdefault(result.url, result)
    if len(firsts) < 2:
        return ()
    best, second = list(firsts.values())[:2]
    return (best, second) if second.relevance >= best.relevance * SOURCE_RELEVANCE_SHARE else ()


def sources(results: list[RetrievedChunk], used: tuple[int, ...] | None) -> tuple[Source, ...]:
    """The pages the answer rests on: those it quoted when the provider says so, else the passages nearly as
    relevant as the best one (a generated answer may draw on each)."""
    if used is not None:
        results = [results[i] for i in used if i < len(results)]
    elif results:
        results = [r for r in results if r.relevance >= results[0].relevance * SOURCE_RELEVANCE_SHARE]
    seen: set[str] = set()
    out = []
    for result in results:
        if result.url in seen:
            continue
        seen.add(result.url)
        snippet = plain(result.chunk.text)[:200]
        out.append(Source(title=result.title, url=result.url, relevance=result.relevance, snippet=snippet))
    return tuple(out)
