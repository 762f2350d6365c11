"""The window options of ``blockade``: --list-screens, --screenshot and bad input.

Most tests call ``sim.app.cli.main`` in-process; one runs the real program in a
subprocess, as a person would, to check the PNG and that nothing is printed (no
pygame banner). Bad input: exit status 2, exactly one line on stderr naming the
problem, no traceback, and no file written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

import sim
from sim import i18n
from sim.app.cli import main
from sim.app.screens import SCREENS
from sim.view import fonts

REPO = Path(sim.__file__).resolve().parent.parent
SCREEN_IDS = list(SCREENS)


@pytest.fixture(autouse=True)
def restore_globals():
    """--screenshot sets the language and colours and ends with pygame.quit()."""
    yield
    pygame.quit()
    # the font cache outlives pygame.quit() (see test_app.py,
    # test_an_app_can_be_built_again_after_pygame_quit): start the next test clean
    fonts.clear_caches()
    i18n.set_language("en")


def cli(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run ``blockade ARGV`` in-process: (exit status, stdout, stderr)."""
    try:
        status = main(argv)
    except SystemExit as stop:  # argparse's --help exits
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    out, err = capsys.readouterr()
    return status, out, err


def assert_bad_input(status: int, out: str, err: str, *mentions: str) -> str:
    """Exit 2, nothing on stdout, one clear line on stderr mentioning each of ``mentions``."""
    assert status == 2, (status, err)
    assert out == ""
    assert "Traceback" not in err and 'File "' not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert err.count("\n") == 1, repr(err)
    for text in mentions:
        assert text in lines[0], (text, lines[0])
    return lines[0]


def png_size(path: Path) -> tuple[int, int]:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return pygame.image.load(str(path)).get_size()


# ---------------------------------------------------------------------------- listing


def test_list_screens_prints_every_id_one_per_line(capsys):
    status, out, err = cli(["--list-screens"], capsys)
    assert status == 0
    assert err == ""
    assert out.splitlines() == SCREEN_IDS
    assert out.endswith("\n")


# ---------------------------------------------------------------------------- screenshots

SHOT_SIZES = [(800, 600), (1280, 720), (1024, 768)]


@pytest.mark.parametrize("screen_id", SCREEN_IDS)
def test_screenshot_of_every_screen(screen_id, tmp_path, capsys):
    size = SHOT_SIZES[SCREEN_IDS.index(screen_id) % len(SHOT_SIZES)]
    target = tmp_path / f"{screen_id}.png"
    status, out, err = cli(["--screenshot", str(target), "--screen", screen_id,
                            "--size", f"{size[0]}x{size[1]}", "--frames", "3"], capsys)
    assert (status, out, err) == (0, "", "")
    assert png_size(target) == size
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left


def test_screenshot_in_spanish_on_the_projector_profile(tmp_path, capsys):
    target = tmp_path / "explore-es.png"
    status, out, err = cli(["--screenshot", str(target), "--screen", "explore", "--lang", "es",
                            "--profile", "projector", "--seed", "3", "--frames", "0"], capsys)
    assert (status, out, err) == (0, "", "")
    assert png_size(target) == (1280, 720)  # the default window size


def test_two_screenshots_in_one_process(tmp_path, capsys):
    """Each --screenshot ends with pygame.quit(); a second one in the same process
    must not trip over fonts loaded by the first."""
    first, second = tmp_path / "one.png", tmp_path / "two.png"
    assert cli(["--screenshot", str(first), "--frames", "1"], capsys)[0] == 0
    status, out, err = cli(["--screenshot", str(second), "--frames", "1"], capsys)
    assert (status, out, err) == (0, "", "")
    assert png_size(second) == (1280, 720)


