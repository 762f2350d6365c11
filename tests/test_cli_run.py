"""``blockade run``: CSV output, help, custom scenario files, and bad input.

Bad input must give exit status 2, exactly one line on stderr that names the
problem (and the file or key), no traceback, and no output file left behind.
Most tests call ``sim.app.cli.main`` in-process; one goes through a real process.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

import sim
from sim.app.cli import build_parser, main
from sim.model import BUILTIN, SPECIES_NAMES

REPO = Path(sim.__file__).resolve().parent.parent
RECEPTORS = BUILTIN["blockade"].receptors

PERSON_COLUMNS = ("euphoria", "breathing", "withdrawal", "tolerance", "overdose")


def cli(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run ``blockade ARGV`` in-process: (exit status, stdout, stderr)."""
    try:
        status = main(argv)
    except SystemExit as stop:  # argparse's --help exits
        status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    out, err = capsys.readouterr()
    return status, out, err


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def column(rows: list[dict[str, str]], name: str) -> list[float]:
    return [float(r[name]) for r in rows]


def assert_bad_input(status: int, out: str, err: str, *mentions: str) -> str:
    """Exit 2, nothing on stdout, one clear line on stderr mentioning each of ``mentions``."""
    assert status == 2, (status, err)
    assert out == ""
    assert "Traceback" not in err and 'File "' not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    line = lines[0]
    for text in mentions:
        assert text in line, (text, line)
    return line


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------------------ CSV output
def test_csv_to_stdout_has_every_column_and_shows_the_block(capsys):
    status, out, err = cli(["run", "blockade", "--csv", "-"], capsys)
    assert status == 0 and err == ""
    header = out.splitlines()[0].split(",")
    assert header[:2] == ["step", "free_receptors"]
    for name in SPECIES_NAMES:
        assert f"bound_{name}" in header and f"free_{name}" in header
    for name in PERSON_COLUMNS + ("activation", "breathing_tolerance", "depot_naltrexone"):
        assert name in header
    rows = read_csv(out)
    assert len(rows) == BUILTIN["blockade"].steps
    assert [int(r["step"]) for r in rows] == list(range(1, len(rows) + 1))
    # the block: naltrexone holds most receptors, the opioid dose brings no high
    opioid_at = next(d.at for d in BUILTIN["blockade"].doses if d.species == "opioid")
    assert max(column(rows, "bound_naltrexone")) >= 0.8 * RECEPTORS
    assert max(column(rows, "euphoria")) < 0.1
    assert max(column(rows, "bound_opioid")[opioid_at:]) < 0.2 * RECEPTORS
    for row in rows:
        for name in PERSON_COLUMNS[:-1]:
            assert 0.0 <= float(row[name]) <= 1.0
        assert row["overdose"] in ("0", "1")


def test_the_same_dose_without_naltrexone_is_felt(tmp_path, capsys):
    """The control for the block: blockade's person, seed and opioid dose, no naltrexone."""
    scenario = BUILTIN["blockade"]
    opioid = next(d for d in scenario.doses if d.species == "opioid")
    control = tmp_path / "control.toml"
    control.write_text(
        f"seed = {scenario.seed}\nsteps = {scenario.steps}\nreceptors = {scenario.receptors}\n"
        f"[person]\ntolerance = {scenario.tolerance}\n"
        f'[[dose]]\nat = {opioid.at}\nspecies = "opioid"\namount = "{opioid.amount}"\n',
        encoding="utf-8",
    )
    _, blocked_out, _ = cli(["run", "blockade", "--csv", "-"], capsys)
    status, open_out, err = cli(["run", str(control), "--csv", "-"], capsys)
    assert status == 0, err
    blocked = max(column(read_csv(blocked_out), "euphoria"))
    felt = max(column(read_csv(open_out), "euphoria"))
    assert felt > 0.3
    assert blocked < 0.2 * felt


def test_csv_to_a_file_writes_the_same_rows_and_nothing_else(tmp_path, capsys):
    target = tmp_path / "run.csv"
    status, out, err = cli(["run", "blockade", "--csv", str(target)], capsys)
    assert status == 0 and err == ""
    assert left_in(tmp_path) == ["run.csv"], "no temporary file left beside it"
    _, stdout_csv, _ = cli(["run", "blockade", "--csv", "-"], capsys)
    assert target.read_text(encoding="utf-8") == stdout_csv
    assert len(read_csv(stdout_csv)) == BUILTIN["blockade"].steps


