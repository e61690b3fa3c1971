"""Finding the actors named in a range of the article: people after titles, groups by head noun or
proper name, and states that act, each as a Mention of the words that name it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.extract.actors.groups import group_end, name_end
from agent.extract.actors.kinds import classify, country_of
from agent.extract.actors.names import named_phrase
from agent.extract.actors.quotes import gap, is_quoted, passable
from agent.extract.actors.spans import clean
from agent.extract.actors.words import (
    ACTING_AFTER,
    ACTOR_VERBS,
    ADVERBS,
    BARE_OK,
    CAPITALS,
    CLOSED_CONNECTORS,
    CONNECTORS,
    COUNTRY_FORMS,
    GOVERNING,
    NAMED_GROUPS,
    ORG_HEADS,
    PLACE_WORDS,
    RELATIVE,
    STOP_WORDS,
    SUBJECT_AFTER,
    THING_HEADS,
    TIES,
    UNNAMED_SOURCES,
    bare,
    definite,
    in_lexicon,
    is_title_head,
    joined,
    key,
    unjoined,
)
from agent.extract.places import DESIGNATORS
from agent.text import lexicon
from agent.text.arabic import Token, clitic_bases, norm, tokens
from agent.text.doc import Doc
from agent.text.intervals import Ranges
from schemas import ActorType, Span

_HEADS = lexicon.words("anaphoric_heads")  # "للمنظمة" in a title: the body named before


@dataclass
class Mention:
    span: Span
    type: ActorType
    title: Span | None = None
    weak: bool = False  # a bare head or a name inside a title: evidence only, never an actor
    country: str | None = None  # the state a state, capital or national force stands for
    same_as: tuple[str, ...] | None = None  # an acronym merges with the name it shortens

    @property
    def key(self) -> tuple[str, ...]:
        return key(self.span.text)


def mention(doc: Doc, s: Span, kind: ActorType | None = None, title: Span | None = None
            ) -> Mention:
    kind = kind or classify(s.text)
    national = kind in (ActorType.state, ActorType.state_forces)
    return Mention(s, kind, title, country=country_of(s.text) if national else None)


def _groups(doc: Doc, toks: Sequence[Token]) -> list[Mention]:
    out = []
    i = 0
    while i < len(toks):
        w = toks[i].norm
        named = None
        for first in dict.fromkeys([bare(w), *clitic_bases(w)]):
            named = named or joined([first] + [x.norm for x in toks[i + 1 : i + 4]],
                                     NAMED_GROUPS)
        if named:  # "الأمم المتحدة"، "مجلس الأمن الدولي"، "الصليب الأحمر اللبناني"
            end = group_end(doc, toks, i, named=len(named.split("_")))
        elif in_lexicon(w, ORG_HEADS) and not is_title_head(w):
            end = name_end(doc, toks, i)
        else:
            i += 1
            continue
        found = mention(doc, clean(doc, toks[i], toks[end - 1]))
        alone = end == i + 1 and not named
        if not named and not _proper(doc, toks[i:end]):
            i += 1
            continue  # "قوات إضافية"، "مسلحون مجهولون"، "مركز احتجاز": not a name
        if found.type is not ActorType.person:
            # a bare "المرصد" names the observatory only when its full name is also given;
            # "التابعة لقيادة العمليات المشتركة" is an affiliation, not an actor
            found.weak = (alone and not any(b in BARE_OK for b in clitic_bases(w))) or \
                (i > 0 and toks[i - 1].norm in CONNECTORS)
            out.append(found)
            out += _acronym(doc, toks, end, found)
        i = end
    return out


def _acronym(doc: Doc, toks: Sequence[Token], j: int, of: Mention) -> list[Mention]:
    """'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا)': the short name in brackets."""
    if j >= len(toks) or not gap(doc, toks[j - 1], toks[j]).strip().endswith("("):
        return []
    k = j
    while k < len(toks) and k - j < 2 and ")" not in gap(doc, toks[k], toks[k + 1]
                                                         if k + 1 < len(toks) else toks[k]):
        k += 1
    if k - j >= 2 or k >= len(toks) or toks[j].norm in STOP_WORDS:
        return []
    return [Mention(clean(doc, toks[j], toks[k]), of.type, same_as=of.key, country=of.country)]


def _proper(doc: Doc, toks: Sequence[Token]) -> bool:
    """A group phrase names someone when a word is definite, quoted or a known name; 'قوات
    إضافية'، 'مسلحون مجهولون'، 'مركز احتجاز' name no one."""
    head = next((k for k, t in enumerate(toks) if k and (t.norm in TIES or t.norm[:1] == "ل")),
                len(toks))  # "قوات إضافية | للفصل"، "مركز احتجاز | في المدينة"
    return any(definite(t.norm) or is_quoted(doc, t) or
               joined([bare(x.norm) for x in toks[k : k + 3]], NAMED_GROUPS)
               for k, t in enumerate(toks[:head]))


