"""Where Blockade keeps the files it writes for itself: the kiosk's log and counts.

Never beside the code (an installed package may be read-only, and an update would
wipe it) and never in the current folder: the platform's per-user state folder.

- Linux and the BSDs: ``$XDG_STATE_HOME/blockade``, else ``~/.local/state/blockade``
  (the XDG Base Directory spec: state that should persist, such as logs).
- macOS: ``~/Library/Application Support/blockade``.
- Windows: ``%LOCALAPPDATA%\\blockade``, else ``~\\AppData\\Local\\blockade``.

``BLOCKADE_STATE_DIR`` overrides all of these (tests, and a clinic that wants the
files somewhere else). ``state_dir()`` only names the folder; ``ensure_state_dir()``
creates it (mode 0o700: the log may hold what staff typed into config files) and
raises ``StateDirError`` with one line if it cannot.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "blockade"
OVERRIDE_VARIABLE = "BLOCKADE_STATE_DIR"


class StateDirError(OSError):
    """The state folder cannot be found or made; the message is one line naming it."""


def _home() -> Path:
    try:
        return Path.home()
    except RuntimeError:  # no HOME and no password entry: nowhere to put state
        raise StateDirError(
            f"cannot tell the home folder; set {OVERRIDE_VARIABLE} to a folder to write in"
        ) from None


def _env_path(name: str) -> Path | None:
    """An environment variable naming an absolute folder, else None (unset, empty or
    relative values are ignored, as the XDG spec asks)."""
    value = os.environ.get(name, "")
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else None


def state_dir() -> Path:
    """The user's state folder for Blockade (it may not exist yet)."""
    override = os.environ.get(OVERRIDE_VARIABLE, "")
    if override:
        return Path(override).expanduser().absolute()
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_FOLDER
    if sys.platform == "win32":
        base = _env_path("LOCALAPPDATA") or _home() / "AppData" / "Local"
        return base / APP_FOLDER
    base = _env_path("XDG_STATE_HOME") or _home() / ".local" / "state"
    return base / APP_FOLDER


def ensure_state_dir() -> Path:
    """``state_dir()``, created if missing (mode 0o700), and checked to be a writable
    folder; ``StateDirError`` otherwise. An existing folder keeps its mode: a clinic
    may have set it up for a group on purpose."""
    folder = state_dir()
    existed = folder.is_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not existed:
            folder.chmod(0o700)  # mkdir's mode is masked by the umask; say it exactly
    except FileExistsError:  # something that is not a folder is in the way
        raise StateDirError(f"{folder}: is not a folder; cannot keep the kiosk's files "
                            f"there (set {OVERRIDE_VARIABLE} to another folder)") from None
    except OSError as err:
        raise StateDirError(f"{folder}: cannot create the state folder "
                            f"({err.strerror or err}); set {OVERRIDE_VARIABLE} to a folder "
                            "you can write in") from None
    if not folder.is_dir():
        raise StateDirError(f"{folder}: is not a folder; cannot keep the kiosk's files there "
                            f"(set {OVERRIDE_VARIABLE} to another folder)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StateDirError(f"{folder}: cannot write in the state folder (permission "
                            f"denied); set {OVERRIDE_VARIABLE} to a folder you can write in")
    return folder
