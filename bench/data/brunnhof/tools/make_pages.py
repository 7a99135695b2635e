#!/usr/bin/env python3
# ruff: noqa: E501
"""Writes the text pages of the Brunnhof knowledge base (Markdown, plain text, TYPO3 HTML exports).

    python3 tools/make_pages.py

The hard-wrapped Markdown pages are written from unwrapped sources below: `|` marks a hyphenation point inside a
word, `~` a point where the line is broken whenever the head still fits (to put a split where a fact is). The
wrapper fills lines up to 72 characters and, where a word does not fit, splits it at the last hyphenation point
that fits ("Rück-" / "sendung") or after a real hyphen ("E-" / "Mail"), as CMS exports with hyphenation do. The PDF and the DOCX pages are written by make_pdf.py and make_docx.py.
"""

from __future__ import annotations

import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "knowledge"
WIDTH = 72


# ------------------------------------------------------------------------------------------------ the wrapper
def _splits(word: str) -> list[tuple[str, str]]:
    """(head, tail) pairs where `word` may be broken; head ends with a hyphen."""
    options = []
    for index, char in enumerate(word):
        if char in "|~":
            head = _plain(word[:index])
            head = head if head.endswith("-") else head + "-"
            tail = word[index + 1 :]
            options.append((head, tail))
        elif char == "-" and 0 < index < len(word) - 1 and word[index + 1] not in "|~":
            head = _plain(word[: index + 1])
            tail = word[index + 1 :]
            options.append((head, tail))
    return options


def _plain(word: str) -> str:
    return word.replace("|", "").replace("~", "")


def wrap(text: str, first: str = "", cont: str = "", width: int = WIDTH, forced: bool = False) -> list[str]:
    words = text.split()
    lines: list[str] = []
    cur = first
    empty = True
    for word in words:
        while True:
            plain = _plain(word)
            sep = "" if empty else " "
            if forced and "~" in word:  # a forced break: split here when the head fits on this line
                index = word.index("~")
                head = _plain(word[:index])
                head = head if head.endswith("-") else head + "-"
                if len(cur) >= 36 and len(cur) + len(sep) + len(head) <= width:
                    lines.append(cur + sep + head)
                    cur, empty, word = cont, True, word[index + 1 :]
                    continue
                word = word[:index] + "|" + word[index + 1 :]
                plain = _plain(word)
            if len(cur) + len(sep) + len(plain) <= width or (empty and not _splits(word)):
                cur += sep + plain
                empty = False
                break
            fitting = [
                (h, t)
                for h, t in _splits(word)
                if len(cur) + len(sep) + len(h) <= width and len(h.rstrip("-")) >= 1 and len(_plain(t)) >= 3
            ]
            if fitting:
                head, tail = max(fitting, key=lambda pair: len(pair[0]))
                lines.append(cur + sep + head)
                cur, empty, word = cont, True, tail
                continue
            if empty:  # nothing fits even on an empty line: put it there whole
                cur += plain
                empty = False
                break
            lines.append(cur)
            cur, empty = cont, True
    if not empty:
        lines.append(cur)
    return lines


def wrap_best(text: str, first: str = "", cont: str = "") -> list[str]:
    """Wrap at about 72 characters; where `~` asks for a split, try widths 66-76 until it falls on a line end."""
    if "~" not in text:
        return wrap(text, first, cont)
    wanted = []
    for word in text.split():
        if "~" in word:
            index = word.index("~")
            head = _plain(word[:index])
            wanted.append((head if head.endswith("-") else head + "-", _plain(word[index + 1 :])[:3]))
    best, best_hits = None, -1
    for width in (72, 71, 73, 70, 74, 69, 75, 68, 76, 67, 66):
        lines = wrap(text, first, cont, width)
        joined = "\n".join(lines)
        hits = sum(1 for head, tail in wanted if re.search(re.escape(head) + r"\n\s*" + re.escape(tail), joined))
        if hits > best_hits:
            best, best_hits = lines, hits
        if hits == len(wanted):
            return lines
    forced = wrap(text, first, cont, forced=True)
    return forced if best_hits == 0 else best


def render_wrapped(source: str) -> str:
    """Wrap a Markdown source: blocks separated by blank lines; headings and front matter unchanged."""
    out: list[str] = []
    text = source.strip("\n")
    front = ""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        front = text[: end + 5]
        text = text[end + 5 :]
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = block.split("\n")
        if lines[0].startswith("#"):
            out.append("\n".join(lines))
            continue
        items: list[tuple[str, str]] = []  # (marker, text)
        for line in lines:
            match = re.match(r"^(- |\d+\. )(.*)$", line)
            if match:
                items.append((match.group(1), match.group(2)))
            elif items:
                items[-1] = (items[-1][0], items[-1][1] + " " + line.strip())
            else:
                items.append(("", line.strip()))
        # merge plain paragraph lines
        rendered: list[str] = []
        paragraph = " ".join(t for m, t in items if m == "")
        if paragraph:
            rendered += wrap_best(paragraph)
        for marker, body in items:
            if marker:
                rendered += wrap_best(body, first=marker, cont=" " * len(marker))
        out.append("\n".join(rendered))
    return (front + "\n" if front else "") + "\n\n".join(out) + "\n"


# ------------------------------------------------------------------------------------ hard-wrapped Markdown pages
VERSAND = """---
title: Versand und Lieferzeiten in Deutschland
url: /service/versand-lieferzeiten
---

# Versand und Lieferzeiten in Deutschland

Alle Bestellungen innerhalb Deutschlands verschicken wir klimaneutral mit DHL aus unserem Logistik|zentrum in Künzell bei Fulda. Sobald Ihr Paket unterwegs ist, erhalten Sie von uns eine E-~Mail mit der Sendungs|nummer, mit der Sie die Zustellung bei DHL verfolgen können.

## Was kostet der Versand?

Für eine Lieferung innerhalb Deutschlands berechnen wir 4,45 € Versand|kosten pro Bestellung, ganz gleich, wie viele Artikel Sie bestellen. Ab einem Warenwert von 65 € liefern wir versand|kosten|frei. Für diese Grenze zählt der Warenwert nach Abzug von Gutscheinen; der Saumservice und die Geschenk|verpackung zählen nicht mit. Schicken wir eine Bestellung in mehreren Paketen, berechnen wir die Versand|kosten trotzdem nur einmal.

## Wie lange dauert die Lieferung?

Vorrätige Artikel sind in der Regel 3 bis 6 Werktage nach Ihrer Bestellung bei Ihnen. Bestellungen, die werktags bis 15:30 Uhr bei uns eingehen, verlassen unser Lager noch am selben Tag. DHL stellt auch samstags zu. Hosen mit Saumservice brauchen 4 Werktage länger, weil wir sie vor dem Versand in unserer Nähstube auf Ihre Wunsch|länge kürzen.

## Expressversand

Haben Sie es eilig, wählen Sie an der Kasse den Express|versand. Er kostet 8,75 € Aufpreis zusätzlich zu den normalen Versand|kosten, auch dann, wenn Ihre Bestellung sonst versand|kosten|frei wäre. Bestellen Sie montags bis donnerstags bis 11 Uhr, bringt DHL Express Ihr Paket am nächsten Werktag; Express-Bestellungen, die freitags bis 11 Uhr eingehen, kommen am Samstag. Den Express|versand gibt es nur innerhalb Deutschlands und nur an Haus|anschriften. An Pack|stationen und Post|filialen liefern wir Express nicht, und zusammen mit dem Saumservice ist Express ebenfalls nicht möglich.

## Lieferung an Packstation und Postfiliale

Sie können sich Ihre Bestellung auch an eine DHL Pack|station oder in eine Post|filiale schicken lassen. Geben Sie dazu als Liefer|adresse die Nummer der Pack|station oder der Filiale und Ihre persönliche DHL-Postnummer an. Ohne Postnummer kann DHL das Paket dort nicht zustellen. Bitte beachten Sie: Kauf auf Rechnung ist bei einer Lieferung an eine Pack|station oder Post|filiale nicht möglich.

## Wenn Sie nicht zu Hause sind

Trifft der Zusteller Sie nicht an, gibt er das Paket bei einem Nachbarn ab oder bringt es in die nächste Post|filiale. Dort liegt es 7 Werktage für Sie bereit. Einen Ablageort, etwa die Garage oder die Terrasse, legen Sie direkt bei DHL fest.

## Liefern Sie auch ins Ausland?

Ja, nach Österreich, in die Schweiz, nach Liechtenstein und nach Belgien. Kosten und Liefer|zeiten dafür stehen auf unserer Seite „Lieferung ins Ausland“.
"""

