"""Answers questions about one article from its extracted facts, every claim cited.

Structured questions (how many, who said what, who is, where, when) are answered by code from
the facts; the model phrases the rest from a numbered list of facts and article sentences, and
its reply is kept only when every number, name and citation in it checks out.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field

from agent.model.llm import LLM, Message
from agent.model.prompts import render
from agent.text.arabic import clitic_bases, norm, tokens
from agent.text.doc import locate, sentences, span
from schemas import (
    Actor,
    ArticleExtraction,
    CasualtyCategory,
    CasualtyReport,
    CountUnit,
    Event,
    Span,
    Statement,
    StatementKind,
    Victims,
)

Lang = Literal["ar", "en"]
UNANSWERABLE = {"en": "The article does not say.", "ar": "لا يذكر المقال ذلك."}
MAX_TOKENS = 160  # two or three cited sentences; the 1.5B model writes ~14 tokens/s
_LINE_MAX = 220  # characters per fact line in the prompt
_QUOTE_MAX = 400  # characters of a statement quoted in an answer


class Citation(BaseModel):
    n: int = Field(description="The [n] marker in the answer text.")
    fact_id: str = Field(description="Id of the fact (c1, s2, a3, e4) or 'sentence-<k>'.")
    kind: str = Field(description="casualty, statement, actor, event or sentence.")
    quote: Span = Field(description="The article's words behind the claim.")


class Answer(BaseModel):
    text: str = Field(description="The answer, in the language of the question, with [n] marks.")
    citations: list[Citation] = Field(default_factory=list)
    language: Lang
    source: Literal["facts", "model", "none"] = Field(
        description="Who wrote the text: code from the facts, the model (checked), or nobody."
    )


# ----------------------------------------------------------------------------- lexicons
# Arabic entries are written plainly and normalized at import (agent.arabic.norm).


def _words(text: str) -> list[str]:
    return text.split()


def _split(text: str) -> tuple[str, ...]:
    return tuple(norm(w) for w in text.split())


_EN_STOP = set(_words("""
a an the of in on at to from by for with about into over after before during and or but is
are was were be been being do does did done has have had what whats who whom whose which
where when why how many much according per as that this these those it its they them their
there he she his her him i me my we our you your please tell article text happened happen
happens s than more most any some all also just mentioned mention mentions report reports
reported give given name named list people persons person anyone someone
"""))

_AR_STOP = set(_split("""
من في على إلى الى عن ما ماذا كم هل متى أين اين كيف لماذا لما هو هي هم هما التي الذي الذين ان أن
إن او أو ثم قد لا لم لن مع بعد قبل عند كان كانت كانوا تم هذا هذه ذلك تلك أي اي حسب بحسب وفق وفقا
طبقا المقال النص الخبر يذكر ذكر اذكر أخبرني هناك أيضا كل بين حتى خلال منذ عدد الذين اللذين
شخص شخصا أشخاص اشخاص الناس ناس حالة وضع يوجد توجد
"""))

_CATEGORY_EN = {
    CasualtyCategory.killed: "kill killed killing killings dead death deaths died die dying "
                             "fatalities fatality toll casualties lives martyrs",
    CasualtyCategory.injured: "injured injuries injury wounded wounding hurt",
    CasualtyCategory.displaced: "displaced displacement fled flee fleeing refugees refugee "
                                "evacuated evacuation uprooted homeless",
    CasualtyCategory.missing: "missing disappeared",
    CasualtyCategory.detained: "arrested arrest arrests detained detention detainees captured "
                               "prisoners",
}
_CATEGORY_AR = {
    CasualtyCategory.killed: "قتل قتيل قتلى مقتل ضحايا ضحية شهداء شهيد استشهد موت مات ماتوا "
                             "توفي وفاة وفيات مصرع حصيلة",
    CasualtyCategory.injured: "أصيب إصابة إصابات مصاب مصابين جرح جرحى جريح",
    CasualtyCategory.displaced: "نزح نزوح نازح نازحين فر فروا فرار هرب هربوا تهجير هجر مهجر "
                                "مهجرين لاجئ لاجئين غادر",
    CasualtyCategory.missing: "مفقود مفقودين فقد",
    CasualtyCategory.detained: "اعتقل اعتقال معتقل معتقلين احتجز محتجز أسرى",
}
_VICTIM_EN = "civilians civilian children child kids women woman men residents"
_VICTIM_AR = "مدني مدنيين مدنيا مدنيون أطفال طفل طفلا نساء امرأة سكان"

_COUNT_EN = re.compile(r"\bhow (?:many|much)\b|\bnumber of\b|\btoll\b|\bfigures?\b|\bcount\b")
_COUNT_AR = set(_split("كم عدد أعداد حصيلة"))
_SAY_EN = set(_words("""say says said saying stated state states claim claimed claims deny denied
denies accuse accused accuses blame blamed blames announce announced warn warned comment commented
statement statements quote quoted told think thinks believe believes criticize criticized
criticise criticised"""))
_SAY_AR = set(_split("""قال يقول قاله قالت صرح تصريح تصريحات أكد أعلن اتهم نفى حذر اعتبر
أضاف رأي موقف ادعى انتقد"""))
_WHO_IS_EN = re.compile(r"\bwho(?:'s| is| was| are| were)\b|\bwhat (?:is|was) (?:the )?(?:role|"
                        r"title|job|position) of\b|\b(?:role|title|job)\b")
_WHO_IS_AR = re.compile(r"^من (?:هو|هي|يكون|تكون)\b|\b(?:منصب|صفه|وظيفه|دور)\b")
_WHERE_EN = re.compile(r"\bwhere\b|\bwhich (?:places?|towns?|cities|city|neighbou?rhoods?|"
                       r"districts?|areas?|villages?|locations?|regions?|provinces?)\b")
_WHERE_AR = re.compile(r"\b(?:اين|مكان|موقع)\b")
_PLACE_CLASS_EN = re.compile(r"\b(?:places|towns|cities|neighbou?rhoods?|districts|areas|"
                             r"villages|locations)\b")
_PLACE_CLASS_AR = re.compile(r"\b(?:ال)?(?:احياء|حي|حيي|حيين|مناطق|بلدات|مدن|قري|اماكن)\b")
_WHEN_EN = re.compile(r"\bwhen\b|\bwhat (?:date|day|time)\b|\bwhich day\b")
_WHEN_AR = re.compile(r"\bمتي\b|\bتاريخ\b|\bاي يوم\b")

# English words to the Arabic the article would use. A line: English keys (comma-separated) |
# Arabic forms (space-separated; '_' joins a phrase) [| English display name, for names].
_GLOSSARY = """
syria, syrian | سوريا سورية سوري السورية | Syria
aleppo | حلب | Aleppo
eastern, east | شرق شرقي الشرقية
western, west | غرب غربي الغربية
southern, south | جنوب جنوبي
northern, north | شمال شمالي
hama | حماة حماه | Hama
homs | حمص | Homs
idlib | إدلب | Idlib
damascus | دمشق | Damascus
palmyra | تدمر | Palmyra
russia, russian, russians | روسيا روسي روسية الروسية | Russia
moscow | موسكو | Moscow
kremlin | الكرملين | the Kremlin
united states, us, usa | الولايات_المتحدة | the United States
america, american, americans | أمريكا أميركا الأمريكية الأميركية | the United States
washington | واشنطن | Washington
france, french | فرنسا الفرنسي الفرنسية | France
paris | باريس | Paris
iraq, iraqi | العراق العراقي | Iraq
iran, iranian | إيران الإيراني | Iran
turkey, turkish | تركيا التركي | Turkey
israel, israeli | إسرائيل الإسرائيلي | Israel
lebanon | لبنان | Lebanon
gaza | غزة | Gaza
yemen | اليمن | Yemen
egypt | مصر | Egypt
libya | ليبيا | Libya
sudan | السودان | Sudan
isis, isil, daesh, islamic state | داعش تنظيم_الدولة | the Islamic State (Daesh)
islamic, islamist | الإسلامية الإسلامي إسلامي
syrian observatory, observatory, sohr | المرصد_السوري المرصد | the Syrian Observatory
syrian observatory for human rights | المرصد_السوري_لحقوق_الانسان | the Syrian Observatory
other sources | مصادر_أخرى | other sources
united nations, un | الأمم_المتحدة | the United Nations
assad | الأسد | Assad
opposition, rebels, rebel, insurgents | المعارضة الفصائل المسلحين معارضين
fighters, fighter, militants, gunmen | مقاتل مقاتلو مقاتلين الفصائل المسلحين
jihadists, jihadist | الجهاديين جهاديين
terrorists, terrorist, terrorism | إرهاب الإرهابيين إرهابي
army, military, troops, soldiers | الجيش جيش عسكري قوات جنود
regime, government | النظام الحكومة
forces | قوات
neighbourhoods, neighborhoods, neighbourhood, neighborhood, districts, district | حي أحياء حيي حيين
towns, town, villages, village | بلدة بلدات قرية قرى
city, cities | مدينة مدن
province, governorate | محافظة
left, leave, withdrew, withdraw, withdrawn, withdrawal, pulled | انسحب انسحاب انسحبت غادر خرج
control, controlled, seized, captured, took | سيطرة سيطر تسيطر
battle, fighting, clashes, war | معركة المعارك معارك اشتباكات حرب
strikes, strike, airstrikes, airstrike, raids, raid, bombing, bombed | غارة غارات قصف
shelling, shelled | قصف
gas, gases, chemical, toxic, poison | غازات غاز سامة كيماوي
suffocation, choking | اختناق
bodies, corpses | جثث
streets, street | الشوارع شارع
bread, food | خبز رغيف
cooperation, cooperate | تعاون التعاون
coordination, coordinate | تنسيق
lie, lies, lying | الكذب
defeat | الهزيمة
concessions, concession | تنازلات
surrender | الاستسلام
meeting, met | الاجتماع اجتماع
president | الرئيس
minister | وزير
foreign | الخارجية
spokesman, spokesperson | المتحدث
coordinator | منسق
director | مدير
general | لواء
security | الأمنية
committee | اللجنة
humanity | الإنسانية
broadcast, footage, video | بث مشاهد
end | نهاية
"""


@dataclass(frozen=True)
class _Gloss:
    forms: tuple[str, ...]
    display: str | None


def _glossary() -> dict[str, _Gloss]:
    out: dict[str, _Gloss] = {}
    for line in _GLOSSARY.strip().splitlines():
        keys, arabic, display = ([part.strip() for part in line.split("|")] + [""])[:3]
        gloss = _Gloss(tuple(norm(f.replace("_", " ")) for f in arabic.split()), display or None)
        for key in keys.split(","):
            out[key.strip()] = gloss
    return out


GLOSSARY = _glossary()
_DISPLAY = {form: g.display for g in GLOSSARY.values() if g.display for form in g.forms}


_CATEGORY_FORMS = {c: _split(w) for c, w in _CATEGORY_AR.items()}
_VICTIM_FORMS = _split(_VICTIM_AR)
_KNOWN_EN = (_EN_STOP | _SAY_EN | set(_VICTIM_EN.split())
             | {w for words in _CATEGORY_EN.values() for w in words.split()}
             | {w for key in GLOSSARY for w in key.split()})

# ----------------------------------------------------------------------------- matching
# Names typed in Latin letters are matched by their consonants: 'Peskov' and 'بيسكوف' both
# give 'bskf'. Letters that transliterations confuse share one class.
_AR_CONSONANT = dict(zip("بتثجحخدذرزسشصضطظغفقكلمنهپڤچگ", "bttjhkddrzsSsdtdjfkklmnhbfjj",
                         strict=True))
_EN_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("kh", "k"), ("gh", "j"), ("th", "t"), ("dh", "d"),
                ("ph", "f"), ("ck", "k"), ("ou", "u"))
_EN_CONSONANT = dict(zip("bptdjghkqclmnrszfvxS", "bbtdjjhkkklmnrszffkS", strict=True))


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
    base = word[2:] if word.startswith("ال") and len(word) > 4 else word
    return _with_variant(_collapse(_AR_CONSONANT[ch] for ch in base if ch in _AR_CONSONANT))


def en_keys(word: str) -> frozenset[str]:
    """Consonant keys of a Latin-script word ('Zaid' -> 'zd', 'Saleh' -> 'slh')."""
    w = word.lower()
    for digraph, cls in _EN_DIGRAPHS:
        w = w.replace(digraph, cls)
    return _with_variant(_collapse(_EN_CONSONANT[ch] for ch in w if ch in _EN_CONSONANT))


_SUFFIXES = ("ون", "ين", "ات", "ان", "يه", "ها", "هم", "ه", "ي")


def _stems(form: str) -> list[str]:
    """The form and, for an Arabic word, the form without each common suffix it ends with."""
    return [form] + [form[: -len(x)] for x in _SUFFIXES if form.endswith(x)]


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


@dataclass(frozen=True)
class Term:
    """One content word (or glossary phrase) of the question."""

    word: str
    forms: tuple[str, ...]  # normalized Arabic words or phrases to look for
    keys: frozenset[str]  # consonant keys, for a name typed in Latin letters
    start: int  # where it stands in the question
    end: int


# ----------------------------------------------------------------------------- the facts


@dataclass
class Fact:
    """One extracted fact, seen the way questions look for it."""

    id: str
    kind: str  # casualty, statement, actor, event
    obj: Any
    quote: Span
    context: Words  # its sentences and named fields


@dataclass
class Facts:
    """An article and its extraction, indexed for answering."""

    article: str
    extraction: ArticleExtraction
    facts: list[Fact]
    sentences: list[tuple[Span, Words]]
    names: Words  # every name the extraction knows: actors, places, sources, speakers
    words: Words  # the whole article

    @classmethod
    def build(cls, extraction: ArticleExtraction, article: str) -> Facts:
        sents = [(Span(text=s.text, start=s.start, end=s.end), Words(s.text))
                 for s in sentences(article)]

        def context(evidence: list[Span], *fields: str | None) -> Words:
            around = [s.text for s, _ in sents
                      if any(e.start < s.end and s.start < e.end for e in evidence)]
            return Words(" ".join([*around, *(f for f in fields if f)]))

        facts: list[Fact] = []
        for c in extraction.casualties:
            where = c.location.name if c.location else None
            facts.append(Fact(c.id, "casualty", c, c.evidence[0],
                              context(c.evidence, where, c.reported_by, c.perpetrator)))
        for e in extraction.events:
            where = e.location.name if e.location else None
            facts.append(Fact(e.id, "event", e, e.evidence[0],
                              context(e.evidence, where, *(a.name for a in e.actors))))
        for s in extraction.statements:
            facts.append(Fact(s.id, "statement", s, s.evidence[0], context(s.evidence)))
        for a in extraction.actors:
            facts.append(Fact(a.id, "actor", a, _actor_quote(article, a),
                              Words(" ".join([a.name, *a.aliases, a.title or "",
                                              a.affiliation or ""]))))
        names = [a.name for a in extraction.actors] + [x for a in extraction.actors
                                                       for x in a.aliases]
        names += [s.speaker for s in extraction.statements]
        names += [c.reported_by or "" for c in extraction.casualties]
        names += [e.location.name for e in extraction.events if e.location]
        names += [c.location.name for c in extraction.casualties if c.location]
        return cls(article, extraction, facts, sents, Words(" ".join(names)), Words(article))

    def of_kind(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    def knows(self, term: Term) -> bool:
        """The term names something in the article (short keys only count against names)."""
        return self.words.has(term) or self.names.has(term, min_key=2)


def _actor_quote(article: str, actor: Actor) -> Span:
    """The actor's title as the article words it, else the first mention of the name."""
    first = actor.evidence[0]
    if actor.title:
        found = locate(article, actor.title, near=max(0, first.start - 200))
        if found is not None:
            return found
    return first


