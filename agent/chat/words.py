"""The words of a text, for finding a question's terms in it: normalized forms, their
clitic-free bases, and consonant keys that match names typed in Latin letters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import Editop, Levenshtein

from agent.text.arabic import clitic_bases, tokens
from agent.text.lexicon import ordered, table

_AR_CONSONANT = table("name_consonants_ar", str, normalize=False)
# The Latin side of agent/lexicons/name_consonants_ar.txt: digraphs first, then letters.
# tch is one sound, as تش is: Nguetchewe, نغيتشيوي.
_EN_DIGRAPHS = (("tch", "S"), ("sh", "S"), ("ch", "S"), ("kh", "k"), ("gh", "j"), ("th", "t"),
                ("dh", "d"), ("dj", "j"), ("ph", "f"), ("ck", "k"), ("ou", "u"),  # dj: Djibouti
                ("ce", "s"), ("ci", "si"), ("cy", "sy"),  # a soft c: Prince, Nicosia, Cyprus
                ("x", "ks"))  # Axum, أكسوم
_EN_CONSONANT = dict(zip("bptdjghkqclmnrszfvxS", "bbtdjjhkkklmnrszffkS", strict=True))
_ARTICLE = "ال"  # the definite article, dropped before keying a name
_VOWEL = "A"  # marks a key taken from a word's first letter on, that letter a vowel
_SUFFIXES = ordered("term_suffixes_ar")
_POSSESSIVES = frozenset(ordered("possessive_suffixes_ar"))


def _collapse(classes: Iterable[str | None]) -> str:
    """Consonant classes with doubled letters written once: only letters that stand side by
    side (a vowel between keeps both: عدنان is d-n-n, Aden d-n; Serry and سيري both r)."""
    out: list[str] = []
    last: str | None = None
    for cls in classes:
        if cls is not None and cls != last:
            out.append(cls)
        last = cls
    return "".join(out)


def _with_variant(key: str) -> frozenset[str]:
    """A final h is often teh marbuta or a silent ending: keep both forms."""
    keys = {key}
    if key.endswith("h") and len(key) > 2:
        keys.add(key[:-1])
    return frozenset(k for k in keys if len(k) >= 2)


@cache  # an article repeats its words: every Words of it keys them again
def ar_keys(word: str) -> frozenset[str]:
    """Consonant keys of a normalized Arabic word, the definite article dropped. A name that
    begins with أل (ألاوسي) is normalized like one with the article, so the word whole is keyed
    too, marked as beginning with a vowel: it matches 'Alausí', not 'Loudji' (الجوي)."""
    keys = _ar_key(word)
    if word.startswith(_ARTICLE) and len(word) > 4:
        keys = _ar_key(word[2:]) | {_VOWEL + k for k in keys}
    return keys


def _ar_key(base: str) -> frozenset[str]:
    base = base.replace("تش", "ش")  # كراتشي: Arabic writes the ch of Karachi, Chad, as تش
    keys = _with_variant(_collapse(_AR_CONSONANT.get(ch) for ch in base))
    # A teh marbuta before a second word is read t: معرة النعمان is Maarat al-Numan.
    return keys | {k[:-1] + "t" for k in keys if base.endswith("ه") and k.endswith("h")
                   and len(k) > 2}


def en_keys(word: str) -> frozenset[str]:
    """Consonant keys of a Latin-script word ('Zaid' -> 'zd', 'Saleh' -> 'slh')."""
    w = "".join(ch for ch in unicodedata.normalize("NFKD", word.lower())
                if not unicodedata.combining(ch))  # Nzérékoré is Nzerekore
    w = w.removesuffix("'s").removesuffix("’s")  # Bobi Wine's is Bobi Wine
    forms = [w, w.replace("v", "")]  # a v is ف, or و in Persian and Turkish names (Vahidi)
    if "jh" in w or "bh" in w:  # Indian names: Jhansi, جانسي; Bhopal, بوبال
        forms.append(w.replace("jh", "j").replace("bh", "b"))
    if w.endswith("nt") and len(w) > 3:  # a French silent t: Pont, بون; Dupont, دوبون
        forms.append(w[:-1])
    if "g" in w:  # a g written ق (Agok, أقوك), as in Sudanese and Egyptian names
        forms.append("gh".join(part.replace("g", "q") for part in w.split("gh")))
    if "dh" in w:  # the dh of Edhi is د and ه (إيدهي), not ذ
        forms.append(w.replace("dh", "d-h"))
    if "dj" in w:  # the French dj is ج (Djerba, جربة) or دج (Podji, بودجي)
        forms.append(w.replace("dj", "d-j"))
    if "j" in w or "z" in w:  # Spanish: j is خ (Jalisco), z is س or ث (Juárez, خواريث),
        # and the h of 'hua' is silent (Zihuatanejo, سيواتانيخو)
        spanish = re.sub(r"h(?=u[aeio])", "", w).replace("j", "kh")
        forms += [spanish.replace("z", "s"), spanish.replace("z", "th")]
    if "x" in w:  # Chinese pinyin: x is ش (Alxa, ألشا; Xinjing, شينجينغ)
        forms.append(w.replace("x", "sh"))
    if re.search(r"(?<=[iny])c[ae]$", w):  # a Slavic ending: c is تس (Kuźnica, كوزنيتسا)
        forms.append(w[:-2] + "ts" + w[-1])
    if len(w) > 5 and w.startswith(("al", "el")):  # the article written as one word: Alfassi
        forms.append(w[2:])
    keys = frozenset().union(*(_with_variant(_collapse(
        _EN_CONSONANT.get(ch) for ch in _digraphs(f))) for f in forms))
    return keys | {_VOWEL + k for k in keys} if w[:1] in "aeiou" else keys


def _digraphs(word: str) -> str:
    for digraph, cls in _EN_DIGRAPHS:
        word = word.replace(digraph, cls)
    return word


def _stems(form: str) -> list[str]:
    """The form and, for an Arabic word, the form without each common suffix it ends with."""
    return [form] + [form[: -len(x)] for x in _SUFFIXES if form.endswith(x)]


def _grown(word: str, bases: Iterable[str], whole: bool = True) -> bool:
    """Suffixes (ات، ين، ون، ية) and attached pronouns differ between the question and the
    article: a stem of 3+ letters of the word (the whole word too, unless `whole` is False) may
    grow by up to 3 in one of the bases ('شرطي' is found in «شرطة إسلام آباد» as 'شرطة')."""
    stems = _stems(word) if whole else _stems(word)[1:]
    return any(len(stem) >= 3 and any(b.startswith(stem) and len(b) - len(stem) <= 3
                                      for b in bases) for stem in stems)


def _owned(word: str, tok: str) -> bool:
    """The token is the word, or the word with a possessive pronoun ('بلديتها' is بلدية)."""
    stem = word[:-1] + "ت" if word.endswith("ه") else word
    return tok == word or (tok.startswith(stem) and tok[len(stem):] in _POSSESSIVES)


@dataclass(frozen=True)
class Term:
    """One content word (or glossary phrase) of the question."""

    word: str
    forms: tuple[str, ...]  # normalized Arabic words or phrases to look for
    keys: frozenset[str]  # consonant keys, for a name typed in Latin letters
    start: int  # where it stands in the question
    end: int


@cache
def _bases_and_keys(word: str) -> tuple[frozenset[str], frozenset[str]]:
    bases = clitic_bases(word)
    return frozenset(bases), frozenset(k for b in bases for k in ar_keys(b))


class Words:
    """The words of a text, for looking up question terms: normalized forms, their clitic-free
    bases, and consonant keys."""

    def __init__(self, text: str) -> None:
        toks = [t.norm for t in tokens(text)]
        self.norm = " ".join(toks)
        # 'كوتوبالونغ-بالوخالي': each part of a hyphenated name is a word of its own too.
        parts = [p for t in toks if "-" in t for p in t.split("-") if p]
        self.bases: set[str] = set()
        self.keys: set[str] = set()
        for tok in {*toks, *parts}:
            bases, keys = _bases_and_keys(tok)
            self.bases |= bases
            self.keys |= keys
        # A name Latin letters write as one word that Arabic writes as two (Qaraqosh, قره قوش):
        # the two words' keys joined, matched exactly.
        self.joined = {a + b for x, y in pairwise(toks)
                       if x.isalpha() and y.isalpha()
                       for a in ar_keys(x) for b in ar_keys(y.removeprefix(_ARTICLE))}

    def has_form(self, form: str) -> bool:
        if " " in form:  # a phrase: its words in a row, each maybe with a clitic (للصليب الأحمر)
            if f" {form} " in f" {self.norm} ":
                return True
            first, *rest = form.split()
            toks = self.norm.split()
            firsts = [_bases_and_keys(t)[0] for t in toks]
            return any((first in b or _grown(first, b, whole=False)) and len(toks) - i > len(rest)
                       and all(_owned(w, toks[i + 1 + k]) for k, w in enumerate(rest))
                       for i, b in enumerate(firsts))
        if form in self.bases:
            return True
        if form.startswith(_ARTICLE) and len(form) > 4 and form[2:] in self.bases:
            return True  # 'الصحة' is 'صحة' in a construct ('دائرة صحة ذي قار')
        return _grown(form, self.bases)

    def has(self, term: Term, min_key: int = 3) -> bool:
        if any(self.has_form(f) for f in term.forms):
            return True
        return any(len(k) >= min_key and (self.has_key(k) or (len(k) >= 4 and k in self.joined))
                   for k in term.keys)

    def has_key(self, key: str) -> bool:
        """A consonant key of the text equals the key or is one tolerated edit away from it."""
        if key in self.keys:
            return True
        if len(key) < 3:
            return False
        near = process.extract(key, self.keys, scorer=Levenshtein.distance, score_cutoff=1,
                               limit=None)
        return any(similar_keys(key, other) for other, _, _ in near)


# Consonant classes that Latin spellings of one Arabic letter land in: g is ج, غ or ق (Egyptian
# and Somali g); s and sh; t and d (Latakia, اللاذقية); z and s or d (ز، ظ، ذ).
_CONFUSABLE = {frozenset(pair) for pair in ("jk", "sS", "td", "sz", "dz", "tS")}


def similar_keys(a: str, b: str) -> bool:
    """Two consonant keys name the same word: equal, or one confusable letter apart when both
    have 3+ letters ('Mogadishu' and مقديشو, 'Latakia' and اللاذقية), or one letter dropped
    when both have 4+; a key marked as beginning with a vowel only equal. Real names and near
    misses: tests/test_translit.py."""
    if a == b:
        return True
    if _VOWEL in a + b or min(len(a), len(b)) < 3 or Levenshtein.distance(a, b) != 1:
        return False
    op = Levenshtein.editops(a, b)[0]
    assert isinstance(op, Editop)
    if op.tag == "replace":
        return frozenset((a[op.src_pos], b[op.dest_pos])) in _CONFUSABLE
    return min(len(a), len(b)) >= 4