RUECKSENDUNG = """---
title: Rücksendung und Umtausch
url: /service/ruecksendung-umtausch
---

# Rücksendung und Umtausch

## Wie lange habe ich Zeit für eine Rücksendung?

Sie können jeden Artikel innerhalb von 42 Tagen nach Erhalt zurück|schicken, also sechs Wochen lang, und zwar ohne Angabe von Gründen. Die Frist beginnt an dem Tag, an dem das Paket bei Ihnen angekommen ist. Es genügt, wenn Sie die Rück~sendung am letzten Tag der Frist bei DHL abgeben. Unabhängig davon gilt das gesetzliche Widerrufs|recht von 14 Tagen, das in unserer Widerrufs|belehrung beschrieben ist.

## So schicken Sie einen Artikel zurück

- Am einfachsten geht es mit dem Rücksende|aufkleber, der jedem Paket beiliegt: Kleben Sie ihn auf den Karton und geben Sie das Paket in einer Post|filiale oder an einer DHL Pack|station ab.
- Haben Sie den Aufkleber nicht mehr, melden Sie die Rück|sendung in Ihrem Kunden|konto unter „Meine Rück|sendungen“ an. Ohne Kunden|konto nutzen Sie das Retouren|portal unter brunnhof-mode.example/retoure; dort brauchen Sie nur Ihre Bestell|nummer und Ihren Nachnamen.
- Sie erhalten dann ein Rücksende|etikett als PDF oder einen QR-Code per E-Mail. Einen Drucker brauchen Sie dafür nicht: Zeigen Sie den QR-Code in der Post|filiale vor, dort wird das Etikett für Sie gedruckt.
- Legen Sie bitte den Liefer|schein bei, damit wir Ihre Rück|sendung schnell zuordnen können.

## Was kostet die Rücksendung?

Aus Deutschland ist die Rück|sendung für Sie kosten~los, das Porto übernimmt Brunnhof. Für Rück|sendungen aus dem Ausland verrechnen wir eine Pauschale mit Ihrer Erstattung: aus Österreich 4,20 €, aus Belgien 5,60 € und aus der Schweiz oder aus Liechtenstein CHF 7.50. Unfrei geschickte Pakete nehmen wir nicht an.

## Rückgabe in der Modestube

Wohnen Sie in der Nähe von Hünfeld, können Sie Artikel auch kosten|los in unserer Modestube in der Hauptstraße 14 zurück|geben. Bringen Sie dazu bitte den Liefer|schein mit. Die Öffnungs|zeiten finden Sie auf unserer Kontaktseite.

## Umtausch in eine andere Größe

Passt ein Artikel nicht, tauschen wir ihn kosten|los gegen eine andere Größe desselben Artikels um, auch von der Normal|größe in die Kurz|größe oder umgekehrt. Wählen Sie im Retouren|portal als Grund „Umtausch“ und geben Sie die gewünschte Größe an. Die neue Größe schicken wir los, sobald Ihre Rück|sendung in Künzell angekommen ist. Eine andere Farbe können wir nicht direkt tauschen: Schicken Sie den Artikel in diesem Fall zurück und bestellen Sie die gewünschte Farbe einfach neu.

## Was ist von der Rückgabe ausgeschlossen?

- Hosen, die wir mit unserem Saumservice auf Ihre Wunsch|länge gekürzt haben.
- Strumpf|hosen und Stütz|strümpfe, deren Verpackung geöffnet wurde.
- Getragene oder gewaschene Artikel, zum Beispiel ein T-~Shirt, das schon in der Wäsche war.

## Wann bekomme ich mein Geld zurück?

Wir prüfen Ihre Rück|sendung innerhalb von 8 Werktagen, nachdem sie in Künzell angekommen ist, und erstatten den Betrag dann auf dem Weg, auf dem Sie bezahlt haben. Einzelheiten je Zahlungsart stehen auf der Seite „Rückerstattung“.
"""

PASSFORM = """---
title: Passform und Größenberatung
url: /service/passform-groessenberatung
---

# Passform und Größenberatung

Brunnhof-Mode ist für Frauen mit weiblicher Figur gemacht. Wir führen Normal|größen von 42 bis 58 und Kurz|größen von 19 bis 29. Langgrößen führen wir nicht. Die Maße zu jeder Größe stehen in unserer Größentabelle.

## So messen Sie richtig

- Brustumfang: waagerecht über die stärkste Stelle der Brust, unter den Armen hindurch.
- Taillenumfang: an der schmalsten Stelle, etwa zwei Finger breit über dem Bauchnabel.
- Hüftumfang: waagerecht über die stärkste Stelle von Gesäß und Hüfte.
- Innen|beinlänge: vom Schritt bis zum Boden, ohne Schuhe.

Messen Sie in Unterwäsche und mit einem weichen Maßband, am besten mit Hilfe einer zweiten Person. Ziehen Sie das Maßband nicht zu fest.

## Was ist eine Kurzgröße?

Kurz~größen sind für Frauen bis 163 cm Körpergröße. Sie sind genauso weit wie die passende Normal|größe, aber kürzer geschnitten: Die Innen|beinlänge unserer Hosen beträgt in Kurz~größen 73 cm statt 79 cm, Ärmel sind 4 cm kürzer, Jacken und Mäntel 5 cm. Die Kurz|größe ist immer die Hälfte der Normal|größe: Aus 46 wird 23, aus 52 wird 26. Die Größen 38 und 40 gibt es bei uns nur als Kurz|größe 19 und 20; als Normal|größe beginnen wir bei 42.

## Sie liegen zwischen zwei Größen?

Bei Oberteilen wie Blusen, Shirts, Pullovern und Jacken wählen Sie die kleinere Größe, denn unsere Oberteile sind bequem weit geschnitten; entscheidend ist dort der Brust|umfang. Bei Hosen und Röcken wählen Sie die größere Größe; entscheidend ist dort der Hüft|umfang.

## Saumservice: Hosen auf Wunschlänge

Viele unserer Hosen kürzen wir Ihnen vor dem Versand auf Ihre Wunsch|länge, zentimeter|genau für eine Innen|beinlänge zwischen 60 und 78 cm. Das kostet 6,90 € pro Hose und verlängert die Lieferzeit um 4 Werktage. Gekürzte Hosen sind vom Umtausch und vom Widerruf ausgeschlossen, und Express|versand ist mit Saumservice nicht möglich.

## Komfortbund

Alle Hosen und Röcke von Brunnhof haben einen Komfort|bund mit eingearbeitetem Gummi an den Seiten. Er gibt bis zu 4 cm nach und sitzt auch nach einem guten Essen noch bequem.
"""

