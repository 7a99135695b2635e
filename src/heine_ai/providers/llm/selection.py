"""Which sentences of the passages answer a question: per question part, the sentence that says what it asks.

A sentence scores by the question's words it shares (stems; across languages also the glossary's translations),
by its cosine to the question where the search measured it (multilingual), and by what the part asks: a price
question wants a sentence with an amount, a duration question one with a span of time, a how-to question an
instruction, a yes/no question a sentence that clearly says yes or no. The best sentence of each part leads; it
brings the sentence it points back to and the list it announces, and a close runner-up from the same passage.
A table row that the question picks ("95 cm Brustumfang") answers by itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from itertools import pairwise

from heine_ai.glossary import translated_terms
from heine_ai.plain_wording import about_abroad, asks_abroad, countries_named, describes_phishing, place_names
from heine_ai.providers.llm.base import Passage
from heine_ai.providers.llm.polarity import Polarity, is_exception, narrowed, polarity, stated
from heine_ai.providers.llm.questions import (
    LACKING,
    Ask,
    QuestionPart,
    ask_of,
    opens_with_question_word,
    question_parts,
)
from heine_ai.providers.llm.table_rows import lookup, marked_cell
from heine_ai.text import STOPWORDS, fold, points_back, sentences, stems, tokens

MAX_SENTENCES = 3  # per question part, the lead included
MAX_STEPS = 4  # of a how-to's run of instructions
MAX_ANSWER_CHARS = 600
MIN_QUOTED_WORDS = 4  # a sentence of an answer this long, found in a passage's sentence, says that sentence
LIST_ITEMS = 6  # a sentence ending in a colon announces what follows: up to this many of the following lines
MAX_ANTECEDENT_CHARS = 300  # a longer sentence before a pointing-back one is left out rather than crowd the answer
POINTER_REACH = 3  # the best sentences of a part searched for one that sends the reader to another page
RUNNER_UP = 0.5  # a further sentence of the lead's passage must score at least this share of the lead's score
SEMANTIC_WEIGHT = 4.0  # per unit of cosine below the best sentence's
# per unit of relevance a passage stands below the best one: another passage's sentence must be clearly better
# (the delivery page's section on Austria, 0.996, against its section on Germany, 0.892, for a question on
# Austria: a penalty of 0.3, more than one shared word)
RELEVANCE_WEIGHT = 3.0
CLEARLY_MORE_RELEVANT = 0.05  # a passage this much more relevant than the search's first may answer instead
RANK_PENALTY = 0.1  # per place behind the first passage: the search's order breaks a tie of relevance
TOPIC_ONLY_WORDS = 4  # a question of at most this many words and no question word names only its topic
MIN_PART = 5  # the shortest stem that counts as a part of a compound
SECTION_WEIGHT = 0.5  # a question word in the passage's heading, not in the sentence ("Lieferung nach Österreich")
KIND_BONUS = 0.4  # a sentence with what the part asks for (an amount, a span of time)
DECIDED_BONUS = 0.3  # a sentence that says yes or no to a yes/no part
HOW_TO_BONUS = 0.2  # an instruction for a how-to part
COUNTRY_PENALTY = 1.0  # a sentence (naming none, its heading) about other countries than the question names
ABROAD_PENALTY = 0.5  # a sentence (or its heading) about other countries only, for a question that names none
PHRASE_BONUS = 0.15  # per word pair of a yes/no part in the sentence: "auf Rechnung" names the way to pay

# a yes/no question on paying more ("muss ich für jedes Paket extra Versand zahlen?") wants what it costs
_EXTRA_COST = re.compile(
    r"\b(?:extra|zusätzlich\w*|doppelt\w*|nochmal|noch einmal|additional|twice)\b[^.?!]{0,50}"
    r"\b(?:be)?(?:zahl\w*|kost\w*|berechn\w*|pay|charge\w*|cost\w*)|\b(?:be)?zahl\w*\b[^.?!]{0,30}\b(?:extra|zusätzlich|doppelt)",
    re.IGNORECASE,
)
# paying for a service the shop charges for: "zahl ich Versand?", "muss ich die Rücksendung bezahlen?"
_PAYS_FOR = re.compile(
    r"\b(?:be)?zahl\w*\b[^.?!]{0,30}\b(?:versand\w*|porto|rücksend\w*|rückversand|gebühr\w*|zuschlag)"
    r"|\b(?:versand\w*|porto|rücksend\w*|rückversand|gebühr\w*|zuschlag)\b[^.?!]{0,30}\b(?:be)?zahl",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\b(?:wie ?viele|how many)\s+([^\W\d_]{3,})", re.IGNORECASE)  # "wie viele Punkte"
OWN_ANSWER_BONUS = 2.0  # the page's own yes or no to the question its section asks, which the customer asks too
LACK_WEIGHT = 0.3  # per sentence that does or does not fit what the customer lacks ("keinen Drucker")
_LACKED = re.compile(rf"{LACKING}(\w+)", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:nicht|kein\w*|ohne|no|not|without)\b", re.IGNORECASE)
_MONEY = re.compile(r"\d+(?:[.,]\d+)?\s?(?:€|eur\b|euro\b|chf\b|franken\b)|(?:€|eur|chf)\s?\d", re.IGNORECASE)
# a sentence about the page itself ("Auf dieser Seite finden Sie Lieferzeiten ...", "Hier steht, wie ...") answers
# nothing
_META = re.compile(
    r"\b(?:auf|in) dieser seite\b|\bon this page\b|^hier (?:steht|stehen|finden sie|lesen sie|erfahren sie)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")
_CUT_LOOSE = re.compile(r"[a-zäöüß]{2,}\b(?![.-])")  # not "z. B.", "eBay" (its capital follows), "e-Mail"
_OTHER_PLACE = re.compile(r"[,;]?\s+(?:und|sowie|and)\s+(?=(?:aus|nach|in|für|from|to|for)\s)", re.IGNORECASE)
_THERE = re.compile(r"\b(?:dorthin|dahin|dort|there)\b", re.IGNORECASE)
_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{2,}\b")  # a German noun, or a sentence's first word
_CONTINUING = frozenset({"und", "oder", "auch", "and", "or", "also"})
_SUBTITLE = re.compile(r" / | – | - |: ")  # "Nähservice: Gardinen nach Maß ausmessen" is "Nähservice" for short
_QUOTED = re.compile(r"[„“\"]([^„“”\"]{3,80})[“”\"]")
_FREE = re.compile(r"\b(?:kostenlos|kostenfrei|versandkostenfrei|gratis|free of charge|free)\b", re.IGNORECASE)
_COSTS = re.compile(
    r"\b(?:zins\w*|gebühr\w*|aufpreis\w*|\w*kosten|kostet|berechne\w*|interest|fees?|surcharge|charges?)\b",
    re.IGNORECASE,
)
_SPAN = re.compile(
    r"\b(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|vierzehn|two|three|four|five|seven|ten)"
    r"(?:\s*(?:bis|–|-|—|to)\s*\d+)?\s*(?:werk|bankarbeits|arbeits|business |working )?"
    r"(?:(?:tage?n?|wochen?|monate?n?|stunden?|minuten?|jahre?n?|days?|weeks?|months?|hours?|minutes?|years?)\b"
    r"|(?<=werk)t\.)"  # "sieben Werkt."
    r"|\d{1,2}(?:[.:]\d{2})?\s*(?:–|-|bis)\s*\d{1,2}(?:[.:]\d{2})?\s*uhr"
    # a day named by its place: "am selben Werktag", "next business day"
    r"|\bam (?:selben|gleichen|nächsten|folgenden) (?:werk|bank|arbeits|geschäfts)?tag\b"
    r"|\b(?:same|next|following) (?:working |business )?day\b"
    # no end at all is a span too: "Gutscheine verfallen nicht", "zeitlich unbegrenzt"
    r"|\b(?:unbegrenzt|unbefristet|verf(?:ällt|allen) nicht|never expires?|do(?:es)? not expire|unlimited)\b",
    re.IGNORECASE,
)
_INSTRUCTION = re.compile(
    r"^(?:\w+ Sie\b|Bitte\b)|\b(?:unter|über|im|in Ihrem)\s+„|>\s*„|\b(?:klicken|wählen|melden|geben|scannen)\b",
)
# no instruction though it opens like one: a clause that sets a condition or a purpose ("Wenn Sie ...", "Damit Sie
# ..."), or a verb-first condition ("Schicken Sie nur einen Teil der Bestellung zurück, bleiben die Versandkosten
# bestehen.": its main clause follows the comma, a verb and its subject)
_SUBORDINATE = re.compile(
    r"^(?:Wenn|Falls|Sofern|Sobald|Solange|Damit|Nachdem|Bevor|Da|Weil|Obwohl|Ob|Wie|Was|Wo) Sie\b"
)
_CONDITION = re.compile(
    r"^[A-ZÄÖÜ]\w* Sie\b[^,.;:!?]*, (?!(?:ob|dass|das|die|der|den|dem|dann|und|oder|aber|sondern|denn|falls|wenn"
    r"|damit|so|bitte|wie|wo|was|welche[rsnm]?)\b)[a-zäöü]\w* (?:wir|die|der|das|den|dem|kein|keine|Ihnen|Ihr|Ihre"
    r"|es|er|sie)\b"
)


@dataclass(frozen=True, slots=True)
class Choice:
    """What answers one question part: sentences of one passage, in their order, and a yes or no if decided."""

    passage: int
    sentences: tuple[str, ...]
    polarity: Polarity | None = None


@dataclass(frozen=True, slots=True)
class _Candidate:
    passage: int
    index: int
    text: str


def choose(question: str, passages: Sequence[Passage], language: str, told: str = "") -> list[Choice]:
    """Per question part the sentences that answer it; parts that the same sentences answer are merged.
    ``told``: what the customer has been told already, who asks for more: none of its sentences is chosen again,
    and the yes or no went with them."""
    split = [_sentences_of(p) for p in passages]
    said = _said_in(told, split) if told else frozenset()
    out: list[Choice] = []
    budget = MAX_ANSWER_CHARS
    parts = question_parts(question)
    countries = countries_named(question)
    for part in parts:
        choice = _choose_part(part, passages, split, language, several=len(parts) > 1, used=said, countries=countries)
        if said and choice is not None:
            choice = Choice(choice.passage, choice.sentences)
        if choice is not None and _answered_before(choice, out) and _misses_kind(part, choice):
            # the sentences another part chose say nothing of what this one asks ("wo finde ich den Button?"
            # after the refund sentence): this part's best among the others
            used = said | frozenset(sentence for c in out for sentence in c.sentences)
            choice = _choose_part(part, passages, split, language, several=True, used=used, countries=countries)
        if choice is None or _answered_before(choice, out):
            continue
        choice = _unsaid(choice, out)  # a sentence two parts chose is said once
        kept = _within(choice, budget)
        if kept is None:
            break
        budget -= sum(len(s) for s in kept.sentences)
        out.append(kept)
    return out


def _said_in(told: str, split: list[list[str]]) -> frozenset[str]:
    """The passages' sentences that ``told`` says, whole or cut to the clause an answer quoted ("Nein, Nachnahme
    bieten wir nicht an." of a sentence on all the ways not to pay)."""

    def joined(text: str) -> str:
        return f" {' '.join(tokens(text))} "

    whole = joined(told)
    quoted = [joined(sentence) for sentence in sentences(told) if len(tokens(sentence)) >= MIN_QUOTED_WORDS]
    return frozenset(
        text
        for found in split
        for text in found
        if (own := joined(text)) in whole or any(clause in own for clause in quoted)
    )


