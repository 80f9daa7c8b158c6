"""Python's garbage collector set for a build: fewer collections, none walking what lives throughout.

A build allocates millions of short-lived objects and keeps a large
environment; Python's defaults (a young collection every 700 allocations,
every full collection walking every object) spent a tenth of the real
edition's build in the collector, and more at a thousand sources. So:

- at ``config-inited`` what is already loaded (modules, classes, functions:
  about half the objects at the end of reading) is frozen (``gc.freeze``), so
  no collection walks it again, and young collections run every
  :data:`YOUNG_THRESHOLD` allocations;
- Sphinx keeps every doctree it reads in memory until the pages are written;
  each is dropped when the next page has been read (``doctree-read``), the last
  at the end of ``env-updated`` (each is read back from its pickle when written,
  as in a parallel build), so that the full collection there has little to free
  (12.5 s at 1,000 sources before) and memory peaks lower; then the environment
  is frozen too: while pages are written, collections walk only what writing
  creates;
- a process forked for a parallel build (``-j``) freezes what it inherits as it
  starts: its collections then walk only what it creates, never the main
  process's pages and environment (walking them would also copy every page of
  memory they touch into the worker: writing ran 2.5 times slower);
- at ``build-finished``, before the other handlers, everything is frozen
  again and the settings outlast the build: ``sphinx-build`` exits next, and
  collecting what the build leaves would only free memory the exit frees
  anyway (in a ``-j 2`` build the main process's resolved pages, 3 s at 200
  sources; in the real edition a sixth of a second), and Python's shutdown
  frees frozen objects by their reference counts without walking them in its
  final collections (half a second of the real edition's ``sphinx-build``).
  A process that builds again releases the previous build first
  (:func:`release` at the next ``config-inited``: unfreeze, collect, restore
  the thresholds); a program that goes on with other work after a build can
  call :func:`release` itself.
"""

from __future__ import annotations

import gc
import os
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

YOUNG_THRESHOLD = 20_000  # allocations between young collections; Python's default is 700
_saved: list[tuple[int, ...]] = []  # the thresholds before a build, while it has the collector set


def _freeze_in_worker() -> None:
    """In a process forked while a build has the collector set: freeze everything inherited."""
    if _saved:
        gc.freeze()


os.register_at_fork(after_in_child=_freeze_in_worker)  # once per process, when the module is imported


def release() -> None:
    """Undo a build's settings: unfreeze, collect its garbage, restore the thresholds."""
    if _saved:
        gc.unfreeze()
        gc.collect()
        gc.set_threshold(*_saved.pop())


def start(app: Sphinx, config: Config) -> None:
    """Release an earlier build's settings; freeze what is loaded; collect young objects less often."""
    release()
    threshold = gc.get_threshold()
    _saved.append(threshold)
    gc.freeze()
    gc.set_threshold(max(threshold[0], YOUNG_THRESHOLD), *threshold[1:])


def _drop_kept(env: BuildEnvironment) -> None:
    getattr(env, "_write_doc_doctree_cache", {}).clear()


def drop_kept_doctrees(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: drop the doctrees Sphinx keeps from reading (this page's is kept after this event)."""
    _drop_kept(app.env)


def freeze_environment(app: Sphinx, env: BuildEnvironment) -> None:
    """Drop the last doctree kept in memory, collect, and freeze what remains."""
    _drop_kept(env)
    gc.collect()
    gc.freeze()


def finish(app: Sphinx, exception: BaseException | None) -> None:
    """Freeze what the build leaves: neither the later handlers nor the exit walk it."""
    gc.freeze()


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", start, priority=900)  # after the other extensions' set-up
    app.connect("doctree-read", drop_kept_doctrees)
    app.connect("env-updated", freeze_environment, priority=900)  # after every other handler
    app.connect("build-finished", finish, priority=100)  # before the others
    return {"parallel_read_safe": True, "parallel_write_safe": True}
