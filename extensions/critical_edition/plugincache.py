"""Make pybtex's plugin lookups cheap.

sphinxcontrib-bibtex looks up the same pybtex plugin for every citation it
resolves, and each lookup scans the entry points of every installed
distribution; so does every ``register_plugin``. pybtex answers from its
runtime registry before it scans, so the installed plugins of the groups used
in a build are put there after one scan, each loaded when first asked for.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

import pybtex.plugin

GROUPS = ("pybtex.backends", "pybtex.style.formatting", "pybtex.style.labels",
          "pybtex.style.names", "pybtex.style.sorting")


class _Installed(dict):
    """One group of pybtex's runtime registry; an installed plugin is loaded on first lookup."""

    def __init__(self, registered: dict, installed: list[EntryPoint]) -> None:
        super().__init__(registered)
        self._installed = {entry.name: entry for entry in installed}

    def get(self, name, default=None):
        if name not in self and name in self._installed:
            self[name] = self._installed[name].load()
        return super().get(name, default)


def cache_plugin_lookups() -> None:
    """Serve the installed plugins of :data:`GROUPS` from pybtex's registry (idempotent)."""
    registry = pybtex.plugin._RUNTIME_PLUGINS  # what find_plugin consults before it scans
    installed = entry_points()  # one scan of the installed distributions
    for group in GROUPS:
        if not isinstance(registry.get(group), _Installed):
            registry[group] = _Installed(registry.get(group, {}), list(installed.select(group=group)))


def register(group: str, name: str, klass: type) -> None:
    """``pybtex.plugin.register_plugin(group, name, klass)`` without its scan (keeps a registered one)."""
    pybtex.plugin._RUNTIME_PLUGINS.setdefault(group, {}).setdefault(name, klass)
