"""The words of a text, for finding a question's terms in it: normalized forms, their
clitic-free bases, and consonant keys that match names typed in Latin letters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from agent.text.arabic import clitic_bases, tokens
from agent.text.lexicon import ordered, table

_AR_CONSONANT = table("name_consonants_ar", str, normalize=False)
# The Latin side of agent/lexicons/name_consonants_ar.txt: digraphs first, then letters.
_EN_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("kh", "k"), ("gh", "j"), ("th", "t"), ("dh", "d"),
                ("ph", "f"), ("ck", "k"), ("ou", "u"))
_EN_CONSONANT = dict(zip("bptdjghkqclmnrszfvxS", "bbtdjjhkkklmnrszffkS", strict=True))
_ARTICLE = "ال"  # the definite article, dropped before keying a name
_SUFFIXES = ordered("term_suffixes_ar")


def _collapse(chars: Iterable[str]) -> str:
    out: list[str] = []
    for ch in chars:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _with_variant(key: str) -> frozenset[str]:
    """A final h is often teh marbuta or a silent ending: keep both forms."""
    keys = {key}
    if key.endswith("h") and len(key) > 2:
        keys.add(key[:-1])
    return frozenset(k for k in keys if len(k) >= 2)


def ar_keys(word: str) -> frozenset[str]:
    """Consonant keys of a normalized Arabic word, the definite article dropped."""
    base = word[2:] if word.startswith(_ARTICLE) and len(word) > 4 else word
    return _with_variant(_collapse(_AR_CONSONANT[ch] for ch in base if ch in _AR_CONSONANT))


def en_keys(word: str) -> frozenset[str]:
    """Consonant keys of a Latin-script word ('Zaid' -> 'zd', 'Saleh' -> 'slh')."""
    w = word.lower()
    for digraph, cls in _EN_DIGRAPHS:
        w = w.replace(digraph, cls)
    return _with_variant(_collapse(_EN_CONSONANT[ch] for ch in w if ch in _EN_CONSONANT))


def _stems(form: str) -> list[str]:
    """The form and, for an Arabic word, the form without each common suffix it ends with."""
    return [form] + [form[: -len(x)] for x in _SUFFIXES if form.endswith(x)]


@dataclass(frozen=True)
class Term:
    """One content word (or glossary phrase) of the question."""

    word: str
    forms: tuple[str, ...]  # normalized Arabic words or phrases to look for
    keys: frozenset[str]  # consonant keys, for a name typed in Latin letters
    start: int  # where it stands in the question
    end: int


class Words:
    """The words of a text, for looking up question terms: normalized forms, their clitic-free
    bases, and consonant keys."""

    def __init__(self, text: str) -> None:
        self.norm = " ".join(t.norm for t in tokens(text))
        self.bases: set[str] = set()
        self.keys: set[str] = set()
        for tok in tokens(text):
            for base in clitic_bases(tok.norm):
                self.bases.add(base)
                self.keys |= ar_keys(base)

    def has_form(self, form: str) -> bool:
        if " " in form:
            return f" {form} " in f" {self.norm} "
        if form in self.bases:
            return True
        # Suffixes (ات، ين، ون، ية) and attached pronouns differ between the question and the
        # article: a stem of 3+ letters may grow by up to 3.
        return any(len(stem) >= 3 and any(b.startswith(stem) and len(b) - len(stem) <= 3
                                          for b in self.bases) for stem in _stems(form))

    def has(self, term: Term, min_key: int = 3) -> bool:
        if any(self.has_form(f) for f in term.forms):
            return True
        return any(len(k) >= min_key and k in self.keys for k in term.keys)
