"""Config files as people write them: Windows Notepad starts a UTF-8 file with a
byte-order mark, which TOML calls "Invalid statement (at line 1, column 1)". Every
TOML file a person gives Blockade is read through safe_files.read_text, which drops it;
each kind is checked here so a new reader that bypasses it is caught."""

from __future__ import annotations

import pytest

BOM = "\ufeff"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_bytes((BOM + text).encode("utf-8"))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    return path


def test_a_kiosk_config_with_a_bom(tmp_path):
    from sim.app.kiosk_config import load_kiosk_config

    config = load_kiosk_config(write(tmp_path, "kiosk.toml", 'idle_seconds = 60\n'
                                     'lessons = ["rescue"]\n'))
    assert config.idle_seconds == 60 and config.lessons == ("rescue",)


def test_a_plan_with_a_bom(tmp_path):
    from sim.app.plans import load_plan

    plan = load_plan(write(tmp_path, "plan.toml", 'profile = "dark"\n'
                           '[[item]]\nlesson = "rescue"\n'))
    assert plan.profile == "dark" and [i.screen for i in plan.items] == ["rescue"]


def test_a_settings_file_with_a_bom(tmp_path):
    from sim.app.settings import load_settings

    settings = load_settings(str(write(tmp_path, "settings.toml",
                                       '[help]\ntitle = "Help near you"\n')))
    assert settings["help"]["title"] == "Help near you"


def test_a_scenario_file_with_a_bom(tmp_path):
    from sim.app.scenario_files import load_scenario

    scenario = load_scenario(str(write(tmp_path, "mine.toml", 'name = "mine"\nsteps = 10\n')))
    assert scenario.name == "mine" and scenario.steps == 10


def test_only_one_leading_bom_is_dropped(tmp_path):
    """A second mark, or one later in the file, is still a mistake with its own line."""
    from sim.app.kiosk_config import KioskConfigError, load_kiosk_config

    with pytest.raises(KioskConfigError, match="not valid TOML"):
        load_kiosk_config(write(tmp_path, "kiosk.toml", BOM + "idle_seconds = 60\n"))
