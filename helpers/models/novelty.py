"""Novelty and challenge (notebook 12): an error-driven learner, and behavioural tagging.

**Part 1, the learner** (NumPy; a trial-by-trial model with no dynamics in time, so nothing to
compile). A readout with weights ``w`` (``n_inputs`` of them) sorts noisy stimuli into two
classes. On each trial the class ``label`` is -1 or +1 and the stimulus is
``x = label * difficulty_gap * e + noise`` (``e``: the true direction, a unit vector; ``noise``:
independent standard normal values). The output is ``output = sign(w . x)``. The learner's
**precision** is ``cos`` of the angle between ``w`` and ``e`` (1: perfect; 0: guessing); at a
distance ``gap`` from the boundary it is right with probability ``Phi(gap * precision)``
(``Phi``: the standard normal distribution function). A *rule* is a function
``rule(w, x, label, output, eta) -> dw`` on arrays with one row per learner. Training "at an
accuracy" sets each trial's gap so that the learner, as it is now, is right with that probability
(a teacher who keeps practice at a chosen difficulty, as Wilson et al. 2019 did).

**Part 2, behavioural tagging** (Brian2): notebook 11's synaptic tagging and capture model
(``consolidation``), with one addition: exploring a new place releases dopamine, and while it
lasts (``DOPAMINE_PULSE``, an assumption) the neuron makes plasticity-related proteins (``p``
is driven as by a strong tetanus; the D1/D5 requirement of Li et al. 2003 and Moncada & Viola
2007). A familiar place releases none. Weak learning is notebook 11's weak tetanus on input A:
it sets a tag and makes no proteins of its own.
"""

from statistics import NormalDist  # noqa: F401 (tests use novelty.NormalDist)

import numpy as np

from ..checks import PaperCheck
from ..validation import require_count, require_in_range
from . import consolidation as stc
from .rule import Rule

# ---------------------------------------------------------------- part 1: the learner
LEARNER = {
    "n_inputs": 50,  # inputs to the readout (our choice)
    "learners": 400,  # independent learners averaged (our choice: smooth curves)
    "trials": 40,  # trials of practice (our choice: long enough to learn, short of mastery)
    "eta": 0.05,  # learning rate (weight units per unit input)
    "start_precision": 0.3,  # precision before practice (a beginner who is above chance)
    "max_gap": 20.0,  # the easiest stimulus a teacher can show
}
ACCURACY_GRID = np.round(np.arange(0.60, 0.99, 0.025), 3)  # training accuracies scanned
OPTIMAL_ERROR_RATE = NormalDist().cdf(-1.0)  # Wilson et al. 2019: Phi(-1) = 15.87 %


def error_driven(w, x, label, output, eta):
    """The perceptron rule: a weight moves only on a trial with an error, towards the right answer."""
    return eta * ((label - output) / 2)[:, None] * x


def hebbian(w, x, label, output, eta):
    """A Hebbian rule with a teacher: every trial moves the weights towards the right answer, error or not."""
    return eta * label[:, None] * x


def _start(n_inputs, learners, start_precision, rng):
    """Weights of unit length whose precision is ``start_precision``; ``e`` is the first axis."""
    other = rng.normal(size=(learners, n_inputs))
    other[:, 0] = 0
    other /= np.linalg.norm(other, axis=1, keepdims=True)
    w = -other * np.sqrt(1 - start_precision**2)
    w[:, 0] = start_precision
    return w


def precision_of(w):
    """cos of the angle between each row of ``w`` and the true direction (the first axis)."""
    return w[:, 0] / np.linalg.norm(w, axis=1)


def train(rule=error_driven, accuracy=0.85, gap=None, trials=None, seed=12, weights=None, **overrides):
    """Practise ``trials`` trials; each trial's gap keeps the learner right with probability
    ``accuracy``, or is the fixed ``gap`` if given. ``weights``: go on from these (a previous
    run's ``weights``) instead of a beginner's. Returns a dict of arrays over trials:
    ``precision`` (trials + 1, learners), ``gap`` and ``errors`` (fraction of learners wrong) and
    ``change`` (mean size of the weight change, relative to the weights) per trial, and the final
    ``weights``."""
    p = {**LEARNER, **overrides}
    trials = require_count("trials", trials if trials is not None else p["trials"], 1, 100_000)
    if gap is None:
        require_in_range("accuracy", accuracy, 0.5, 1, low_inclusive=False, high_inclusive=False)
        z = NormalDist().inv_cdf(accuracy)
    rng = np.random.default_rng(seed)
    w = _start(p["n_inputs"], p["learners"], p["start_precision"], rng) if weights is None else np.array(weights)
    precision, gaps, errors, change = [precision_of(w)], [], [], []
    for _ in range(trials):
        now = np.maximum(precision_of(w), 0.05)
        g = np.full(len(w), float(gap)) if gap is not None else np.minimum(z / now, p["max_gap"])
        label = rng.choice([-1.0, 1.0], size=len(w))
        x = rng.normal(size=w.shape)
        x[:, 0] += label * g
        output = np.where(np.sum(w * x, axis=1) >= 0, 1.0, -1.0)
        dw = rule(w, x, label, output, p["eta"])
        change.append(float(np.mean(np.linalg.norm(dw, axis=1) / np.linalg.norm(w, axis=1))))
        w = w + dw
        precision.append(precision_of(w))
        gaps.append(float(np.mean(g)))
        errors.append(float(np.mean(output != label)))
    return {
        "precision": np.array(precision),
        "gap": np.array(gaps),
        "errors": np.array(errors),
        "change": np.array(change),
        "weights": w,
    }


