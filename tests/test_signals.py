"""A stop signal whose exception is swallowed on its way still stops the work.

Seen in the wild: a SIGTERM that arrived while a module was being imported raised
``Stopped`` inside the import machinery, which swallowed it, and the CSV run went
on to finish with exit 0. The work loops call ``signals.check()`` for that case."""

from __future__ import annotations

import os
import signal

import pytest

from sim.app import signals
from sim.app.csv_out import write_rows


def test_a_swallowed_stop_is_raised_again_by_check():
    with signals.stopping_on_signals():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # the handler runs between bytecodes
                pass
        except signals.Stopped:
            pass  # swallowed, as the import machinery once did
        with pytest.raises(signals.Stopped):
            signals.check()


def test_the_csv_loop_stops_after_a_swallowed_stop(tmp_path):
    rows = ({"step": i} for i in range(10))
    with signals.stopping_on_signals():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):
                pass
        except signals.Stopped:
            pass
        with open(tmp_path / "out.csv", "w") as out, pytest.raises(signals.Stopped):
            write_rows(rows, out)


def test_no_signal_no_stop():
    with signals.stopping_on_signals():
        signals.check()  # nothing arrived: nothing raised


def test_a_signal_caught_in_one_block_does_not_stop_work_after_it():
    """Once the block is over (the command it guarded has ended), nothing is left armed:
    the next work in the same process (another test, another command) is not stopped."""
    with pytest.raises(signals.Stopped):
        with signals.stopping_on_signals():
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):
                pass
    signals.check()  # nothing raised: the signal belonged to the block that caught it


def test_a_signal_inside_held_waits_for_the_block_to_end():
    reached = []
    with signals.stopping_on_signals(), pytest.raises(signals.Stopped):
        with signals.held():
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):
                pass
            reached.append("end of the held block")
    assert reached == ["end of the held block"]


def test_a_signal_while_the_temporary_file_is_made_leaves_no_file(tmp_path, monkeypatch):
    # the race seen on a loaded CI machine: the signal lands after mkstemp has made
    # the .part file and before the clean-up knew its name
    import tempfile

    from sim.app import safe_files

    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_signal(*args, **kwargs):
        made = real_mkstemp(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):
            pass
        return made

    monkeypatch.setattr(safe_files.tempfile, "mkstemp", mkstemp_then_signal)
    with signals.stopping_on_signals(), pytest.raises(signals.Stopped):
        with safe_files.open_output(str(tmp_path / "out.csv")) as out:
            out.write("never\n")
    assert os.listdir(tmp_path) == []


def test_ctrl_c_while_the_program_is_imported_ends_quietly_with_130(monkeypatch, capsys):
    """Ctrl+C during the imports (pygame, numpy) printed a KeyboardInterrupt traceback:
    the entry point guards them (issue 24 item 8)."""
    import builtins
    import sys

    from sim import entry

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "sim.app.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "sim.app.cli", raising=False)
    monkeypatch.setattr(builtins, "__import__", interrupted)
    assert entry.run() == 130
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
