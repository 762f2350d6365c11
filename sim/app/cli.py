"""The ``blockade`` command: the window, scenario runs, benchmarks, screenshots.

Bad input gets one line on stderr naming the problem, and exit status 2. SIGTERM,
SIGINT and SIGHUP stop any command cleanly: one line, exit status 128 + the signal
number (see ``sim.app.signals``).
"""

from __future__ import annotations

import argparse
import json
import sys

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


MAX_FRAMES = 600  # --frames; fewer at sizes above 1920x1080 (see _check_frames)
MAX_FRAME_PIXELS = MAX_FRAMES * 1920 * 1080


def _check_frames(frames: int, size: tuple[int, int] | None) -> None:
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


def cmd_translate_sheet(args) -> int:
    from sim.app.translate_sheet import write_sheet

    translations = [code for code in i18n.available_languages() if code != i18n.DEFAULT_LANGUAGE]
    if args.sheet_lang not in translations:
        raise UsageError(f"blockade translate-sheet: no translation '{args.sheet_lang}' to "
                         f"review (languages: {', '.join(translations)})")
    path = write_sheet(args.sheet_lang, args.sheet_out, force=args.sheet_force)
    print(f"wrote {path}")
    return 0


def cmd_handout(args) -> int:
    from sim.app.handout import write_handout
    from sim.app.plans import load_plan
    from sim.app.settings import load_settings
    from sim.lessons import LESSONS

    if (args.lesson is None) == (args.handout_plan is None):
        raise UsageError("blockade handout: give a LESSON or --plan PLAN (one of them)")
    plan = None
    if args.handout_plan is not None:
        plan = load_plan(args.handout_plan)
    elif args.lesson not in LESSONS:
        raise UsageError(f"blockade handout: unknown lesson '{args.lesson}' "
                         f"(lessons: {', '.join(LESSONS)})")
    settings = load_settings(args.handout_settings or args.settings)
    lang = args.handout_lang or (plan.language if plan else None) or args.lang or "en"
    path = write_handout(lesson_id=args.lesson, plan=plan, lang=lang, out=args.out,
                         settings=settings, notes=args.notes,
                         force=args.handout_force or args.force)
    print(f"wrote {path}")
    return 0


def cmd_run(args) -> int:
    from sim.app.csv_out import write_csv
    from sim.app.scenario_files import load_scenario, with_overrides

    scenario = with_overrides(load_scenario(args.scenario), args.seed, args.steps)
    if args.csv is not None:
        write_csv(scenario.rows(), args.csv, force=args.run_force or args.force)
        return 0
    columns = scenario.run()
    steps = len(columns["step"])
    overdose_steps = sum(columns["overdose"])
    print(f"scenario: {scenario.name} ({steps} steps, seed {scenario.seed})")
    if scenario.description:
        print(f"  {scenario.description}")
    print(f"  highest feel-good:     {max(columns['euphoria']):.2f}")
    print(f"  lowest breathing:      {min(columns['breathing']):.2f}")
    print(f"  highest withdrawal:    {max(columns['withdrawal']):.2f}")
    print(f"  steps in danger zone:  {overdose_steps}")
    if any(d.species == "drink" for d in scenario.doses):  # B10: the two drink readings
        print(f"  highest reward from drinking: {max(columns['reward']):.2f}")
        print(f"  highest alcohol in the body:  {max(columns['alcohol']):.2f}")
    print("  (qualitative teaching model, not medical advice; --csv - for every step)")
    return 0


def cmd_bench(args) -> int:
    from sim.app import bench

    from sim.app.screens import SCREENS

    results = {
        "model_step_ms": bench.measure_model(),
        "frame_ms": bench.frame_ms(list(SCREENS)),
        "frame_ms_by_size": bench.frame_ms_by_size(list(SCREENS)),
        "startup_s": bench.startup_s(),
    }
    from sim.app.bench_actions import action_ms
    from sim.app.bench_kiosk import attract_cpu_by_lesson
    from sim.app.bench_window import window_costs

    results["attract_cpu_share"] = attract_cpu_by_lesson()
    results["action_ms"] = action_ms()
    results["window"] = window_costs()
    if args.soak_frames:
        soaks = bench.soak_rss_growth_mb(args.soak_frames)
        results["kiosk_rss_growth_mb"] = soaks.pop("kiosk")
        results["soak_rss_growth_mb"] = soaks
    if args.json:
        print(json.dumps(results))
        return 0
    for n, ms in results["model_step_ms"].items():
        print(f"model step, {n:>5} molecules: {ms:.3f} ms (median)")
    for screen, ms in results["frame_ms"].items():
        print(f"frame, {screen:<14} {ms:.3f} ms (median, 1280x720, step + draw + flip)")
    for size, by_screen in results["frame_ms_by_size"].items():
        cells = ", ".join(f"{screen} {ms:.2f}" for screen, ms in by_screen.items())
        print(f"frame ms at {size}: {cells}")
    print(f"start-up to first frame: {results['startup_s']:.3f} s (median)")
    shares = ", ".join(f"{lesson} {share:.0%}"
                       for lesson, share in results["attract_cpu_share"].items())
    print(f"kiosk attract loop at 1920x1080, share of a core by lesson: {shares}")
    for kind, figures in results["action_ms"].items():
        worst = sorted(figures.items(), key=lambda item: -item[1])
        print(f"actions, first time, {kind} (median ms, slowest first): "
              + ", ".join(f"{name} {ms:.0f}" for name, ms in worst))
    _print_window(results["window"])
    soaks = dict(results.get("soak_rss_growth_mb", {}))
    if "kiosk_rss_growth_mb" in results:
        soaks["kiosk"] = results["kiosk_rss_growth_mb"]
    for scenario, figures in soaks.items():
        print(f"memory soak, {scenario:<18} {figures['growth_mb']:+.1f} MB resident over "
              f"{args.soak_frames:,} frames (after warm-up); second half "
              f"{figures['slope_mb_per_100k']:+.1f} MB per 100,000 frames (budget 5)")
    return 0