# ----------------------------------------------------------------------------- the question


@dataclass
class Query:
    text: str
    lang: Lang
    terms: list[Term] = field(default_factory=list)  # content words: places, names, topics
    categories: set[CasualtyCategory] = field(default_factory=set)
    count: bool = False
    say: bool = False
    who: bool = False
    who_is: bool = False
    where: bool = False
    place_list: bool = False
    when: bool = False


def language(question: str) -> Lang:
    """The question's language: that of its first word (names inside do not count)."""
    for ch in question:
        if ch.isalpha():
            return "en" if ch.isascii() else "ar"
    return "ar"


def parse(question: str) -> Query:
    q = Query(question, language(question))
    if q.lang == "en":
        _parse_en(q)
    else:
        _parse_ar(q)
    return q


_EN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|[\u0600-\u06FF]+")


def _parse_en(q: Query) -> None:
    low = q.text.lower()
    q.count = bool(_COUNT_EN.search(low))
    q.who = bool(re.search(r"\bwho\b", low))
    q.who_is = bool(_WHO_IS_EN.search(low))
    q.where = bool(_WHERE_EN.search(low))
    q.place_list = bool(_PLACE_CLASS_EN.search(low))
    q.when = bool(_WHEN_EN.search(low))
    words = [(m.group(0), m.start(), m.end()) for m in _EN_WORD.finditer(q.text)]
    i = 0
    while i < len(words):
        # Longest glossary phrase first: 'united states', 'syrian observatory'.
        for size in (4, 3, 2, 1):
            chunk = words[i:i + size]
            key = " ".join(w.lower() for w, _, _ in chunk)
            if len(chunk) == size and key in GLOSSARY:
                q.terms.append(Term(key, GLOSSARY[key].forms, frozenset(),
                                    chunk[0][1], chunk[-1][2]))
                i += size
                break
        else:
            word, start, end = words[i]
            _classify_en(q, word, start, end)
            i += 1


