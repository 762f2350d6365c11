"""Which screens exist: id -> "module:Class", imported only when first shown
(so start-up loads neither numpy nor the model for the home screen)."""

import importlib

from sim.lesson_order import LESSON_IDS  # the one list (imports nothing: start-up stays light)

SCREENS: dict[str, str] = {
    "home": "sim.view.screens.home:HomeScreen",
    "explore": "sim.view.screens.explore:ExploreScreen",
    **{lesson: "sim.view.screens.lesson:LessonScreen" for lesson in LESSON_IDS},
    # drawn over the screen they are opened from (F1 / Ctrl+, or their buttons)
    "preferences": "sim.view.screens.preferences:PreferencesScreen",
    "keys": "sim.view.screens.keys_help:KeysHelpScreen",
    # the presenter's notes, over the lesson they are about (one display; see
    # sim/app/notes_window.py for a second display)
    "notes": "sim.view.screens.notes:NotesScreen",
    # the languages offered, each in its own name (home's Language button, the kiosk)
    "language": "sim.view.screens.language_picker:LanguagePickerScreen",
}



def screen_class(screen_id: str, registry: dict[str, str] = SCREENS) -> type:
    """The class of a screen, imported now: its roles (``overlay``, ``modal``, ...) are
    declared on it (``sim.view.screen.Screen``), not listed here."""
    module, _, name = registry[screen_id].partition(":")
    return getattr(importlib.import_module(module), name)
