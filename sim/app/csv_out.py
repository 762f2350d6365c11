"""Writing a run as CSV, to a file (atomically) or to standard output."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, TextIO


def _format(value) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def write_rows(rows: Iterable[dict], out: TextIO) -> int:
    writer = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(row.keys())
        writer.writerow(_format(v) for v in row.values())
        count += 1
    return count


def write_csv(rows: Iterable[dict], target: str) -> int:
    """Write rows to ``target`` ('-' for stdout). A file appears only when complete."""
    if target == "-":
        return write_rows(rows, sys.stdout)
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"{target}: folder {folder} does not exist")
    if path.is_dir():
        raise OSError(f"{target}: is a folder; give a file name for the CSV")
    fd, tmp = tempfile.mkstemp(prefix=".blockade-", suffix=".csv.part", dir=folder)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as out:
            count = write_rows(rows, out)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
