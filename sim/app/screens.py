"""Which screens exist: id -> "module:Class", imported only when first shown
(so start-up loads neither numpy nor the model for the home screen)."""

#: sim.lessons.LESSONS's ids, written out so start-up need not import the lessons (and
#: numpy); tests/test_lessons.py checks the two agree
LESSON_IDS = ("opioids", "blockade", "override", "too-soon", "after-detox", "pill-vs-shot",
              "rescue", "alcohol")

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

#: screens that open over another one and are never opened from their own kind
OVERLAYS = ("preferences", "keys", "notes", "language")