def _answered_before(choice: Choice, out: list[Choice]) -> bool:
    """Whether earlier choices, between them, said every sentence of ``choice``."""
    return set(choice.sentences) <= {sentence for c in out for sentence in c.sentences}


def _unsaid(choice: Choice, out: list[Choice]) -> Choice:
    """The choice without the sentences earlier choices say; its yes or no goes with its lead sentence."""
    said = {sentence for c in out for sentence in c.sentences}
    fresh = tuple(sentence for sentence in choice.sentences if sentence not in said)
    if fresh == choice.sentences:
        return choice
    return Choice(choice.passage, fresh, choice.polarity if fresh[0] == choice.sentences[0] else None)


def _misses_kind(part: QuestionPart, choice: Choice) -> bool:
    """Whether a part asks for a price, a duration or steps and none of the chosen sentences gives it."""
    return part.ask in _KINDS and not any(_KINDS[part.ask](sentence) for sentence in choice.sentences)


def _within(choice: Choice, budget: int) -> Choice | None:
    kept: list[str] = []
    for sentence in choice.sentences:
        if kept and sum(len(s) for s in kept) + len(sentence) > budget:
            break
        kept.append(sentence)
    if not kept or (budget < len(kept[0]) and budget < MAX_ANSWER_CHARS):
        return None
    return Choice(choice.passage, tuple(kept), choice.polarity)


