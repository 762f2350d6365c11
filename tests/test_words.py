"""Words docs/teaching.md asks for in particular places, in every language.

- naloxone is "the rescue medicine for an overdose" the first time a lesson names it
  (section 4), and no later than the beat in which the overdose cue first shows;
- receptor is "landing spot" the first time, on the home screen, in every lesson and on
  every About card (section 4);
- the withdrawal symptoms are the same short list wherever they are listed (T6, section 5);
- the After-detox About card names alcohol and benzodiazepines (section 1);
- the override lesson is not titled or told as a how-to, and does not suggest a fresh
  block is safe (T4, M1).

The words the program must never use are one table in tests/test_i18n.py (WORD_RULES).
No pygame here.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from sim import i18n
from sim.i18n import catalog
from sim.lessons import LESSONS, LessonPlayer

LANGS = sorted(i18n.LANGUAGES)

# The per-language tables below have a column for every language with a catalog
# (i18n.LANGUAGES); Arabic's patterns come from docs/translations/ar.md.
# Patterns for fr, pt_BR, vi and ru: docs/translations/fr.md, pt_BR.md, vi.md and ru.md.
#: Arabic attaches و ف ب ل ال to the word: \b before a word does not work there
AR_PREFIX = r"(?<!\w)(?:[وفبل]|ال|لل|بال|وال|فال|وب|ول|وبال)?"

#: per language: how naloxone is named, and the words of its plain explanation that
#: must be in the same sentence ("the rescue medicine for an overdose")
NALOXONE = {"en": r"\bnaloxone\b", "es": r"\bnaloxona\b", "fr": r"\bnaloxone\b",
            "pt_BR": r"\bnaloxona\b", "ar": r"نالوكسون", "vi": r"\bnaloxone\b",
            "ru": r"\bналоксон\w*"}
RESCUE_WORDS = {
    "en": (r"\brescue\b", r"\boverdose\b"),
    "es": (r"\brescate\b", r"\bsobredosis\b"),
    "fr": (r"\bsecours\b", r"\bsurdoses?\b"),
    "pt_BR": (r"\bresgate\b", r"\boverdoses?\b"),
    "ar": (r"إنقاذ", r"(ال)?جرعة\s+(ال)?زائدة"),
    "vi": (r"\bcấp cứu\b", r"\bquá liều\b"),
    "ru": (r"\bспас\w*", r"\bпередозировк\w*"),
}
#: receptor, and its plain name "landing spot" (which must come first)
RECEPTOR = {"en": r"\breceptors?\b", "es": r"\breceptor(es)?\b", "fr": r"\brécepteurs?\b",
            "pt_BR": r"\breceptor(es)?\b", "ar": AR_PREFIX + r"مستقبل(ات)?(?!\w)",
            "vi": r"\bthụ thể\b", "ru": r"\bрецептор\w*"}
LANDING_SPOT = {"en": r"\blanding spots?\b", "es": r"\bsitios? de acoplamiento\b",
                "fr": r"\bpoints? d['’]accroche\b", "pt_BR": r"\bpontos? de encaixe\b",
                "ar": r"موا?قع\s+(ال)?ارتباط", "vi": r"\bđiểm bám\b",
                "ru": r"\bмест\w* прикрепления\b"}
#: TEACHING T6: what withdrawal feels like, in this order, wherever it is listed
WITHDRAWAL_SYMPTOMS = {
    "en": ("vomiting", "diarrhoea", "sweating", "agitation", "pain"),
    "es": ("vómitos", "diarrea", "sudor", "agitación", "dolor"),
    "fr": ("vomissements", "diarrhée", "sueurs", "agitation", "douleurs"),
    "pt_BR": ("vômitos", "diarreia", "suor", "agitação", "dor"),
    "ar": ("القيء", "الإسهال", "التعرق", "الهياج", "الألم"),
    "vi": ("nôn mửa", "tiêu chảy", "đổ mồ hôi", "kích động", "đau nhức"),
    "ru": ("рвота", "диарея", "потливость", "возбуждение", "боль"),
}
#: other symptom words: a message naming two symptoms is a list, and a list must be T6's
OTHER_SYMPTOMS = {
    "en": ("feeling sick", "nausea", "aches", "restlessness", "cramps", "chills",
           "shaking", "yawning", "runny nose", "anxiety", "diarrhea", "sweats"),
    "es": ("náuseas", "dolores", "inquietud", "calambres", "escalofríos", "temblores",
           "bostezos", "ansiedad", "sudoración"),
    # "douleur" (singular) left out: "le soulagement de la douleur" is not a symptom
    "fr": ("nausées", "crampes", "frissons", "tremblements", "bâillements",
           "nez qui coule", "anxiété", "transpiration", "sudation", "courbatures"),
    "pt_BR": ("náusea", "náuseas", "enjoo", "dores", "inquietação", "cólicas",
              "calafrios", "tremores", "bocejos", "ansiedade", "sudorese", "coriza"),
    "ar": ("الغثيان", "الآلام", "التململ", "التقلصات", "القشعريرة",
           "الارتجاف", "الرعشة", "التثاؤب", "سيلان الأنف", "القلق", "العرق"),
    # "đau" alone left out: "giảm đau" (pain relief) is not a symptom
    "vi": ("buồn nôn", "chuột rút", "ớn lạnh", "run rẩy", "ngáp", "sổ mũi", "lo âu",
           "bồn chồn", "vã mồ hôi", "nhức mỏi"),
    "ru": ("тошнота", "ломота", "беспокойство", "судороги", "озноб", "дрожь", "зевота",
           "насморк", "тревога", "пот", "потение"),
}
#: TEACHING 1: other drugs that add to breathing suppression, left out of the model
OTHER_DRUGS = {"en": ("alcohol", "benzodiazepines"), "es": ("alcohol", "benzodiacepinas"),
               "fr": ("alcool", "benzodiazépines"), "pt_BR": ("álcool", "benzodiazepínicos"),
               "ar": ("الكحول", "البنزوديازيبينات"), "vi": ("rượu", "benzodiazepine"),
               "ru": ("алкоголь", "бензодиазепины")}
#: the emergency cue of TEACHING 5, word for word
OVERDOSE_CUE = {
    "en": "This is an overdose: call emergency services, give naloxone.",
    "es": "Esto es una sobredosis: llama a emergencias y da naloxona.",
    "fr": "C'est une surdose\u00a0: appelez les urgences et donnez de la naloxone.",
    "pt_BR": "Isto é uma overdose: ligue para o serviço de emergência e dê naloxona.",
    "ar": "هذه جرعة زائدة: اتصل بخدمات الطوارئ، وأعطِ النالوكسون.",
    "vi": "Đây là quá liều: hãy gọi cấp cứu và cho dùng naloxone.",
    "ru": "Это передозировка: вызовите скорую помощь, дайте налоксон.",
}
#: TEACHING T4 and T8, the same fact in every language, as plainly as the English: trying
#: to overcome the block can cause serious harm, coma or death (override's closing caption
#: and its presenter note), and the risk of dying is highest in the first weeks after
#: release or after stopping treatment (after-detox). Death is said, not softened to "a
#: risk to life"; only pictures avoid death imagery (section 5)
OVERRIDE_RISK = {
    "en": ("serious harm", "coma", "death"),
    "es": ("daños graves", "coma", "muerte"),
    "fr": ("lésions graves", "coma", "mort"),
    "pt_BR": ("danos graves", "coma", "morte"),
    "ar": ("ضرر", "غيبوبة", "الوفاة"),
    "vi": ("tổn hại nghiêm trọng", "hôn mê", "tử vong"),
    "ru": ("серьёзн", "ком", "смерт"),  # stems: "кома"/"коме", "смерть"/"смерти"
}
DEATHS_AFTER_RELEASE = {
    "en": ("dying", "overdose", "first weeks", "prison", "stopping treatment"),
    "es": ("morir", "sobredosis", "primeras semanas", "cárcel", "dejar el tratamiento"),
    "fr": ("mourir", "surdose", "premières semaines", "prison", "arrêt d'un traitement"),
    "pt_BR": ("morrer", "overdose", "primeiras semanas", "prisão", "parar o tratamento"),
    "ar": ("الوفاة", "جرعة زائدة", "الأسابيع الأولى", "السجن", "إيقاف العلاج"),
    "vi": ("tử vong", "quá liều", "những tuần đầu", "ra tù", "ngừng điều trị"),
    "ru": ("умереть", "передозировк", "первые недели", "тюрьм", "прекращения лечения"),
}
#: and when breathing falls into the danger zone, what to do: the explanations after the
#: override and after-detox questions
BREATHING_EMERGENCY = {
    "en": ("breathing", "danger zone", "emergency services", "naloxone"),
    "es": ("respiración", "zona de peligro", "emergencias", "naloxona"),
    "fr": ("respiration", "zone de danger", "urgences", "naloxone"),
    "pt_BR": ("respiração", "zona de perigo", "emergência", "naloxona"),
    "ar": ("التنفس", "منطقة الخطر", "الطوارئ", "النالوكسون"),
    "vi": ("hơi thở", "vùng nguy hiểm", "cấp cứu", "naloxone"),
    "ru": ("дыхание", "опасную зону", "скорую помощь", "налоксон"),
}
#: the softened forms that once stood there ("a risk to life" for death)
SOFTENED = {
    "en": (r"risk to life", r"life-threatening"),
    "es": (r"poner la vida en riesgo", r"amenaza(r)? la vida"),
    "fr": (r"mettre la vie en danger", r"menacer la vie"),
    "pt_BR": (r"vida em risco", r"ameaça a vida", r"risco de vida"),
    "ar": (r"تهدد\s+الحياة", r"يهدد\s+الحياة"),
    "vi": (r"nguy hiểm đến tính mạng", r"đe dọa tính mạng"),
    "ru": (r"угроз\w* для жизни", r"опасн\w* для жизни"),
}
TABLES = {"NALOXONE": NALOXONE, "RESCUE_WORDS": RESCUE_WORDS, "RECEPTOR": RECEPTOR,
          "LANDING_SPOT": LANDING_SPOT, "WITHDRAWAL_SYMPTOMS": WITHDRAWAL_SYMPTOMS,
          "OTHER_SYMPTOMS": OTHER_SYMPTOMS, "OTHER_DRUGS": OTHER_DRUGS,
          "OVERDOSE_CUE": OVERDOSE_CUE, "OVERRIDE_RISK": OVERRIDE_RISK,
          "DEATHS_AFTER_RELEASE": DEATHS_AFTER_RELEASE,
          "BREATHING_EMERGENCY": BREATHING_EMERGENCY, "SOFTENED": SOFTENED}


def test_every_table_has_a_column_for_every_language():
    """A language added to i18n.LANGUAGES must give its words to every table."""
    for name, table in {**TABLES, "HOW_TO": HOW_TO, "FRESH_BLOCK": FRESH_BLOCK}.items():
        assert set(LANGS) <= set(table), f"{name} lacks {sorted(set(LANGS) - set(table))}"


def text(lang: str, msgid: str) -> str:
    return catalog(lang)[msgid]


def sentences(message: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?؟])\s+", message) if s]


def explains_naloxone(lang: str, message: str) -> bool:
    """Some sentence that names naloxone also calls it the rescue for an overdose."""
    return any(
        re.search(NALOXONE[lang], s, re.I)
        and all(re.search(word, s, re.I) for word in RESCUE_WORDS[lang])
        for s in sentences(message)
    )


def first_naming(lang: str, msgids, pattern: str) -> str | None:
    return next((m for m in msgids if re.search(pattern, text(lang, m), re.I)), None)


@cache
def cue_beat(lesson_id: str) -> int | None:
    """0-based index of the first beat whose run shows the overdose cue (breathing in the
    danger zone), played with the default answers on the lesson's own seed."""
    player = LessonPlayer(LESSONS[lesson_id])
    player.play_through(len(player.lesson.beats))
    return next((i for i, record in enumerate(player.beat_history)
                 if any(row["overdose"] for row in record.rows)), None)


