"""Shared tools for the neuroplasticity notebooks.

- ``simulation``: ``setup_notebook`` (style, seeds, Brian2 target and cache), the
  clock convention (``time_step``, ``named_clock``) and ``compile_network``
  (compile a model once per session, re-run it fast for sliders)
- ``models``: one module per mechanism; the models map (which module, which
  notebooks) is the docstring of ``helpers.models``
- ``figures``: alt text for every figure, written from its titles and axes
- ``coursework``: nbgrader helpers for instructors (feedback without hidden tests,
  a late penalty, the points table)
- ``protocols``: stimulation protocols as spike-time arrays
- ``plotting``: one colour-blind-safe style and the collection's figures
- ``data``: published data from ``data/`` with its provenance
- ``checks``: self-checks for exercises; ``validation``: clear argument errors
- ``widgets``: sliders that re-run a simulation

Units: every physical quantity passed to ``helpers`` is a Brian2 quantity
(``10 * Hz``); a plain number there raises a ``ValueError`` that says so.
"""

from . import checks, data, models, plotting, protocols, validation, widgets
from .simulation import (
    CompiledNetwork,
    cache_root,
    code_target,
    compile_network,
    named_clock,
    seed_everything,
    setup_notebook,
    time_step,
)

__all__ = [
    "checks",
    "data",
    "models",
    "plotting",
    "protocols",
    "validation",
    "widgets",
    "CompiledNetwork",
    "cache_root",
    "code_target",
    "compile_network",
    "named_clock",
    "seed_everything",
    "setup_notebook",
    "time_step",
]
