"""Kiosk counts: tallies per day, saved after every event, read back, a bad file kept
aside, and the staff report."""

from __future__ import annotations

import os
from datetime import date

import pytest

from sim.app.kiosk_counts import (
    HEADER,
    CountRow,
    Counts,
    read_rows,
    report_main,
    summarise,
)

DAY1, DAY2 = date(2026, 11, 21), date(2026, 11, 22)


class Calendar:
    """An injected clock: today is whatever the test says."""

    def __init__(self, today: date) -> None:
        self.today = today

    def __call__(self) -> date:
        return self.today


def csv_lines(folder) -> list[str]:
    return (folder / "counts.csv").read_text(encoding="utf-8").splitlines()


def test_every_event_is_saved_at_once_and_read_back(tmp_path):
    counts = Counts(tmp_path, clock=Calendar(DAY2))
    assert counts.warning is None
    assert counts.session_started() is None
    counts.language_used("es")
    for _ in range(3):
        counts.lesson_opened("after-detox")
    assert "2026-11-22,lesson_opened,after-detox,3" in csv_lines(tmp_path)
    counts.lesson_finished("after-detox")
    assert csv_lines(tmp_path) == [
        "date,event,detail,count",
        "2026-11-22,session_started,,1",
        "2026-11-22,lesson_opened,after-detox,3",
        "2026-11-22,lesson_finished,after-detox,1",
        "2026-11-22,language_used,es,1",
    ]
    # a restarted kiosk carries on from the file
    again = Counts(tmp_path, clock=Calendar(DAY2))
    again.lesson_finished("after-detox")
    assert "2026-11-22,lesson_finished,after-detox,2" in csv_lines(tmp_path)
    assert read_rows(tmp_path / "counts.csv") == again.rows()
    assert [p.name for p in tmp_path.iterdir()] == ["counts.csv"]  # no temporary left


def test_midnight_starts_a_new_day(tmp_path):
    calendar = Calendar(DAY1)
    counts = Counts(tmp_path, clock=calendar)
    counts.session_started()
    counts.session_started()
    calendar.today = DAY2
    counts.session_started()
    assert csv_lines(tmp_path)[1:] == ["2026-11-21,session_started,,2",
                                       "2026-11-22,session_started,,1"]


def test_only_ids_are_counted_never_free_text(tmp_path):
    counts = Counts(tmp_path, clock=Calendar(DAY1))
    for bad in ("", "Jane Doe", "a,b", "x" * 41, "line\nbreak"):
        with pytest.raises(ValueError):
            counts.lesson_opened(bad)
    assert not (tmp_path / "counts.csv").exists()


@pytest.mark.parametrize("text", [
    "date,event,count\n",  # wrong header
    "date,event,detail,count\n2026-11-22,session_started,,x\n",
    "date,event,detail,count\n2026-11-22,session_started,,0\n",
    "date,event,detail,count\n2026-02-30,session_started,,1\n",
    "date,event,detail,count\n20261122,session_started,,1\n",
    "date,event,detail,count\n2026-11-22,visitor_name,Jane,1\n",
    "date,event,detail,count\n2026-11-22,lesson_opened,,1\n",
    "date,event,detail,count\n2026-11-22,session_started,,1,extra\n",
])
def test_a_bad_file_is_kept_aside_and_counting_starts_afresh(tmp_path, text):
    (tmp_path / "counts.csv").write_text(text, encoding="utf-8")
    counts = Counts(tmp_path, clock=Calendar(DAY2))
    assert counts.warning is not None and "\n" not in counts.warning
    assert "counts.csv.bad-2026-11-22" in counts.warning
    assert (tmp_path / "counts.csv.bad-2026-11-22").read_text(encoding="utf-8") == text
    assert counts.rows() == []
    counts.session_started()
    assert csv_lines(tmp_path) == ["date,event,detail,count", "2026-11-22,session_started,,1"]


def test_a_second_bad_file_the_same_day_does_not_replace_the_first(tmp_path):
    for n in (1, 2):
        (tmp_path / "counts.csv").write_bytes(b"\xff\xfe not text %d" % n)
        assert Counts(tmp_path, clock=Calendar(DAY2)).warning
    assert (tmp_path / "counts.csv.bad-2026-11-22").read_bytes().endswith(b"1")
    assert (tmp_path / "counts.csv.bad-2026-11-22-2").read_bytes().endswith(b"2")


def test_a_file_that_cannot_be_written_gives_a_warning_not_a_crash(tmp_path):
    missing = tmp_path / "gone"
    counts = Counts(missing, clock=Calendar(DAY1))
    warning = counts.session_started()
    assert warning and "could not write" in warning and "\n" not in warning
    assert "counting in memory" in warning
    # said once: a full disk must not add a warning to the log for every visitor
    assert [counts.lesson_opened("rescue"), counts.session_started()] == [None, None]
    missing.mkdir()
    back = counts.session_started()  # the tally kept in memory goes out now
    assert back and "written again" in back and "\n" not in back
    assert counts.session_started() is None
    assert csv_lines(missing)[1:] == ["2026-11-21,session_started,,4",
                                      "2026-11-21,lesson_opened,rescue,1"]


def test_a_full_disk_warns_once_and_keeps_counting(tmp_path, monkeypatch):
    import errno

    counts = Counts(tmp_path, clock=Calendar(DAY1))
    counts.session_started()

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    warnings = [counts.session_started() for _ in range(5)]
    assert "No space left on device" in warnings[0] and warnings[1:] == [None] * 4
    assert csv_lines(tmp_path)[1] == "2026-11-21,session_started,,1"  # the old file whole
    assert [p.name for p in tmp_path.iterdir()] == ["counts.csv"]  # no .part left
    monkeypatch.undo()
    assert "written again" in counts.session_started()
    assert csv_lines(tmp_path)[1] == "2026-11-21,session_started,,7"


