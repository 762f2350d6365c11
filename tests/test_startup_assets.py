"""Assets fail loudly and early (issue 13, item 3).

A missing or broken catalog or font for the starting language stops the program
before the window opens: exit status 2, exactly one line on stderr naming the
file, no traceback. A broken catalog for another language only leaves that
language out of the choices, with one warning line; the program starts.

The programs run in a subprocess with ``BLOCKADE_ASSETS`` pointing at a damaged
copy of the assets (see sim/resources.py); ``--screenshot`` needs no window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from sim import i18n
from sim.resources import ASSETS_ENV, asset_path

TIMEOUT = 60


@pytest.fixture
def assets(tmp_path) -> Path:
    """A private copy of the bundled fonts and catalogs, for a test to damage."""
    root = tmp_path / "assets"
    for part in ("fonts", "locale"):
        shutil.copytree(asset_path(part), root / part)
    return root


def po(root: Path, code: str) -> Path:
    """The compiled catalog the program reads (translators edit the .po beside it)."""
    return root / "locale" / code / "LC_MESSAGES" / "blockade.mo"


def latin1(path: Path) -> None:
    """Put a Latin-1 byte in a catalog that says it is UTF-8 (the last letter of "Close")."""
    import gettext

    with path.open("rb") as f:
        word = gettext.GNUTranslations(f).gettext("dialog.close").encode("ascii")
    data = path.read_bytes()
    assert data.count(b"\0" + word + b"\0") == 1
    path.write_bytes(data.replace(b"\0" + word + b"\0", b"\0" + word[:-1] + b"\xe9\0"))


def blockade(root: Path, *args: str, tmp: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, **{ASSETS_ENV: str(root)})
    env.pop("BLOCKADE_BENCH_FIRST_FRAME", None)
    return subprocess.run(
        [sys.executable, "-m", "sim", "--screenshot", str(tmp / "shot.png"), "--frames", "1",
         *args],
        env=env, capture_output=True, text=True, timeout=TIMEOUT,
    )


def assert_stops_with_one_line(done: subprocess.CompletedProcess, names: Path) -> str:
    lines = done.stderr.splitlines()
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1, lines
    assert str(names) in lines[0], (str(names), lines[0])
    assert done.stdout == "", done.stdout
    return lines[0]


def test_the_bundled_assets_start_without_a_word_on_stderr(assets, tmp_path):
    done = blockade(assets, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert (tmp_path / "shot.png").is_file()


def test_a_missing_english_catalog_stops_before_the_window(assets, tmp_path):
    po(assets, "en").unlink()
    line = assert_stops_with_one_line(blockade(assets, tmp=tmp_path), po(assets, "en"))
    assert "missing" in line
    assert not (tmp_path / "shot.png").exists()


def test_a_broken_english_catalog_stops_before_the_window(assets, tmp_path):
    po(assets, "en").write_bytes(b"msgid \"broken.entry\"\n")  # a .po where the .mo should be
    line = assert_stops_with_one_line(blockade(assets, tmp=tmp_path), po(assets, "en"))
    assert not (tmp_path / "shot.png").exists()
    assert ":" in line.split(str(po(assets, "en")), 1)[1]  # says what is wrong, too


def test_a_latin1_byte_in_the_english_catalog_stops_before_the_window(assets, tmp_path):
    latin1(po(assets, "en"))  # Latin-1, not UTF-8
    line = assert_stops_with_one_line(blockade(assets, tmp=tmp_path), po(assets, "en"))
    assert "UTF-8" in line


def test_an_empty_english_catalog_stops_before_the_window(assets, tmp_path):
    po(assets, "en").write_bytes(b"")
    assert_stops_with_one_line(blockade(assets, tmp=tmp_path), po(assets, "en"))


@pytest.mark.parametrize("name", ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                  "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"])
def test_an_empty_font_stops_before_the_window(assets, tmp_path, name):
    font = assets / "fonts" / name
    font.write_bytes(b"")
    assert_stops_with_one_line(blockade(assets, tmp=tmp_path), font)
    assert not (tmp_path / "shot.png").exists()


def test_a_corrupt_font_stops_before_the_window(assets, tmp_path):
    font = assets / "fonts" / "NotoSans-Bold.ttf"
    font.write_bytes(font.read_bytes()[:2000])  # a torn download: the header, nothing else
    assert_stops_with_one_line(blockade(assets, tmp=tmp_path), font)


def test_a_missing_font_stops_before_the_window(assets, tmp_path):
    font = assets / "fonts" / "NotoSans-Regular.ttf"
    font.unlink()
    assert_stops_with_one_line(blockade(assets, tmp=tmp_path), font)


def break_spanish(root: Path) -> Path:
    path = po(root, "es")
    path.write_bytes(path.read_bytes()[:2000])  # torn: the tables point past the end
    return path


def test_a_broken_spanish_catalog_starts_in_english_with_one_warning(assets, tmp_path):
    path = break_spanish(assets)
    done = blockade(assets, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "warning" in lines[0] and str(path) in lines[0], lines[0]
    assert (tmp_path / "shot.png").is_file()


def test_a_latin1_byte_in_the_spanish_catalog_only_leaves_spanish_out(assets, tmp_path):
    path = po(assets, "es")
    latin1(path)
    done = blockade(assets, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and str(path) in lines[0], lines


def test_starting_in_a_broken_spanish_stops_with_one_line(assets, tmp_path):
    path = break_spanish(assets)
    assert_stops_with_one_line(blockade(assets, "--lang", "es", tmp=tmp_path), path)


def test_starting_in_spanish_needs_english_too(assets, tmp_path):
    """English is the fallback (and holds the medical disclaimer): needed in every language."""
    po(assets, "en").unlink()
    assert_stops_with_one_line(blockade(assets, "--lang", "es", tmp=tmp_path), po(assets, "en"))


# -- in-process: what the home screen offers ----------------------------------------------


@pytest.fixture
def broken_spanish(tmp_path, monkeypatch):
    """The catalogs as loaded, except Spanish, which is broken; restored afterwards."""
    bad = tmp_path / "es.mo"
    bad.write_bytes(b'msgid "a"\nmsgstr "not a compiled catalog"\n')
    real = i18n.mo_path
    monkeypatch.setattr(i18n, "mo_path", lambda code: bad if code == "es" else real(code))
    i18n.reload()
    yield bad
    monkeypatch.undo()
    i18n.reload()
    i18n.set_language("en")


def test_check_languages_leaves_a_broken_language_out(broken_spanish):
    warnings = i18n.check_languages("en")
    assert len(warnings) == 1 and str(broken_spanish) in warnings[0]
    assert "\n" not in warnings[0]
    assert i18n.available_languages() == [c for c in i18n.LANGUAGES if c != "es"]
    with pytest.raises(ValueError, match="not available"):
        i18n.set_language("es")
    with pytest.raises(i18n.CatalogError, match="es.mo"):
        i18n.check_languages("es")


def test_the_home_screen_does_not_offer_a_broken_language(broken_spanish, capsys):
    from sim.app.app import App, AppConfig

    app = App(AppConfig(headless=True))
    try:
        home = app.stack.top
        assert home.id == "home"
        others = [c for c in i18n.LANGUAGES if c != "es"]
        assert home.offers_language == (len(others) > 1)
        assert (home.language in home.group.widgets) == home.offers_language
        for _ in range(2 * len(i18n.LANGUAGES)):  # switching round can never reach Spanish
            home._switch_language()
            assert i18n.language() in others
        home.draw(app.window)
    finally:
        app.shutdown()
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "warning" in err[0], err


def test_the_home_screen_offers_every_language_that_loads():
    from sim.app.app import App, AppConfig

    i18n.reload()
    app = App(AppConfig(headless=True))
    try:
        home = app.stack.top
        assert i18n.available_languages() == list(i18n.LANGUAGES)
        assert home.offers_language and home.language in home.group.widgets
    finally:
        app.shutdown()
        pygame.quit()


def test_a_translation_with_a_wrong_placeholder_uses_the_english_text(assets, tmp_path):
    """'Paso {n} de {bogus}' raised KeyError where the lesson formats its progress (rc 1,
    a traceback): now one warning line names the language, the msgid and the
    placeholders, and the English text is used there."""
    path = po(assets, "es")
    data = path.read_bytes()
    assert b"Paso {n} de {total}" in data
    path.write_bytes(data.replace(b"Paso {n} de {total}", b"Paso {n} de {bogus}"))
    done = blockade(assets, "--lang", "es", "--screen", "blockade", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines and all("(es)" in line and "{bogus}" in line and "{total}" in line
                         for line in lines), lines
    assert any("lessonview.progress" in line for line in lines), lines
    assert (tmp_path / "shot.png").is_file()
