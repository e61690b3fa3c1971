"""Token features for the ANERcorp sequence labeller.

Everything here is a pure function of the tokens of one sentence plus an optional lexicon
learned from the TRAINING part of ANERcorp only (see ``Lexicon``). Diacritics and tatweel are
stripped and Eastern digits mapped to Western ones for features only; the tokens themselves
(and so any character offsets) are never changed.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Arabic harakat, Quranic annotation marks, superscript alef, tatweel, zero-width (non-)joiners
# and direction marks.
_STRIP_RE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]"
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN_RE = re.compile("[A-Za-z]")
_DIGIT_RE = re.compile("[0-9]")

TYPES = ("PERS", "ORG", "LOC", "MISC")


def strip_marks(token: str) -> str:
    """Remove diacritics, tatweel and zero-width marks; map Eastern digits to 0-9."""
    return _STRIP_RE.sub("", token).translate(_DIGITS)


def normalize(token: str) -> str:
    """The feature form of a token: marks stripped, alef/ya/ta-marbuta variants folded."""
    return strip_marks(token).translate(_LETTERS).lower()


def strip_clitics(word: str) -> tuple[str, str]:
    """Split proclitics (و ف, then ب ل ك, then ال; لل = ل + ال) off a normalized word.

    Returns (prefix-pattern, stem). Conservative: the stem keeps at least 2 letters, so short
    words are left alone. A name that starts with و (وليد) is also split: the CRF sees both
    the whole word and the stem and decides.
    """
    pre = []
    w = word
    if len(w) > 3 and w[0] in "وف":
        pre.append(w[0])
        w = w[1:]
    if len(w) > 3 and w.startswith("لل"):
        pre.append("ل+ال")
        return "+".join(pre), w[2:]
    if len(w) > 3 and w[0] in "بلك":
        pre.append(w[0])
        w = w[1:]
    if len(w) > 3 and w.startswith("ال"):
        pre.append("ال")
        w = w[2:]
    return "+".join(pre), w


def shape(token: str) -> str:
    if _ARABIC_LETTER_RE.search(token):
        return "AR" if not _DIGIT_RE.search(token) else "ARD"
    if _LATIN_RE.search(token):
        return "LAT"
    if _DIGIT_RE.search(token):
        return "NUM" if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)*%?", token) else "DIGX"
    return "PUNCT"


@dataclass
class Lexicon:
    """What the labeller knows from training text: per-word label counts and word frequency.

    ``labels[word]`` maps an entity type (or "O") to how often a token with that normalized form
    (or that clitic-stripped stem, under the "s:" key prefix) was labelled so in training.
    """

    labels: dict[str, dict[str, int]] = field(default_factory=dict)
    freq: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, sentences: Iterable[Sequence[tuple[str, str]]]) -> Lexicon:
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        freq: Counter[str] = Counter()
        for sent in sentences:
            for tok, tag in sent:
                n = normalize(tok)
                t = tag[2:] if tag != "O" else "O"
                labels[n][t] += 1
                labels["s:" + strip_clitics(n)[1]][t] += 1
                if tag != "O":
                    labels["b:" + n][tag[0]] += 1
                freq[n] += 1
                freq["s:" + strip_clitics(n)[1]] += 1
        # Keep only entries that ever were an entity: "O"-only words carry no gazetteer signal.
        kept = {w: dict(c) for w, c in labels.items() if any(k != "O" for k in c)}
        # Per-type rows of a word that was an entity in training; its B/I row is kept as well.
        return cls(labels=kept, freq=dict(freq))

    def save(self, path: Path) -> None:
        data = {"labels": self.labels, "freq": self.freq}
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        # mtime=0: the same lexicon always gives the same bytes.
        path.write_bytes(gzip.compress(raw.encode("utf-8"), mtime=0))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Lexicon:
        data = json.loads(gzip.decompress(blob).decode("utf-8"))
        return cls(labels=data["labels"], freq=data["freq"])

    def gaz(self, key: str) -> list[str]:
        c = self.labels.get(key)
        if not c:
            return []
        total = sum(c.values())
        out = []
        for t in TYPES:
            n = c.get(t, 0)
            if n and n / total >= 0.3:
                out.append(t if n / total >= 0.6 else t + "?")
        return out


@dataclass(frozen=True)
class FeatureConfig:
    window: int = 2
    affixes: int = 3
    gazetteer: bool = True
    frequency: bool = True
    bigrams: bool = True
    ngrams: int = 0  # character n-grams of the stem (0: none)
    nb_affixes: bool = False  # suffix/prefix of the +-1 neighbours
    gaz_bio: bool = False  # lexicon also says whether a word begins or continues an entity
    unk: bool = True  # a word (stem) not in the lexicon's vocabulary is w=<UNK> (st=<UNK>)


DEFAULT_CONFIG = FeatureConfig()


def _token_feats(tok: str, lex: Lexicon | None, cfg: FeatureConfig) -> dict[str, list[str]]:
    """Per-token features, grouped: 'core' is used for the token itself only, 'ctx' also for
    neighbours (with an offset prefix)."""
    s = strip_marks(tok)
    n = normalize(tok)
    pre, stem = strip_clitics(n)
    shp = shape(s)
    known = True
    w_f, st_f = "w=" + n, "st=" + stem
    if cfg.unk and lex is not None and shp in ("AR", "LAT"):
        known = n in lex.freq
        if not known:
            w_f = "w=<UNK>"
        if "s:" + stem not in lex.freq:
            st_f = "st=<UNK>"
    ctx = [w_f, st_f, "sh=" + shp]
    core = [
        "pre=" + pre,
        "len=" + str(min(len(n), 8)),
    ]
    if s != n and known:
        core.append("raw=" + s)
    for k in range(1, cfg.affixes + 1):
        if len(n) > k:
            core.append(f"p{k}=" + n[:k])
            core.append(f"s{k}=" + n[-k:])
            if len(stem) > k:
                core.append(f"ss{k}=" + stem[-k:])
                core.append(f"sp{k}=" + stem[:k])
    if cfg.ngrams:
        padded = "<" + stem + ">"
        for k in range(2, cfg.ngrams + 1):
            for j in range(len(padded) - k + 1):
                core.append(f"g{k}=" + padded[j:j + k])
    if cfg.nb_affixes:
        ctx.extend(("ns2=" + n[-2:], "np2=" + n[:2], "nss2=" + stem[-2:]))
    if shp == "PUNCT":
        core.append("punct=" + s)
    if shp == "NUM":
        core.append("num")
        if len(s) == 4 and s.isdigit():
            core.append("year?")
    if lex is not None:
        if cfg.gazetteer:
            for g in lex.gaz(n):
                ctx.append("gz=" + g)
            for g in lex.gaz("s:" + stem):
                ctx.append("gzs=" + g)
            if cfg.gaz_bio:
                c = lex.labels.get("b:" + n)
                if c:
                    b = c.get("B", 0) / (c.get("B", 0) + c.get("I", 0))
                    ctx.append("gzb=" + ("B" if b >= 0.7 else "I" if b <= 0.3 else "BI"))
        if cfg.frequency and shp == "AR":
            f = lex.freq.get(n, 0)
            core.append("fq=" + str(min(int(math.log2(f + 1)), 6)))
    return {"core": core, "ctx": ctx}


def sentence_features(
    tokens: Sequence[str], lex: Lexicon | None = None, cfg: FeatureConfig = DEFAULT_CONFIG
) -> list[list[str]]:
    """One list of string features per token (python-crfsuite's attribute format)."""
    per = [_token_feats(t, lex, cfg) for t in tokens]
    norms = [f["ctx"][0][2:] for f in per]
    out: list[list[str]] = []
    n = len(tokens)
    for i in range(n):
        feats = ["bias", *per[i]["core"], *per[i]["ctx"]]
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        for d in range(1, cfg.window + 1):
            for j, tag in ((i - d, f"-{d}:"), (i + d, f"+{d}:")):
                if 0 <= j < n:
                    ctxf = per[j]["ctx"]
                    if d > 1:
                        ctxf = ctxf[:2]
                    feats.extend(tag + f for f in ctxf)
                else:
                    feats.append(tag + "PAD")
        if cfg.bigrams:
            if i > 0:
                feats.append("b-=" + norms[i - 1] + "|" + norms[i])
            if i < n - 1:
                feats.append("b+=" + norms[i] + "|" + norms[i + 1])
        out.append(feats)
    return out
