"""The data of the intent model: training pool (``heine-ai train intents``) and evaluation sets (``eval intents``).

Training (never the evaluation rows):
- ``assistant/data/intent_examples.jsonl``: 341 hand-written customer messages over the shop intents (mostly
  German, some English) and 85 non-shop messages (40 German, 45 English: without them every English message read
  as a shop matter), each with up to 3 cheap variants (slots refilled, lower case without punctuation, a greeting
  or closing, a typo or folded umlauts); variants share their seed's group, so cross-validation never splits them;
- the question headings (``## ...``) of the demo brand's FAQ, labelled by their page (``URL_INTENT``);
- massive_de train: 6,000 random voice-assistant commands as out of scope (its greetings as greetings);
- the English half of bitext_customer_support (split by a hash of the utterance), mapped by ``BITEXT_INTENT``.

Evaluation: massive_de dev (out of scope, held out), ``bench/data/heine_questions.jsonl`` (the demo FAQ's own
questions, labelled by their page) and the other half of bitext (English intents).
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from heine_ai.assistant.intents import EXAMPLES_FILE
from heine_ai.errors import ConfigError

MASSIVE_TRAIN_ROWS = 6000
VARIANTS = 3

URL_INTENT = {
    **dict.fromkeys(("sendungsverfolgung",), "order_status"),
    **dict.fromkeys(("ruecksendung", "ruecksendeetikett", "umtausch"), "return"),
    "erstattung": "refund",
    **dict.fromkeys(("lieferung", "expresslieferung", "lieferung-ausland", "teillieferung"), "delivery"),
    **dict.fromkeys(("zahlungsarten", "kreditkarte-paypal-lastschrift", "ratenzahlung"), "payment"),
    **dict.fromkeys(("rechnung", "zahlungserinnerung"), "invoice"),
    **dict.fromkeys(("groessentabelle", "groessenberatung", "kurzgroessen-langgroessen"), "sizes_fit"),
    "bestellung-aendern-stornieren": "order_change",
    **dict.fromkeys(
        ("kundenkonto", "passwort-vergessen", "daten-aendern", "bestellnummer-kundennummer"), "account_password"
    ),
    **dict.fromkeys(("gutscheine", "geschenkgutschein", "vorteilsprogramm"), "voucher"),
    **dict.fromkeys(("reklamation", "gewaehrleistung"), "complaint"),
}  # every other page of the demo FAQ: other_shop_question

BITEXT_INTENT = {
    "track_order": "order_status",
    **dict.fromkeys(("cancel_order", "change_order", "check_cancellation_fee"), "order_change"),
    **dict.fromkeys(("get_refund", "track_refund", "check_refund_policy"), "refund"),
    **dict.fromkeys(("delivery_options", "delivery_period"), "delivery"),
    **dict.fromkeys(("payment_issue", "check_payment_methods"), "payment"),
    **dict.fromkeys(("check_invoice", "get_invoice"), "invoice"),
    "complaint": "complaint",
    "contact_human_agent": "human_request",
    **dict.fromkeys(
        (
            "create_account",
            "delete_account",
            "edit_account",
            "switch_account",
            "recover_password",
            "registration_problems",
            "change_shipping_address",
            "set_up_shipping_address",
        ),
        "account_password",
    ),
}  # place_order, review, contact_customer_service, newsletter_subscription: other_shop_question

_ITEMS_DE = ("Jacke", "Hose", "Bluse", "Jeans", "Strickjacke", "Tunika", "Bluse in Größe 42", "Winterjacke")
_ITEMS_EN = ("jacket", "dress", "blouse", "pair of jeans", "coat")
_DATES = ("12. März", "letzten Montag", "vorgestern", "1.10.")
_PREFIXES = ("Hallo, ", "Guten Tag, ", "Hallo heine-Team, ", "Hi, ", "Sehr geehrte Damen und Herren, ", "Moin, ")
_SUFFIXES = (" Danke!", " Vielen Dank im Voraus.", " LG", " Bitte um schnelle Antwort.", " Gruß")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "A", "Ö": "O", "Ü": "U"})
_ENGLISH = re.compile(r"\b(the|my|you|I|is|do|can)\b")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    intent: str
    english: bool = False
    group: str = ""  # examples of one group stay in one cross-validation fold


def page_intent(url: str) -> str:
    return URL_INTENT.get(url.rstrip("/").rsplit("/", 1)[-1], "other_shop_question")


def read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc}); is SHARED_DIR set?") from exc


def read_jsonl(path: Path) -> list[dict[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from exc
    return [json.loads(line) for line in lines if line.strip()]


def bitext_is_train(text: str) -> bool:
    return int(hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest(), 16) % 2 == 0


def _fill(text: str, rng: random.Random, english: bool) -> str:
    item = rng.choice(_ITEMS_EN if english else _ITEMS_DE)
    number = str(rng.randint(10**7, 10**9))
    return text.replace("{item}", item).replace("{num}", number).replace("{date}", rng.choice(_DATES))


def _variant(text: str, intent: str, english: bool, rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.3:
        return re.sub(r"[?!.,']", "", text).lower()
    if draw < 0.6 and intent != "greeting_thanks" and not english:
        if rng.random() < 0.6:
            return rng.choice(_PREFIXES) + text[0].lower() + text[1:]
        return text + rng.choice(_SUFFIXES)
    text = text.translate(_FOLD) if rng.random() < 0.5 else text
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) > 6:
        drop = rng.choice(letters)
        text = text[:drop] + text[drop + 1 :]
    return text


def seed_examples(path: Path = EXAMPLES_FILE, seed: int = 7) -> list[Example]:
    """The hand-written examples and their variants."""
    rng = random.Random(seed)  # noqa: S311 - reproducible data variants, not secrets
    out: list[Example] = []
    for number, row in enumerate(read_jsonl(path)):
        text, intent = row["text"], row["intent"]
        english = bool(_ENGLISH.search(text))
        texts = [_fill(text, rng, english)]
        texts += [_variant(_fill(text, rng, english), intent, english, rng) for _ in range(VARIANTS)]
        out += [Example(t, intent, english, f"seed{number}") for t in dict.fromkeys(texts)]
    return out


def faq_headings(knowledge: Path) -> list[Example]:
    """The ``## question`` headings of a brand's Markdown FAQ, labelled by the page's URL.

    Only the pages in the folder itself (the German FAQ): pages in subfolders such as ``en/`` are no training data,
    so adding English pages leaves the training pool of the shipped model unchanged."""
    out = []
    for path in sorted(knowledge.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        url = re.search(r"^url:\s*(\S+)", text, re.M)
        intent = page_intent(url.group(1) if url else path.stem)
        for heading in re.findall(r"^##\s+(.+)$", text.split("---", 2)[-1], re.M):
            out.append(Example(heading.strip(), intent, group=f"faq:{heading}"))
    return out


def massive_train(shared: Path, rows: int = MASSIVE_TRAIN_ROWS) -> list[Example]:
    table = read_csv(shared / "eval" / "massive_de" / "train.csv")
    greet = [r["text"] for r in table if r["intent"] == "general_greet"]
    commands = [r["text"] for r in table if r["intent"] != "general_greet"]
    sample = random.Random(0).sample(commands, min(rows, len(commands)))  # noqa: S311 - a reproducible sample
    greetings = [Example(text, "greeting_thanks", group=text) for text in greet]
    return greetings + [Example(text, "out_of_scope", group=text) for text in sample]


def bitext(shared: Path, *, train: bool) -> list[Example]:
    table = read_csv(shared / "eval" / "bitext_customer_support" / "bitext_customer_support_4514.csv")
    return [
        Example(r["instruction"], BITEXT_INTENT.get(r["intent"], "other_shop_question"), True, r["instruction"])
        for r in table
        if bitext_is_train(r["instruction"]) is train
    ]


def training_pool(shared: Path, knowledge: Path, massive_rows: int = MASSIVE_TRAIN_ROWS) -> list[Example]:
    """``massive_rows``: how many massive_de commands stand for out of scope (fewer: a cheaper lab run)."""
    pool = seed_examples() + faq_headings(knowledge)
    return pool + massive_train(shared, massive_rows) + bitext(shared, train=True)
