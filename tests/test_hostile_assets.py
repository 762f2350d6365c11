"""Assets are read like inputs (issue 24 item 2).

A catalog (.mo) or a font is opened only if it is a regular file of a sane size, and
read with a bound (sim/bounded_read.py): a FIFO hung every command, ``--help``
included; a ``.mo`` linked to /dev/zero grew memory until killed. Every bundled font
is parsed and checksummed before SDL_ttf opens it and then made to draw its script's
letters (sim/view/font_check.py): a damaged Noto Sans Arabic aborted the process
(status -6) and a font cut to a third drew no text.

Each case runs the real program in a subprocess (with a timeout, so a hang fails)
against a damaged copy of the assets (``BLOCKADE_ASSETS``): one line naming the file,
exit status 2, no traceback; a broken catalog of a language the program does not
start in only leaves that language out, with one warning line.
"""

from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from sim.resources import ASSETS_ENV, asset_path
from sim.view import font_check
from test_startup_assets import assets  # noqa: F401  (the fixture: a private copy to damage)

TIMEOUT = 60
#: larger than any limit (a catalog's 4 MB, a font's 10 MB): refused before it is read
HUGE = 50_000_000
FONTS = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
         "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"]


def mo(root: Path, code: str) -> Path:
    return root / "locale" / code / "LC_MESSAGES" / "blockade.mo"


def blockade(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, **{ASSETS_ENV: str(root)})
    env.pop("BLOCKADE_BENCH_FIRST_FRAME", None)
    return subprocess.run([sys.executable, "-m", "sim", *args], env=env, capture_output=True,
                          text=True, timeout=TIMEOUT, cwd=root.parent)


def screenshot(root: Path, *args: str) -> subprocess.CompletedProcess:
    return blockade(root, "--screenshot", str(root.parent / "shot.png"), "--frames", "1", *args)


def one_line_exit_2(done: subprocess.CompletedProcess, names: Path) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr, done.stderr[-2000:]
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert str(names) in lines[0], lines[0]
    return lines[0]


# ----------------------------------------------------------------- what goes in place
def fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def dev_zero(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def huge(path: Path) -> None:
    with path.open("r+b") as f:
        f.truncate(HUGE)  # sparse: 50 MB to stat, nothing on the disk


def empty(path: Path) -> None:
    path.write_bytes(b"")


NOT_A_FILE = {"fifo": (fifo, "pipe"), "folder": (folder, "folder"),
              "dev-zero": (dev_zero, "device"), "50MB": (huge, "larger than")}


# ---------------------------------------------------------------------- catalogs
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("code", ["en", "es"])
def test_help_never_waits_on_a_fifo_catalog(assets, code):
    fifo(mo(assets, code))
    done = blockade(assets, "--help")  # a hang is subprocess.TimeoutExpired: a failure
    assert done.returncode == 0, done.stderr
    assert "usage: blockade" in done.stdout and done.stderr == ""


@pytest.mark.parametrize("kind", NOT_A_FILE)
def test_a_starting_catalog_that_is_not_a_file_stops_with_one_line(assets, kind):
    damage, words = NOT_A_FILE[kind]
    damage(mo(assets, "es"))
    line = one_line_exit_2(screenshot(assets, "--lang", "es"), mo(assets, "es"))
    assert words in line
    assert not (assets.parent / "shot.png").exists()


@pytest.mark.parametrize("kind", NOT_A_FILE)
def test_another_language_that_is_not_a_file_is_left_out_with_a_warning(assets, kind):
    damage, words = NOT_A_FILE[kind]
    damage(mo(assets, "fr"))
    done = screenshot(assets)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "warning" in lines[0], lines
    assert str(mo(assets, "fr")) in lines[0] and words in lines[0]
    assert (assets.parent / "shot.png").is_file()


def test_english_in_a_fifo_stops_any_language(assets):
    fifo(mo(assets, "en"))
    one_line_exit_2(screenshot(assets, "--lang", "es"), mo(assets, "en"))


# ------------------------------------------------------------------------- fonts
def cut_to_a_third(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 3])


