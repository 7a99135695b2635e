"""The light German stemmer and the word forms that put separable verbs together again."""

from __future__ import annotations

import pytest

from heine_ai.text import light_stem, unfold_infix, word_forms


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        (("zurückschicken", "zurückzuschicken", "Zurückschicken"), "zuruckschick"),
        (("Lieferung", "Lieferungen", "liefern"), "liefer"),
        (("Rücksendung", "Rücksendungen"), "rucksend"),
        (("Umtausch", "umtauschen"), "umtausch"),
    ],
)
def test_the_forms_of_one_word_share_a_light_stem(words: tuple[str, ...], stem: str) -> None:
    assert {light_stem(word) for word in words} == {stem}


def test_a_short_word_keeps_its_letters() -> None:
    assert light_stem("Frist") == "frist"
    assert light_stem("Paket") == "paket"
    assert light_stem("Gutschein") == "gutschein"


def test_the_zu_infix_of_a_separable_verb_is_removed() -> None:
    assert unfold_infix("zuruckzuschicken") == "zuruckschicken"
    assert unfold_infix("einzugeben") == "eingeben"
    assert unfold_infix("anzug") == "anzug"  # a noun, no infinitive


def test_a_particle_at_the_end_of_a_clause_joins_its_verb() -> None:
    assert "zuruckschicke" in word_forms("Das Kleid passt nicht. Wie schicke ich es zurück?")
    assert "anmelde" in word_forms("Wie melde ich mich an?")
    # a particle inside the clause is a preposition: nothing is joined
    assert not [
        form for form in word_forms("Ich habe es an die Adresse geschickt") if form.startswith("an") and form != "an"
    ]


def test_a_particle_joins_only_words_of_its_own_clause() -> None:
    forms = word_forms("Ich schicke Ihnen die Nummer, sie kam zurück")
    assert "zuruckkam" in forms and "zuruckschicke" not in forms
