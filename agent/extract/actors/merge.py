"""Merging the mentions of one article into actors: one actor for each person, group or state,
with its fullest name, its aliases and its title; and linking a name back to its actor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from agent.extract.actors.holders import holder_before
from agent.extract.actors.kinds import classify, country_of
from agent.extract.actors.learned import labelled_person, learned_mentions
from agent.extract.actors.mentions import (
    Mention,
    affiliation,
    appositive,
    mark_titles,
    mention,
    mentions_in,
)
from agent.extract.actors.names import named_phrase
from agent.extract.actors.sites import names_place
from agent.extract.actors.spans import clean
from agent.extract.actors.words import (
    CAPITALS,
    COUNTRY_FORMS,
    DEMONYMS,
    EQUIVALENT,
    FIGHTERS,
    GENERIC_REBELS,
    HOME_ARMY,
    NAMED_GROUPS,
    ORG_HEADS,
    STOP_WORDS,
    TIES,
    UNNAMED_SOURCES,
    bare,
    channel,
    conjoined,
    definite,
    force_head,
    in_lexicon,
    is_title_head,
    joined,
    key,
    lexical,
    unjoined,
)
from agent.extract.places import DESIGNATORS
from agent.text.arabic import Token, norm, tokens
from agent.text.doc import Doc
from agent.text.intervals import Ranges
from schemas import Actor, ActorType, Span


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return 0 < n <= len(outer) and any(outer[i : i + n] == inner
                                       for i in range(len(outer) - n + 1))


_REBELS = ("rebels:",)  # one actor for the generic fighters of an article


def _canonical(m: Mention) -> tuple[str, ...]:
    """Mentions with the same canonical key are one actor from the start."""
    k = m.same_as or m.key
    form = joined(list(k), COUNTRY_FORMS) or joined(list(k), CAPITALS)
    if m.type is ActorType.state and m.country and form and len(form.split("_")) == len(k):
        return ("state:" + m.country,)  # "روسيا"، "موسكو" — not "وزارة الدفاع الروسية"
    for group in EQUIVALENT:
        forms = [tuple(g.split("_")) for g in group]
        if k in forms or (len(k) > 1 and any(_contains(k, f) for f in forms)
                          and in_lexicon(k[0], ORG_HEADS)):
            return forms[0]
    if m.type is ActorType.armed_group and in_lexicon(k[0], GENERIC_REBELS) and all(
            in_lexicon(w, GENERIC_REBELS) or bare(w) in DEMONYMS or bare(w) == "المعارضه"
            for w in k):
        return _REBELS  # "مقاتلو المعارضة السورية"، "الفصائل المقاتلة"، "المسلحين"
    return k


@dataclass
class _Cluster:
    mentions: list[Mention]
    key: tuple[str, ...]

    @property
    def type(self) -> ActorType:
        strong = [m.type for m in self.mentions if not m.weak] or [self.mentions[0].type]
        return Counter(strong).most_common(1)[0][0]

    def first(self) -> int:
        return min(m.span.start for m in self.mentions)


def _merge(found: list[Mention]) -> list[_Cluster]:
    by_key: dict[tuple[str, ...], _Cluster] = {}
    for m in found:
        k = _canonical(m)
        by_key.setdefault(k, _Cluster([], k)).mentions.append(m)
    clusters = list(by_key.values())
    persons = [c for c in clusters if c.type is ActorType.person]
    groups = [c for c in clusters if c.type is not ActorType.person]
    return _absorb(persons, _person_part) + _absorb(_national_forces(groups), _contains_key)


def _person_part(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """'حجاب' is part of 'رياض حجاب' (surname or given name); 'بشار الأسد' of a longer form."""
    if len(short) == 1:
        return short[0] in (long[0], long[-1], bare(long[-1]))
    return _contains(long, short)


def _contains_key(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """'المرصد' is the short form of 'المرصد السوري لحقوق الإنسان'; 'الأمم المتحدة' is not one
    of 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية': the short form starts the long one."""
    return not short[0].endswith(":") and long[: len(short)] == short


