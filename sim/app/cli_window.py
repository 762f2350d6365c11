"""``blockade`` without a sub-command: the window, a headless screenshot or a list
(--list-screens, --list-languages), and what --present, --plan and --kiosk settle
before any of them starts.
"""

from __future__ import annotations

from sim.app.cli_parser import UsageError, check_frames
from sim.view.preferences import DEFAULT_TEXT_SIZE


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

        check_frames(args.frames, args.size)

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

