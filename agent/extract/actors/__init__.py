"""Who acts and speaks in an article: people after titles, groups and forces by head noun, states
that act, and the names other modules found, merged into one actor with many aliases.

words: the lexicons and tests on single words; quotes: gaps between words; names: reading one
name; holders: the person a long title ends with; kinds: its ActorType; mentions: finding names
in a range; merge: one actor per referent.
"""

from agent.extract.actors.groups import to_whom
from agent.extract.actors.holders import holder_before
from agent.extract.actors.kinds import classify
from agent.extract.actors.learned import named_in
from agent.extract.actors.mentions import Mention, mentions_in, names_in
from agent.extract.actors.merge import find_actors, link
from agent.extract.actors.names import Named, name_start, named_phrase
from agent.extract.actors.quotes import gap, passable, quote_regions, quotes
from agent.extract.actors.words import (
    ACTOR_VERBS,
    ADVERBS,
    CHANNELS,
    CHARGES,
    CLOSED_CONNECTORS,
    CONNECTORS,
    NAMED_GROUPS,
    ORG_HEADS,
    RELATIVE,
    STOP_WORDS,
    SUBJECT_ADVERBS,
    TITLE_HEADS,
    definite,
    is_title_head,
    key,
    loose_definite,
    unjoined,
)

__all__ = [
    "ACTOR_VERBS", "ADVERBS", "CHANNELS", "CHARGES", "CLOSED_CONNECTORS", "CONNECTORS",
    "NAMED_GROUPS", "ORG_HEADS", "RELATIVE", "STOP_WORDS", "SUBJECT_ADVERBS", "TITLE_HEADS",
    "Mention", "Named", "classify", "definite", "find_actors", "gap", "holder_before",
    "is_title_head", "key", "link", "loose_definite", "mentions_in", "name_start", "named_in",
    "named_phrase", "names_in", "passable", "quote_regions", "quotes", "to_whom", "unjoined",
]