def test_csv_to_a_file_replaces_an_earlier_run(tmp_path, capsys):
    """The program's own earlier CSV of that name (its first line is the header row the
    run writes) is replaced without --force: running the same command again works."""
    target = tmp_path / "run.csv"
    assert cli(["run", "blockade", "--steps", "150", "--csv", str(target)], capsys)[0] == 0
    status, _, err = cli(["run", "blockade", "--steps", "100", "--csv", str(target)], capsys)
    assert status == 0, err
    rows = read_csv(target.read_text(encoding="utf-8"))
    assert len(rows) == 100
    assert left_in(tmp_path) == ["run.csv"]


def test_csv_keeps_a_file_it_did_not_write_unless_forced(tmp_path, capsys):
    target = tmp_path / "run.csv"
    target.write_text("old\n", encoding="utf-8")
    status, out, err = cli(["run", "blockade", "--steps", "100", "--csv", str(target)], capsys)
    assert status == 2 and out == ""
    assert err.strip() == f"blockade: {target} exists; use --force to replace it"
    assert target.read_text(encoding="utf-8") == "old\n"
    status, _, err = cli(["run", "blockade", "--steps", "100", "--csv", str(target),
                          "--force"], capsys)
    assert status == 0, err
    assert len(read_csv(target.read_text(encoding="utf-8"))) == 100
    assert left_in(tmp_path) == ["run.csv"]


def test_summary_without_csv(capsys):
    status, out, err = cli(["run", "blockade"], capsys)
    assert status == 0 and err == ""
    assert "blockade" in out and "not medical advice" in out
    assert "feel-good" in out and "breathing" in out


