"""The layers import only downwards (docs/architecture.md, "Import rules").

    sim.app      may import anything below
    sim.view     sim.lessons, sim.model, sim.i18n, sim.resources (never sim.app)
    sim.lessons  sim.model only (no pygame, no strings: message ids)
    sim.model    nothing of sim but sim.file_tables (no pygame, no I/O:
                 tests/test_properties.py)
    sim.i18n, sim.i18n_build, sim.resources   sim.resources only (no pygame)
    sim.file_tables   nothing of sim (the one rule for unknown keys in files)

Read from the source with ``ast`` (imports inside functions count too), so a module
that is never imported by a test is checked as well. Known exceptions would be listed
in KNOWN (there are none): never add one without a reason and the issue that removes it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sim

SIM = Path(sim.__file__).resolve().parent

#: what each part of sim may import of sim (besides itself)
ALLOWED = {
    # file_tables: the one rule for unknown keys in files (standard library only)
    "model": {"file_tables"},
    "lessons": {"model"},
    "view": {"lessons", "model", "i18n", "resources"},
    "app": {"view", "lessons", "model", "i18n", "i18n_build", "resources", "__main__",
            "file_tables"},
    "i18n": {"resources"},
    "i18n_build": {"resources"},
    "resources": set(),
    "file_tables": set(),
    "__main__": {"app"},
}
#: parts that must not import pygame (the model and the lesson engine run in a notebook)
NO_PYGAME = {"model", "lessons", "i18n", "i18n_build", "resources", "file_tables"}
#: (module, what it imports) exceptions to the rules, each with the issue that removes it
KNOWN: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SIM.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_in(source: str, module: str, package: bool = False) -> set[str]:
    """Every module ``source`` (the text of module ``module``) imports: relative imports
    resolved, ``from sim import x`` counted as ``sim.x`` too, imports inside functions
    included."""
    home = module if package else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = home.split(".")[: len(home.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return found


def imports(path: Path) -> set[str]:
    return imports_in(path.read_text(encoding="utf-8"), module_name(path),
                      package=path.name == "__init__.py")


def part_of(module: str) -> str | None:
    """The part of sim a module name belongs to ("view", "i18n", ...), None if outside."""
    parts = module.split(".")
    if parts[0] != "sim":
        return None
    return parts[1] if len(parts) > 1 else ""


def known(module: str, target: str) -> bool:
    return any(module == m and (target == t or target.startswith(t + ".")) for m, t in KNOWN)


def problems() -> list[str]:
    found = []
    for path in sorted(SIM.rglob("*.py")):
        if "assets" in path.relative_to(SIM).parts:
            continue
        module = module_name(path)
        part = part_of(module)
        for target in sorted(imports(path)):
            if part in NO_PYGAME and (target == "pygame" or target.startswith("pygame.")):
                found.append(f"{module} imports {target}")
            other = part_of(target)
            if other is None or other == "" or other == part:
                continue
            if not (SIM / other).exists() and not (SIM / f"{other}.py").exists():
                continue  # `from sim import x` names where x is not a module: not a layer
            if other not in ALLOWED[part] and not known(module, target):
                found.append(f"{module} imports {target} ({part} may import "
                             f"{sorted(ALLOWED[part]) or 'nothing of sim'})")
    return found


def test_every_part_imports_only_what_is_below_it():
    assert set(ALLOWED) >= {part_of(module_name(p)) for p in SIM.glob("*.py")} - {""}
    assert not problems(), "\n".join(problems())


def test_the_known_exceptions_still_exist():
    """An exception fixed in the code comes off the list (so the list stays honest)."""
    for module, target in KNOWN:
        path = SIM.parent / (module.replace(".", "/") + ".py")
        assert target in imports(path), f"{module} no longer imports {target}: drop it"


@pytest.mark.parametrize("source, module, expected", [
    ("from sim.app.commands import KEY_MAPS\n", "sim.view.x", "sim.app.commands"),
    ("from ...app import commands\n", "sim.view.screens.x", "sim.app"),
    ("def f():\n    import sim.app.cli\n", "sim.view.x", "sim.app.cli"),
    ("from sim import i18n\n", "sim.lessons.x", "sim.i18n"),
    ("import pygame.font\n", "sim.lessons.x", "pygame.font"),
])
def test_the_checker_sees_every_kind_of_import(source, module, expected):
    """Guard the guard: absolute, relative, nested and ``from sim import x`` imports."""
    assert expected in imports_in(source, module)


# ------------------------------------------------------------------ modes
#: modules that may name a mode: the modes themselves, the policies they own, and the
#: command line that reads --present/--kiosk and the bench that measures a kiosk
MAY_NAME_MODES = ("sim.app.modes", "sim.app.kiosk", "sim.app.presenter", "sim.app.cli",
                  "sim.app.bench", "sim.app.commands")
MODE_NAMES = {"laptop", "presenter", "kiosk"}
MODE_ATTRIBUTES = {"kiosk", "presenter", "present"}


def mode_checks_in(source: str) -> list[str]:
    """Where ``source`` asks which mode it is: a comparison with a mode's name, or a
    test (if, ternary, while, and/or) of a mode attribute such as ``app.kiosk``."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            names = [c.value for c in [node.left, *node.comparators]
                     if isinstance(c, ast.Constant) and isinstance(c.value, str)]
            if MODE_NAMES & set(names):
                found.append(f"line {node.lineno}: compares with a mode's name")
        if isinstance(node, (ast.If, ast.IfExp, ast.While)):
            for sub in ast.walk(node.test):
                if isinstance(sub, ast.Attribute) and sub.attr in MODE_ATTRIBUTES:
                    found.append(f"line {node.lineno}: tests .{sub.attr}")
    return found


def test_no_mode_is_asked_for_by_name_outside_the_modes():
    """The app and the screens ask the mode what it offers (``ctx.mode.offers_quit``),
    never which mode it is (issue 20)."""
    found = []
    for path in sorted(SIM.rglob("*.py")):
        module = module_name(path)
        if module.startswith(MAY_NAME_MODES):
            continue
        found += [f"{module} {where}" for where in mode_checks_in(path.read_text("utf-8"))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("source", [
    'if ctx.mode == "kiosk":\n    pass\n',
    'x = 1 if app.kiosk is not None else 2\n',
    'if self.presenter and top:\n    pass\n',
])
def test_the_mode_checker_sees_a_mode_check(source):
    assert mode_checks_in(source)
