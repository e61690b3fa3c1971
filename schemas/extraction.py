"""The public contract of Naba: what one article's extraction looks like.

Every fact carries `evidence`, the exact words of the article it came from, as character
offsets into the article exactly as the user gave it (article[start:end] == text).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"


class Strict(BaseModel):
    """Base for every schema: unknown keys are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Span(Strict):
    text: str = Field(description="The words exactly as they stand in the article.")
    start: int = Field(ge=0, description="Offset of the first character in the article.")
    end: int = Field(ge=0, description="Offset one past the last character (end exclusive).")


class ActorType(StrEnum):
    person = "person"
    organization = "organization"
    armed_group = "armed_group"
    state_forces = "state_forces"
    state = "state"
    international_organization = "international_organization"
    media = "media"
    civilians = "civilians"
    other = "other"


class Actor(Strict):
    id: str = Field(description="Stable id within the article: a1, a2, ... by first mention.")
    name: str = Field(description="The fullest form of the name as written in the article.")
    type: ActorType = Field(description="What kind of actor this is.")
    title: str | None = Field(
        default=None,
        description="Title or role the article gives, as written (e.g. 'لواء في جيش الأسد').",
    )
    affiliation: str | None = Field(
        default=None, description="Organization or state the actor belongs to, as written."
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="Other forms of the name in the same article (e.g. 'حجاب' for 'رياض حجاب').",
    )
    evidence: list[Span] = Field(description="Every place the article names this actor.")


class EventType(StrEnum):
    armed_clash = "armed_clash"
    air_drone_strike = "air_drone_strike"
    shelling_artillery = "shelling_artillery"
    explosion_bombing = "explosion_bombing"
    attack_on_civilians = "attack_on_civilians"
    territory_change = "territory_change"
    displacement = "displacement"
    arrest = "arrest"
    protest = "protest"
    riot = "riot"
    meeting_agreement = "meeting_agreement"
    natural_disaster = "natural_disaster"
    accident = "accident"
    disease_outbreak = "disease_outbreak"
    other = "other"


class EventSubtype(StrEnum):
    """What kind of disaster, accident or outbreak, in the words of EM-DAT, ReliefWeb and
    GDACS: natural_disaster (earthquake … extreme_temperature), accident (road … industrial),
    disease_outbreak (epidemic)."""

    earthquake = "earthquake"
    flood = "flood"
    storm = "storm"
    landslide = "landslide"
    drought = "drought"
    wildfire = "wildfire"
    extreme_temperature = "extreme_temperature"
    road = "road"
    rail = "rail"
    air = "air"
    water = "water"
    fire = "fire"
    collapse = "collapse"
    explosion = "explosion"
    stampede = "stampede"
    industrial = "industrial"
    epidemic = "epidemic"


