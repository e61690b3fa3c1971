"""How an article and its facts look in the browser: the article with its evidence marked,
the fact tables and CSV, an answer as chat Markdown, and the page's CSS and JS. No Gradio here."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from typing import Any

from agent.chat import Answer, count_phrase
from schemas import ArticleExtraction, Span

KINDS = ("casualty", "statement", "event", "actor")  # colour priority where spans overlap
FONTS = '"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif'

CSS = f"""
.naba-article {{ direction: rtl; text-align: right; font-family: {FONTS}; font-size: 1.15rem;
  line-height: 2.1; white-space: pre-wrap; max-height: 68vh; overflow-y: auto; padding: 0.8rem;
  border: 1px solid var(--border-color-primary); border-radius: 8px; }}
.naba-article mark {{ padding: 0 1px; border-radius: 3px; color: inherit; }}
.naba-article mark[data-kind=casualty] {{ background: #fbd3d0; }}
.naba-article mark[data-kind=statement] {{ background: #d4e4fb; }}
.naba-article mark[data-kind=event] {{ background: #fde8c4; }}
.naba-article mark[data-kind=actor] {{ background: #d5f0dc; }}
.naba-article mark[data-kind=quote] {{ background: transparent; }}
.naba-article mark.cited {{ box-shadow: inset 0 -3px 0 #7a4fd6; }}
.naba-article mark.focus {{ outline: 3px solid #7a4fd6; background: #e7dcff; }}
.naba-legend mark {{ padding: 0 6px; border-radius: 3px; }}
.naba-chat .message-content, .naba-chat .prose, .naba-chat p, .naba-chat li {{
  unicode-bidi: plaintext; text-align: start; font-family: {FONTS}; }}
.naba-chat ul {{ direction: rtl; }}
.naba-table span {{ font-family: {FONTS}; unicode-bidi: plaintext; }}
"""

# Citation links and the fact picker scroll the article to the marks that carry the id.
JS = """
() => {
  window.nabaShow = (id) => {
    let first = null;
    document.querySelectorAll('.naba-article mark').forEach((m) => {
      const on = (m.dataset.ids || '').split(' ').includes(id);
      m.classList.toggle('focus', on);
      if (on && !first) first = m;
    });
    if (first) first.scrollIntoView({behavior: 'smooth', block: 'center'});
  };
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href^="#cite-"], a[href^="#fact-"]');
    if (!a) return;
    e.preventDefault();
    e.stopPropagation();
    window.nabaShow(a.getAttribute('href').slice(1));
  }, true);
}
"""

LEGEND = ('<div class="naba-legend">'
          + " ".join(f'<mark style="background:{c}">{k}</mark>' for k, c in
                     [("casualty", "#fbd3d0"), ("statement", "#d4e4fb"), ("event", "#fde8c4"),
                      ("actor", "#d5f0dc")])
          + "</div>")


def _facts(extraction: ArticleExtraction) -> Iterator[tuple[str, str, Any]]:
    for kind, facts in (("casualty", extraction.casualties), ("statement", extraction.statements),
                        ("event", extraction.events), ("actor", extraction.actors)):
        for fact in facts:
            yield kind, fact.id, fact


def cite_id(quote: Span) -> str:
    return f"cite-{quote.start}-{quote.end}"


def article_html(text: str, extraction: ArticleExtraction, cited: Sequence[Span] = ()) -> str:
    """The article with every evidence span marked by kind; overlapping spans are cut into
    segments that carry all their facts. Fact and citation ids let links find the words."""
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, id
    for kind, fact_id, fact in _facts(extraction):
        spans += [(s.start, s.end, kind, f"fact-{fact_id}") for s in fact.evidence]
    spans += [(q.start, q.end, "quote", cite_id(q)) for q in cited]
    cuts = sorted({0, len(text)} | {p for s, e, _, _ in spans for p in (s, e)})
    out = []
    for a, b in pairwise(cuts):
        piece = html.escape(text[a:b])
        active = [(kind, i) for s, e, kind, i in spans if s <= a and b <= e]
        if not active:
            out.append(piece)
            continue
        ids = list(dict.fromkeys(i for _, i in active))
        kinds = {k for k, _ in active}
        kind = next((k for k in KINDS if k in kinds), "quote")
        facts = " ".join(i.removeprefix("fact-") for i in ids if i.startswith("fact-"))
        cls = ' class="cited"' if "quote" in kinds else ""
        out.append(f'<mark data-kind="{kind}" data-fact="{facts}" data-ids="{" ".join(ids)}"'
                   f'{cls}>{piece}</mark>')
    return f'<div class="naba-article" dir="rtl" lang="ar">{"".join(out)}</div>'


def _location(fact: Any) -> str:
    return fact.location.name if fact.location else ""


TABLES: dict[str, tuple[list[str], Callable[[ArticleExtraction], list[list[Any]]]]] = {
    "events": (["id", "type", "date", "location", "modality", "actors", "description"],
               lambda x: [[e.id, e.type, e.date or e.date_text or "", _location(e), e.modality,
                           "، ".join(a.name for a in e.actors), e.description]
                          for e in x.events]),
    "actors": (["id", "name", "type", "title", "affiliation", "aliases"],
               lambda x: [[a.id, a.name, a.type, a.title or "", a.affiliation or "",
                           "، ".join(a.aliases)] for a in x.actors]),
    "statements": (["id", "speaker", "kind", "text"],
                   lambda x: [[s.id, s.speaker, s.kind, s.text] for s in x.statements]),
    "casualties": (["id", "category", "count", "low", "best", "high", "unit", "victims",
                    "location", "date", "reported by", "words"],
                   lambda x: [[c.id, c.category, count_phrase(c, "en"), c.count_low,
                               c.count_best, c.count_high, c.unit, c.victims, _location(c),
                               c.date or c.date_text or "", c.reported_by or "", c.count_text]
                              for c in x.casualties]),
}


def table(extraction: ArticleExtraction, name: str) -> dict[str, Any]:
    headers, rows = TABLES[name]
    return {"headers": headers, "data": rows(extraction) or [[""] * len(headers)]}


def facts_csv(extraction: ArticleExtraction) -> str:
    """Every fact as one row per evidence span: kind, id, what, who, counts, where, when,
    and the exact words with their offsets."""
    buf = io.StringIO()
    out = csv.writer(buf)
    out.writerow(["kind", "id", "type", "text", "who", "count_low", "count_best", "count_high",
                  "location", "date", "evidence", "start", "end"])
    for kind, fact_id, f in _facts(extraction):
        what = getattr(f, "type", None) or getattr(f, "category", None) or getattr(f, "kind", "")
        text = (getattr(f, "description", None) or getattr(f, "count_text", None)
                or getattr(f, "text", None) or f.name)
        who = getattr(f, "speaker", None) or getattr(f, "reported_by", None) or ""
        counts = [getattr(f, k, None) for k in ("count_low", "count_best", "count_high")]
        where = _location(f) if hasattr(f, "location") else ""
        for s in f.evidence:
            out.writerow([kind, fact_id, what, text, who, *counts, where,
                          getattr(f, "date", None) or "", s.text, s.start, s.end])
    return buf.getvalue()


def fact_choices(extraction: ArticleExtraction) -> list[tuple[str, str]]:
    def label(kind: str, f: Any) -> str:
        if kind == "casualty":
            return f"{f.category} {count_phrase(f, 'en')} — {f.count_text}"
        if kind == "statement":
            return f"{f.speaker}: {f.text[:60]}"
        if kind == "event":
            return f"{f.type}: {f.description[:60]}"
        return f"{f.name} ({f.type})"

    return [(f"{fact_id} · {label(kind, f)}", fact_id) for kind, fact_id, f in _facts(extraction)]


def chat_markdown(ans: Answer) -> str:
    """The answer for the chat pane: [n] links to the cited words, then the words themselves,
    one list item each (each item takes the direction of its first letter)."""
    links = {c.n: f"#{cite_id(c.quote)}" for c in ans.citations}

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return f"[\\[{n}\\]]({links[n]})" if n in links else m.group(0)

    lines = [re.sub(r"\\\[(\d+)\\\]", link, md_escape(ans.text))]
    if ans.citations:
        lines.append("")
        lines += [f"- «{md_escape(c.quote.text)}» [\\[{c.n}\\]]({links[c.n]}) {c.fact_id}"
                  for c in ans.citations]
    return "\n".join(lines)


def md_escape(text: str) -> str:
    """Text shown as itself in Markdown: every character Markdown would read escaped."""
    return re.sub(r"([\\`*_#<>|\[\]])", r"\\\1", text)
