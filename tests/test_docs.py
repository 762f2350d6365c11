"""The map in the repository stays true: docs/architecture.md names files that exist,
every ``TEACHING`` id the code cites is in docs/teaching.md, nothing points outside the
repository, and the README's layout block lists the folders there are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sim

REPO = Path(sim.__file__).resolve().parent.parent
CODE = [p for folder in ("sim", "tests") for p in (REPO / folder).rglob("*.py")]
DOCS = sorted((REPO / "docs").rglob("*.md")) + [REPO / "README.md"]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def named_paths(text: str) -> set[str]:
    """Repository paths written in backticks: `sim/app/cli.py`, `tests/test_app.py`."""
    return set(re.findall(r"`((?:sim|tests|assets|docs|\.ci)/[\w./-]+)`", text))


@pytest.mark.parametrize("doc", ["docs/architecture.md", "docs/model.md", "docs/kiosk.md",
                                 "README.md"])
def test_every_file_a_document_names_exists(doc):
    missing = sorted(p for p in named_paths(read(REPO / doc))
                     if not (REPO / p.rstrip("/")).exists() and "<" not in p)
    assert not missing, f"{doc} names files that are not in the repository: {missing}"


def test_every_teaching_id_the_code_cites_is_in_docs_teaching():
    teaching = read(REPO / "docs" / "teaching.md")
    defined = set(re.findall(r"^\| ([TMB]\d+) \|", teaching, re.M))
    assert {"T1", "M12", "B10"} <= defined  # the tables are read as they are written
    cited = {}
    for path in CODE + DOCS:
        for ident in re.findall(r"TEACHING(?: section \d+,?)? ((?:[TMB]\d+(?:,? )?)+)", read(path)):
            for one in re.findall(r"[TMB]\d+", ident):
                cited.setdefault(one, path.relative_to(REPO).as_posix())
    unknown = {ident: where for ident, where in cited.items() if ident not in defined}
    assert cited and not unknown, f"cited but not in docs/teaching.md: {unknown}"


def test_no_comment_points_outside_the_repository():
    outside = re.compile("|".join(("TEACHING" + r"\.md", "DESIGN" + r"\.md",
                                   r"\.\./" + "shared", "/" + "work/")))
    found = [f"{p.relative_to(REPO)}:{n}" for p in CODE + DOCS if p.name != "README.md"
             for n, line in enumerate(read(p).splitlines(), 1) if outside.search(line)]
    assert found == [], f"these point at files outside the repository: {found}"


def test_the_readme_layout_block_lists_the_top_level_as_it_is():
    readme = read(REPO / "README.md")
    block = readme.split("## Layout", 1)[1].split("```", 2)[1]
    listed = set(re.findall(r"^(\S+)\s", block, re.M))
    listed = {name for name in listed if "/" in name or "." in name}
    tops = {name.split("/")[0] + ("/" if "/" in name else "") for name in listed}
    for name in ("pyproject.toml", "README.md", "sim/", "assets/", "tests/", "docs/", ".ci/"):
        assert name in tops, f"README's layout block does not list {name}"
    for name in listed:
        assert (REPO / name.rstrip("/")).exists(), f"README's layout lists {name}, not there"


def test_the_readme_says_how_to_run_test_and_look_at_a_change():
    contributing = read(REPO / "README.md").split("## Contributing", 1)[1]
    for what in ("python -m pytest", "-n 0", "--screenshot", "break"):
        assert what in contributing, what
