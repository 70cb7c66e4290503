"""Broken models for notebook 05 (see tests/broken_models/__init__.py for the format).

One compiled program (the notebook's network, 300 s per run); a broken model is the same program
run with other growth curves: no program is compiled for it. Each measurement is two runs
(control and lesion), about a second each on a quiet machine.
"""

from functools import lru_cache

from brian2 import second

import helpers
from broken_models import Broken
from helpers.models import structural

CHECKS = structural.paper_checks


@lru_cache(maxsize=1)
def _machine():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(structural.build_structural_network, duration=structural.RUN_DURATION)


def REFERENCE():
    return structural.measure_paper(_machine())


BROKEN = [
    Broken(
        attacks=("deprived_spines_up_boutons_down", "neighbour_bouton_overshoot"),
        model="one growth curve for boutons and spines (eta_A = eta_D = 1 Hz, the notebook's first version)",
        why="the rule is often written for 'synaptic elements' in general; then deprived neurons grow boutons too "
        "and the overshoot sits in their own synapses, not in their neighbours' boutons",
        measure=lambda: structural.measure_paper(_machine(), eta_A=structural.GROWTH_DEFAULTS["eta_D"]),
    ),
    Broken(
        attacks=("deprived_spines_up_boutons_down", "neighbour_bouton_overshoot", "deprived_rate_recovers"),
        model="the two curves swapped (boutons grow from 1 Hz, spines only from eta_A)",
        why="which element needs more activity is easy to get backwards; then quiet neurons keep sending "
        "and stop receiving",
        measure=lambda: structural.measure_paper(
            _machine(), eta_A=structural.GROWTH_DEFAULTS["eta_D"], eta_D=structural.GROWTH_DEFAULTS["eta_A"]
        ),
    ),
    Broken(
        attacks=("development_set_point", "development_overproduction", "deprived_rate_recovers"),
        model="no growth (nu = 0): synapses never form or go",
        why="the null model: any recovery or overproduction it shows comes from somewhere else",
        measure=lambda: structural.measure_paper(_machine(), nu=0 / second),
    ),
]
