"""The English→Arabic glossary (agent/lexicons/glossary_en_ar.txt) as questions read it: no
glossary key takes a casualty or say word's role, and every key can be typed."""

from __future__ import annotations

from agent.chat.question import GLOSSARY, parse
from agent.text.lexicon import table, words
from schemas import CasualtyCategory


def test_casualty_and_say_words_keep_their_role() -> None:
    """The glossary is looked up before a word is read as a casualty category or a say word
    (agent/chat/question.py): a key that is also one of them would take its role."""
    for word, category in table("question_casualty_words_en", CasualtyCategory).items():
        q = parse(f"What about {word} there?")
        assert q.categories == {category} and not q.terms, word
    for word in words("question_say_words_en"):
        q = parse(f"What about {word} there?")
        assert q.say and not q.terms, word


def test_glossary_keys_are_words_a_question_can_hold() -> None:
    """The question's words are letters with an apostrophe at most ('sit-in' is read as two
    words), so a key with other characters could never match."""
    odd = [k for k in GLOSSARY if not all(w.replace("'", "").isalpha() for w in k.split(" "))]
    assert not odd
