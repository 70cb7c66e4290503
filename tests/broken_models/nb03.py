"""Broken models for notebook 03 (see tests/broken_models/__init__.py for the format).

The reference uses the notebook's three compiled programs and runs (1000 s of learning for three
neurons, 40-s runs with frozen weights, 300 s of practice for four). The broken models re-run the
same programs with other values (no new compile).
"""

from functools import lru_cache

from brian2 import ms, second

import helpers
from broken_models import Broken
from helpers.models import competition, stdp

CHECKS = competition.paper_checks
SONG = competition.SONG_2000_STDP


@lru_cache(maxsize=1)
def _machines():
    helpers.setup_notebook(seed=2026)

    def song_network(duration, **options):
        return helpers.compile_network(
            competition.build_song_network,
            duration=duration,
            rule=stdp.PAIR_RULE,
            stdp_params=SONG,
            step=0.2 * ms,
            **options,
        )

    return (
        song_network(1000 * second, n_neurons=3, n_correlated=0, report_every=100 * second),
        song_network(40 * second),
        song_network(300 * second, n_neurons=4, report_every=100 * second),
    )


def _measure(**options):
    return competition.measure_for_paper(*_machines(), **options)


@lru_cache(maxsize=1)
def _reference():
    return _measure()


def REFERENCE():
    return dict(_reference())


def _one_q_for_all():
    """Only the practice run changes: the learning runs are the reference's."""
    practice = competition.measure_practice(_machines()[2], shared=[0.2, 0.05, 0.1, 0.2])
    return dict(_reference(), **practice)


BROKEN = [
    Broken(
        attacks=("bimodal", "rate_stable", "frozen_contrast", "correlated_wins"),
        model="no learning: the weights stay at g_max / 2",
        why="STDP switched off, or a learning rate of 0: the output rate then follows the input rate",
        measure=lambda: _measure(learning=False),
    ),
    Broken(
        attacks=("bimodal", "rate_stable", "correlated_wins"),
        model="no depression bias: A_- = A_+ instead of 1.05 A_+ (additive STDP, hard bounds)",
        why="the 5 % excess of depression looks like a detail; without it chance pairings no longer weaken inputs",
        measure=lambda: _measure(stdp_values={"A_minus": SONG["A_plus"]}),
    ),
    Broken(
        attacks=("no_winner_without_correlation",),
        model="one shared fraction for every neuron (q = 0.2 also for the 'q = 0' neuron)",
        why="a parameter meant per neuron set once for all: the control then has a correlated group too",
        measure=_one_q_for_all,
    ),
]