def _sentences_of(passage: Passage) -> list[str]:
    return sentences(passage.text)


def _choose_part(
    part: QuestionPart,
    passages: Sequence[Passage],
    split: list[list[str]],
    language: str,
    *,
    several: bool,
    used: frozenset[str] = frozenset(),
    countries: frozenset[str] = frozenset(),
) -> Choice | None:
    """The sentences answering one part: from the search's best passage, or for a message with several
    questions from any passage (the policy puts each part's best passage among them); a table row from any;
    none of the sentences in ``used``."""
    if part.ask is Ask.YES_NO:
        for position, found in enumerate(split):  # "aus Luxemburg auf Rechnung?" and a table of ✓ and –
            if (marked := marked_cell(part.text, found, whole_row=position == 0)) is not None:
                return Choice(position, (marked[0],), Polarity.YES if marked[1] else Polarity.NO)
    if part.ask is not Ask.YES_NO:
        # a row that holds what the part asks for: "Wie lange dauert eine Lederhose nach Maß?" is no question on
        # the price row of the leather trousers' service
        fits = _KINDS[part.ask] if part.ask in FACT_KINDS else None
        usual = not _names_unknown_thing(part.text, split)
        for position, found in enumerate(split):
            row = lookup(part.text, found, usual=usual)
            if row is not None and row not in used and (fits is None or fits(row)):
                return Choice(position, (row,))
    asked = _countries_asked(part, countries)
    at_home = not countries and not asks_abroad(part.text)  # a question that names no country asks about Germany
    positions = range(len(passages)) if several else _contenders(part, passages)
    scored = _scored(part, passages, split, language, positions, used, asked, at_home)
    if not scored:
        return None
    top_score, lead = scored[0]
    # a close runner-up may be the sentence that sends the reader on ("Wie lange das dauert, steht auf der Seite
    # „Nähservice“." behind the delivery times of goods in stock)
    pointing = (
        _points_to(c.text, passages, passages[c.passage].url)
        for _, c in scored[:POINTER_REACH]
        if not _points_elsewhere(part, lead.text, c.text)
    )
    if (target := next((t for t in pointing if t is not None), None)) is not None:
        # "Für Lieferungen nach Österreich lesen Sie bitte die Seite „Internationale Bestellungen“": that page
        # answers, where the search found it
        wide = _scored(part, passages, split, language, range(len(passages)), used, asked, at_home)
        scored = [item for item in wide if passages[item[1].passage].url == passages[target].url] or scored
        top_score, lead = scored[0]
    kind = _kind_of(part)
    # a lead on the way without what the customer lacks ("Sie brauchen keinen Drucker") answers a how-to as it is
    meets_lack = not lead.text.endswith("?") and _meets_lack(_lacked(part.text), lead.text, stems(lead.text)) > 0
    if kind in _KINDS and not _KINDS[kind](lead.text) and not meets_lack:
        # the best passage's lead is no sentence of the kind asked for ("was kostet die Teilnahme?" and the
        # section on ending it): a sentence of another section of the same page that is (the price) answers
        wide = _scored(part, passages, split, language, range(len(passages)), used, asked, at_home)
        page, fits = passages[lead.passage].url, _KINDS[kind]
        on_page = any(passages[c.passage].url == page and fits(c.text) for _, c in wide)
        headed = _heading_words(part.text, passages[lead.passage], language)
        named = _named_words(part.text, lead.text)

        def answers_it(candidate: _Candidate) -> bool:
            # on the lead's page; or, where that page has no such sentence, under a heading that names more of
            # the question ("Wie schicke ich es zurück?": "So schicken Sie einen Artikel zurück" over "Bekomme
            # ich auch die Versandkosten zurück?"), or itself naming more of it ("Was kostet's, wenn ihr mir a
            # Dirndl kürzt?": the price list's "Dirndl kürzen 34 €" over the returns page's opening)
            passage = passages[candidate.passage]
            if not fits(candidate.text):
                return False
            if on_page:
                return passage.url == page
            return _heading_words(part.text, passage, language) > headed or _named_words(
                part.text, candidate.text
            ) > max(named, 1)

        if any(answers_it(c) for _, c in wide):
            scored = sorted(wide, key=lambda item: not answers_it(item[1]))  # stable: best first on either side
            top_score, lead = scored[0]
    if not several and part.ask is Ask.YES_NO and is_exception(_query(part.text, passages[0], language), lead.text):
        # the best passage leads with its exception ("Steht die Rechnung nicht zur Verfügung, ..."): a sentence of
        # the other passages that says yes or no ("Beim Kauf auf Rechnung bezahlen Sie erst ...") answers instead
        wide = _scored(part, passages, split, language, range(len(passages)), asked=asked, at_home=at_home)
        if polarity(part.text, wide[0][1].text, into=_into(passages[wide[0][1].passage], language)) is not None:
            scored = wide
            top_score, lead = scored[0]
    if _beside_the_question(part, lead.text, _query(part.text, passages[lead.passage], language)):
        return None  # "Wann beginnt der Winterschlussverkauf für Bettwäsche?" and a care tip under "Bettwäsche"
    if asked and _other_country(asked, f"{passages[lead.passage].section} {lead.text}"):
        return None  # only another country's fact is at hand: no answer rather than the Swiss price for Belgium
    if top_score <= 0 and lead.passage == 0 and not any(p.similarities for p in passages):
        opening = [text for text in split[0] if not _META.search(text) and not _CUT_LOOSE.match(text)][:2]
        return Choice(0, tuple(opening)) if opening else None  # nothing shared: the passage's opening, as before
    own = lead.index == 0 and _answers_its_heading(part, passages[lead.passage], lead.text, language)
    if own:
        top_score -= OWN_ANSWER_BONUS  # the further sentences measure up to the lead's words, not to its own yes
    same = [c for s, c in scored[1:] if c.passage == lead.passage and s >= top_score * RUNNER_UP and s > 0]
    chosen = [lead.index] + [c.index for c in same[: MAX_SENTENCES - 1]]
    if part.ask is Ask.HOW_TO and len(steps := _steps_around(lead.index, split[lead.passage])) > 1:
        # "Klicken Sie auf „Gutscheinkarte einlösen“." is one step of the way: the way, and what else was chosen
        chosen = [*steps, *(i for i in chosen if i not in steps)]
    if _names_a_topic_only(part):
        # "versand nach österreich??": the section's facts from the lead on, not the one sentence that shares most
        following = range(lead.index + 1, min(lead.index + MAX_SENTENCES, len(split[lead.passage])))
        chosen = sorted(set(chosen).union(following))[:MAX_SENTENCES]
    found = split[lead.passage]
    wanted = set(stems(_query(part.text, passages[lead.passage], language)))
    chosen += _completing(wanted, chosen, scored, lead, asked)
    if part.ask is Ask.YES_NO:
        chosen += _other_case(_query(part.text, passages[lead.passage], language), chosen, found, lead)
    asked_stems = set(stems(_query(part.text, passages[lead.passage], language)))
    indexes = _with_announced_lists(_with_antecedents(sorted(chosen), found), found, asked_stems)
    decided = (
        polarity(part.text, lead.text, into=_into(passages[lead.passage], language)) if part.ask is Ask.YES_NO else None
    )
    if decided is None and own:
        decided = stated(lead.text)  # the page's own
    if (
        decided is not None
        and lead.index in indexes
        and not points_back(lead.text)
        and stated(found[indexes[0]]) is None
    ):
        # the yes or no goes with the sentence it comes from: "Nein, Versandkostenfrei: ab 79 €", not "Nein,
        # Versand mit: Österreichische Post."
        indexes = [lead.index, *(i for i in indexes if i != lead.index)]
    quoted = [_to_country(asked, found[i]) if asked else found[i] for i in indexes]
    if decided is not None:  # "Nein, Nachnahme bieten wir nicht an.", not the six other ways not to pay
        quoted = [
            narrowed(part.text, text) if i == lead.index else text for i, text in zip(indexes, quoted, strict=True)
        ]
    return Choice(lead.passage, tuple(quoted), decided)


