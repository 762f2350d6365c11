"""A survey of hostile inputs: every file and argument surface gets the same list of
bad things, each in its own process, and the count of clean outcomes is printed.

    python tests/hostile_survey.py [--jobs N] [--verbose]

Not collected by pytest (the name does not start with test_): it takes minutes and is
the figure quoted in closing notes (issue 24). The tests hold the individual cases.

A case is *clean* when the program either works (exit 0) or refuses with one line
(exit 2, one stderr line starting "blockade:"), with no traceback, within the time
limit, leaving its inputs as they were, no ``.part`` file behind and no protected
output replaced.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT = 60.0

# The bad things a file can be. Each maker writes/links `path` and returns nothing.


def _write(data: bytes):
    def make(path: Path) -> None:
        path.write_bytes(data)
    return make


def _link(target: str):
    def make(path: Path) -> None:
        path.symlink_to(target)
    return make


def _folder(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _deep(path: Path) -> None:
    path.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")


BAD_FILES = {
    "missing": None,
    "folder": _folder,
    "fifo": _fifo,
    "dev-zero": _link("/dev/zero"),
    "dev-urandom": _link("/dev/urandom"),
    "etc-shadow": _link("/etc/shadow"),
    "dangling-link": _link("/nonexistent/blockade"),
    "empty": _write(b""),
    "huge-50MB": _write(b"a" * (50 * 1024 * 1024)),
    "binary": _write(bytes(range(256)) * 64),
    "bad-utf8": _write(b"title = \"\xff\xfe\xc3\x28\"\n"),
    "nul": _write(b"title = \"a\x00b\"\n"),
    "deep-nesting": _deep,
    "nan": _write(b"seed = nan\nsteps = inf\n[help]\ntext = 1e999\n"),
    "long-line": _write(b"x = \"" + b"y" * 2_000_000 + b"\"\n"),
    "wrong-types": _write(b"title = 3\nitems = \"no\"\n[help]\ntext = [1, 2]\n"),
}


@dataclass
class Case:
    surface: str
    name: str
    argv: list[str]
    env: dict = field(default_factory=dict)
    protected: Path | None = None     # an existing output that must not change
    inputs: list[Path] = field(default_factory=list)


def _file_cases(work: Path) -> list[Case]:
    """Every bad file on every surface that reads a file the user names."""
    surfaces = {
        "scenario": lambda f: ["run", str(f), "--steps", "50"],
        "settings": lambda f: ["--settings", str(f), "--screenshot", str(f.parent / "o.png"),
                               "--screen", "home"],
        "plan": lambda f: ["--plan", str(f), "--screenshot", str(f.parent / "o.png")],
        "kiosk-config": lambda f: ["--kiosk", "--config", str(f), "--screenshot",
                                   str(f.parent / "o.png")],
        "handout-settings": lambda f: ["handout", "blockade", "--settings", str(f),
                                       "--out", str(f.parent / "h.html")],
        "handout-plan": lambda f: ["handout", "--plan", str(f),
                                   "--out", str(f.parent / "p.html")],
    }
    cases = []
    for surface, argv_of in surfaces.items():
        for bad, make in BAD_FILES.items():
            folder = work / f"{surface}-{bad}"
            folder.mkdir()
            path = folder / "input.toml"
            if make is not None:
                make(path)
            cases.append(Case(surface, bad, argv_of(path), inputs=[path]))
        newline = work / f"{surface}-newline\nname.toml"
        cases.append(Case(surface, "newline-in-path", argv_of(newline)))
    return cases


def _asset_cases(work: Path) -> list[Case]:
    """A bad catalog or font in a copy of the assets folder."""
    cases = []
    targets = {
        "catalog-es": ("locale/es/LC_MESSAGES/blockade.mo", ["--lang", "es"]),
        "catalog-en": ("locale/en/LC_MESSAGES/blockade.mo", []),
        "font-regular": ("fonts/NotoSans-Regular.ttf", []),
        "font-arabic": ("fonts/NotoSansArabic-Regular.ttf", ["--lang", "ar"]),
    }
    original = ROOT / "assets"
    for target, (relative, lang) in targets.items():
        whole = (original / relative).read_bytes()
        kinds = {
            "missing": None, "folder": _folder, "fifo": _fifo,
            "dev-zero": _link("/dev/zero"), "empty": _write(b""),
            "huge-50MB": _write(b"\0" * (50 * 1024 * 1024)),
            "binary": _write(bytes(range(256)) * 64),
            "truncated-third": _write(whole[: len(whole) // 3]),
            "flipped-bytes": _write(_flip(whole)),
        }
        for bad, make in kinds.items():
            assets = work / f"assets-{target}-{bad}"
            shutil.copytree(original, assets, ignore=shutil.ignore_patterns("*.po"))
            path = assets / relative
            path.unlink()
            if make is not None:
                make(path)
            env = {"BLOCKADE_ASSETS": str(assets)}
            out = work / f"{target}-{bad}.png"
            cases.append(Case("assets", f"{target}-{bad}",
                              ["--screenshot", str(out), "--screen", "home", *lang], env=env))
            cases.append(Case("assets-help", f"{target}-{bad}", ["--help"], env=env))
    return cases


def _flip(data: bytes) -> bytes:
    """Every 97th byte inverted from the middle on: the header parses, the tables lie."""
    flipped = bytearray(data)
    for i in range(len(flipped) // 2, len(flipped), 97):
        flipped[i] ^= 0xFF
    return bytes(flipped)


def _output_cases(work: Path) -> list[Case]:
    """Where the program writes: CSV, screenshot, handout."""
    writers = {
        "csv": lambda p, *x: ["run", "blockade", "--steps", "200", "--csv", str(p), *x],
        "screenshot": lambda p, *x: ["--screenshot", str(p), "--screen", "home", *x],
        "handout": lambda p, *x: ["handout", "blockade", "--out", str(p), *x],
        "translate-sheet": lambda p, *x: ["translate-sheet", "es", "--out", str(p), *x],
    }
    cases = []
    suffixes = {"csv": ".csv", "screenshot": ".png", "handout": ".html",
                "translate-sheet": ".html"}
    for writer, argv_of in writers.items():
        folder = work / f"out-{writer}"
        folder.mkdir()
        suffix = suffixes[writer]
        read_only = folder / f"read-only{suffix}"
        read_only.write_bytes(b"keep me\n")
        read_only.chmod(0o444)
        someone_elses = folder / f"someone-elses{suffix}"
        someone_elses.write_bytes(b"a file the program did not write\n")
        locked_dir = folder / "locked"
        locked_dir.mkdir()
        locked_dir.chmod(0o555)
        cases += [
            Case(writer, "read-only", argv_of(read_only), protected=read_only),
            Case(writer, "read-only-force", argv_of(read_only, "--force"),
                 protected=read_only),
            Case(writer, "existing-not-ours", argv_of(someone_elses),
                 protected=someone_elses),
            Case(writer, "folder", argv_of(folder)),
            Case(writer, "missing-folder", argv_of(folder / "no" / f"such{suffix}")),
            Case(writer, "locked-folder", argv_of(locked_dir / f"x{suffix}")),
            Case(writer, "dev-null", argv_of(os.devnull)),
            Case(writer, "dev-full", argv_of("/dev/full")),
            Case(writer, "newline-in-path", argv_of(folder / f"a\nb{suffix}")),
            Case(writer, "fifo-nobody-reads", argv_of(_made_fifo(folder / f"fifo{suffix}"))),
        ]
    return cases


def _made_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _argument_cases() -> list[Case]:
    """Bad values on the command line."""
    shot = ["--screenshot", os.devnull]
    bad = {
        "size": [["--size", v, *shot] for v in
                 ("0x0", "-5x5", "99999999x1", "abc", "1e3x2", "800x600x2", "")],
        "seed": [["--seed", v, *shot] for v in ("-1", str(2 ** 80), "nan", "1.5", "")],
        "frames": [["--frames", v, *shot] for v in ("-1", str(10 ** 12), "x")],
        "beat": [["--screen", "after-detox", "--beat", v, *shot] for v in
                 ("0", "99", "-3", "x")],
        "lang": [["--lang", v, *shot] for v in ("xx", "../../etc", "", "es\n")],
        "screen": [["--screen", v, *shot] for v in ("nope", "", "../x")],
        "steps": [["run", "blockade", "--steps", v] for v in
                  ("-1", "0", str(10 ** 9), "1e3", "")],
        "scenario-name": [["run", v] for v in ("nope", "", "-")],
        "days": [["kiosk-report", "--days", v] for v in
                 ("0", "-1", "1000000", str(10 ** 9), "x", "")],
        "display": [["--present", "--display", v, *shot] for v in ("0", "-1", "99", "x")],
        "handout-lesson": [["handout", v, "--out", os.devnull] for v in ("nope", "", "home")],
        "profile": [["--profile", v, *shot] for v in ("pink", "")],
        "text-size": [["--text-size", v, *shot] for v in ("huge", "")],
        "command": [[v] for v in ("nope", "--nope", "run --csv")],
    }
    return [Case("arguments", f"{group}:{' '.join(argv)}", argv)
            for group, argvs in bad.items() for argv in argvs]


def _digest(path: Path) -> str | None:
    try:
        if path.is_file() and not path.is_symlink():
            return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return None


def run_case(case: Case, state: Path) -> tuple[Case, bool, str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               BLOCKADE_STATE_DIR=str(state), **case.env)
    before = {p: _digest(p) for p in case.inputs}
    protected_before = _digest(case.protected) if case.protected else None
    try:
        done = subprocess.run([sys.executable, "-m", "sim", *case.argv], env=env,
                              cwd=state, capture_output=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        return case, False, f"no answer in {TIME_LIMIT:.0f} s"
    err = done.stderr.decode("utf-8", "replace")
    lines = [line for line in err.splitlines() if line.strip()]
    problems = []
    if "Traceback" in err:
        problems.append("traceback")
    if done.returncode not in (0, 2):
        problems.append(f"exit {done.returncode}")
    if done.returncode == 2 and (len(lines) != 1 or not lines[0].startswith("blockade")):
        problems.append(f"{len(lines)} stderr lines")
    if any(_digest(p) != d for p, d in before.items()):
        problems.append("input changed")
    if case.protected and _digest(case.protected) != protected_before:
        problems.append("protected output replaced")
    parts = [p for p in Path(state).rglob("*.part")]
    if parts:
        problems.append(f".part left: {parts[0].name}")
    summary = lines[0][:120] if lines else f"exit {done.returncode}"
    return case, not problems, "; ".join(problems) or summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cases = (_file_cases(work) + _asset_cases(work) + _output_cases(work)
                 + _argument_cases())
        states = []
        for i, _ in enumerate(cases):
            states.append(work / f"state-{i}")
            states[-1].mkdir()
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(run_case, cases, states))
        for folder in work.rglob("locked"):
            folder.chmod(0o755)
    by_surface: dict[str, list[int]] = {}
    for case, clean, why in results:
        tally = by_surface.setdefault(case.surface, [0, 0])
        tally[0] += clean
        tally[1] += 1
        if not clean or args.verbose:
            mark = "ok " if clean else "BAD"
            print(f"{mark} {case.surface:17} {case.name[:50]!r:52} {why}")
    print()
    for surface, (clean, total) in by_surface.items():
        print(f"{surface:17} {clean:4}/{total}")
    clean = sum(c for c, _ in by_surface.values())
    total = sum(t for _, t in by_surface.values())
    print(f"{'all':17} {clean:4}/{total} clean")
    return 0 if clean == total else 1


if __name__ == "__main__":
    sys.exit(main())
