"""Notebook 12's models (helpers.models.novelty): the error-driven learner and the 85 % rule, and
behavioural tagging on notebook 11's model with a dopamine pulse from novelty.

Built in: an error-driven rule cannot change without errors; a familiar place has no dopamine.
Emerges: where learning is fastest (the 85 % rule), the novelty window's edges and asymmetry.
Every check holds when each parameter it depends on moves by +/-10 % (the sweeps below).
"""

import numpy as np
import pytest
from brian2 import mV
from numerics import assert_no_subnormals

import helpers
from helpers.checks import failed_checks
from helpers.models import consolidation as stc
from helpers.models import novelty


@pytest.fixture(scope="module")
def model():
    helpers.setup_notebook(seed=12)
    calcium = helpers.compile_network(stc.build_calcium_exposure)
    calcium.run()
    machine = helpers.compile_network(stc.build_stc_network, n_rows=16, rule=novelty.NOVELTY_RULE)
    return machine, stc.exposure_table(calcium)


def test_precision_predicts_the_error_rate():
    """The learner's accuracy at a fixed gap is Phi(precision * gap), within sampling error."""
    run = novelty.train(gap=1.0, trials=200)
    precision = run["precision"][1:].mean(axis=1)  # the accuracy on trial k uses the weights before it
    expected = 1 - np.array([novelty.NormalDist().cdf(p * 1.0) for p in run["precision"][:-1].mean(axis=1)])
    assert abs(run["errors"].mean() - expected.mean()) < 0.02
    assert precision[-1] > precision[0]


def test_a_teacher_keeps_the_accuracy_it_is_asked_for():
    for accuracy in (0.6, 0.85, 0.95):
        run = novelty.train(accuracy=accuracy, trials=60)
        assert abs(1 - run["errors"].mean() - accuracy) < 0.03


def test_error_driven_rule_moves_only_on_errors():
    w, x = np.ones((2, 3)), np.ones((2, 3))
    step = novelty.error_driven(w, x, np.array([1.0, 1.0]), np.array([1.0, -1.0]), 0.1)
    assert np.all(step[0] == 0) and np.all(step[1] == 0.1)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="accuracy"):
        novelty.train(accuracy=1.2)
    with pytest.raises(ValueError, match="novelty time"):
        novelty.run_novelty({"n_rows": 2, "n_steps": 3}, None, [[]], [])


def test_paper_checks_pass_for_the_model(model):
    machine, table = model
    measured = novelty.measure_for_paper(machine, table)
    assert not failed_checks(novelty.paper_checks(measured))
    assert_no_subnormals("the tagging model", *(machine["group"].get_states([n])[n] for n in ("z_A", "z_B", "p")))


@pytest.mark.parametrize("name", ["eta", "n_inputs", "start_precision", "trials"])
@pytest.mark.parametrize("factor", [0.9, 1.1])
def test_the_85_percent_rule_survives_10_percent_changes(name, factor):
    value = novelty.LEARNER[name] * factor
    value = int(round(value)) if name in ("n_inputs", "trials") else value
    gains = novelty.learning_by_accuracy(novelty.error_driven, **{name: value})
    best = novelty.best_accuracy(novelty.ACCURACY_GRID, gains)
    assert 0.80 <= best <= 0.90, f"{name} x{factor}: fastest at {best:.3f}"


# The one result that flips within +/-10 %, reported as fragile in notebook 12: the tag of a weak
# change lasts about an hour, so with theta_tag 10 % higher novelty 1 h AFTER learning comes too late.
FRAGILE = {("theta_tag", 1.1): "novelty 1 h after learning"}


@pytest.mark.parametrize("factor", [0.9, 1.1])
@pytest.mark.parametrize("name", ["pulse", "theta_tag", "theta_pro", "tau_p", "tau_h", "tau_z"])
def test_the_novelty_window_survives_10_percent_changes(model, name, factor):
    machine, table = model
    if name == "pulse":
        kept = novelty.novelty_window(machine, table, pulse=novelty.DOPAMINE_PULSE * factor)
        alone = novelty.without_novelty(machine, table)
    else:
        changes = {name: stc.STC_PARAMS[name] * factor}
        kept = novelty.novelty_window(machine, table, changes=changes)
        alone = novelty.without_novelty(machine, table, changes)
    at = dict(zip(novelty.NOVELTY_DELAYS_H, kept))
    assert alone < 5 and at[-4] < 2 and at[4] < 2 and at[-1] >= 3, f"{name} x{factor}: {np.round(kept, 1)}"
    if (name, factor) in FRAGILE:
        assert at[1] < 3, f"{name} x{factor}: the fragile point now holds; update FRAGILE and the notebook"
    else:
        assert at[1] >= 3, f"{name} x{factor}: {np.round(kept, 1)}"


def test_changes_reach_the_model(model):
    """A run-time change of a parameter acts, and the next run without it is the model's own."""
    machine, table = model
    plain = novelty.novelty_window(machine, table, [4.0])
    loose = novelty.novelty_window(machine, table, [4.0], changes={"theta_tag": 0.05 * mV})
    again = novelty.novelty_window(machine, table, [4.0])
    assert loose[0] > plain[0] + 5 and again[0] == pytest.approx(plain[0])
