"""Which screens exist: id -> "module:Class", imported only when first shown
(so start-up loads neither numpy nor the model for the home screen)."""

LESSON_IDS = ("opioids", "blockade", "override", "too-soon", "after-detox", "pill-vs-shot",
              "rescue")

SCREENS: dict[str, str] = {
    "home": "sim.view.screens.home:HomeScreen",
    "explore": "sim.view.screens.explore:ExploreScreen",
    **{lesson: "sim.view.screens.lesson:LessonScreen" for lesson in LESSON_IDS},
}
