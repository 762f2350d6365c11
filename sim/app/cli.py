"""The ``blockade`` command: the window, scenario runs, benchmarks, screenshots.

This module runs a command line and turns every mistake into one line; the parser and
its checks are in ``sim.app.cli_parser``, the sub-commands in ``sim.app.cli_commands``,
the window, screenshots and lists in ``sim.app.cli_window``.

Bad input gets one line on stderr naming the problem, and exit status 2. SIGTERM,
SIGINT and SIGHUP stop any command cleanly: one line, exit status 128 + the signal
number (see ``sim.app.signals``).
"""

from __future__ import annotations

import sys

#: the names other code and the tests import from here
from sim.app.cli_commands import dispatch
from sim.app.cli_parser import (EXIT_BAD_INPUT, LANGS, MAX_FRAMES, REPLACE_RULE,  # noqa: F401
                                UsageError, build_parser)


def one_line(message: str) -> str:
    """``message`` on one line: control characters (a newline in a path, a tab, an escape)
    written as escapes, so an error is always one line a person can read and quote."""
    import unicodedata

    return "".join(repr(ch)[1:-1] if unicodedata.category(ch) == "Cc" else ch
                   for ch in message)


def main(argv: list[str] | None = None) -> int:
    from sim.app.kiosk_config import KioskConfigError
    from sim.app.launch import LaunchError
    from sim.app.plans import PlanError
    from sim.app.settings import SettingsError
    from sim.model import DoseError, ScenarioError

    from sim.app.signals import Stopped, stopping_on_signals

    parser = build_parser()
    try:
        # SIGTERM, SIGINT, SIGHUP: clean up, one line, exit 128 + signal number
        with stopping_on_signals():
            args = parser.parse_args(argv)
            return dispatch(args)
    except Stopped as stop:
        print(one_line(f"blockade: stopped by {stop}"), file=sys.stderr)
        return stop.exit_status
    except (UsageError, ScenarioError, DoseError, LaunchError, SettingsError,
            PlanError, KioskConfigError) as err:
        print(one_line(f"blockade: {err}" if not str(err).startswith("blockade") else str(err)),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, as other tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as err:
        print(one_line(f"blockade: {err}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130

