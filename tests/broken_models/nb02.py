"""Broken models for notebook 02 (see tests/broken_models/__init__.py for the format).

Every entry re-runs the notebook's compiled pairing network (pair and triplet rules) with other
values, or reads the calcium rule's time above threshold with another formula: no new compile.
What an entry does not change is measured once and reused (the calcium runs take seconds).
"""

from functools import lru_cache

import numpy as np
from brian2 import ms, second

import helpers
from broken_models import Broken
from helpers.models import calcium, stdp

CHECKS = stdp.paper_checks


@lru_cache(maxsize=1)
def _pairing_machine():
    helpers.setup_notebook(seed=2026)
    rules = {
        "pair": (stdp.PAIR_RULE, stdp.PAIR_STDP_BI_POO),
        "triplet": (stdp.TRIPLET_RULE, stdp.TRIPLET_VISUAL_CORTEX),
    }
    longest = stdp.PAIRING_START + 59 * (10 * second) + 1 * second  # 60 pairs at 0.1 Hz
    return helpers.compile_network(stdp.build_pairing_network, n_channels=101, duration=longest, rules=rules)


@lru_cache(maxsize=1)
def _calcium_machine():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(
        calcium.build_pairing_network,
        n_channels=101,
        duration=stdp.PAIRING_START + 60 * second,
        n_pairs=stdp.BI_POO_PAIRS,
        start=stdp.PAIRING_START,
        rule=calcium.CALCIUM_RULE,
        params=calcium.GB2012_DP,
    )


@lru_cache(maxsize=1)
def _calcium_reference():
    """(time_d, time_p, drift-only rho) at the published timings."""
    time_d, time_p = stdp.calcium_times_at_fig2(_calcium_machine())
    rho = _calcium_machine()["calcium_rule"].rho[: len(time_d)].copy()
    return time_d, time_p, rho


def _measure(pair_values=None, triplet_values=None, bistable=calcium.GB2012_DP_BISTABLE):
    measured = stdp.measure_pairings(_pairing_machine(), pair_values, triplet_values)
    time_d, time_p, _ = _calcium_reference()
    measured["gb_ratio"] = 1 + calcium.full_model_change(time_d, time_p, calcium.GB2012_DP, bistable)
    return measured


def REFERENCE():
    return _measure()


def _rules_swapped():
    measured = _measure()
    measured["sjostrom_pair"], measured["sjostrom_triplet"] = measured["sjostrom_triplet"], measured["sjostrom_pair"]
    return measured


def _drift_only():
    measured = _measure()
    measured["gb_ratio"] = _calcium_reference()[2] / calcium.INITIAL_RHO
    return measured


PAIR = stdp.PAIR_STDP_BI_POO
HALF_NOISE = dict(calcium.GB2012_DP_BISTABLE, sigma=calcium.GB2012_DP_BISTABLE["sigma"] / np.sqrt(2))

BROKEN = [
    Broken(
        attacks=("sjostrom_size", "pair_contrast"),
        model="the pair and the triplet rule's results swapped",
        why="two curves computed side by side and read in the wrong order (run_pairings returns the pair rule first)",
        measure=_rules_swapped,
    ),
    Broken(
        attacks=("sjostrom_sign", "sjostrom_size"),
        model="the triplet rule's slow post trace far too short: tau_y = 20 ms instead of 114 ms",
        why="a trace that forgets within one 50-Hz period cannot carry potentiation from pair to pair",
        measure=lambda: _measure(triplet_values={"tau_y": 20 * ms}),
    ),
    Broken(
        attacks=("bi_poo_window",),
        model="the window's two sides swapped (the LTP amplitude on the LTD side and back)",
        why="A_plus and A_minus, or timing defined as t_pre - t_post, mixed up",
        measure=lambda: _measure(pair_values={"A_plus": PAIR["A_minus"], "A_minus": PAIR["A_plus"]}),
    ),
    Broken(
        attacks=("bi_poo_window",),
        model="an LTP time constant ten times too short: tau_plus = 1.68 ms",
        why="a unit slip in the window's time constant",
        measure=lambda: _measure(pair_values={"tau_plus": 1.68 * ms}),
    ),
    Broken(
        attacks=("gb_fig2_points", "gb_fig2_extremes"),
        model="the switching variance with 1/2 sigma^2 (half the noise power)",
        why="a factor 1/2 in the variance of rho; the authors' own code has none",
        measure=lambda: _measure(bistable=HALF_NOISE),
    ),
    Broken(
        attacks=("gb_fig2_points", "gb_fig2_extremes"),
        model="the drift alone, read as the change (no noise, no switching, no two-state readout)",
        why="the simplified rule of notebook 01 taken for the whole model",
        measure=_drift_only,
    ),
]
