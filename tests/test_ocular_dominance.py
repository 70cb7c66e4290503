"""Ocular dominance model of notebook 06 (helpers.models.ocular_dominance): unit checks of its
pieces, and the classic deprivation results as directions and relative sizes, each with a stated
tolerance. One compiled program (about 10-40 s the first time), then about 0.2 s per run.

What is built in and what emerges: the contralateral bias (ipsilateral input strength below 1)
and the critical period (the plasticity gate) are put in by hand; the shift towards the open eye,
the role of closed-eye noise (lid suture vs TTX), binocular vs monocular deprivation and reverse
suture vs binocular recovery follow from the BCM rule with its sliding threshold.
"""

import numpy as np
import pytest

import helpers
from helpers import data
from helpers.models import ocular_dominance as od

N_CELLS, GROUP = 400, 50


@pytest.fixture(scope="module")
def machine():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(od.build_od_network, n_cells=N_CELLS)


@pytest.fixture(scope="module")
def reared(machine):
    """400 cells after 20 days of normal vision with the gate held open (as in the notebook)."""
    state = od.random_cells(N_CELLS, seed=2026)
    for _ in range(2):
        od.run_groups(machine, state, [od.rearing(20)], gate=od.FULLY_OPEN)
        state = od.recorded_state(machine, state)
    return state


@pytest.fixture(scope="module")
def deprivations(machine, reared):
    """Eight 4-day experiments on the same 50 cells: closed-eye response (relative to before),
    open-eye response and mean ODI change after 4 days, per condition."""
    cells = od.take(reared, slice(0, GROUP))
    conditions = {
        "normal": od.rearing(28),
        "lid": od.rearing(28, (0, "lid", "open")),
        "ttx": od.rearing(28, (0, "ttx", "open")),
        "bd": od.rearing(28, (0, "lid", "lid")),
        "half noise": od.rearing(28, (0, "lid", "open"), lid_noise=od.LID_NOISE / 2),
        "double noise": od.rearing(28, (0, "lid", "open"), lid_noise=2 * od.LID_NOISE),
        "adult": od.rearing(60, (0, "lid", "open")),
        "ipsi lid": od.rearing(28, (0, "open", "lid")),
    }
    od.run_groups(machine, cells, list(conditions.values()))
    contra0, ipsi0 = od.eye_responses(cells)
    odi0 = od.ocular_dominance_index(contra0, ipsi0)
    contra, ipsi = od.eye_responses(od.recorded_state(machine, cells, day=4))
    n = len(conditions)
    closed = contra.reshape(n, GROUP).mean(axis=1) / contra0.mean()
    other = ipsi.reshape(n, GROUP).mean(axis=1) / ipsi0.mean()
    shift = (od.ocular_dominance_index(contra, ipsi) - np.tile(odi0, n)).reshape(n, GROUP).mean(axis=1)
    return {name: {"closed": closed[k], "other": other[k], "shift": shift[k]} for k, name in enumerate(conditions)}


# ---- the pieces -------------------------------------------------------------------------------


def test_gate_is_open_in_the_mouse_critical_period_and_low_outside():
    """The built-in gate: above 80 % of its peak from P24 to P31, at most 25 % at P15 and P36+,
    never below the adult level."""
    gate = od.critical_period_gate(np.arange(10, 80), **od.CRITICAL_PERIOD)
    ages = np.arange(10, 80)
    assert np.all(gate[(ages >= 24) & (ages <= 31)] > 0.8)
    assert np.all(gate[(ages <= 15) | (ages >= 36)] <= 0.25)
    assert gate.min() >= od.CRITICAL_PERIOD["adult_level"] - 1e-12
    assert od.critical_period_gate(70, **od.FULLY_OPEN) == pytest.approx(1.0)