def _classify_en(q: Query, word: str, start: int, end: int) -> None:
    low = word.lower().removesuffix("'s")
    for category, lexicon in _CATEGORY_EN.items():
        if low in lexicon.split():
            q.categories.add(category)
            return
    if low in _SAY_EN:
        q.say = True
        return
    if not word.isascii():  # an Arabic name inside an English question
        q.terms.append(Term(word, tuple(clitic_bases(norm(word))), frozenset(), start, end))
        return
    if low in _EN_STOP or low in {"al", "el"} or low in _VICTIM_EN.split() or len(low) < 2:
        return
    q.terms.append(Term(word, (), en_keys(low), start, end))


def _parse_ar(q: Query) -> None:
    normalized = norm(q.text)
    q.who_is = bool(_WHO_IS_AR.search(normalized))
    q.where = bool(_WHERE_AR.search(normalized))
    q.place_list = bool(_PLACE_CLASS_AR.search(normalized))
    q.when = bool(_WHEN_AR.search(normalized))
    toks = tokens(q.text)
    q.who = bool(toks) and toks[0].norm == "من"
    for tok in toks:
        bases = clitic_bases(tok.norm)
        if tok.norm in _COUNT_AR or bases[-1] in _COUNT_AR:
            q.count = True
            continue
        category = _ar_category(bases)
        if category is not None:
            q.categories.add(category)
            continue
        if any(b in _SAY_AR for b in bases):
            q.say = True
            continue
        if tok.norm in _AR_STOP or (len(bases) > 1 and bases[1] in _AR_STOP):
            continue
        if any(_ar_match(b, _VICTIM_FORMS) for b in bases):
            continue
        q.terms.append(Term(tok.text, tuple(bases), frozenset(), tok.start, tok.end))


