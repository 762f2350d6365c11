import os

import pytest

# Tests run headless: set here, by the test configuration, not by whoever runs them.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Strict message lookups, also for the programs tests start in a subprocess.
os.environ["BLOCKADE_STRICT_I18N"] = "1"

from sim import i18n  # noqa: E402  (after the environment above)


@pytest.fixture(autouse=True)
def strict_i18n():
    """Every test runs with strict message lookups: a screen drawn in any test that asks
    for a message id missing from the current catalog (a key built at run time, such as
    f"species.{name}", that tests/test_i18n.py's scan of literals cannot see) fails with
    i18n.MissingMessage instead of showing the key. A test that checks the users' fallback
    turns it off itself; it is switched back on afterwards."""
    i18n.set_strict(True)
    yield
    i18n.set_strict(True)
