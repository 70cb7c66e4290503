"""Shared tools for the neuroplasticity notebooks.

- ``simulation``: ``setup_notebook`` (style, seeds, Brian2 target and cache) and
  ``CompiledNetwork`` (compile once, re-run fast for sliders)
- ``protocols``: stimulation protocols as spike-time arrays (seconds)
- ``plotting``: one colour-blind-safe style and the collection's figures
- ``models``: models shared between notebooks, with their published parameters
- ``data``: published data from ``data/`` with its provenance
- ``checks``: self-checks for exercises; ``validation``: clear argument errors
- ``widgets``: sliders that re-run a simulation
"""
from . import checks, data, models, plotting, protocols, validation, widgets
from .simulation import CompiledNetwork, cache_root, seed_everything, setup_notebook

__all__ = ["checks", "data", "models", "plotting", "protocols", "validation", "widgets",
           "CompiledNetwork", "cache_root", "seed_everything", "setup_notebook"]