def table(data: bytes, tag: bytes) -> tuple[int, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    for i in range(count):
        name, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if name == tag:
            return offset, length
    raise AssertionError(tag)


def flip_in_glyf(path: Path) -> None:
    data = bytearray(path.read_bytes())
    offset, length = table(bytes(data), b"glyf")
    for at in (offset + length // 3, offset + length // 2, offset + 2 * length // 3):
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))


def flip_anywhere(path: Path) -> None:
    """What crashed SDL_ttf (status -6): bytes flipped all over the file."""
    data = bytearray(path.read_bytes())
    rng = random.Random(1)
    for _ in range(2000):
        data[rng.randrange(12 + 16 * 18, len(data))] ^= 0xFF  # the table list left whole
    path.write_bytes(bytes(data))


def latin_font_instead(path: Path) -> None:
    path.write_bytes((path.parent / "NotoSans-Regular.ttf").read_bytes())


DAMAGED_FONT = {
    "cut-to-a-third": (cut_to_a_third, "NotoSans-Regular.ttf", "outside the file"),
    "glyf-bytes-flipped": (flip_in_glyf, "NotoSans-Bold.ttf", "'glyf' is damaged"),
    "flipped-all-over": (flip_anywhere, "NotoSansArabic-Regular.ttf", "damaged"),
    "zero-length": (empty, "NotoSansArabic-Bold.ttf", "empty"),
    "fifo": (fifo, "NotoSans-Regular.ttf", "pipe"),
    "folder": (folder, "NotoSansArabic-Regular.ttf", "folder"),
    "dev-zero": (dev_zero, "NotoSans-Bold.ttf", "device"),
    "50MB": (huge, "NotoSans-Regular.ttf", "larger than"),
    "no-arabic-letters": (latin_font_instead, "NotoSansArabic-Regular.ttf", "U+0645"),
}


@pytest.mark.parametrize("kind", DAMAGED_FONT)
def test_a_damaged_font_stops_with_one_line_and_never_crashes(assets, kind):
    damage, name, words = DAMAGED_FONT[kind]
    font = assets / "fonts" / name
    damage(font)
    line = one_line_exit_2(screenshot(assets, "--lang", "ar"), font)
    assert words in line, line
    assert not (assets.parent / "shot.png").exists()


# ------------------------------------------------- the checks themselves, in-process
@pytest.mark.parametrize("name", FONTS)
def test_the_bundled_fonts_pass_the_file_check(name):
    font_check.check_sfnt(asset_path("fonts", name).read_bytes())


@pytest.mark.parametrize("tag", ["cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf",
                                 "GSUB", "GPOS"])
def test_one_flipped_byte_in_any_table_is_seen_and_named(tag):
    data = bytearray(asset_path("fonts", "NotoSansArabic-Regular.ttf").read_bytes())
    offset, length = table(bytes(data), tag.encode())
    data[offset + length - 1] ^= 0x01  # its last byte (head's: not checkSumAdjustment)
    with pytest.raises(ValueError, match=f"'{tag}' is damaged"):
        font_check.check_sfnt(bytes(data))


def test_a_table_missing_from_the_list_is_named():
    data = bytearray(asset_path("fonts", "NotoSans-Regular.ttf").read_bytes())
    at = bytes(data).index(b"loca", 12)
    data[at:at + 4] = b"locb"
    with pytest.raises(ValueError, match="no loca table"):
        font_check.check_sfnt(bytes(data))


@pytest.fixture
def font_session():
    pygame.font.init()
    yield
    from sim.view import fonts

    fonts.clear_caches()


@pytest.mark.parametrize("name, script, ok", [
    ("NotoSans-Regular.ttf", "Latn", True),
    ("NotoSansArabic-Bold.ttf", "Arab", True),
    ("NotoSans-Bold.ttf", "Arab", False),
    ("NotoSansArabic-Regular.ttf", "Latn", False),
])
def test_a_font_must_draw_its_scripts_letters(font_session, name, script, ok):
    path = asset_path("fonts", name)
    font = pygame.font.Font(path, 20)
    font.set_script(script)
    if ok:
        font_check.check_draws(font, path, script)
    else:
        with pytest.raises(font_check.FontFileError, match=name):
            font_check.check_draws(font, path, script)


def test_every_script_with_fonts_has_a_sample():
    from sim.view.fonts import SCRIPT_FONT_FILES

    assert set(SCRIPT_FONT_FILES) <= set(font_check.SAMPLES)
