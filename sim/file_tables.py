"""One rule for the tables read from files: scenarios (sim/model/scenario.py), settings
(sim/app/settings.py), session plans (sim/app/plans.py) and kiosk configs
(sim/app/kiosk_config.py) all name an unknown key the same way, in one line.

Standard library only and no I/O, so every layer, the model too, may use it.
"""

from __future__ import annotations

from typing import Iterable


def check_keys(table: dict, allowed: Iterable[str], where: str,
               error: type[Exception]) -> None:
    """Raise ``error`` if ``table`` has a key not in ``allowed``: one line,
    ``"<where> unknown key 'k' (allowed: a, b)"``, listing ``allowed`` in its order.
    ``where`` names the file and the table (``"plan.toml: [counts]"``)."""
    allowed = tuple(allowed)
    for key in table:
        if key not in allowed:
            raise error(f"{where} unknown key '{key}' (allowed: {', '.join(allowed)})")

