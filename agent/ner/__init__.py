"""Arabic named entities (PERS, ORG, LOC, MISC) from a CRF trained on ANERcorp.

    >>> from agent.ner import entities
    >>> entities("قال الرئيس محمود عباس في رام الله ...")
    [(11, 21, 'PERS'), (25, 33, 'LOC')]

``tag(tokens)`` gives BIO labels for tokens you already have; ``entities(text)`` tokenizes raw
text itself and returns CHARACTER offsets into that text (``text[start:end]`` is the entity as
written, diacritics and all). Clitics stay attached as in ANERcorp: in "لإسرائيل" the whole
token is the LOC span. The model and its lexicon ship in this package and load once, lazily.
Self-contained: imports nothing else from ``agent`` (see README.md for scores and credits).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from importlib import resources
from typing import Any

from agent.ner.features import Lexicon, normalize, sentence_features, strip_clitics

__all__ = ["MODEL_FILE", "entities", "labels", "propagate", "seen", "spans", "tag", "tokenize"]

MODEL_FILE = "anercorp.crfsuite"
LEXICON_FILE = "anercorp.lex.json.gz"

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
# A number (with decimals, thousands separators, percent), a word (letters, digits, diacritics,
# tatweel), or any other single non-space character (punctuation).
_TOKEN_RE = re.compile(
    rf"\d+(?:[.,٫٬]\d+)*[%٪]?|[\w{_MARKS}]+|[^\s]",
)
_SENT_END = {".", "!", "?", "؟", "…"}
_MAX_SENT = 200  # very long runs without a full stop are cut, as a CRF's cost is per sequence

_lock = threading.Lock()
_model: tuple[Any, Lexicon, bytes] | None = None


def _load() -> tuple[Any, Lexicon]:
    global _model
    if _model is None:
        import pycrfsuite

        pkg = resources.files(__name__)
        blob = (pkg / MODEL_FILE).read_bytes()
        lex = Lexicon.from_bytes((pkg / LEXICON_FILE).read_bytes())
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(blob)
        _model = (tagger, lex, blob)  # keep the bytes alive as long as the tagger
    return _model[0], _model[1]


def seen(word: str) -> int:
    """How often the word, as written (marks and letter variants folded), occurs in the
    labeller's training text: 0 for a word of another language's name ('واتربو' less its و)."""
    return _load()[1].freq.get(normalize(word), 0)


def labels(word: str) -> dict[str, int]:
    """How often the word was labelled each entity type in training ('وليام': PERS once);
    empty for a word never part of a name there."""
    return dict(_load()[1].labels.get(normalize(word), {}))


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for each token of ``text``; ``text[start:end] == token``."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _sentences(tokens: Sequence[str]) -> list[tuple[int, int]]:
    out = []
    start = 0
    for i, t in enumerate(tokens):
        if t in _SENT_END or i + 1 - start >= _MAX_SENT:
            out.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out


def tag(tokens: Sequence[str], consistent: bool = True) -> list[str]:
    """BIO labels for ``tokens`` (B-PERS, I-ORG, O, ...), one article (or any text) at a time.

    The CRF runs sentence by sentence, split at full stops as in training. With ``consistent``
    (the default), a PERS or ORG name found anywhere in ``tokens`` is then also labelled where
    the same words occur untagged elsewhere in them (a clitic on the first word is allowed), as
    a news article names the same actors again. Deterministic.
    """
    import pycrfsuite

    if not tokens:
        return []
    tagger, lex = _load()
    labels: list[str] = []
    for a, b in _sentences(tokens):
        feats = sentence_features(tokens[a:b], lex)
        with _lock:
            labels.extend(tagger.tag(pycrfsuite.ItemSequence(feats)))
    return propagate(tokens, labels) if consistent else labels


PROPAGATED = ("PERS", "ORG")  # LOC lost precision on the dev split when propagated


def propagate(tokens: Sequence[str], labels: Sequence[str]) -> list[str]:
    """Label untagged repeats of the PERS/ORG names found in ``tokens`` (longest names first;
    a name seen with several types takes its most frequent one, ties by type order)."""
    norm = [normalize(t) for t in tokens]
    stem = [strip_clitics(n)[1] for n in norm]
    counts: dict[tuple[str, ...], dict[str, int]] = {}
    for a, b, t in spans(labels):
        if t in PROPAGATED:
            key = (stem[a], *norm[a + 1:b])
            counts.setdefault(key, {}).setdefault(t, 0)
            counts[key][t] += 1
    out = list(labels)
    n = len(tokens)
    for key in sorted(counts, key=lambda k: (-len(k), k)):
        typ = max(PROPAGATED, key=lambda t: counts[key].get(t, 0))
        size = len(key)
        for i in range(n - size + 1):
            if stem[i] != key[0] and norm[i] != key[0]:
                continue
            if tuple(norm[i + 1:i + size]) != key[1:]:
                continue
            if any(lab != "O" for lab in out[i:i + size]):
                continue
            if i + size < n and out[i + size].startswith("I-"):
                continue
            out[i] = "B-" + typ
            for j in range(i + 1, i + size):
                out[j] = "I-" + typ
    return out


def spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans [start, end) with their type from BIO labels (an I- without a B- of the same
    type opens a new entity, as in conlleval)."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        prefix, t = (lab[0], lab[2:]) if lab != "O" else ("O", "")
        if typ and (prefix != "I" or t != typ):
            out.append((start, i, typ))
            typ = ""
        if prefix == "B" or (prefix == "I" and t != typ):
            start, typ = i, t
    return out


def entities(text: str, types: Sequence[str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of the named entities in ``text``, in text order.

    ``label`` is PERS, ORG, LOC or MISC; pass ``types`` (e.g. ``("PERS", "ORG", "LOC")``) to
    keep only some. ``text[start:end]`` is the entity exactly as written in ``text``.
    """
    toks = tokenize(text)
    if not toks:
        return []
    labels = tag([t for t, _, _ in toks])
    out = []
    for a, b, t in spans(labels):
        if types is None or t in types:
            out.append((toks[a][1], toks[b - 1][2], t))
    return out