WIDERRUF = """---
title: Widerrufsbelehrung
url: /service/widerrufsbelehrung
---

# Widerrufsbelehrung

Zusätzlich zu unserem freiwilligen Rückgabe|recht von 42 Tagen haben Sie als Verbraucherin oder Verbraucher das folgende gesetzliche Widerrufsrecht.

## Widerrufsrecht

Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen. Die Widerrufs~frist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter, der nicht der Beförderer ist, die letzte Ware in Besitz genommen haben bzw. hat.

Um Ihr Widerrufs|recht auszuüben, müssen Sie uns (Brunnhof Versand GmbH, Am Brunnhof 7, 36088 Hünfeld, Telefon 0661 480 27 50, E-Mail widerruf@brunnhof-mode.example) mittels einer eindeutigen Erklärung (z. B. ein mit der Post versandter Brief oder eine E-Mail) über Ihren Entschluss, diesen Vertrag zu widerrufen, informieren. Sie können dafür das unten stehende Muster-Widerrufsformular verwenden, das jedoch nicht vorgeschrieben ist. Als Erklärung genügt es auch, wenn Sie eine Rück|sendung in Ihrem Kunden|konto oder im Retouren|portal anmelden.

Zur Wahrung der Widerrufs|frist reicht es aus, dass Sie die Mitteilung über die Ausübung des Widerrufs|rechts vor Ablauf der Widerrufs|frist absenden.

## Folgen des Widerrufs

Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten haben, einschließlich der Liefer|kosten (mit Ausnahme der zusätzlichen Kosten, die sich daraus ergeben, dass Sie eine andere Art der Lieferung als die von uns angebotene, günstigste Standard|lieferung gewählt haben), unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen ist. Für diese Rückzahlung verwenden wir dasselbe Zahlungs|mittel, das Sie bei der ursprünglichen Transaktion eingesetzt haben. Wir können die Rückzahlung verweigern, bis wir die Waren wieder zurück|erhalten haben oder bis Sie den Nachweis erbracht haben, dass Sie die Waren zurück|gesandt haben, je nachdem, welches der frühere Zeitpunkt ist.

Sie haben die Waren unverzüglich und in jedem Fall spätestens binnen vierzehn Tagen ab dem Tag, an dem Sie uns über den Widerruf unterrichten, an das Brunnhof Retouren|zentrum, Industrie|straße 40, 36093 Künzell, zurück|zusenden oder zu übergeben. Die Kosten der Rück~sendung aus Deutschland tragen wir. Bei Rück|sendungen aus Österreich, Belgien, der Schweiz und Liechtenstein tragen Sie die unmittelbaren Kosten der Rück|sendung (4,20 €, 5,60 € bzw. CHF 7.50).

## Ausschluss und Erlöschen des Widerrufsrechts

Das Widerrufs|recht besteht nicht bei Verträgen zur Lieferung von Waren, die nach Kunden|spezifikation angefertigt werden oder eindeutig auf die persönlichen Bedürfnisse zugeschnitten sind. Dazu gehören Hosen, die wir mit unserem Saumservice auf Ihre Wunsch|länge gekürzt haben. Das Widerrufs|recht erlischt vorzeitig bei versiegelten Waren, die aus Gründen des Gesundheits|schutzes oder der Hygiene nicht zur Rückgabe geeignet sind, wenn ihre Versiegelung nach der Lieferung entfernt wurde, etwa bei Stütz|strümpfen.

## Muster-Widerrufsformular

Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie es zurück.

- An Brunnhof Versand GmbH, Am Brunnhof 7, 36088 Hünfeld, E-Mail widerruf@brunnhof-mode.example
- Hiermit widerrufe(n) ich/wir den von mir/uns abgeschlossenen Vertrag über den Kauf der folgenden Waren:
- Bestellt am / erhalten am:
- Name und Anschrift der Verbraucherin oder des Verbrauchers:
- Unterschrift (nur bei Mitteilung auf Papier) und Datum:
"""

DATENSCHUTZ = """---
title: "Datenschutz: Auskunft, Löschung und Werbung"
url: /service/datenschutz-anfragen
---

# Datenschutz: Auskunft, Löschung und Werbung

## Wie erfahre ich, welche Daten Sie über mich speichern?

Schreiben Sie uns an datenschutz@brunnhof-mode.example oder per Brief an Brunnhof Versand GmbH, Stichwort Datenschutz, Am Brunnhof 7, 36088 Hünfeld. Nennen Sie bitte Ihre Kunden|nummer und Ihr Geburts|datum, damit wir sicher sind, dass die Anfrage von Ihnen kommt. Wir beantworten Ihre Anfrage innerhalb von 20 Tagen, und die Auskunft ist für Sie kosten|los.

## Kundenkonto und Daten löschen lassen

Einen Knopf zum Löschen gibt es im Kunden|konto nicht. Schreiben Sie uns bitte auf einem der oben genannten Wege, dass wir Ihr Konto und Ihre Daten löschen sollen. Offene Bestellungen, Rechnungen oder Monatsraten müssen vorher abgeschlossen sein. Rechnungs|daten bewahren wir aus steuer|rechtlichen Gründen zehn Jahre auf; sie werden bis dahin gesperrt und für nichts anderes verwendet.

## Keine Kataloge und keine Werbung mehr

Möchten Sie keinen Katalog und keine Werbe|post mehr bekommen, genügt ein Anruf bei unserer Hotline oder eine kurze E-Mail an datenschutz@brunnhof-mode.example. Weil unsere Kataloge lange im Voraus adressiert werden, kann es bis zu acht Wochen dauern, bis wirklich keine Post mehr kommt. Den Newsletter bestellen Sie mit dem Abmelde|link am Ende jeder Ausgabe ab.

Ist ein Angehöriger oder eine Angehörige verstorben, genügt eine kurze Nachricht mit Name und Anschrift; eine Sterbe|urkunde brauchen wir dafür nicht. Wir sperren die Anschrift dann sofort für Werbung und löschen das Kunden|konto, sobald nichts mehr offen ist.

## Unsere Datenschutzbeauftragte

Unsere externe Datenschutz~beauftragte ist Dr. Gesine Hartlaub. Sie erreichen sie unter dsb@brunnhof-mode.example oder per Brief an die oben genannte Anschrift mit dem Zusatz „z. Hd. Datenschutz|beauftragte“.
"""

