"""Keep Python's garbage collector off the environment while pages are written.

Docutils trees are cyclic (every node points to its parent), so each page
written is freed by the cyclic collector, and every full collection also walks
everything that lives for the whole build: the environment, the registers and
the apparatus, which in an edition are large. Once reading is done
(``env-updated``, last), the doctrees Sphinx keeps from reading are dropped
(each is read back from its pickle when written, as in a parallel build), the
garbage is collected and the survivors are frozen (``gc.freeze``): later
collections walk only what the writing of pages creates. ``build-finished``
unfreezes them, so that a process running several builds frees each one.
"""

from __future__ import annotations

import gc
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def freeze_environment(app: Sphinx, env: BuildEnvironment) -> None:
    """Drop the doctrees kept in memory, collect, and freeze what remains."""
    getattr(env, "_write_doc_doctree_cache", {}).clear()
    gc.collect()
    gc.freeze()


def unfreeze(app: Sphinx, exception: BaseException | None) -> None:
    gc.unfreeze()


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-updated", freeze_environment, priority=900)  # after every other handler
    app.connect("build-finished", unfreeze)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
