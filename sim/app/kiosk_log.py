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

A log that cannot be written never stops the kiosk: no state folder (a read-only
home), ``blockade.log`` being a folder, a FIFO or a device (opened non-blocking and
refused, so a FIFO cannot hang start-up), or a write that fails later (a full disk).
Then ONE line on stderr says why, and the log's lines go to stderr from then on (the
journal, under systemd); logging's own error report, a traceback for every line, is
never printed.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import logging.handlers
import os
import stat
import sys
from pathlib import Path
from typing import TextIO

LOGGER_NAME = "blockade.kiosk"
LOG_FILE = "blockade.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LINE_FORMAT = "%(asctime)s %(levelname)s %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"


def open_kiosk_log(folder: Path | None, why: str | None = None) -> logging.Logger:
    """The kiosk's logger, writing to ``folder/blockade.log`` (the folder must exist),
    or to stderr when ``folder`` is None (``why`` says why, on stderr) or the file cannot
    be opened. Never raises.

    Idempotent: a second call for the same folder adds no second handler (every line
    would be written twice) and says nothing again; a call for another folder moves the
    log there."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    path = None if folder is None else str((Path(folder) / LOG_FILE).absolute())
    for old in list(logger.handlers):
        if getattr(old, "path", False) == path:
            return logger
        logger.removeHandler(old)
        old.close()
    handler: logging.Handler
    if path is None:
        say(f"kiosk: {why or 'no state folder'}; logging to stderr instead")
        handler = StderrHandler(path)
    else:
        try:
            handler = LogFileHandler(path)
        except OSError as err:
            say(f"kiosk: cannot write the log {path} ({_reason(err)}); logging to "
                "stderr instead")
            handler = StderrHandler(path)
    handler.setFormatter(logging.Formatter(LINE_FORMAT, DATE_FORMAT))
    logger.addHandler(handler)
    return logger


def open_state_and_log() -> tuple[Path | None, logging.Logger]:
    """The state folder (None if it cannot be made or written in: the kiosk then
    counts in memory) and the kiosk's logger (stderr without a folder)."""
    from .state_dir import StateDirError, ensure_state_dir

    try:
        folder = ensure_state_dir()
    except StateDirError as err:
        return None, open_kiosk_log(None, str(err))
    return folder, open_kiosk_log(folder)


def say(line: str) -> None:
    """One line on stderr, whatever becomes of it (stderr may be closed too)."""
    with contextlib.suppress(Exception):
        print(f"blockade: {line}", file=sys.stderr, flush=True)


def _reason(err: BaseException) -> str:
    return (err.strerror if isinstance(err, OSError) and err.strerror else str(err)) \
        or type(err).__name__


def _open_regular(path: str, encoding: str) -> TextIO:
    """``path`` opened to append, only if it is (or becomes) a regular file: opened
    non-blocking, so a FIFO with no reader fails at once (ENXIO) instead of waiting for
    one forever, and refused if it is a FIFO with a reader or a device."""
    flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
             | getattr(os, "O_CLOEXEC", 0))
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as err:
        raise OSError(err.errno, _describe_open_error(err)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file (a pipe or a device)")
        os.set_blocking(fd, True)
        return open(fd, "a", encoding=encoding, closefd=True)
    except BaseException:
        os.close(fd)
        raise


def _describe_open_error(err: OSError) -> str:
    if err.errno == errno.ENXIO:
        return "it is a pipe (FIFO) that nobody reads"
    if err.errno == errno.EISDIR:
        return "it is a folder"
    return err.strerror or str(err)


class StderrHandler(logging.StreamHandler):
    """The log's lines on whatever ``sys.stderr`` is at the time (the journal, under
    systemd). ``path``: the file this stands in for (None: no state folder)."""

    def __init__(self, path: str | None) -> None:
        logging.Handler.__init__(self)
        self.path = path

    @property
    def stream(self):  # noqa: D401 - looked up each time: tests and daemons swap it
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # stderr is gone as well: nowhere is left to say so


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """``blockade.log``, rotated. The first write that fails (a full disk, a file made
    read-only or swapped for something else) says so in one line on stderr, and that
    line and every later one go to stderr instead: ``logging.Handler.handleError``
    would print a traceback for each line, for as long as the disk stays full."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fallback: StderrHandler | None = None
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                         encoding="utf-8")

    def _open(self):
        return _open_regular(self.baseFilename, self.encoding or "utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        if self.fallback is not None:
            self.fallback.emit(record)
        else:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        if self.fallback is not None:
            return
        err = sys.exc_info()[1]
        say(f"kiosk: cannot write the log {self.path} "
            f"({_reason(err) if err else 'unknown error'}); logging to stderr from now on")
        stream, self.stream = self.stream, None
        with contextlib.suppress(Exception):  # its buffer cannot be written either
            if stream is not None:
                stream.close()
        self.fallback = StderrHandler(self.path)
        self.fallback.setFormatter(self.formatter)
        self.fallback.emit(record)


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
