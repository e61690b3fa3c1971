"""Questions about what was said: who said it, what they said, and when they said it."""

from __future__ import annotations

from agent.chat.answers import Answer, Draft
from agent.chat.facts import Fact, Facts, best_matching
from agent.chat.names import display_name
from agent.chat.question import Query
from agent.chat.words import Term, Words
from agent.extract.dates import find_dates
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.lexicon import table
from schemas import Statement, StatementKind

_QUOTE_MAX = 400  # characters of a statement quoted in an answer
_EN_SAY = {StatementKind.denial: "denied", StatementKind.accusation: "accused"}
_AR_SAY = {StatementKind(k): v
           for k, v in table("answer_statement_verbs_ar", str, normalize=False).items()}
_KIND_ASKED = table("question_statement_kinds", StatementKind)


def _kind_asked(q: Query) -> StatementKind | None:
    """The kind of statement the question's verb asks for: 'who denied' a denial."""
    for t in tokens(q.text):
        for b in (t.norm.lower(), *clitic_bases(t.norm)):
            if b in _KIND_ASKED:
                return _KIND_ASKED[b]
    return None


def _speaker_words(fx: Facts, statement: Statement) -> Words:
    """The speaker's names and title ('the Kremlin spokesman' finds Peskov)."""
    names = [statement.speaker]
    for a in fx.extraction.actors:
        if a.id == statement.speaker_id:
            names += [a.name, *a.aliases, a.title or ""]
    return Words(" ".join(names))


_LABEL_MAX = 80  # characters of the speaker's full mention an answer gives


def _speaker_label(fx: Facts, statement: Statement) -> str:
    """The speaker as the article first names them, when that holds the words the statement
    gives ('طبيب الطوارئ' is «طبيب الطوارئ في مستشفى أتشاكاتشي البلدي سيزار كروز»)."""
    actor = next((a for a in fx.extraction.actors if a.id == statement.speaker_id), None)
    if actor is None or len(actor.name) > _LABEL_MAX or norm(statement.speaker) not in norm(
            actor.name):
        return statement.speaker
    return actor.name


def _by_speaker(fx: Facts, statements: list[Fact], known: list[Term]) -> dict[str, list[Term]]:
    """For each statement, the question's words that name its speaker."""
    speakers = {f.id: _speaker_words(fx, f.obj) for f in statements}
    return {f.id: [t for t in known if speakers[f.id].has(t, min_key=2)] for f in statements}


def answer_statements(q: Query, fx: Facts) -> Answer | None:
    statements = fx.of_kind("statement")
    known = fx.known(q.terms)
    by_speaker = _by_speaker(fx, statements, known)
    # 'Who said Hamas is not against ...': the speaker is asked, so the question's names are
    # the topic, not the speaker.
    most = 0 if q.who else max((len(v) for v in by_speaker.values()), default=0)
    if most:
        chosen = [f for f in statements if len(by_speaker[f.id]) == most]
        named = {id(t) for f in chosen for t in by_speaker[f.id]}
        topic = [t for t in known if id(t) not in named]
        if topic:
            chosen = best_matching(chosen, topic)  # none: maybe in a sentence no statement covers
    elif q.say and q.who and known:  # "who said ...?": the topic finds the speaker
        # 'Who denied …': the denials that match, when the article has any.
        kind = _kind_asked(q)
        chosen = _own_words_first(best_matching([f for f in statements if f.obj.kind == kind],
                                                known) or best_matching(statements, known),
                                  statements, known, fx)[:4]
    else:
        return None
    if not chosen:
        return None
    d = Draft(q.lang)
    for f in chosen:
        s: Statement = f.obj
        words = s.text if len(s.text) <= _QUOTE_MAX else s.text[:_QUOTE_MAX] + "…"
        # 'Who said …?' asks for the speaker: a question word that looks like the name
        # ('carriages', كيرياكوس) is no label for it.
        who = display_name(_speaker_label(fx, s), q, [] if q.who else by_speaker[f.id])
        mark = d.cite(f.id, f.kind, f.quote)
        d.parts.append(f"{who} {_EN_SAY.get(s.kind, 'said')}: «{words}» {mark}" if q.lang == "en"
                       else f"{_AR_SAY[s.kind]} {who}: «{words}» {mark}")
    return d.answer("\n")


def _own_words_first(chosen: list[Fact], statements: list[Fact], known: list[Term],
                     fx: Facts) -> list[Fact]:
    """The statements whose own words hold the most of the question's (each by how rare it
    is in the article) come first, even beyond those their sentences chose: 'a real tragedy'
    is «مأساة حقيقية» said, not a figure told in the paragraph that names the workshop."""
    def said(f: Fact) -> float:
        return round(sum(fx.weight(t) for t in known if Words(f.obj.text).has(t)), 6)

    best = max((said(f) for f in chosen), default=0)
    beyond = [f for f in statements if f not in chosen and said(f) > best]
    return sorted(beyond + chosen, key=lambda f: -said(f))


def answer_said_when(q: Query, fx: Facts) -> Answer | None:
    """'When did the ministry announce the arrests?': the day in the words that report the
    statement («وقالت وزارة الداخلية يوم الأحد إن …»), not the day of what it tells."""
    statements = fx.of_kind("statement")
    known = fx.known(q.terms)
    by_speaker = _by_speaker(fx, statements, known)
    theirs = [f for f in statements if by_speaker[f.id]]
    named = {id(t) for f in theirs for t in by_speaker[f.id]}
    topic = [t for t in known if id(t) not in named]
    d = Draft(q.lang)
    seen: dict[str, str] = {}
    for f in best_matching(theirs, topic) or theirs:
        k = fx.sentence_at(f.quote.start)
        if k is None:
            continue
        sentence = fx.sentences[k][0]
        words = fx.article.find(f.obj.text, sentence.start)  # the words said; before them, who
        said = [m for m in find_dates(fx.doc, sentence.start, max(words, sentence.start))
                if m.date]
        if said:
            label = f"{said[-1].date} («{said[-1].text}»)"
            seen[label] = seen.get(label, "") + d.cite(f.id, f.kind, sentence)
    d.parts = [f"On {label} {marks}." if q.lang == "en" else f"في {label} {marks}."
               for label, marks in seen.items()]
    return d.answer() if d.parts else None
