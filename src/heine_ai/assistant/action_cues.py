"""What a customer's message says for the action procedures: which action they ask for, and the slots it fills
(items, sizes, damage, a new address). Regexes on folded text only: deterministic, and no model decides.

An action is recognised only when it is asked for ("Ich möchte das Kleid zurückschicken", "bitte stornieren",
"I want to return ..."): "Wie kann ich etwas zurückschicken?" stays a question for the knowledge. A withdrawal is
the exception: "Ich widerrufe meinen Kauf" declares it, and no request form is needed (§356a BGB: recognised
however it is worded). A question about withdrawing ("Muss ich einen Grund angeben, wenn ich widerrufe?", "How do
I exercise my right of withdrawal?") declares nothing: it is answered from the knowledge.
"""

from __future__ import annotations

import re

from heine_ai.assistant.scope import without_other_senses
from heine_ai.orders.commerce import ActionKind, OrderItem
from heine_ai.text import fold, tokens

_REQUEST = re.compile(
    r"\b(?:ich (?:mochte|moechte|will|wurde|wuerde|muss|brauche|hatte|haette)|mochte ich|will ich|bitte|"
    r"konnen sie|koennen sie|konnten sie|koennten sie|anmelden|veranlassen|i (?:want|would like|need|wish)|i'd like|"
    r"please|can you|could you|i would)\b"
)
_WITHDRAWAL = re.compile(
    r"\bich widerrufe\b|\bwiderrufe ich\b|\bwir widerrufen\b|\bwiderrufen wir\b|\bhiermit widerrufe|"
    r"\bwiderruf (?:erklaren|einlegen|ausuben|einreichen)|widerrufe hiermit|"
    r"\bvon (?:dem|meinem) (?:kauf)?vertrag zurucktreten|\bvom (?:kauf)?vertrag zurucktreten|\bvom kauf zurucktreten|"
    r"widerrufsrecht (?:gebrauch|ausuben|wahrnehmen)|\bi (?:hereby )?withdraw from\b|"
    r"\bcancel (?:my|the|this) (?:purchase|contract)|\bwithdraw from (?:the|my|this) (?:contract|purchase)|"
    r"right (?:of|to) withdrawal"
)
_CONDITIONAL = re.compile(r"\b(?:wenn|falls|ob|sobald|if|whether|when|once)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_BREAK = re.compile(r"\s[–—-]\s|;\s")
_KINDS: tuple[tuple[ActionKind, re.Pattern[str]], ...] = (
    (ActionKind.EXCHANGE, re.compile(r"umtausch|umtauschen|tauschen|andere grosse|anderen grosse|exchange|swap")),
    (
        ActionKind.ADDRESS_CHANGE,
        re.compile(
            r"(?:liefer)?adresse (?:andern|aendern|korrigieren|anpassen)|(?:andere|neue) (?:liefer)?adresse|"
            r"lieferadresse (?:ist )?falsch|change (?:the |my )?(?:delivery |shipping )?address|wrong address|"
            r"new (?:delivery |shipping )?address"
        ),
    ),
    (
        ActionKind.INVOICE_COPY,
        re.compile(
            r"rechnungskopie|kopie (?:der|meiner|von der) rechnung|rechnung (?:noch ?mal|erneut|nochmals)|"
            r"rechnung (?:zu)?(?:schicken|senden)|copy of (?:the |my )?invoice|invoice copy|"
            r"(?:resend|send me) (?:the |my )?invoice"
        ),
    ),
    (ActionKind.CANCEL, re.compile(r"\bstornier|\bstorno\b|\bcancel\b|\bcancell")),
    (
        ActionKind.RETURN,
        re.compile(
            r"zuruckschicken|zurucksenden|zuruckgeben|zuruckschicke|retournieren|retoure|rucksendung|"
            r"\breturn\b|send (?:it|them|the \w+|my \w+) back"
        ),
    ),
)
_DAMAGED = re.compile(r"beschadigt|kaputt|defekt|\bloch\b|fehlerhaft|damaged|broken|defective|faulty|\btorn\b")
_SIZE = r"(\d{2,3}|xxs|xs|s|m|l|xl|xxl)"
_SIZE_NAMED = re.compile(rf"\b(?:grosse|gr\.?|size|in)\s*{_SIZE}\b")
_SIZE_BARE = re.compile(rf"(?<![\d.,]){_SIZE}(?![\d.,]?\d)")
_ALL = re.compile(r"\b(?:beide|beides|alle|alles|both|all|everything|komplett|ganze|gesamte|whole|entire)\b")
_ORDINALS = (
    re.compile(r"\b(?:1|eins|erste[nrs]?|first)\b"),
    re.compile(r"\b(?:2|zwei|zweite[nrs]?|second)\b"),
    re.compile(r"\b(?:3|drei|dritte[nrs]?|third)\b"),
    re.compile(r"\b(?:4|vier|vierte[nrs]?|fourth)\b"),
)
_POSTCODE_IN_ADDRESS = re.compile(r"\b\d{5}\b")
# English words for the shop's (German) article names: "the dress" finds the "Strickkleid"
_ENGLISH_NAMES = {
    "dress": "kleid",
    "coat": "mantel",
    "blouse": "bluse",
    "cardigan": "strickjacke",
    "jacket": "jacke",
    "trainers": "sneaker",
    "skirt": "rock",
    "hat": "hut",
    "shirt": "shirt",
    "scarf": "schal",
    "sweater": "pullover",
    "jumper": "pullover",
    "bikini": "bikini",
}
MAX_ADDRESS = 200


def action_kind(text: str) -> ActionKind | None:
    """The action ``text`` asks for, or ``None``."""
    folded = without_other_senses(fold(text))  # "tax return" is no return
    if declares_withdrawal(folded):
        return ActionKind.WITHDRAWAL
    # the request and the action in one sentence: "ich muss ein bisschen ausholen. ... zu spät zum Zurückschicken.
    # Stimmt das?" asks for nothing
    asked = [sentence for sentence in _SENTENCE_END.split(folded) if _REQUEST.search(sentence)]
    for kind, cue in _KINDS:
        if any(cue.search(sentence) for sentence in asked):
            return kind
    return None


def declares_withdrawal(folded: str) -> bool:
    """Whether a sentence of the folded text declares a withdrawal: not a conditional ("wenn ich widerrufe"), and
    not a question unless it is worded as a request ("Kann ich bitte vom Vertrag zurücktreten?")."""
    for sentence in _SENTENCE_END.split(folded):
        cue = _WITHDRAWAL.search(sentence)
        if cue is None or _CONDITIONAL.search(sentence[: cue.start()]):
            continue
        if sentence.rstrip().endswith("?") and not _REQUEST.search(sentence):
            continue
        return True
    return False


def side_questions(text: str) -> list[str]:
    """The sentences of ``text`` that ask something besides an action's request: "Wie erkläre ich den Widerruf?"
    in "Ich möchte vom Vertrag zurücktreten. Wie erkläre ich den Widerruf?"."""
    asked = []
    for sentence in _SENTENCE_END.split(text.strip()):
        if not sentence.rstrip().endswith("?"):
            continue
        # "ich würde die Jacke zurückschicken – muss ich fürs Zurückschicken was bezahlen?": the question after
        # the request
        question = sentence if action_kind(sentence) is None else _CLAUSE_BREAK.split(sentence)[-1]
        if action_kind(question) is None and len(tokens(question)) > 2:
            asked.append(question)
    return asked


def mentions_damage(text: str) -> bool:
    return bool(_DAMAGED.search(fold(text)))


def named_sizes(text: str) -> list[str]:
    """Sizes named with a cue word ("Größe 40", "size M", "in 40"), in order."""
    return [match.upper() for match in _SIZE_NAMED.findall(fold(text))]


def bare_sizes(text: str) -> list[str]:
    """Every size-like token of a reply to "which size?" ("40", "Bitte M")."""
    return [match.upper() for match in _SIZE_BARE.findall(fold(text))]


def new_address(text: str) -> str | None:
    """A reply to "which address?" when it holds a postcode; the address as the customer wrote it."""
    stripped = " ".join(text.split())
    return stripped[:MAX_ADDRESS] if _POSTCODE_IN_ADDRESS.search(stripped) else None


def named_items(text: str, items: tuple[OrderItem, ...]) -> list[OrderItem]:
    """The items ``text`` names: "das Strickkleid", "the dress", "die Jeans"."""
    words = [_ENGLISH_NAMES.get(word, word) for word in tokens(text) if len(word) >= 3]
    named = []
    for item in items:
        name = fold(item.name)
        if any(word == name or (len(word) >= 4 and name.endswith(word)) for word in words):
            named.append(item)
    return named


def picked_items(text: str, items: tuple[OrderItem, ...]) -> list[OrderItem]:
    """The items a reply to "which item?" picks: by name, by place ("das erste", "2") or all ("beide")."""
    named = named_items(text, items)
    if named:
        return named
    folded = fold(text)
    if _ALL.search(folded):
        return list(items)
    return [items[i] for i, ordinal in enumerate(_ORDINALS) if i < len(items) and ordinal.search(folded)]
