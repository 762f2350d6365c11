"""No usable display: one line and exit 2, never an invisible window (issue 13, item 5).

SDL falls back to its "offscreen" driver when no X11 or Wayland session is
reachable; the window command must say so instead of running forever showing
nothing. "dummy"/"offscreen" are fine when SDL_VIDEODRIVER names them (these
tests, ``--screenshot``, ``bench``). And no ``dbus-launch`` probe is started.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

TIMEOUT = 60


def window_env(**changes) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("BLOCKADE_BENCH_FIRST_FRAME", "BLOCKADE_ASSETS"):
        env.pop(name, None)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_window(env, *args) -> subprocess.CompletedProcess:
    """The window command; a timeout here means a window that runs showing nothing."""
    return subprocess.run([sys.executable, "-m", "sim", *args], env=env,
                          capture_output=True, text=True, timeout=TIMEOUT)


def assert_one_line_exit_2(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.splitlines()
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1, lines
    return lines[0]


def test_no_display_says_so_in_one_line():
    env = window_env(DISPLAY=None, WAYLAND_DISPLAY=None, SDL_VIDEODRIVER=None)
    line = assert_one_line_exit_2(run_window(env))
    assert "no display" in line


def test_no_display_with_a_runtime_dir_says_so_in_one_line(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = window_env(DISPLAY=None, WAYLAND_DISPLAY=None, SDL_VIDEODRIVER=None,
                     XDG_RUNTIME_DIR=str(runtime))
    assert "no display" in assert_one_line_exit_2(run_window(env))


def test_a_bogus_video_driver_is_one_line():
    line = assert_one_line_exit_2(run_window(window_env(SDL_VIDEODRIVER="nonsense")))
    assert "SDL_VIDEODRIVER" in line and "nonsense" in line


def test_a_bogus_video_driver_is_one_line_for_a_screen_too():
    done = run_window(window_env(SDL_VIDEODRIVER="nonsense"), "--screen", "explore")
    assert_one_line_exit_2(done)


def test_the_dummy_driver_is_fine_when_asked_for():
    """Tests and `blockade bench` name the dummy driver: the window starts and shows a frame."""
    env = window_env(SDL_VIDEODRIVER="dummy", BLOCKADE_BENCH_FIRST_FRAME="1")
    done = run_window(env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first-frame"), done.stdout
    assert done.stderr == ""


def test_a_screenshot_needs_no_display(tmp_path):
    env = window_env(DISPLAY=None, WAYLAND_DISPLAY=None, SDL_VIDEODRIVER=None)
    done = run_window(env, "--screenshot", str(tmp_path / "shot.png"), "--frames", "1")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "shot.png").is_file()


def test_start_display_turns_off_the_dbus_autolaunch(monkeypatch):
    """Without a session bus, libdbus would spawn `dbus-launch --autolaunch`: "disabled:"
    is an address it refuses at once; a real session's address is left alone."""
    from sim.app import launch

    code = textwrap.dedent("""
        import os
        from sim.app.launch import start_display
        start_display(headless=True)
        print(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
    """)
    env = window_env(DBUS_SESSION_BUS_ADDRESS=None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=TIMEOUT)
    assert done.stdout.strip() == "disabled:", done.stderr
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/run/user/1000/bus"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=TIMEOUT)
    assert done.stdout.strip() == "unix:path=/run/user/1000/bus", done.stderr
    assert launch.NO_DISPLAY_DRIVERS == ("offscreen", "dummy")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb (apt-get install xvfb)")
def test_no_dbus_launch_probe_on_a_real_x_display(tmp_path):
    """On an X display with no session bus, the window opens without running dbus-launch."""
    fake = tmp_path / "bin"
    fake.mkdir()
    marker = tmp_path / "dbus-launch-ran"
    probe = fake / "dbus-launch"
    probe.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    probe.chmod(0o755)
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24",
                               "-nolisten", "tcp"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        number = server.stdout.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        env = window_env(DISPLAY=f":{number}", WAYLAND_DISPLAY=None, SDL_VIDEODRIVER=None,
                         DBUS_SESSION_BUS_ADDRESS=None, BLOCKADE_BENCH_FIRST_FRAME="1",
                         PATH=f"{fake}{os.pathsep}{os.environ.get('PATH', '')}")
        done = run_window(env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("first-frame"), (done.stdout, done.stderr)
        assert not marker.exists(), "dbus-launch was started"
    finally:
        server.terminate()
        server.wait(timeout=10)