def _scored(
    part: QuestionPart,
    passages: Sequence[Passage],
    split: list[list[str]],
    language: str,
    positions: Sequence[int],
    used: frozenset[str] = frozenset(),
    asked: frozenset[str] = frozenset(),
    at_home: bool = False,
) -> list[tuple[float, _Candidate]]:
    """The sentences of the passages at ``positions`` with their scores for the part, best first; none of those in
    ``used`` and no instruction that needs what the customer says they lack ("Drucken Sie das Etikett aus" for
    "Ich habe keinen Drucker"). ``asked``: the countries the part asks about (``_countries_asked``); a sentence about
    others only scores down; ``at_home``: the question names no country, and a sentence about others only scores
    down a little."""
    scored: list[tuple[float, _Candidate]] = []
    best_cosine = max((c for p in passages for c in p.similarities.values()), default=0.0)
    top = passages[0].relevance
    lacked = _lacked(part.text)
    kind, counted = _kind_of(part), _counted(part.text)  # per part, not per sentence
    for position in positions:
        passage, found = passages[position], split[position]
        query = _query(part.text, passage, language)
        wanted = set(stems(query))
        heading = wanted.intersection(stems(f"{passage.title} {passage.section}"))
        for index, text in enumerate(found):
            words = stems(text)
            lack = _meets_lack(lacked, text, words)
            if text in used or lack < 0 or _META.search(text) or text.endswith("?") or _CUT_LOOSE.match(text):
                # a question of the page ("Packstation?") answers nothing, it may come as an antecedent; a
                # "sentence" in lower case is a piece of a layout the page's text lost ("nicht waschen, nur feucht")
                continue
            score = _score(part, kind, counted, wanted, text, words, passage, best_cosine, language)
            score += LACK_WEIGHT * lack
            if index == 0 and _answers_its_heading(part, passage, text, language):
                score += OWN_ANSWER_BONUS
            score -= RELEVANCE_WEIGHT * max(0.0, top - passage.relevance) + RANK_PENALTY * position
            score += SECTION_WEIGHT * len(heading.difference(words)) / math.sqrt(len(words) + 1)
            # the sentence's own countries decide, its heading's only where it names none: "Luxemburg: ..." under
            # "Lieferung nach Österreich und Luxemburg" is no answer on Austria
            if asked and _other_country(asked, text if countries_named(text) else f"{passage.section} {text}"):
                score -= COUNTRY_PENALTY  # the Swiss price is no answer on Belgium
            elif at_home and about_abroad(f"{passage.section} {text}"):
                score -= ABROAD_PENALTY  # nor the Austrian express surcharge on "Was kostet Express?"
            scored.append((score, _Candidate(position, index, text)))
    scored.sort(key=lambda item: (-item[0], item[1].passage, item[1].index))
    return scored