# ----------------------------------------------------------------------------- Markdown FAQ with #### questions
RUECKERSTATTUNG = """# Rückerstattung – häufige Fragen

#### Wann bekomme ich nach einer Rücksendung mein Geld zurück?

Wir prüfen Ihre Rücksendung innerhalb von 8 Werktagen, nachdem sie in unserem Retourenzentrum in Künzell angekommen ist. Danach erstatten wir den Betrag auf demselben Weg, auf dem Sie bezahlt haben. Sobald die Erstattung veranlasst ist, bekommen Sie eine E-Mail von uns.

#### Wie lange dauert die Gutschrift bei meiner Zahlungsart?

- PayPal: 1 bis 2 Werktage nach unserer Prüfung.
- Kreditkarte (Visa, Mastercard): 3 bis 5 Bankarbeitstage, je nach Bank.
- SEPA-Lastschrift und Vorkasse: Wir überweisen den Betrag innerhalb von 2 bis 3 Werktagen auf Ihr Konto.
- Kauf auf Rechnung: Wir ziehen den Betrag von Ihrer offenen Rechnung ab. Haben Sie schon bezahlt, überweisen wir ihn innerhalb von 2 bis 3 Werktagen zurück.
- Brunnhof-Monatsrate: Ihre Raten werden neu berechnet, und Sie bekommen einen neuen Ratenplan.
- Geschenkkarte: Den Betrag buchen wir wieder auf Ihre Geschenkkarte.

#### Ich habe auf Rechnung bestellt und nur einen Teil zurückgeschickt. Muss ich die ganze Rechnung bezahlen?

Nein. Sie bezahlen nur die Artikel, die Sie behalten. Sie bekommen eine angepasste Rechnung per E-Mail; warten Sie mit der Überweisung am besten, bis sie da ist.

#### Bekomme ich auch die Versandkosten zurück?

Schicken Sie die ganze Bestellung zurück, erstatten wir auch die Versandkosten von 4,45 €. Den Aufpreis für den Expressversand erstatten wir nicht. Die Rücksendepauschale aus dem Ausland ziehen wir von der Erstattung ab.

#### Meine Erstattung ist noch nicht da. Was kann ich tun?

Ist 15 Werktage nach der Abgabe Ihres Pakets noch kein Geld bei Ihnen angekommen, rufen Sie uns bitte an oder schreiben Sie uns eine E-Mail. Halten Sie dafür den Einlieferungsbeleg von DHL bereit.
"""

FAQ = """---
title: "FAQ: Bestellung und Kundenkonto"
url: /service/faq-bestellung-kundenkonto
---

# FAQ: Bestellung und Kundenkonto

#### Kann ich meine Bestellung stornieren?

Ja, innerhalb von 4 Stunden nach Ihrer Bestellung. Gehen Sie in Ihrem Kundenkonto zu „Meine Bestellungen“ und klicken Sie bei der Bestellung auf „Stornieren“, oder rufen Sie uns an. Haben Sie als Gast bestellt, nutzen Sie den Link „Bestellung stornieren“ in Ihrer Bestellbestätigung.

#### Die 4 Stunden sind vorbei. Was kann ich jetzt noch tun?

Dann ist Ihre Bestellung schon auf dem Weg ins Lager und lässt sich nicht mehr stornieren. Verweigern Sie einfach die Annahme des Pakets, oder schicken Sie die Artikel innerhalb von 42 Tagen kostenlos zurück.

#### Kann ich die Lieferadresse noch ändern?

Innerhalb der 4 Stunden ja: unter „Meine Bestellungen“ mit „Lieferadresse ändern“ oder telefonisch. Danach können wir die Adresse nicht mehr ändern; DHL bietet Ihnen aber an, das Paket in eine Filiale umzuleiten.

#### Kann ich noch einen Artikel zu meiner Bestellung hinzufügen?

Nein, eine abgeschickte Bestellung können wir nicht erweitern. Geben Sie bitte einfach eine neue Bestellung auf.

#### Muss ich ein Kundenkonto anlegen?

Nein, Sie können auch als Gast bestellen. Mit einem Kundenkonto sehen Sie aber Ihre Bestellungen, Rechnungen und Rücksendungen an einem Ort.

#### Ich habe mein Passwort vergessen. Was nun?

Klicken Sie bei der Anmeldung auf „Passwort vergessen?“ und geben Sie Ihre E-Mail-Adresse ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen. Der Link ist 48 Stunden gültig. Ihr neues Passwort muss mindestens 10 Zeichen lang sein.

#### Wie ändere ich meine E-Mail-Adresse oder meine Anschrift?

Melden Sie sich an und öffnen Sie „Meine Daten“. Dort ändern Sie Anschrift, Telefonnummer und E-Mail-Adresse. Eine neue E-Mail-Adresse bestätigen Sie mit dem Link, den wir Ihnen an diese Adresse schicken.

#### Wie lösche ich mein Kundenkonto?

Im Kundenkonto selbst geht das nicht. Schreiben Sie bitte an datenschutz@brunnhof-mode.example; alles Weitere steht auf unserer Datenschutzseite.

#### Wann bekomme ich eine Bestellbestätigung?

Innerhalb von 30 Minuten per E-Mail. Ist keine gekommen, sehen Sie bitte im Spam-Ordner nach oder rufen Sie uns an.

#### Kann ich die Schrift auf Ihrer Website größer stellen?

Ja. Oben rechts auf jeder Seite finden Sie den Schalter „Große Schrift“. Sie können auch die Taste Strg gedrückt halten und mehrmals auf + drücken.

#### Kann ich auch telefonisch oder per Post bestellen?

Ja. Rufen Sie uns unter 0661 480 27 50 an oder schicken Sie uns die Bestellkarte aus unserem Katalog; mehr dazu auf der Seite „Bestellen per Telefon, Post und Katalog“.
"""

