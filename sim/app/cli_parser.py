"""The ``blockade`` command line's parser: every option and sub-command, their help
text, and the checks on their values (one line and exit status 2 when one is wrong).

``sim.app.cli`` runs it; ``sim.app.cli_commands`` and ``sim.app.cli_window`` do what
it asks.
"""

from __future__ import annotations

import argparse

from sim import i18n
from sim.view.preferences import DEFAULT_TEXT_SIZE, TEXT_SIZES
from sim.view.theme import PROFILES

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line instead of usage + message
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, got {value}")
    return value


def _positive(text: str) -> int:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _report_days(text: str) -> int:
    from sim.app.kiosk_counts import MAX_REPORT_DAYS

    value = _positive(text)
    if value > MAX_REPORT_DAYS:
        raise argparse.ArgumentTypeError(f"at most {MAX_REPORT_DAYS} (ten years), got {value}")
    return value


def _size(text: str) -> tuple[int, int]:
    w, sep, h = text.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit():
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, got '{text}'")
    size = (int(w), int(h))
    if not (320 <= size[0] <= 7680 and 240 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError(
            f"size {text} is outside 320x240 to 7680x4320"
        )
    return size


#: --lang's choices: the catalogs present (sim/i18n.py reads them from assets/locale)
LANGS = tuple(i18n.LANGUAGES)


#: the rule for every output (sim/app/safe_files.py, own_outputs.py), in each --help
REPLACE_RULE = ("An existing file is replaced only if it is {what} (Blockade's own "
                "output of that name), or with --force; a read-only file never is. "
                "/dev/null discards the output.")


MAX_FRAMES = 600  # --frames; fewer at sizes above 1920x1080 (see check_frames)
MAX_FRAME_PIXELS = MAX_FRAMES * 1920 * 1080


def check_frames(frames: int, size: tuple[int, int] | None) -> None:
    """A screenshot must finish quickly: frames cost about their pixels."""
    w, h = size or (1280, 720)
    most = min(MAX_FRAMES, MAX_FRAME_PIXELS // (w * h))
    if frames > most:
        raise UsageError(f"blockade: --frames {frames}: at most {most} at {w}x{h}")


def build_parser() -> argparse.ArgumentParser:
    from sim.model import BUILTIN
    from sim.app.kiosk_counts import MAX_REPORT_DAYS
    from sim.model.scenario import MAX_MOLECULES, MAX_STEPS, MAX_WORK

    parser = _Parser(
        prog="blockade",
        description=(
            "Blockade: a teaching simulation of how naltrexone blocks opioid receptors. "
            "It is a qualitative teaching model, not medical advice. Without a command, "
            "opens the window on the home screen."
        ),
        epilog="Exit status: 0 done; 2 bad input (one line on stderr); 128 + N when "
               "stopped by signal N (143 SIGTERM, 130 SIGINT, 129 SIGHUP), leaving no "
               "partial file.",
    )
    window = parser.add_argument_group("window")
    window.add_argument("--fullscreen", action="store_true",
                        help="borderless desktop fullscreen (F11 toggles)")
    window.add_argument("--size", type=_size, metavar="WxH",
                        help="window size, e.g. 1280x720 (default) or 800x600")
    # no defaults here: cmd_window tells a flag given from one left out (a flag given
    # wins over a plan's language or profile and over --present's choices)
    window.add_argument("--lang", choices=LANGS, help="language (default en)")
    window.add_argument("--profile", choices=PROFILES,
                        help="colours: dark (default; projector with --present), projector "
                             "(light, larger text, outlined molecules) or high-contrast "
                             "(black and white, for low vision)")
    window.add_argument("--text-size", choices=tuple(TEXT_SIZES),
                        help=f"text size: {DEFAULT_TEXT_SIZE} (default; large with --present), "
                             "large, x-large or xx-large (twice normal; a window smaller "
                             "than 1280x720 shows it x-large); layouts reflow")
    window.add_argument("--reduced-motion", action="store_true",
                        help="no pulsing glow, breathing animation, easing or transitions "
                             "(molecules still move)")
    window.add_argument("--seed", dest="window_seed", type=_non_negative, metavar="N",
                        help="random seed for the simulations (same seed, same run)")
    window.add_argument("--screen", metavar="ID", help="open this screen (see --list-screens)")
    window.add_argument("--list-screens", action="store_true",
                        help="print every screen id, one per line, and exit")
    window.add_argument("--list-languages", action="store_true",
                        help="print every language: its code, its own name and whether a "
                             "native speaker has reviewed it (reviewed or draft), and exit")
    window.add_argument("--present", action="store_true",
                        help="presenter mode for a group session: fullscreen on the last "
                             "display (unless --size is given), projector colours and large "
                             "text unless the plan or a flag says otherwise")
    window.add_argument("--plan", metavar="PLAN",
                        help="session plan: a .toml file, or the name of a bundled plan "
                             "(first-group-session, release-briefing); implies --present")
    window.add_argument("--display", type=_positive, metavar="N",
                        help="with --present or --fullscreen: the display to fill, 1 for "
                             "the first (default: the last one, usually the projector)")
    window.add_argument("--kiosk", action="store_true",
                        help="kiosk mode for an unattended touch screen: fullscreen, an attract "
                             "loop, a reset after visitors leave, no way out but the staff "
                             "PIN (see docs/kiosk.md)")
    window.add_argument("--config", metavar="KIOSK.toml",
                        help="with --kiosk: the clinic's kiosk config (see docs/kiosk.md)")
    window.add_argument("--settings", metavar="PATH",
                        help="clinic settings TOML: help text for the closing cards "
                             "([help] title, text); no file: a neutral line")
    shots = parser.add_argument_group("headless pictures")
    shots.add_argument("--screenshot", metavar="PATH",
                       help="render without a display and write a PNG of the screen. "
                            + REPLACE_RULE.format(what="an earlier Blockade screenshot"))
    shots.add_argument("--force", action="store_true",
                       help="with --screenshot: replace an existing PATH that is not an "
                            "earlier Blockade screenshot (never a read-only one)")
    shots.add_argument("--frames", type=_non_negative, default=30, metavar="N",
                       help=f"frames to run before the screenshot (default 30; at most "
                            f"{MAX_FRAMES}, fewer for sizes above 1920x1080: frames x "
                            f"width x height at most {MAX_FRAMES} x 1920 x 1080)")
    shots.add_argument("--beat", type=_positive, metavar="N",
                       help="with a lesson screen: show beat N (1-based), played up to it")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = commands.add_parser(
        "run",
        help="run a scenario without a window and print or save what happened",
        description=(
            "Run a scenario headless. Without --csv, print a short summary; with --csv, "
            "write one row per step: step, free_receptors, bound_<species>, "
            "free_<species>, depot_naltrexone, activation, euphoria, breathing, "
            "withdrawal, tolerance, breathing_tolerance (all 0..1), overdose (0 or 1), "
            "alcohol (alcohol in the body) and reward (reward from drinking), 0..1."
        ),
        epilog="built-in scenarios: " + ", ".join(BUILTIN) + ". Limits, so a run ends in "
               f"well under a minute: at most {MAX_STEPS:,} steps, {MAX_MOLECULES:,} molecules "
               f"in all doses together, and steps x (molecules + 2 x receptors) at most "
               f"{MAX_WORK:,}.",
    )
    run.add_argument(
        "scenario", metavar="SCENARIO_OR_FILE",
        help="a built-in scenario name or a .toml scenario file",
    )
    run.add_argument("--seed", type=_non_negative, help="random seed (same seed, same run)")
    run.add_argument("--steps", type=_positive,
                     help=f"number of steps to run (at most {MAX_STEPS:,})")
    run.add_argument(
        "--csv", metavar="PATH",
        help="write every step as CSV to PATH ('-' for stdout). " + REPLACE_RULE.format(
            what="an earlier run's CSV: its first line is the same header row"))
    run.add_argument("--force", dest="run_force", action="store_true",
                     help="replace an existing --csv PATH that is not an earlier run's CSV "
                          "(never a read-only one)")

    bench = commands.add_parser(
        "bench",
        help="measure speed (medians over repeats)",
        description="Measure the model step and print medians; --json for one JSON object.",
    )
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--soak-frames", type=_non_negative, default=100_000, metavar="N",
                       help="frames per memory soak scenario (default 100,000; 0 skips "
                            "the soak, which takes minutes)")
    report = commands.add_parser(
        "kiosk-report",
        help="summarise a kiosk's opt-in counts (sessions, lessons, languages) per day",
        description="Print the per-day counts a kiosk kept in its state folder "
                    "([counts] enabled = true in its config). No personal data is kept.",
    )
    report.add_argument("--days", type=_report_days, default=7, metavar="N",
                        help=f"days to show, up to today (default 7; 1 to {MAX_REPORT_DAYS})")
    handout = commands.add_parser(
        "handout",
        help="write a printable take-home sheet (one HTML file) for a lesson or a plan",
        description=(
            "Write one self-contained HTML file with each beat's picture and caption, the "
            "lesson's key message and the clinic's help text, styled to print on A4 or US "
            "Letter (or save as PDF from any browser). With --notes, the presenter script "
            "instead, for a room with one display: the same pages with each beat's four "
            "presenter notes and the plan's notes, private to the presenter."
        ),
        epilog="Give a LESSON id (see blockade --list-screens) or --plan, not both.",
    )
    handout.add_argument("lesson", nargs="?", metavar="LESSON",
                         help="a lesson id, e.g. after-detox")
    handout.add_argument("--plan", dest="handout_plan", metavar="PLAN",
                         help="every lesson of this session plan (.toml file or bundled name)")
    handout.add_argument("--lang", dest="handout_lang", choices=LANGS,
                         help="language (default: the plan's, else en)")
    handout.add_argument("--notes", action="store_true",
                         help="write the presenter script: each beat's picture and caption "
                              "with its four presenter notes, and the plan's note for each "
                              "item (never in the take-home sheet)")
    handout.add_argument("--out", metavar="FILE.html",
                         help="where to write (default blockade-<lesson-or-plan>-<lang>.html, "
                              "with --notes blockade-<lesson-or-plan>-script-<lang>.html, "
                              "in the current folder). " + REPLACE_RULE.format(
                                  what="an earlier Blockade handout or script"))
    handout.add_argument("--force", dest="handout_force", action="store_true",
                         help="replace an existing file (--out or the default name) that is "
                              "not an earlier Blockade handout or script (never a read-only "
                              "one)")
    handout.add_argument("--settings", dest="handout_settings", metavar="PATH",
                         help="clinic settings TOML whose [help] text the sheet shows")
    sheet = commands.add_parser(
        "translate-sheet",
        help="write a translator's review page (one HTML file) for a language",
        description=(
            "Write one self-contained HTML file for a bilingual reviewer: a section per "
            "screen and lesson beat with its picture in LANG and the English and the "
            "translation of each message shown there side by side, then every other "
            "message. See docs/translating.md."
        ),
    )
    sheet.add_argument("sheet_lang", metavar="LANG",
                       help="the language to review: " + ", ".join(LANGS[1:]))
    sheet.add_argument("--out", dest="sheet_out", metavar="FILE.html",
                       help="where to write (default blockade-translate-LANG.html, in the "
                            "current folder)")
    sheet.add_argument("--force", dest="sheet_force", action="store_true",
                       help="replace an existing file that is not an earlier Blockade page "
                            "(never a read-only one)")
    return parser