def _ar_match(base: str, forms: Iterable[str]) -> bool:
    return any(base == f or (len(f) >= 3 and base.startswith(f) and len(base) - len(f) <= 3)
               for f in forms)


def _ar_category(bases: list[str]) -> CasualtyCategory | None:
    for category, forms in _CATEGORY_FORMS.items():
        if any(_ar_match(b, forms) for b in bases):
            return category
    return None


# ----------------------------------------------------------------------------- answers


@dataclass
class _Draft:
    """An answer being written: text parts and the facts they cite, numbered in order."""

    lang: Lang
    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, fact_id: str, kind: str, quote: Span) -> str:
        for c in self.citations:
            if c.fact_id == fact_id and c.quote == quote:
                return f"[{c.n}]"
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, fact_id=fact_id, kind=kind, quote=quote))
        return f"[{n}]"

    def answer(self, joiner: str = " ") -> Answer:
        parts = [p[:1].upper() + p[1:] for p in self.parts]  # 'the Syrian Observatory said'
        return Answer(text=joiner.join(parts), citations=self.citations,
                      language=self.lang, source="facts")


def unanswerable(lang: Lang) -> Answer:
    return Answer(text=UNANSWERABLE[lang], language=lang, source="none")


def _best(facts: list[Fact], terms: list[Term]) -> list[Fact]:
    """The facts whose context holds the most question terms (all of them when no terms)."""
    if not terms:
        return facts
    scored = [(sum(f.context.has(t) for t in terms), f) for f in facts]
    top = max((s for s, _ in scored), default=0)
    return [f for s, f in scored if s == top and s > 0]


def _fmt(n: int, lang: Lang) -> str:
    return f"{n:,}" if lang == "en" else str(n)


def count_phrase(c: CasualtyReport, lang: Lang) -> str:
    """How sure the figure is, in words: 'at least 50', 'about 80', 'between 30 and 35'."""
    low, best, high = c.count_low, c.count_best, c.count_high
    if best is None:
        return f"«{c.count_text}»"
    n = _fmt(best, lang)
    if low is not None and high is not None and low != high:
        return (f"between {_fmt(low, lang)} and {_fmt(high, lang)}" if lang == "en"
                else f"بين {low} و{high}")
    if low is not None and high is not None:
        return n
    if low is not None:
        return f"at least {n}" if lang == "en" else f"{n} على الأقل"
    if high is not None:
        return f"up to {n}" if lang == "en" else f"ما يصل إلى {n}"
    return f"about {n}" if lang == "en" else f"حوالي {n}"