class DatePrecision(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    unknown = "unknown"


class Modality(StrEnum):
    asserted = "asserted"
    negated = "negated"
    claimed = "claimed"
    hypothetical = "hypothetical"


class ActorRole(StrEnum):
    initiator = "initiator"
    target = "target"
    other = "other"


class Location(Strict):
    name: str = Field(description="The place as written in the article (e.g. 'محافظة حماة').")
    area: str | None = Field(default=None, description="Wider area as written, if given.")
    country: str | None = Field(default=None, description="Country as written, if given.")
    evidence: list[Span] = Field(description="Where the article names this place.")


class EventActor(Strict):
    actor_id: str | None = Field(description="Id of the actor in `actors`, if it was resolved.")
    name: str = Field(description="The actor's name as written in this event's words.")
    role: ActorRole = Field(description="initiator (did it) or target (had it done to them).")


class Event(Strict):
    id: str = Field(description="Stable id within the article: e1, e2, ...")
    type: EventType = Field(description="ACLED-style type of what happened.")
    subtype: EventSubtype | None = Field(
        default=None,
        description="For natural_disaster, accident and disease_outbreak, the EM-DAT-style kind "
        "when the article's words name it (earthquake, flood, storm, landslide, drought, "
        "wildfire, extreme_temperature; road, rail, air, water, fire, collapse, explosion, "
        "stampede, industrial; epidemic); null otherwise.",
    )
    description: str = Field(description="Short description, copied from the article's words.")
    date: str | None = Field(
        default=None, description="ISO date (YYYY-MM-DD) resolved against publication, or null."
    )
    date_text: str | None = Field(default=None, description="The date words as written.")
    date_precision: DatePrecision = Field(
        default=DatePrecision.unknown, description="How precise `date` is."
    )
    location: Location | None = Field(default=None, description="Where it happened.")
    actors: list[EventActor] = Field(default_factory=list, description="Who took part, with role.")
    modality: Modality = Field(
        default=Modality.asserted,
        description="asserted, negated, claimed (by a party) or hypothetical/future.",
    )
    evidence: list[Span] = Field(description="The words that report the event.")


class StatementKind(StrEnum):
    direct_quote = "direct_quote"
    reported_speech = "reported_speech"
    claim = "claim"
    denial = "denial"
    accusation = "accusation"


class Statement(Strict):
    id: str = Field(description="Stable id within the article: s1, s2, ...")
    speaker: str = Field(description="Who said it, name as written in the article.")
    speaker_id: str | None = Field(default=None, description="Id of the speaker in `actors`.")
    kind: StatementKind = Field(description="Direct quote, reported speech, claim, denial, ...")
    text: str = Field(description="The words said, copied from the article.")
    evidence: list[Span] = Field(description="The reporting sentence or clause in the article.")


class CasualtyCategory(StrEnum):
    killed = "killed"
    injured = "injured"
    displaced = "displaced"
    missing = "missing"
    detained = "detained"
    affected = "affected"
    sick = "sick"
    rescued = "rescued"
    evacuated = "evacuated"


class CountUnit(StrEnum):
    people = "people"
    families = "families"
    homes = "homes"


class Victims(StrEnum):
    civilians = "civilians"
    combatants = "combatants"
    security_forces = "security_forces"
    mixed = "mixed"
    unknown = "unknown"


class CasualtyReport(Strict):
    id: str = Field(description="Stable id within the article: c1, c2, ...")
    category: CasualtyCategory = Field(
        description="What happened to the people counted: killed (deaths from any cause, "
        "disease included), injured (wounded, hurt), displaced, missing (at sea, under rubble), "
        "detained (arrested, held), affected, sick (cases of a disease: «إصابة»/«حالة» in an "
        "epidemic is a case, not a wound; suspected and confirmed cases are separate reports, "
        "and which one a figure is stays in its words, count_text and evidence, e.g. "
        "'حالة اشتباه', 'مؤكدة مخبرياً'), rescued, evacuated (moved out of danger by "
        "authorities). Houses destroyed or damaged are counted as affected with unit 'homes'.")
    count_low: int | None = Field(default=None, ge=0, description="Lowest figure the words allow.")
    count_best: int | None = Field(
        default=None, ge=0, description="Best (most conservative stated) figure."
    )
    count_high: int | None = Field(default=None, ge=0, description="Highest figure, if bounded.")
    count_text: str = Field(description="The number words as written (e.g. '50 مدنيا على الأقل').")
    unit: CountUnit = Field(
        default=CountUnit.people,
        description="people, families/households, or homes (houses destroyed or damaged).")
    victims: Victims = Field(default=Victims.unknown, description="Who the victims were.")
    victim_detail: str | None = Field(
        default=None, description="Breakdown as written (e.g. 'بينهم 11 طفلا')."
    )
    cause: str | None = Field(default=None, description="Cause as written (e.g. 'غارات').")
    location: Location | None = Field(default=None, description="Where, as written.")
    date: str | None = Field(default=None, description="ISO date resolved against publication.")
    date_text: str | None = Field(default=None, description="The date words as written.")
    perpetrator: str | None = Field(
        default=None, description="Who caused it, as written; null when the article does not say."
    )
    reported_by: str | None = Field(
        default=None, description="Source of the figure as written ('المرصد السوري ...')."
    )
    evidence: list[Span] = Field(description="The words that report the figure.")


class ArticleInfo(Strict):
    id: str = Field(description="Content hash of the article text (sha256, first 16 hex digits).")
    title: str | None = Field(default=None, description="First line when it reads as a title.")
    published: str | None = Field(default=None, description="Publication date given (ISO).")
    char_count: int = Field(ge=0, description="Length of the article in characters.")


class ModelInfo(Strict):
    name: str = Field(description="File name of the GGUF model, or 'none'.")
    sha256: str | None = Field(default=None, description="sha256 of the GGUF file.")


class ArticleExtraction(Strict):
    schema_version: str = Field(default=SCHEMA_VERSION, description="Bumped when readers break.")
    article: ArticleInfo
    events: list[Event] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    casualties: list[CasualtyReport] = Field(default_factory=list)
    model: ModelInfo
    warnings: list[str] = Field(
        default_factory=list, description="What was dropped or doubtful, one line each."
    )