def _absorb(clusters: list[_Cluster], part: Callable[[tuple[str, ...], tuple[str, ...]], bool]
            ) -> list[_Cluster]:
    """Fold each shorter form into the longer form it is part of, preferring the nearest
    one mentioned before it: 'المرصد' -> 'المرصد السوري لحقوق الإنسان'."""
    kept: list[_Cluster] = []
    for c in sorted(clusters, key=lambda c: -len(c.key)):
        homes = [h for h in kept if len(h.key) > len(c.key) and part(h.key, c.key)
                 and (h.type is c.type or c.type is ActorType.person)]
        if not homes:
            kept.append(c)
            continue
        firsts = [h.first() for h in homes]  # kept up to date here: first() reads every mention
        for m in c.mentions:
            before = [n for n, first in enumerate(firsts) if first <= m.span.start]
            n = max(before, key=lambda n: firsts[n]) if before else 0
            homes[n].mentions.append(m)
            firsts[n] = min(firsts[n], m.span.start)
    return kept


def _national_forces(groups: list[_Cluster]) -> list[_Cluster]:
    """A government's army goes by many names ('قوات النظام'، 'الجيش السوري'، 'جيش الأسد'،
    'القوات الصومالية'): armies of one nation are one actor, and armies with no nation join
    the one nation the article names, if only one. Police and security forces stay apart."""
    armies = [c for c in groups if c.type is ActorType.state_forces and _army(c.key)]
    nations = {m.country for c in armies for m in c.mentions if m.country}
    merged: dict[str | None, _Cluster] = {}
    for n, c in enumerate(armies):
        nation = next((m.country for m in c.mentions if m.country), None)
        if nation is None and len(nations) == 1:
            nation = next(iter(nations))
        elif nation is None and nations:  # several nations: "الجيش" may be any of them
            nation = f"unknown:{n}"
        if nation in merged:
            merged[nation].mentions += c.mentions
        else:
            merged[nation] = c
    keep = {id(c) for c in merged.values()}  # the first cluster of each nation holds the rest
    return [c for c in groups if c not in armies or id(c) in keep]


def _army(words: tuple[str, ...]) -> bool:
    """'الجيش …'، 'قوات النظام'، 'القوات الحكومية'، 'القوات الصومالية' — not 'قوات الأمن'."""
    head, rest = force_head(words[0]), [bare(w) for w in words[1:]]
    if head == "army":
        return True
    return head == "forces" and bool(rest) and (
        rest[0] in HOME_ARMY or rest[0] in DEMONYMS)


def _best_name(c: _Cluster) -> Mention:
    """The fullest form: the longest for people, the country for states, otherwise the form
    that covers most mentions ('المرصد السوري لحقوق الإنسان' covers 'المرصد')."""
    strong = c.mentions  # a full name written inside a title still names the actor
    if c.type is ActorType.person:
        return max(strong, key=lambda m: (len(m.key), -m.span.start))
    if c.type is ActorType.state:
        countries = [m for m in strong if joined(list(m.key), COUNTRY_FORMS)]
        return min(countries or strong, key=lambda m: m.span.start)

    # Counted by distinct form, not mention by mention: a long article repeats its names.
    forms = Counter(m.key for m in c.mentions)

    @cache
    def covered(k: tuple[str, ...]) -> int:
        return sum(n for form, n in forms.items() if _contains(k, form))

    return max(strong, key=lambda m: (_written_clean(m.span.text), covered(m.key), len(m.key),
                                      -m.span.start))


def _written_clean(text: str) -> bool:
    """The form carries no proclitic of the sentence ('لموسكو'، 'للأسد' are not aliases)."""
    first = norm(text.split()[0]) if text.split() else ""
    return bool(first) and key(text)[0] == first


def _to_actor(doc: Doc, c: _Cluster) -> Actor:
    best = _best_name(c)
    aliases: dict[str, None] = {}
    for m in sorted(c.mentions, key=lambda m: m.span.start):
        if m.key != best.key and _written_clean(m.span.text):
            aliases.setdefault(m.span.text, None)
    title = next((m.title for m in c.mentions if m.title), None)
    evidence = {(m.span.start, m.span.end): m.span for m in c.mentions}
    return Actor(id="", name=best.span.text, type=c.type,
                 title=title.text if title else None, affiliation=affiliation(doc, title),
                 aliases=list(aliases), evidence=[evidence[k] for k in sorted(evidence)])


