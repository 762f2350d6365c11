"""SIGTERM, SIGINT and SIGHUP end any command cleanly and quickly.

``stopping_on_signals()`` turns each of them into a ``Stopped`` exception in the
main thread, so ``finally`` blocks run (``safe_files`` removes its temporary
file, the window's pygame is closed at exit) and ``cli.main`` prints one line and
returns ``128 + signal number`` (143 for SIGTERM, 130 for SIGINT, 129 for SIGHUP),
as shells do. Python runs the handler between bytecodes, so a model step, a frame
or the window's idle wait (at most a quarter of a second) ends first.

The handlers are installed before pygame starts: SDL only installs its own
SIGINT/SIGTERM handler (which turns them into a QUIT event a screenshot never
reads) where none is set, and ``SDL_NO_SIGNAL_HANDLERS`` tells it not to at all.
SIGKILL cannot be caught: a killed run may leave a ``.NAME.*.part`` file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from typing import Iterator

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class Stopped(BaseException):
    """A stop signal arrived (a BaseException, like KeyboardInterrupt: never swallowed)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


#: the stop signal that arrived in the current ``stopping_on_signals`` block, if any
_fired: list[int] = []
#: how many ``held()`` blocks are open: while any is, a signal is recorded, not raised
_holding: list[int] = [0]


def check() -> None:
    """Raise ``Stopped`` if a stop signal has arrived. The handler raises it at once,
    but an exception raised while a module is being imported can be swallowed by the
    import machinery (seen: a SIGTERM during a lazy import let a run finish with exit
    0), so the loops that do the work (CSV rows, screenshot frames, the window) call
    this too."""
    if _fired:
        raise Stopped(_fired[0])


@contextlib.contextmanager
def held() -> Iterator[None]:
    """A few lines that must not be cut in two by a stop signal (a temporary file
    created and its removal not yet promised: a signal between the two left a
    ``.part`` file behind on a loaded machine). A signal that arrives inside is raised
    as ``Stopped`` when the block ends, unless the block raised something else."""
    _holding[0] += 1
    try:
        yield
    finally:
        _holding[0] -= 1
    check()


@contextlib.contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within the block, a stop signal raises ``Stopped`` (once; later ones are ignored
    so clean-up is not interrupted). Previous handlers are restored afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    fired = _fired
    fired.clear()

    def handler(signum, frame):
        if fired:
            return
        fired.append(signum)
        if _holding[0]:
            return  # raised when the held() block ends
        raise Stopped(signum)

    previous = {}
    for signum in SIGNALS:
        try:
            previous[signum] = signal.signal(signum, handler)
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(signum, old if old is not None else signal.SIG_DFL)
        # the block is over: a signal it caught must not stop later work in this
        # process (a test that runs the window after one that was signalled)
        fired.clear()
