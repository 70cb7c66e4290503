"""Broken models for notebook 08 (see tests/broken_models/__init__.py for the format).

One compiled block of 800 touches (the notebook's ``block``), the notebook's adult map (25
blocks of everyday use from the seed-2026 start), the nerve cut of section 2 and the courses of
section 4 (doses 0-4, starts 0 and 8, seeds 1-3). Broken models that only read these runs
differently reuse them; the others run their own courses.
"""

from functools import lru_cache

import helpers
from broken_models import Broken
from helpers.models import cortical_map as cm
from helpers.models import rehabilitation as rehab

CHECKS = rehab.paper_checks
SEED = 2026


@lru_cache(maxsize=None)
def _block():
    helpers.setup_notebook(seed=SEED)
    return helpers.compile_network(cm.build_map_network, n_touches=rehab.BLOCK_TOUCHES, record_every=100)


@lru_cache(maxsize=None)
def _adult():
    state = cm.initial_state(seed=SEED)
    for k in range(25):
        state = cm.run_map(_block(), state, cm.touch_sequence([1] * 5, rehab.BLOCK_TOUCHES, seed=1000 * SEED + k))
    return state


@lru_cache(maxsize=None)
def _takeover():
    """Section 2: the nerve cut with the threshold adapting and frozen (touches, shares, shares)."""
    touches, adapting, _, _ = rehab.takeover_course(_block(), _adult(), rehab.AFFECTED, 5, seed=SEED + 10)
    _, frozen, _, _ = rehab.takeover_course(_block(), _adult(), rehab.AFFECTED, 5, seed=SEED + 10, homeostasis=False)
    return touches, adapting, frozen


def _always_used(performance):
    # broken policy: the patient keeps using the finger as a healthy one, however badly it works
    return 1.0


@lru_cache(maxsize=None)
def _courses(policy=rehab.spontaneous_use, doses=rehab.DOSES):
    dead = rehab.stroke_cells(_adult())
    return rehab.outcome_table(_block(), _adult(), dead, doses=doses, policy=policy)


def _measure(touches, adapting, frozen, courses):
    dead = rehab.stroke_cells(_adult())
    p_stroke = rehab.performance(_adult(), dead, territory_before=cm.territories(_adult())[rehab.AFFECTED])
    return rehab.paper_measures(touches, adapting, frozen, p_stroke, courses)


def REFERENCE():
    return _measure(*_takeover(), _courses())


def _frozen_cut():
    touches, _, frozen = _takeover()
    return _measure(touches, frozen, frozen, _courses())


def _control_left_adapting():
    touches, adapting, _ = _takeover()
    return _measure(touches, adapting, adapting, _courses())


def _no_therapy_effect():
    # the dose adds no touches: every course runs exactly as the course without therapy
    courses = _courses()
    return _measure(*_takeover(), {(d, s, k): courses[0, s, k] for d, s, k in courses})


BROKEN = [
    Broken(
        attacks=("takeover",),
        model="thresholds frozen during the nerve-cut run",
        why="homeostasis switched off (or a learning rate of 0 for the threshold) in the amputation experiment",
        measure=_frozen_cut,
    ),
    Broken(
        attacks=("takeover_needs_threshold",),
        model="the 'frozen' control run with the threshold still adapting",
        why="a control that forgets to switch homeostasis off shows no difference",
        measure=_control_left_adapting,
    ),
    Broken(
        attacks=("further_loss", "threshold_dose"),
        model="no learned non-use: the affected finger is used like a healthy one whatever its performance",
        why="without the use policy nothing makes a weak finger lose its surviving cells",
        measure=lambda: _measure(*_takeover(), _courses(policy=_always_used, doses=(0, 4))),
    ),
    Broken(
        attacks=("retraining_keeps", "threshold_dose", "late_needs_more"),
        model="therapy without effect: the dose adds no touches to the affected finger",
        why="a dose applied to a variable the map never reads",
        measure=_no_therapy_effect,
    ),
]