def english_name(name: str) -> str:
    """An Arabic name as an English reader knows it, when the glossary does; else as written."""
    display = _DISPLAY.get(norm(name))
    return f"{display} ({name})" if display else name


_EN_VERB = {CasualtyCategory.killed: "were killed", CasualtyCategory.injured: "were injured",
            CasualtyCategory.displaced: "were displaced", CasualtyCategory.missing: "are missing",
            CasualtyCategory.detained: "were detained",
            CasualtyCategory.affected: "were affected"}
_AR_VERB = {CasualtyCategory.killed: "قُتل", CasualtyCategory.injured: "أصيب",
            CasualtyCategory.displaced: "نزح", CasualtyCategory.missing: "فُقد",
            CasualtyCategory.detained: "اعتُقل", CasualtyCategory.affected: "تضرر"}
_EN_VICTIMS = {Victims.civilians: "civilians", Victims.combatants: "fighters",
               Victims.security_forces: "members of the security forces"}


def _casualty_line(d: _Draft, f: Fact) -> str:
    c: CasualtyReport = f.obj
    mark = d.cite(f.id, f.kind, f.quote)
    away = c.category == CasualtyCategory.displaced
    vague = not re.search(r"\d", norm(c.count_text))
    if d.lang == "en":
        who = "families" if c.unit == CountUnit.families else _EN_VICTIMS.get(c.victims, "people")
        text = f"{count_phrase(c, 'en')} {who} {_EN_VERB[c.category]}"
        if vague:
            text += f" («{c.count_text}»)"
        if c.victim_detail:
            text += f" (including «{c.victim_detail}»)"
        if c.location:
            text += f" {'from' if away else 'in'} {english_name(c.location.name)}"
        if c.reported_by:
            text += f", according to {english_name(c.reported_by)}"
        return f"{text} {mark}."
    text = f"{_AR_VERB[c.category]} {c.count_text}"
    if c.victim_detail and c.victim_detail not in c.count_text:
        text += f"، {c.victim_detail}،"
    if c.location:
        text += f" {'من' if away else 'في'} {c.location.name}"
    text = text.rstrip("،")
    if c.reported_by:
        text += f"، وفق {c.reported_by}"
    return f"{text} {mark}."


def _answer_count(q: Query, fx: Facts) -> Answer | None:
    reports = [f for f in fx.of_kind("casualty") if f.obj.category in q.categories]
    if not reports:
        return None  # nothing extracted: the model may still find it in the sentences
    known = [t for t in q.terms if fx.knows(t)]
    best = _best(reports, known)
    if not best:
        return unanswerable(q.lang)  # figures exist, none for this place or source
    # "according to X": of reports in one sentence, keep those X gave, not the others'.
    sourced = [f for f in best if f.obj.reported_by
               and any(Words(f.obj.reported_by).has(t, min_key=2) for t in known)]
    best = sourced or best
    d = _Draft(q.lang)
    d.parts = [_casualty_line(d, f) for f in best]
    return d.answer()


_SAY_VERB = {StatementKind.denial: ("denied", "نفى"), StatementKind.accusation: ("accused", "اتهم")}


def _speaker_words(fx: Facts, statement: Statement) -> Words:
    """The speaker's names and title ('the Kremlin spokesman' finds Peskov)."""
    names = [statement.speaker]
    for a in fx.extraction.actors:
        if a.id == statement.speaker_id:
            names += [a.name, *a.aliases, a.title or ""]
    return Words(" ".join(names))


def _display(name: str, q: Query, matched: list[Term]) -> str:
    """A name for the answer: in English, the user's own spelling next to the Arabic."""
    if q.lang == "ar":
        return name
    typed = [t for t in matched if t.word.isascii()]
    if typed and not _DISPLAY.get(norm(name)):
        return f"{q.text[min(t.start for t in typed):max(t.end for t in typed)]} ({name})"
    return english_name(name)


def _answer_statements(q: Query, fx: Facts) -> Answer | None:
    statements = fx.of_kind("statement")
    known = [t for t in q.terms if fx.knows(t)]
    speakers = {f.id: _speaker_words(fx, f.obj) for f in statements}
    by_speaker = {f.id: [t for t in known if speakers[f.id].has(t, min_key=2)] for f in statements}
    most = max((len(v) for v in by_speaker.values()), default=0)
    if most:
        chosen = [f for f in statements if len(by_speaker[f.id]) == most]
        named = {id(t) for f in chosen for t in by_speaker[f.id]}
        topic = [t for t in known if id(t) not in named]
        if topic:
            chosen = _best(chosen, topic)  # none: maybe in a sentence no statement covers
    elif q.say and q.who and known:  # "who said ...?": the topic finds the speaker
        chosen = _best(statements, known)[:4]
    else:
        return None
    if not chosen:
        return None
    d = _Draft(q.lang)
    for f in chosen:
        s: Statement = f.obj
        en, ar = _SAY_VERB.get(s.kind, ("said", "قال"))
        words = s.text if len(s.text) <= _QUOTE_MAX else s.text[:_QUOTE_MAX] + "…"
        who = _display(s.speaker, q, by_speaker[f.id])
        mark = d.cite(f.id, f.kind, f.quote)
        d.parts.append(f"{who} {en}: «{words}» {mark}" if q.lang == "en"
                       else f"{ar} {who}: «{words}» {mark}")
    return d.answer("\n")