# ------------------------------------------------------------------ naloxone
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson_id", list(LESSONS))
def test_the_first_mention_of_naloxone_in_a_lesson_explains_it(lesson_id, lang):
    """In the order a lesson shows its words (title, blurb, About, then beat by beat),
    the first message naming naloxone calls it the rescue medicine for an overdose."""
    msgids = LESSONS[lesson_id].msgids()
    first = first_naming(lang, msgids, NALOXONE[lang])
    if first is not None:
        assert explains_naloxone(lang, text(lang, first)), (
            f"{lang} {lesson_id}: naloxone is first named in {first} without its plain "
            f"explanation: {text(lang, first)!r}")


def test_the_lessons_before_rescue_that_name_naloxone_are_checked():
    # guards the test above: it must not pass by finding nothing
    order = list(LESSONS)
    for lang in LANGS:
        naming = {lid for lid in order[:order.index("rescue")]
                  if first_naming(lang, LESSONS[lid].msgids(), NALOXONE[lang])}
        assert {"override", "too-soon", "after-detox"} <= naming, lang


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson_id", list(LESSONS))
def test_naloxone_is_explained_by_the_beat_where_the_overdose_cue_shows(lesson_id, lang):
    """The overdose cue (a fixed sentence in a small box, shared with Explore) says "give
    naloxone" without explaining it; the lesson's own words explain it no later than the
    end of the beat in which the cue first shows."""
    index = cue_beat(lesson_id)
    if index is None:
        return
    les = LESSONS[lesson_id]
    shown = [les.title, les.blurb, *(m for b in les.beats[:index + 1] for m in b.msgids())]
    assert any(explains_naloxone(lang, text(lang, m)) for m in shown), (
        f"{lang} {lesson_id}: the cue shows at beat {index + 1}, naloxone not yet explained")


