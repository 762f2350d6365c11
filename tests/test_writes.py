"""How frames reach the screen, and what that writes (issue 24 items 9 and 10)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from sim.app import launch


def test_frames_reach_the_screen_without_gl_unless_the_environment_says(monkeypatch):
    """SDL's framebuffer 'acceleration' through software GL took 89 % of a core for
    Explore in a real 1920x1080 window, 21 % without; a value set by the person running
    it is kept."""
    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION", raising=False)
    monkeypatch.delenv("MESA_SHADER_CACHE_DISABLE", raising=False)
    launch.present_without_gl()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "0"
    assert os.environ["MESA_SHADER_CACHE_DISABLE"] == "true"
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "1")
    launch.present_without_gl()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "1"


@pytest.mark.skipif(not (shutil.which("strace") and shutil.which("Xvfb")),
                    reason="needs strace and Xvfb")
def test_a_real_window_writes_nothing_outside_the_state_folder(tmp_path):
    """The program in a real X window, traced: no file opened for writing and no folder
    made, anywhere (Mesa wrote ~/.cache/mesa_shader_cache/index through SDL)."""
    display = ":%d" % (150 + os.getpid() % 100)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "800x600x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        env = {k: v for k, v in os.environ.items()
               if k not in ("SDL_VIDEODRIVER", "SDL_FRAMEBUFFER_ACCELERATION",
                            "MESA_SHADER_CACHE_DISABLE")}
        env.update(DISPLAY=display, HOME=str(tmp_path / "home"),
                   BLOCKADE_STATE_DIR=str(tmp_path / "state"))
        (tmp_path / "home").mkdir()
        trace = tmp_path / "trace.txt"
        subprocess.run(["timeout", "6", "strace", "-f", "-e", "trace=openat,mkdir,creat",
                        "-o", str(trace), sys.executable, "-m", "sim", "--screen", "explore",
                        "--size", "800x600"], env=env, cwd=tmp_path,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
        lines = trace.read_text().splitlines()
        assert any("openat" in line for line in lines), "nothing traced"
        writes = [line for line in lines
                  if any(flag in line for flag in ("O_WRONLY", "O_RDWR", "O_CREAT", "mkdir("))
                  and "ENOENT" not in line and '"/dev/' not in line
                  and '"/proc/' not in line and "__pycache__" not in line]
        assert writes == [], writes
    finally:
        xvfb.terminate()
        xvfb.wait()
