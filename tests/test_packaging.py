"""The installed program must find every asset, from any directory."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_code_folder_is_a_listed_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "sim").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert on_disk <= listed, f"add to pyproject packages: {sorted(on_disk - listed)}"
    assert config["package-dir"]["sim.assets"] == "assets"
    assert "sim.assets" in listed


def test_assets_hold_fonts_licence_and_every_catalog():
    from sim import i18n
    from sim.resources import asset_path

    for parts in [("fonts", "NotoSans-Regular.ttf"), ("fonts", "NotoSans-Bold.ttf"),
                  ("fonts", "NotoSansArabic-Regular.ttf"), ("fonts", "NotoSansArabic-Bold.ttf"),
                  ("fonts", "OFL.txt"),
                  *(("locale", code, "LC_MESSAGES", f"blockade.{ext}")
                    for code in i18n.LANGUAGES for ext in ("po", "mo"))]:
        assert asset_path(*parts).is_file(), parts


def test_the_package_data_ships_every_compiled_catalog():
    """The program reads the compiled .mo catalogs: package-data must match each one."""
    from sim import i18n

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = config["package-data"]["sim.assets"]
    assets = ROOT / config["package-dir"]["sim.assets"]
    shipped = {p for pattern in patterns for p in assets.glob(pattern) if p.is_file()}
    for code in i18n.LANGUAGES:
        mo = assets / "locale" / code / "LC_MESSAGES" / "blockade.mo"
        assert mo.is_file() and mo in shipped, mo


def test_the_installed_package_resolves_its_assets_from_any_directory(tmp_path):
    """Run from a folder outside the checkout, as a user would after `pip install .`:
    `sim.assets` must resolve through importlib.resources to a real folder."""
    import subprocess
    import sys

    code = (
        "import importlib.resources as r, pathlib, sim.resources as s\n"
        "root = pathlib.Path(str(r.files('sim.assets')))\n"
        "assert root.is_dir(), root\n"
        "assert (root / 'fonts' / 'NotoSans-Regular.ttf').is_file()\n"
        "assert (root / 'fonts' / 'NotoSansArabic-Regular.ttf').is_file()\n"
        "assert s.assets_root() == root, (s.assets_root(), root)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