def _surnames(doc: Doc, clusters: list[_Cluster], toks: Sequence[Token]) -> None:
    """A person named in full is later named by surname alone ('بيسكوف'): find those words."""
    taken = Ranges((m.span.start, m.span.end) for c in clusters for m in c.mentions)
    by_form: dict[str, list[Token]] = {}  # each word under each form it may be, in order
    for t in toks:
        for form in dict.fromkeys((t.norm, bare(t.norm), unjoined(t.norm))):
            by_form.setdefault(form, []).append(t)
    for c in clusters:
        if c.type is not ActorType.person:
            continue
        full = _best_name(c).key
        if len(full) < 2 or lexical(full[-1]):
            continue
        for t in by_form.get(full[-1], []):
            if not taken.covers(t.start, t.start + 1):
                c.mentions.append(Mention(clean(doc, t, t), ActorType.person))


def _surnames_alone(doc: Doc, found: list[Mention]) -> list[Mention]:
    """A person named in full before ('حمزة شفقات') is named later by surname, which another
    module read on into what he did ('أعلن شفقات | حظر التجمعات العامة'): an untitled name that
    opens with a full name's last word and runs on to a definite word is that surname alone
    (a definite word is as often a noun as a surname: 'ودعا البيان السلطات …')."""
    surnames = {m.key[-1] for m in found if m.type is ActorType.person and len(m.key) > 1}
    for m in found:
        if m.type is ActorType.person and not m.title and len(m.key) > 1 and \
                m.key[0] in surnames and not definite(m.key[0]) and \
                any(definite(w) for w in m.key[1:]):
            first = tokens(doc.text, m.span.start, m.span.end)[0]
            m.span = clean(doc, first, first)
    return found


def _place(doc: Doc, c: _Cluster) -> bool:
    """A 'person' no title names, or an 'organization' of no head noun the labeller proposed
    ('سالونيك'، 'لاريسا وفولوس'), whose every form is a place's name or places joined by و."""
    if c.type is ActorType.organization:
        return not any(in_lexicon(w, ORG_HEADS) for m in c.mentions for w in m.key) and \
            all(_places(doc, m.key) for m in c.mentions)
    return c.type is ActorType.person and not any(m.title for m in c.mentions) and \
        all(names_place(doc, m.key) for m in c.mentions)


def _places(doc: Doc, words: tuple[str, ...]) -> bool:
    """Each conjunct of the words names a place: 'لاريسا وفولوس'; one of more than three words
    is more than a place ('باريسال إتش إم سيف الإسلام': a town and the person after it)."""
    cuts = [0, *(k for k in range(1, len(words)) if conjoined(words[k])), len(words)]
    parts = [words[a:b] for a, b in pairwise(cuts)]
    return all(len(p) <= 3 and
               names_place(doc, (unjoined(p[0]) if conjoined(p[0]) else p[0], *p[1:]))
               for p in parts)


def _run_on_phrase(doc: Doc, c: _Cluster) -> bool:
    """A 'person' read after a title whose every form opens with a preposition and runs on to
    a definite noun ('منسق الوكالة الوطنية | لإدارة الطوارئ'، 'المكلف | بملف الهجرة'): the end
    of a body's name or of the title, not a personal name, unless the labeller reads a person
    there. (Untitled, such a form may be a body another module saw speak: 'لجان مقاومة الفاشر'.)"""
    return c.type is ActorType.person and any(m.title for m in c.mentions) and all(
        norm(m.span.text)[:1] in "لب" and any(definite(w) for w in m.key[1:])
        and not labelled_person(doc, m.span) for m in c.mentions)


def _names_someone(name: str) -> bool:
    """Unnamed sources and people known only by a title are not actors: 'شهود عيان'،
    'مصدر طبي'، 'وزير الدفاع الباكستاني'."""
    words = key(name)
    if not words or in_lexicon(words[0], UNNAMED_SOURCES) or is_title_head(words[0]):
        return False
    kind = classify(name)
    if kind is ActorType.civilians:
        return False
    if kind is ActorType.person and len(words) == 1 and (
            definite(words[0]) or len(words[0]) < 3 or words[0] in STOP_WORDS):
        return False  # "قال التقرير"، "قال لي": not a person's name
    if any(definite(w) for w in words) or joined(list(words), NAMED_GROUPS):
        return True
    # indefinite and generic: "مسلحين مجهولين"، "طائرات حربية إسرائيلية"، "قوة"
    if kind in FIGHTERS:
        return False
    return kind is not ActorType.person or (not any(w.endswith("يه") for w in words) and
                                            not (len(words) == 1 and words[0].endswith("ه")))