def _answer_who_is(q: Query, fx: Facts) -> Answer | None:
    known = [t for t in q.terms if fx.knows(t)]
    if not known:
        return None
    scored = []
    for f in fx.of_kind("actor"):
        names = Words(" ".join([f.obj.name, *f.obj.aliases]))
        hits = [t for t in known if names.has(t, min_key=2)]
        # A name the question gives counts twice a word of the title it gives.
        scored.append((2 * len(hits) + sum(f.context.has(t) for t in known), hits, f))
    if not scored or max(x[0] for x in scored) == 0:
        return None
    _, hits, f = max(scored, key=lambda x: x[0])
    a: Actor = f.obj
    role = a.title or _apposition(fx.article, a)
    if not role:
        return None
    if a.affiliation and norm(a.affiliation) not in norm(role):
        role += f"، {a.affiliation}"
    d = _Draft(q.lang)
    quote = f.quote if a.title else locate(fx.article, role, near=a.evidence[0].start) or f.quote
    mark = d.cite(f.id, f.kind, quote)
    d.parts.append(f"{_display(a.name, q, hits)}: {role} {mark}." if q.lang == "en"
                   else f"{a.name}: {role} {mark}.")
    return d.answer()


def _apposition(article: str, actor: Actor) -> str | None:
    """'زيد الصالح، وهو لواء في جيش الأسد ...،': the words that say who a person is."""
    for ev in actor.evidence:
        m = re.match(r"\s*،\s*(?:وهو|وهي)\s+([^،.\n]{3,160})", article[ev.end:])
        if m:
            return m.group(1).strip()
    return None


# A list of places after a place noun: 'أحياء بستان القصر والكلاسة وكرم الدعدع'.
_PLACE_NOUN = set(_split("أحياء حيي حيين بلدات مدن قرى مناطق مخيمات"))
_LIST_SKIP = set(_split("رئيسيين رئيسية هما هي"))
_LIST_STOP = set(_split("""بعد في من على الى إلى عن مع التي الذي كانت كان تحت عدا حيث
منذ خلال"""))


def place_lists(article: str, sent: Span) -> list[tuple[list[str], Span]]:
    """Enumerations of two or more place names in a sentence, each with its span."""
    found = []
    toks = tokens(article, sent.start, sent.end)
    for i, tok in enumerate(toks):
        if clitic_bases(tok.norm)[-1] not in _PLACE_NOUN and tok.norm not in _PLACE_NOUN:
            continue
        j = i + 1
        while j < len(toks) and toks[j].norm in _LIST_SKIP:
            j += 1
        items: list[list[Any]] = []
        while j < len(toks) and toks[j].norm not in _LIST_STOP:
            gap = article[toks[j - 1].end:toks[j].start]
            if items and re.search(r"[.؟?!«»:\n]", gap):
                break
            word = toks[j]
            starts_item = not items or "،" in gap or "," in gap or (
                word.text.startswith("و") and len(word.norm) > 3)
            if starts_item:
                text = word.text[1:] if items and word.text.startswith("و") and "،" not in gap \
                    else word.text
                items.append([text, word.start, word.end])
            elif len(items[-1][0].split()) < 3:
                items[-1][0] += " " + word.text
                items[-1][2] = word.end
            else:
                break
            j += 1
        if len(items) >= 2:
            found.append(([str(x[0]) for x in items], span(article, items[0][1], items[-1][2])))
    return found


def _covering(fx: Facts, quote: Span, kinds: tuple[str, ...]) -> Fact | None:
    for f in fx.facts:
        if f.kind in kinds and any(e.start <= quote.start and quote.end <= e.end
                                   for e in f.obj.evidence):
            return f
    return None


def _answer_place_list(q: Query, fx: Facts) -> Answer | None:
    known = [t for t in q.terms if fx.knows(t)]
    scored = []
    for k, (sent, words) in enumerate(fx.sentences):
        lists = place_lists(fx.article, sent)
        if lists:
            scored.append((sum(words.has(t) for t in known), k, lists))
    top = max((s for s, _, _ in scored), default=0)
    if top == 0:
        return None
    d = _Draft(q.lang)
    for score, k, lists in scored:
        if score < top:
            continue
        for names, quote in lists:
            fact = _covering(fx, quote, ("event", "statement"))
            mark = (d.cite(fact.id, fact.kind, quote) if fact
                    else d.cite(f"sentence-{k + 1}", "sentence", quote))
            d.parts.append(f"The article names: {', '.join(names)} {mark}." if q.lang == "en"
                           else f"يذكر المقال: {'، '.join(names)} {mark}.")
    return d.answer()


def _best_with(q: Query, fx: Facts, field: str) -> list[Fact]:
    """Events and casualty reports that have `field`, in the asked category, best match first."""
    having = [f for f in fx.facts if f.kind in ("event", "casualty") and getattr(f.obj, field)
              and (not q.categories or getattr(f.obj, "category", None) in q.categories)]
    return _best(having, [t for t in q.terms if fx.knows(t)])


def _answer_where(q: Query, fx: Facts) -> Answer | None:
    if q.place_list:
        return _answer_place_list(q, fx)
    best = _best_with(q, fx, "location")
    if not best:
        return None
    d = _Draft(q.lang)
    seen: dict[str, str] = {}
    for f in best:
        loc = f.obj.location
        quote = loc.evidence[0] if loc.evidence else f.quote
        mark = d.cite(f.id, f.kind, quote)
        seen[loc.name] = seen.get(loc.name, "") + mark
    d.parts = [f"In {english_name(name)} {marks}." if q.lang == "en" else f"في {name} {marks}."
               for name, marks in seen.items()]
    return d.answer()