def test_the_overdose_cue_is_teachings_sentence_and_a_lesson_says_it_too():
    lesson_text = {lang: " ".join(text(lang, m) for les in LESSONS.values() for m in les.msgids())
                   for lang in LANGS}
    for lang, sentence in ((lang, OVERDOSE_CUE[lang]) for lang in LANGS):
        assert text(lang, "cue.overdose") == sentence
        assert sentence in lesson_text[lang]
    # and the cue is shown in at least the three lessons with an overdose
    assert {lid for lid in LESSONS if cue_beat(lid) is not None} >= {
        "override", "after-detox", "rescue"}


# ------------------------------------------------------------------ landing spots
def landing_spot_first(lang: str, message: str) -> bool:
    receptor = re.search(RECEPTOR[lang], message, re.I)
    spot = re.search(LANDING_SPOT[lang], message, re.I)
    return receptor is None or (spot is not None and spot.start() < receptor.start())


def home_reading_order() -> list[str]:
    """The home screen's words, top to bottom, left to right."""
    from sim.view.screens.home import TILES

    tiles = TILES + [(les.id, les.title, les.blurb) for les in LESSONS.values()]
    return ["app.title", "app.subtitle", *(m for _sid, title, blurb in tiles
                                          for m in (title, blurb)), "common.disclaimer"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_subtitle_says_landing_spots_before_receptors(lang):
    subtitle = text(lang, "app.subtitle")
    assert re.search(RECEPTOR[lang], subtitle, re.I), subtitle  # it is about receptors
    assert landing_spot_first(lang, subtitle), subtitle
    first = first_naming(lang, home_reading_order(), RECEPTOR[lang])
    assert first == "app.subtitle"


@pytest.mark.parametrize("lang", LANGS)
def test_receptor_is_a_landing_spot_the_first_time_everywhere(lang):
    """Every lesson's words in order (About cards apart: they can be opened first, so each
    one is read alone), every About card, and Explore's key."""
    sequences = {"home": home_reading_order(), "explore": ["explore.blurb", "explore.receptors"]}
    for les in LESSONS.values():
        sequences[les.id] = [m for m in les.msgids() if m != les.about]
        sequences[les.about] = [les.about]
    sequences["about.body"] = ["about.body"]
    for name, msgids in sequences.items():
        first = first_naming(lang, msgids, RECEPTOR[lang])
        if first is not None:
            assert landing_spot_first(lang, text(lang, first)), (
                f"{lang} {name}: {first} says receptor before landing spot: {text(lang, first)!r}")


# ------------------------------------------------------------------ withdrawal
def symptoms_named(lang: str, message: str) -> list[str]:
    words = WITHDRAWAL_SYMPTOMS[lang] + OTHER_SYMPTOMS[lang]
    # Arabic lists join words with a prefixed و ("القيء والإسهال")
    left = r"(?<!\w)[وف]?" if lang == "ar" else r"\b"
    found = [(m.start(), w) for w in words
             for m in re.finditer(rf"{left}{re.escape(w)}\b", message, re.I)]
    return [w for _at, w in sorted(found)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_withdrawal_symptom_lists_agree_everywhere(lang):
    lists = {key: symptoms_named(lang, value) for key, value in catalog(lang).items()}
    lists = {key: named for key, named in lists.items() if len(set(named)) >= 2}
    # the two places known to list them must be found, or this test checks nothing
    assert {"cue.withdrawal", "lesson.too-soon.beat3"} <= set(lists), sorted(lists)
    for key, named in lists.items():
        assert named == list(WITHDRAWAL_SYMPTOMS[lang]), (
            f"{lang} {key}: {named}, not TEACHING T6's {list(WITHDRAWAL_SYMPTOMS[lang])}")


# ------------------------------------------------------------------ About cards
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("msgid", ["lesson.after-detox.about", "about.body"])
def test_about_cards_name_alcohol_and_benzodiazepines(msgid, lang):
    card = text(lang, msgid)
    for drug in OTHER_DRUGS[lang]:
        assert re.search(rf"\b{drug}\b", card, re.I), f"{lang} {msgid} does not name {drug}"


# ------------------------------------------------------------------ the override lesson
HOW_TO = {"en": r"^(using|how to|use)\b", "es": r"^(consumir|cómo (consumir|usar)|usar)\b",
          "fr": r"^(consommer|comment (consommer|utiliser|prendre)|utiliser|prendre)\b",
          "pt_BR": r"^(usar|como (usar|consumir)|use)\b", "ar": r"^(كيف (تستخدم|تتعاطى)|استخدام)",
          "vi": r"^(cách (dùng|sử dụng)|sử dụng|dùng)\b",
          "ru": r"^(как (употреблять|принимать|использовать)|употреблять|принимать)\b"}
FRESH_BLOCK = {"en": r"\bfresh block\b", "es": r"\bbloqueo reciente\b",
               "fr": r"\bblocage récent\b", "pt_BR": r"\bbloqueio recente\b",
               "ar": r"(ال)?حجب\s+(ال)?جديد", "vi": r"\btác dụng chặn còn mới\b",
               "ru": r"\bсвеж\w+ блокад\w*"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_override_lesson_is_not_a_how_to_and_a_fresh_block_is_not_safe(lang):
    les = LESSONS["override"]
    title = text(lang, les.title)
    assert not re.search(HOW_TO[lang], title, re.I), title
    assert title.rstrip().endswith(("?", "؟")), "a question, not an instruction"
    # the tile says it: even a fresh block can be broken through, and that is an overdose
    blurb = text(lang, les.blurb)
    assert re.search(FRESH_BLOCK[lang], blurb, re.I), blurb
    assert re.search(RESCUE_WORDS[lang][1], blurb, re.I), blurb
    # the closing words name the fresh block too, not only a fading one
    closing = " ".join(text(lang, b.caption) for b in les.beats[-2:])
    assert len(re.findall(FRESH_BLOCK[lang], closing, re.I)) >= 2, closing


#: where each fact must be said: the message ids, in every language
KEY_FACTS = {
    "lesson.override.beat6": OVERRIDE_RISK,
    "notes.override.6.stress": OVERRIDE_RISK,
    "lesson.after-detox.beat8": DEATHS_AFTER_RELEASE,
    "lesson.override.q.explain": BREATHING_EMERGENCY,
    "lesson.after-detox.q.explain": BREATHING_EMERGENCY,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("msgid", sorted(KEY_FACTS))
def test_the_overdose_facts_are_the_same_in_every_language(msgid, lang):
    """"Coma or death" and the deaths after release are stated in every language as in
    English (issue 23: two catalogs had softened them to "a risk to life")."""
    said = text(lang, msgid).casefold()
    missing = [word for word in KEY_FACTS[msgid][lang] if word.casefold() not in said]
    assert not missing, f"{lang} {msgid}: says nothing of {missing}: {said!r}"
    softened = [p for p in SOFTENED[lang] if re.search(p, said, re.I)]
    assert not softened, f"{lang} {msgid}: softened ({softened}): {said!r}"


def test_the_key_fact_messages_are_where_the_lessons_say_them():
    # the override lesson's closing caption and the after-detox lesson's last words
    override = [b.caption for b in LESSONS["override"].beats]
    assert "lesson.override.beat6" in override[-2:]
    assert "lesson.after-detox.beat8" in [b.caption for b in LESSONS["after-detox"].beats]