def learning_by_accuracy(rule=error_driven, accuracies=ACCURACY_GRID, seed=12, **overrides):
    """Mean precision gained over the practice, for each training accuracy (same learners, same seed)."""
    gains = []
    for accuracy in accuracies:
        run = train(rule, accuracy=float(accuracy), seed=seed, **overrides)
        gains.append(float(np.mean(run["precision"][-1] - run["precision"][0])))
    return np.array(gains)


def best_accuracy(accuracies, gains):
    """The training accuracy where the gain peaks: the vertex of a parabola through the best
    point of the scan and its two neighbours (the scan's end point if the peak is at an end)."""
    k = int(np.argmax(gains))
    if k == 0 or k == len(gains) - 1:
        return float(accuracies[k])
    a = np.polyfit(accuracies[k - 1 : k + 2], gains[k - 1 : k + 2], 2)
    return float(-a[1] / (2 * a[0]))


# ---------------------------------------------------------------- part 2: behavioural tagging
# Notebook 11's rule with one addition: during a dopamine pulse (from ``da_start`` to ``da_end``,
# per neuron) proteins are made as if the early change were above theta_pro.
NOVELTY_RULE = Rule(
    equations=stc.STC_EQUATIONS.replace(
        "dp/dt = (-p + int(abs(h_A - h0) + abs(h_B - h0) > theta_pro)) / tau_p : 1",
        "dp/dt = (-p + clip(int(abs(h_A - h0) + abs(h_B - h0) > theta_pro) + dopamine, 0, 1)) / tau_p : 1\n"
        "dopamine = int(t >= da_start) * int(t < da_end) : 1",
    )
    + "da_start : second (constant)\nda_end : second (constant)\n"
)
DOPAMINE_PULSE = 30 * stc.minute  # the assumption: a few minutes of exploring release dopamine for 30 min
LEARNING_AT = 10 * stc.hour  # when the weak learning happens in every schedule
NOVELTY_DELAYS_H = np.array([-6, -4, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 4, 6])  # novelty minus learning
NEVER = 1e9  # a dopamine pulse that never comes (seconds)


def run_novelty(machine, table, schedules, novelty_at, pulse=DOPAMINE_PULSE, changes=None):
    """Run one schedule (a list of trains) per row; ``novelty_at``: per schedule, the time of its
    novel exploration (a Brian2 time), or None for none (a familiar place releases no dopamine).
    Rows left over get nothing. ``changes``: model parameters set for this run only, by name
    (``{"theta_tag": 0.1 * mV}``). Returns the machine (read with ``stc.traces`` or ``kept_after``)."""
    n_rows = machine["n_rows"]
    if len(schedules) > n_rows or len(novelty_at) != len(schedules):
        raise ValueError(f"give one novelty time (or None) per schedule, at most {n_rows} schedules")
    values = np.zeros((machine["n_steps"], 4 * n_rows))
    for row, schedule in enumerate(schedules):
        values[:, 4 * row : 4 * row + 4] = stc.exposures(schedule, table, machine["n_steps"])
    start = np.full(n_rows, NEVER)
    for row, at in enumerate(novelty_at):
        if at is not None:
            start[row] = float(at / stc.second)
    group = machine["group"]
    run_values = {
        machine["exposure"]: values,
        group.da_start: start * stc.second,
        group.da_end: (start + float(pulse / stc.second)) * stc.second,
    }
    for name, value in (changes or {}).items():
        if name not in stc.STC_PARAMS:
            raise ValueError(f"changes: name must be one of {sorted(stc.STC_PARAMS)}, got {name!r}")
        run_values[getattr(group, name)] = value
    machine.run(run_values)
    return machine


def kept_after(machine, n, days=1):
    """Weight change of the weakly learned input A (% of baseline), ``days`` after the learning."""
    return stc.kept(machine, n, "A", at=LEARNING_AT + days * 24 * stc.hour)