def _untied(doc: Doc, where: Span) -> Span:
    """A name another module read up to where it was said: 'الوزارة | في بيانها'،
    'البرنامج | في تقريره' name the body without the channel."""
    toks = tokens(doc.text, where.start, where.end)
    cut = next((k for k in range(1, len(toks) - 1)
                if toks[k].norm in TIES and channel(toks[k + 1].norm)), None)
    return where if cut is None else clean(doc, toks[0], toks[cut - 1])


def _governing(m: Mention) -> Mention:
    """A place that acts or speaks is its local government: 'أعلنت محافظة الدقهلية' is the
    governorate, a state actor, though the same words elsewhere only say where."""
    if m.type is ActorType.person and len(m.key) > 1 and m.key[0] in DESIGNATORS:
        m.type = ActorType.state
    return m


def _titled(doc: Doc, m: Mention) -> Mention:
    """A person another module named: pick up the title written around the name."""
    if m.type is not ActorType.person or m.title:
        return m
    toks = tokens(doc.text, m.span.start, min(len(doc.text), m.span.end + 400))
    names = len(tokens(m.span.text))
    m.title = appositive(doc, toks, names) if len(toks) > names else None
    m.title = m.title or _title_before(doc, m.span)
    return m


def _title_before(doc: Doc, name: Span) -> Span | None:
    """The long title the name ends ('مدير الدفاع المدني في نينوى العقيد | حسام خليل'), read
    from the farthest title head before it in its sentence that leads to it ('وكيل الأمين
    العام …' rather than its 'منسق الإغاثة …')."""
    toks = tokens(doc.text, doc.sentence_at(name.start).start, name.end)
    found = None
    for k in range(len(toks) - 2, max(len(toks) - 20, 0) - 1, -1):
        if not is_title_head(toks[k].norm) or (k and is_title_head(toks[k - 1].norm)):
            continue
        title = named_phrase(doc, toks, k)
        holder = title and holder_before(doc, toks, k, title, len(toks))
        if holder and holder.name != name:
            break
        found = holder.title if holder else found
    return found


# ---------------------------------------------------------------- public


def find_actors(doc: Doc, mentions: list[tuple[str, Span]]) -> list[Actor]:
    """The article's actors: the names other modules found plus those the code finds, merged
    within the article. Ids are left empty; extract.py numbers them."""
    named = [_titled(doc, _governing(mention(doc, _untied(doc, where)))) for _, where in mentions
             if _names_someone(where.text)]
    # words of no lexicon that other modules took for a person ('مهاجمون'، 'مستخدمون'): a name
    # only when the labeller reads one there
    named = [m for m in named if m.type is not ActorType.person or m.title or
             any(definite(w) for w in m.key) or labelled_person(doc, m.span)]
    # names others found act or speak: never only inside someone's title
    found = mark_titles(mentions_in(doc, 0, len(doc.text)), named) + named
    found += learned_mentions(doc, found)
    found = _surnames_alone(doc, [m for m in found if not (m.weak and m.type is ActorType.person)])
    clusters = [c for c in _merge(found) if not all(m.weak for m in c.mentions)
                and not (c.key == _REBELS and all(len(m.key) < 2 for m in c.mentions))
                and not _place(doc, c) and not _run_on_phrase(doc, c)]
    _surnames(doc, clusters, tokens(doc.text))
    actors = [_to_actor(doc, c) for c in clusters]
    return sorted(actors, key=lambda a: (a.evidence[0].start, a.name))


def link(actors: Sequence[Actor], name: str | None) -> str | None:
    """The id of the actor that `name` names (as its name, an alias, a surname, a capital)."""
    if not name:
        return None
    k = key(name)
    for a in actors:
        if k in (key(a.name), *map(key, a.aliases)):
            return a.id
    country = country_of(name) if classify(name) is ActorType.state else None
    for a in actors:
        if country and a.type is ActorType.state and country_of(a.name) == country:
            return a.id
        if a.type is ActorType.person and k and _person_part(key(a.name), k):
            return a.id
    return None
