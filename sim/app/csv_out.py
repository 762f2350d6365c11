"""Writing a run as CSV, to a file (atomically, never destroying what is there) or to
standard output."""

from __future__ import annotations

import csv
import sys
from itertools import chain
from typing import Iterable, TextIO

from .own_outputs import csv_with_header
from .safe_files import open_output
from .signals import check as check_signals


def _format(value) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def write_rows(rows: Iterable[dict], out: TextIO) -> int:
    writer = None
    count = 0
    for row in rows:
        check_signals()  # a stop signal whose exception was swallowed still stops the run
        if writer is None:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(row.keys())
        writer.writerow(_format(v) for v in row.values())
        count += 1
    return count


def write_csv(rows: Iterable[dict], target: str, force: bool = False) -> int:
    """Write rows to ``target`` ('-' for stdout). A regular file appears only when
    complete; a pipe or device is written to as a stream (see ``safe_files``). An
    existing file is replaced only with ``force`` or when its first line is this run's
    header row (``own_outputs``): an earlier ``blockade run --csv`` of the same name."""
    if target == "-":
        return write_rows(rows, sys.stdout)
    rows = iter(rows)
    first = next(rows, None)  # one step, so the header is known before the file is
    header = ",".join(first) if first is not None else ""
    with open_output(target, force=force, is_own=csv_with_header(header)) as out:
        return write_rows(chain([first] if first is not None else [], rows), out)
