"""Broken models for notebook 01 (see tests/broken_models/__init__.py for the format).

Every entry re-runs the notebook's compiled rate-protocol network with other rule values
(no new compile): the same 12 frequencies, 900 pulses each.
"""

from brian2 import ms, second

import helpers
from broken_models import Broken
from helpers.models import calcium

CHECKS = calcium.paper_checks


def _machine():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second)


def _measure(**rule_values):
    return calcium.measure_for_paper(_machine(), rule_values)


def REFERENCE():
    return _measure()


P = calcium.RATE_PROTOCOL_CALCIUM
BROKEN = [
    Broken(
        attacks=("ltd_low", "crossover", "ltp_high", "whole_sign_pattern", "partial_ltd"),
        model="no plasticity: both rates gamma_d = gamma_p = 0",
        why="a rule whose rates were never set (or a learning rate of 0) changes nothing, whatever the frequency",
        measure=lambda: _measure(gamma_d=0.0, gamma_p=0.0),
    ),
    Broken(
        attacks=("crossover", "ltp_high", "whole_sign_pattern"),
        model="potentiation no stronger than depression: gamma_p = gamma_d = 200",
        why="with equal rates the ceiling gamma_p/(gamma_p+gamma_d) is 0.5, the start: no protocol can potentiate",
        measure=lambda: _measure(gamma_p=P["gamma_d"]),
    ),
    Broken(
        attacks=("ltd_low", "crossover", "whole_sign_pattern", "partial_ltd"),
        model="the two thresholds swapped: theta_d = 1.3, theta_p = 1.0",
        why="a mix-up of the two thresholds: one pulse then reaches the potentiation threshold only",
        measure=lambda: _measure(theta_d=P["theta_p"], theta_p=P["theta_d"]),
    ),
    Broken(
        attacks=("crossover", "whole_sign_pattern", "partial_ltd"),
        model="calcium that leaks twice as fast: tau_ca = 50 ms (GB2012's pair kinetics are faster still)",
        why="the calcium decay is the one number that places the crossover; a shorter NMDA-like time constant moves it",
        measure=lambda: _measure(tau_ca=50 * ms),
    ),
]