def novelty_window(machine, table, delays_h=NOVELTY_DELAYS_H, pulse=DOPAMINE_PULSE, changes=None):
    """Input A's weight change one day after weak learning at ``LEARNING_AT``, per delay (hours)
    of a novel exploration after it (negative: before it)."""
    schedules = [stc.weak_tetanus(LEARNING_AT, "A") for _ in delays_h]
    at = [LEARNING_AT + float(d) * stc.hour for d in delays_h]
    run_novelty(machine, table, schedules, at, pulse, changes)
    return kept_after(machine, len(schedules))


def without_novelty(machine, table, changes=None):
    """Input A's weight change one day after weak learning with no novel experience (%)."""
    run_novelty(machine, table, [stc.weak_tetanus(LEARNING_AT, "A")], [None], changes=changes)
    return float(kept_after(machine, 1)[0])


EASY_GAP = 6.0  # section 3's easy practice: far from the boundary
EASY_TRIALS = 300


def measure_for_paper(machine, table, rule=error_driven, pulse=DOPAMINE_PULSE, changes=None, **learner):
    """What ``paper_checks`` compares, measured with ``rule`` (the learner, with ``learner``
    settings such as ``eta``) and the compiled tagging model (``pulse``, ``changes`` as in
    ``run_novelty``)."""
    gains = learning_by_accuracy(rule, ACCURACY_GRID, **learner)
    easy = train(rule, gap=EASY_GAP, trials=EASY_TRIALS, **learner)
    window = novelty_window(machine, table, NOVELTY_DELAYS_H, pulse, changes)
    familiar = without_novelty(machine, table, changes)
    return {
        "accuracies": ACCURACY_GRID,
        "gains": gains,
        "mastered_change": float(easy["change"][-50:].mean()),
        "window_delays_h": NOVELTY_DELAYS_H,
        "window_kept": window,
        "alone_kept": familiar,
    }


# ---------------------------------------------------------------- the paper checks
def paper_checks(measured):
    """Notebook 12's comparisons with published results.

    ``measured``: ``accuracies`` and ``gains`` (precision gained per training accuracy, the
    notebook's learner), ``mastered_change`` (weight change per trial, relative to the weights,
    over the last trials of easy practice), ``window_delays_h`` and ``window_kept`` (% kept one day
    after weak learning, per novelty delay) and ``alone_kept`` (% kept with no novel experience;
    in the model a familiar place, which releases no dopamine, is the same).
    """
    accuracies, gains = np.asarray(measured["accuracies"]), np.asarray(measured["gains"])
    best = best_accuracy(accuracies, gains)
    at = dict(zip(np.round(accuracies, 3), gains))
    peak = float(np.max(gains))
    delays, kept = np.asarray(measured["window_delays_h"]), np.asarray(measured["window_kept"])
    near = kept[np.isin(delays, [-1, 1])]
    far = kept[np.isin(delays, [-4, 4])]
    return [
        PaperCheck(
            "best_training_accuracy",
            "Wilson et al. 2019: learning is fastest when practice is right about 85 % of the time",
            round(best, 3),
            "between 0.80 and 0.90",
            0.80 <= best <= 0.90,
        ),
        PaperCheck(
            "sweet_spot",
            "too easy and too hard both learn more slowly than the sweet spot",
            f"{at[0.6] / peak:.2f} and {at[0.975] / peak:.2f} of the peak",
            "both below 0.8 of the peak",
            peak > 0 and at[0.6] < 0.8 * peak and at[0.975] < 0.8 * peak,
        ),
        PaperCheck(
            "mastered_is_still",
            "an error-driven synapse does not move once the task is mastered",
            round(float(measured["mastered_change"]), 5),
            "< 0.001 per trial",
            float(measured["mastered_change"]) < 0.001,
            built_in=True,
        ),
        PaperCheck(
            "novelty_window",
            "Ramirez Butavand et al. 2020: novelty 1 h before or after learning helps, 4 h away does not",
            f"{near.min():.1f} % at 1 h, {far.max():.1f} % at 4 h",
            "both 1-h delays keep >= 3 %, both 4-h delays < 2 %",
            len(near) == 2 and len(far) == 2 and near.min() >= 3 and far.max() < 2,
        ),
        PaperCheck(
            "familiar_keeps_nothing",
            "Moncada & Viola 2007: a familiar place does not rescue weak learning",
            round(float(measured["alone_kept"]), 1),
            "< 5 %",
            float(measured["alone_kept"]) < 5,
            built_in=True,
        ),
        PaperCheck(
            "weak_alone_fades",
            "weak learning alone does not last a day",
            round(float(measured["alone_kept"]), 1),
            "< 5 %",
            float(measured["alone_kept"]) < 5,
        ),
    ]
