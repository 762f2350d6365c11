"""The kiosk config: complete defaults, every key's good values, one clear line for
every mistake (naming the file and the key), and never half a config."""

from __future__ import annotations

import dataclasses

import pytest

from sim.app.kiosk_config import KioskConfig, KioskConfigError, load_kiosk_config
from sim.i18n import LANGUAGES
from sim.lessons import LESSONS
from sim.view.preferences import TEXT_SIZES
from sim.view.theme import PROFILES


def load(tmp_path, text: str) -> KioskConfig:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return load_kiosk_config(str(path))


def test_no_file_gives_the_defaults():
    config = load_kiosk_config(None)
    assert (config.idle_seconds, config.countdown_seconds) == (90, 15)
    assert config.lessons == tuple(LESSONS) == config.attract
    assert config.languages == tuple(LANGUAGES) and config.language == "en"
    assert (config.profile, config.text_size) == ("dark", "normal")
    assert config.staff_pin is None and not config.pin_matches("")
    assert config.help_for("en") == {} == config.help_for("es")
    assert config.counts_enabled is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.idle_seconds = 5


def test_an_empty_file_is_the_defaults_too(tmp_path):
    assert dataclasses.replace(load(tmp_path, ""), source="") == load_kiosk_config(None)


def test_every_key_read(tmp_path):
    config = load(tmp_path, """
idle_seconds = 120
countdown_seconds = 20
lessons = ["after-detox", "blockade", "rescue"]
attract = ["rescue", "blockade", "rescue"]
languages = ["es", "en"]
language = "es"
profile = "high-contrast"
text_size = "x-large"
staff_pin = "0482"
[help]
title = "Help near you"
text = "Free naloxone at the front desk.\\nAsk us."
[help.es]
title = "Ayuda cerca de usted"
text = "Naloxona gratis en recepción."
[counts]
enabled = true
""")
    assert (config.idle_seconds, config.countdown_seconds) == (120, 20)
    assert config.lessons == ("after-detox", "blockade", "rescue")  # the clinic's order
    assert config.attract == ("rescue", "blockade", "rescue")  # a playlist may repeat
    assert config.languages == ("es", "en") and config.language == "es"
    assert (config.profile, config.text_size) == ("high-contrast", "x-large")
    assert config.staff_pin == "0482"  # leading zero kept
    assert config.pin_matches("0482") and not config.pin_matches("482")
    assert "0482" not in repr(config)  # never into a log by accident
    assert config.counts_enabled is True
    assert config.help_for("es") == {"title": "Ayuda cerca de usted",
                                     "text": "Naloxona gratis en recepción."}
    assert config.help_for("en") == {"title": "Help near you",
                                     "text": "Free naloxone at the front desk.\nAsk us."}
    assert config.source.endswith("kiosk.toml")


@pytest.mark.parametrize("key, values", [
    ("profile", PROFILES), ("text_size", tuple(TEXT_SIZES)),
])
def test_every_profile_and_text_size_is_accepted(tmp_path, key, values):
    for value in values:
        assert getattr(load(tmp_path, f'{key} = "{value}"'), key) == value


@pytest.mark.parametrize("text, idle, countdown", [
    ("idle_seconds = 15\ncountdown_seconds = 5", 15, 5),
    ("idle_seconds = 3600\ncountdown_seconds = 120", 3600, 120),
    ("countdown_seconds = 89", 90, 89),
])
def test_the_limits_are_inclusive(tmp_path, text, idle, countdown):
    config = load(tmp_path, text)
    assert (config.idle_seconds, config.countdown_seconds) == (idle, countdown)


def test_attract_defaults_to_the_lessons_offered(tmp_path):
    assert load(tmp_path, 'lessons = ["rescue", "opioids"]').attract == ("rescue", "opioids")


def test_the_default_language_is_english_if_offered_else_the_first(tmp_path):
    assert load(tmp_path, 'languages = ["es", "en"]').language == "en"
    assert load(tmp_path, 'languages = ["es"]').language == "es"


def test_help_per_language_falls_back_to_help_as_a_whole(tmp_path):
    config = load(tmp_path, '[help]\ntitle = "Help"\ntext = "Front desk."\n'
                            '[help.es]\ntext = "En recepción."\n')
    # Spanish has its own table: its text only (the card's own title in Spanish),
    # never the English title over Spanish text
    assert config.help_for("es") == {"text": "En recepción."}
    assert config.help_for("en") == {"title": "Help", "text": "Front desk."}
    only_es = load(tmp_path, '[help.es]\ntitle = "Ayuda"\n')
    assert only_es.help_for("en") == {} and only_es.help_for("es") == {"title": "Ayuda"}
    # the caller's copy cannot change the config
    only_es.help_for("es")["title"] = "changed"
    assert only_es.help_for("es") == {"title": "Ayuda"}