# ------------------------------------------------------------ Markdown with reference-style links and a price list
SERVICEPREISE = """# Servicepreise im Überblick

Hier finden Sie die Preise aller Serviceleistungen von Brunnhof auf einen Blick. Ausführliche Erklärungen stehen auf den jeweiligen Seiten, etwa zu [Versand und Lieferzeiten][versand], zur [Lieferung ins Ausland][ausland], zu [Rücksendung und Umtausch][retoure] und zu unseren [Zahlungsarten][zahlung].

## Versand

- Standardversand Deutschland ........ 4,45 €
- Versandkostenfrei in Deutschland ........ ab 65 € Warenwert
- Expressversand, nur Deutschland (Aufpreis) ........ 8,75 €
- Versand nach Österreich ........ 5,85 € (frei ab 95 €)
- Versand nach Belgien ........ 6,40 € (frei ab 110 €)
- Versand in die Schweiz und nach Liechtenstein ........ CHF 8.60 (frei ab CHF 160.–)

## Rücksendung

- Rücksendung aus Deutschland ........ kostenlos
- Rücksendung aus Österreich ........ 4,20 €
- Rücksendung aus Belgien ........ 5,60 €
- Rücksendung aus der Schweiz und aus Liechtenstein ........ CHF 7.50
- Umtausch in eine andere Größe ........ kostenlos

## Extras

- Saumservice: Hose auf Wunschlänge kürzen ........ 6,90 € je Hose
- Geschenkverpackung mit Grußkarte ........ 2,95 € je Paket
- Katalog „Brunnhof Journal“ ........ kostenlos
- Bestellkarte per Post ........ Porto zahlt Brunnhof

## Zahlung

- Zahlungserinnerung ........ kostenlos
- Mahngebühr ab der zweiten Mahnung ........ 2,90 €
- Brunnhof-Monatsrate mit 3 Raten ........ zinsfrei
- Brunnhof-Monatsrate mit 6 oder 10 Raten ........ 7,9 % effektiver Jahreszins

Wie der [Saumservice][saum] funktioniert und wie Sie uns [erreichen][kontakt], lesen Sie auf den verlinkten Seiten.

[versand]: https://www.brunnhof-mode.example/service/versand-lieferzeiten
[ausland]: https://www.brunnhof-mode.example/service/lieferung-ausland
[retoure]: https://www.brunnhof-mode.example/service/ruecksendung-umtausch
[zahlung]: https://www.brunnhof-mode.example/service/zahlungsarten
[saum]: https://www.brunnhof-mode.example/service/passform-groessenberatung#saumservice
[kontakt]: https://www.brunnhof-mode.example/service/kontakt
"""

# ---------------------------------------------------------------------------- plain text, "Stichwort: Antwort"
RECHNUNG_TXT = """Kauf auf Rechnung und Ratenzahlung – Brunnhof Mode

Zahlungsziel: 28 Tage ab Rechnungsdatum. Das Rechnungsdatum ist der Tag, an dem wir Ihr Paket verschicken.
Lieferländer: Deutschland, Österreich, Schweiz und Liechtenstein. Bei Lieferungen nach Belgien ist Kauf auf Rechnung nicht möglich.
Höchstbetrag bei der ersten Bestellung: 450 €.
Packstation und Postfiliale: Bei einer Lieferung an eine Packstation oder Postfiliale können Sie nicht auf Rechnung kaufen.
Papierrechnung: Die Rechnung liegt jedem Paket bei.
Rechnungskopie: Im Kundenkonto unter „Meine Bestellungen“ mit dem Knopf „Rechnung (PDF)“, vier Jahre lang. Eine Kopie per Post schicken wir Ihnen kostenlos, wenn Sie unsere Hotline anrufen.
Rechnung auf eine Firma: Nicht möglich. Brunnhof verkauft nur an Privatkundinnen und Privatkunden und stellt Rechnungen auch nachträglich nicht auf eine Firma aus.
Teilrücksendung: Sie bezahlen nur die Artikel, die Sie behalten. Wir schicken Ihnen eine angepasste Rechnung per E-Mail.
Überweisung: Bitte geben Sie als Verwendungszweck Ihre Rechnungsnummer an.
Schweiz und Liechtenstein: Sie erhalten eine QR-Rechnung in Schweizer Franken und bezahlen sie bei Ihrer Bank oder am Postschalter.
Zahlungserinnerung: Kostenlos. Wir schicken sie 7 Tage nach Fälligkeit.
Mahngebühr: 2,90 € ab der zweiten Mahnung.
Ratenzahlung: Mit der Brunnhof-Monatsrate zahlen Sie ab 120 € Bestellwert in 3, 6 oder 10 Monatsraten. Die Ratenzahlung gibt es nur in Deutschland.
Zinsen: 3 Raten sind zinsfrei. Bei 6 oder 10 Raten beträgt der effektive Jahreszins 7,9 %.
Ratenplan: Den Ratenplan bekommen Sie mit der Versandbestätigung. Die erste Rate ist 30 Tage nach dem Versand fällig.
Vorzeitig zurückzahlen: Jederzeit und kostenlos möglich.
"""

KONTAKT_TXT = """Kontakt und Servicezeiten – Brunnhof Mode

Telefon Deutschland: 0661 480 27 50 (zum Festnetztarif)
Servicezeiten am Telefon: montags bis samstags von 8 bis 20 Uhr und sonntags von 10 bis 16 Uhr. An bundesweiten Feiertagen ist die Hotline nicht besetzt.
Telefonisch bestellen: Unter derselben Nummer nehmen wir auch Ihre Bestellung entgegen, ohne Aufpreis.
Telefon Österreich: 0316 890 412, montags bis freitags von 8 bis 18 Uhr
Telefon Schweiz und Liechtenstein: 031 528 14 60, montags bis freitags von 8 bis 17 Uhr
Belgien: Bitte rufen Sie unsere deutsche Nummer an, +49 661 480 27 50.
Rückruf: Nennen Sie uns im Kundenkonto unter „Rückruf vereinbaren“ oder per E-Mail eine Uhrzeit, dann rufen wir Sie zurück.
Fax: 0661 480 27 59
E-Mail: service@brunnhof-mode.example. Wir antworten innerhalb von 36 Stunden.
Post: Brunnhof Versand GmbH, Kundenservice, Am Brunnhof 7, 36088 Hünfeld
Rücksendungen: Bitte nicht an die Postanschrift schicken, sondern mit dem Rücksendeaufkleber an unser Retourenzentrum in Künzell.
WhatsApp und Messenger: Darüber sind wir nicht erreichbar.
Modestube Brunnhof: Hauptstraße 14, 36088 Hünfeld
Öffnungszeiten der Modestube: montags bis freitags von 9:30 bis 18 Uhr, samstags von 9:30 bis 14 Uhr
In der Modestube: Anprobieren und kaufen, Rücksendungen kostenlos abgeben (bitte mit Lieferschein) und Geschenkkarten einlösen.
Abholung von Online-Bestellungen: In der Modestube leider nicht möglich.
Parken: Kostenlose Kundenparkplätze im Hof hinter der Modestube, Zufahrt über die Gartenstraße.
"""


