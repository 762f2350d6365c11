"""Hostile input: nothing lost, nothing hangs, nothing crashes.

Every command that reads a file (``blockade run FILE``, ``blockade --settings FILE``)
gets a list of hostile files, and ``--csv`` / ``--screenshot`` get hostile targets,
each in a real process with a timeout: exit status 0 or 2, at most one line on
stderr, no traceback, no hang, and nothing that was there replaced (the file type
and inode of a target are checked afterwards). Then stop signals: SIGTERM, SIGINT
and SIGHUP end a long run, a screenshot, the window and the benchmark within a
second, with exit status 128 + signal number and no partial or temporary file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import sim

REPO = Path(sim.__file__).resolve().parent.parent
TIMEOUT = 30  # seconds: far above any honest answer; a hang fails instead of blocking


def blockade(args: list[str], cwd: Path, timeout: float = TIMEOUT, **kw):
    """Run ``python -m sim ARGS`` as a person would, from this source tree."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "sim", *args], cwd=cwd, env=env,
                           capture_output=True, text=True, timeout=timeout, **kw)


def assert_handled(proc, expected: int | None = None) -> str:
    """Exit 0 or 2 (or ``expected``), at most one line on stderr, no traceback."""
    err = proc.stderr
    assert "Traceback" not in err and 'File "' not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) <= 1, err
    assert proc.returncode in (0, 2), (proc.returncode, err)
    if expected is not None:
        assert proc.returncode == expected, (proc.returncode, err)
    if proc.returncode == 2:
        assert len(lines) == 1, "a refusal says why"
    return lines[0] if lines else ""


def identity(path: Path) -> tuple:
    """What must not change about a target we were told not to replace."""
    st = os.lstat(path)
    return (stat.S_IFMT(st.st_mode), st.st_ino, st.st_dev, getattr(st, "st_rdev", 0))


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------- hostile files
def _text(content: str):
    def make(folder: Path) -> Path:
        path = folder / "hostile.toml"
        path.write_text(content, encoding="utf-8")
        return path
    return make


def _bytes(content: bytes):
    def make(folder: Path) -> Path:
        path = folder / "hostile.toml"
        path.write_bytes(content)
        return path
    return make


def _fifo(folder: Path) -> Path:
    path = folder / "fifo.toml"
    os.mkfifo(path)  # nobody ever writes to it: reading it would wait for ever
    return path


def _folder(folder: Path) -> Path:
    (folder / "folder.toml").mkdir()
    return folder / "folder.toml"


def _sparse(folder: Path) -> Path:
    path = folder / "sparse.toml"
    with open(path, "wb") as f:
        f.truncate(10 * 1024**3)  # 10 GB of zeros that take no disk
    return path


def _loop(folder: Path) -> Path:
    (folder / "a.toml").symlink_to(folder / "b.toml")
    (folder / "b.toml").symlink_to(folder / "a.toml")
    return folder / "a.toml"


