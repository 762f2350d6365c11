"""An existing file is replaced only with --force, or when it is the program's own
previous output of that name; a read-only file never is (issue 24 item 3).

Three outputs, one rule (sim/app/safe_files.py ``check_output``; the marks that
recognise the program's own files are in sim/app/own_outputs.py): ``--screenshot``,
``run --csv`` and ``handout`` (``--out`` and the default name). Each command runs
in-process as a person would type it; what is on disk afterwards is compared byte
for byte.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.app import own_outputs
from test_handout import cli  # main(argv) -> (status, stdout, stderr)

MINE = b"a file a person made, not one Blockade wrote\n"
#: a plan of one beat: a handout in about a second
ONE_BEAT_PLAN = '[[item]]\nlesson = "blockade"\nstart = 1\nend = 1\n'


@pytest.fixture(autouse=True)
def _restore():
    yield
    pygame.quit()
    from sim.view import fonts

    fonts.clear_caches()
    i18n.set_language("en")


def screenshot(path: Path, *more: str) -> list[str]:
    return ["--screenshot", str(path), "--frames", "1", "--size", "640x480", *more]


def csv_run(path: Path, *more: str) -> list[str]:
    return ["run", "opioid-only", "--steps", "60", "--csv", str(path), *more]


def handout(path: Path, *more: str, plan_in: Path | None = None) -> list[str]:
    plan = (plan_in or path.parent) / "one.toml"
    plan.write_text(ONE_BEAT_PLAN, encoding="utf-8")
    return ["handout", "--plan", str(plan), "--out", str(path), *more]


#: (the command writing to a path, a file name for it, an option that changes what it
#: writes, so a replaced file differs from the one before)
OUTPUTS = {
    "screenshot": (screenshot, "shot.png", ("--lang", "es")),
    "csv": (csv_run, "run.csv", ("--seed", "7")),
    "handout": (handout, "sheet.html", ("--lang", "es")),
}


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix != ".toml")


@pytest.mark.parametrize("kind", OUTPUTS)
def test_a_file_it_did_not_write_is_kept_with_one_line(kind, tmp_path, capsys):
    command, name, _other = OUTPUTS[kind]
    target = tmp_path / name
    target.write_bytes(MINE)
    status, out, err = cli(command(target), capsys)
    assert status == 2, err
    assert err.splitlines() == [f"blockade: {target} exists; use --force to replace it"]
    assert "Traceback" not in err and out == ""
    assert target.read_bytes() == MINE
    assert left_in(tmp_path) == [name], "nothing written beside it"


@pytest.mark.parametrize("kind", OUTPUTS)
def test_force_replaces_a_file_it_did_not_write(kind, tmp_path, capsys):
    command, name, _other = OUTPUTS[kind]
    target = tmp_path / name
    target.write_bytes(MINE)
    target.chmod(0o640)
    status, _out, err = cli(command(target, "--force"), capsys)
    assert status == 0, err
    assert target.read_bytes() != MINE
    assert stat.S_IMODE(target.stat().st_mode) == 0o640, "a replaced file keeps its mode"
    assert left_in(tmp_path) == [name]


@pytest.mark.parametrize("kind", OUTPUTS)
def test_its_own_previous_output_is_replaced_without_force(kind, tmp_path, capsys):
    command, name, other = OUTPUTS[kind]
    target = tmp_path / name
    assert cli(command(target), capsys)[0] == 0
    first = target.read_bytes()
    status, _out, err = cli(command(target, *other), capsys)
    assert status == 0, err
    assert target.read_bytes() != first, "the earlier output was replaced"
    assert left_in(tmp_path) == [name]


@pytest.mark.parametrize("kind", OUTPUTS)
@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
def test_a_read_only_file_is_never_replaced(kind, force, tmp_path, capsys):
    command, name, other = OUTPUTS[kind]
    target = tmp_path / name
    assert cli(command(target), capsys)[0] == 0  # its own output: replaceable, but 0444
    target.chmod(0o444)
    before = target.read_bytes()
    status, _out, err = cli(command(target, *other, *(["--force"] if force else [])), capsys)
    assert status == 2
    assert len(err.splitlines()) == 1 and "read-only" in err and str(target) in err
    assert target.read_bytes() == before
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert left_in(tmp_path) == [name]


@pytest.mark.parametrize("kind", OUTPUTS)
def test_dev_null_is_a_discard(kind, tmp_path, capsys):
    command, _name, _other = OUTPUTS[kind]
    args = (handout(Path(os.devnull), plan_in=tmp_path) if kind == "handout"
            else command(Path(os.devnull)))
    status, _out, err = cli(args, capsys)
    assert status == 0, err
    assert Path(os.devnull).is_char_device()


def test_the_default_handout_name_follows_the_same_rule(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.toml").write_text(ONE_BEAT_PLAN, encoding="utf-8")
    default = tmp_path / "blockade-one-en.html"
    default.write_bytes(MINE)
    status, _out, err = cli(["handout", "--plan", "one.toml"], capsys)
    assert status == 2
    assert err.splitlines() == ["blockade: blockade-one-en.html exists; use --force to replace it"]
    assert default.read_bytes() == MINE
    default.unlink()
    assert cli(["handout", "--plan", "one.toml"], capsys)[0] == 0  # a new one
    assert cli(["handout", "--plan", "one.toml", "--lang", "es", "--out",
                "blockade-one-en.html"], capsys)[0] == 0  # its own: replaced
    assert b'lang="es"' in default.read_bytes()


def test_force_alone_is_refused_without_a_screenshot(capsys):
    status, _out, err = cli(["--force", "--list-screens"], capsys)
    assert status == 2 and "--force" in err and "--screenshot" in err


# ---------------------------------------------------------------- the marks themselves
def png_of(surface: pygame.Surface) -> bytes:
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "x.png")
    return buffer.getvalue()


def test_the_png_mark_leaves_the_picture_as_it_was():
    surface = pygame.Surface((31, 17))
    surface.fill((10, 200, 30))
    surface.fill((250, 0, 0), pygame.Rect(3, 4, 5, 6))
    plain = png_of(surface)
    marked = own_outputs.mark_png(plain)
    assert not own_outputs.is_own_png(plain)
    assert own_outputs.is_own_png(marked[:own_outputs.HEAD_BYTES])
    back = pygame.image.load(io.BytesIO(marked))
    assert np.array_equal(pygame.surfarray.array3d(back), pygame.surfarray.array3d(surface))


@pytest.mark.parametrize("head, own", [
    (b"<!DOCTYPE html>\n<html>\n<head>\n" + own_outputs.HTML_MARK.encode() + b"\n</head>", True),
    (b"<!DOCTYPE html>\n<html>\n<head>\n<title>mine</title></head>", False),
    # the mark in the body (a page quoting it) is not the program's
    (b"<!DOCTYPE html>\n<head></head><body>" + own_outputs.HTML_MARK.encode(), False),
    (b"<p>" + own_outputs.HTML_MARK.encode(), False),
])
def test_the_html_mark_is_recognised_only_in_the_head(head, own):
    assert own_outputs.is_own_html(head) is own


def test_a_csv_is_the_programs_only_with_the_same_header_row():
    is_own = own_outputs.csv_with_header("step,free_receptors,euphoria")
    assert is_own(b"step,free_receptors,euphoria\n1,2,0.5\n")
    assert is_own(b"step,free_receptors,euphoria\r\n")
    assert not is_own(b"step,free_receptors,euphoria,my_notes\n")
    assert not is_own(b"step,free_receptors\n")
    assert not is_own(b"step,free_receptors,euphoria")  # no line end: not a CSV it wrote
