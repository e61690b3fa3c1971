"""What type of actor a name is (ActorType), and which state it stands for or belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from agent.extract.actors.words import (
    CAPITALS,
    CIVILIANS,
    COUNTRY_FORMS,
    DEMONYMS,
    INTERNATIONAL,
    NAMED_GROUPS,
    ORG_HEADS,
    REBEL_ARMIES,
    STATE_COMPLEMENTS,
    UNNAMED_SOURCES,
    bare,
    definite,
    force_head,
    is_title_head,
    joined,
    key,
    nisba,
)
from agent.text.arabic import clitic_bases
from schemas import ActorType


def _forces_type(words: Sequence[str]) -> ActorType:
    """قوات / قوى + an adjective or a government word are a state's forces ('قوات الأمن'،
    'القوات الصومالية'); + a proper name they are a group ('قوات الدعم السريع'، 'قوات سوريا
    الديمقراطية'). Armies are the state's unless named as rebels ('الجيش السوري الحر')."""
    head, rest = force_head(words[0]), [bare(w) for w in words[1:]]
    if head == "army":
        return ActorType.armed_group if set(rest) & REBEL_ARMIES else ActorType.state_forces
    if head != "forces" or not rest:
        return ActorType.state_forces
    first = rest[0]
    if first in STATE_COMPLEMENTS or first in DEMONYMS or (definite(first) and nisba(first)):
        return ActorType.state_forces
    return ActorType.armed_group


def classify(text: str) -> ActorType:
    """The type of a name as written."""
    words = list(key(text))
    if not words:
        return ActorType.other
    named = joined(words, NAMED_GROUPS)
    if named and len(named.split("_")) == len(words):
        return NAMED_GROUPS[named]
    bases = clitic_bases(words[0])
    if any(b in CIVILIANS for b in bases):
        return ActorType.civilians
    if any(b in UNNAMED_SOURCES for b in bases):
        return ActorType.other
    if is_title_head(words[0]):
        return ActorType.person
    if joined(words, COUNTRY_FORMS) or joined(words, CAPITALS):
        return ActorType.state
    head = next((b for b in bases if b in ORG_HEADS), None)
    if head is None:
        return NAMED_GROUPS[named] if named else ActorType.person
    kind = ORG_HEADS[head]
    inner = joined(words[1:], NAMED_GROUPS)
    if inner and kind is not ActorType.state_forces:  # "منظمة أطباء بلا حدود"، "حركة حماس"
        return NAMED_GROUPS[inner]
    if kind in (ActorType.organization, ActorType.state) and set(words[1:]) & INTERNATIONAL:
        return ActorType.international_organization
    if kind is ActorType.state_forces:
        return _forces_type(words)
    return kind


def country_of(text: str) -> str | None:
    """The state a name stands for or belongs to: 'موسكو' -> روسيا, 'الجيش السوري' -> سوريا."""
    words = list(key(text))
    for i in range(len(words)):
        form = joined(words[i:], COUNTRY_FORMS) or joined(words[i:], CAPITALS)
        if form:
            return COUNTRY_FORMS.get(form) or CAPITALS[form]
        if bare(words[i]) in DEMONYMS:
            return DEMONYMS[bare(words[i])]
    return None