def test_screenshot_subprocess_is_silent_and_exact(tmp_path):
    env = dict(os.environ)
    # the program itself must go headless and hide pygame's banner
    env.pop("PYGAME_HIDE_SUPPORT_PROMPT", None)
    env.pop("SDL_VIDEODRIVER", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "sim", "--screenshot", "out.png", "--screen", "explore",
         "--size", "800x600", "--lang", "es", "--frames", "5"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr == ""
    assert png_size(tmp_path / "out.png") == (800, 600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]


# ---------------------------------------------------------------------------- bad input


def test_unknown_screen(tmp_path, capsys):
    target = tmp_path / "shot.png"
    line = assert_bad_input(*cli(["--screenshot", str(target), "--screen", "no-such-screen"],
                                 capsys), "no-such-screen")
    assert "--list-screens" in line  # says where to look
    assert list(tmp_path.iterdir()) == []


def test_unknown_screen_without_screenshot(capsys):
    assert_bad_input(*cli(["--screen", "nope"], capsys), "nope")


@pytest.mark.parametrize("size", ["800", "0x0", "axb", "100000x100000", "800x", "x600",
                                  "800x600x2", "-800x600", ""])
def test_bad_size(size, tmp_path, capsys):
    target = tmp_path / "shot.png"
    assert_bad_input(*cli(["--screenshot", str(target), f"--size={size}"], capsys), "--size")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv, mention", [
    (["--lang", "xx"], "xx"),
    (["--profile", "nope"], "nope"),
    (["--frames", "-1"], "--frames"),
    (["--frames", "many"], "many"),
    (["--seed", "abc"], "abc"),
])
def test_bad_window_option(argv, mention, tmp_path, capsys):
    target = tmp_path / "shot.png"
    assert_bad_input(*cli(["--screenshot", str(target), *argv], capsys), mention)
    assert list(tmp_path.iterdir()) == []


def test_screenshot_into_a_missing_folder(tmp_path, capsys):
    target = tmp_path / "missing" / "shot.png"
    assert_bad_input(*cli(["--screenshot", str(target)], capsys), "missing")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["shot.jpg", "shot", "shot.png.txt"])
def test_screenshot_must_be_a_png(name, tmp_path, capsys):
    target = tmp_path / name
    assert_bad_input(*cli(["--screenshot", str(target)], capsys), name)
    assert list(tmp_path.iterdir()) == []


def test_screenshot_onto_a_folder(tmp_path, capsys):
    folder = tmp_path / "pictures.png"
    folder.mkdir()
    assert_bad_input(*cli(["--screenshot", str(folder), "--frames", "0"], capsys),
                     "pictures.png")
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pictures.png"]


# ---------------------------------------------------------------------------- help


def test_help_mentions_the_window_options(capsys):
    status, out, err = cli(["--help"], capsys)
    assert status == 0
    assert err == ""
    for option in ("--fullscreen", "--screenshot", "--list-screens", "--size", "--lang",
                   "--profile"):
        assert option in out, option


def test_the_default_window_fits_the_desktop():
    """Plain `blockade` on a small screen: the window is no larger than the desktop
    (the dummy driver reports a 1024x768 desktop), with the default's shape."""
    import pygame

    from sim.app.app import DEFAULT_WINDOW, App, AppConfig, fit_window
    from sim.view import fonts

    small = fit_window((1280, 720), (800, 600))
    assert small[0] <= 800 and small[1] <= 600, small
    assert fit_window((1280, 720), (3840, 2160)) == (1280, 720), "never grown"
    app = App(AppConfig(fit_to_desktop=True))
    try:
        desktop = pygame.display.get_desktop_sizes()[0]
        w, h = app.window.get_size()
        assert w <= desktop[0] and h <= desktop[1]
        assert abs(w / h - DEFAULT_WINDOW[0] / DEFAULT_WINDOW[1]) < 0.02
        asked = App(AppConfig(size=(1100, 700)))  # a size asked for is kept as asked
        assert asked.window.get_size() == (1100, 700)
    finally:
        pygame.quit()
        fonts.clear_caches()