def test_every_scene_is_shown_once_in_every_block():
    scenes = od.scene_sequence()
    blocks = scenes[: len(scenes) // od.N_PATTERNS * od.N_PATTERNS].reshape(-1, od.N_PATTERNS)
    assert np.all(np.sort(blocks, axis=1) == np.arange(od.N_PATTERNS))


def test_odi_sign_convention():
    """+1: contralateral eye only; -1: ipsilateral eye only; 0 for a cell that answers neither."""
    assert od.ocular_dominance_index([2.0, 0.0, 1.0, 0.0], [0.0, 3.0, 1.0, 0.0]).tolist() == [1.0, -1.0, 0.0, 0.0]


def test_rearing_refuses_bad_experiments():
    with pytest.raises(ValueError, match="an eye must be one of"):
        od.rearing(28, (0, "closed", "open"))
    with pytest.raises(ValueError, match="phases must start at day 0"):
        od.rearing(28, (1, "lid", "open"))
    with pytest.raises(ValueError, match="follow each other"):
        od.rearing(28, (0, "lid", "open"), (4, "open", "open"), (2, "open", "lid"))
    with pytest.raises(ValueError, match="age"):
        od.rearing(-3)


def test_compiled_program_is_reused(machine):
    assert helpers.compile_network(od.build_od_network, n_cells=N_CELLS) is machine


# ---- normal rearing ---------------------------------------------------------------------------


def test_normal_rearing_gives_selective_binocular_cells_with_a_contralateral_bias(reared):
    """BCM selectivity (notebook 01): each cell's best scene drives it at least 10 times more than
    its second best (binocular response); the contralateral bias (built in) leaves a mean ODI > 0.1;
    both eyes answer the same best scene in at least 95 % of cells (binocular matching)."""
    per_eye = reared["gain"][:, :, None] * reared["w"]
    both = np.sort(per_eye.sum(axis=1), axis=1)
    assert np.all(both[:, -2] < 0.1 * both[:, -1])
    contra, ipsi = od.eye_responses(reared)
    assert od.ocular_dominance_index(contra, ipsi).mean() > 0.1
    assert np.mean(per_eye[:, 0].argmax(axis=1) == per_eye[:, 1].argmax(axis=1)) >= 0.95


# ---- deprivation at P28 (Wiesel & Hubel 1963; Gordon & Stryker 1996; Rittenhouse et al. 1999) ---


def test_monocular_deprivation_shifts_towards_the_open_eye(deprivations):
    """Contralateral lid suture, 4 days at P28: mean ODI change < -0.3, closed eye < 0.8 and open
    eye >= 1.0 of before; ipsilateral suture shifts the other way (> +0.2); normal vision < 0.02."""
    assert deprivations["lid"]["shift"] < -0.3
    assert deprivations["lid"]["closed"] < 0.8 and deprivations["lid"]["other"] >= 1.0
    assert deprivations["ipsi lid"]["shift"] > 0.2
    assert abs(deprivations["normal"]["shift"]) < 0.02


def test_closed_eye_noise_drives_the_loss(deprivations):
    """Rittenhouse et al. 1999: TTX (no activity) costs the closed eye < 5 % of its response, lid
    suture at least 0.2 more; more noise, more loss (sigma/2 < sigma < 2 sigma)."""
    loss = {name: 1 - d["closed"] for name, d in deprivations.items()}
    assert loss["ttx"] < 0.05 and loss["lid"] > loss["ttx"] + 0.2
    assert loss["half noise"] < loss["lid"] < loss["double noise"]


def test_early_loss_grows_about_as_the_noise_squared(machine, reared):
    """The average drift of a closed eye's weight is proportional to sigma^2 (notebook 06, section 3):
    over the first quarter day, doubling sigma multiplies the loss by 3-7 (4 for a fixed threshold;
    the noise also raises the threshold, which adds to the loss)."""
    cells = od.take(reared, slice(0, GROUP))
    od.run_groups(
        machine,
        cells,
        [od.rearing(28, (0, "lid", "open"), lid_noise=0.1), od.rearing(28, (0, "lid", "open"), lid_noise=0.2)],
    )
    contra0, _ = od.eye_responses(cells)
    contra, _ = od.eye_responses(od.recorded_state(machine, cells, day=0.25))
    loss = 1 - contra.reshape(2, -1).mean(axis=1) / contra0.mean()
    assert loss[0] > 0
    assert 3 < loss[1] / loss[0] < 7, loss


def test_binocular_deprivation_costs_less_than_monocular(deprivations):
    """Wiesel & Hubel 1965, Gordon & Stryker 1996: the same lid noise in both eyes costs the
    contralateral eye less than 0.6 times what it costs in MD, and shifts the ODI by less than 0.1."""
    assert 1 - deprivations["bd"]["closed"] < 0.6 * (1 - deprivations["lid"]["closed"])
    assert abs(deprivations["bd"]["shift"]) < 0.1


def test_adult_deprivation_changes_little(deprivations):
    """Wiesel & Hubel 1963, Sato & Stryker 2008: 4 days at P60 shift the ODI by less than 15 % of the
    shift at P28, and the closed eye keeps at least 95 % of its response (built in: the adult gate)."""
    assert abs(deprivations["adult"]["shift"]) < 0.15 * abs(deprivations["lid"]["shift"])
    assert deprivations["adult"]["closed"] > 0.95


# ---- the critical period (Gordon & Stryker 1996) ------------------------------------------------


def test_critical_period_matches_gordon_and_stryker(machine, reared):
    """4 days of MD: the largest shift comes from an onset inside P19-P32 and within 3 days of P28;
    every onset inside keeps >= 40 % of it, every onset outside <= 25 % (built in: the gate)."""
    window = data.load("gordon_stryker_1996_critical_period")
    first, last = window["first_onset_day"][0], window["last_onset_day"][0]
    best = window["most_effective_onset_day"][0]
    onsets = np.array([15, 19, 22, 25, 28, 31, 34, 45])
    cells = od.take(reared, slice(0, GROUP))
    od.run_groups(machine, cells, [od.rearing(age, (0, "lid", "open")) for age in onsets])
    odi0 = od.ocular_dominance_index(*od.eye_responses(cells))
    after = od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=4)))
    shift = (after - np.tile(odi0, len(onsets))).reshape(len(onsets), -1).mean(axis=1)
    peak = int(np.argmin(shift))
    assert first <= onsets[peak] <= last and abs(onsets[peak] - best) <= 3
    inside = (onsets >= first) & (onsets <= last)
    assert np.all(shift[inside] / shift[peak] >= 0.4) and np.all(shift[~inside] / shift[peak] <= 0.25)


