"""Where the program uses each catalog message id: a static scan of ``sim/``.

Message ids are symbolic keys, and many are built at run time, so a scan for literal
``_("...")`` calls misses most of them. This scan knows the ways the code builds them:

- a string constant anywhere in ``sim/`` ("explore.give.opioid" in a table of buttons);
- a concatenation of module-level string constants and literals: the lesson scripts'
  ``K + "beat1"`` with ``K = "lesson.override."``;
- an f-string that starts with a literal key prefix: ``f"species.{name}"``,
  ``f"explore.due.{route}.{when}"``; each ``{field}`` stands for exactly one key segment
  (letters, digits, "_" and "-", no dot), so ``f"species.{name}"`` never matches
  "species.a.b";
- the presenter notes, ``f"notes.{lesson_id}.{number}.{kind}"`` in sim/lessons/notes.py:
  not matched as a pattern but expanded from the lessons themselves (every lesson, every
  beat it has, every kind of note), so notes for a beat a lesson no longer has count as
  unused.

Plural entries are used by their msgid (``_n("id", n)`` looks up "id" and "id.plural").
No pygame; tests/test_catalog_comments.py uses it, and so can a translator's script.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIM = ROOT / "sim"
#: one key segment, as a formatted field of an f-string key may fill it
SEGMENT = r"[A-Za-z0-9_-]+"
#: the f-strings whose keys are expanded from the data instead of matched as patterns
EXPANDED = {("sim/lessons/notes.py", "notes.{}.{}.{}")}


def _string_value(node: ast.AST, names: dict[str, str]) -> str | None:
    """The value of a string literal, a module constant, or a ``+`` of those; else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string_value(node.left, names), _string_value(node.right, names)
        if left is not None and right is not None:
            return left + right
    return None


def _template(node: ast.JoinedStr) -> str:
    """An f-string with its fields as ``{}``: f"notes.{a}.{b}" -> "notes.{}.{}"."""
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)


def scan() -> tuple[dict[str, set[str]], list[tuple[re.Pattern[str], str]]]:
    """(string constants and concatenations -> the files they are in,
    [(f-string key pattern, its file)])."""
    strings: dict[str, set[str]] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for path in sorted(SIM.rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        names: dict[str, str] = {}  # module-level string constants, in order
        for statement in tree.body:
            if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name)):
                value = _string_value(statement.value, names)
                if value is not None:
                    names[statement.targets[0].id] = value
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                first = node.values[0] if node.values else None
                if not (isinstance(first, ast.Constant) and re.match(r"[a-z]+\.", first.value)):
                    continue  # not a key: keys start with a literal prefix ("species.")
                if (where, _template(node)) in EXPANDED:
                    continue
                regex = "".join(re.escape(v.value) if isinstance(v, ast.Constant) else SEGMENT
                                for v in node.values)
                patterns.append((re.compile(regex), where))
            else:
                value = _string_value(node, names)
                if value is not None:
                    strings.setdefault(value, set()).add(where)
    return strings, patterns


def expanded_ids() -> dict[str, str]:
    """The ids the EXPANDED f-strings build, from the data: id -> its file."""
    from sim.lessons import LESSONS
    from sim.lessons.notes import beat_notes

    ids = {}
    for lesson_id, lesson in LESSONS.items():
        for number in range(1, len(lesson.beats) + 1):
            for msgid in beat_notes(lesson_id, number):
                ids[msgid] = "sim/lessons/notes.py"
    return ids


def uses(msgids) -> dict[str, list[str]]:
    """Each of ``msgids`` -> the files that use it (sorted; [] for an unused id)."""
    strings, patterns = scan()
    expanded = expanded_ids()
    found = {}
    for msgid in msgids:
        files = set(strings.get(msgid, ()))
        files |= {where for pattern, where in patterns if pattern.fullmatch(msgid)}
        if msgid in expanded:
            files.add(expanded[msgid])
        found[msgid] = sorted(files)
    return found
