"""Broken models for notebook 09 (see tests/broken_models/__init__.py for the format).

Three compiled programs, as in tests/test_pain_and_reward.py (conditioning, dorsal horn, reward);
a broken model is one of them run with other values: no program is compiled for it. A broken
model re-measures only the part of the notebook it changes and keeps the reference for the rest.
"""

from functools import lru_cache

from brian2 import Hz, ms, second

import helpers
from broken_models import Broken
from helpers.models import calcium, pain, reward


def CHECKS(measured):
    """The notebook's section 8 asserts ``pain.paper_checks(m) + reward.paper_checks(m)``."""
    return pain.paper_checks(measured) + reward.paper_checks(measured)


@lru_cache(maxsize=1)
def _conditioning():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(
        calcium.build_rate_protocol_network,
        n_channels=10,
        duration=1100 * second,
        rule=pain.SPINAL_RULE,
        exact_rule=pain.SPINAL_RULE_EXACT,
        params=pain.SPINAL_CALCIUM,
    )


@lru_cache(maxsize=1)
def _dorsal_horn():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(pain.build_dorsal_horn_network, n_cells=400, duration=2 * second)


@lru_cache(maxsize=1)
def _craving():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(reward.build_reward_network, n_blocks=12, per_block=10, duration=3600 * second)


def _pain(C_pulse=pain.CALCIUM_PER_PULSE, rule_values=None):
    measured = pain.measure_conditioning(_conditioning(), C_pulse, rule_values)
    measured.update(pain.measure_dorsal_horn(_dorsal_horn(), measured["hfs_change"]))
    return measured


def _hour(rule_values=None):
    _craving().run(reward.reward_run_values(_craving(), rate=1.5 * Hz, rule_values=rule_values))
    return reward.hour_summary(_craving())


@lru_cache(maxsize=1)
def _reference():
    measured = _pain()
    measured.update(_hour())
    measured.update(reward.measure_delay_sweep(_craving()))
    measured.update(reward.td_summary())
    return measured


def REFERENCE():
    return dict(_reference())


def _broken(**measured):
    return dict(_reference(), **measured)


PB = pain.CALCIUM_PER_PULSE["spino-parabrachial"]

BROKEN = [
    Broken(
        attacks=("lfs_depresses",),
        model="a pulse that lifts calcium 1 % short of theta_d (C_pulse = 0.99)",
        why="notebook 01's rate-protocol calcium sat 0.5 % above theta_d; a small slip puts it below, and 1 Hz does nothing",
        measure=lambda: _broken(**_pain(C_pulse={"spino-parabrachial": 0.99, "spino-PAG": 5.0})),
    ),
    Broken(
        attacks=("lfs_depresses",),
        model="depression = potentiation: both thresholds at 1 (theta_p = theta_d)",
        why="a rule where any calcium rise potentiates and depresses at once leaves only the balance of the rates",
        measure=lambda: _broken(**_pain(rule_values={"theta_p": 1.0})),
    ),
    Broken(
        attacks=("hfs_potentiates", "hyperalgesia"),
        model="calcium that decays too fast to sum (tau_ca = 2 ms)",
        why="an AMPA-like calcium transient instead of an NMDA-like one: 100 Hz pulses no longer pile up",
        measure=lambda: _broken(**_pain(rule_values={"tau_ca": 2 * ms})),
    ),
    Broken(
        attacks=("pag_ltp_at_2hz",),
        model="no cell-type difference: the spino-PAG cell gets the spino-parabrachial cell's calcium per pulse",
        why="one lamina I neuron for all: then 2 Hz depresses every C-fibre synapse",
        measure=lambda: _broken(**_pain(C_pulse={"spino-parabrachial": PB, "spino-PAG": PB})),
    ),
    Broken(
        attacks=("rewarded_reaches_max",),
        model="an eligibility trace far too short (tau_c = 0.1 s)",
        why="Izhikevich's code multiplies c by 0.99 every 10 ms; read as every 1 ms, tau_c is 0.1 s",
        measure=lambda: _broken(**_hour({"tau_c": 0.1 * second})),
    ),
    Broken(
        attacks=("others_fall",),
        model="potentiation and depression amplitudes swapped (A_plus 0.15, A_minus 0.1)",
        why="the two STDP amplitudes are easy to swap; random firing then leaves a positive trace",
        measure=lambda: _broken(**_hour({"A_plus": 0.15, "A_minus": 0.1})),
    ),
    Broken(
        attacks=("gain_follows_tau_c",),
        model="an eligibility trace twice as long (tau_c = 2 s)",
        why="a trace read off the wrong decay factor; the gain must then fall half as fast",
        measure=lambda: _broken(**reward.measure_delay_sweep(_craving(), rule_values={"tau_c": 2 * second})),
    ),
]
