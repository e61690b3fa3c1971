"""The model's part: the prompt it answers from, and the check that keeps its reply only when
every citation, number and name in it holds up against the lines it was given."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agent.chat.answers import Answer, Citation, unanswerable
from agent.chat.context import Item, clip
from agent.chat.question import GLOSSARY, KNOWN_EN, Query, parse
from agent.chat.words import Term, Words, en_keys
from agent.model.llm import LLM, Message
from agent.model.prompts import render
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import ordered, table

MAX_TOKENS = 160  # two or three cited sentences; the 1.5B model writes ~14 tokens/s
_CITE = re.compile(r"\[(\d+)\]")
_SCALES = table("reply_number_scales", int)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\s*(?:" + "|".join(map(re.escape, _SCALES)) + r"))?")
_NOT_SAID = ordered("reply_not_said", normalize=False)


def prompt(q: Query, items: list[Item], history: list[tuple[str, str]] | None) -> list[Message]:
    """The instructions and a worked example come first and never change, so llama.cpp keeps
    them in its KV cache; the lines and the question follow."""
    return render("answer", items=items, question=q.text,
                  language="English" if q.lang == "en" else "Arabic",
                  # The last exchange only, clipped: every token delays the answer. Its [n]
                  # pointed at other lines: drop them.
                  history=[(asked, clip(_CITE.sub("", said))) for asked, said in
                           (history or [])[-1:]])


def model_reply(llm: LLM, messages: list[Message]) -> Iterator[str]:
    """The reply in pieces as the model writes them (all at once when it cannot stream)."""
    stream = getattr(llm, "stream", None)
    if stream is None:
        yield llm.complete(messages, max_tokens=MAX_TOKENS)
    else:
        yield from stream(messages, max_tokens=MAX_TOKENS)


def numbers(text: str) -> set[int]:
    """Every number written in digits (Western or Eastern): '130 ألف' gives 130 and 130000,
    '130,000' gives 130000."""
    out = set()
    for m in _NUMBER.finditer(norm(text)):
        raw = re.match(r"[\d.,]*\d", m.group(0))
        assert raw is not None
        digits = raw.group(0)
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
            digits = digits.replace(",", "")
        try:
            value = float(digits.replace(",", "."))
        except ValueError:
            continue
        out.add(int(value))
        scale = _SCALES.get(m.group(0)[raw.end():].strip())
        if scale:
            out.add(int(value * scale))
    return out


def norm_digits(text: str) -> str:
    """Eastern digits inside citation marks to Western ones, so [١] cites like [1]."""
    return re.sub(r"\[([٠-٩]+)\]", lambda m: f"[{norm(m.group(1))}]", text)


def check(reply: str, q: Query, items: list[Item], article: Words) -> Answer | None:
    """The model's reply as a cited Answer, or None when it does not hold up.

    Citations must point at given lines; a reply without any is attributed by code to the
    lines holding its words and numbers. Every number must stand in the cited lines, and every
    name of an English reply in the article.
    """
    text = norm_digits(reply.strip())
    if not text or any(phrase in text.lower() for phrase in _NOT_SAID):
        return unanswerable(q.lang)
    by_n = {i.n: i for i in items}
    cited = list(dict.fromkeys(int(n) for n in _CITE.findall(text)))
    if any(n not in by_n for n in cited):
        return None
    body = _CITE.sub(" ", text)
    if not cited:
        cited = _attribute(body, items)
        if not cited:
            return None
        marks = "".join(f"[{n}]" for n in cited)
        text = re.sub(r"\s*([.。!؟?]?)\s*$", lambda m: f" {marks}{m.group(1)}", text, count=1)
    support = " ".join(f"{by_n[n].line} {by_n[n].quote.text}" for n in cited)
    if not numbers(body) <= numbers(support) or _unsupported_names(body, article, q):
        return None
    renumber = {n: k for k, n in enumerate(cited, 1)}
    final = _CITE.sub(lambda m: f"[{renumber[int(m.group(1))]}]", text)
    citations = [Citation(n=renumber[n], fact_id=by_n[n].fact_id, kind=by_n[n].kind,
                          quote=by_n[n].quote) for n in cited]
    return Answer(text=final, citations=citations, language=q.lang, source="model")


def _attribute(body: str, items: list[Item]) -> list[int]:
    """The line that holds most of the reply's words and numbers (none when no line does)."""
    said = parse(body)
    wanted = numbers(body)
    best, best_score = None, 0
    for item in items:
        words = Words(f"{item.line} {item.quote.text}")
        score = sum(words.has(t, min_key=2) for t in said.terms)
        if wanted and wanted <= numbers(f"{item.line} {item.quote.text}"):
            score += len(wanted)
        if score > best_score:
            best, best_score = item.n, score
    return [best] if best is not None and best_score >= 2 else []


def _unsupported_names(text: str, article: Words, q: Query) -> list[str]:
    """Names in the reply that neither the article nor the question contains: invented.

    In English, a capitalized word inside a sentence is a name; any Arabic word in an English
    reply is a copy and must be found.
    """
    asked = Words(q.text)
    bad = []
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        before = text[:m.start()].rstrip()
        low = m.group(0).lower()
        if not before or before[-1] in ".!?:\n" or (low in KNOWN_EN and low not in GLOSSARY):
            continue
        gloss = GLOSSARY.get(low)
        term = Term(low, gloss.forms, frozenset(), 0, 0) if gloss else Term(
            low, (), en_keys(low), 0, 0)
        if not (article.has(term, min_key=2) or asked.has(term, min_key=2)
                or low in q.text.lower()):
            bad.append(m.group(0))
    if q.lang == "en":
        bad += [t.text for t in tokens(text) if not t.text.isascii()
                and not any(article.has_form(b) for b in clitic_bases(t.norm))]
    return bad
