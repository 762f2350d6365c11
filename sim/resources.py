"""Finding bundled assets (fonts, catalogs) in a checkout or an installed package.

Installed, the top-level ``assets/`` folder ships as the package ``sim.assets``
(see pyproject.toml), so ``importlib.resources`` finds it from any directory.
Run from a checkout without installing, it is the ``assets/`` beside ``sim/``.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path


@cache
def assets_root() -> Path:
    try:
        root = importlib.resources.files("sim.assets")
        path = Path(str(root))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "assets"


def asset_path(*parts: str) -> Path:
    return assets_root().joinpath(*parts)
