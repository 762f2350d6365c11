"""The state folder: the platform's per-user place, the override, and making it."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from sim.app.state_dir import StateDirError, ensure_state_dir, state_dir


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh home folder and none of the variables that move the state folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))
    for name in ("BLOCKADE_STATE_DIR", "XDG_STATE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    return folder


def as_platform(monkeypatch, platform: str) -> None:
    # sys.platform only: os.name = "nt" would make pathlib build WindowsPaths here
    monkeypatch.setattr(sys, "platform", platform)


def test_linux_uses_xdg_state_home_else_local_state(home, tmp_path, monkeypatch):
    as_platform(monkeypatch, "linux")
    assert state_dir() == home / ".local" / "state" / "blockade"
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert state_dir() == tmp_path / "xdg" / "blockade"
    # the XDG spec: a relative (or empty) value is ignored
    monkeypatch.setenv("XDG_STATE_HOME", "relative/state")
    assert state_dir() == home / ".local" / "state" / "blockade"
    monkeypatch.setenv("XDG_STATE_HOME", "")
    assert state_dir() == home / ".local" / "state" / "blockade"


def test_bsd_follows_linux(home, monkeypatch):
    as_platform(monkeypatch, "freebsd14")
    assert state_dir() == home / ".local" / "state" / "blockade"


def test_macos_uses_application_support(home, monkeypatch):
    as_platform(monkeypatch, "darwin")
    monkeypatch.setenv("XDG_STATE_HOME", "/somewhere/else")  # not read on macOS
    assert state_dir() == home / "Library" / "Application Support" / "blockade"


def test_windows_uses_local_app_data_else_the_home_fallback(home, tmp_path, monkeypatch):
    as_platform(monkeypatch, "win32")
    assert state_dir() == home / "AppData" / "Local" / "blockade"
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert state_dir() == tmp_path / "local" / "blockade"


def test_the_override_wins_everywhere(home, tmp_path, monkeypatch):
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path / "clinic"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    for platform in ("linux", "darwin", "win32"):
        as_platform(monkeypatch, platform)
        assert state_dir() == tmp_path / "clinic"


def test_ensure_creates_the_folder_private(home, monkeypatch):
    as_platform(monkeypatch, "linux")
    old = os.umask(0o002)  # a permissive umask must not widen it
    try:
        folder = ensure_state_dir()
    finally:
        os.umask(old)
    assert folder == home / ".local" / "state" / "blockade" and folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert ensure_state_dir() == folder  # a second call is fine


def test_ensure_leaves_an_existing_folder_mode_alone(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o750)
    folder.chmod(0o750)
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(folder))
    ensure_state_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750


def test_a_file_in_the_way_is_one_clear_error(tmp_path, monkeypatch):
    (tmp_path / "state").write_text("not a folder")
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path / "state"))
    with pytest.raises(StateDirError, match="is not a folder") as info:
        ensure_state_dir()
    assert "\n" not in str(info.value) and "BLOCKADE_STATE_DIR" in str(info.value)
    # beneath a file: cannot be created
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path / "state" / "blockade"))
    with pytest.raises(StateDirError, match="cannot create the state folder"):
        ensure_state_dir()
    assert issubclass(StateDirError, OSError)  # the command line's OSError line catches it