def _names_unknown_thing(question: str, split: list[list[str]]) -> bool:
    """Whether the question names a thing (a noun inside a sentence, no place) that none of the passages
    mentions: "ein Sofa" where the pages speak of "Möbel" may be the exception a table lists apart."""
    known = {stem for found in split for text in found for stem in stems(text)}
    for sentence in sentences(question):
        for word in _NOUN.findall(sentence)[1:] if _NOUN.match(sentence) else _NOUN.findall(sentence):
            if fold(word) not in place_names() and not set(stems(word)) & known:
                return True
    return False


def _contenders(part: QuestionPart, passages: Sequence[Passage]) -> list[int]:
    """The passages a one-part question's sentences are chosen from: the search's first, and any clearly more
    relevant than it ("Geht PayPal?" behind the page's opening on where to see the ways to pay); their sentences
    compete, each scored down by its passage's place. A message that describes phishing keeps to the first: the
    search put the page on phishing there over the password pages its words are nearer to."""
    if describes_phishing(part.text):
        return [0]
    top = passages[0].relevance
    return [0, *(position for position, p in enumerate(passages) if p.relevance >= top + CLEARLY_MORE_RELEVANT)]


def _names_a_topic_only(part: QuestionPart) -> bool:
    """A question of a few words that names its topic and asks nothing in particular ("versand nach österreich??")."""
    words = tokens(part.text)
    return (
        part.ask is Ask.OPEN
        and 0 < len(words) <= TOPIC_ONLY_WORDS
        and words[0] not in _CONTINUING  # "und in die Schweiz?" asks what the question before it asked
        and not opens_with_question_word(part.text)
    )


def _countries_asked(part: QuestionPart, countries: frozenset[str]) -> frozenset[str]:
    """The countries a part asks about: those it names, or for a part that points at a place named before it ("was
    kostet der Versand dorthin?") those the whole question names."""
    return countries_named(part.text) or (countries if _THERE.search(part.text) else frozenset())


