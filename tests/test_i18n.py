"""The catalogs are complete, consistent, compiled and use the words docs/teaching.md section 4
asks for; the program reads them with the standard gettext, plural forms included."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

import sim
from sim import i18n
from sim.app.screens import SCREENS
from sim import i18n_build
from sim.i18n import po_path
from sim.i18n_build import PoError, compile_po, parse_po, read_po_entries

SIM_DIR = Path(sim.__file__).resolve().parent
KEY_PATTERN = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_-]+)+$")  # "home.title", "lesson.pill.beat_3"

# The words docs/teaching.md rules out, as ONE table: a row per rule, a column per language
# (section 4: person-first, non-stigmatising words, with its table for other languages;
# section 1: no milligram doses; section 5: no death imagery). ``None``: the rule has no
# word to catch in that language. Whole words, so "addictive" ("naltrexone is not
# addictive") and "adictivo" stay allowed. A new language adds a column to every row
# (test_every_word_rule_covers_every_language).
WORD_RULES: dict[str, dict[str, str | None]] = {
    "addict, drug addict": {
        "en": r"\baddicts?\b",
        "es": r"\b(drog)?adict(o|a|os|as)\b",
        "fr": r"\b(toxicomanes?|drogu(é|ée|és|ées)|accros?|addicts?)\b",
        "pt_BR": r"\b(viciad|drogad)(o|a|os|as)\b|\bdependentes? químic(o|a|os|as)\b|\btoxicômanos?\b",
        "ar": r"مدمن(ين|ون|ة|ات|و)?",
        "vi": r"\b(người|con|dân|kẻ) nghiện\b|\bnghiện ngập\b",
        "ru": r"\bнаркоман\w*",
    },
    'alcoholic (say "person who drinks", "alcohol use disorder")': {
        "en": r"\balcoholics?\b",
        "es": r"\balcohólic(o|a|os|as)\b",
        "fr": r"\balcooliques?\b",
        "pt_BR": r"\balco[oó]latras?\b",
        "ar": r"مدمن(ي|و)?\s+(ال)?كحول|سك[ّ]?ير(ة|ون|ين)?",
        "vi": r"\b(người|kẻ) nghiện rượu\b|\bbợm rượu\b|\bsâu rượu\b|\bnát rượu\b",
        "ru": r"\bалкоголи(к|ка|ку|ком|ке|ки|ков|кам|ками|ках|чка|чки|чек)\b|\bпьяниц\w*",
    },
    "junkie": {
        "en": r"\bjunkies?\b",
        "es": r"\byonqu?is?\b|\byonkis?\b",
        "fr": r"\b(junk(ie|y)s?|cam(é|ée|és|ées))\b",
        "pt_BR": r"\bn[óo]ias?\b|\bcracud(o|a|os|as)\b",
        "ar": r"حشاش|مسطول|مخدراتي",
        "vi": r"\bxì ke\b|\bcon nghiện\b|\bnghiện hút\b",
        "ru": r"\b(наркош\w*|нарик\w*|торч(ок|ка|ки|ков|ку)|джанки)\b",
    },
    "abuse (use, misuse)": {
        "en": r"\babus(e|es|ed|er|ers|ing)\b",
        "es": r"\babus(o|os|ar|ador|adores)\b",
        "fr": r"\babus(er|eurs?|ifs?|ives?)?\b",
        "pt_BR": r"\babus(o|os|ar|ador|adores|adora|adoras)\b",
        "ar": (r"متعاط(ي|ين|ون|ية)?"  # the clinical term اضطراب تعاطي is allowed
                r"|(?<!اضطراب )تعاطي"),
        "vi": r"\blạm dụng\b",
        "ru": r"\bзлоупотреб\w*",
    },
    "clean/dirty (tests, people)": {
        "en": r"\bclean\b|\bdirty\b",
        "es": r"\b(limpi|suci)(o|a|os|as)\b",
        "fr": (r"\b(sales?|clean)\b"  # "propre" also means "own": only the other senses
               r"|(?<!\bsa )(?<!\bson )(?<!\bses )(?<!\bvotre )(?<!\bvos )(?<!\bleur )"
               r"(?<!\bleurs )(?<!\bnotre )(?<!\bnos )(?<!\bma )(?<!\bmon )(?<!\bmes )\bpropres?\b"),
        "pt_BR": r"\b(limp|suj)(o|a|os|as)\b",
        "ar": r"نظيف(ة|ون|ين)?|قذر(ة)?|وسخ|متسخ(ة)?|ملوث(ة)?",
        "vi": r"\b(sạch|bẩn)\b",
        "ru": r"\b(чист|грязн)(ый|ая|ое|ые|ого|ой|ому|ым|ую|ых|ыми|ом)\b",
    },
    "user(s) as a label for people": {
        "en": r"\busers?\b",
        "es": r"\busuari(o|a|os|as)\b",
        "fr": r"\b(utilisat(eur|eurs|rice|rices)|usag(er|ers|ère|ères))\b",
        "pt_BR": r"\busuári(o|a|os|as)\b",
        "ar": r"متعاطي|مستخدمو المخدرات|مستخدمي المخدرات|المتعاطين",
        "vi": r"\bngười (dùng|chơi) ma túy\b|\bdân chơi\b",
        "ru": r"\bпотребител\w*|\bюзер\w*",
    },
    "replacement/substitution therapy": {
        "en": r"\b(replacement|substitution) (therapy|treatment)\b",
        "es": r"\b(terapia|tratamiento) de (sustitución|reemplazo)\b",
        "fr": (r"\b(traitements?|thérapies?|médicaments?)\s+(de|par)\s+(la\s+)?"
               r"(substitution|remplacement)\b|\bTSO\b"),
        "pt_BR": r"\b(terapia|tratamento) de (substituição|reposição)\b",
        "ar": (r"(ال)?علاج\s+(ال)?(بديل|استبدالي|الاستبدالي|إحلالي|الإحلالي|تعويضي|التعويضي)"
               r"|العلاج بالبدائل"),
        "vi": r"\b(liệu pháp|điều trị|chữa trị) thay thế\b",
        "ru": r"\bзаместительн\w*|\b(терапи|лечени)\w* замещени\w*",
    },
    '"failed" treatment': {
        "en": r"\bfail(ed|s|ure)?\b",
        "es": r"\bfracas\w*|\bfallid(o|a|os|as)\b",
        "fr": r"\béchecs?\b|\béchou\w*",
        "pt_BR": r"\bfracass\w*|\bfalh(a|as|ar|ou|aram|ado|ada|ados|adas|ando)\b",
        "ar": r"فشل|فاشل|أخفق|إخفاق",
        "vi": r"\bthất bại\b",
        "ru": r"\bпровал\w*|\bнеудач\w*",
    },
    'withdrawal as bare "abstinencia" (say "síndrome de abstinencia")': {
        "en": None,  # "abstinence" is not used for withdrawal in English
        "es": r"(?<!síndrome de )\babstinencia\b",
        # withdrawal is "syndrome de sevrage"; detox "désintoxication"
        "fr": r"(?<!syndrome de )\bsevrage\b",
        "pt_BR": r"(?<!síndrome de )\babstinência\b",
        "ar": None,
        "vi": None,
        "ru": r"\bломк(а|и|у|ой|е)\b",  # slang: say "синдром отмены"
    },
    'the high as "bienestar" (say "sensación placentera" or "euforia")': {
        "en": None,
        "es": r"\bbienestar\b",
        "fr": r"\bbien-être\b",
        "pt_BR": r"\bbem-estar\b",
        "ar": None,
        "vi": None,
        "ru": r"\bкайф\w*",
    },
    "milligram doses": {
        "en": r"\bmg\b|\d\s*mg\b|\bmilligrams?\b",
        "es": r"\bmg\b|\d\s*mg\b|\bmiligramos?\b",
        "fr": r"\bmg\b|\d\s*mg\b|\bmilligrammes?\b",
        "pt_BR": r"\bmg\b|\d\s*mg\b|\bmiligramas?\b",
        "ar": r"\bmg\b|\d\s*mg\b|ملغ|مليغرام|ملليغرام|ملجم",
        "vi": r"\bmg\b|\d\s*mg\b|\bmi-?li-?gam\b|\bmiligam\b|\bmilligram\b",
        "ru": r"\bmg\b|\d\s*(mg|мг)\b|\bмг\b|\bмиллиграмм\w*",
    },
    "death imagery": {
        "en": r"\b(skulls?|corpses?|dead bod(y|ies)|body bags?|coffins?|caskets?|tombs?"
              r"|tombstones?|gravestones?|graveyards?|cemeter(y|ies)|morgues?)\b",
        "es": r"\b(calaveras?|cráneos?|cadáver(es)?|ataúd(es)?|féretros?|tumbas?|lápidas?"
              r"|cementerios?|morgues?)\b",
        "fr": (r"\b(crânes?|têtes? de mort|cadavres?|corps sans vie|cercueils?"  # "tombe" alone: "falls"
               r"|(la|une|les|des|sa|leur|leurs) tombes?|tombeaux?|pierres? tombales?"
               r"|cimetières?|morgues?|housses? mortuaires?)\b"),
        "pt_BR": (r"\b(caveiras?|crânios?|cadáver(es)?|caixões?|túmulos?|lápides?|cemitérios?"
                  r"|necrotérios?|sepulturas?)\b"),
        "ar": r"جمجم(ة|ات)|جماجم|جث(ة|ث)|نعش|كفن|قبر|قبور|مقبر(ة|ات)|مشرحة",
        "vi": (r"\b(đầu lâu|sọ người|xác chết|thi thể|quan tài|áo quan|nấm mồ|ngôi mộ"
               r"|mộ phần|bia mộ|nghĩa trang|nghĩa địa|nhà xác)\b"),
        "ru": (r"\b(череп\w*|труп\w*|гроб(ы|а|ов|у)?|могил\w*|надгроби\w*|кладбищ\w*"
               r"|морг(а|е|и|ов)?)\b"),
    },
}

#: every language the table has a column for: the languages shown (i18n.LANGUAGES) and
#: those waiting in assets/locale-pending (Arabic, until right-to-left text lands)
WORD_RULE_LANGUAGES = {"en", "es", "fr", "pt_BR", "ar", "vi", "ru"}

#: the table by language: every pattern one catalog must not match
FORBIDDEN: dict[str, list[str]] = {
    code: [rule[code] for rule in WORD_RULES.values() if rule.get(code)]
    for code in WORD_RULE_LANGUAGES
}


def entries(code: str):
    """The .po entries (translators' source), read with the build module's parser."""
    path = po_path(code)
    return read_po_entries(path.read_text(encoding="utf-8"), str(path))


def messages(code: str) -> dict[str, str]:
    """Every entry's text: msgstr, or a plural entry's forms joined by a newline."""
    return {e.key: "\n".join(e.texts) for e in entries(code) if e.key}


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


# -- the catalogs --------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_catalog_parses_with_a_utf8_header(code):
    path = po_path(code)
    assert path.is_file(), f"missing catalog {path}"
    catalog, header = parse_po(path.read_text(encoding="utf-8"), str(path))
    assert catalog, f"{path} has no messages"
    assert header.get("Language") == code
    assert "charset=UTF-8" in header.get("Content-Type", "")
    assert header.get("X-Language-Name"), "the picker shows the language's own name"
    assert header.get("X-Blockade-Review", "draft") in ("draft", "reviewed")
    assert re.fullmatch(r"nplurals=\d+; plural=.+;", header.get("Plural-Forms", ""))


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_message_ids_are_symbolic_keys(code):
    bad = [e.msgid for e in entries(code) if e.msgid and not KEY_PATTERN.match(e.msgid)]
    assert not bad, f"{code}: msgids must be keys like 'home.title', not sentences: {bad}"


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_every_entry_is_translated_and_not_fuzzy(code):
    unusable = [e.key for e in entries(code) if e.key and not e.usable]
    assert not unusable, f"{code}: empty or fuzzy translations: {unusable}"


@pytest.mark.parametrize("code", sorted(set(i18n.LANGUAGES) - {"en"}))
def test_every_catalog_has_the_same_messages_as_english(code):
    en, other = set(messages("en")), set(messages(code))
    assert not en - other, f"missing in {code}: {sorted(en - other)}"
    assert not other - en, f"missing in en: {sorted(other - en)}"
    # a plural entry is plural everywhere, with the same msgid_plural
    plural = {e.key: e.msgid_plural for e in entries("en") if e.is_plural}
    assert {e.key: e.msgid_plural for e in entries(code) if e.is_plural} == plural


@pytest.mark.parametrize("code", sorted(set(i18n.LANGUAGES) - {"en"}))
def test_placeholders_match_between_languages(code):
    # "{name}" fields filled with str.format must survive translation unchanged, in
    # every plural form too; a form the language uses for one count alone may leave the
    # number out (Arabic's "ثانية واحدة", one second, and dual "ثانيتين", two seconds)
    field = re.compile(r"\{[^{}]*\}")
    en = {e.key: e for e in entries("en")}
    single = i18n_build.single_number_forms(
        parse_po(po_path(code).read_text(encoding="utf-8"))[1])
    for entry in entries(code):
        if entry.key in en:
            want = sorted(field.findall(en[entry.key].texts[0]))
            for index, text in enumerate(entry.texts):
                may_omit = entry.is_plural and index in single
                assert i18n_build.placeholders_fit(text, want, may_omit), (entry.key, text)


def test_only_forms_for_a_single_count_may_leave_the_number_out():
    arabic = parse_po(po_path("ar").read_text(encoding="utf-8"))[1]
    assert i18n_build.single_number_forms(arabic) == {0, 1, 2}
    # English and Spanish keep the singular for 1 alone; French and Portuguese use it for
    # 0 and 1, so there it must show the number
    for code, single in (("en", {0}), ("es", {0}), ("fr", set()), ("pt_BR", set())):
        header = parse_po(po_path(code).read_text(encoding="utf-8"))[1]
        assert i18n_build.single_number_forms(header) == single, code
    assert i18n_build.placeholders_fit("ثانيتين", ["{seconds}"], may_omit=True)
    assert not i18n_build.placeholders_fit("ثانيتين", ["{seconds}"])
    assert not i18n_build.placeholders_fit("{seconds} {bogus}", ["{seconds}"], may_omit=True)


def test_every_word_rule_covers_every_language():
    # a language added to i18n.LANGUAGES must decide, rule by rule, what to catch
    assert set(i18n.LANGUAGES) <= WORD_RULE_LANGUAGES
    for rule, patterns in WORD_RULES.items():
        assert set(patterns) == WORD_RULE_LANGUAGES, rule
        assert any(patterns.values()), rule
        for pattern in filter(None, patterns.values()):
            re.compile(pattern)


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_no_stigmatising_words_or_doses(code):
    found = []
    for key, text in messages(code).items():
        for rule, patterns in WORD_RULES.items():
            if patterns[code] and (match := re.search(patterns[code], text, re.IGNORECASE)):
                found.append(f"{key}: {match.group(0)!r} ({rule})")
    assert not found, f"{code}: words docs/teaching.md rules out: {found}"


def _gettext_literals(names=("_",)) -> dict[str, str]:
    """Every ``_("literal")`` (or another of ``names``) under sim/, mapped to where it is used."""
    used: dict[str, str] = {}
    for path in sorted(SIM_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            func = getattr(node, "func", None)
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if (
                isinstance(node, ast.Call)
                and name in names
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                used.setdefault(node.args[0].value, f"{path.relative_to(SIM_DIR.parent)}:{node.lineno}")
    return used


def test_the_scan_finds_the_dialog_close_label():
    assert "dialog.close" in _gettext_literals()


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_every_message_used_in_code_is_in_the_catalog(code):
    catalog = messages(code)
    missing = {m: where for m, where in _gettext_literals().items() if m not in catalog}
    assert not missing, f"{code}: used in code but not in the catalog: {missing}"
    # plural lookups (ngettext("id", "id.plural", n), _n("id", n)) need a plural entry
    plural = {e.key for e in entries(code) if e.is_plural}
    missing = {m: where for m, where in _gettext_literals(("ngettext", "_n")).items()
               if m not in plural}
    assert not missing, f"{code}: used as a plural in code but no plural entry: {missing}"


# -- the API -------------------------------------------------------------------------------


def test_set_language_switches_text_and_speaking_restores_it():
    assert i18n._("dialog.close") == "Close"
    i18n.set_language("es")
    try:
        assert i18n.language() == "es" and i18n._("dialog.close") == "Cerrar"
        with i18n.speaking("fr"):
            assert i18n._("dialog.close") == "Fermer"
        assert i18n.language() == "es"
        with pytest.raises(RuntimeError), i18n.speaking("en"):
            raise RuntimeError  # restored however the passage ends
        assert i18n.language() == "es"
    finally:
        i18n.set_language("en")


def test_unknown_language_raises_value_error():
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("xx")
    with pytest.raises(ValueError):
        i18n.catalog("xx")
    assert i18n.language() == "en"


@pytest.fixture
def lenient():
    """What people using the app get: the fallback (the tests otherwise run strict)."""
    i18n.set_strict(False)
    yield
    i18n.set_strict(True)


def test_fallback_to_english_then_to_the_key(monkeypatch, lenient):
    fake = {"en": {"a.only_english": "Only English"}, "es": {}}
    monkeypatch.setattr(i18n, "catalog", lambda code: fake[code])
    i18n.set_language("es")
    assert i18n._("a.only_english") == "Only English"
    assert i18n._("a.nowhere") == "a.nowhere"


def test_languages_name_themselves():
    # one source: the catalogs present under assets/locale, names from their headers
    assert i18n.LANGUAGES == {"en": "English", "ar": "العربية", "es": "Español",
                              "fr": "Français", "pt_BR": "Português (Brasil)",
                              "ru": "Русский", "vi": "Tiếng Việt"}
    assert list(i18n.LANGUAGES) == ["en", *sorted(set(i18n.LANGUAGES) - {"en"})]
    on_disk = {p.parent.parent.name for p in i18n.locale_dir().glob("*/LC_MESSAGES/blockade.mo")}
    assert set(i18n.LANGUAGES) == on_disk
    for code, name in i18n.LANGUAGES.items():
        assert parse_po(po_path(code).read_text(encoding="utf-8"))[1]["X-Language-Name"] == name


def test_languages_not_yet_reviewed_are_drafts():
    assert not i18n.is_draft("en") and not i18n.is_draft("es")
    assert i18n.is_draft("fr") and i18n.is_draft("pt_BR") and i18n.is_draft("ar")
    # the languages added for clinics' waiting rooms (issue 23 item 7) await review
    assert i18n.is_draft("vi") and i18n.is_draft("ru")
    for code in i18n.LANGUAGES:
        header = parse_po(po_path(code).read_text(encoding="utf-8"))[1]
        assert i18n.is_draft(code) == (header.get("X-Blockade-Review") != "reviewed")


def test_arabic_is_offered_now_that_right_to_left_text_works():
    # it waited in assets/locale-pending until the Arabic font and right-to-left
    # drawing landed (tests/test_rtl_text.py, tests/test_rtl_layout.py)
    assert "ar" in i18n.available_languages()
    assert not (i18n.locale_dir().parent / "locale-pending" / "ar").exists()
    i18n.set_language("ar")
    assert i18n._("common.home") == i18n.catalog("ar")["common.home"] != "Home"


def test_a_missing_review_header_counts_as_draft(monkeypatch):
    class Fake:
        def info(self):
            return {"x-language-name": "Test"}

    monkeypatch.setattr(i18n, "translations", lambda code: Fake())
    assert i18n.is_draft("es")


# -- compiled catalogs ---------------------------------------------------------------------


def test_the_compiled_catalogs_are_up_to_date():
    """Every .po (shown or pending) has a .mo beside it, equal to compiling the .po again.
    After editing a catalog: python -m sim.i18n_build"""
    pos = i18n_build.po_files()
    assert {p.parent.parent.name for p in pos} >= set(i18n.LANGUAGES) | {"ar"}
    assert not i18n_build.stale(), "stale .mo: run python -m sim.i18n_build"


def test_the_build_notices_a_stale_or_missing_mo(tmp_path):
    import shutil

    shutil.copytree(po_path("es").parent.parent, tmp_path / "es")
    shutil.copytree(po_path("fr").parent.parent, tmp_path / "fr")
    assert i18n_build.stale([tmp_path]) == []
    assert i18n_build.main(["--check", str(tmp_path)]) == 0
    po = tmp_path / "es" / "LC_MESSAGES" / "blockade.po"
    po.write_text(po.read_text(encoding="utf-8").replace('"Cerrar"', '"Cerrar ya"'),
                  encoding="utf-8")
    (tmp_path / "fr" / "LC_MESSAGES" / "blockade.mo").unlink()
    assert i18n_build.stale([tmp_path]) == sorted(tmp_path.glob("*/LC_MESSAGES/blockade.po"))
    assert i18n_build.main(["--check", str(tmp_path)]) == 1
    assert i18n_build.main([str(tmp_path)]) == 0
    assert i18n_build.stale([tmp_path]) == []


def test_the_build_refuses_a_translation_that_changes_a_placeholder(tmp_path, capsys):
    """'{bogus}' for '{seconds}' made the staff pad raise KeyError: the build stops with
    the file, the line, the msgid and both placeholders (issue 24 item 2)."""
    import shutil

    for code in ("en", "fr"):
        shutil.copytree(po_path(code).parent.parent, tmp_path / code)
    po = tmp_path / "fr" / "LC_MESSAGES" / "blockade.po"
    po.write_text(po.read_text(encoding="utf-8").replace("réessayez dans {seconds}",
                                                         "réessayez dans {bogus}"),
                  encoding="utf-8")
    assert i18n_build.main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{po}:" in err and "kiosk.pin_locked" in err and "{bogus}" in err \
        and "{seconds}" in err and err.count("\n") == 1


def test_the_program_reads_the_mo_with_the_standard_gettext():
    import gettext

    for code in i18n.LANGUAGES:
        with i18n.mo_path(code).open("rb") as f:
            standard = gettext.GNUTranslations(f)
        assert i18n.catalog(code)["dialog.close"] == standard.gettext("dialog.close")
        assert standard.gettext("dialog.close") == messages(code)["dialog.close"]
    source = (SIM_DIR / "i18n.py").read_text(encoding="utf-8")
    assert "GNUTranslations" in source
    assert not hasattr(i18n, "parse_po") and not hasattr(i18n, "read_po_entries")


def test_compiled_sample_round_trips_through_gettext():
    import gettext
    import io

    standard = gettext.GNUTranslations(io.BytesIO(compile_po(SAMPLE, "sample.po")))
    assert standard.gettext("a.multi") == 'First line\nsecond "quoted" \\ part\tend'
    assert standard.pgettext("verb", "a.ctx") == "Con contexto"
    assert standard.gettext("a.fuzzy") == "a.fuzzy"  # fuzzy and empty entries left out
    assert standard.gettext("a.empty") == "a.empty"
    assert standard.ngettext("a.plural", "a.plurals", 1) == "one"
    assert standard.ngettext("a.plural", "a.plurals", 7) == "many"
    assert compile_po(SAMPLE) == compile_po(SAMPLE)  # the same bytes every time


# -- plural forms --------------------------------------------------------------------------

COUNTDOWN = "kiosk.starting_again_seconds"
#: per language, the form each count takes (0: singular/first form, 1: plural/second form)
PLURAL_FORMS = {
    "en": {0: 1, 1: 0, 2: 1, 5: 1, 11: 1, 21: 1, 101: 1},   # n != 1
    "es": {0: 1, 1: 0, 2: 1, 5: 1, 11: 1, 21: 1, 101: 1},   # n != 1
    "fr": {0: 0, 1: 0, 2: 1, 5: 1, 11: 1, 21: 1, 101: 1},   # n > 1: "0 seconde"
    "pt_BR": {0: 0, 1: 0, 2: 1, 5: 1, 11: 1, 21: 1, 101: 1},  # n > 1
    "ar": {0: 0, 1: 1, 2: 2, 5: 3, 11: 4, 21: 4, 101: 5, 103: 3},  # six forms
    "vi": {0: 0, 1: 0, 2: 0, 5: 0, 11: 0, 21: 0, 101: 0},  # one form: nouns do not inflect
    # three forms: 1, 21, 101 ...; 2-4, 22-24 ...; 0, 5-20, 25-30, 111-114 ...
    "ru": {0: 2, 1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 101: 0,
           111: 2, 112: 2},
}


#: the countdown in each form, with "{n}" for the number, so a catalog with its forms
#: swapped fails too. Arabic names one and two in words, as it counts: "ثانية واحدة" (one
#: second), the dual "ثانيتين" (two seconds); 3 to 10 take the plural "ثوانٍ", 11 to 99
#: the accusative singular "ثانيةً", round hundreds the singular
COUNTDOWN_ENDINGS = {
    "en": ("{n} second", "{n} seconds"),
    "es": ("{n} segundo", "{n} segundos"),
    "fr": ("{n} seconde", "{n} secondes"),
    "pt_BR": ("{n} segundo", "{n} segundos"),
    "ar": ("{n} ثانية", "خلال ثانية واحدة", "خلال ثانيتين", "{n} ثوانٍ", "{n} ثانيةً",
           "{n} ثانية"),
    "vi": ("{n} giây",),
    "ru": ("{n} секунду", "{n} секунды", "{n} секунд"),
}


def test_every_language_has_its_plural_table():
    assert set(i18n.LANGUAGES) <= set(PLURAL_FORMS) & set(COUNTDOWN_ENDINGS)


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_each_language_picks_its_own_plural_forms(code):
    forms = {e.key: e.plural_forms for e in entries(code)}[COUNTDOWN]
    assert i18n.plurals(code)[COUNTDOWN] == forms
    # the forms must differ, or this checks nothing (a language with one form, such as
    # Vietnamese, has nothing to swap)
    assert len(forms) == 1 or len(set(forms)) >= 2, forms
    i18n.set_language(code)
    for n, index in PLURAL_FORMS[code].items():
        assert i18n._n(COUNTDOWN, n) == forms[index], (code, n)
        shown = i18n._n(COUNTDOWN, n).format(seconds=n)
        assert shown.endswith(COUNTDOWN_ENDINGS[code][index].format(n=n)), (code, n, shown)
        assert i18n.ngettext(COUNTDOWN, COUNTDOWN + ".plural", n) == forms[index], (code, n)
    assert i18n._n(COUNTDOWN, 5).format(seconds=5).count("5") == 1


def test_english_and_french_differ_at_zero():
    i18n.set_language("en")
    en = i18n._n(COUNTDOWN, 0).format(seconds=0)
    i18n.set_language("fr")
    fr = i18n._n(COUNTDOWN, 0).format(seconds=0)
    assert en == "Starting again in 0 seconds"
    assert fr == "Redémarrage dans 0 seconde"


def test_the_arabic_catalog_has_six_forms():
    import gettext

    mo = i18n.mo_path("ar")
    with mo.open("rb") as f:
        standard = gettext.GNUTranslations(f)
    for n, index in PLURAL_FORMS["ar"].items():
        assert standard.plural(n) == index, n
        shown = standard.ngettext(COUNTDOWN, COUNTDOWN + ".plural", n).format(seconds=n)
        assert shown.endswith(COUNTDOWN_ENDINGS["ar"][index].format(n=n)), (n, shown)
    assert standard.ngettext(COUNTDOWN, COUNTDOWN + ".plural", 5).endswith("ثوانٍ")
    # one and two seconds are said in words, with no digit
    for n in (1, 2):
        shown = standard.ngettext(COUNTDOWN, COUNTDOWN + ".plural", n).format(seconds=n)
        assert not re.search(r"\d", shown), shown
    assert standard.ngettext(COUNTDOWN, COUNTDOWN + ".plural", 2).endswith("ثانيتين")


def test_plural_lookups_fall_back_like_singular_ones(monkeypatch, lenient):
    assert i18n.ngettext("a.nowhere", "a.nowhere.plural", 1) == "a.nowhere"
    assert i18n.ngettext("a.nowhere", "a.nowhere.plural", 3) == "a.nowhere.plural"
    i18n.set_language("es")
    real = i18n.plurals
    monkeypatch.setattr(i18n, "plurals", lambda code: {} if code == "es" else real(code))
    assert i18n._n(COUNTDOWN, 3) == "Starting again in {seconds} seconds"  # English


def test_strict_mode_raises_on_a_missing_plural():
    i18n.set_language("fr")
    with pytest.raises(i18n.MissingMessage, match="kiosk.no_such_plural") as info:
        i18n._n("kiosk.no_such_plural", 2)
    assert info.value.language == "fr"
    with pytest.raises(i18n.MissingMessage):
        i18n._(COUNTDOWN)  # a plural entry is looked up with ngettext, not _


# -- the parser ----------------------------------------------------------------------------

SAMPLE = r'''# a translator comment
msgid ""
msgstr ""
"Language: es\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#. extracted comment
#: sim/view/x.py:1
msgid "a.multi"
msgstr ""
"First line\n"
"second \"quoted\" \\ part\t"
"end"

msgctxt "verb"
msgid "a.ctx"
msgstr "Con contexto"

#, fuzzy
msgid "a.fuzzy"
msgstr "Guess"

msgid "a.empty"
msgstr ""
msgid "a.adjacent"
msgstr "no blank line before me"

msgid "a.plural"
msgid_plural "a.plurals"
msgstr[0] "one"
msgstr[1] "many"

#~ msgid "a.obsolete"
#~ msgstr "Old"
'''


def test_parser_handles_continuations_escapes_context_flags_and_comments():
    plural = {e.key: e for e in read_po_entries(SAMPLE)}["a.plural"]
    assert (plural.msgid_plural, plural.plural_forms) == ("a.plurals", ("one", "many"))
    catalog, header = parse_po(SAMPLE, "sample.po")
    assert header["Language"] == "es"
    assert catalog["a.multi"] == 'First line\nsecond "quoted" \\ part\tend'
    assert catalog["verb\x04a.ctx"] == "Con contexto"
    assert "a.ctx" not in catalog
    assert "a.fuzzy" not in catalog  # fuzzy means "not checked": treated as missing
    assert "a.empty" not in catalog
    assert catalog["a.adjacent"] == "no blank line before me"
    assert catalog["a.plural"] == "one"
    assert "a.obsolete" not in catalog


def test_pgettext_uses_the_context(monkeypatch, lenient):
    monkeypatch.setattr(i18n, "catalog", lambda code: {"verb\x04a.ctx": "Hecho"})
    assert i18n.pgettext("verb", "a.ctx") == "Hecho"
    assert i18n.pgettext("noun", "a.ctx") == "a.ctx"


@pytest.mark.parametrize(
    "text, problem",
    [
        ('msgid "a.b"\nmsgstr "bad \\q escape"\n', "unknown escape"),
        ('msgid "a.b"\nmsgstr "unterminated\n', "double quotes"),
        ('msgid "a.b"\nmsgstr "x"\n\nmsgid "a.b"\nmsgstr "y"\n', "duplicate msgid"),
        ('msgid "a.b"\n\nmsgstr "x"\n', "no msgstr"),
        ('"floating"\n', "nothing to continue"),
        ('msgid "a.b"\nmsgstring "x"\n', "unknown keyword"),
        ('msgid "a.b"\nmsgid_plural "a.bs"\nmsgstr "x"\n', "needs msgstr"),
        ('msgid "a.b"\nmsgid_plural "a.bs"\nmsgstr[0] "x"\nmsgstr[2] "y"\n', "msgstr\\[0\\] to"),
        ('msgid "a.b"\nmsgstr[0] "x"\n', "no msgid_plural"),
    ],
)
def test_parser_reports_errors_with_file_and_line(text, problem):
    with pytest.raises(PoError, match=problem) as info:
        parse_po(text, "broken.po")
    assert re.match(r"broken\.po:\d+: ", str(info.value))


def test_the_build_refuses_a_plural_with_the_wrong_number_of_forms():
    header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n')
    three = 'msgid "a.b"\nmsgid_plural "a.b.plural"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n'
    with pytest.raises(PoError, match=r"broken\.po:\d+: 'a\.b' has 3 plural forms.*nplurals=2"):
        compile_po(header + three, "broken.po")
    assert compile_po(header + three.replace('msgstr[2] "z"\n', ""))


@pytest.mark.parametrize("module", ["i18n.py", "i18n_build.py"])
def test_i18n_does_not_import_pygame(module):
    tree = ast.parse((SIM_DIR / module).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])
    }
    assert "pygame" not in imported
    assert imported <= {"__future__", "argparse", "collections", "contextlib", "dataclasses",
                        "functools",
                        "gettext", "io", "os", "pathlib", "re", "struct", "sys", "sim"}, imported


@pytest.mark.parametrize(
    "code, text, banned",
    [
        ("en", "A person who is an addict", True),
        ("en", "Tests came back clean", True),
        ("en", "Drug abuse", True),
        ("en", "A usual dose, 50 mg", True),
        ("en", "Naltrexone is not addictive.", False),
        ("en", "A person with an opioid use disorder", False),
        ("es", "Una persona adicta", True),
        ("es", "El abuso de opioides", True),
        ("es", "Una prueba limpia", True),
        ("es", "La naltrexona no es adictiva.", False),
        ("es", "Una persona con un trastorno por consumo de opioides", False),
        ("en", "Opioid users", True),
        ("en", "He failed treatment", True),
        ("en", "Methadone replacement therapy", True),
        ("en", "A skull over the danger zone", True),
        ("en", "It can cause serious harm, coma or death.", False),
        ("en", "The person who uses opioids stopped treatment.", False),
        ("es", "Los usuarios de heroína", True),
        ("es", "Un tratamiento fallido", True),
        ("es", "La abstinencia puede causar vómitos", True),
        ("es", "Entra en abstinencia", True),
        ("es", "El síndrome de abstinencia puede causar vómitos", False),
        ("es", "Entra en síndrome de abstinencia", False),
        ("es", "El medidor de bienestar", True),
        ("es", "Una sensación placentera, o euforia", False),
        ("es", "Una calavera sobre la zona de peligro", True),
        ("es", "Puede causar daños graves, coma o la muerte.", False),
        ("es", "Una dosis de 50 miligramos", True),
        # French (docs/translations/fr.md)
        ("fr", "Une personne toxicomane", True),
        ("fr", "Les drogués", True),
        ("fr", "L'abus d'opioïdes", True),
        ("fr", "Un test propre", True),
        ("fr", "Votre propre situation", False),
        ("fr", "Les usagers de drogues", True),
        ("fr", "Un traitement de substitution", True),
        ("fr", "Un échec du traitement", True),
        ("fr", "Le sevrage peut causer des vomissements", True),
        ("fr", "Le syndrome de sevrage peut causer des vomissements", False),
        ("fr", "La jauge de bien-être", True),
        ("fr", "Une dose de 50 mg", True),
        ("fr", "Une tête de mort sur la zone de danger", True),
        ("fr", "La respiration tombe dans la zone de danger", False),
        ("fr", "La naltrexone ne rend pas dépendant.", False),
        ("fr", "Une personne qui consomme des opioïdes", False),
        # Brazilian Portuguese (docs/translations/pt_BR.md)
        ("pt_BR", "Uma pessoa viciada", True),
        ("pt_BR", "Um dependente químico", True),
        ("pt_BR", "O abuso de opioides", True),
        ("pt_BR", "Um exame limpo", True),
        ("pt_BR", "Os usuários de heroína", True),
        ("pt_BR", "Terapia de substituição", True),
        ("pt_BR", "O tratamento falhou", True),
        ("pt_BR", "A abstinência pode causar vômitos", True),
        ("pt_BR", "A síndrome de abstinência pode causar vômitos", False),
        ("pt_BR", "O medidor de bem-estar", True),
        ("pt_BR", "Uma caveira sobre a zona de perigo", True),
        ("pt_BR", "Uma dose de 50 miligramas", True),
        ("pt_BR", "Uma pessoa que usa opioides", False),
        ("pt_BR", "A naltrexona não causa dependência.", False),
        # Arabic (docs/translations/ar.md; checked when Arabic is shown)
        ("ar", "شخص مدمن", True),
        ("ar", "متعاطي المخدرات", True),
        ("ar", "اختبار نظيف", True),
        ("ar", "فشل العلاج", True),
        ("ar", "دواء لعلاج اضطراب تعاطي المواد الأفيونية", False),
        ("ar", "شخص يستخدم المواد الأفيونية", False),
        ("ar", "النالتريكسون لا يسبب الإدمان", False),
        # Vietnamese (docs/translations/vi.md)
        ("vi", "Một người nghiện", True),
        ("vi", "Con nghiện ma túy", True),
        ("vi", "Lạm dụng opioid", True),
        ("vi", "Xét nghiệm sạch", True),
        ("vi", "Điều trị thay thế bằng methadone", True),
        ("vi", "Điều trị thất bại", True),
        ("vi", "Một liều 50 mg", True),
        ("vi", "Một cái đầu lâu trên vùng nguy hiểm", True),
        ("vi", "Người sử dụng opioid", False),
        ("vi", "Rối loạn sử dụng opioid", False),
        ("vi", "Nó không gây nghiện.", False),
        ("vi", "Có thể gây tổn hại nghiêm trọng, hôn mê hoặc tử vong.", False),
        # Russian (docs/translations/ru.md)
        ("ru", "Наркоманы", True),
        ("ru", "Человек — алкоголик", True),
        ("ru", "Злоупотребление опиоидами", True),
        ("ru", "Чистый анализ", True),
        ("ru", "Потребители героина", True),
        ("ru", "Заместительная терапия", True),
        ("ru", "Лечение оказалось неудачным", True),
        ("ru", "У него началась ломка", True),
        ("ru", "Доза 50 мг", True),
        ("ru", "Череп над опасной зоной", True),
        ("ru", "Человек, употребляющий опиоиды", False),
        ("ru", "Синдром отмены может вызвать рвоту", False),
        ("ru", "Налтрексон не вызывает привыкания и не даёт эйфории.", False),
        ("ru", "Это может привести к серьёзному вреду, коме или смерти.", False),
        ("ru", "Алкоголь в организме", False),
    ],
)
def test_the_word_rules_catch_what_they_should(code, text, banned):
    # guards the guard: a typo in a pattern would otherwise pass every catalog
    hit = any(re.search(p, text, re.IGNORECASE) for p in FORBIDDEN[code])
    assert hit == banned


# -- strict mode ---------------------------------------------------------------------------
#
# Message ids built at run time (f"species.{name}", Explore's amount and give keys held in
# tuples, lesson captions from the scripts) are invisible to the scan of literal _("...")
# calls above. Strict mode raises on a missing id instead of showing the key; the tests run
# strict (tests/conftest.py), so any screen drawn by any test checks every id it uses.


def test_the_tests_run_strict():
    assert i18n.strict()


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_strict_mode_raises_on_a_made_up_id(code):
    i18n.set_language(code)
    with pytest.raises(KeyError, match=r"explore\.no_such_message") as info:
        i18n._("explore.no_such_message")
    assert isinstance(info.value, i18n.MissingMessage)
    assert info.value.msgid == "explore.no_such_message"
    assert info.value.language == code
    assert repr(code) in str(info.value)
    with pytest.raises(i18n.MissingMessage, match="no_such_context"):
        i18n.pgettext("verb", "no_such_context")
    assert i18n._("dialog.close") == messages(code)["dialog.close"]  # real ids still work


def test_strict_mode_does_not_fall_back_to_english(monkeypatch):
    fake = {"en": {"a.only_english": "Only English"}, "es": {}}
    monkeypatch.setattr(i18n, "catalog", lambda code: fake[code])
    assert i18n._("a.only_english") == "Only English"
    i18n.set_language("es")
    with pytest.raises(i18n.MissingMessage, match="a.only_english"):
        i18n._("a.only_english")


def test_without_strict_mode_people_get_the_fallback(lenient):
    assert not i18n.strict()
    assert i18n._("explore.no_such_message") == "explore.no_such_message"
    i18n.set_language("es")
    assert i18n._("explore.no_such_message") == "explore.no_such_message"


@pytest.mark.parametrize("value, expected", [("1", True), ("0", False), ("", False)])
def test_the_environment_variable_turns_strict_mode_on(value, expected):
    import os
    import subprocess
    import sys

    env = dict(os.environ, BLOCKADE_STRICT_I18N=value)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SIM_DIR.parent),
                                                      env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-c", "from sim import i18n; print(i18n.strict())"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(expected)


#: the strict walk draws this many states in a row in one language, then the next
STATES_PER_LANGUAGE = 4


class _Recorded(Mapping):
    """A catalog that notes every message id looked up in it (``_strict_render_walk``)."""

    def __init__(self, messages, asked: set) -> None:
        self._messages, self._asked = messages, asked

    def __getitem__(self, msgid):
        self._asked.add(msgid)
        return self._messages[msgid]

    def __contains__(self, msgid):
        self._asked.add(msgid)
        return msgid in self._messages

    def get(self, msgid, default=None):
        self._asked.add(msgid)
        return self._messages.get(msgid, default)

    def __iter__(self):
        return iter(self._messages)

    def __len__(self):
        return len(self._messages)


def _strict_render_walk(screen_id: str, monkeypatch) -> tuple[int, set, set, dict]:
    """Draw ``screen_id`` in as many states as a visit reaches, each state once, the
    languages taking turns (so every language draws many states, right to left too).
    Every message id looked up on the way is noted: (frames, states seen, languages
    drawn, {"singular": ids, "plural": ids})."""
    import random

    import pygame

    from sim.app.app import STEP, App, AppConfig
    from sim.lessons import LESSONS

    asked = {"singular": set(), "plural": set()}
    catalog, plurals = i18n.catalog, i18n.plurals
    monkeypatch.setattr(i18n, "catalog",
                        lambda code: _Recorded(catalog(code), asked["singular"]))
    monkeypatch.setattr(i18n, "plurals",
                        lambda code: _Recorded(plurals(code), asked["plural"]))
    app = App(AppConfig(headless=True, seed=7, size=(1280, 720)))
    frames = 0
    turns = list(i18n.LANGUAGES)
    drawn: set[str] = set()

    def draw(updates: int = 1) -> None:
        nonlocal frames
        for _ in range(updates):
            app.update(STEP)
        code = turns[frames // STATES_PER_LANGUAGE % len(turns)]
        if code != i18n.language():  # a switch lays every screen out again: not each time
            app.set_language(code)
        app.stack.top.dirty = True
        assert app.render()
        drawn.add(code)
        frames += 1

    def tap(widget) -> None:
        pos = widget.rect.center  # layouts are placed in window pixels
        for kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            extra = ({"rel": (0, 0), "buttons": (0, 0, 0)} if kind == pygame.MOUSEMOTION
                     else {"button": 1})
            app.handle_event(pygame.event.Event(kind, pos=pos, touch=False, **extra))

    def reopen(**options):
        app.stack.home()
        return app.stack.top if screen_id == "home" else app.stack.push(screen_id, **options)

    try:
        reopen()
        draw()
        draw(120)
        if screen_id in LESSONS:  # the last beat, as `blockade --screenshot --beat N` shows it
            reopen(beat=len(LESSONS[screen_id].beats))
            draw()
            draw(120)
            reopen()
        if screen_id == "explore":
            screen = app.stack.top
            for toggle in screen.amount_toggles:
                tap(toggle)
                for give in screen.give_buttons:
                    tap(give)
                    draw(30)
            for _ in range(40):  # a lot of opioid: the overdose cue
                tap(screen.step)
            tap(screen.slow)
            draw()
            tap(screen.about_button)
            draw()
        # then a walk over the screen's own controls (never Home, Quit or the language)
        rng = random.Random(screen_id)
        seen = set()
        for _ in range(50):
            screen = app.stack.top
            group = getattr(screen, "group", None)
            if group is None:
                break
            skip = {id(getattr(screen, name, None))
                    for name in ("home", "quit", "language", "preferences", "keys")}
            widgets = [w for w in group.widgets
                       if w.visible and w.enabled and id(w) not in skip]
            dialog = getattr(screen, "about", None)
            if dialog is not None and dialog.is_open:
                app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0,
                                                    unicode="", scancode=0))
            elif widgets:
                # a lesson: mostly go on (answering a question when one is asked), now and
                # then go back or replay
                forward = getattr(screen, "next", None)
                detours = {id(getattr(screen, name, None)) for name in ("back", "replay")}
                onward = [w for w in widgets if id(w) not in detours and w is not forward]
                if forward in widgets and rng.random() < 0.8:
                    tap(forward)
                elif onward and rng.random() < 0.8:
                    tap(rng.choice(onward))
                else:
                    tap(rng.choice(widgets))
            seen.add((app.stack.top.id, getattr(app.stack.top, "index", None)))
            if app.stack.top.id != screen_id:
                reopen()
            draw(rng.choice([1, 30, 120]))
    finally:
        app.shutdown()
        i18n.set_language("en")
    return frames, seen, drawn, asked


@pytest.mark.parametrize("screen_id", list(SCREENS))
def test_every_screen_renders_with_strict_messages(screen_id, monkeypatch):
    """Every screen in SCREENS drawn in many states with strict lookups, the languages
    taking turns: an id built at run time that is missing from the language drawn fails
    at once, and every id any state looked up must be in every language's catalog (so
    each state is drawn once, not once per language, and no language is skipped)."""
    from sim.lessons import LESSONS

    assert i18n.strict()
    frames, seen, drawn, asked = _strict_render_walk(screen_id, monkeypatch)
    assert frames > 50
    assert drawn == set(i18n.LANGUAGES)
    assert asked["singular"], "no message looked up: the recording missed the lookups"
    for code in i18n.LANGUAGES:
        missing = sorted(m for m in asked["singular"] if m not in i18n.catalog(code))
        missing += sorted(m for m in asked["plural"] if m not in i18n.plurals(code))
        assert not missing, f"{screen_id}: not in the {code!r} catalog: {missing}"
    beats = {index for sid, index in seen if sid == screen_id}
    if screen_id in LESSONS and None not in beats:  # the screen tells which beat it shows
        assert beats == set(range(len(LESSONS[screen_id].beats))), "the walk missed beats"


def test_only_the_app_sets_the_language_from_its_preferences():
    """The app's preferences are the one source of the language: ``i18n.set_language``
    is called by the app alone (screens ask ``ctx.set_language``, which changes the
    preferences); anything else speaks another language for a passage
    (``i18n.speaking``)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "sim"
    callers = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                owner = f.value if isinstance(f, ast.Attribute) else None
                if name == "set_language" and not (
                        isinstance(owner, ast.Attribute) and owner.attr in ("ctx", "_app")
                        or isinstance(owner, ast.Name) and owner.id in ("self", "ctx")):
                    callers.add(path.relative_to(root).as_posix())
    # warm.py lays home out in each language in spare time and puts the language back;
    # bench_actions.py times a switch as a visitor makes it, through the app
    assert callers <= {"app/app.py", "i18n.py", "app/warm.py", "app/bench_actions.py"}, callers
