"""Reading and writing files without destroying, hanging or crashing.

Writing (``--csv PATH``, ``--screenshot PATH``, ``handout --out PATH``; the kiosk's
counts with ``force``):

- an existing *regular file* is replaced only with ``force`` (``--force``) or when
  it is the program's own previous output of that name (recognised from its first
  bytes: ``sim.app.own_outputs``); otherwise "FILE exists; use --force to replace
  it". A read-only one (no ``w`` in its mode, or not writable by this user) is never
  replaced, even with ``force``. Either way nothing is written.
- a new or replaceable *regular file* is written to a temporary file made with
  ``tempfile.mkstemp`` in the same folder (unpredictable name, ``O_EXCL``, so a
  planted link is never followed), then renamed over the target: the file
  appears only when complete. The temporary file is removed on every way out,
  including a signal (``sim.app.signals`` turns SIGTERM/SIGHUP/SIGINT into an
  exception). A new file gets ``0666 & ~umask``; a replaced file keeps its mode.
- a *symbolic link* to a regular file: the file it points to is written (as
  above, in the target's folder); the link itself stays a link. A link to
  nothing is refused.
- an existing path that is not a regular file (a FIFO, a character or block
  device such as ``/dev/null``, a socket) is never replaced: it is opened and
  written to as a stream. A FIFO nobody reads from is refused, not waited for.
- a folder is refused.

Reading (kiosk configs, plans, settings and scenario TOML; counts): only a regular
file of at most ``MAX_READ_BYTES`` is read; ``/dev/zero``, a FIFO or a folder is
refused after ``os.stat`` and before any read, and the file is opened non-blocking
so a file swapped for a FIFO in between cannot hang either. A leading UTF-8 byte-order mark
is dropped: Windows Notepad writes one, and TOML would call it an invalid statement.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from glob import escape as glob_escape
from pathlib import Path
from typing import IO, Callable, Iterator, Optional

from sim.bounded_read import O_NONBLOCK, read_bounded, read_head

from .own_outputs import HEAD_BYTES

from .signals import held as held_signals

MAX_READ_BYTES = 1_000_000


class OutputError(OSError):
    """A path that cannot be written safely; the message names it."""


class OutputExists(OutputError):
    """An existing file that is not the program's own previous output, without --force."""