# ------------------------------------------------------------------------------------------ TYPO3 HTML exports
def typo3(page_id: int, title: str, slug: str, elements: str, crumb: str) -> str:
    return f"""<!DOCTYPE html>
<html dir="ltr" lang="de-DE">
<head>
<meta charset="utf-8">
<!--
	This website is powered by TYPO3 - inspiring people to share!
	TYPO3 is a free open source Content Management Framework initially created by Kasper Skaarhoj and licensed under GNU/GPL.
	TYPO3 is copyright 1998-2026 of Kasper Skaarhoj. Extensions are copyright of their respective owners.
	Information and contribution at https://typo3.org/
-->
<title>{title}&nbsp;|&nbsp;Brunnhof Mode</title>
<meta name="generator" content="TYPO3 CMS">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="index,follow">
<link rel="stylesheet" href="/typo3temp/assets/compressed/merged-4f1c2a9e0b7d3e61c8d2f0a5b9e7c431.css?1764512345" media="all">
<link rel="canonical" href="https://www.brunnhof-mode.example/service/{slug}">
</head>
<body id="p{page_id}" class="page-{page_id} pagelevel-2 language-0 backendlayout-subnavigation_left layout-default">
<div id="top"></div>
<div class="body-bg">
<a class="visually-hidden-focusable page-skip-link" href="#page-content"><span>Zum Hauptinhalt springen</span></a>
<header id="page-header" class="bp-page-header navbar navbar-mainnavigation navbar-default navbar-has-image navbar-top">
<div class="container">
<a class="navbar-brand navbar-brand-image" title="Brunnhof Mode" href="/"><img class="navbar-brand-logo-normal" src="/fileadmin/brunnhof/logo.svg" alt="Brunnhof Mode" height="52" width="180"></a>
<nav id="mainnavigation" class="collapse navbar-collapse"><ul class="navbar-nav">
<li class="nav-item"><a href="/damen" class="nav-link">Damenmode</a></li>
<li class="nav-item"><a href="/kurzgroessen" class="nav-link">Kurzgrößen</a></li>
<li class="nav-item"><a href="/sale" class="nav-link">Sale</a></li>
<li class="nav-item active"><a href="/service" class="nav-link">Service</a></li>
</ul></nav>
</div>
</header>
<nav class="breadcrumb-section" aria-label="Brotkrümelnavigation"><div class="container"><ol class="breadcrumb">
<li class="breadcrumb-item"><a class="breadcrumb-link" href="/" title="Startseite">Startseite</a></li>
<li class="breadcrumb-item"><a class="breadcrumb-link" href="/service" title="Service">Service</a></li>
<li class="breadcrumb-item active" aria-current="page"><span class="breadcrumb-text">{crumb}</span></li>
</ol></div></nav>
<div id="page-content" class="bp-page-content ">
<div class="section section-default"><div class="container"><div class="section-row"><main class="section-column maincontent-wrap" role="main">
<!--TYPO3SEARCH_begin-->
{elements}
<!--TYPO3SEARCH_end-->
</main>
<aside class="section-column subcontent-wrap" role="complementary"><nav class="frame frame-type-subnavigation"><ul class="subnav-nav">
<li class="subnav-item"><a href="/service/versand-lieferzeiten" class="subnav-link">Versand</a></li>
<li class="subnav-item"><a href="/service/ruecksendung-umtausch" class="subnav-link">Rücksendung</a></li>
<li class="subnav-item"><a href="/service/zahlungsarten" class="subnav-link">Bezahlen</a></li>
<li class="subnav-item"><a href="/service/kontakt" class="subnav-link">Kontakt</a></li>
</ul></nav></aside>
</div></div></div>
</div>
<footer id="page-footer" class="bp-page-footer"><section class="section footer-section footer-section-content"><div class="container">
<div class="frame frame-default frame-type-text frame-layout-0"><div class="ce-bodytext"><p>Brunnhof Versand GmbH&nbsp;·&nbsp;Am Brunnhof 7&nbsp;·&nbsp;36088 Hünfeld</p></div></div>
<ul class="footer-links"><li><a href="/impressum">Impressum</a></li><li><a href="/datenschutz">Datenschutz</a></li><li><a href="/agb">AGB</a></li><li><a href="#" data-cookieconsent="open">Cookie-Einstellungen</a></li></ul>
</div></section></footer>
<a class="scroll-top" title="Nach oben rollen" href="#top"><span class="scroll-top-icon"></span></a>
</div>
<script src="/typo3temp/assets/compressed/merged-9a0e8d7c6b5a4f3e2d1c0b9a8f7e6d5c.js?1764512345"></script>
</body>
</html>
"""


def header_el(uid: int, text: str) -> str:
    return (
        f'<div id="c{uid}" class="frame frame-default frame-type-header frame-layout-0">'
        f'<a id="c{uid + 1000}"></a><header class="frame-header"><h1 class="element-header ce-header">'
        f"<span>{text}</span></h1></header></div>"
    )


def text_el(uid: int, heading: str | None, body: str, space: str = "frame-space-before-medium") -> str:
    head = (
        f'<header class="frame-header"><h2 class="element-header ce-header"><span>{heading}</span></h2></header>'
        if heading
        else ""
    )
    return (
        f'<div id="c{uid}" class="frame frame-default frame-type-text frame-layout-0 {space}">'
        f'<a id="c{uid + 1000}"></a>{head}<div class="ce-bodytext">{body}</div></div>'
    )


def textmedia_el(uid: int, heading: str, body: str, frame: str = "frame-ruler-after") -> str:
    return (
        f'<div id="c{uid}" class="frame frame-default frame-type-textmedia frame-layout-0 {frame}">'
        f'<a id="c{uid + 1000}"></a><header class="frame-header"><h2 class="element-header ce-header">'
        f'<span>{heading}</span></h2></header><div class="ce-textpic ce-center ce-above">'
        f'<div class="ce-bodytext">{body}</div></div></div>'
    )


def table_el(uid: int, heading: str, table: str, caption: str) -> str:
    return (
        f'<div id="c{uid}" class="frame frame-default frame-type-table frame-layout-0 frame-space-before-small">'
        f'<a id="c{uid + 1000}"></a><header class="frame-header"><h2 class="element-header ce-header">'
        f'<span>{heading}</span></h2></header><div class="table-responsive">'
        f'<table class="ce-table ce-table-striped ce-table-bordered"><caption>{caption}</caption>'
        f"{table}</table></div></div>"
    )


AUSLAND_TABLE = """
<thead>
<tr><th scope="col" rowspan="2">Lieferland</th><th scope="col" rowspan="2">Versand mit</th><th scope="colgroup" colspan="2">Versandkosten</th><th scope="col" rowspan="2">Lieferzeit</th><th scope="col" rowspan="2">Rücksendung</th></tr>
<tr><th scope="col">Standard</th><th scope="col">versandkostenfrei ab</th></tr>
</thead>
<tbody>
<tr><td>Österreich</td><td>Österreichische Post</td><td>5,85&nbsp;€</td><td>95&nbsp;€</td><td>4–7 Werktage</td><td>4,20&nbsp;€</td></tr>
<tr><td>Schweiz</td><td rowspan="2">Die Schweizerische Post</td><td rowspan="2">CHF 8.60</td><td rowspan="2">CHF 160.–</td><td rowspan="2">4–8 Werktage</td><td rowspan="2">CHF 7.50</td></tr>
<tr><td>Liechtenstein</td></tr>
<tr><td>Belgien</td><td>bpost</td><td>6,40&nbsp;€</td><td>110&nbsp;€</td><td>4–6 Werktage</td><td>5,60&nbsp;€</td></tr>
<tr><td colspan="6">Andere Länder beliefern wir nicht, auch nicht die Niederlande, Luxemburg, Frankreich, Italien, Dänemark oder Polen.</td></tr>
</tbody>
"""

