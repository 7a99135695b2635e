"""The escalation cue lists: word families and colloquial forms (German, Austrian, Swiss, English) escalate, calm
negatives and look-alike words do not."""

from __future__ import annotations

import pytest

from heine_ai.assistant.escalation_cues import escalation_signal, grievances
from heine_ai.messages import EscalationReason
from heine_ai.text import fold

ESCALATE = [
    ("I geh zum Anwalt, wenn des so weitergeht", EscalationReason.LEGAL_THREAT),
    ("Dann sehen wir uns vor Gericht.", EscalationReason.LEGAL_THREAT),
    ("Ich verklage euch!", EscalationReason.LEGAL_THREAT),
    ("Ich werde das meiner Rechtsschutzversicherung melden und rechtlich prüfen lassen", EscalationReason.LEGAL_THREAT),
    ("Ich schalte die Arbeiterkammer ein.", EscalationReason.LEGAL_THREAT),
    ("Das melde ich dem Konsumentenschutz", EscalationReason.LEGAL_THREAT),
    ("I will sue you", EscalationReason.LEGAL_THREAT),
    ("My lawyer will contact you", EscalationReason.LEGAL_THREAT),
    ("If the order is not here by Friday, our legal department will handle it.", EscalationReason.LEGAL_THREAT),
    ("Dann übergeben wir die Sache unserer Rechtsabteilung.", EscalationReason.LEGAL_THREAT),  # a business customer
    ("Ich erstatte Anzeige gegen Sie", EscalationReason.LEGAL_THREAT),
    ("Das geht an meine Anwältin", EscalationReason.LEGAL_THREAT),
    ("Ich gehe gerichtlich dagegen vor", EscalationReason.LEGAL_THREAT),
    ("Saftladen, ihr Vollidioten", EscalationReason.ABUSE),
    ("Du Blechtrottel", EscalationReason.ABUSE),
    ("Ihr seid so dumm", EscalationReason.ABUSE),
    ("Was seid ihr für Deppen", EscalationReason.ABUSE),
    ("Halt die Goschn, du Wappler", EscalationReason.ABUSE),
    ("Ihr Abzocker und Betrüger, ihr könnt mich mal!", EscalationReason.ABUSE),  # not a fraud report
    (
        "Was für eine unfähige Quasselmaschine. Ihr Laden ist ein Haufen Nichtsnutze und Betrüger!",
        EscalationReason.ABUSE,
    ),
    ("Ihr Pfeifen!", EscalationReason.ABUSE),
    ("Leck mich doch", EscalationReason.ABUSE),
    ("du dumme Maschine", EscalationReason.ABUSE),
    ("So ein Arschloch", EscalationReason.ABUSE),
    ("Ihr Tubel", EscalationReason.ABUSE),
    ("you are stupid", EscalationReason.ABUSE),
    ("shut up you idiot", EscalationReason.ABUSE),
    ("Bist du eigentlich bescheuert?", EscalationReason.ABUSE),
    ("Ihr seid echt deppert", EscalationReason.ABUSE),
    ("Ich möchte mit einem Menschen sprechen", EscalationReason.HUMAN_REQUEST),
    ("Verbinden Sie mich bitte mit einem Mitarbeiter", EscalationReason.HUMAN_REQUEST),
    ("Bitte einen Mitarbeiter. Danke.", EscalationReason.HUMAN_REQUEST),
    ("Mitarbeiterin, bitte!", EscalationReason.HUMAN_REQUEST),  # two words, no article
    (
        "sorry, kannst du mich an wen vom service weiterleiten? geht um ne vereinsbestellung",
        EscalationReason.HUMAN_REQUEST,
    ),
    (
        "bringt mir nix. gib mir bitte jemanden vom team, der mir das anders organisieren kann",
        EscalationReason.HUMAN_REQUEST,
    ),
    ("Kann ich mit am Mitarbeiter reden?", EscalationReason.HUMAN_REQUEST),
    ("I will an echten Menschen", EscalationReason.HUMAN_REQUEST),
    ("Bitte einen Mitarbeiter ans Telefon", EscalationReason.HUMAN_REQUEST),
    ("Kann mich bitte jemand zurückrufen?", EscalationReason.HUMAN_REQUEST),
    ("Rufen Sie mich bitte an", EscalationReason.HUMAN_REQUEST),
    ("Ich will keinen Bot!", EscalationReason.HUMAN_REQUEST),
    ("Gibt es jemanden, der mir persönlich helfen kann?", EscalationReason.HUMAN_REQUEST),
    ("Ich möchte das lieber mit jemandem persönlich besprechen", EscalationReason.HUMAN_REQUEST),
    ("Ich hätte gern einen Rückruf", EscalationReason.HUMAN_REQUEST),
    ("Ich will Ihren Vorgesetzten sprechen", EscalationReason.HUMAN_REQUEST),
    ("Leiten Sie mich bitte weiter an Ihren Kundendienst", EscalationReason.HUMAN_REQUEST),
    ("Can I talk to a real person?", EscalationReason.HUMAN_REQUEST),
    ("Please connect me to an agent", EscalationReason.HUMAN_REQUEST),
    ("I need a human", EscalationReason.HUMAN_REQUEST),
    ("Kann i mit öpperem rede?", EscalationReason.HUMAN_REQUEST),
    ("Bitte an einen Sachbearbeiter weiterleiten", EscalationReason.HUMAN_REQUEST),
    ("Ich möchte einen echten Ansprechpartner", EscalationReason.HUMAN_REQUEST),
    ("Löschen Sie bitte alle meine Daten", EscalationReason.SENSITIVE_TOPIC),
    ("Ich verlange Auskunft über meine gespeicherten Daten nach DSGVO", EscalationReason.SENSITIVE_TOPIC),
    ("Mein Konto wurde gehackt", EscalationReason.SENSITIVE_TOPIC),
    ("Ich glaube, das ist Betrug", EscalationReason.SENSITIVE_TOPIC),
    ("Bitte mein Kundenkonto löschen", EscalationReason.SENSITIVE_TOPIC),
    ("Ich will, dass ihr sämtliche Daten über mich löscht. Und zwar komplett.", EscalationReason.SENSITIVE_TOPIC),
    ("Welche Daten habt ihr von mir gespeichert?", EscalationReason.SENSITIVE_TOPIC),
    ("Please delete my account", EscalationReason.SENSITIVE_TOPIC),
    ("Jemand hat mit meinen Daten bestellt, Identitätsdiebstahl", EscalationReason.SENSITIVE_TOPIC),
    ("So langsam reicht es mir", EscalationReason.COMPLAINT),
    ("Jetzt reicht's aber!", EscalationReason.COMPLAINT),
    ("Es reicht mir mit Ihrem Service!", EscalationReason.COMPLAINT),
    ("Das reicht mir jetzt wirklich.", EscalationReason.COMPLAINT),
    ("Es langt mir jetzt", EscalationReason.COMPLAINT),
    ("Was für ein Saftladen", EscalationReason.COMPLAINT),
    ("Ich bin stinksauer", EscalationReason.COMPLAINT),
    ("Das ist eine Zumutung", EscalationReason.COMPLAINT),
    ("Ich bin total enttäuscht von eurem Service", EscalationReason.COMPLAINT),
    ("Ich hab die Schnauze voll", EscalationReason.COMPLAINT),
    ("Nie wieder bestelle ich bei euch", EscalationReason.COMPLAINT),
    (
        "Das ist jetzt schon das dritte Mal, dass die Lieferung nicht ankommt, und niemand meldet sich",
        EscalationReason.COMPLAINT,
    ),
    ("Ich warte immer noch auf mein Geld und werde ständig vertröstet", EscalationReason.COMPLAINT),
    ("Ihr kriegt echt nix gebacken", EscalationReason.COMPLAINT),
    ("Ich bin wirklich verärgert", EscalationReason.COMPLAINT),
    ("Schon wieder kaputt, ich bin enttäuscht", EscalationReason.COMPLAINT),
    ("Das ist ein Armutszeugnis", EscalationReason.COMPLAINT),
    ("This is the third time I write and nobody answers", EscalationReason.COMPLAINT),
    ("I am fed up with your service", EscalationReason.COMPLAINT),
    ("This is ridiculous", EscalationReason.COMPLAINT),
    ("Was für eine Schlamperei", EscalationReason.COMPLAINT),
    ("Unfassbare Pfuscherei", EscalationReason.COMPLAINT),
    ("Ich bin echt frustriert, schon wieder nichts passiert", EscalationReason.COMPLAINT),
]