def _country_acts(doc: Doc, toks: Sequence[Token], i: int, n: int) -> bool:
    """A country or capital at toks[i:i+n] that acts, speaks or is acted on, not a place:
    'حسبما ذكرت روسيا'، 'حملت موسكو واشنطن'، 'إن روسيا والصين تعارضان'، 'من جانب روسيا'."""
    w = toks[i].norm
    if w[:1] == "ب" and (w[1:] in COUNTRY_FORMS or w[1:] in CAPITALS):
        return False  # بسورية
    k = i - 1
    while k >= 0 and toks[k].norm in ADVERBS:
        k -= 1
    prev = toks[k].norm if k >= 0 else ""
    prev = prev if prev in ACTOR_VERBS else unjoined(prev)  # "وقّع الأردن"، "وحملت موسكو"
    after = toks[i + n] if i + n < len(toks) else None
    nxt = after.norm if after and passable(doc, toks[i + n - 1], after) else ""
    if prev in PLACE_WORDS or bare(prev) in PLACE_WORDS:
        return nxt in ACTING_AFTER
    if prev in ACTING_AFTER or prev in SUBJECT_AFTER or prev in ACTOR_VERBS:
        return True
    if nxt in RELATIVE or in_lexicon(nxt, ACTOR_VERBS):
        return True
    # "حملت موسكو واشنطن"، "روسيا والصين": next to a state that acts
    return k >= 0 and (prev in COUNTRY_FORMS or prev in CAPITALS) and \
        passable(doc, toks[k], toks[i]) and _country_acts(doc, toks, k, 1)


def _states(doc: Doc, toks: Sequence[Token]) -> list[Mention]:
    out = []
    for i, t in enumerate(toks):
        for base in clitic_bases(t.norm):
            words = [base] + [x.norm for x in toks[i + 1 : i + 4]]
            form = joined(words, COUNTRY_FORMS) or joined(words, CAPITALS)
            if form is None:
                continue
            n = len(form.split("_"))
            if _country_acts(doc, toks, i, n):
                out.append(mention(doc, clean(doc, t, toks[i + n - 1]), ActorType.state))
            break
    return out


def _persons(doc: Doc, toks: Sequence[Token]) -> list[Mention]:
    """People named in full after a title ('منسق المعارضة السورية رياض حجاب')."""
    out = []
    for i, t in enumerate(toks):
        if not is_title_head(t.norm) or (i and is_title_head(toks[i - 1].norm)):
            continue
        found = named_phrase(doc, toks, i)
        if found is None or in_lexicon(norm(found.name.text).split()[0], THING_HEADS):
            continue  # "وأصاب أحدها مبنى سكنياً": a building after 'one of them', no person
        if found.title is None:  # "وزير الدفاع الباكستاني": the words of a title, no one named
            out.append(Mention(found.name, ActorType.person, title=found.name, weak=True))
        elif found.words >= 2 and not in_lexicon(t.norm, UNNAMED_SOURCES):
            # one word after a title is too often a place ("حي الشيخ سعيد") to trust alone
            title = appositive(doc, toks, found.end) or found.title
            out.append(Mention(found.name, ActorType.person, title=title))
    return out


def appositive(doc: Doc, toks: Sequence[Token], j: int) -> Span | None:
    """The title after a name: '، وهو لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب،'."""
    if j >= len(toks) or not re.fullmatch(r"\s*[،,\-–]\s*", gap(doc, toks[j - 1], toks[j])):
        return None
    k = j + 1 if toks[j].norm in ("وهو", "وهي") else j
    if k >= len(toks) or not is_title_head(toks[k].norm):
        return None
    end = k + 1
    while end < len(toks) and end - k < 15 and passable(doc, toks[end - 1], toks[end]):
        end += 1
    return clean(doc, toks[k], toks[end - 1])


