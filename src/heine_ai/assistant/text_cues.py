"""What the escalation detectors read from a message's text besides its e5 vector: character n-grams and 14 cues.

Training (``heine_ai_lab/escalation_training.py``) and the assistant call the same functions, so a message is cut
into the same n-grams and counted the same way at run time as in training. All of it is plain Python over the
folded text (lower case, umlauts and ß folded): about 0.2 ms per message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from heine_ai.assistant.intents import Floats
from heine_ai.text import fold


def char_grams(text: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (each word padded with a space) of the folded text."""
    out: list[str] = []
    for word in fold(text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            out.extend(padded[i : i + n] for i in range(max(len(padded) - n + 1, 1)))
    return out


def _alternation(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


def _split(words: str) -> list[str]:
    return words.split()


# Stems over folded text: a small German lexicon of complaint, praise and insult (bench/escalation_lab.py).
_NEGATIVE = _alternation(
    (
        *_split(
            "verspat verzoger ausfall ausgefallen abgesagt gestrichen storung gestort kaputt defekt panne chaos nerv "
            "mist scheiss mies schlecht schlimm arger sauer wut frech unverschamt katastroph skandal zumutung warte "
            "stunde steh streik notarzt unfall tot verletzt erfasst personenschaden polizei feuer brand evakuier "
            "gesperrt sperrung blockiert stillstand verpasst anschluss uberfullt klimaanlage hitze kalt laut stinkt "
            "dreck schmutz ekel eklig teuer abzock beschwer entschadig erstatt leider fail wtf warum wieso problem "
            "fehler umleitung ersatzverkehr unmoglich peinlich lacherlich traurig enttausch unzufrieden schade "
            "unfreundlich angst gefahr unglu kollision entgleis suizid kritik kritisier doof bescheuert atzend"
        ),
        "fallt aus",
        "fallen aus",
        "nie wieder",
        "schon wieder",
        "immer noch",
        "zu spat",
        "kein wlan",
        "kein netz",
        "funktioniert nicht",
        "geht nicht",
    )
)
_POSITIVE = _alternation(
    _split(
        "danke super toll klasse prima gut schon freundlich lob perfekt punktlich endlich freu gerne liebe top bravo "
        "zufrieden angenehm entspannt bequem kostenlos gratis genial cool spitze wunderbar hilfsbereit empfehl bestens "
        "lecker yeah juhu hurra gluck sauber"
    )
)
_ABUSIVE = _alternation(
    _split(
        "idiot arschloch scheiss dumm vollpfosten wichser verpiss fuck bastard versager penner drecks pack gesindel "
        "abschaum schmarotzer hure fotze schwuchtel missgeburt spast behindert kotz lugner luge verrater volksverrat "
        "gehirn hirn dreck schwein ratte parasit vieh bande clown witzfigur hetz heuchler asozial nazi faschist kanake "
        "neger musel islamist invasor schmarotz"
    )
)
_NEGATION = re.compile(r"\b(?:nicht|kein|keine|keinen|nie|niemals|nichts|ohne)\b")
_SAD = re.compile(r"[:;]-?\(|😡|😠|😤|👎|😒|🙄|😩|😫|🤬|💩")
_HAPPY = re.compile(r"[:;]-?\)|😀|😂|😊|❤|👍|😍|😉")
N_CUES = 14


def cue_features(text: str) -> Floats:
    """14 numbers: lexicon hits (negative, positive, abusive, negations, log-counted), ``!`` and ``?``, the share
    of shouted words, sad and happy emoticons, a URL, an @mention, the length, a retweet, a hashtag."""
    folded = fold(text)
    words = text.split() or [""]
    counts = [len(p.findall(folded)) for p in (_NEGATIVE, _POSITIVE, _ABUSIVE, _NEGATION)]
    return np.array(
        [
            *np.log1p(counts),
            np.log1p(text.count("!")),
            np.log1p(text.count("?")),
            sum(w.isupper() and len(w) > 2 for w in words) / len(words),
            bool(_SAD.search(text)),
            bool(_HAPPY.search(text)),
            "http" in text,
            "@" in text,
            np.log1p(len(text)),
            text.startswith("RT "),
            "#" in text,
        ],
        dtype=np.float32,
    )