def test_without_a_state_folder_counts_are_kept_in_memory(tmp_path):
    counts = Counts(None, clock=Calendar(DAY1))
    assert counts.warning and "counting in memory" in counts.warning
    assert [counts.session_started(), counts.lesson_opened("rescue")] == [None, None]
    assert [(r.event, r.count) for r in counts.rows()] == [("session_started", 1),
                                                          ("lesson_opened", 1)]
    assert list(tmp_path.iterdir()) == []


def test_a_killed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    counts = Counts(tmp_path, clock=Calendar(DAY1))
    counts.session_started()
    before = csv_lines(tmp_path)

    def killed(*args):
        raise KeyboardInterrupt  # the process stopped between the write and the rename

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        counts.session_started()
    assert csv_lines(tmp_path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["counts.csv"]


def rows_for_two_days() -> list[CountRow]:
    return [
        CountRow(DAY1, "session_started", "", 4),
        CountRow(DAY1, "lesson_opened", "after-detox", 3),
        CountRow(DAY1, "lesson_finished", "after-detox", 1),
        CountRow(DAY1, "language_used", "en", 4),
        CountRow(DAY2, "session_started", "", 15),
        CountRow(DAY2, "lesson_opened", "blockade", 9),
        CountRow(DAY2, "lesson_opened", "after-detox", 2),
        CountRow(DAY2, "lesson_finished", "blockade", 6),
        CountRow(DAY2, "language_used", "es", 3),
        CountRow(DAY2, "language_used", "en", 12),
        CountRow(date(2026, 11, 1), "session_started", "", 99),  # outside the window
    ]


def test_summarise_two_days_with_totals_and_lessons():
    text = summarise(rows_for_two_days(), days=2, today=DAY2)
    assert text == (
        "kiosk counts: 2026-11-21 to 2026-11-22 (2 days)\n"
        "date         sessions   opened  finished  languages\n"
        "2026-11-21          4        3         1  en 4\n"
        "2026-11-22         15       11         6  en 12, es 3\n"
        "total              19       14         7  en 16, es 3\n"
        "\n"
        "lesson                 opened  finished\n"
        "blockade                    9         6\n"
        "after-detox                 5         1\n"
        "(counts only: no personal data, nothing finer than the day)\n"
    )


def test_summarise_shows_quiet_days_in_the_window():
    text = summarise(rows_for_two_days(), days=7, today=DAY2)
    lines = text.splitlines()
    assert lines[0] == "kiosk counts: 2026-11-16 to 2026-11-22 (7 days)"
    assert lines[2] == "2026-11-16          0        0         0  -"
    assert len([line for line in lines if line.startswith("2026-")]) == 7
    with pytest.raises(ValueError):
        summarise([], days=0, today=DAY2)


def test_report_with_no_file_says_so(tmp_path, capsys):
    assert report_main(7, tmp_path) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"no counts recorded yet in {tmp_path}") and out.count("\n") == 1
    assert not (tmp_path / "counts.csv").exists()


def test_report_prints_the_table(tmp_path, capsys):
    counts = Counts(tmp_path, clock=Calendar(DAY2))
    counts.session_started()
    counts.lesson_opened("rescue")
    assert report_main(1, tmp_path, today=DAY2) == 0
    out = capsys.readouterr().out
    assert "2026-11-22          1        1         0  -" in out
    assert "rescue                      1         0" in out


def test_report_names_a_bad_file_and_leaves_it(tmp_path, capsys):
    (tmp_path / "counts.csv").write_text("nonsense\n", encoding="utf-8")
    assert report_main(7, tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith("blockade: ") and "counts.csv:1: header is not" in err
    assert (tmp_path / "counts.csv").read_text(encoding="utf-8") == "nonsense\n"


def test_report_uses_the_state_folder_by_default(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path / "state"))
    assert report_main(7) == 0
    assert str(tmp_path / "state") in capsys.readouterr().out
    assert not (tmp_path / "state").exists()  # a report never creates the folder


def test_header_is_the_documented_one():
    assert ",".join(HEADER) == "date,event,detail,count"


@pytest.mark.parametrize("days,says", [
    ("800000", "at most 3660"),  # was OverflowError from the calendar
    ("100000", "at most 3660"),  # was 100,007 lines
    ("3661", "at most 3660"),
    ("0", "at least 1"),
    ("-3", "must not be negative"),
    ("many", "expected a whole number"),
])
def test_report_days_out_of_range_is_one_line_and_status_2(tmp_path, monkeypatch, capsys,
                                                           days, says):
    from sim.app.cli import main

    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path))
    Counts(tmp_path, clock=Calendar(DAY2)).session_started()
    assert main(["kiosk-report", f"--days={days}"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "--days" in err and says in err
    assert "Traceback" not in err


def test_report_days_at_the_limits(tmp_path, monkeypatch, capsys):
    from sim.app.cli import main

    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path))
    Counts(tmp_path, clock=Calendar(DAY2)).session_started()
    for days in (1, 3660):
        assert main(["kiosk-report", "--days", str(days)]) == 0
        out = capsys.readouterr().out
        # a title, a heading, a line a day, the total; then the lessons' table
        assert out.splitlines()[0].endswith(f"({days} {'day' if days == 1 else 'days'})")
        assert len(out.splitlines()) == days + 7
    with pytest.raises(ValueError):
        summarise([], 3661, DAY2)