class InputError(OSError):
    """A file that cannot be read safely; the message names it."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _open_stream(path: str, binary: bool) -> IO:
    """Open an existing FIFO or device for writing, without creating or truncating."""
    flags = os.O_WRONLY | O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise OutputError(f"{path}: is a pipe (FIFO) that nobody is reading") from None
        raise OutputError(f"{path}: cannot be written ({err.strerror})") from None
    os.set_blocking(fd, True)  # now that a reader is there, write at its pace
    if binary:
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", newline="", encoding="utf-8")


#: recognises the program's own previous output from the file's first bytes
#: (``sim.app.own_outputs``); None: nothing is recognised, only ``force`` replaces
IsOwn = Optional[Callable[[bytes], bool]]


def check_output(target: str, force: bool = False, is_own: IsOwn = None) -> os.stat_result | None:
    """Refuse, in one line (OutputError), a target that will not be written: a folder, a
    link to nothing, a read-only file (never replaced, even with ``force``), or an
    existing regular file that is neither ``force``d nor the program's own previous
    output (``is_own`` of its first bytes). Its ``os.stat`` (None: no file yet) if it
    will. A FIFO or device (``/dev/null``) is written to as a stream: never refused here.
    Commands call it before any work, and ``open_output`` again just before writing."""
    path = Path(target)
    try:
        st = os.stat(path)  # follows links: what would be written
    except FileNotFoundError:
        if path.is_symlink():
            raise OutputError(f"{target}: is a link to a missing file; refusing to follow it") \
                from None
        return None
    except OSError as err:
        raise OutputError(f"{target}: cannot be written ({err.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{target}: is a folder; give a file name")
    if not stat.S_ISREG(st.st_mode):
        return st
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) \
            or not os.access(path, os.W_OK):
        # made read-only (chmod 444): it was replaced whole, as its folder allowed (and
        # root may write anything); a file nobody may write is kept, --force or not
        raise OutputError(f"{target}: is read-only; not replaced (make it writable, or "
                          "give another name)")
    if not force and not (is_own is not None and is_own(read_head(path, HEAD_BYTES))):
        raise OutputExists(f"{target} exists; use --force to replace it")
    return st


@contextlib.contextmanager
def open_output(target: str, binary: bool = False, *, force: bool = False,
                is_own: IsOwn = None) -> Iterator[IO]:
    """A file object for ``target``, written as described in the module docstring, if
    ``check_output(target, force, is_own)`` allows it.

    On a normal exit from the ``with`` block a regular file is put in place; on any
    exception (a signal included) the temporary file is removed and ``target`` is
    left as it was.
    """
    path = Path(target)
    st = check_output(target, force, is_own)
    if st is not None and not stat.S_ISREG(st.st_mode):
        with _open_stream(str(path), binary) as stream:
            yield stream
        return
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = real.parent if str(real.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    remove_stale_parts(folder, real.name)
    tmp = out = None
    try:
        # a stop signal waits until the file is open under a known name, so the
        # clean-up below always has the temporary file it must close and remove
        with held_signals():
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part",
                                           dir=folder)
            except OSError as err:
                raise OutputError(f"{target}: cannot write in {folder} ({err.strerror})") \
                    from None
            if binary:
                out = os.fdopen(fd, "wb")
            else:
                out = os.fdopen(fd, "w", newline="", encoding="utf-8")
        if hasattr(os, "fchmod"):  # Windows before Python 3.13 has none (no modes there)
            os.fchmod(out.fileno(), mode)
        with out:
            yield out
        os.replace(tmp, real)
    except BaseException:
        if out is not None:
            with contextlib.suppress(OSError):
                out.close()
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


#: a temporary file this old beside its output was left by a run killed while writing
#: (SIGKILL, a power cut): the next write of that output removes it
STALE_PART_SECONDS = 600.0


def remove_stale_parts(folder: Path, name: str) -> None:
    """Remove this program's own leftovers for output ``name`` in ``folder``: regular
    files named ``.{name}.*.part`` (``mkstemp``'s) older than STALE_PART_SECONDS. A
    younger one may be another run writing now, and nothing else is touched."""
    now = time.time()
    try:
        leftovers = list(folder.glob(f".{glob_escape(name)}.*.part"))
    except OSError:
        return
    for part in leftovers:
        try:
            st = os.lstat(part)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_PART_SECONDS:
                part.unlink()
        except OSError:
            continue  # gone already, or not ours to remove


def write_bytes(target: str, data: bytes, *, force: bool = False, is_own: IsOwn = None) -> None:
    with open_output(target, binary=True, force=force, is_own=is_own) as out:
        out.write(data)


def read_text(path: str | os.PathLike, error=InputError, what: str = "file",
              max_bytes: int = MAX_READ_BYTES) -> str:
    """The UTF-8 text of a small regular file (without a leading byte-order mark), or
    ``error`` with one line naming it (read as ``sim.bounded_read`` reads every file)."""
    data = read_bounded(path, max_bytes, error, what)
    try:
        # "utf-8-sig" drops one BOM at the start (Notepad's) and leaves any other alone
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{path}: is not UTF-8 text") from None


def parse_toml(text: str, path: str | os.PathLike, error) -> dict:
    """``tomllib.loads``, with every failure (any nesting depth) as one ``error`` line."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise error(f"{path}: not valid TOML: {err}") from None
    except RecursionError:
        raise error(f"{path}: not valid here: nested too deeply") from None
    except (ValueError, MemoryError) as err:
        raise error(f"{path}: not valid TOML: {err}") from None
