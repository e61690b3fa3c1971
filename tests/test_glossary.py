"""The English→Arabic glossary (agent/lexicons/glossary_en_ar.txt) as questions read it: English
synonyms find the article's own words, no glossary key takes a casualty or say word's role, and
every key can be typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.chat.question import GLOSSARY, parse
from agent.chat.words import Words
from agent.text.arabic import norm
from agent.text.doc import sentences
from agent.text.lexicon import table, words
from schemas import CasualtyCategory

DEV = Path(__file__).resolve().parent / "corpus" / "dev"


@pytest.mark.parametrize(("article", "opening", "question", "asked"), [
    ("r_mali_ogossagou_massacre", "وأفادت السلطات المحلية",
     "How many huts and granaries did the authorities say were torched?",
     ["huts", "granaries", "authorities", "torched"]),
    ("r_oman_cyclone_shaheen", "وضرب الإعصار اليابسة",
     "How fast were the winds and what was the height of the waves at landfall?",
     ["fast", "winds", "height", "waves", "landfall"]),
    ("r_somalia_mogadishu_car_bomb", "مقديشو (الصومال)",
     "Was the car parked near a shopping centre?", ["parked", "shopping centre"]),
    ("r_saudi_asir_bus_crash", "وأوضحت القناة", "Did the brakes fail?", ["brakes"]),
    ("r_sudan_fasher_shelter_drone", "في المقابل",
     "Were the wounded sheltering from the bombardment?", ["sheltering", "bombardment"]),
    ("r_nigeria_lagos_polling_attacks", "وفي إيغبوكوسو",
     "What were the youths carrying?", ["youths", "carrying"]),
    ("r_haiti_ganthier_missionaries_kidnap_ransom", "والرهائن الـ17",
     "What nationality is the only hostage who is not a US citizen?", ["us"]),
    ("r_jordan_amman_luweibdeh_building_collapse", "وقال الناطق الإعلامي",
     "Which spokesman said the operation lasted 84 hours?",
     ["spokesman", "operation", "lasted", "hours"]),
    ("r_somalia_beledweyne_shabelle_floods_ocha", "ورغم استمرار الخطر",
     "Where is the main evacuation site?", ["main"]),
    ("r_saudi_hajj_heat_deaths", "وأضاف الوزير أن 95",
     "Why did it take so long to identify the dead?", ["identify"]),
    ("r_drc_ituri_savo_camp_codeco_attack", "بونيا (الكونغو الديمقراطية)",
     "How many militiamen attacked the camp?", ["militiamen"]),
    ("r_niger_meningitis_health_ministry_statement", "وقال وزير الصحة العامة مانو أغالي",
     "Who gave the figures in an address on state television?", ["address"]),
    ("r_kenya_nyeri_endarasha_dormitory_fire", "نييري (كينيا)",
     "How many boys died in the dormitory?", ["boys", "dormitory"]),
    ("r_pakistan_orakzai_convoy_ambush_ttp", "وأوضح البيان أن 11 عسكرياً",
     "How old was the lieutenant colonel?", ["lieutenant colonel"]),
    ("r_afghanistan_baghlan_flash_floods_ocha", "- تأكد حتى الآن",
     "How many deaths have been confirmed?", ["confirmed"]),
    ("r_peru_dengue_health_emergency_minsa", "وقال رئيس مجلس الوزراء ألبرتو أوتارولا",
     "For how many days will the emergency last?", ["days"]),
    ("r_kyrgyzstan_osh_kara_suu_anthrax_quarantine", "وتنتقل الجمرة الخبيثة",
     "How is anthrax passed to people?", ["anthrax"]),
    ("r_kenya_manda_bay_attack", "ونفى تاونسند",
     "Who called the reports propaganda?", ["propaganda"]),
    ("r_armenia_goris_jermuk_border_clashes_azerbaijan", "وقررت منظمة معاهدة",
     "Who will head the CSTO mission?", ["csto"]),
    ("r_mongolia_ulaanbaatar_bayanzurkh_lng_truck_blast", "أولان باتور -",
     "How much LNG was the truck carrying?", ["lng"]),
    ("r_uae_abu_dhabi_khalidiya_gas_blast", "وقال متحدث باسم سفارة الهند",
     "What nationality was one of the two people who died?", ["one"]),
    ("r_benin_seme_podji_smuggled_fuel_depot_fire", "أما النجار",
     "Who said the flames were too intense to get close?", ["flames", "intense", "close"]),
    ("r_palestine_jenin_raid_surgeon", "جنين (الضفة الغربية)",
     "How many Palestinians were killed in the Jenin raid?", ["raid"]),
    ("r_malaysia_johor_pasir_gudang_kim_kim_river_toxic_fumes", "أعلنت الوزيرة يو",
     "Who announced the RM6.4 million budget?", ["rm"]),
    ("r_india_kharghar_heatstroke_award_ceremony", "ودعا باوار",
     "How many rupees will each family receive?", ["rupees"]),
    ("r_gambia_faraba_banta_sand_mining_protest_shooting", "غضب في فارابا",
     "Were the protesters against sand mining?", ["sand", "mining"]),
    ("r_egypt_aswan_storm_scorpions_red_crescent", "وأفادت وزارة الصحة بأن أربعة",
     "Why did the four people die?", ["four"]),
    ("r_greece_pylos_migrant_shipwreck", "كالاماتا (اليونان)",
     "What nationality are the nine suspected smugglers?", ["nine"]),
    ("r_timorleste_dili_dengue_outbreak_ifrc", "تيمور الشرقية:",
     "How many dengue deaths had Timor-Leste recorded?", ["timor leste"]),
    ("r_solomon_islands_honiara_chinatown_riots_arrests", "هونيارا -",
     "How many people have been arrested over the unrest in Honiara?", ["unrest"]),
    ("r_fiji_suva_hiv_outbreak_declaration_moh", "وبحسب بيانات الوزارة",
     "How many HIV cases did the Central Division record?", ["central", "division"]),
    ("r_fiji_suva_hiv_outbreak_declaration_moh", "سوفا -",
     "When was the HIV outbreak declared?", ["hiv"]),
    ("r_liberia_foya_cdc_unity_party_supporters_clash", "فقد حمّل المتحدث",
     "Which supporters were blamed?", ["supporters"]),
    ("r_nigeria_borno_rann_idp_camp_air_strike", "وأضاف مشيليا",
     "How many victims were being treated at the State Specialist Hospital?", ["specialist"]),
    ("r_pakistan_kurram_boshehra_land_dispute_clashes", "وأفاد المشرف الطبي",
     "According to the district hospital's medical superintendent, how many were killed?",
     ["district", "medical", "superintendent"]),
    ("r_mongolia_sukhbaatar_khentii_snowstorm_herders_ifrc", "وفي مساء اليوم الأول",
     "How many did the Emergency Management Agency report missing?", ["management"]),
    ("r_ethiopia_borena_dubluk_drought_herders", "ونقلت هيئة البث",
     "How many people need urgent food aid according to the Ethiopian Broadcasting Corporation?",
     ["broadcasting", "corporation"]),
    ("r_palestine_jenin_raid_surgeon", "وقال الصحافي المستقل",
     "What's the name of the freelance journalist who was shot in the leg?",
     ["freelance", "journalist", "leg"]),
])
def test_english_synonyms_find_the_articles_words(article: str, opening: str, question: str,
                                                   asked: list[str]) -> None:
    """Each English word is a glossary term whose Arabic forms stand in the article's sentence
    (not a consonant key that matches by chance)."""
    text = (DEV / f"{article}.txt").read_text(encoding="utf-8")
    sentence = next(s.text for s in sentences(text) if s.text.startswith(opening))
    found = Words(sentence)
    terms = {t.word: t for t in parse(question).terms}
    for word in asked:
        assert terms[word].forms and not terms[word].keys, word
        assert any(found.has_form(f) for f in terms[word].forms), word


def test_casualty_and_say_words_keep_their_role() -> None:
    """The glossary is looked up before a word is read as a casualty category or a say word
    (agent/chat/question.py): a casualty word that is also a key ('bodies', جثث) is both a term
    and its category; a say word that is a key would lose its role."""
    for word, category in table("question_casualty_words_en", CasualtyCategory).items():
        q = parse(f"What about {word} there?")
        assert q.categories == {category} and [t.word for t in q.terms] in ([], [word]), word
    for word in words("question_say_words_en"):
        q = parse(f"What about {word} there?")
        assert q.say and not q.terms, word


@pytest.mark.parametrize(("question", "asked"), [
    ("According to UNHCR, how many people were injured in the attack on the displacement site "
     "near Nguetchewe?", {CasualtyCategory.injured}),
    ("How many children were killed at the IDP camp?", {CasualtyCategory.killed}),
    ("How many fled to the refugee camp?", {CasualtyCategory.displaced}),
])
def test_a_camp_of_the_displaced_names_a_place_not_the_category_asked(
        question: str, asked: set[CasualtyCategory]) -> None:
    """'the displacement site' is where it happened: it does not ask how many were displaced
    (Cameroon's attack: 11 injured, not the site's 800 displaced)."""
    q = parse(question)
    assert q.categories == asked
    assert any("النازحين" in t.forms or "اللاجئين" in t.forms for t in q.terms)


@pytest.mark.parametrize("question", [
    "من الذي تحدث عن «انهيار كامل للمنظومة الصحية» في المدينة؟",
    "من وصف الوضع في المخيم بأنه كارثي؟",
    "Who dismissed the reports of a cholera outbreak as rumours?",
    "Who described the situation in the camp as catastrophic?",
])
def test_describing_and_dismissing_ask_who_said_it(question: str) -> None:
    assert parse(question).say, question


def test_glossary_keys_are_words_a_question_can_hold() -> None:
    """The question's words are letters with an apostrophe at most ('sit-in' is read as two
    words), so a key with other characters could never match."""
    odd = [k for k in GLOSSARY if not all(w.replace("'", "").isalpha() for w in k.split(" "))]
    assert not odd


def test_a_glossary_phrase_is_found_with_a_clitic_on_its_first_word() -> None:
    said = Words("وقال المدير الإقليمي للجنة الدولية للصليب الأحمر إن العملية تمت.")
    assert said.has_form(norm("الصليب الأحمر"))
    assert not said.has_form(norm("الهلال الأحمر"))


def test_a_phrase_is_found_with_a_possessive_on_its_second_word() -> None:
    # 'mayor' is «رئيس بلدية»; «رئيس بلديتها» is the town's mayor.
    said = Words("بحسب ما أعلنه رئيس بلديتها جيرمان ندري اليوم الأحد.")
    assert said.has_form(norm("رئيس بلدية"))
    assert not said.has_form(norm("رئيس بلدية الخرطوم"))
    assert not Words("بحسب رئيس بلدان المنطقة.").has_form(norm("رئيس بلدية"))


@pytest.mark.parametrize(("question", "key"), [
    ("According to the UN Secretary-General's statement, how many were wounded?",
     "secretary general"),
    ("How many volunteers did the Red Cross's teams send?", "red cross"),
])
def test_a_phrase_is_found_with_an_english_possessive_on_its_last_word(question: str,
                                                                       key: str) -> None:
    assert key in [t.word for t in parse(question).terms]


def test_a_possessive_does_not_make_a_plain_word_a_name() -> None:
    assert "who" not in [t.word for t in parse("Who's the chief of the rescue teams?").terms]


def test_a_form_with_the_article_finds_its_construct_state() -> None:
    # 'health' is الصحة; in «دائرة صحة ذي قار» the word stands without ال.
    said = Words("وقالت دائرة صحة ذي قار إن الحصيلة ارتفعت.")
    assert said.has_form(norm("الصحة"))
    assert not said.has_form(norm("الصحافة"))


def test_a_counted_noun_in_the_accusative_finds_its_plural() -> None:
    # «كم مهاجراً»: the noun after كم takes the accusative alif; the article writes المهاجرين.
    said = Words("وأنقذ خفر السواحل 104 من المهاجرين بعد غرق المركب.")
    assert said.has_form(norm("مهاجراً"))
    assert not said.has_form(norm("مسافراً"))


def test_babies_are_infants_not_birth() -> None:
    # Arbinda (round 36): «أعمار 39 من المحررين تتراوح بين الولادة و18 عاماً» gives ages from
    # birth, no babies; «بينهم أربعة رضّع» counts them.
    babies = next(t for t in parse("How many babies were among the people freed?").terms
                  if t.word == "babies")
    assert Words("وأطلق سراح 66 شخصاً، بينهم أربعة رضّع.").has(babies)
    assert not Words("تتراوح أعمار 39 من المحررين بين الولادة و18 عاماً.").has(babies)


def test_the_eu_acts_through_its_commission() -> None:
    # Cox's Bazar: 'the EU's humanitarian aid directorate' is the European Commission's.
    said = Words("وأحصت المديرية العامة للحماية المدنية والمساعدات الإنسانية التابعة للمفوضية "
                 "الأوروبية 549 حالة مشتبهاً بها.")
    eu = next(t for t in parse("How many cases had the EU's directorate counted?").terms
              if t.word == "eu")
    assert said.has(eu)
    assert not Words("وقالت منظمة الصحة العالمية إن الحالات تضاعفت.").has(eu)


def test_a_workshop_is_a_word_the_article_holds_and_inside_is_none() -> None:
    # A question asked of a local paper's «كان 42 عاملاً داخل الورشة»: 'inside' says where,
    # it is not a name whose letters the article must hold.
    terms = {t.word: t for t in parse("How many workers were inside the workshop?").terms}
    assert "inside" not in terms
    assert Words("كان 42 عاملاً وعاملة داخل الورشة لحظة وقوع الحادث").has(terms["workshop"])
