"""Per-day counts for the clinic, opt-in (``[counts] enabled = true``) and local.

A clinic wants to know whether the screen is used, and which lessons and languages
visitors choose; it must not learn, or keep, anything about a person. So only four
tallies are kept, per calendar day, and nothing else: no times finer than the day,
no order of events, no identifiers, no network, ever.

``counts.csv`` in the state folder, one row per (day, event, detail):

    date,event,detail,count
    2026-11-22,session_started,,14
    2026-11-22,lesson_opened,after-detox,5
    2026-11-22,lesson_finished,after-detox,3
    2026-11-22,language_used,es,4

Each event rewrites the whole file atomically (a temporary file in the same folder,
then ``os.replace``: ``safe_files.open_output``), so a kiosk killed at any moment
loses at most the event being written and never leaves half a file. A file that
cannot be read as above is renamed ``counts.csv.bad-<date>`` and counting starts
afresh; this module logs nothing itself and hands the caller a warning to log.
``blockade kiosk-report [--days N]`` prints ``summarise``'s table.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from .safe_files import open_output, read_text

FILE_NAME = "counts.csv"
HEADER = ("date", "event", "detail", "count")
EVENTS = ("session_started", "lesson_opened", "lesson_finished", "language_used")
#: years of counts are well under this (about 1 KB a day)
MAX_FILE_BYTES = 20_000_000
#: ``kiosk-report --days``: ten years at most (a line a day: more is no report, and far
#: more runs off the calendar)
MAX_REPORT_DAYS = 3660
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: a lesson id or a language code: never free text, so never anything personal
_DETAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
_COUNT = re.compile(r"[1-9][0-9]{0,9}")


class CountRow(NamedTuple):
    day: date
    event: str
    detail: str  # "" for session_started
    count: int


class CountsFileError(ValueError):
    """counts.csv is not a file this module wrote; the message names the file and line."""


def read_rows(path: Path) -> list[CountRow]:
    """The rows of ``path``; [] if it does not exist; ``CountsFileError`` if it is
    not a counts file (a wrong header or row, not text, not a regular file)."""
    try:
        text = read_text(path, CountsFileError, "counts file", max_bytes=MAX_FILE_BYTES)
    except CountsFileError:
        if not os.path.lexists(path):
            return []
        raise
    lines = csv.reader(io.StringIO(text, newline=""))
    header = next(lines, None)
    if header is None:
        return []  # an empty file: nothing counted yet
    if tuple(header) != HEADER:
        raise CountsFileError(f"{path}:1: header is not {','.join(HEADER)}")
    rows = []
    for n, fields in enumerate(lines, 2):
        if not fields:
            continue
        rows.append(_row(fields, f"{path}:{n}"))
    return rows


def _row(fields: list[str], where: str) -> CountRow:
    if len(fields) != len(HEADER):
        raise CountsFileError(f"{where}: {len(fields)} fields, expected {len(HEADER)}")
    day, event, detail, count = fields
    if not _DATE.fullmatch(day):
        raise CountsFileError(f"{where}: date {day!r} is not YYYY-MM-DD")
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise CountsFileError(f"{where}: date {day!r} is not a day of the calendar") from None
    if event not in EVENTS:
        raise CountsFileError(f"{where}: unknown event {event!r}")
    if (event == "session_started") != (detail == "") or (detail and not
                                                          _DETAIL.fullmatch(detail)):
        raise CountsFileError(f"{where}: detail {detail!r} does not fit event {event}")
    if not _COUNT.fullmatch(count):
        raise CountsFileError(f"{where}: count {count!r} is not a whole number above 0")
    return CountRow(when, event, detail, int(count))


def _tally(rows: Iterable[CountRow]) -> dict[tuple[date, str, str], int]:
    tally: dict[tuple[date, str, str], int] = {}
    for row in rows:
        key = (row.day, row.event, row.detail)
        tally[key] = tally.get(key, 0) + row.count
    return tally


def _set_aside(path: Path, today: date) -> Path:
    """Rename a bad counts file out of the way, never over an earlier one."""
    target = path.with_name(f"{path.name}.bad-{today.isoformat()}")
    n = 1
    while os.path.lexists(target):
        n += 1
        target = path.with_name(f"{path.name}.bad-{today.isoformat()}-{n}")
    os.replace(path, target)
    return target


class Counts:
    """The running tally, saved after every event.

    ``folder`` None (no state folder could be made): the tally is kept in memory only.
    ``clock`` gives today's date (the local calendar day); tests inject their own.
    ``warning`` is None, or one line for the caller to log (a bad file set aside, or
    no folder). The event methods return None, or a warning when the file could not be
    written (a full disk, say): the tally stays in memory and goes out with the next
    event, and the kiosk carries on. That warning comes once, not with every event
    while the disk stays full, and one line says when the file is written again."""

    def __init__(self, folder: Path | None, clock: Callable[[], date] = date.today) -> None:
        self.path = None if folder is None else Path(folder) / FILE_NAME
        self.clock = clock
        self.warning: str | None = None
        self.failing = False  # the last save failed (and said so)
        if self.path is None:
            self.warning = ("counts: no state folder to keep counts.csv in; counting in "
                            "memory (lost when the kiosk stops)")
            self.tally: dict[tuple[date, str, str], int] = {}
            return
        try:
            rows = read_rows(self.path)
        except CountsFileError as err:
            rows = []
            try:
                kept = _set_aside(self.path, clock())
                self.warning = f"counts: {err}; kept it as {kept.name} and started afresh"
            except OSError as move:
                self.warning = (f"counts: {err}; could not keep it aside ({move.strerror}), "
                                "counting in memory")
        self.tally = _tally(rows)

    def session_started(self) -> str | None:
        return self._add("session_started", "")

    def lesson_opened(self, lesson_id: str) -> str | None:
        return self._add("lesson_opened", lesson_id)

    def lesson_finished(self, lesson_id: str) -> str | None:
        return self._add("lesson_finished", lesson_id)

    def language_used(self, code: str) -> str | None:
        return self._add("language_used", code)

    def rows(self) -> list[CountRow]:
        """Every row, by day, then event (in ``EVENTS`` order), then detail."""
        order = {event: i for i, event in enumerate(EVENTS)}
        keys = sorted(self.tally, key=lambda k: (k[0], order[k[1]], k[2]))
        return [CountRow(*key, self.tally[key]) for key in keys]

    def _add(self, event: str, detail: str) -> str | None:
        if event != "session_started" and not _DETAIL.fullmatch(detail):
            raise ValueError(f"{event}: {detail!r} is not a lesson id or language code")
        key = (self.clock(), event, detail)
        self.tally[key] = self.tally.get(key, 0) + 1
        return self._save()

    def _save(self) -> str | None:
        if self.path is None:
            return None  # said once, at the start
        try:
            # the kiosk's own file in its state folder, rewritten at every count
            with open_output(str(self.path), force=True) as out:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(HEADER)
                for row in self.rows():
                    writer.writerow((row.day.isoformat(), row.event, row.detail, row.count))
                out.flush()
                os.fsync(out.fileno())  # on disk before the rename makes it the file
        except OSError as err:  # OutputError included
            if self.failing:
                return None
            self.failing = True
            reason = err.strerror or str(err)
            return (f"counts: could not write {self.path} ({reason}); counting in memory "
                    "until it can be written (this is said once)")
        if self.failing:
            self.failing = False
            return f"counts: {self.path} written again, with the counts kept in memory"
        return None


# -- the report ---------------------------------------------------------------------


def summarise(rows: Iterable[CountRow], days: int, today: date) -> str:
    """A plain-text table of the ``days`` days up to ``today``: one line per day
    (sessions started, lessons opened and finished, languages used), a total line,
    then lessons opened and finished over those days."""
    if not 1 <= days <= MAX_REPORT_DAYS:
        raise ValueError(f"days must be 1 to {MAX_REPORT_DAYS}, got {days}")
    first = today - timedelta(days=days - 1)
    tally = _tally(r for r in rows if first <= r.day <= today)
    span = [first + timedelta(days=i) for i in range(days)]

    def total(event: str, day: date | None = None) -> int:
        return sum(n for (d, e, _), n in tally.items() if e == event and day in (None, d))

    def languages(day: date | None = None) -> str:
        used: dict[str, int] = {}
        for (d, e, detail), n in tally.items():
            if e == "language_used" and day in (None, d):
                used[detail] = used.get(detail, 0) + n
        ordered = sorted(used.items(), key=lambda item: (-item[1], item[0]))
        return ", ".join(f"{code} {n}" for code, n in ordered) or "-"

    plural = "day" if days == 1 else "days"
    lines = [f"kiosk counts: {first} to {today} ({days} {plural})",
             f"{'date':<12}{'sessions':>9}{'opened':>9}{'finished':>10}  languages"]
    for label, day in [*((d.isoformat(), d) for d in span), ("total", None)]:
        lines.append(f"{label:<12}{total('session_started', day):>9}"
                     f"{total('lesson_opened', day):>9}{total('lesson_finished', day):>10}"
                     f"  {languages(day)}")
    lessons = _lesson_order({d for (_, e, d) in tally if e.startswith("lesson_")})
    lines += ["", f"{'lesson':<20}{'opened':>9}{'finished':>10}"]
    for lesson in lessons:
        opened = sum(n for (_, e, d), n in tally.items() if e == "lesson_opened" and d == lesson)
        done = sum(n for (_, e, d), n in tally.items() if e == "lesson_finished" and d == lesson)
        lines.append(f"{lesson:<20}{opened:>9}{done:>10}")
    if not lessons:
        lines.append("(no lessons opened)")
    lines.append("(counts only: no personal data, nothing finer than the day)")
    return "\n".join(lines) + "\n"


def _lesson_order(ids: set[str]) -> list[str]:
    """Known lessons in the suggested order, then any others (an older version's)."""
    from sim.lessons import LESSONS

    known = [lesson for lesson in LESSONS if lesson in ids]
    return known + sorted(ids - set(known))


def report_main(days: int, folder: Path | None = None, today: date | None = None) -> int:
    """``blockade kiosk-report [--days N]``: print the summary; exit status."""
    if folder is None:
        from .state_dir import state_dir

        folder = state_dir()  # only named: a report never creates the folder
    path = Path(folder) / FILE_NAME
    try:
        rows = read_rows(path)
    except CountsFileError as err:
        print(f"blockade: {err}", file=sys.stderr)
        return 2
    if not rows:
        print(f"no counts recorded yet in {folder} (counts are kept only with "
              "[counts] enabled = true in the kiosk config)")
        return 0
    print(summarise(rows, days, today or date.today()), end="")
    return 0
