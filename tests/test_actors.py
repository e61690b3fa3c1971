"""Actors: people after titles, groups by head noun, states that act (not places), merged
within an article into one actor with many aliases; every mention is a verified span."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.extract import actors, extract
from agent.extract.actors import classify, find_actors, link
from agent.text.arabic import norm, tokens
from agent.text.doc import Doc, locate, verify
from schemas import Actor, ActorType, Span

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4c6aceeda1af29a0.txt"

# The speakers the statements module hands over for the founding article.
SPEAKERS = ["المرصد السوري لحقوق الإنسان", "زيد الصالح", "رامي عبدالرحمن", "شهود عيان",
            "رياض حجاب", "حجاب", "ديمتري بيسكوف", "بيسكوف", "جان-مارك إيرولت", "مصادر أخرى"]


def mentions(text: str, names: list[str]) -> list[tuple[str, Span]]:
    out = []
    for name in names:
        where = locate(text, name)
        assert where is not None, name
        out.append((name, where))
    return out


def actors_of(text: str, names: list[str] | None = None) -> list[Actor]:
    found = find_actors(Doc.build(text), mentions(text, names or []))
    for a in found:  # grounded: every mention verifies, the name is one of them
        assert a.evidence and all(verify(text, e) for e in a.evidence)
    return found


def by_name(found: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in found}


@pytest.fixture(scope="module")
def founding() -> list[Actor]:
    text = SEED.read_text(encoding="utf-8")
    return actors_of(text, SPEAKERS)


@pytest.mark.parametrize(("name", "kind", "aliases"), [
    ("المرصد السوري لحقوق الإنسان", ActorType.organization, {"المرصد"}),
    ("زيد الصالح", ActorType.person, set()),
    ("رامي عبدالرحمن", ActorType.person, set()),
    ("رياض حجاب", ActorType.person, {"حجاب"}),
    ("فرانسوا هولاند", ActorType.person, set()),
    ("ديمتري بيسكوف", ActorType.person, {"بيسكوف"}),
    ("جان-مارك إيرولت", ActorType.person, set()),
    ("بشار الأسد", ActorType.person, {"الأسد"}),
    ("روسيا", ActorType.state, {"موسكو"}),
    ("الولايات المتحدة", ActorType.state, {"واشنطن"}),
    ("تنظيم «داعش»", ActorType.armed_group, {"تنظيم الدولة الإسلامية"}),
    ("مقاتلو المعارضة السورية", ActorType.armed_group, {"مقاتلو الفصائل", "الفصائل المقاتلة"}),
    ("المعارضة السورية", ActorType.organization, {"المعارضة"}),
])
def test_founding_article_actors(founding: list[Actor], name: str, kind: ActorType,
                                 aliases: set[str]) -> None:
    actor = by_name(founding)[name]
    assert actor.type is kind and aliases <= set(actor.aliases), actor


def test_the_regime_forces_are_one_actor(founding: list[Actor]) -> None:
    (forces,) = [a for a in founding if a.type is ActorType.state_forces]
    names = {forces.name, *forces.aliases}
    assert {"قوات النظام", "الجيش السوري", "جيش الأسد"} <= names


def test_generic_sources_and_titles_alone_are_not_actors(founding: list[Actor]) -> None:
    names = {a.name for a in founding}
    assert not names & {"شهود عيان", "مصادر أخرى", "الكرملين", "اللجنة الأمنية"}
    assert len(founding) == 14


def test_titles_and_affiliations(founding: list[Actor]) -> None:
    actors_by = by_name(founding)
    assert actors_by["رياض حجاب"].title == "منسق المعارضة السورية"
    assert actors_by["ديمتري بيسكوف"].title == "المتحدث باسم «الكرملين»"
    assert actors_by["ديمتري بيسكوف"].affiliation == "الكرملين"
    # an appositive after a name the statements module found
    assert actors_by["زيد الصالح"].title == "لواء في جيش الأسد ورئيس اللجنة الأمنية في حلب"
    assert actors_by["زيد الصالح"].affiliation == "جيش الأسد"


@pytest.mark.parametrize("order", ["إغلاقاً", "إغلاقا"])
def test_an_object_in_the_accusative_is_no_part_of_the_name(order: str) -> None:
    # with or without its tanwin, the object after the name leaves the name as it is
    text = f"وفرض الرئيس أوتيمبا كيزا {order} لمدة أسبوعين على الإقليم."
    people = [a.name for a in actors_of(text) if a.type is ActorType.person]
    assert people == ["أوتيمبا كيزا"]


def test_a_speaker_after_a_long_title_is_an_actor_with_that_title() -> None:
    # the speaker the statements module found after a title the name reader cannot end
    text = ("وقال نائب مدير الشؤون الصحية والبيئة في ولاية القضارف حامد نور إن الإصابات تراجعت.")
    found = by_name(actors_of(text, ["حامد نور"]))
    assert found["حامد نور"].type is ActorType.person
    assert found["حامد نور"].title == "نائب مدير الشؤون الصحية والبيئة في ولاية القضارف"


@pytest.mark.parametrize(("text", "actor"), [
    ("ودفعت المعارك نحو 130 ألف مدني الى النزوح، حسبما ذكرت روسيا أمس.", "روسيا"),
    ("وحملت موسكو واشنطن مسؤولية فشلها في التصدي للتنظيم.", "واشنطن"),
    ("وانتقد الوزير «شكلا من أشكال الكذب الدائم» من جانب روسيا في النزاع.", "روسيا"),
    ("وقال دبلوماسيون في نيويورك إن روسيا والصين تعارضان تمديد الآلية.", "الصين"),
])
def test_a_state_that_acts_is_an_actor(text: str, actor: str) -> None:
    assert actor in {a.name for a in actors_of(text)}


@pytest.mark.parametrize("text", [
    "وقتل 50 مدنيا في محافظة حماة بوسط سورية.",
    "وفي باريس، عقد الوزراء اجتماعا طارئا.",
    "غارات لم يعرف إذا كانت سورية ام روسية استهدفت بلدات عدة.",
    "وعاد المصابون الثلاثة إلى اليابان عبر ديترويت.",
])
def test_a_state_as_a_place_is_not_an_actor(text: str) -> None:
    assert [a for a in actors_of(text) if a.type is ActorType.state] == []


def test_capitals_are_aliases_of_their_state() -> None:
    text = "وحملت موسكو واشنطن مسؤولية الفشل، فيما قالت روسيا إن الولايات المتحدة لا تريد التعاون."
    found = by_name(actors_of(text))
    assert found["روسيا"].aliases == ["موسكو"]
    assert found["الولايات المتحدة"].aliases == ["واشنطن"]


@pytest.mark.parametrize(("name", "kind"), [
    ("قوات الدعم السريع", ActorType.armed_group),
    ("قوات سوريا الديمقراطية", ActorType.armed_group),
    ("قوات الأمن", ActorType.state_forces),
    ("القوات الصومالية", ActorType.state_forces),
    ("الجيش الإسرائيلي", ActorType.state_forces),
    ("الجيش السوري الحر", ActorType.armed_group),
    ("حركة حماس", ActorType.armed_group),
    ("منظمة الصحة العالمية", ActorType.international_organization),
    ("الأمم المتحدة", ActorType.international_organization),
    ("وكالة فرانس برس", ActorType.media),
    ("وزارة الخارجية الروسية", ActorType.state),
    ("المدنيين", ActorType.civilians),
    ("تجمع المهنيين السودانيين", ActorType.person),  # no lexicon knows it: the fallback
    ("أنطونيو غوتيريش", ActorType.person),
])
def test_types_by_head_noun(name: str, kind: ActorType) -> None:
    assert classify(name) is kind


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("قال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) إن 350 أسرة نزحت.",
     "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "أوتشا"),
    ("وأعلن الجيش الإسرائيلي أن طائراته أغارت على أهداف، وأوضح الجيش أن منظومة القبة اعترضت "
     "صاروخا.", "الجيش الإسرائيلي", "الجيش"),
    ("وتبنى تنظيم داعش التفجير، فيما قال مسؤول إن «الدولة الإسلامية» تراجعت.",
     "تنظيم داعش", "الدولة الإسلامية"),
])
def test_short_forms_merge_into_the_full_name(text: str, name: str, alias: str) -> None:
    found = by_name(actors_of(text))
    assert alias in found[name].aliases, found


def test_people_are_found_after_titles_and_by_surname_later() -> None:
    text = ("وقال الرئيس الأوكراني فولوديمير زيلينسكي إن القصف استمر. وأضاف زيلينسكي أن "
            "القوات الروسية تتقدم.")
    (person,) = [a for a in actors_of(text) if a.type is ActorType.person]
    assert person.name == "فولوديمير زيلينسكي" and person.aliases == ["زيلينسكي"]
    assert person.title == "الرئيس الأوكراني" and len(person.evidence) == 2


def test_a_title_that_joins_two_bodies_keeps_its_name() -> None:
    text = ("وقال المدير العام لإدارة الإطفاء والدفاع المدني العميد محمد مين الدين إن أسطوانات "
            "غاز الطهي كانت موجودة في كل طابق.")
    (person,) = [a for a in actors_of(text) if a.type is ActorType.person]
    assert person.name == "محمد مين الدين"
    assert person.title == "المدير العام لإدارة الإطفاء والدفاع المدني العميد"


@pytest.mark.parametrize(("text", "body", "person", "title"), [
    # the body "باسمه" stands for acts or speaks: not one quoted or after a preposition
    ("وقال الجيش الإسرائيلي في بيان إنه نفّذ «ضربة دقيقة على مجمّع لحماس» داخل المدرسة. وقال "
     "المتحدث باسمه المقدم بيتر ليرنر للصحافيين إنه لا علم له بسقوط ضحايا مدنيين.",
     "الجيش الإسرائيلي", "بيتر ليرنر", "المتحدث باسمه المقدم"),
    ("بدورها، حمّلت حركة حماس الاحتلال المسؤولية الكاملة عن التصعيد، وقال الناطق باسمها حامد "
     "النجار للصحفيين إن المقاومة سترد.", "حركة حماس", "حامد النجار", "الناطق باسمها"),
])
def test_a_spokesman_for_the_body_named_before_belongs_to_it(text: str, body: str, person: str,
                                                             title: str) -> None:
    found = by_name(actors_of(text))
    assert {body, person} <= set(found) and not any("للص" in name for name in found)
    assert (found[person].title, found[person].affiliation) == (title, body)


def test_the_name_ali_is_not_the_preposition_ala() -> None:
    text = "واغتال مسلحون مجهولون الناشط المدني علي الكعبي فجر اليوم، وأطلقوا النار على المارة."
    (person,) = [a for a in actors_of(text) if a.type is ActorType.person]
    assert person.name == "علي الكعبي" and person.title == "الناشط المدني"


def test_bodies_of_a_state_and_of_a_group_stay_apart_from_it() -> None:
    text = ("ونفت وزارة الدفاع الروسية شن أي غارات، وقالت روسيا إن الهدنة صامدة. وقال مكتب الأمم "
            "المتحدة لتنسيق الشؤون الإنسانية إن الوضع كارثي، ودعت الأمم المتحدة إلى وقف القتال.")
    names = {a.name for a in actors_of(text)}
    assert {"وزارة الدفاع الروسية", "روسيا", "الأمم المتحدة",
            "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"} <= names


def test_names_on_voweled_text_keep_raw_offsets() -> None:
    text = "وَقَالَ الْمُتَحَدِّثُ بِاسْمِ الْخَارِجِيَّةِ الصِّينِيَّةِ لِيُو وِي مِينْ إِنَّ بِلَادَهُ تَرْفُضُ الْعُقُوبَاتِ."
    (person,) = actors_of(text)
    assert person.name == "لِيُو وِي مِينْ" and person.type is ActorType.person


def test_link_finds_names_aliases_surnames_and_capitals(founding: list[Actor]) -> None:
    numbered = [a.model_copy(update={"id": f"a{i}"}) for i, a in enumerate(founding, 1)]
    ids = {a.name: a.id for a in numbered}
    assert link(numbered, "رياض حجاب") == ids["رياض حجاب"]
    assert link(numbered, "حجاب") == ids["رياض حجاب"]
    assert link(numbered, "المرصد") == ids["المرصد السوري لحقوق الإنسان"]
    assert link(numbered, "موسكو") == ids["روسيا"]
    assert link(numbered, "والمرصد") == ids["المرصد السوري لحقوق الإنسان"]
    assert link(numbered, "نيكولا ساركوزي") is None and link(numbered, None) is None


def test_speaker_phrase_splits_title_from_name() -> None:
    doc = Doc.build("وقال مدير المرصد رامي عبدالرحمن: «انسحب مقاتلو الفصائل»")
    toks = tokens(doc.text)
    named = actors.named_phrase(doc, toks, 1)
    assert named is not None and named.title is not None
    assert (named.name.text, named.title.text) == ("رامي عبدالرحمن", "مدير المرصد")


def test_lexicons_are_in_normalized_form() -> None:
    for lexicon in (actors.TITLE_HEADS, actors.STOP_WORDS, actors.ORG_HEADS,
                    actors.NAMED_GROUPS, actors.ACTOR_VERBS, actors.CONNECTORS):
        for word in lexicon:
            assert norm(word.replace("_", " ")).replace(" ", "_") == word


@pytest.mark.parametrize(("text", "name"), [
    ("وفي حي سوروليري، تعرضت الناخبة جنيفر إيفيدي للطعن على يد بلطجية اقتحموا مركز الاقتراع.",
     "جنيفر إيفيدي"),
    ("وتنافس في الانتخابات بولا تينوبو عن الحزب الحاكم وأتيكو أبو بكر عن حزب الشعب الديمقراطي.",
     "أتيكو أبو بكر"),
])
def test_the_labeller_finds_plain_names_the_lexicons_miss(text: str, name: str) -> None:
    people = {a.name: a for a in actors_of(text) if a.type is ActorType.person}
    assert name in people  # without the "و" of "and": "وأتيكو" names أتيكو


@pytest.mark.parametrize(("text", "name"), [
    ("وقال قائد شرطة إقليم سومطرة الشمالية باولوس واتربو إن كثيراً من الضحايا عالقون.",
     "باولوس واتربو"),
    ("وقال قائد قوات الرينجرز في السند اللواء أظهر وقاص، إن وحدات توجهت إلى الموقع.", "أظهر وقاص"),
    ("قال نائب وزير الصحة التايواني وانغ بي شنغ إن التسمم يقتصر على فرع واحد.", "وانغ بي شنغ"),
    ("وأعلن الرئيس الكيني وليام روتو حداداً وطنياً ثلاثة أيام.", "وليام روتو"),
    ("وقال المفوض الإضافي في شرطة دكا خ. مهيد الدين إن بين القتلى 20 رجلاً.", "خ. مهيد الدين"),
])
def test_a_foreign_name_may_open_with_waw_or_an_initial(text: str, name: str) -> None:
    assert name in {a.name for a in actors_of(text) if a.type is ActorType.person}


def test_a_title_of_the_body_named_before_by_its_head_belongs_to_the_one_named_most() -> None:
    """«المديرة القطرية للمنظمة في زامبيا»: the article's own organisation, named twice, not the
    UNICEF it cites once in between, nor Zambia after في."""
    text = ("منظمة إنقاذ الطفل – بيان صحفي\n\nلوساكا – حذّرت منظمة إنقاذ الطفل من إغلاق المدارس. "
            "وبحسب أرقام منظمة الأمم المتحدة للطفولة، أصيب 9000 شخص بالكوليرا. وقالت المديرة "
            "القطرية للمنظمة في زامبيا جو موسوندا: «على الحكومة أن تفتح المدارس».\n")
    people = {a.name: a for a in extract(text, "2024-01-25").actors}
    assert people["جو موسوندا"].affiliation == "منظمة إنقاذ الطفل"


@pytest.mark.parametrize(("text", "not_name"), [
    ("قُتل ثلاثة مسلحين في مداهمة، فيما أصيب ضابط ومجند بجروح وُصفت بالطفيفة.", "ومجند"),
    ("وقُتلت الناشطة كريستينا باوتيستا وأربعة من الحراس في الهجوم.", "وأربعة"),
    ("ونجت النائبة أمينة محمد عبدي وحراسها من الانفجار.", "وحراسها"),
    ("وطالب المحتجون بعودة الرئيس المعزول بيدرو كاستيو واعتقاله كان سبب الغضب.", "واعتقاله"),
])
def test_and_before_an_arabic_word_is_no_part_of_a_name(text: str, not_name: str) -> None:
    assert all(not_name not in a.name for a in actors_of(text))


@pytest.mark.parametrize(("text", "not_actor"), [
    ("ونُقل المصابون الأربعة إلى مستشفى ماري مرقص شرق المدينة.", "ماري مرقص"),
    ("وتوجه معظم النازحين إلى مخيمي زمزم وأبو شوك اللذين يؤويان أصلاً مئات الآلاف.", "أبو شوك"),
    ("ارتفع عدد ضحايا الإعصار المداري «شاهين» في سلطنة عمان. وضرب «شاهين» الساحل أمس.",
     "شاهين"),
])
def test_names_of_places_and_things_the_labeller_proposes_are_no_actors(
        text: str, not_actor: str) -> None:
    assert all(norm(not_actor) not in norm(a.name) for a in actors_of(text))


def test_a_person_other_modules_name_needs_a_title_or_the_labeller() -> None:
    text = "واتهم مستخدمون على مواقع التواصل الاجتماعي أنصار الحزب الحاكم بالوقوف وراء الاعتداءات."
    assert "مستخدمون" not in {a.name for a in actors_of(text, ["مستخدمون"])}


@pytest.mark.parametrize(("text", "name", "title"), [
    ("وأعلن الرئيس البيروفي بيدرو كاستيو حالة الطوارئ في العاصمة ليما لمدة شهر.",
     "بيدرو كاستيو", "الرئيس البيروفي"),
    ("وطالب الأمين العام للأمم المتحدة أنطونيو غوتيريش بإجراء تحقيق شامل في الهجوم.",
     "أنطونيو غوتيريش", "الأمين العام للأمم المتحدة"),
])
def test_what_the_title_holder_did_is_not_his_name(text: str, name: str, title: str) -> None:
    people = {a.name: a for a in actors_of(text) if a.type is ActorType.person}
    assert name in people and people[name].title == title


@pytest.mark.parametrize(("text", "place"), [
    ("وأفاد سكان من قرية ود الحليو بأن المسلحين اقتحموا المنازل. وأضافوا أن ود الحليو تعرضت "
     "لقصف عنيف.", "ود الحليو"),
    ("أعلن الاتحاد الأفريقي من أديس أبابا عقد قمة طارئة. وقالت أديس أبابا إنها ستستضيف الوفود.",
     "أديس أبابا"),
    ("وقال شهود إن المسلحين هاجموا جيكا غالي فجراً. وعلق أكثر من ألف شخص في جيكا غالي طوال "
     "الليل.", "جيكا غالي"),
])
def test_a_place_is_no_person(text: str, place: str) -> None:
    found = actors_of(text)
    assert not any(a.type is ActorType.person and norm(place) in norm(a.name) for a in found)


def test_a_name_after_in_is_a_place_but_a_person_may_bear_a_place_name() -> None:
    text = "وتوفي ثلاثة أشخاص في بوغوسو. وقالت أمينة بوغوسو إن الانفجار دمر البلدة."
    assert {a.name: a.type for a in actors_of(text)} == {"أمينة بوغوسو": ActorType.person}


def test_a_governorate_that_speaks_is_its_government() -> None:
    text = "وأعلنت محافظة الدقهلية ارتفاع عدد الضحايا إلى 20 قتيلاً."
    found = by_name(actors_of(text, ["محافظة الدقهلية"]))
    assert found["محافظة الدقهلية"].type is ActorType.state


@pytest.mark.parametrize(("text", "person"), [
    ("وقال منسق الوكالة الوطنية لإدارة الطوارئ في المنطقة الشمالية إن الحريق أخمد.", None),
    ("وقال عمر الناجي، عضو فرع الجمعية المكلف بملف الهجرة واللجوء، إن الوضع خطير.",
     "عمر الناجي"),
    ("وقال الرئيس بشار الأسد إن الجيش سيواصل عملياته.", "بشار الأسد"),
])
def test_a_phrase_a_title_runs_on_to_is_no_person(text: str, person: str | None) -> None:
    people = [a.name for a in actors_of(text) if a.type is ActorType.person]
    assert people == ([person] if person else [])


@pytest.mark.parametrize(("text", "name"), [
    ("وقال حزب العدالة والتنمية الحاكم إنه يرفض الاتهامات.", "حزب العدالة والتنمية"),
    ("واندلعت اشتباكات بين قوات الأمن والمتظاهرين في وسط العاصمة.", "قوات الأمن"),
])
def test_a_body_may_join_two_nouns_with_and_a_force_may_not(text: str, name: str) -> None:
    assert [a.name for a in actors_of(text)] == [name]


@pytest.mark.parametrize("said", ["وزارة الصحة في بيانها", "وزارة الصحة"])
def test_where_a_body_said_it_is_not_its_name(said: str) -> None:
    text = "وأعلنت وزارة الصحة في بيانها أن عدد القتلى ارتفع إلى عشرين."
    assert [a.name for a in actors_of(text, [said])] == ["وزارة الصحة"]


def test_a_governorate_is_no_title() -> None:
    text = "ووقع الانفجار في محافظة بابل جنوبي العاصمة، وأسفر عن مقتل خمسة أشخاص."
    assert not any(a.type is ActorType.person for a in actors_of(text))


@pytest.mark.parametrize(("text", "name"), [
    ("وقال مدير الدفاع المدني في محافظة الأنبار خالد الدليمي إن الحريق أخمد.", "خالد الدليمي"),
    ("وقال مدير الدفاع المدني في محافظة الأنبار جاسم حمادي للتلفزيون الرسمي إن الحريق أخمد.",
     "جاسم حمادي"),
])
def test_a_title_tied_to_a_governorate_ends_with_its_name(text: str, name: str) -> None:
    people = {a.name: a for a in actors_of(text) if a.type is ActorType.person}
    assert people[name].title == "مدير الدفاع المدني في محافظة الأنبار"
    assert people[name].affiliation == "الدفاع المدني"


def test_a_place_word_never_starts_a_personal_name() -> None:
    text = "وقال أحد سكان المدينة إن القصف استمر طوال الليل."
    assert not any(a.type is ActorType.person for a in actors_of(text))


@pytest.mark.parametrize(("text", "name"), [
    ("وصلت فرق الإنقاذ إلى ميناء في زواريتا صباحاً. وقال مدير شرطة زواريتا سليم حداد إن "
     "البحث مستمر.", "سليم حداد"),
    ("وقال قائد شرطة المدينة خالد منصور عمر إن الطريق أغلق.", "خالد منصور عمر"),
])
def test_a_town_named_in_the_article_ends_the_title_before_the_name(text: str, name: str
                                                                      ) -> None:
    people = [a for a in actors_of(text) if a.type is ActorType.person]
    assert [a.name for a in people] == [name]


def test_a_town_the_labeller_takes_for_a_body_is_no_actor() -> None:
    text = ("غرق قارب قبالة سواحل أوبوك فجر الأحد. وقالت المنظمة الدولية للهجرة إن القارب "
            "أبحر من شاطئ في أوبوك وعلى متنه 60 مهاجراً.")
    names = [a.name for a in actors_of(text)]
    assert "المنظمة الدولية للهجرة" in names and "أوبوك" not in names


def test_a_surname_read_on_into_what_the_person_did_is_the_surname_alone() -> None:
    text = ("وقال محافظ الإقليم كريم ناصري إن الفيضانات أغرقت القرى. وأعلن ناصري تعليق الدراسة "
            "في المدارس الحكومية حتى إشعار آخر.")
    found = actors_of(text, ["كريم ناصري", "ناصري تعليق الدراسة"])
    people = [a for a in found if a.type is ActorType.person]
    assert [a.name for a in people] == ["كريم ناصري"]
    assert "ناصري" in people[0].aliases


def test_a_name_that_opens_with_waw_after_a_rank_is_whole() -> None:
    text = "وأكد مدير الصحة في المحافظة الدكتور وسيم بيغ أن المستشفيات استقبلت 40 جريحاً."
    people = [a.name for a in actors_of(text) if a.type is ActorType.person]
    assert people == ["وسيم بيغ"]


@pytest.mark.parametrize(("name", "kind"), [
    ("جيش تحرير أرخبيل الجنوب", ActorType.armed_group),
    ("جيش التحرير الشعبي الصيني", ActorType.state_forces),
])
def test_a_liberation_army_of_a_region_is_a_rebel_group(name: str, kind: ActorType) -> None:
    assert classify(name) is kind


def test_an_acronym_met_again_after_its_bracketed_title_does_not_break_the_reading() -> None:
    """«… المساعدة إلى أفغانستان (يوناما)» and later «وكانت يوناما قد وثّقت»: reading the title
    before the later mention runs to the end of its words (it raised IndexError)."""
    text = ("كابول - خلص تقرير أصدرته بعثة الأمم المتحدة لتقديم المساعدة إلى أفغانستان (يوناما) "
            "اليوم الاثنين إلى أن الهجوم قتل 30 طفلاً.\n\nوكانت يوناما قد وثّقت في تقريرها السنوي "
            "سقوط 631 ضحية مدنية.\n")
    found = extract(text, "2018-05-07").actors
    assert any("يوناما" in (a.name, *a.aliases) or "بعثة" in a.name for a in found)


def test_a_body_for_the_defence_of_something_keeps_what_it_defends() -> None:
    text = ("ودعت «الجبهة الوطنية للدفاع عن الدستور» إلى التظاهر، فيما دانت المنظمة الغينية "
            "للدفاع عن حقوق الإنسان والمواطن حملة الاعتقالات. وقال نقابي: «اليوم صرخة فزع "
            "للدفاع عن الثورة».")
    names = [a.name for a in actors_of(text)]
    assert "الجبهة الوطنية للدفاع عن الدستور" in names
    assert "المنظمة الغينية للدفاع عن حقوق الإنسان والمواطن" in names
    assert not any(n.startswith("للدفاع") for n in names), names


def test_a_body_for_the_oversight_of_something_keeps_what_it_oversees() -> None:
    text = ("وأعلنت اللجنة الوطنية للإشراف على الانتخابات تأجيل الاقتراع في 12 دائرة، فيما "
            "انتقدت الهيئة المستقلة للرقابة على أداء الشرطة تأخر التحقيق. وقالت المنظمة الدولية "
            "للهجرة على لسان متحدثها إن القارب غرق.")
    names = [a.name for a in actors_of(text)]
    assert "اللجنة الوطنية للإشراف على الانتخابات" in names, names
    assert "الهيئة المستقلة للرقابة على أداء الشرطة" in names, names
    assert not any("لسان" in n for n in names), names