def _to_country(asked: frozenset[str], text: str) -> str:
    """The sentence cut after the clause on the country asked about, where what follows "und aus/nach/in" is about
    others only: "Die Pauschale beträgt aus Österreich 6,00 € und aus Frankreich und Luxemburg 7,50 €." is "Die
    Pauschale beträgt aus Österreich 6,00 €." for Austria."""
    for joint in _OTHER_PLACE.finditer(text):
        before, after = text[: joint.start()], text[joint.end() :]
        # each side a fact of its own, a figure in each: "In die Schweiz und nach Liechtenstein liefern wir nicht"
        # is one fact about two countries
        facts = _FIGURE.search(before) and _FIGURE.search(after)
        if facts and asked & countries_named(before) and _other_country(asked, after):
            return f"{before.rstrip(' ,;')}."
    return text


def _other_country(asked: frozenset[str], text: str) -> bool:
    """Whether ``text`` names countries, none of them one the question asks about."""
    named = countries_named(text)
    return bool(named) and not named & asked


def _beside_the_question(part: QuestionPart, lead: str, query: str) -> bool:
    """Whether the best sentence for a price or a duration of a thing the question names states none and names
    none of the question's words: only its page's heading brought it. "Und wie lange dauert das?" names nothing
    of its own; its topic brought the passages."""
    nouns = _NOUN.findall(part.text)
    named = nouns[1:] if nouns and part.text.startswith(nouns[0]) else nouns  # not a sentence's first word
    return (
        part.ask in FACT_KINDS
        and any(fold(word) not in STOPWORDS for word in named)
        and not _KINDS[part.ask](lead)
        and _named_words(query, lead) == 0
    )


def _points_elsewhere(part: QuestionPart, lead: str, pointer: str) -> bool:
    """Whether a sentence that sends the reader on leads away from an answer the lead already gives: the lead
    states what the part asks (a span of time), and the pointer tells of something else ("Preise und Ablauf
    stehen im Faltblatt ...") or of a fact of its own ("... eine Rückgabegarantie von 45 Tagen; sie ist auf der
    Seite ... beschrieben" behind "Die Widerrufsfrist beträgt vierzehn Tage"). "Wie lange das dauert, steht auf
    der Seite ..." behind the delivery times of goods in stock names what is asked: it is followed."""
    fits = _KINDS[part.ask] if part.ask in FACT_KINDS else None
    if fits is None or not fits(lead):
        return False
    return fits(pointer) or ask_of(pointer) not in (part.ask, Ask.OPEN)


def _points_to(text: str, passages: Sequence[Passage], page: str) -> int | None:
    """The first passage of another page that the sentence sends the reader to by that page's title."""
    named = {name.strip().casefold() for name in _QUOTED.findall(text)}
    if not named:
        return None
    for position, passage in enumerate(passages):
        title = passage.title.casefold()
        if passage.url != page and (title in named or _SUBTITLE.split(title)[0] in named):
            return position
    return None


def _answers_its_heading(part: QuestionPart, passage: Passage, text: str, language: str) -> bool:
    """Whether ``text`` is the page's own yes or no to the question its section asks ("Kann ich meine Bestellung
    stornieren?" / "Ja, innerhalb von 2 Stunden nach dem Absenden."), a yes/no question that names what the
    customer's does."""
    if part.ask is not Ask.YES_NO or not passage.section.rstrip().endswith("?") or stated(text) is None:
        return False
    asked = {w for w in stems(passage.section) if w not in STOPWORDS}
    return bool(asked) and len(asked & set(stems(_query(part.text, passage, language)))) * 2 >= len(asked)


def _named_words(question: str, text: str) -> int:
    """How many of the question's content stems ``text`` names, a verb's form meeting its stem ("kürzt", "kürzen")."""
    wanted = {w for w in stems(question) if w not in STOPWORDS and len(w) > 1}
    found = stems(text)
    return sum(
        any(w == s or (min(len(w), len(s)) >= 4 and (w.startswith(s) or s.startswith(w))) for s in found)
        for w in wanted
    )


def _heading_words(question: str, passage: Passage, language: str) -> int:
    """How many of the question's content stems the passage's title and heading name."""
    wanted = {w for w in stems(_query(question, passage, language)) if w not in STOPWORDS}
    return len(wanted.intersection(stems(f"{passage.title} {passage.section}")))


def _into(passage: Passage, language: str) -> str | None:
    """The passage's language when it is not the customer's."""
    return passage.language if passage.language and passage.language != language else None


def _query(question: str, passage: Passage, language: str) -> str:
    """The question, with its terms in the passage's language when that is another one."""
    into = _into(passage, language)
    return f"{question} {' '.join(translated_terms(question, into))}" if into else question


def _shared(wanted: set[str], words: list[str]) -> int:
    """How many of the question's stems the sentence has, a compound of the question meeting its parts in the
    sentence ("Expressversand" and "Express"); not the reverse, or "Versand" would meet every "Versandkosten",
    unless the sentence's compound is made of question words only ("Was kostet der Versand?": "Versandkosten")."""
    joined = {w for s in words for w in _parts_asked(s, wanted)}
    return sum(
        w in joined or any(w == s or (len(s) >= MIN_PART and (w.startswith(s) or w.endswith(s))) for s in words)
        for w in wanted
    )


