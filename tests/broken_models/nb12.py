"""Broken models for notebook 12 (see tests/broken_models/__init__.py for the format)."""

from brian2 import mV

import helpers
from broken_models import Broken
from helpers.models import consolidation as stc
from helpers.models import novelty

CHECKS = novelty.paper_checks


def _model():
    """The exposure table and the compiled tagging model with notebook 12's rule (compiled once)."""
    helpers.setup_notebook(seed=12)
    calcium = helpers.compile_network(stc.build_calcium_exposure)
    calcium.run()
    machine = helpers.compile_network(stc.build_stc_network, n_rows=16, rule=novelty.NOVELTY_RULE)
    return machine, stc.exposure_table(calcium)


def _measure(**kwargs):
    machine, table = _model()
    return novelty.measure_for_paper(machine, table, **kwargs)


def REFERENCE():
    return _measure()


BROKEN = [
    Broken(
        attacks=("best_training_accuracy",),
        model="a synapse that learns on every trial, error or not (Hebbian with a teacher)",
        why="Hebbian learning is the collection's default picture of plasticity; it has no reason to prefer errors",
        measure=lambda: _measure(rule=novelty.hebbian),
    ),
    Broken(
        attacks=("best_training_accuracy", "sweet_spot"),
        model="no learning (eta = 0)",
        why="a learning rate of 0 is the simplest slip, and a flat curve has no sweet spot to find",
        measure=lambda: _measure(eta=0.0),
    ),
    Broken(
        attacks=("novelty_window",),
        model="novelty's dopamine lasts 6 hours instead of 30 minutes",
        why="the pulse length is the model's one assumption; a long one would rescue learning 4 h later",
        measure=lambda: _measure(pulse=6 * stc.hour),
    ),
    Broken(
        attacks=("novelty_window",),
        model="a tag that hardly fades (theta_tag 0.05 mV instead of 0.84 mV)",
        why="a tag threshold set near zero keeps every synapse tagged for many hours",
        measure=lambda: _measure(changes={"theta_tag": 0.05 * mV}),
    ),
    Broken(
        attacks=("weak_alone_fades", "novelty_window"),
        model="weak learning makes its own proteins (theta_pro 0.5 mV instead of 2.1 mV)",
        why="a protein threshold below a weak tetanus's early change makes every change last by itself",
        measure=lambda: _measure(changes={"theta_pro": 0.5 * mV}),
    ),
]