def _answer_when(q: Query, fx: Facts) -> Answer | None:
    best = _best_with(q, fx, "date")
    if not best:
        return None
    d = _Draft(q.lang)
    seen: dict[str, str] = {}
    for f in best:
        item: Event | CasualtyReport = f.obj
        words = f" («{item.date_text}»)" if item.date_text else ""
        label = f"{item.date}{words}"
        seen[label] = seen.get(label, "") + d.cite(f.id, f.kind, f.quote)
    d.parts = [f"On {label} {marks}." if q.lang == "en" else f"في {label} {marks}."
               for label, marks in seen.items()]
    return d.answer()


def _answer_who_did(q: Query, fx: Facts) -> Answer | None:
    reports = [f for f in fx.of_kind("casualty")
               if f.obj.category in q.categories and f.obj.perpetrator]
    best = _best(reports, [t for t in q.terms if fx.knows(t)])
    if not best:
        return None
    d = _Draft(q.lang)
    d.parts = [f"{english_name(f.obj.perpetrator) if q.lang == 'en' else f.obj.perpetrator} "
               f"{d.cite(f.id, f.kind, f.quote)}." for f in best]
    return d.answer()


def code_answer(q: Query, fx: Facts) -> Answer | None:
    """The answer code can give from the facts, or None when the question is not structured
    (or the facts it needs were not extracted)."""
    if q.categories and (q.count or not q.who) and not q.where and not q.when:
        return _answer_count(q, fx)
    if q.categories and q.who and not q.who_is:
        return _answer_who_did(q, fx)
    if q.say:
        return _answer_statements(q, fx)
    if q.who_is:
        return _answer_who_is(q, fx)
    if q.where or (q.place_list and not q.when):
        return _answer_where(q, fx)
    if q.when:
        return _answer_when(q, fx)
    return None


def out_of_article(q: Query, fx: Facts) -> bool:
    """True when the question asks about something the article never mentions: no content
    word found, or only names found next to a word that is not there ('weather in Paris')."""
    if not q.terms:
        return False
    known = [t for t in q.terms if fx.knows(t)]
    if not known:
        return True
    unknown = [t for t in q.terms if t not in known]
    only_names = all(fx.names.has(t, min_key=2) or _is_name(t) for t in known)
    return bool(unknown) and only_names


def _is_name(term: Term) -> bool:
    gloss = GLOSSARY.get(term.word.lower())
    return bool(gloss and gloss.display) or bool(term.keys)


# ----------------------------------------------------------------------------- the model
# The small model answers well over a few relevant lines and loses its way in a long list of
# facts, so it gets the facts and sentences sharing the most words with the question.
# Each line costs prompt time on every question (~90 tokens/s): two of each keep the first
# token near 3 s on two cores.
MAX_FACTS, MAX_SENTENCES = 2, 2


@dataclass(frozen=True)
class Item:
    """A numbered line the model may cite: a fact or an article sentence."""

    n: int
    fact_id: str
    kind: str
    quote: Span
    line: str


def context(q: Query, fx: Facts) -> list[Item]:
    """The facts, then the sentences, that share the most question words, numbered from 1."""
    known = [t for t in q.terms if fx.knows(t)] + _category_terms(q)

    def top(words: list[Words], k: int) -> list[int]:
        scored = [(sum(w.has(t) for t in known), i) for i, w in enumerate(words)]
        ranked = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1]))
        return [i for _, i in ranked[:k]]

    items: list[Item] = []
    for i in top([f.context for f in fx.facts], MAX_FACTS):
        f = fx.facts[i]
        items.append(Item(len(items) + 1, f.id, f.kind, f.quote, _clip(_fact_line(f))))
    for k in top([w for _, w in fx.sentences], MAX_SENTENCES):
        sent = fx.sentences[k][0]
        items.append(Item(len(items) + 1, f"sentence-{k + 1}", "sentence", sent,
                          f"«{_clip(sent.text, 1.5)}»"))
    return items


def _clip(text: str, lines: float = 1) -> str:
    limit = int(lines * _LINE_MAX)
    return text if len(text) <= limit else text[:limit] + "…"


def _fact_line(f: Fact) -> str:
    o = f.obj
    if f.kind == "casualty":
        parts = [f"{o.category}: {count_phrase(o, 'en')} {o.unit} ({o.victims})",
                 f"«{o.count_text}»"]
        parts += [f"in {o.location.name}"] if o.location else []
        parts += [f"on {o.date}"] if o.date else []
        parts += [f"reported by {o.reported_by}"] if o.reported_by else []
        parts += [f"caused by {o.perpetrator}"] if o.perpetrator else []
        return "casualties, " + " — ".join(parts)
    if f.kind == "statement":
        return f"statement by {o.speaker} ({o.kind}): «{o.text}»"
    if f.kind == "actor":
        about = " — ".join(x for x in (o.title, o.affiliation) if x)
        return f"actor ({o.type}): {o.name}" + (f" — {about}" if about else "")
    parts = [f"event ({o.type}): «{o.description}»"]
    parts += [f"in {o.location.name}"] if o.location else []
    parts += [f"on {o.date}"] if o.date else []
    return " — ".join(parts)


def _category_terms(q: Query) -> list[Term]:
    return [Term(str(c), _CATEGORY_FORMS[c], frozenset(), 0, 0) for c in q.categories]


_CITE = re.compile(r"\[(\d+)\]")