AUSLAND = typo3(
    214,
    "Lieferung ins Ausland",
    "lieferung-ausland",
    "\n".join(
        [
            header_el(2141, "Lieferung ins Ausland: Österreich, Schweiz, Liechtenstein, Belgien"),
            text_el(
                2142,
                None,
                "<p>Außer nach Deutschland liefern wir nach Österreich, in die Schweiz, nach Liechtenstein "
                "und nach Belgien. Die Versandkosten berechnen wir einmal pro Bestellung. Die Rücksendepauschale aus dem "
                "Ausland verrechnen wir mit Ihrer Erstattung.</p>",
                space="frame-space-before-none",
            ),
            table_el(
                2143,
                "Versandkosten, Lieferzeiten und Rücksendung nach Land",
                AUSLAND_TABLE,
                "Preise je Bestellung; Lieferzeit ab Versand aus Künzell",
            ),
            textmedia_el(
                2144,
                "Schweiz und Liechtenstein: verzollt und in Franken",
                "<p>Für die Schweiz und Liechtenstein gelten unsere Preise in Schweizer Franken. Wir liefern "
                "<strong>verzollt und versteuert</strong>: Die Schweizer Mehrwertsteuer und die Verzollung sind im "
                "Preis enthalten, bei der Zustellung zahlen Sie nichts mehr dazu.</p><p>Sie bezahlen auf Rechnung "
                "(QR-Rechnung in Franken), mit PayPal oder mit Kreditkarte. Ihre Rücksendung geben Sie mit dem "
                "beiliegenden Aufkleber bei der Post ab; sie geht an unsere Rücksendeadresse in St.&nbsp;Margrethen."
                "</p>",
            ),
            textmedia_el(
                2145,
                "Österreich und Belgien",
                "<p>Nach Österreich liefert die Österreichische Post, nach Belgien bpost. In Österreich können Sie "
                "auf Rechnung kaufen; nach Belgien liefern wir nur gegen PayPal, Kreditkarte oder Vorkasse.</p>",
            ),
            text_el(
                2146,
                "Was im Ausland nicht geht",
                "<ul><li>Expressversand gibt es nur innerhalb Deutschlands.</li><li>An Abholstationen im Ausland "
                "liefern wir nicht, nur an Hausanschriften.</li><li>Der Saumservice ist auch im Ausland möglich, die "
                "Lieferung dauert dann 4 Werktage länger.</li></ul>",
            ),
        ]
    ),
    "Lieferung ins Ausland",
)

ZAHLUNG_TABLE = """
<thead>
<tr><th scope="col" rowspan="2">Zahlungsart</th><th scope="colgroup" colspan="4">Lieferland</th></tr>
<tr><th scope="col">Deutschland</th><th scope="col">Österreich</th><th scope="col">Schweiz und Liechtenstein</th><th scope="col">Belgien</th></tr>
</thead>
<tbody>
<tr><td>Kauf auf Rechnung</td><td colspan="3">ja</td><td>nein</td></tr>
<tr><td>PayPal</td><td colspan="4">ja</td></tr>
<tr><td>Kreditkarte (Visa, Mastercard)</td><td colspan="4">ja</td></tr>
<tr><td>SEPA-Lastschrift</td><td colspan="2">ja</td><td colspan="2">nein</td></tr>
<tr><td>Vorkasse (Überweisung)</td><td colspan="4">ja</td></tr>
<tr><td>Brunnhof-Monatsrate (Ratenzahlung)</td><td>ja</td><td colspan="3">nein</td></tr>
</tbody>
"""

ZAHLUNG = typo3(
    221,
    "Zahlungsarten",
    "zahlungsarten",
    "\n".join(
        [
            header_el(2211, "Zahlungsarten"),
            text_el(
                2212,
                None,
                "<p>Bei Brunnhof bezahlen Sie so, wie es Ihnen am liebsten ist. Welche Zahlungsarten es in "
                "Ihrem Lieferland gibt, zeigt die Tabelle. Sie wählen die Zahlungsart an der Kasse oder nennen sie uns "
                "bei einer telefonischen Bestellung.</p>",
                space="frame-space-before-none",
            ),
            table_el(2213, "Zahlungsarten nach Lieferland", ZAHLUNG_TABLE, "Welche Zahlungsart in welchem Land"),
            textmedia_el(
                2214,
                "Kauf auf Rechnung",
                "<p>Sie bezahlen erst, wenn die Ware bei Ihnen ist: Das Zahlungsziel beträgt <strong>28 Tage</strong> "
                "ab Rechnungsdatum. Bei Ihrer ersten Bestellung ist der Kauf auf Rechnung bis 450&nbsp;€ möglich. An "
                "Packstationen und Postfilialen liefern wir nicht auf Rechnung. In der Schweiz und in Liechtenstein "
                "erhalten Sie eine QR-Rechnung in Schweizer Franken. Mehr dazu auf der Seite „Kauf auf Rechnung und "
                "Ratenzahlung“.</p>",
            ),
            textmedia_el(
                2215,
                "Brunnhof-Monatsrate",
                "<p>Ab einem Bestellwert von 120&nbsp;€ können Sie in Deutschland in 3, 6 oder 10 Monatsraten "
                "bezahlen. Drei Raten sind zinsfrei; bei 6 oder 10 Raten beträgt der effektive Jahreszins "
                "7,9&nbsp;%.</p>",
            ),
            textmedia_el(
                2216,
                "Kreditkarte, PayPal, Lastschrift und Vorkasse",
                "<p>Wir nehmen Visa und Mastercard an. Ihre Karte wird erst belastet, wenn wir Ihr Paket "
                "verschicken. Mit PayPal bezahlen Sie in allen Lieferländern. Die SEPA-Lastschrift gibt es für "
                "Konten in Deutschland und Österreich. Bei Vorkasse reservieren wir Ihre Ware 10 Tage lang und "
                "verschicken sie, sobald Ihre Überweisung da ist.</p>",
            ),
            text_el(
                2217,
                "Diese Zahlungsarten bieten wir nicht an",
                "<p>Nachnahme, Apple Pay, Google Pay, Klarna, American Express, TWINT und Sofortüberweisung bieten wir "
                "nicht an. Barzahlung ist nur in unserer Modestube in Hünfeld möglich.</p>",
                space="frame-space-before-small",
            ),
        ]
    ),
    "Zahlungsarten",
)

