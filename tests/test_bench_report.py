"""``blockade bench`` reports what issue 24 asks of it (items 4, 5, 9): every soak's
slope, the first-time action costs, and a real window's presentation cost or why it
was skipped. The figures themselves are timings (never asserted in tests); here the
report's lines and the pieces' logic, with the measurements replaced."""

from __future__ import annotations

import json
import types

import pytest

from sim.app import bench, bench_actions, bench_kiosk, bench_window, cli_commands


@pytest.fixture
def canned(monkeypatch):
    monkeypatch.setattr(bench, "measure_model", lambda: {"500": 0.1})
    monkeypatch.setattr(bench, "frame_ms", lambda ids: {"home": 1.0})
    monkeypatch.setattr(bench, "frame_ms_by_size", lambda ids: {"1280x720": {"home": 1.0}})
    monkeypatch.setattr(bench, "startup_s", lambda: 0.3)
    monkeypatch.setattr(bench_kiosk, "attract_cpu_by_lesson", lambda: {"blockade": 0.1})
    monkeypatch.setattr(bench_actions, "action_ms", lambda: {
        "cold": {"switch to ar": 79.0, "open blockade": 61.0},
        "warmed": {"switch to ar": 20.0, "open blockade": 30.0}})
    monkeypatch.setattr(bench, "soak_rss_growth_mb", lambda frames: {
        name: {"growth_mb": 1.0, "slope_mb_per_100k": 0.5} for name in bench.SOAK_SCENARIOS})


def test_the_report_names_slopes_actions_and_the_window(canned, monkeypatch, capsys):
    monkeypatch.setattr(bench_window, "window_costs", lambda: {
        "display": "Xvfb :5", **{name: {"driver": "x11", "flip_ms": 1.5, "cpu_share": {
            s: {"share": 0.2, "fps": 60.0, "cpu_ms_per_frame": 3.3}
            for s in bench_window.SCENARIOS}} for name in bench_window.PRESENTATIONS}})
    assert cli_commands.cmd_bench(types.SimpleNamespace(json=False, soak_frames=1000)) == 0
    out = capsys.readouterr().out
    assert "actions, first time, cold (median ms, slowest first): switch to ar 79, open " \
           "blockade 61" in out
    assert "presentation chosen: flip 1.50 ms" in out and "attract 20% (60 fps" in out
    assert out.count("second half +0.5 MB per 100,000 frames (budget 5)") == 4


def test_no_display_is_one_clear_line(canned, monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(bench_window.shutil, "which", lambda name: None)
    assert bench_window.window_costs() == {
        "skipped": "no display (DISPLAY is not set and Xvfb is not installed)"}
    assert cli_commands.cmd_bench(types.SimpleNamespace(json=True, soak_frames=0)) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["window"]["skipped"].startswith("no display")
    assert "soak_rss_growth_mb" not in report


def test_the_slope_is_the_second_half_line():
    # growth that levels off: the first half's filling does not count
    readings = [(10_000 * i, min(i, 5) * 2.0 + 0.01 * i) for i in range(1, 11)]
    assert bench.slope_mb_per_100k(readings) == pytest.approx(0.1, abs=0.01)
    steady = [(10_000 * i, 0.5 * i) for i in range(1, 11)]  # 5 MB per 100,000 frames
    assert bench.slope_mb_per_100k(steady) == pytest.approx(5.0)
    assert bench.slope_mb_per_100k([(1, 1.0)]) != bench.slope_mb_per_100k([(1, 1.0)])  # NaN
