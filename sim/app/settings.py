"""The clinic's settings file (``--settings PATH``): help text shown on closing cards.

    [help]
    title = "Help near you"                      # optional
    text = "Free naloxone at the front desk. ..."  # the clinic's own words

The program ships no phone numbers; without a file, a neutral line asks the
visitor to talk to their care team. Every key is checked; a mistake is one line
naming the file and the key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

MAX_TEXT = 600
ALLOWED = {"help": {"title": 80, "text": MAX_TEXT}}


class SettingsError(ValueError):
    pass


def load_settings(path: str | None) -> dict[str, Any]:
    if path is None:
        return {}
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"{p}: settings file not found") from None
    except IsADirectoryError:
        raise SettingsError(f"{p}: is a folder, not a settings file") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{p}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{p}: not valid TOML: {err}") from None
    except OSError as err:
        raise SettingsError(f"{p}: cannot be read ({err.strerror})") from None
    for table, value in data.items():
        if table not in ALLOWED:
            raise SettingsError(
                f"{p}: unknown table or key '{table}' (allowed: {', '.join(ALLOWED)})"
            )
        if not isinstance(value, dict):
            raise SettingsError(f"{p}: '{table}' must be a table, written [{table}]")
        for key, text in value.items():
            limits = ALLOWED[table]
            if key not in limits:
                raise SettingsError(
                    f"{p}: [{table}] unknown key '{key}' (allowed: {', '.join(limits)})"
                )
            if not isinstance(text, str) or not text.strip():
                raise SettingsError(f"{p}: [{table}] {key} must be non-empty text")
            if len(text) > limits[key]:
                raise SettingsError(
                    f"{p}: [{table}] {key} is longer than {limits[key]} characters"
                )
    return data
