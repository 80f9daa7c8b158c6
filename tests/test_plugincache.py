"""pybtex plugins served from its runtime registry: the same classes, no scan of the installed packages."""

from __future__ import annotations

from importlib.metadata import entry_points

import pybtex.plugin
import pytest
from critical_edition import chicago, plugincache


def _no_scan(*args, **kwargs):
    raise AssertionError("scanned the installed entry points")


def test_installed_plugins_found_without_a_scan(monkeypatch):
    """One scan in all: registering the edition's styles and every later lookup go without."""
    installed = [(group, e) for group in plugincache.GROUPS for e in entry_points(group=group)]
    assert len(installed) > 10
    monkeypatch.setattr(pybtex.plugin, "_RUNTIME_PLUGINS", {})
    monkeypatch.setattr(pybtex.plugin, "entry_points", _no_scan)
    plugincache.cache_plugin_lookups()
    chicago.register()
    for group, entry in installed:
        assert pybtex.plugin.find_plugin(group, entry.name) is entry.load()
    assert pybtex.plugin.find_plugin("pybtex.style.formatting", chicago.NAME) is chicago.ChicagoStyle
    assert pybtex.plugin.find_plugin("pybtex.style.labels", chicago.NAME) is chicago.ChicagoLabels
    default = pybtex.plugin.find_plugin("pybtex.backends")
    assert default is pybtex.plugin.find_plugin("pybtex.backends", "latex")  # pybtex's default backend


def test_unknown_plugin_still_reported(monkeypatch):
    plugincache.cache_plugin_lookups()
    with pytest.raises(pybtex.plugin.PluginNotFound):
        pybtex.plugin.find_plugin("pybtex.backends", "no-such-backend")


def test_idempotent_and_keeps_runtime_registrations():
    plugincache.cache_plugin_lookups()
    plugincache.register("pybtex.style.labels", "test-labels", chicago.ChicagoLabels)
    plugincache.cache_plugin_lookups()
    assert pybtex.plugin.find_plugin("pybtex.style.labels", "test-labels") is chicago.ChicagoLabels