# A service lead would let the bot answer these: calm negatives, and words that only look like cues.
CALM = [
    "Die Hose passt leider nicht, wie schicke ich sie zurück?",
    "Bis wann muss ich bestellen, damit es rechtzeitig ankommt? Der normale Versand reicht mir.",  # enough for me
    "Schade, das Kleid gefällt mir doch nicht",
    "Mein Paket ist seit fünf Tagen unterwegs. Ist das noch normal?",
    "Leider liege ich zwischen 40 und 42",
    "Vielleicht eine dumme Frage, aber wie lange dauert der Versand?",
    "Ich war so dumm und habe die falsche Größe bestellt",
    "Liefert ihr auch nach Klagenfurt?",
    "Kann ich an eine andere Person liefern lassen?",
    "Kann ich die Ware an einen Nachbarn schicken lassen?",
    "Ist die Größentabelle idiotensicher?",
    "Wer ist der Datenschutzbeauftragte?",
    "Wie ändere ich meine Adresse im Kundenkonto?",
    "Wie kann ich eine Adresse aus meinem Konto entfernen?",
    "Wie lösche ich meine Wunschliste?",
    "Ich bin etwas enttäuscht von der Farbe, kann ich das Kleid umtauschen?",
    "Die Jacke ist leider schon wieder ausverkauft",
    "Ruft der Paketbote vorher an?",
    "Kann ich Sie telefonisch erreichen?",
    "Meine Kollegin hat mir euch empfohlen",
    "Ihre Kollegen haben mir gesagt, ich soll hier fragen",
    "Mit wem chatte ich hier eigentlich?",
    "Ich habe genug Punkte für einen Gutschein?",
    "Ist die Jacke aus Schweinsleder?",
    "Die Qualität ist leider schlecht, wie schicke ich das zurück?",
    "Ich möchte vom Kaufvertrag zurücktreten. Wie geht der Widerruf?",
    "Muss ich einen Grund angeben, wenn ich widerrufe?",
    "The dress does not fit, how do I return it?",
    "My parcel is late, is that normal?",
    "Mist, ich habe die falsche Farbe bestellt. Kann ich tauschen?",
    "Gibt es Mode für Menschen mit großen Größen?",
    "Die Schuhe sind leider kaputt gegangen, was nun?",
    "Kann ich nochmal bestellen, wenn es wieder da ist?",
    "Ich warte noch auf meine Erstattung, wann kommt die?",
    "Wie kann ich meinen Newsletter abbestellen?",
    "Was passiert mit meinen Daten?",
    "Habt ihr den Mantel wieder in 42?",
    "Ist Ihr Kundenservice am Samstag erreichbar?",
    "Wie erreiche ich den Kundenservice?",
    "Die Lieferung war nicht vollständig, es fehlt ein Artikel",
    "Das Paket kam beschädigt an. Was soll ich tun?",
    "Can I pay again with Klarna?",
    "Ich brauche die Rechnung noch einmal",
    "Leider habe ich meine Bestellnummer verloren",
]


@pytest.mark.parametrize(("text", "reason"), ESCALATE, ids=[t for t, _ in ESCALATE])
def test_escalation_cues(text: str, reason: EscalationReason) -> None:
    assert escalation_signal(fold(text)) is reason


@pytest.mark.parametrize("text", CALM)
def test_calm_negatives_and_look_alikes_do_not_escalate(text: str) -> None:
    assert escalation_signal(fold(text)) is None


def test_one_weak_grievance_is_no_complaint_but_two_are() -> None:
    one = "Die Jacke ist leider schon wieder ausverkauft."
    two = "Die Jacke ist schon wieder kaputt, ich bin enttäuscht."
    assert grievances(fold(one)) == 1 and escalation_signal(fold(one)) is None
    assert grievances(fold(two)) == 2 and escalation_signal(fold(two)) is EscalationReason.COMPLAINT


def test_an_intensified_disappointment_is_a_complaint_a_mild_one_is_not() -> None:
    assert escalation_signal(fold("Ich bin echt enttäuscht von euch.")) is EscalationReason.COMPLAINT
    assert escalation_signal(fold("Ich bin etwas enttäuscht von der Farbe.")) is None
