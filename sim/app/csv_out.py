"""Writing a run as CSV, to a file (atomically, never destroying what is there) or to
standard output."""

from __future__ import annotations

import csv
import sys
from typing import Iterable, TextIO

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


def write_csv(rows: Iterable[dict], target: str) -> int:
    """Write rows to ``target`` ('-' for stdout). A regular file appears only when
    complete; a pipe or device is written to as a stream (see ``safe_files``)."""
    if target == "-":
        return write_rows(rows, sys.stdout)
    with open_output(target) as out:
        return write_rows(rows, out)
