"""Whether a figure or a sentence comes from the source a question names ('according to the
health ministry'): the source the extraction ties a figure to, with the other names and the title
the article gives it, else the speakers of its sentence, else the lead's source."""

from __future__ import annotations

import re

from agent.chat.attributes import Evidence
from agent.chat.facts import Facts
from agent.chat.words import Term, Words
from agent.text.arabic import norm, tokens
from agent.text.lexicon import words
from schemas import Actor, ActorType


def from_source(fx: Facts, ev: Evidence, sources: list[Term]) -> bool:
    """Every word of the source is in the evidence. An English word with no Arabic form known
    is a vocabulary gap, not a source the article lacks: it is not required."""
    # A Latin word too short to key ('Olu' of 'Sanwo-Olu') cannot be looked for either.
    required = [t for t in sources if t.forms or (t.word[:1].isupper() and t.keys)
                or not t.word.isascii()]
    if not required:
        return True
    # A figure's source is the one the extraction ties it to, when it ties one: its sentence
    # may name another ('MSF denied Ocampo's 5,000' is Ocampo's figure, not MSF's).
    given = reported = getattr(ev.fact.obj, "reported_by", None) if ev.fact is not None else None
    if reported and not _is_actor(fx, reported):
        reported = None  # a source cut to a common word ('المركز', 'آخر'): read the sentence
    if reported and ev.fact is not None and _POSSESSED.search(norm(reported)):
        # «المتحدث باسمها», «رئيس بعثتها»: the body named last before the figure is the owner.
        reported += " " + _owner(fx, ev.fact.quote.start)
    said = Words(_with_aliases(fx, reported) if reported else " ".join(
        [ev.sentence, *(_with_aliases(fx, s) for s in _speakers(fx, ev.sentence))]))
    if given is None and ev.fact is not None and ev.fact.kind == "casualty" and not any(
            said.has(t, min_key=2) for t in required):
        # A figure no one is said to give is the article's own: its lead's source ('أفاد مكتب
        # أوتشا في تحديثه …' over an update's figures); not one «دبلوماسيون عرب» gave.
        said = Words(" ".join(s.text for s, _ in fx.lead))
    found = sum(said.has(t, min_key=2) for t in required)
    # A question words the source its own way ("the city's health office director" for مدير
    # مكتب الصحة في صنعاء, 'حاكم ولاية كاتسينا' for حاكم الولاية): most words must be there
    # (in Arabic all but one in three: 'وزارة الصحة' is not 'وزارة الداخلية').
    if required[0].word.isascii():  # and the head ('Sudan's health ministry' is a ministry)
        # "the prosecutor's office" is the prosecutor's: Arabic names the owner (النيابة العامة).
        owner = required[-2] if len(required) > 1 and required[-1].word.lower() == "office" and (
            required[-2].end - required[-2].start > len(required[-2].word)) else None  # "'s"
        return 2 * found >= len(required) and any(
            said.has(t, min_key=2) for t in (required[-1], owner) if t is not None)
    return found >= len(required) - len(required) // 3  # Arabic copies more of the words


def _speakers(fx: Facts, sentence: str) -> list[str]:
    """Who speaks in the sentence, as the extraction resolved them («وأضاف الرئيس» is the
    president the article named before)."""
    at = fx.article.find(sentence)
    said = [st for st in fx.extraction.statements if at >= 0
            and any(at <= e.start < at + len(sentence) for e in st.evidence)]
    if not said and at >= 0 and any(t.norm.removeprefix("و").removeprefix("ب") in _ISSUED
                                    for t in tokens(sentence)):
        # «وبحسب البيان، فإن …»: the statement is that of the last one who spoke before.
        said = [st for st in fx.extraction.statements if st.evidence[0].end <= at][-1:]
    # «وقال الوزير»: the actor the extraction tied the speaker to, with its title, or the last
    # person before the words whose title holds the speaker's one word («وزير الصحة سيزار
    # باسكيث»).
    ids = {st.speaker_id or _titled_before(fx, st.speaker, st.evidence[0].start) for st in said}
    return [*(st.speaker for st in said), *(x for a in fx.extraction.actors if a.id in ids
                                             for x in (a.name, a.title or ""))]


_ISSUED = {"ال" + w for w in words("issued_documents")}


def _titled_before(fx: Facts, speaker: str, at: int) -> str | None:
    parts = norm(speaker).split()
    if len(parts) != 1 or not parts[0].startswith("ال"):
        return None
    title = parts[0][2:]
    named = [(e.start, a.id) for a in fx.extraction.actors if a.type == ActorType.person
             and title in norm(a.title or "").split() for e in a.evidence if e.start < at]
    return max(named)[1] if named else None


_POSSESSED = re.compile(
    r"(?:^|\s)(?:باسم|بعثت|رئيس|مدير|متحدث|مكتب|وزير|فريق|مسؤول)(?:ها|ه)(?:\s|$)")
_BODIES = {ActorType.organization, ActorType.state, ActorType.state_forces,
           ActorType.international_organization, ActorType.armed_group}


def _owner(fx: Facts, at: int) -> str:
    """The name of the body the article names last before `at` ('' if none)."""
    named = [(e.end, a.name) for a in fx.extraction.actors if a.type in _BODIES
             for e in a.evidence if e.end <= at]
    return max(named)[1] if named else ""


def _is_actor(fx: Facts, name: str) -> bool:
    """The words name an actor the extraction found (not a common word it was cut to)."""
    key = norm(name)
    return any(key == norm(n) or (len(key.split()) > 1 and key in norm(n)) or norm(n) in key
               for a in fx.extraction.actors for n in (a.name, *a.aliases))


def _with_aliases(fx: Facts, name: str) -> str:
    """The source's name with the other names and the title the article gives it ('…
    (أوتشا)'; 'أتسباها' is the region's health adviser)."""
    key = f" {norm(name)} "
    return " ".join([name, *(x for a in fx.extraction.actors if _same_source(a, key)
                             for x in (a.name, *a.aliases, a.title or "", a.affiliation or ""))])


def _same_source(actor: Actor, key: str) -> bool:
    """The actor is the source `key` names: by its whole name or one of its aliases ('الدفاع
    المدني' for 'الدفاع المدني السوري'), or a person by part of it."""
    own = f" {norm(actor.name)} "
    return own == key or any(f" {norm(a)} " == key for a in actor.aliases) or (
        actor.type == ActorType.person and (own in key or key in own or any(
            f" {norm(a)} " in key for a in actor.aliases if len(norm(a)) > 3)))