CODES = ", ".join(LANGUAGES)  # every language the program has, however many
BAD = [
    # (file text, what the one line must say)
    ('colour = "red"', "unknown key 'colour' (allowed: idle_seconds, countdown_seconds"),
    ("idle_seconds = true", "idle_seconds must be a whole number of seconds, 15 to 3600, "
                            "got a boolean"),
    ('idle_seconds = "90"', "idle_seconds must be a whole number of seconds, 15 to 3600, "
                            "got text"),
    ("idle_seconds = 90.0", "idle_seconds must be a whole number of seconds, 15 to 3600, "
                            "got a decimal number"),
    ("idle_seconds = 14", "idle_seconds must be 15 to 3600 seconds, got 14"),
    ("idle_seconds = 3601", "idle_seconds must be 15 to 3600 seconds, got 3601"),
    ("countdown_seconds = 4", "countdown_seconds must be 5 to 120 seconds, got 4"),
    ("countdown_seconds = 121\nidle_seconds = 600", "countdown_seconds must be 5 to 120"),
    ("countdown_seconds = false", "countdown_seconds must be a whole number of seconds"),
    ("idle_seconds = 20\ncountdown_seconds = 20",
     "countdown_seconds (20) must be less than idle_seconds (20)"),
    ("idle_seconds = 15", "countdown_seconds (15) must be less than idle_seconds (15)"),
    ('lessons = "blockade"', 'lessons must be a list such as ["opioids"], got text'),
    ("lessons = []", "lessons is empty; list at least one lesson"),
    ('lessons = ["blockade", "naloxone"]', "lessons[2]: unknown lesson 'naloxone' (allowed: "
                                           "opioids, blockade"),
    ('lessons = ["explore"]', "lessons[1]: unknown lesson 'explore'"),
    ('lessons = ["blockade", "rescue", "blockade"]', "lessons[3]: 'blockade' is listed twice"),
    ("lessons = [3]", "lessons[1] must be a lesson id in quotes, got a whole number"),
    ('lessons = ["rescue"]\nattract = ["blockade"]',
     "attract[1]: not among lessons 'blockade' (allowed: rescue)"),
    ('attract = ["nope"]', "attract[1]: unknown lesson 'nope'"),
    ("attract = []", "attract is empty"),
    ("attract = " + str(["rescue"] * 51), "attract: at most 50 entries, got 51"),
    ('languages = ["en", "xx"]', f"languages[2]: unknown language 'xx' (allowed: {CODES})"),
    ('languages = ["es", "es"]', "languages[2]: 'es' is listed twice"),
    ("languages = []", "languages is empty; list at least one language"),
    ('languages = "en"', "languages must be a list"),
    ('languages = ["es"]\nlanguage = "en"', "language: 'en' is not among languages "
                                            "(allowed: es)"),
    ('language = "xx"', f"language: unknown language 'xx' (allowed: {CODES})"),
    ("language = 1", "language must be text in quotes, got a whole number"),
    ('profile = "neon"', "profile: unknown profile 'neon' (allowed: dark, projector, "
                         "high-contrast)"),
    ("profile = true", "profile must be text in quotes, got a boolean"),
    ('text_size = "huge"', "text_size: unknown text size 'huge' (allowed: normal, large, "
                           "x-large, xx-large)"),
    ("text_size = 2", "text_size must be text in quotes"),
    ("staff_pin = 5307", 'staff_pin must be in quotes, e.g. staff_pin = "0482"'),
    ('staff_pin = "48a1"', "staff_pin must be 4 to 8 digits (0 to 9) in quotes"),
    ('staff_pin = "482"', "got 3 digits"),
    ('staff_pin = "123456789"', "got 9 digits"),
    ('staff_pin = "5307 "', "got something other than the digits 0 to 9"),
    ('staff_pin = "٤٨٢١"', "got something other than the digits 0 to 9"),  # Arabic-Indic
    ("staff_pin = true", "staff_pin must be 4 to 8 digits in quotes"),
    ('help = "call us"', "'help' must be a table, written [help]"),
    ('[help]\nphone = "555"', "[help] unknown key 'phone' (allowed: title, text, "
                              + ", ".join(f"[help.{code}]" for code in LANGUAGES) + ")"),
    ('[help]\ntitle = ""', "[help] title must be non-empty text"),
    ('[help]\ntitle = "' + "x" * 81 + '"', "[help] title is longer than 80 characters"),
    ('[help]\ntitle = "a\\tb"', "[help] title: control character U+0009"),
    ('[help]\ntext = "' + "WWWWWWW " * 74 + '"', "[help] text: too long for the help card"),
    ('[help]\ntitle = "帮助"', "line 2: [help] title: no bundled font draws U+5E2E"),
    ('[help.es]\ntitel = "Ayuda"', "[help.es] unknown key 'titel' (allowed: title, text)"),
    ('[help.es]\ntext = 5', "[help.es] text must be non-empty text"),
    ('[help.xx]\ntitle = "Aide"', "[help.xx]: unknown language 'xx'"),
    ('[help]\nes = "Ayuda"', "[help] es must be a table, written [help.es]"),
    ("[counts]\nenabled = 1", "[counts] enabled must be true or false, got a whole number"),
    ('[counts]\nenabled = "yes"', "[counts] enabled must be true or false, got text"),
    ("[counts]\nfile = 1", "[counts] unknown key 'file' (allowed: enabled)"),
    ("counts = true", "'counts' must be a table, written [counts]"),
    ("idle_seconds = ", "not valid TOML"),
]


