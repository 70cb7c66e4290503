"""Broken models for notebook 04 (see tests/broken_models/__init__.py for the format).

Every entry re-runs the notebook's compiled four-cell program (30 s) with other settings: no new
compile, about a second per protocol.
"""

from functools import lru_cache

from brian2 import second

import helpers
from broken_models import Broken
from helpers.models import homeostasis, stdp

CHECKS = homeostasis.paper_checks


@lru_cache(maxsize=1)
def _lab():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(
        homeostasis.build_homeostasis_network,
        n_cells=4,
        n_exc=200,
        n_inh=50,
        duration=30 * second,
        exc_rule=stdp.PAIR_RULE,
        inh_rule=homeostasis.ISTDP_RULE,
        scaling_eqs=homeostasis.SCALING_EQS,
    )


def _measure(**options):
    return homeostasis.measure_for_paper(_lab(), **options)


def REFERENCE():
    return _measure()


BROKEN = [
    Broken(
        attacks=("scaled_up", "rate_recovers"),
        model="synaptic scaling off (eta_scale = 0)",
        why="the homeostat left out: the blocked cells stay quiet and their synapses unchanged",
        measure=lambda: _measure(scaling={"eta_scale": 0 / second}),
    ),
    Broken(
        attacks=("scaled_up", "through_origin"),
        model="additive instead of multiplicative scaling (every synapse gains the same amount)",
        why="the alternative Turrigiano et al.'s ranked plot was made to rule out (exercise 3)",
        measure=lambda: _measure(additive=True),
    ),
    Broken(
        attacks=("istdp_target",),
        model="iSTDP with learning rate 0 (eta_i = 0)",
        why="inhibitory plasticity switched off: each cell keeps the rate it starts with",
        measure=lambda: _measure(istdp={"eta_i": 0.0}),
    ),
    Broken(
        attacks=("istdp_target", "istdp_bias_up"),
        model="the factor 2 of alpha = 2 rho0 tau forgotten (alpha = rho0 tau)",
        why="a slip in the depression term: the rule then balances at half the intended rate",
        measure=lambda: _measure(alpha_scale=0.5),
    ),
]
