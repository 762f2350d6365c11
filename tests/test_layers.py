"""The layers import only downwards (docs/architecture.md, "Import rules").

    sim.app      may import anything below
    sim.view     sim.lessons, sim.model, sim.i18n, sim.resources (never sim.app)
    sim.lessons  sim.model and sim.lesson_order (no pygame, no strings: message ids)
    sim.model    nothing of sim but sim.file_tables (no pygame, no I/O:
                 tests/test_properties.py)
    sim.i18n     sim.resources and sim.bounded_read (no pygame)
    sim.i18n_build, sim.resources   sim.resources only (no pygame)
    sim.file_tables   nothing of sim (the one rule for unknown keys in files)
    sim.bounded_read  nothing of sim (the one rule for reading a file whole: user files
                 in sim.app, catalogs in sim.i18n, fonts in sim.view)
    sim.lesson_order  nothing of sim (the one list of lesson ids)

Read from the source with ``ast`` (imports inside functions count too), so a module
that is never imported by a test is checked as well. Known exceptions would be listed
in KNOWN (there are none): never add one without a reason and the issue that removes it.

Within a part, no module imports one that imports it back, however far round
(``test_no_sim_modules_import_each_other_in_a_circle``; imports for annotations only,
under ``if TYPE_CHECKING:``, and inside functions count too). The circles there are
today are listed in KNOWN_CIRCLES, each with why it is there.
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
    "lessons": {"model", "lesson_order"},
    # bounded_read: the one rule for reading a file whole (user files, catalogs, fonts)
    "view": {"lessons", "model", "i18n", "resources", "bounded_read"},
    "app": {"view", "lessons", "model", "i18n", "i18n_build", "resources", "__main__",
            "file_tables", "lesson_order", "entry", "bounded_read"},
    # lesson_order: the one list of lesson ids (no imports: the app names the lessons
    # without importing them at start-up)
    "lesson_order": set(),
    "i18n": {"resources", "bounded_read"},
    "i18n_build": {"resources"},
    "resources": set(),
    "file_tables": set(),
    "bounded_read": set(),
    "__main__": {"app", "entry"},
    # entry: the command's entry point, importing the app inside its Ctrl+C guard
    "entry": {"app"},
}
#: parts that must not import pygame (the model and the lesson engine run in a notebook)
NO_PYGAME = {"model", "lessons", "i18n", "i18n_build", "resources", "file_tables",
             "lesson_order", "entry", "bounded_read"}
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
            target = from_target(node, home)
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return found


def from_target(node: ast.ImportFrom, home: str) -> str:
    """The module a ``from ... import`` reads from, relative imports resolved against
    ``home`` (the package the importing module is in)."""
    if node.level:
        base = home.split(".")[: len(home.split(".")) - (node.level - 1)]
        return ".".join(base + ([node.module] if node.module else []))
    return node.module or ""


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


# ------------------------------------------------------------------ import circles
#: the circles of imports there are today, each with why; all in sim.app and all made of
#: imports inside functions, deferred so that loading one module does not load the
#: other. Each is a debt, not a pattern to copy: never add one without a reason.
KNOWN_CIRCLES = {
    # the base Mode's factory (mode_class) imports the two modes that subclass it
    frozenset({"sim.app.modes", "sim.app.modes.kiosk", "sim.app.modes.presenter"}):
        "mode_class in the package imports the modes built on its Mode",
    # app.py opens the window with launch.start_display; launch's entry points build
    # the App (config_from_args, open_window, _run_kiosk)
    frozenset({"sim.app.app", "sim.app.launch"}): "launch both serves and builds App",
    # bench.soak hands "kiosk" to bench_kiosk, which reuses bench's tap and memory probe
    frozenset({"sim.app.bench", "sim.app.bench_kiosk"}): "bench_kiosk reuses bench's helpers",
}


def sim_modules() -> dict[str, Path]:
    """Every module of sim by name (a package by its ``__init__.py``)."""
    return {module_name(p): p for p in sorted(SIM.rglob("*.py"))
            if "assets" not in p.relative_to(SIM).parts}


def imported_modules(source: str, module: str, modules, package: bool = False) -> set[str]:
    """Which of ``modules`` the text ``source`` of ``module`` imports, wherever the import
    is (at the top, under ``if TYPE_CHECKING:``, inside a function): ``from a.b import c``
    imports the module a.b.c if there is one, else (a name in it) a.b."""
    home = module if package else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            target = from_target(node, home)
            found |= {f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules
                      else target for alias in node.names}
    return (found & set(modules)) - {module}


def import_graph() -> dict[str, set[str]]:
    """Each sim module and the sim modules it imports."""
    modules = sim_modules()
    return {module: imported_modules(path.read_text(encoding="utf-8"), module, modules,
                                     package=path.name == "__init__.py")
            for module, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """Every circle of imports, as the set of modules in it (modules that each reach all
    the others by their imports; two circles sharing a module are one)."""
    reach = {}
    for start in graph:
        seen, todo = set(), [start]
        while todo:
            for name in graph.get(todo.pop(), set()) - seen:
                seen.add(name)
                todo.append(name)
        reach[start] = seen
    return {frozenset({m} | {other for other in reach[m] if m in reach[other]})
            for m in graph if m in reach[m]}


def test_no_sim_modules_import_each_other_in_a_circle():
    """Imports run one way (as the lesson and Explore screens' packages do, issue 20): a
    circle, even one of annotations only, means neither module can be read, tested or
    moved without the other; break it by moving what both need into a module below
    them (sim/view/screens/lesson/content.py did so for the lesson's layout)."""
    graph = import_graph()
    found = circles(graph) - set(KNOWN_CIRCLES)
    report = ["a circle: " + "; ".join(f"{a} imports {b}" for a in sorted(c)
                                       for b in sorted(graph[a] & c)) for c in found]
    assert not found, "\n".join(report)


def test_the_known_circles_still_exist():
    """A circle broken in the code comes off KNOWN_CIRCLES (so the list stays honest)."""
    assert set(KNOWN_CIRCLES) <= circles(import_graph())


def test_the_circle_finder_sees_a_circle_of_annotations():
    """Guard the guard: an import under ``if TYPE_CHECKING:`` is an import, relative
    imports and ``from package import module`` resolve, and a circle round three
    modules is one circle, beside a module outside it."""
    modules = {"sim.p", "sim.p.a", "sim.p.b", "sim.p.c", "sim.q"}
    sources = {
        "sim.p.a": "from sim.p.b import X\n",
        "sim.p.b": "from . import c\n",
        "sim.p.c": ("from typing import TYPE_CHECKING\n"
                    "if TYPE_CHECKING:\n    from sim.p.a import Y\n"),
        "sim.q": "def f():\n    import sim.p.a\n",
    }
    graph = {m: imported_modules(text, m, modules) for m, text in sources.items()}
    assert graph == {"sim.p.a": {"sim.p.b"}, "sim.p.b": {"sim.p.c"}, "sim.p.c": {"sim.p.a"},
                     "sim.q": {"sim.p.a"}}
    assert circles(graph) == {frozenset({"sim.p.a", "sim.p.b", "sim.p.c"})}


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