def prompt(q: Query, items: list[Item], history: list[tuple[str, str]] | None) -> list[Message]:
    """The instructions and a worked example come first and never change, so llama.cpp keeps
    them in its KV cache; the lines and the question follow."""
    return render("answer", items=items, question=q.text,
                  language="English" if q.lang == "en" else "Arabic",
                  # The last exchange only, clipped: every token delays the answer. Its [n]
                  # pointed at other lines: drop them.
                  history=[(asked, _clip(_CITE.sub("", said))) for asked, said in
                           (history or [])[-1:]])


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\s*(?:ألف|آلاف|الف|الاف|thousand|مليون|million))?")
_NOT_SAID = re.compile(r"does(?: not|n't) (?:say|mention|specify|state)|not (?:mentioned|"
                       r"specified|stated)|no information|لا يذكر|لم يذكر|غير مذكور|لا يحدد|"
                       r"لم يحدد|لا تتوفر|لا يوجد")


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
        tail = m.group(0)[raw.end():]
        if re.search(r"ألف|آلاف|الف|الاف|thousand", tail):
            out.add(int(value * 1000))
        elif re.search(r"مليون|million", tail):
            out.add(int(value * 1_000_000))
    return out


def check(reply: str, q: Query, items: list[Item], article: Words) -> Answer | None:
    """The model's reply as a cited Answer, or None when it does not hold up.

    Citations must point at given lines; a reply without any is attributed by code to the
    lines holding its words and numbers. Every number must stand in the cited lines, and every
    name of an English reply in the article.
    """
    text = norm_digits(reply.strip())
    if not text or _NOT_SAID.search(text.lower()):
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


def norm_digits(text: str) -> str:
    """Eastern digits inside citation marks to Western ones, so [١] cites like [1]."""
    return re.sub(r"\[([٠-٩]+)\]", lambda m: f"[{norm(m.group(1))}]", text)


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
        if not before or before[-1] in ".!?:\n" or (low in _KNOWN_EN and low not in GLOSSARY):
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


def quote_answer(q: Query, items: list[Item]) -> Answer:
    """The article's own words that best match the question: the top sentence, else fact."""
    item = next((i for i in items if i.kind == "sentence"), items[0])
    d = _Draft(q.lang)
    mark = d.cite(item.fact_id, item.kind, item.quote)
    d.parts.append(f"The article says: «{item.quote.text}» {mark}" if q.lang == "en"
                   else f"يقول المقال: «{item.quote.text}» {mark}")
    return d.answer()


def _model_reply(llm: LLM, messages: list[Message]) -> Iterator[str]:
    stream = getattr(llm, "stream", None)
    if stream is None:
        yield llm.complete(messages, max_tokens=MAX_TOKENS)
    else:
        yield from stream(messages, max_tokens=MAX_TOKENS)


# ----------------------------------------------------------------------------- public


def answer_stream(question: str, extraction: ArticleExtraction, article: str,
                  history: list[tuple[str, str]] | None = None,
                  llm: LLM | None = None) -> Iterator[str | Answer]:
    """Yield the answer's text as it grows (model answers only), then the final Answer.

    Structured questions are answered by code; the rest by the model over the few most
    relevant lines (English) or by quoting the best of those lines (Arabic, or no model).
    The final Answer may differ from the streamed text: a model reply that fails the checks
    is replaced by 'the article does not say'.
    """
    q = parse(question)
    fx = Facts.build(extraction, article)
    coded = code_answer(q, fx)
    if coded is not None:
        yield coded
        return
    items = context(q, fx)
    if out_of_article(q, fx) or not items:
        yield unanswerable(q.lang)
        return
    if q.lang == "ar" or llm is None:
        # Measured: the 1.5B model's Arabic garbles the meaning even when every word is the
        # article's, so an Arabic question gets the article's own words instead.
        yield quote_answer(q, items)
        return
    reply = ""
    for piece in _model_reply(llm, prompt(q, items, history)):
        reply += piece
        yield reply
    yield check(reply, q, items, fx.words) or unanswerable(q.lang)


def answer(question: str, extraction: ArticleExtraction, article: str,
           history: list[tuple[str, str]] | None = None, llm: LLM | None = None) -> Answer:
    """Answer one question about the article, in the question's language, with citations."""
    *_, final = answer_stream(question, extraction, article, history, llm)
    assert isinstance(final, Answer)
    return final


def render_terminal(ans: Answer) -> str:
    """The answer and, under it, each citation's quoted words and where they stand."""
    lines = [ans.text]
    if ans.citations:
        lines.append("")
    for c in ans.citations:
        lines.append(f"[{c.n}] {c.fact_id} ({c.kind}), chars {c.quote.start}-{c.quote.end}: "
                     f"«{c.quote.text}»")
    return "\n".join(lines)


def warm(llm: LLM) -> None:
    """Have the model read the fixed start of every answer prompt once, so that the first
    question only costs its own lines (llama.cpp reuses the longest shared prompt prefix)."""
    llm.complete(prompt(parse("?"), [], None), max_tokens=1)


def time_to_first_token(extraction: ArticleExtraction, article: str, llm: LLM,
                        question: str = "How many air strikes did Moscow launch on Palmyra?",
                        ) -> dict[str, Any]:
    """Seconds to the first streamed piece of a model-phrased answer (after warm()) and to the
    whole checked answer, for agent.eval.bench; a code answer's time is in `facts_seconds`."""
    warm(llm)
    started = time.perf_counter()
    first = None
    final: Answer | None = None
    for item in answer_stream(question, extraction, article, llm=llm):
        if first is None:
            first = time.perf_counter() - started
        if isinstance(item, Answer):
            final = item
    seconds = time.perf_counter() - started
    assert final is not None
    started = time.perf_counter()
    answer("How many civilians were killed in Hama?", extraction, article, llm=llm)
    return {"ttft": first, "seconds": seconds, "source": final.source, "question": question,
            "answer": final.text, "facts_seconds": time.perf_counter() - started}
