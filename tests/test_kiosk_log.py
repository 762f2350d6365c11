"""The kiosk's rotating log: tracebacks land in the file, once, and nowhere else."""

from __future__ import annotations

import logging
import logging.handlers
import re

import pytest

from sim.app.kiosk_log import close_kiosk_log, log_screen_error, open_kiosk_log


@pytest.fixture(autouse=True)
def closed_afterwards():
    yield
    close_kiosk_log()


def file_handlers(logger):
    return [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]


def flushed(logger) -> None:
    for handler in logger.handlers:
        handler.flush()


def broken_screen():
    raise ValueError("beat 12 out of range")


def test_a_screen_error_and_its_traceback_land_in_the_file(tmp_path):
    logger = open_kiosk_log(tmp_path)
    try:
        broken_screen()
    except ValueError as err:
        log_screen_error(logger, "lesson", err)
    flushed(logger)
    lines = (tmp_path / "blockade.log").read_text(encoding="utf-8").splitlines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR screen lesson: "
                        r"ValueError: beat 12 out of range", lines[0]), lines[0]
    assert lines[1] == "Traceback (most recent call last):"
    assert any("in broken_screen" in line for line in lines[2:])
    assert lines[-1] == "ValueError: beat 12 out of range"


def test_a_message_on_several_lines_keeps_the_header_on_one(tmp_path):
    logger = open_kiosk_log(tmp_path)
    log_screen_error(logger, "explore", RuntimeError("first\nsecond"))
    log_screen_error(logger, "home", KeyError())
    flushed(logger)
    text = (tmp_path / "blockade.log").read_text(encoding="utf-8")
    assert "ERROR screen explore: RuntimeError: first second\n" in text
    assert "ERROR screen home: KeyError\n" in text


def test_opening_twice_adds_no_second_handler(tmp_path):
    first = open_kiosk_log(tmp_path)
    second = open_kiosk_log(tmp_path)
    assert first is second and len(file_handlers(first)) == 1
    first.info("once")
    flushed(first)
    assert (tmp_path / "blockade.log").read_text(encoding="utf-8").count("once") == 1
    # another folder moves the log rather than writing to both
    other = tmp_path / "other"
    other.mkdir()
    open_kiosk_log(other)
    assert [h.baseFilename for h in file_handlers(first)] == [str(other / "blockade.log")]


def test_rotation_is_about_a_megabyte_times_five_in_utf8(tmp_path):
    (handler,) = file_handlers(open_kiosk_log(tmp_path))
    assert handler.maxBytes == 1_000_000 and handler.backupCount == 5
    assert handler.encoding == "utf-8"


def test_the_file_rotates_and_keeps_five_old_ones(tmp_path):
    logger = open_kiosk_log(tmp_path)
    (handler,) = file_handlers(logger)
    handler.maxBytes = 200  # small, so a few lines roll it over
    for i in range(100):
        logger.info("line %d é", i)
    flushed(logger)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["blockade.log", *(f"blockade.log.{i}" for i in range(1, 6))]


def test_nothing_reaches_the_root_logger(tmp_path):
    seen = []

    class Listener(logging.Handler):
        def emit(self, record):
            seen.append(record)

    root, listener = logging.getLogger(), Listener(logging.DEBUG)
    root.addHandler(listener)
    try:
        log_screen_error(open_kiosk_log(tmp_path), "lesson", ValueError("quiet"))
    finally:
        root.removeHandler(listener)
    assert seen == []