def _huge(folder: Path) -> Path:
    path = folder / "huge.toml"
    path.write_text("# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    return path


# hostile to any TOML reader: (maker, what the refusal must mention)
ANY_FILE = {
    "missing file": (lambda f: f / "missing.toml", "not found"),
    "a folder": (_folder, "folder"),
    "/dev/zero": (lambda f: Path("/dev/zero"), "/dev/zero"),
    "/dev/null": (lambda f: Path("/dev/null"), "/dev/null"),
    "a FIFO with no writer": (_fifo, "fifo.toml"),
    "a symlink loop": (_loop, "a.toml"),
    "a 2 MB file": (_huge, "huge.toml"),
    "a 10 GB sparse file": (_sparse, "sparse.toml"),
    "binary junk": (_bytes(bytes(range(256)) * 8), "UTF-8"),
    "malformed TOML": (_text("steps = [1,\n"), "TOML"),
    "deeply nested arrays": (_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n"), "hostile"),
    "deeply nested tables": (
        _text("a = " + "{b = " * 20_000 + "1" + "}" * 20_000 + "\n"), "hostile"),
    "NUL byte in the file": (_bytes(b"steps = 1\x00\n"), "hostile"),
}

SCENARIO_FILES = {
    **ANY_FILE,
    "empty file": (_text(""), None),  # a valid scenario: every default
    "steps as text": (_text('steps = "many"\n'), "steps"),
    "dose as a string": (_text('dose = "opioid"\n'), "dose"),
    "a million steps": (_text("steps = 1_000_000\n"), "steps"),
    "50 doses of a million molecules": (
        _text("steps = 1000000\n" + '[[dose]]\nat = 1\nspecies = "opioid"\namount = 1000000\n'
              * 50), "hostile"),
    "50 doses of a million molecules, few steps": (
        _text("steps = 100\n" + '[[dose]]\nat = 1\nspecies = "opioid"\namount = 1000000\n'
              * 50), "molecules"),
    "a long run of many molecules": (
        _text('steps = 50000\n[[dose]]\nat = 1\nspecies = "opioid"\namount = 100000\n'),
        "too long a run"),
    "terminal escape in the description": (
        _text('description = "\\u001b]0;pwned\\u0007"\n'), "description"),
    "a name of 10,000 characters": (_text(f'name = "{"n" * 10_000}"\n'), "name"),
}

H = "[help]\n"
SETTINGS_FILES = {
    **ANY_FILE,
    "empty file": (_text(""), None),  # no settings: the neutral line
    "help as text": (_text('help = "call us"\n'), "help"),
    "text as a number": (_text(H + "text = 5\n"), "text"),
    "unknown key": (_text(H + 'phone = "555"\n'), "phone"),
    "NUL in the text": (_text(H + 'text = "call\\u0000us"\n'), "U+0000"),
    "escape in the title": (_text(H + 'title = "\\u001b[31mred"\n'), "U+001B"),
    "line break in the title": (_text(H + 'title = "two\\nlines"\n'), "title"),
    "only zero-width spaces": (_text(H + 'text = "\\u200b\\u200b\\u200b"\n'), "invisible"),
    "a zero-width line": (_text(H + 'text = "Help\\n\\u200b\\u200b\\nmore"\n'), "invisible"),
    "601 characters of text": (_text(H + f'text = "{"help me " * 75}x"\n'), "600 characters"),
    "80-character title": (_text(H + f'title = "{"W" * 80}"\n'), "title"),
    "Arabic, drawn with the bundled Arabic font": (
        _text(H + 'text = "اطلب المساعدة من الفريق: 555-0100"\n'), None),
    "CJK no bundled font draws": (_text(H + 'text = "请向前台索取免费纳洛酮"\n'),
                                  "line 2: [help] text: no bundled font draws U+8BF7"),
    "an emoji no bundled font draws": (_text(H + 'title = "Help \U0001F600"\n'), "U+1F600"),
    "a private-use character": (_text(H + 'text = "help \\ue000"\n'), "U+E000"),
    "a fine file": (_text(H + 'title = "Help near you"\ntext = "Ask at the front desk: '
                          'free naloxone. Ayuda: pregunte en recepción."\n'), None),
}


def _run_case(cases: dict, case: str, argv, folder: Path):
    """Make the case's file in ``folder`` and run the program on it in its own process:
    (path, files before, finished process). Each case is its own test, so the workers
    share them out (a fixture running them all once per worker ran them twice)."""
    make, _mention = cases[case]
    path = make(folder)
    before = left_in(folder)
    return path, before, blockade(argv(path), folder)


@pytest.mark.parametrize("case", list(SCENARIO_FILES), ids=list(SCENARIO_FILES))
def test_run_survives_a_hostile_scenario_file(case, tmp_path):
    mention = SCENARIO_FILES[case][1]
    path, before, proc = _run_case(SCENARIO_FILES, case, lambda path: [
        "run", str(path), "--csv", "out.csv"], tmp_path)
    line = assert_handled(proc, expected=0 if mention is None else 2)
    if mention is not None:
        assert mention.replace("hostile", path.name) in line, line
        assert left_in(tmp_path) == before, "no output file for a refused scenario"
    else:
        assert left_in(tmp_path) == sorted(before + ["out.csv"])


@pytest.mark.parametrize("case", list(SETTINGS_FILES), ids=list(SETTINGS_FILES))
def test_settings_survive_a_hostile_file(case, tmp_path):
    mention = SETTINGS_FILES[case][1]
    path, before, proc = _run_case(SETTINGS_FILES, case, lambda path: [
        "--settings", str(path), "--screenshot", "shot.png", "--screen", "rescue",
        "--size", "800x600", "--frames", "0"], tmp_path)
    line = assert_handled(proc, expected=0 if mention is None else 2)
    if mention is not None:
        assert mention.replace("hostile", path.name) in line, line
        assert str(path) in line, "the line names the file"
        assert left_in(tmp_path) == before
    else:
        assert left_in(tmp_path) == sorted(before + ["shot.png"])


def test_the_help_card_size_is_the_lesson_screens_own():
    """settings.card_rect works the card's room out without building a lesson screen; it
    must agree with the real layout at the smallest window, in every language."""
    import pygame

    from sim import i18n
    from sim.app.app import App, AppConfig
    from sim.app.settings import CARD_WINDOW, card_rect
    from sim.lessons import LESSONS

    help_beat = next(i for i, b in enumerate(LESSONS["rescue"].beats, 1) if b.card == "help")
    for lang in i18n.LANGUAGES:
        app = App(AppConfig(size=CARD_WINDOW, lang=lang, screen="rescue", headless=True,
                            screen_options={"beat": help_beat}))
        try:
            screen = app.stack.top
            assert screen.lay.card_room.width >= card_rect().width, lang
            assert screen.lay.card_room.height >= card_rect().height, lang
        finally:
            app.shutdown()
            i18n.set_language("en")
    pygame.quit()


def test_help_text_that_is_accepted_fits_and_draws(tmp_path):
    """The longest text of plain words that passes shows whole on the card at the smallest
    window (the lesson gives a long card the whole picture); one word more is refused."""
    import pygame

    from sim.app.settings import SettingsError, card_rect, card_style, load_settings
    from sim.view.screens.lesson import card_fits, help_text

    words = []
    while True:
        words.append("naloxone")
        path = tmp_path / "s.toml"
        path.write_text(f'[help]\ntext = "{" ".join(words)}"\n', encoding="utf-8")
        try:
            load_settings(str(path))
        except SettingsError as err:
            assert "too long" in str(err) or "600 characters" in str(err)
            break
    assert 10 < len(words) < 75
    words.pop()
    help_ = {"help": {"text": " ".join(words)}}
    pygame.font.init()
    try:
        assert card_fits(card_style(), card_rect(settings=help_), *help_text(help_))
    finally:
        pygame.font.quit()
    path.write_text(f'[help]\ntext = "{" ".join(words)}"\n', encoding="utf-8")
    proc = blockade(["--settings", str(path), "--screenshot", "shot.png", "--screen",
                     "rescue", "--beat", "6", "--size", "800x600", "--frames", "1"], tmp_path)
    assert_handled(proc, expected=0)


# ---------------------------------------------------------------- hostile targets
def _reader(path: Path, into: list) -> threading.Thread:
    def read():
        with open(path, "rb") as f:
            into.append(f.read())
    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_csv_to_a_fifo_streams_into_it(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    before = identity(fifo)
    got: list[bytes] = []
    thread = _reader(fifo, got)
    proc = blockade(["run", "blockade", "--csv", str(fifo)], tmp_path)
    thread.join(TIMEOUT)
    assert_handled(proc, expected=0)
    assert got and got[0].startswith(b"step,free_receptors")
    assert identity(fifo) == before, "the FIFO is still the same FIFO"
    assert left_in(tmp_path) == ["out.csv"]


def test_csv_to_a_fifo_nobody_reads_is_refused_not_waited_for(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    before = identity(fifo)
    line = assert_handled(blockade(["run", "blockade", "--csv", str(fifo)], tmp_path,
                                   timeout=15), expected=2)
    assert "out.csv" in line and "nobody" in line
    assert identity(fifo) == before
    assert left_in(tmp_path) == ["out.csv"]


def null_device(folder: Path) -> Path:
    """/dev/null, or as root a private copy of it (the same device, 1:3), so that a
    regression replaces only the copy, never the machine's /dev/null."""
    if os.geteuid() != 0:
        return Path("/dev/null")  # a regression could not replace it: no rights in /dev
    dev = folder / "devices" / "null"
    dev.parent.mkdir()
    os.mknod(dev, stat.S_IFCHR | 0o666, os.lstat("/dev/null").st_rdev)
    return dev


def test_csv_to_dev_null_leaves_dev_null_alone(tmp_path):
    null = null_device(tmp_path)
    before = identity(null)
    assert_handled(blockade(["run", "blockade", "--csv", str(null)], tmp_path), expected=0)
    assert identity(null) == before
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert left_in(null.parent) == [null.name]


def test_screenshot_to_a_fifo_streams_a_png(tmp_path):
    fifo = tmp_path / "shot.png"
    os.mkfifo(fifo)
    before = identity(fifo)
    got: list[bytes] = []
    thread = _reader(fifo, got)
    proc = blockade(["--screenshot", str(fifo), "--frames", "0"], tmp_path)
    thread.join(TIMEOUT)
    assert_handled(proc, expected=0)
    assert got and got[0][:8] == b"\x89PNG\r\n\x1a\n"
    assert identity(fifo) == before
    assert left_in(tmp_path) == ["shot.png"]


def test_csv_through_a_symlink_writes_the_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    link_before = identity(link)
    assert_handled(blockade(["run", "blockade", "--steps", "100", "--csv", str(link),
                             "--force"], tmp_path), expected=0)
    assert identity(link) == link_before, "the link is still the same link"
    assert os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("step,")
    assert left_in(tmp_path) == ["link.csv", "real.csv"]


def test_csv_through_a_dangling_symlink_is_refused(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "victim.csv")  # following it would create victim.csv
    before = identity(link)
    line = assert_handled(blockade(["run", "blockade", "--csv", str(link)], tmp_path),
                          expected=2)
    assert "link.csv" in line
    assert identity(link) == before
    assert left_in(tmp_path) == ["link.csv"]


def test_a_planted_link_at_an_old_temporary_name_is_not_followed(tmp_path):
    """The screenshot's temporary file once had a fixed name (.shot.png.part.png): a
    link planted there pointed the write at any file. Temporary names are now random
    and created with O_EXCL, so the victim stays as it was."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    for name in (".shot.png.part.png", ".shot.png.part", ".blockade-x.csv.part"):
        (tmp_path / name).symlink_to(victim)
    assert_handled(blockade(["--screenshot", "shot.png", "--frames", "0"], tmp_path),
                   expected=0)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (tmp_path / "shot.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("what", ["csv", "png"])
def test_outputs_get_the_usual_permissions(what, tmp_path):
    """0666 & ~umask for a new file (mkstemp alone would give 0600); a replaced file
    keeps its mode."""
    name = "out.csv" if what == "csv" else "out.png"
    args = (["run", "blockade", "--steps", "100", "--csv", name] if what == "csv"
            else ["--screenshot", name, "--frames", "0"])

    def run_with_umask(mask: int):
        def set_mask():
            os.umask(mask)
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", PYTHONPATH=str(REPO))
        return subprocess.run([sys.executable, "-m", "sim", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=TIMEOUT,
                              preexec_fn=set_mask)

    assert_handled(run_with_umask(0o022), expected=0)
    assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o644
    (tmp_path / name).unlink()
    assert_handled(run_with_umask(0o007), expected=0)
    assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o660
    os.chmod(tmp_path / name, 0o640)
    assert_handled(run_with_umask(0o022), expected=0)
    assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o640


def test_caps_are_stated_in_help(tmp_path):
    out = blockade(["--help"], tmp_path).stdout + blockade(["run", "--help"], tmp_path).stdout
    from sim.app.cli import MAX_FRAMES
    from sim.model.scenario import MAX_MOLECULES, MAX_STEPS

    for number in (MAX_FRAMES, MAX_STEPS, MAX_MOLECULES):
        assert f"{number:,}" in " ".join(out.split()), number


@pytest.mark.parametrize("args, mention", [
    (["run", "blockade", "--steps", "1000000"], "--steps"),
    (["--screenshot", "shot.png", "--frames", "100000"], "--frames"),
    (["--screenshot", "shot.png", "--frames", "600", "--size", "7680x4320"], "7680x4320"),
])
def test_caps_refuse_runs_that_would_take_too_long(args, mention, tmp_path):
    line = assert_handled(blockade(args, tmp_path), expected=2)
    assert mention in line
    assert left_in(tmp_path) == []


# ---------------------------------------------------------------- signals
BIG_RUN = 'steps = 50000\n[[dose]]\nat = 1\nspecies = "opioid"\namount = 5000\n'


def _start(args: list[str], cwd: Path, **env) -> subprocess.Popen:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", PYTHONPATH=str(REPO), **env)
    return subprocess.Popen([sys.executable, "-m", "sim", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _catches_stop_signals(proc: subprocess.Popen) -> bool:
    """Whether the process has put in its stop-signal handlers (``stopping_on_signals``
    installs SIGTERM's, SIGINT's and SIGHUP's together, before any work starts): the
    caught-signal mask in /proc (Linux). SIGTERM is the one to look for: Python catches
    SIGINT from its start."""
    try:
        status = Path(f"/proc/{proc.pid}/status").read_text()
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1)
    return False


def _fonts_open(proc: subprocess.Popen) -> bool:
    """Whether the process has the bundled fonts open (/proc, Linux): pygame is
    imported and the app is being built, so the signal meets the work itself. (A signal
    during the imports before that was seen to take about half a second longer to act,
    which a loaded machine stretches past the second the README promises: a start-up
    matter, not what these tests are about.)"""
    try:
        fds = os.listdir(f"/proc/{proc.pid}/fd")
    except OSError:
        return False
    for fd in fds:
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/{proc.pid}/fd/{fd}").endswith(".ttf"):
                return True
    return False


def _wait_until_working(proc: subprocess.Popen, also=None) -> None:
    """Wait (no fixed sleep: a loaded machine only takes longer) until the process
    handles stop signals, and ``also()`` if given; without /proc, a generous pause."""
    if not Path("/proc/self/status").is_file():
        time.sleep(3.0)
        return
    _wait_for(lambda: proc.poll() is not None or _catches_stop_signals(proc), seconds=60)
    if also is not None:
        _wait_for(lambda: proc.poll() is not None or also(), seconds=60)


def _stop(proc: subprocess.Popen, signum: int) -> tuple[float, str]:
    """Send ``signum``; (seconds until the process ended, its stderr)."""
    assert proc.poll() is None, "still working when the signal is sent"
    proc.send_signal(signum)
    t0 = time.monotonic()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"still running 10 s after {signal.Signals(signum).name}")
    took = time.monotonic() - t0
    return took, proc.stderr.read()


def _wait_for(condition, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "never got going"
        time.sleep(0.02)


def _assert_stopped(proc, took: float, err: str, signum: int) -> None:
    assert took < 1.0, f"took {took:.2f} s to stop"
    assert proc.returncode == 128 + signum, (proc.returncode, err)
    assert "Traceback" not in err
    assert err.strip().splitlines() == [f"blockade: stopped by {signal.Signals(signum).name}"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_ends_a_csv_run_cleanly(signum, tmp_path):
    (tmp_path / "big.toml").write_text(BIG_RUN, encoding="utf-8")
    proc = _start(["run", "big.toml", "--csv", "out.csv"], tmp_path)
    # the temporary file appears once rows are being written
    _wait_for(lambda: any(n.endswith(".part") for n in left_in(tmp_path)))
    took, err = _stop(proc, signum)
    _assert_stopped(proc, took, err, signum)
    assert left_in(tmp_path) == ["big.toml"], "no partial or temporary file"


def test_sigterm_keeps_the_old_csv(tmp_path):
    (tmp_path / "big.toml").write_text(BIG_RUN, encoding="utf-8")
    (tmp_path / "out.csv").write_text("yesterday's run\n", encoding="utf-8")
    proc = _start(["run", "big.toml", "--csv", "out.csv", "--force"], tmp_path)
    _wait_for(lambda: any(n.endswith(".part") for n in left_in(tmp_path)))
    took, err = _stop(proc, signal.SIGTERM)
    _assert_stopped(proc, took, err, signal.SIGTERM)
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "yesterday's run\n"
    assert left_in(tmp_path) == ["big.toml", "out.csv"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_ends_a_screenshot_cleanly(signum, tmp_path):
    # a lesson's later beat at 4K, as many frames as allowed: about a second and a half of
    # work after start-up (frames are drawn at the window's pixels, no longer rescaled, so
    # a 1080p run is over in well under a second); the signal comes in the middle
    proc = _start(["--screenshot", "shot.png", "--screen", "pill-vs-shot", "--beat", "6",
                   "--size", "3840x2160", "--frames", "150"], tmp_path)
    _wait_until_working(proc, also=lambda: _fonts_open(proc))
    took, err = _stop(proc, signum)
    _assert_stopped(proc, took, err, signum)
    assert left_in(tmp_path) == []


def test_sigterm_closes_the_window(tmp_path):
    # SDL's dummy display writes each frame it shows as a BMP file (a hint SDL reads),
    # so the test sees the window's main loop running and signals it there
    proc = _start(["--screen", "explore", "--size", "800x600"], tmp_path,
                  SDL_VIDEO_DUMMY_SAVE_FRAMES="1")
    _wait_until_working(proc, also=lambda: any(n.endswith(".bmp") for n in left_in(tmp_path)))
    took, err = _stop(proc, signal.SIGTERM)
    for frame in tmp_path.glob("*.bmp"):
        frame.unlink()
    _assert_stopped(proc, took, err, signal.SIGTERM)


def test_sigterm_ends_bench(tmp_path):
    proc = _start(["bench"], tmp_path)
    _wait_until_working(proc, also=lambda: _fonts_open(proc))
    took, err = _stop(proc, signal.SIGTERM)
    _assert_stopped(proc, took, err, signal.SIGTERM)


@pytest.mark.parametrize("argv,name", [(["run", "blockade", "--csv", "OUT"], "r.csv"),
                                       (["--screenshot", "OUT"], "shot.png"),
                                       (["handout", "blockade", "--out", "OUT"], "h.html")])
def test_a_read_only_output_is_never_replaced(tmp_path, monkeypatch, capsys, argv, name):
    """chmod 444 on an output: one line, exit 2, the file as it was (it was replaced, as
    its folder allowed; and root may write anything, so the mode itself decides)."""
    from sim.app.cli import main

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    out = tmp_path / name
    out.write_text("kept")
    out.chmod(0o444)
    assert main([str(out) if a == "OUT" else a for a in argv]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and err.count("\n") == 1
    assert out.read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no .part left


@pytest.mark.parametrize("argv", [["run", "blockade", "--csv", os.devnull],
                                  ["--screenshot", os.devnull]])
def test_dev_null_is_a_discard(monkeypatch, argv):
    from sim.app.cli import main

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    assert main(argv) == 0


def test_a_killed_runs_part_file_is_removed_at_the_next_write(tmp_path):
    """SIGKILL while writing left '.r.csv.XXXX.part' for ever: the next write of that
    output removes the program's own old leftovers, and nothing else."""
    import time as time_

    from sim.app.safe_files import STALE_PART_SECONDS, open_output

    old = tmp_path / ".r.csv.abc123.part"
    young = tmp_path / ".r.csv.def456.part"  # another run writing now
    other = tmp_path / ".notes.txt.abc.part"  # another output's
    for path in (old, young, other):
        path.write_text("partial")
    past = time_.time() - STALE_PART_SECONDS - 60
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    with open_output(str(tmp_path / "r.csv")) as out:
        out.write("a,b\n")
    assert not old.exists() and young.exists() and other.exists()
    assert (tmp_path / "r.csv").read_text() == "a,b\n"
