"""Broken models for notebook 07 (see tests/broken_models/__init__.py for the format).

One compiled map of 20 000 touches per run (the notebook's ``program``); the reference runs
``cortical_map.practice_experiment`` (nine runs) once and the broken models reuse it where
they only read it differently.
"""

from functools import lru_cache

from brian2 import second

import helpers
from broken_models import Broken
from helpers.models import cortical_map as cm

CHECKS = cm.paper_checks
SEED = 2026


@lru_cache(maxsize=None)
def _program():
    helpers.setup_notebook(seed=SEED)
    return helpers.compile_network(cm.build_map_network, n_touches=20000, record_every=1000)


@lru_cache(maxsize=None)
def _states(learning=True):
    params = None if learning else {"tau_w": 1e4 * second}  # weights that effectively never change
    return cm.practice_experiment(_program(), seed=SEED, params=params)


def REFERENCE():
    return cm.paper_measures(_states())


def _frozen_at_zero():
    # the "frozen" control with every threshold frozen at its starting value 0, not at its developed value
    states = dict(_states())
    start = {"w": states["developed"]["w"], "theta": 0 * states["developed"]["theta"]}
    touches = cm.touch_sequence([1, 1, 2, 1, 1], 20000, seed=SEED + 10)
    states["frozen"] = cm.run_map(_program(), start, touches, homeostasis=False)
    return cm.paper_measures(states)


BROKEN = [
    Broken(
        attacks=("expands", "narrow_fields", "shrinks_back"),
        model="no learning: tau_w = 10 000 s, the weights never change (thresholds still adapt)",
        why="a learning rate of 0 (or a rule that is never applied) leaves only the thresholds to move",
        measure=lambda: cm.paper_measures(_states(learning=False)),
    ),
    Broken(
        attacks=("frozen_high_stops",),
        model="the frozen control with every threshold frozen at 0 (its starting value), not at its developed value",
        why="'no homeostasis' and 'thresholds frozen high' are easily taken for the same control",
        measure=_frozen_at_zero,
    ),
]
