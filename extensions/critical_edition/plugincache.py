"""Cache pybtex's plugin lookups.

sphinxcontrib-bibtex looks up the same pybtex plugin for every citation it
resolves, and each lookup scans the entry points of every installed
distribution (about 40 ms here): with hundreds of citations that was most of
the build. Plugins do not change during a build, so the lookup is memoised.
"""

from __future__ import annotations

import functools

import pybtex.plugin


def cache_plugin_lookups() -> None:
    """Wrap ``pybtex.plugin.find_plugin`` in a cache (once)."""
    find = pybtex.plugin.find_plugin
    if not hasattr(find, "cache_info"):
        pybtex.plugin.find_plugin = functools.lru_cache(maxsize=256)(find)