def test_a_real_process_writes_the_csv_header():
    done = subprocess.run(
        [sys.executable, "-m", "sim", "run", "blockade", "--csv", "-"],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    header = done.stdout.splitlines()[0].split(",")
    assert header[:2] == ["step", "free_receptors"]
    assert all(f"bound_{n}" in header and f"free_{n}" in header for n in SPECIES_NAMES)
    assert len(done.stdout.splitlines()) == BUILTIN["blockade"].steps + 1


# ------------------------------------------------------------------ help
def _options(parser: argparse.ArgumentParser) -> list[str]:
    """Every option string and positional name a parser knows, read from the parser
    itself so a new option cannot be left out of its help."""
    names = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            names += list(action.choices)
        elif action.option_strings:
            names += action.option_strings
        else:
            names.append(action.metavar or action.dest)
    return names


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return commands.choices[name]


def test_help_mentions_every_option_and_command(capsys):
    status, out, err = cli(["--help"], capsys)
    assert status == 0 and err == ""
    options = _options(build_parser())
    assert {"run", "bench", "--help"} <= set(options)
    for name in options:
        assert name in out, name
    assert "not medical advice" in out


def test_run_help_mentions_every_option_and_builtin(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "200")  # so no scenario name is wrapped at its hyphen
    status, out, err = cli(["run", "--help"], capsys)
    assert status == 0 and err == ""
    options = _options(_subparser(build_parser(), "run"))
    assert {"SCENARIO_OR_FILE", "--seed", "--steps", "--csv", "--help"} <= set(options)
    for name in options:
        assert name in out, name
    assert ".toml" in out and "'-'" in out
    for name in BUILTIN:
        assert name in out, name


# ------------------------------------------------------------------ custom files
CUSTOM = """\
name = "my evening"
description = "A custom run: an opioid dose, then naloxone."
seed = 42
steps = 120
receptors = 40

[person]
tolerance = 0.3

[[dose]]
at = 5
species = "opioid"
amount = "large"

[[dose]]
at = 30
species = "naloxone"
amount = 200

[[dose]]
at = 60
species = "naltrexone"
route = "injection"
amount = "small"
"""


def test_a_custom_file_runs_and_its_seed_makes_it_reproducible(tmp_path, capsys):
    path = tmp_path / "custom.toml"
    path.write_text(CUSTOM, encoding="utf-8")
    status, first, err = cli(["run", str(path), "--csv", "-"], capsys)
    assert status == 0 and err == ""
    rows = read_csv(first)
    assert len(rows) == 120
    assert max(int(r["bound_opioid"]) for r in rows) > 0
    assert max(int(r["bound_naloxone"]) for r in rows) > 0
    assert int(rows[-1]["depot_naltrexone"]) > 0, "the injection went into a depot"
    assert set(rows[0]) >= {f"free_{n}" for n in SPECIES_NAMES}
    # the file's seed: the same file gives the same run, and --seed of the same value too
    assert cli(["run", str(path), "--csv", "-"], capsys)[1] == first
    assert cli(["run", str(path), "--seed", "42", "--csv", "-"], capsys)[1] == first
    # another seed, another run
    assert cli(["run", str(path), "--seed", "43", "--csv", "-"], capsys)[1] != first
    # the summary names it
    status, summary, _ = cli(["run", str(path)], capsys)
    assert status == 0 and "my evening" in summary and "seed 42" in summary


def test_a_custom_file_without_a_seed_is_reproducible_with_seed(tmp_path, capsys):
    path = tmp_path / "noseed.toml"
    path.write_text('steps = 60\n[[dose]]\nat = 0\nspecies = "opioid"\n', encoding="utf-8")
    a = cli(["run", str(path), "--seed", "7", "--csv", "-"], capsys)
    b = cli(["run", str(path), "--seed", "7", "--csv", "-"], capsys)
    assert a[0] == b[0] == 0 and a[1] == b[1]


# ------------------------------------------------------------------ bad input
BLOCKADE_LAST_DOSE = max(d.at for d in BUILTIN["blockade"].doses)

DOSE = '[[dose]]\nat = 5\nspecies = "opioid"\n'

# id: (scenario file text or None, arguments after `run`, texts the message must contain)
# "{file}" stands for the scenario file's name.
BAD_INPUTS = {
    "unknown scenario": (None, ["nosuch"], ["nosuch", "unknown scenario"]),
    "missing file": (None, ["missing.toml"], ["missing.toml", "not found"]),
    "unknown species": (
        'steps = 100\n[[dose]]\nat = 5\nspecies = "heroin"\n',
        ["{file}"], ["{file}", "[[dose]]", "heroin"],
    ),
    "malformed TOML": ('steps = 100\n[[dose]\nat = 5\n', ["{file}"], ["{file}", "TOML"]),
    "negative amount": (
        "steps = 100\n" + DOSE + "amount = -3\n", ["{file}"], ["{file}", "amount", "-3"],
    ),
    "non-numeric amount": (
        "steps = 100\n" + DOSE + 'amount = "lots"\n', ["{file}"], ["{file}", "amount", "lots"],
    ),
    "fractional amount": (
        "steps = 100\n" + DOSE + "amount = 1.5\n", ["{file}"], ["{file}", "amount", "1.5"],
    ),
    "dose after the run": (
        'steps = 100\n[[dose]]\nat = 100\nspecies = "opioid"\n',
        ["{file}"], ["{file}", "at", "100", "outside the run"],
    ),
    "dose before the run": (
        'steps = 100\n[[dose]]\nat = -1\nspecies = "opioid"\n',
        ["{file}"], ["{file}", "at", "outside the run"],
    ),
    "dose without species": ('[[dose]]\nat = 5\n', ["{file}"], ["{file}", "species"]),
    "unknown top-level key": ('steps = 100\ncolour = "red"\n', ["{file}"], ["{file}", "colour"]),
    "unknown person key": (
        "steps = 100\n[person]\nage = 30\n", ["{file}"], ["{file}", "[person]", "age"],
    ),
    "unknown dose key": (
        "steps = 100\n" + DOSE + "when = 3\n", ["{file}"], ["{file}", "[[dose]]", "when"],
    ),
    "tolerance above 1": (
        "[person]\ntolerance = 1.5\n", ["{file}"], ["{file}", "tolerance", "1.5"],
    ),
    "tolerance below 0": (
        "[person]\ntolerance = -0.2\n", ["{file}"], ["{file}", "tolerance", "-0.2"],
    ),
    "tolerance as text": ('[person]\ntolerance = "high"\n', ["{file}"], ["{file}", "tolerance"]),
    "route on opioid": (
        "steps = 100\n" + DOSE + 'route = "injection"\n', ["{file}"], ["{file}", "route"],
    ),
    "unknown route": (
        'steps = 100\n[[dose]]\nat = 5\nspecies = "naltrexone"\nroute = "patch"\n',
        ["{file}"], ["{file}", "route", "patch"],
    ),
    "steps zero in file": ("steps = 0\n", ["{file}"], ["{file}", "steps"]),
    "negative seed in file": ("seed = -4\n", ["{file}"], ["{file}", "seed"]),
    "negative --seed": (None, ["blockade", "--seed", "-1"], ["--seed", "-1"]),
    "non-numeric --steps": (None, ["blockade", "--steps", "abc"], ["--steps", "abc"]),
    "zero --steps": (None, ["blockade", "--steps", "0"], ["--steps"]),
    "--steps shorter than a built-in dose": (
        None, ["blockade", "--steps", str(BLOCKADE_LAST_DOSE)],
        ["--steps", str(BLOCKADE_LAST_DOSE), "outside the run"],
    ),
    "unknown option": (None, ["blockade", "--bogus"], ["--bogus"]),
    "--steps above the cap": (None, ["blockade", "--steps", "50001"], ["--steps", "50,000"]),
    "steps above the cap in a file": ("steps = 50001\n", ["{file}"], ["{file}", "steps"]),
    "too many molecules in all": (
        "steps = 100\n" + (DOSE + "amount = 600000\n") * 2, ["{file}"],
        ["{file}", "1,200,000 molecules", "1,000,000"],
    ),
    "too long a run": (
        "steps = 50000\n" + DOSE + "amount = 20000\n", ["{file}"], ["{file}", "too long a run"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input_gives_one_line_exit_2_and_no_file(case, tmp_path, monkeypatch, capsys):
    text, args, mentions = BAD_INPUTS[case]
    monkeypatch.chdir(tmp_path)
    name = "scenario.toml"
    expected_files = []
    if text is not None:
        (tmp_path / name).write_text(text, encoding="utf-8")
        expected_files = [name]
    args = [a.replace("{file}", name) for a in args]
    mentions = [m.replace("{file}", name) for m in mentions]
    target = tmp_path / "out.csv"
    status, out, err = cli(["run", *args, "--csv", str(target)], capsys)
    assert_bad_input(status, out, err, *mentions)
    assert left_in(tmp_path) == expected_files


def test_csv_into_a_missing_folder(tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "out.csv"
    status, out, err = cli(["run", "blockade", "--csv", str(target)], capsys)
    assert_bad_input(status, out, err, "no-such-folder")
    assert left_in(tmp_path) == []


def test_csv_onto_a_folder(tmp_path, capsys):
    (tmp_path / "taken").mkdir()
    status, out, err = cli(["run", "blockade", "--csv", str(tmp_path / "taken")], capsys)
    assert_bad_input(status, out, err)
    assert left_in(tmp_path) == ["taken"] and left_in(tmp_path / "taken") == []


def test_a_folder_is_not_a_scenario(tmp_path, capsys):
    (tmp_path / "folder.toml").mkdir()
    status, out, err = cli(["run", str(tmp_path / "folder.toml")], capsys)
    assert_bad_input(status, out, err, "folder.toml")


@pytest.mark.parametrize(
    "dose",
    [
        'species = "opioid"\namount = 1_000_000_000_000\n',
        'species = "naltrexone"\nroute = "injection"\namount = 9_223_372_036_854_775_807\n',
    ],
    ids=["opioid", "injection"],
)
def test_an_absurdly_large_amount_is_refused_cleanly(dose, tmp_path, monkeypatch, capsys):
    """A whole-number amount far beyond any lesson must be bad input (exit 2, one line),
    not a memory error or a traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.toml").write_text(
        f"steps = 5\n[[dose]]\nat = 1\n{dose}", encoding="utf-8"
    )
    status, out, err = cli(["run", "big.toml", "--csv", "out.csv"], capsys)
    assert_bad_input(status, out, err, "big.toml", "amount")
    assert left_in(tmp_path) == ["big.toml"]


@pytest.mark.parametrize("argv", [["run", "SCENARIO"], ["--settings", "SETTINGS"],
                                  ["--plan", "PLAN"], ["--kiosk", "--config", "CONFIG"]])
def test_a_path_with_a_newline_is_one_line_in_the_error(tmp_path, capsys, argv):
    """Control characters in a path are written as escapes: one line, always (issue 24
    item 8: a newline split the error over two lines)."""
    from sim.app.cli import main

    missing = str(tmp_path / "bad\nname\t.toml")
    args = [missing if a in ("SCENARIO", "SETTINGS", "PLAN", "CONFIG") else a for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "bad\\nname\\t.toml" in err
