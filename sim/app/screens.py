"""Which screens exist: id -> "module:Class", imported only when first shown
(so start-up loads neither numpy nor the model for the home screen)."""

SCREENS: dict[str, str] = {
    "home": "sim.view.screens.home:HomeScreen",
    "explore": "sim.view.screens.explore:ExploreScreen",
}
