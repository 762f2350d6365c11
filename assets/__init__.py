"""Bundled fonts and catalogs; installed as the package ``sim.assets`` (see pyproject.toml)."""
