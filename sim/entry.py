"""The ``blockade`` command's entry point: nothing imported before it can catch Ctrl+C.

Ctrl+C (SIGINT) while Python imports the program (pygame and numpy take a moment)
printed a KeyboardInterrupt traceback; here it ends quietly with status 130, as the
program does once running (sim/app/cli.py).
"""

from __future__ import annotations

#: 128 + SIGINT, as shells report a program stopped by Ctrl+C
EXIT_INTERRUPTED = 130


def run() -> int:
    try:
        from sim.app.cli import main
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return main()
