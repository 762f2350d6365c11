"""The kiosk's log: what went wrong while nobody was watching, for staff to read later.

A kiosk runs for weeks; an error in a screen must not end it (the app logs it and
goes back to the attract loop), but someone has to be able to find out what
happened. So: one plain-text file, ``blockade.log`` in the state folder
(``sim.app.state_dir``), rotated at about 1 MB with 5 older files kept
(``blockade.log.1`` ... ``.5``), so it can never fill the disk. Lines read

    2026-11-22 10:15:03 ERROR screen lesson: ValueError: beat 12 out of range
    Traceback (most recent call last):
      ...

The logger does not propagate to the root logger: nothing reaches a console (under
systemd that would duplicate every line in the journal, which gets the program's own
one-line messages on stderr instead).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOGGER_NAME = "blockade.kiosk"
LOG_FILE = "blockade.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LINE_FORMAT = "%(asctime)s %(levelname)s %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"


def open_kiosk_log(folder: Path) -> logging.Logger:
    """The kiosk's logger, writing to ``folder/blockade.log`` (the folder must exist).

    Idempotent: a second call for the same folder adds no second handler (every line
    would be written twice); a call for another folder moves the log there."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    path = str((Path(folder) / LOG_FILE).absolute())
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if handler.baseFilename == path:
                return logger
            logger.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LINE_FORMAT, DATE_FORMAT))
    logger.addHandler(handler)
    return logger


def close_kiosk_log() -> None:
    """Close the log file (at exit, and between tests)."""
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def log_screen_error(logger: logging.Logger, where: str, exc: BaseException) -> None:
    """Log ``exc``, raised in screen ``where`` (a screen id such as ``lesson``), as
    one ERROR line followed by its traceback."""
    # one header line whatever the message holds, so the log stays easy to scan
    message = " ".join(str(exc).split("\n")).strip()
    header = type(exc).__name__ + (f": {message}" if message else "")
    logger.error("screen %s: %s", where, header,
                 exc_info=(type(exc), exc, exc.__traceback__))
