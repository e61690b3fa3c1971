"""A claim of responsibility: 'which group claimed the attack' is answered only by a sentence in
which someone claims it («وتبنّت حركة الشباب الهجوم»), not by one that says nobody has («ولم تعلن
أي جهة مسؤوليتها عن الهجوم») or by any sentence about the attack."""

from __future__ import annotations

import re

from agent.text.arabic import norm

# 'claimed responsibility', 'claimed the abduction'; not 'claimed that 35 hostages died'.
_ASKED_EN = re.compile(r"\bclaim(?:s|ed|ing)?\s+(?:responsibility|credit|the|this)\b", re.I)
# «تبنّى»، «تبنّت»، «تبناه»، «أعلن تبنيه»، «أعلنت مسؤوليتها».
_CLAIM_AR = r"(?<!\S)[وف]?[يت]?تبن\S*|(?<!\S)[وف]?مسؤوليت(?:ه|ها|هم|هما)(?!\S)"
_ASKED_AR = re.compile(_CLAIM_AR)
# What may stand before the claim word in its clause and undo it: «لم تعلن»، «دون أن تتبنى»،
# «نفت مسؤوليتها»، «حمّل … مسؤوليته» (a blame, not a claim).
_UNDONE = re.compile(r"(?<!\S)[وف]?(?:لم|لا|لن|دون|بدون|نفي|نفت|ينفي|تنفي|نفوا|حمل|حملت|يحمل|"
                     r"تحمل|حملوا)(?!\S)")
_CLAUSE = re.compile(r"[.،,؛;:!?؟]")


def asks_claim(question: str) -> bool:
    """The question asks who claimed an attack ('which group claimed responsibility')."""
    return bool(_ASKED_EN.search(question) or _ASKED_AR.search(norm(question)))


def claims(sentence: str) -> bool:
    """The sentence tells that someone claimed it: a claim word not undone in its clause."""
    text = norm(sentence)
    for m in _ASKED_AR.finditer(text):
        clause = _CLAUSE.split(text[:m.start()])[-1]
        if not _UNDONE.search(clause):
            return True
    return False
