"""Finding bundled assets (fonts, catalogs) in a checkout or an installed package.

Installed, the top-level ``assets/`` folder ships as the package ``sim.assets``
(see pyproject.toml), so ``importlib.resources`` finds it from any directory.
Run from a checkout without installing, it is the ``assets/`` beside ``sim/``.

Override: ``BLOCKADE_ASSETS=/path/to/assets`` (a folder laid out like
``assets/``: ``fonts/`` and ``locale/<lang>/LC_MESSAGES/blockade.mo``) makes
the program use that folder instead. It is for translators trying a catalog
without reinstalling, and for tests that start the program with a missing or
broken file. It is read once, when the first asset is looked up.
"""

from __future__ import annotations

import importlib.resources
import os
from functools import cache
from pathlib import Path

ASSETS_ENV = "BLOCKADE_ASSETS"


@cache
def assets_root() -> Path:
    override = os.environ.get(ASSETS_ENV, "").strip()
    if override:
        return Path(override).expanduser().resolve()
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
