"""Make pybtex's plugin lookups cheap.

sphinxcontrib-bibtex looks up the same pybtex plugin for every citation it
resolves, and each lookup scans the entry points of every installed
distribution (about 10-40 ms here): with hundreds of citations that was most
of the build. pybtex answers from its runtime registry before it scans, so the
installed plugins of the groups looked up during a build are put there once,
through pybtex's own ``register_plugin``; every caller benefits.
"""

from __future__ import annotations

from importlib.metadata import entry_points

import pybtex.plugin

GROUPS = ("pybtex.backends", "pybtex.style.formatting", "pybtex.style.labels",
          "pybtex.style.names", "pybtex.style.sorting")


def cache_plugin_lookups() -> None:
    """Register the installed plugins of :data:`GROUPS` at runtime (idempotent)."""
    installed = entry_points()  # one scan of the installed distributions
    for group in GROUPS:
        for entry in installed.select(group=group):
            pybtex.plugin.register_plugin(group, entry.name, entry.load(), force=True)