def _parts_asked(compound: str, wanted: set[str]) -> tuple[str, ...]:
    """The two question stems a sentence's compound is made of ("versandkost": "versand", "kost"), or none."""
    for head in wanted:
        rest = compound[len(head) :]
        if len(head) >= MIN_PART - 1 and len(rest) >= MIN_PART - 1 and compound.startswith(head):
            tail = next((w for w in wanted if w != head and rest.startswith(w) and len(w) >= MIN_PART - 1), None)
            if tail is not None:
                return head, tail
    return ()


def _kind_of(part: QuestionPart) -> Ask:
    """What a part asks for; a yes/no question on paying ("muss ich extra zahlen?", "ist es dann gratis?", "zahl
    ich das Porto selber?") wants what it costs, whatever case the sentence names."""
    asks_cost = _EXTRA_COST.search(part.text) or _FREE.search(part.text) or _PAYS_FOR.search(part.text)
    return Ask.PRICE if part.ask is Ask.YES_NO and asks_cost else part.ask


def _score(
    part: QuestionPart,
    kind: Ask,
    counted: str | None,
    wanted: set[str],
    text: str,
    words: list[str],
    passage: Passage,
    best: float,
    language: str,
) -> float:
    """A sentence's score for the part: the question's words it shares, its cosine, and a bonus for stating what
    the part asks for (``kind``: ``_kind_of``; ``counted``: ``_counted``)."""
    score = _shared(wanted, words) / math.sqrt(len(words) + 1)
    cosine = passage.similarities.get(text)
    if cosine is not None:
        score += SEMANTIC_WEIGHT * (cosine - best)
    if kind is Ask.PRICE and _states_price(text):
        score += KIND_BONUS if _MONEY.search(text) else KIND_BONUS / 2
    elif kind is Ask.DURATION and _states_span(text):
        score += KIND_BONUS
    elif kind is Ask.HOW_TO and _instructs(text):
        score += HOW_TO_BONUS
    if counted is not None and re.search(rf"\d[\d.,]*\s+[\w-]*{re.escape(counted)}", fold(text)):
        score += KIND_BONUS  # the count asked for: "Für je 300 Lerchenpunkte ..." to "Wie viele Punkte ...?"
    if part.ask is Ask.YES_NO and polarity(part.text, text, into=_into(passage, language)) is not None:
        score += DECIDED_BONUS + PHRASE_BONUS * _shared_pairs(part.text, text)
    elif kind is Ask.YES_NO and is_exception(_query(part.text, passage, language), text):
        # "Für Lieferungen in die Schweiz ..." is no answer to "Kann ich mit ... zahlen?"; a price for a case is
        # one to "Zahl ich das Porto selber?"
        score -= DECIDED_BONUS
    return score


def _counted(question: str) -> str | None:
    """The stem of what a "wie viele ...?" question counts ("Punkte": "punk"), which a sentence gives with a
    figure before it, also inside a compound ("Für je 300 Lerchenpunkte ..."); None for other questions."""
    asked = _COUNT.search(question)
    return fold(asked.group(1))[: max(MIN_PART - 1, len(asked.group(1)) - 2)] if asked else None


def _lacked(question: str) -> frozenset[str]:
    """The stems of what the question says the customer lacks ("keinen Drucker", "ohne Konto")."""
    return frozenset(stem for word in _LACKED.findall(question) for stem in stems(word))


def _meets_lack(lacked: frozenset[str], text: str, words: list[str]) -> int:
    """+1 for a sentence (``words``: its stems) that speaks of what the customer lacks without it ("Einen Drucker
    brauchen Sie nicht" for "Ich habe keinen Drucker"), -1 for an instruction that needs it ("Drucken Sie das
    Etikett aus"), 0 otherwise or when the question lacks nothing."""
    if not lacked.intersection(words):
        return 0
    if _NEGATED.search(text):
        return 1
    return -1 if _instructs(text) else 0


def _instructs(text: str) -> bool:
    """Whether a sentence tells the customer what to do ("Melden Sie die Rücksendung ... an.")."""
    return bool(_INSTRUCTION.search(text)) and not _SUBORDINATE.match(text) and not _CONDITION.match(text)


_PERCENT = re.compile(r"\d\s?(?:%|prozent\b|percent\b)", re.IGNORECASE)


def _states_price(text: str) -> bool:
    """An amount, a share of one ("30 %": what "wie viel Prozent" and a discount ask), or free of charge."""
    return bool(_MONEY.search(text) or _PERCENT.search(text) or _FREE.search(text))


def _speaks_of_costs(text: str) -> bool:
    """An amount, free of charge, or a cost named without one ("Für die Ratenzahlung fallen Zinsen an.")."""
    return _states_price(text) or bool(_COSTS.search(text))


def _states_span(text: str) -> bool:
    return bool(_SPAN.search(text))


# what a sentence must hold to answer a part that asks for a price, a duration or steps
_KINDS = {Ask.PRICE: _speaks_of_costs, Ask.DURATION: _states_span, Ask.HOW_TO: _instructs}
FACT_KINDS = frozenset({Ask.PRICE, Ask.DURATION})  # the kinds a passage either states or does not


def states(ask: Ask, text: str) -> bool:
    """Whether ``text`` states the amount or the span of time a price or duration part asks for."""
    return ask in FACT_KINDS and _KINDS[ask](text)


