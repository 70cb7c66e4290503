"""Broken models for notebook 06 (see tests/broken_models/__init__.py for the format).

One compiled program (400 cells, as in tests/test_ocular_dominance.py); a broken model is the same
program run with other values: no program is compiled for it.
"""

from functools import lru_cache

from brian2 import second

import helpers
from broken_models import Broken
from helpers.models import ocular_dominance as od

CHECKS = od.paper_checks


@lru_cache(maxsize=1)
def _machine():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(od.build_od_network, n_cells=400)


@lru_cache(maxsize=1)
def _reared():
    return od.reared_population(_machine())


def REFERENCE():
    return od.measure_for_paper(_machine(), _reared())


def _with_params(**changes):
    """Reared and deprived with other time constants (development depends on them too)."""
    params = dict(od.OD_PARAMS, **changes)
    return od.measure_for_paper(_machine(), od.reared_population(_machine(), params=params), params=params)


BROKEN = [
    Broken(
        attacks=("deprived_eye_first", "md_shift", "lid_beats_ttx", "noise_drives_loss"),
        model="a sutured eye is silent (no noise): only the open eye changes",
        why="'disuse' is the intuitive account of deprivation; the deprived eye then keeps its synapses",
        measure=lambda: od.measure_for_paper(_machine(), _reared(), lid_noise=0.0),
    ),
    Broken(
        attacks=("open_eye_later",),
        model="the threshold falls as fast as it rises (tau_theta_fall = tau_theta, the notebook's first version)",
        why="the textbook BCM threshold has one time constant; the open eye then gains from the first day",
        measure=lambda: _with_params(tau_theta_fall=od.OD_PARAMS["tau_theta"]),
    ),
    Broken(
        attacks=("open_eye_later", "ttx_open_eye_gains", "binocular_recovery_partial"),
        model="the threshold never falls during the experiment (tau_theta_fall 1000 days): only the deprived eye changes",
        why="a threshold that only guards against runaway growth, without sliding down, leaves no room for the open eye",
        measure=lambda: od.measure_for_paper(
            _machine(), _reared(), params=dict(od.OD_PARAMS, tau_theta_fall=1000 * second)
        ),
    ),
    Broken(
        attacks=("md_shift", "reverse_suture_recovers", "critical_period"),
        model="the critical-period gate moved to adulthood (opens at P52, closes at P63.5)",
        why="a gate placed by hand can be placed wrong; the window must then show up at the wrong ages",
        measure=lambda: od.measure_for_paper(
            _machine(), _reared(), gate=dict(od.CRITICAL_PERIOD, age_open=52.0, age_close=63.5)
        ),
    ),
    Broken(
        attacks=("adult_md_small", "late_recovery_small"),
        model="the critical-period gate removed (full plasticity at every age)",
        why="without the gate the BCM rule has no age: adults would shift as much as juveniles",
        measure=lambda: od.measure_for_paper(_machine(), _reared(), gate=od.FULLY_OPEN),
    ),
]
