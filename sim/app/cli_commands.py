"""The ``blockade`` sub-commands (run, bench, kiosk-report, handout, translate-sheet)
and the dispatch from a parsed command line to the one it names; without a command,
the window (``sim.app.cli_window``).
"""

from __future__ import annotations

import json

from sim import i18n
from sim.app.cli_parser import UsageError
from sim.app.cli_window import cmd_window


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


def cmd_kiosk_report(args) -> int:
    from sim.app.kiosk_counts import report_main

    return report_main(args.days)


#: each sub-command's name (as build_parser spells it) and what runs it
COMMANDS = {
    "run": cmd_run,
    "bench": cmd_bench,
    "handout": cmd_handout,
    "translate-sheet": cmd_translate_sheet,
    "kiosk-report": cmd_kiosk_report,
}


def dispatch(args) -> int:
    """Run the sub-command ``args`` names, or without one the window."""
    command = COMMANDS.get(args.command, cmd_window)
    return command(args)