def _print_window(window: dict) -> None:
    if "skipped" in window:
        print(f"real window: skipped: {window['skipped']}")
        return
    for name in ("chosen", "gl"):
        figures = window[name]
        shares = ", ".join(f"{scenario} {f['share']:.0%} ({f['fps']:.0f} fps, "
                           f"{f['cpu_ms_per_frame']:.1f} ms CPU a frame, "
                           f"{f.get('share_at_cap', float('nan')):.0%} at its frame cap)"
                           for scenario, f in figures["cpu_share"].items())
        print(f"real 1920x1080 window ({window['display']}, {figures['driver']}), "
              f"presentation {name}: flip {figures['flip_ms']:.2f} ms; share of a core: "
              f"{shares}")


def _presenting(args) -> None:
    """Read the plan (a mistake stops here, before any window) and settle what
    --present implies: a flag given wins over the plan, the plan over --present's
    choices (fullscreen unless --size, projector colours, large text)."""
    plan = None
    if args.plan is not None:
        from sim.app.plans import load_plan

        plan = load_plan(args.plan)
    args.plan_data = plan
    args.present = bool(args.present or plan is not None)
    args.lang = args.lang or (plan and plan.language) or "en"
    args.profile = (args.profile or (plan and plan.profile)
                    or ("projector" if args.present else "dark"))
    args.text_size = args.text_size or ("large" if args.present else DEFAULT_TEXT_SIZE)
    if args.present and not args.size:
        args.fullscreen = True
    args.start_options = {}
    if plan is not None and args.screen is None:
        first = plan.items[0]
        args.screen = first.screen
        if first.start is not None and first.start > 1 and args.beat is None:
            args.start_options = {"beat": first.start}


def cmd_window(args) -> int:
    from sim.app.screens import SCREENS

    if args.force and args.screenshot is None:
        raise UsageError("blockade: --force goes with --screenshot (run and handout take "
                         "their own --force)")
    if args.list_screens:
        print("\n".join(SCREENS))
        return 0
    if args.list_languages:
        from sim import i18n

        for code, name in i18n.LANGUAGES.items():
            print(f"{code}\t{name}\t{'draft' if i18n.is_draft(code) else 'reviewed'}")
        return 0
    _kiosk(args)
    _presenting(args)
    screen = args.screen or "home"
    if screen not in SCREENS:
        raise UsageError(
            f"blockade: --screen: unknown screen '{screen}' (see blockade --list-screens)"
        )
    from sim.app.settings import load_settings

    args.settings_data = load_settings(args.settings)
    if args.beat is not None:
        from sim.lessons import LESSONS

        if screen not in LESSONS:
            raise UsageError(f"blockade: --beat needs a lesson screen, not '{screen}'")
        beats = len(LESSONS[screen].beats)
        if args.beat > beats:
            raise UsageError(
                f"blockade: --beat {args.beat}: lesson '{screen}' has {beats} beats (1 to {beats})"
            )
    if args.screenshot is not None:
        from sim.app.screenshot import take_screenshot

        _check_frames(args.frames, args.size)

        take_screenshot(args, screen)
        return 0
    from sim.app.launch import check_pygame_ce, open_window

    check_pygame_ce()
    return open_window(args, screen)


def _kiosk(args) -> None:
    """--kiosk reads and checks its config before anything else starts (a kiosk never
    starts on half a config); --config without --kiosk, or with --present, is a mistake."""
    if args.config is not None and not args.kiosk:
        raise UsageError("blockade: --config needs --kiosk (it is the kiosk's config)")
    args.kiosk_data = None
    if not args.kiosk:
        return
    if args.present or args.plan:
        raise UsageError("blockade: --kiosk and --present (or --plan) are different modes; "
                         "choose one")
    from sim.app.kiosk_config import KioskConfigError, load_kiosk_config

    try:
        args.kiosk_data = load_kiosk_config(args.config)
    except KioskConfigError as err:
        # started by a unit at boot, stderr goes where staff do not look: the log too
        from sim.app.kiosk_log import close_kiosk_log, open_state_and_log

        _, log = open_state_and_log()
        log.error("kiosk not started: %s", err)
        close_kiosk_log()
        raise


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
            if args.command == "run":
                return cmd_run(args)
            if args.command == "bench":
                return cmd_bench(args)
            if args.command == "handout":
                return cmd_handout(args)
            if args.command == "translate-sheet":
                return cmd_translate_sheet(args)
            if args.command == "kiosk-report":
                from sim.app.kiosk_counts import report_main

                return report_main(args.days)
            return cmd_window(args)
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