def affiliation(doc: Doc, title: Span | None) -> str | None:
    """The group a title names: 'المتحدث باسم «الكرملين»' -> 'الكرملين', 'لواء في جيش الأسد'
    -> 'جيش الأسد', 'منسق المعارضة السورية' -> 'المعارضة السورية'."""
    if title is None:
        return None
    toks = tokens(doc.text, title.start, title.end)
    # 'رئيسة فريق الاستجابة الطارئة للمنظمة في السودان': the body named before by that head.
    head = next((t.norm[2:] for t in toks if t.norm.startswith("لل") and t.norm[2:] in _HEADS),
                None)
    if head is not None and (body := _body_before(doc, title.start, False, head)) is not None:
        return body
    for i, t in enumerate(toks[:-1]):
        if t.norm == "باسم" or (t.norm == "في" and not in_lexicon(toks[i + 1].norm, DESIGNATORS)):
            return clean(doc, toks[i + 1], toks[group_end(doc, toks, i + 1) - 1]).text
    closed = next((t.norm for t in toks if t.norm in CLOSED_CONNECTORS), None)
    if closed is not None:
        return _body_before(doc, title.start, masculine=closed.endswith("مه"))
    groups = [g for g in _groups(doc, toks) if g.type is not ActorType.state]
    return groups[0].span.text if groups else None


def _body_before(doc: Doc, pos: int, masculine: bool, head: str | None = None) -> str | None:
    """The body 'باسمه' / 'باسمها' stands for: the last one named before raw `pos`, in its
    sentence or the one before, that acts or speaks ('وقال الجيش الإسرائيلي في بيان إنه نفّذ
    «ضربة على مجمّع لحماس» … وقال المتحدث باسمه': not Hamas, quoted and after a preposition);
    'باسمه' skips a body of feminine form ('الشرطة'، 'القوات'). With `head` ('منظمه' of
    'للمنظمة'), the one named by that head before that the article names most ('منظمة إنقاذ
    الطفل' of its own statement, not the UNICEF it cites once), the last of a tie."""
    sentence = doc.sentence_at(pos)
    start = 0 if head else doc.sentences[max(sentence.index - 1, 0)].start
    toks = tokens(doc.text, start, pos)
    bodies = [m for m in mentions_in(doc, start, pos) if m.type is not ActorType.person and
              not m.weak and not (masculine and m.key[0].endswith(("ه", "ات"))) and
              not _governed(doc, toks, m.span) and
              (head is None or norm(m.span.text).split()[0].removeprefix("ال") == head)]
    if head is not None:
        bodies.sort(key=lambda m: doc.norm.text.count(norm(m.span.text)))  # stable: last wins
    return bodies[-1].span.text if bodies else None


def _governed(doc: Doc, toks: Sequence[Token], s: Span) -> bool:
    """A name inside a quotation or after a preposition ('لحماس'، 'على يد بلطجية') is what the
    words are about, not who acts."""
    k = next((k for k, t in enumerate(toks) if t.end > s.start), None)
    if k is None or is_quoted(doc, toks[k]):
        return True
    glued = norm(doc.text[toks[k].start : s.start])  # the proclitic clean() left out
    return any(ch in glued for ch in "بلك") or (k > 0 and toks[k - 1].norm in GOVERNING)


def mentions_in(doc: Doc, start: int, end: int) -> list[Mention]:
    """Every actor-like name the code finds in the raw range."""
    toks = tokens(doc.text, start, end)
    return mark_titles(_persons(doc, toks) + _groups(doc, toks) + _states(doc, toks))


def mark_titles(found: list[Mention], more: Sequence[Mention] = ()) -> list[Mention]:
    """A name inside someone's title ('مدير المرصد') is evidence of it, not an actor alone."""
    titles = Ranges((m.title.start, m.title.end) for m in [*found, *more] if m.title)
    for m in found:
        m.weak = m.weak or (m.type is not ActorType.person and
                            titles.covers(m.span.start, m.span.end))
    return sorted(found, key=lambda m: (m.span.start, -m.span.end))


def names_in(doc: Doc, start: int, end: int) -> list[str]:
    """Candidate names in a range, as written, in order, once each (options for the model)."""
    seen: dict[str, None] = {}
    for m in mentions_in(doc, start, end):
        if not m.weak:
            seen.setdefault(m.span.text, None)
    return list(seen)