SIZE_TABLE = """
<thead>
<tr><th scope="col" rowspan="2">Normalgröße</th><th scope="col" rowspan="2">Kurzgröße</th><th scope="colgroup" colspan="3">Körpermaße in cm</th></tr>
<tr><th scope="col">Brustumfang</th><th scope="col">Taillenumfang</th><th scope="col">Hüftumfang</th></tr>
</thead>
<tbody>
<tr><td rowspan="2">nur als Kurzgröße</td><td>19</td><td>88–91</td><td>74–77</td><td>98–101</td></tr>
<tr><td>20</td><td>92–95</td><td>78–81</td><td>102–105</td></tr>
<tr><td>42</td><td>21</td><td>96–99</td><td>82–85</td><td>106–109</td></tr>
<tr><td>44</td><td>22</td><td>100–103</td><td>86–89</td><td>110–113</td></tr>
<tr><td>46</td><td>23</td><td>104–108</td><td>90–94</td><td>114–118</td></tr>
<tr><td>48</td><td>24</td><td>109–113</td><td>95–99</td><td>119–123</td></tr>
<tr><td>50</td><td>25</td><td>114–118</td><td>100–104</td><td>124–128</td></tr>
<tr><td>52</td><td>26</td><td>119–123</td><td>105–109</td><td>129–133</td></tr>
<tr><td>54</td><td>27</td><td>124–128</td><td>110–114</td><td>134–138</td></tr>
<tr><td>56</td><td>28</td><td>129–134</td><td>115–120</td><td>139–144</td></tr>
<tr><td>58</td><td>29</td><td>135–140</td><td>121–126</td><td>145–150</td></tr>
</tbody>
"""

LENGTH_TABLE = """
<thead>
<tr><th scope="col">Größenreihe</th><th scope="col">Körpergröße</th><th scope="col">Innenbeinlänge Hosen</th><th scope="col">Ärmel und Jackenlänge</th></tr>
</thead>
<tbody>
<tr><td>Normalgrößen 42–58</td><td>164–172 cm</td><td>79 cm</td><td>Standard</td></tr>
<tr><td>Kurzgrößen 19–29</td><td>bis 163 cm</td><td>73 cm</td><td>Ärmel 4 cm, Jacken und Mäntel 5 cm kürzer</td></tr>
</tbody>
"""

GROESSEN = typo3(
    231,
    "Größentabelle Damen",
    "groessentabelle-damen",
    "\n".join(
        [
            header_el(2311, "Größentabelle Damen: Normalgrößen und Kurzgrößen"),
            text_el(
                2312,
                None,
                "<p>Alle Maße sind <strong>Körpermaße</strong> in Zentimetern, keine Maße des "
                "Kleidungsstücks. Die Kurzgröße ist genauso weit wie die Normalgröße in derselben Zeile, nur kürzer "
                "geschnitten.</p>",
                space="frame-space-before-none",
            ),
            table_el(2313, "Damengrößen", SIZE_TABLE, "Körpermaße je Größe"),
            table_el(2314, "Längen: Normalgröße oder Kurzgröße?", LENGTH_TABLE, "Längen je Größenreihe"),
            textmedia_el(
                2315,
                "Zwischen zwei Größen",
                "<p>Bei Oberteilen zählt der Brustumfang: Liegen Sie zwischen zwei Größen, nehmen Sie die "
                "kleinere. Bei Hosen und Röcken zählt der Hüftumfang: Liegen Sie zwischen zwei Größen, nehmen Sie "
                "die größere.</p>",
                frame="frame-ruler-before",
            ),
        ]
    ),
    "Größentabelle Damen",
)

KATALOG = typo3(
    241,
    "Bestellen per Telefon, Post und Katalog",
    "katalog-telefonbestellung",
    "\n".join(
        [
            header_el(2411, "Bestellen per Telefon, Post und Katalog"),
            text_el(
                2412,
                None,
                "<p>Sie müssen nicht im Internet bestellen. Viele unserer Kundinnen bestellen seit Jahren "
                "am Telefon oder mit der Bestellkarte aus unserem Katalog, und das zu denselben Preisen wie im "
                "Onlineshop.</p>",
                space="frame-space-before-none",
            ),
            textmedia_el(
                2413,
                "Unser Katalog „Brunnhof Journal“",
                "<p>Das Brunnhof Journal erscheint viermal im Jahr: im Frühjahr, im Sommer, im Herbst und im "
                "Winter. Es ist kostenlos. Bestellen Sie es über das Formular „Katalog anfordern“ auf unserer "
                "Website oder telefonisch; es ist dann innerhalb von 10 Werktagen bei Ihnen. Möchten Sie keinen "
                "Katalog mehr bekommen, sagen Sie es unserer Hotline oder schreiben Sie an "
                "datenschutz@brunnhof-mode.example.</p>",
            ),
            textmedia_el(
                2414,
                "Telefonisch bestellen",
                "<p>Rufen Sie uns unter <strong>0661 480 27 50</strong> an, montags bis samstags von 8 bis 20 Uhr "
                "und sonntags von 10 bis 16 Uhr. Halten Sie bitte die sechsstellige Artikelnummer und Ihre Größe "
                "bereit. Für die telefonische Bestellung berechnen wir keinen Aufpreis.</p>",
            ),
            textmedia_el(
                2415,
                "Per Post oder Fax bestellen",
                "<p>Füllen Sie die Bestellkarte aus dem Katalog aus und werfen Sie sie in den nächsten Briefkasten; "
                "<strong>das Porto zahlt Brunnhof</strong>. Sie können uns Ihre Bestellung auch in einem Brief "
                "schicken oder per Fax an 0661 480 27 59.</p>",
            ),
            text_el(
                2416,
                "Bezahlen bei Katalogbestellungen",
                "<ul><li>Bei Bestellungen per Telefon, Post oder Fax kaufen Sie in der Regel auf Rechnung.</li>"
                "<li>Auf Wunsch buchen wir per SEPA-Lastschrift ab oder Sie zahlen per Vorkasse.</li>"
                "<li>Die Brunnhof-Monatsrate können Sie auch am Telefon vereinbaren.</li></ul>",
                space="frame-space-before-small",
            ),
        ]
    ),
    "Bestellen per Telefon, Post und Katalog",
)


PAGES_WRAPPED = {
    "versand-lieferzeiten.md": VERSAND,
    "ruecksendung-umtausch.md": RUECKSENDUNG,
    "passform-groessenberatung.md": PASSFORM,
    "widerrufsbelehrung.md": WIDERRUF,
    "datenschutz-anfragen.md": DATENSCHUTZ,
}
PAGES_PLAIN = {
    "rueckerstattung.md": RUECKERSTATTUNG,
    "faq-bestellung-kundenkonto.md": FAQ,
    "servicepreise-uebersicht.md": SERVICEPREISE,
    "rechnung-ratenzahlung.txt": RECHNUNG_TXT,
    "kontakt-servicezeiten.txt": KONTAKT_TXT,
    "lieferung-ausland.html": AUSLAND,
    "zahlungsarten.html": ZAHLUNG,
    "groessentabelle-damen.html": GROESSEN,
    "katalog-telefonbestellung.html": KATALOG,
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, source in PAGES_WRAPPED.items():
        (OUT / name).write_text(render_wrapped(source), encoding="utf-8")
    for name, text in PAGES_PLAIN.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(PAGES_WRAPPED) + len(PAGES_PLAIN)} pages to {OUT}")


if __name__ == "__main__":
    main()