def _steps_around(index: int, found: list[str]) -> list[int]:
    """The run of instructions the sentence at ``index`` is one of ("Gehen Sie zur Kasse." / "Klicken Sie auf
    ..." / "Geben Sie die PIN ein."), at most ``MAX_STEPS`` from the run's first; just ``index`` when it is none."""
    if not _instructs(found[index]):
        return [index]
    first = index
    while first > 0 and _instructs(found[first - 1]):
        first -= 1
    last = index
    while last + 1 < len(found) and _instructs(found[last + 1]):
        last += 1
    return list(range(first, min(last + 1, first + MAX_STEPS)))


def gives_steps(passage: str) -> bool:
    """Whether a passage tells the customer what to do in one of its sentences: the answer to a how-to question."""
    return any(_instructs(sentence) for sentence in sentences(passage))


def _shared_pairs(question: str, text: str) -> int:
    """How many pairs of neighbouring words of the question, one of them a content word, the sentence has as
    they stand: "Kauf auf Rechnung" says the way to pay that "auf Rechnung bezahlen" asks about, "mehrere
    Rechnungen ... bezahlen" only shares its words."""
    asked = tokens(question)
    pairs = {f"{a} {b}" for a, b in pairwise(asked) if not (a in STOPWORDS and b in STOPWORDS)}
    said = f" {' '.join(tokens(text))} "
    return sum(f" {pair} " in said for pair in pairs)


def _completing(
    wanted: set[str],
    chosen: list[int],
    scored: list[tuple[float, _Candidate]],
    lead: _Candidate,
    asked: frozenset[str] = frozenset(),
) -> list[int]:
    """The best further sentence of the lead's passage that names a word of the question the chosen ones lack,
    if there is room: "Worauf muss ich bei Schmuck achten?" gets the lead on what to watch for and the sentence on
    nickel-free jewellery; "Wie erreiche ich euch aus Österreich?" the hotline's limit and the way from Austria.
    Never one about other countries than those ``asked``: "Luxemburg" of the heading is no word of the question."""
    if len(chosen) >= MAX_SENTENCES:
        return []
    said = {word for _, c in scored if c.passage == lead.passage and c.index in chosen for word in stems(c.text)}
    missing = {stem for stem in wanted if not _shared({stem}, list(said))}
    for score, candidate in scored:
        if candidate.passage != lead.passage or candidate.index in chosen or score <= 0:
            continue
        if asked and _other_country(asked, candidate.text):
            continue
        if _shared(missing, stems(candidate.text)):
            return [candidate.index]
    return []


def _other_case(query: str, chosen: list[int], found: list[str], lead: _Candidate) -> list[int]:
    """For a yes/no question whose lead says no for a case the question does not name ("Bei der ersten Bestellung
    steht die Lastschrift noch nicht zur Verfügung."), the sentence of the same passage on the same thing that
    says yes for another case ("Ab Ihrer zweiten Bestellung ... per Lastschrift bezahlen."): the answer depends on
    the case, and the customer gets both."""
    if len(chosen) >= MAX_SENTENCES or not (_NEGATED.search(lead.text) and is_exception(query, lead.text)):
        return []
    topic = set(stems(query)) & set(stems(lead.text))
    for index, text in enumerate(found):
        if index in chosen or _NEGATED.search(text) or not is_exception(query, text):
            continue
        if topic & set(stems(text)):
            return [index]
    return []


def _with_antecedents(chosen: list[int], candidates: list[str]) -> list[int]:
    """The chosen sentences, each one that points back ("In diesem Fall ...", "Dafür ...") with the sentence it
    points to: alone it would answer out of context."""
    out = set(chosen)
    for index in chosen:
        before = index - 1  # back as far as the sentences lean, which may be more than one
        while before >= 0 and points_back(candidates[before + 1]) and len(candidates[before]) <= MAX_ANTECEDENT_CHARS:
            out.add(before)
            before -= 1
    return sorted(out)


def _with_announced_lists(chosen: list[int], candidates: list[str], asked: Set[str] = frozenset()) -> list[int]:
    """The chosen sentences in order, each one that ends in a colon ("Als Mitglied profitieren Sie von:") with
    the lines it announces: alone it would answer nothing. Where the lines are labelled rows and the question
    names the label of some ("Platin" of "Kategorie Silber: ..." / "Kategorie Platin: ..."; ``asked``: its
    stems), only those."""
    out: set[int] = set()
    others: set[int] = set()  # rows of an announced list that the question does not name
    for index in chosen:
        out.add(index)
        if candidates[index].endswith(":"):
            items = range(index + 1, min(index + 1 + LIST_ITEMS, len(candidates)))
            rows, named = _rows_named(candidates, items, asked)
            out.update(named or items)
            others |= set(rows) - set(named) if named else set()
    return sorted(out - others)


def _rows_named(candidates: list[str], items: range, asked: Set[str]) -> tuple[list[int], list[int]]:
    """The labelled lines that open ``items`` (a label before a colon, two lines at least), and of them those
    whose label holds a stem of ``asked`` that not every label holds."""
    labels: dict[int, set[str]] = {}
    for i in items:
        if ":" not in candidates[i]:
            break
        labels[i] = set(stems(candidates[i].split(":", 1)[0]))
    if len(labels) < 2:
        return [], []
    shared = set.intersection(*labels.values())
    return list(labels), [i for i, label in labels.items() if asked & (label - shared)]