@pytest.mark.parametrize("text, says", BAD, ids=[t.split("\n")[-1][:40] for t, _ in BAD])
def test_a_mistake_is_one_line_naming_the_file_and_the_key(tmp_path, text, says):
    with pytest.raises(KioskConfigError) as info:
        load(tmp_path, text)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(tmp_path / "kiosk.toml") + ": ")
    assert says in message


def test_the_pin_never_appears_in_a_message(tmp_path):
    for line in ('staff_pin = "97"', 'staff_pin = "97315x"', 'staff_pin = "973155555"',
                 'staff_pin = "97 31"'):
        with pytest.raises(KioskConfigError) as info:
            load(tmp_path, line)
        assert "97" not in str(info.value).split(": ", 1)[1]


def test_a_missing_or_unreadable_file_is_one_line_too(tmp_path):
    with pytest.raises(KioskConfigError, match="kiosk config not found"):
        load_kiosk_config(str(tmp_path / "nope.toml"))
    with pytest.raises(KioskConfigError, match="is a folder, not a kiosk config"):
        load_kiosk_config(str(tmp_path))
    (tmp_path / "latin1.toml").write_bytes(b'[help]\ntitle = "Caf\xe9"\n')
    with pytest.raises(KioskConfigError, match="is not UTF-8 text"):
        load_kiosk_config(str(tmp_path / "latin1.toml"))


def test_a_mistake_late_in_the_file_still_gives_no_config(tmp_path):
    """Good keys first, one bad key last: nothing comes back but the error."""
    with pytest.raises(KioskConfigError, match="counts"):
        load(tmp_path, 'idle_seconds = 60\nlessons = ["rescue"]\nlanguage = "es"\n'
                       "[counts]\nenabled = 2\n")


def test_the_example_in_docs_kiosk_md_is_a_valid_config_with_every_key(tmp_path):
    """The guide's example stays true: with a PIN in place of its placeholder it loads,
    and it shows every key."""
    import re
    import tomllib
    from pathlib import Path

    from sim.app.kiosk_config import KEYS

    guide = (Path(__file__).resolve().parent.parent / "docs" / "kiosk.md").read_text(
        encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", guide, re.S).group(1)
    assert set(tomllib.loads(example)) == set(KEYS)
    # its PIN is a placeholder the validator refuses, so no clinic runs on a copied PIN
    assert 'staff_pin = "CHOOSE-YOUR-OWN"' in example
    with pytest.raises(KioskConfigError, match="placeholder CHOOSE-YOUR-OWN; choose your own"):
        load(tmp_path, example)
    config = load(tmp_path, example.replace("CHOOSE-YOUR-OWN", "5307"))
    assert config.staff_pin == "5307" and config.help_for("es")["title"] == "Ayuda cerca de usted"


@pytest.mark.parametrize("pin", ["4821", "0000", "7777", "99999999", "1234", "0123",
                                 "12345678", "4321", "9876", "76543210"])
def test_the_guides_old_example_and_trivial_pins_are_refused(tmp_path, pin):
    with pytest.raises(KioskConfigError) as info:
        load(tmp_path, f'staff_pin = "{pin}"')
    message = str(info.value)
    assert "\n" not in message and "too easy to guess" in message
    assert "choose another" in message and pin not in message


@pytest.mark.parametrize("pin", ["5307", "0482", "1235", "1212", "7890", "1000", "24680"])
def test_pins_that_only_look_simple_are_kept(tmp_path, pin):
    assert load(tmp_path, f'staff_pin = "{pin}"').staff_pin == pin