# ---- recovery (Mitchell, Cynader & Movshon 1977) -------------------------------------------------


def test_reverse_suture_recovers_and_binocular_vision_does_not(machine, reared):
    """MD from P24 to P28, then 4 days: reverse suture undoes at least half of the ODI shift and ends
    >= 0.3 above binocular recovery; the same deficit reverse-sutured from P45 recovers < 30 %."""
    cells = od.take(reared, slice(0, 100))
    before = od.ocular_dominance_index(*od.eye_responses(cells)).mean()
    od.run_groups(
        machine,
        cells,
        [
            od.rearing(24, (0, "lid", "open"), (4, "open", "open")),
            od.rearing(24, (0, "lid", "open"), (4, "open", "lid")),
        ]
        * 2,
    )

    def mean_odi(day):
        state = od.recorded_state(machine, cells, day=day)
        return od.ocular_dominance_index(*od.eye_responses(state)).reshape(4, -1).mean(axis=1)

    deprived, treated = mean_odi(4), mean_odi(8)
    binocular, reverse = treated[0], treated[1]
    assert (reverse - deprived[1]) / (before - deprived[1]) >= 0.5
    assert reverse >= binocular + 0.3
    deficit = od.take(od.recorded_state(machine, cells, day=4), slice(0, 100))
    od.run_groups(machine, deficit, [od.rearing(45, (0, "open", "lid"))])
    late = od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, deficit, day=4))).mean()
    assert (late - deprived[0]) / (before - deprived[0]) < 0.3
