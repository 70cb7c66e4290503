"""Ocular dominance and its critical period (notebook 06): binocular BCM cells whose
plasticity rate is gated by age.

Each model cell receives ``K`` input channels from each eye. A visual scene is one of
``K`` patterns (pattern ``k`` drives channel ``k``), and both open eyes see the same
scene. The cell's response ``v`` is the weighted sum of all its inputs; its synapses
follow the BCM rule of notebooks 01 and 04, multiplied by an age-dependent
``plasticity`` factor (the critical period, built in, not explained).

Symbols (as in ``bcm``): ``u`` presynaptic rate (a.u., measured from the spontaneous
rate, so noise can make it negative); ``v = sum_k w_k u_k`` the cell's response
(a.u.); ``w`` a weight; ``theta`` the sliding threshold (follows ``v**2`` with time
constant ``tau_theta`` while ``v**2`` is above it, and ``tau_theta_fall`` while it is below:
it rises within hours and falls over days); ``tau_w`` the weights' time constant at full plasticity.
New here: ``age`` (postnatal day); ``plasticity`` (0-1, the critical-period gate, with
``age_open``, ``width_open``, ``age_close``, ``width_close``, ``adult_level``);
``gain`` an eye's input strength (contralateral 1, ipsilateral below 1);
``sigma`` the standard deviation of a closed eye's noise (a.u.); ``R_c``, ``R_i`` the cell's best response
through the contralateral and the ipsilateral eye alone; ODI = (R_c - R_i) / (R_c + R_i)
the ocular dominance index (+1: contralateral eye only, -1: ipsilateral eye only).

Model time: one day of the animal's life is one second of simulated time (``DAY``),
500 scenes per day (one every ``OD_DT``). Every run of the compiled program takes the
experiment of each group of cells as values (``run_groups``): compiled once.
"""

import numpy as np
from brian2 import Network, NeuronGroup, StateMonitor, Synapses, TimedArray, ms, second

from ..simulation import named_clock, time_step
from ..validation import require_count, require_in_range
from .rule import Rule, parameter_declarations, set_parameters

N_PATTERNS = 8  # K scenes (our choice: sparse enough that theta sits well above <v>)
DAY = 1 * second  # one day of age per second of model time (our choice)
OD_DT = 2 * ms  # one scene every 2 ms of model time: 500 per day
OD_RECORD_DT = 250 * ms  # weights and thresholds recorded every quarter day
OD_DURATION = 10 * second  # every run covers 10 days of age

# The BCM rule of notebooks 01 and 04, times the cell's age-dependent plasticity.
OD_RULE = Rule(
    equations="""
dw/dt = plasticity_post * u_pre * v_post * (v_post - theta_post) / tau_w : 1 (clock-driven)
v_post = w * u_pre : 1 (summed)
"""
)

# The cell: its response v (summed from the synapses), the sliding threshold, its age and the
# critical-period gate: a rise around age_open, a fall around age_close, adult_level after.
OD_NEURON_EQS = """
v : 1
dtheta/dt = (v**2 - theta) / (tau_theta + (tau_theta_fall - tau_theta) * int(v**2 < theta)) : 1
age = age_start + t / day : 1
opening = 1 / (1 + exp(-(age - age_open) / width_open)) : 1
closing = 1 / (1 + exp((age - age_close) / width_close)) : 1
plasticity = adult_level + (1 - adult_level) * opening * closing : 1 (constant over dt)
age_start : 1 (constant)
"""

# Time constants at full plasticity, in model time (1 s = 1 day), our choice: tau_w makes
# 4 days of deprivation at the peak shift ocular dominance clearly; tau_theta, 5 times
# shorter, is how fast the threshold rises, which keeps the rule stable (notebook 04: the
# threshold must catch a growing response) while averaging over about 35 scenes.
# tau_theta_fall: the threshold falls 7 times more slowly (half a day), so after one eye is
# closed the open eye's gain waits until the threshold has come down: the deprived eye's
# response falls first and the open eye's rises later, as in young mice (Frenkel & Bear 2004).
OD_PARAMS = {"tau_w": 0.35 * second, "tau_theta": 0.07 * second, "tau_theta_fall": 0.5 * second}

# The gate, built in. Chosen so that 4 days of monocular deprivation shift ocular dominance
# for onsets from about P19 to P32, most around P24-P28, and little before or after: the
# mouse critical period of Gordon & Stryker (1996), data/gordon_stryker_1996_critical_period.csv.
# adult_level: adult mice keep some ocular dominance plasticity, weaker and slower (Sato &
# Stryker 2008); 5 % of the peak rate is our choice.
CRITICAL_PERIOD = {"age_open": 22.0, "width_open": 1.5, "age_close": 33.5, "width_close": 1.0, "adult_level": 0.05}
FULLY_OPEN = dict(CRITICAL_PERIOD, adult_level=1.0)  # the gate held open (development run)

# Input strength of each eye. The ipsilateral eye's is drawn per cell (log-normal, median 0.7,
# kept between 0.3 and 1.2; our choice): it builds in the contralateral bias of mouse binocular
# cortex. The upper bound keeps every cell's BCM rule stable (notebook 04: the larger a cell's
# input, the faster its threshold must be).
IPSI_GAIN_MEDIAN = 0.7
IPSI_GAIN_SPREAD = 0.3  # standard deviation of its logarithm
IPSI_GAIN_RANGE = (0.3, 1.2)

# What each eye sees. "open": the scenes, no noise; "lid": lid suture, light without patterns,
# modelled as noise only (sigma = LID_NOISE, our choice: about half the input of a scene); "ttx": tetrodotoxin in the eye
# silences the retina (Rittenhouse et al. 1999): no input at all.
LID_NOISE = 0.45
EYE_STATES = {"open": (1.0, 0.0), "lid": (0.0, LID_NOISE), "ttx": (0.0, 0.0)}
MAX_PHASES = 3

INPUT_EQS = """
u : 1
gain : 1 (constant)
scene : integer (constant)
t_1 : second (constant)
t_2 : second (constant)
see_0 : 1 (constant)
see_1 : 1 (constant)
see_2 : 1 (constant)
noise_0 : 1 (constant)
noise_1 : 1 (constant)
noise_2 : 1 (constant)
"""
# Once per step: this channel's input, the scene it sees (if its eye is open) plus noise: uniform,
# zero mean, standard deviation sigma (cheaper to draw than Gaussian noise; the closed eye's average
# drift depends only on the noise's variance and symmetry).
INPUT_UPDATE = """
see = see_0 + (see_1 - see_0) * int(t >= t_1) + (see_2 - see_1) * int(t >= t_2)
sigma = noise_0 + (noise_1 - noise_0) * int(t >= t_1) + (noise_2 - noise_1) * int(t >= t_2)
u = gain * (see * int(abs(od_scenes(t) - scene) < 0.5) + sigma * sqrt(12) * (rand() - 0.5))
"""


def critical_period_gate(age, age_open=22.0, width_open=1.5, age_close=33.5, width_close=1.0, adult_level=0.05):
    """The ``plasticity`` factor of ``OD_NEURON_EQS`` at postnatal day ``age`` (NumPy; for plots and
    checks). The defaults are ``CRITICAL_PERIOD``; ``critical_period_gate(age, **FULLY_OPEN)`` is 1."""
    age = np.asarray(age, dtype=float)
    window = 1 / (1 + np.exp(-(age - age_open) / width_open)) / (1 + np.exp((age - age_close) / width_close))
    return adult_level + (1 - adult_level) * window


def scene_sequence(duration=OD_DURATION, n_patterns=N_PATTERNS, seed=6):
    """The scenes shown, one per ``OD_DT``: the ``K`` patterns in a new random order in every
    block of ``K`` steps (fixed by ``seed``), so each is seen equally often on every time scale."""
    n_steps = int(round(float(duration / OD_DT)))
    rng = np.random.default_rng(seed)
    blocks = [rng.permutation(n_patterns) for _ in range(n_steps // n_patterns + 1)]
    return np.concatenate(blocks)[:n_steps].astype(float)


def build_od_network(
    n_cells=400,
    n_patterns=N_PATTERNS,
    duration=OD_DURATION,
    rule=OD_RULE,
    neuron_eqs=OD_NEURON_EQS,
    params=OD_PARAMS,
    gate=CRITICAL_PERIOD,
):
    """``n_cells`` independent binocular cells, each with ``n_patterns`` channels per eye (for
    ``compile_network``). Input channel ``j`` belongs to cell ``j // (2 K)``, eye ``(j // K) % 2``
    (0 contralateral, 1 ipsilateral), pattern ``j % K``; synapse ``j`` connects channel ``j``.

    Nothing is set that a run cannot change: ages, eye gains, what each eye sees when,
    initial weights and thresholds, ``tau_w``, ``tau_theta`` and the gate's parameters are all
    run-time values (``run_groups``). Steps at ``OD_DT``, records every ``OD_RECORD_DT``. Calls ``run``.
    """
    n_cells = require_count("n_cells", n_cells, 1, 2000)
    n_patterns = require_count("n_patterns", n_patterns, 2, 50)
    scenes = TimedArray(scene_sequence(duration, n_patterns), dt=OD_DT, name="od_scenes")
    cell_params = {**{k: v for k, v in params.items() if k != "tau_w"}, **gate}
    cells = NeuronGroup(
        n_cells,
        neuron_eqs + parameter_declarations(cell_params),
        method="euler",
        namespace={"day": DAY},
        name="od_cells",
    )
    # In each step: the inputs, then v (summed), then the weights with the threshold of the step
    # before, then the threshold (otherwise the weights would see a threshold that already holds
    # this step's v**2, a bias of about dt / tau_theta * v**2)
    cells.state_updater.order = 1
    set_parameters(cells, cell_params)
    cells.theta = 1.0
    cells.age_start = 28.0
    n_inputs = n_cells * 2 * n_patterns
    inputs = NeuronGroup(n_inputs, INPUT_EQS, namespace={"od_scenes": scenes}, name="od_inputs")
    inputs.scene = np.arange(n_inputs) % n_patterns
    inputs.gain = 1.0
    inputs.see_0 = inputs.see_1 = inputs.see_2 = 1.0
    inputs.t_1 = inputs.t_2 = 2 * duration
    inputs.run_regularly(INPUT_UPDATE, when="start", name="od_inputs_update")
    syn_params = {"tau_w": params["tau_w"]}
    synapses = Synapses(
        inputs,
        cells,
        rule.equations + parameter_declarations(syn_params),
        method="euler",
        namespace={"day": DAY},
        name="od_synapses",
    )  # plasticity_post needs the day
    synapses.connect(i=np.arange(n_inputs), j=np.arange(n_inputs) // (2 * n_patterns))
    set_parameters(synapses, syn_params)
    synapses.w = 0.3
    record_clock = named_clock(OD_RECORD_DT)
    weights = StateMonitor(synapses, "w", record=True, clock=record_clock, name="od_weights")
    thresholds = StateMonitor(cells, "theta", record=True, clock=record_clock, name="od_thresholds")
    with time_step(OD_DT):
        Network(inputs, cells, synapses, weights, thresholds).run(duration, namespace={})
    return {
        "cells": cells,
        "inputs": inputs,
        "synapses": synapses,
        "weights": weights,
        "thresholds": thresholds,
        "n_cells": n_cells,
        "n_patterns": n_patterns,
        "duration": duration,
    }


def random_cells(n_cells, n_patterns=N_PATTERNS, seed=1):
    """A starting population before any experience: small random weights, theta = 1, and each
    cell's eye gains (contralateral 1, ipsilateral log-normal around ``IPSI_GAIN_MEDIAN``)."""
    rng = np.random.default_rng(seed)
    ipsi = np.clip(np.exp(rng.normal(np.log(IPSI_GAIN_MEDIAN), IPSI_GAIN_SPREAD, n_cells)), *IPSI_GAIN_RANGE)
    return {
        "w": rng.uniform(0.0, 0.6, (n_cells, 2, n_patterns)),
        "theta": np.ones(n_cells),
        "gain": np.stack([np.ones(n_cells), ipsi], axis=1),
    }


def take(state, cells):
    """The cells ``cells`` (indices or a slice) of a population ``state``."""
    return {key: np.asarray(value)[cells] for key, value in state.items()}


def rearing(age, *phases, lid_noise=LID_NOISE):
    """One group's experiment: it starts at postnatal day ``age``; each phase is
    ``(from_day, contra, ipsi)``: from that many days after the start, each eye is ``"open"``,
    ``"lid"`` (sutured: noise of size ``lid_noise`` only) or ``"ttx"`` (silenced). The first
    phase starts at day 0; up to three phases. Without phases both eyes stay open."""
    require_in_range("age", age, 0, 400, "days")
    require_in_range("lid_noise", lid_noise, 0, 2)
    phases = list(phases) or [(0, "open", "open")]
    if len(phases) > MAX_PHASES:
        raise ValueError(f"give at most {MAX_PHASES} phases, got {len(phases)}")
    starts = [float(p[0]) for p in phases]
    if starts[0] != 0 or any(b <= a for a, b in zip(starts, starts[1:])):
        raise ValueError(f"phases must start at day 0 and follow each other in time, got starts {starts}")
    eyes = []
    for _, *both in phases:
        for state in both:
            if state not in EYE_STATES:
                raise ValueError(f"an eye must be one of {sorted(EYE_STATES)}, got {state!r}")
        eyes.append([(EYE_STATES[s][0], lid_noise if s == "lid" else EYE_STATES[s][1]) for s in both])
    return {"age": float(age), "starts": starts, "eyes": eyes}


def run_groups(machine, state, groups, params=None, gate=None):
    """Run the compiled network with one experiment per group of cells (``rearing`` dicts).

    The cells are split into ``len(groups)`` equal groups, in order; cell ``c`` starts from cell
    ``c`` of ``state`` (``w``: cells x 2 x K, ``theta``, ``gain``: cells x 2). A ``state`` with
    fewer cells is repeated to fill the network (its size must divide the number of cells): with
    one group's worth of cells, every group starts from the same cells.
    ``params`` / ``gate`` change ``tau_w``, ``tau_theta``, ``tau_theta_fall`` or the gate's parameters
    for this run.
    Returns ``machine``.
    """
    n_cells, k = machine["n_cells"], machine["n_patterns"]
    if not 1 <= len(groups) <= n_cells or n_cells % len(groups):
        raise ValueError(f"the number of groups must divide {n_cells}, got {len(groups)}")
    per_group = n_cells // len(groups)
    w, theta, gain = (np.asarray(state[key], dtype=float) for key in ("w", "theta", "gain"))
    if len(w) and n_cells % len(w) == 0:
        w, theta, gain = (np.concatenate([a] * (n_cells // len(w))) for a in (w, theta, gain))
    if w.shape != (n_cells, 2, k) or theta.shape != (n_cells,) or gain.shape != (n_cells, 2):
        raise ValueError(
            f"state must hold w (cells x 2 x {k}), theta and gain (cells x 2) for {n_cells} "
            f"cells or a number of cells that divides it, got w {w.shape}"
        )
    cell_of_group = np.repeat(np.arange(len(groups)), per_group)
    age = np.array([groups[g]["age"] for g in cell_of_group])
    starts = np.full((n_cells, MAX_PHASES), 2 * float(machine["duration"] / second))
    see = np.zeros((n_cells, 2, MAX_PHASES))
    noise = np.zeros((n_cells, 2, MAX_PHASES))
    for c, g in enumerate(cell_of_group):
        group = groups[g]
        for p, (start, eyes) in enumerate(zip(group["starts"], group["eyes"])):
            starts[c, p] = start
            for eye, (s, n) in enumerate(eyes):
                see[c, eye, p], noise[c, eye, p] = s, n
        for p in range(len(group["starts"]), MAX_PHASES):  # later phases repeat the last one
            see[c, :, p], noise[c, :, p] = see[c, :, p - 1], noise[c, :, p - 1]

    def per_input(per_cell_eye):  # (cells, 2) -> one value per input channel
        return np.repeat(per_cell_eye.reshape(-1), k)

    inputs, cells, synapses = machine["inputs"], machine["cells"], machine["synapses"]
    values = {
        cells.age_start: age,
        cells.theta: theta,
        synapses.w: w.reshape(-1),
        inputs.gain: per_input(gain),
        inputs.t_1: np.repeat(starts[:, 1], 2 * k) * DAY,
        inputs.t_2: np.repeat(starts[:, 2], 2 * k) * DAY,
    }
    for p in range(MAX_PHASES):
        values[getattr(inputs, f"see_{p}")] = per_input(see[:, :, p])
        values[getattr(inputs, f"noise_{p}")] = per_input(noise[:, :, p])
    for name, value in (params or {}).items():
        if name not in OD_PARAMS:
            raise ValueError(f"params must be among {sorted(OD_PARAMS)}, got {name!r}")
        values[getattr(synapses if name == "tau_w" else cells, name)] = value
    for name, value in (gate or {}).items():
        if name not in CRITICAL_PERIOD:
            raise ValueError(f"gate parameters must be among {sorted(CRITICAL_PERIOD)}, got {name!r}")
        values[getattr(cells, name)] = value
    return machine.run(values)


def recorded_state(machine, state, day=None):
    """The population after the last run (or at ``day`` days after its start, from the
    quarter-day records): ``w``, ``theta`` and the ``gain`` of ``state`` (tiled as in ``run_groups``)."""
    n_cells, k = machine["n_cells"], machine["n_patterns"]
    if day is None:
        w, theta = machine["synapses"].w[:], machine["cells"].theta[:]
    else:
        t_days = machine["weights"].t / DAY
        index = int(np.argmin(np.abs(t_days - day)))
        if abs(t_days[index] - day) > 1e-6:
            raise ValueError(f"day must be a multiple of {float(OD_RECORD_DT / DAY)} within the run, got {day}")
        w, theta = machine["weights"].w[:, index], machine["thresholds"].theta[:, index]
    gain = np.asarray(state["gain"], dtype=float)
    if len(gain) != n_cells:
        gain = np.concatenate([gain] * (n_cells // len(gain)))
    return {"w": np.array(w).reshape(n_cells, 2, k), "theta": np.array(theta), "gain": gain}


def eye_responses(state):
    """Each cell's best response through each eye alone: ``(R_c, R_i)``, two arrays (a.u., >= 0).

    Through one eye, pattern ``k`` drives the cell by ``gain * w_k``; the best pattern counts,
    as an experimenter reports the response to the optimal stimulus.
    """
    responses = np.asarray(state["gain"])[:, :, None] * np.asarray(state["w"])
    best = np.clip(responses.max(axis=2), 0, None)
    return best[:, 0], best[:, 1]


def ocular_dominance_index(contra, ipsi):
    """ODI = (R_c - R_i) / (R_c + R_i) per cell: +1 contralateral only, -1 ipsilateral only
    (0 for a cell that answers neither eye)."""
    contra, ipsi = np.asarray(contra, dtype=float), np.asarray(ipsi, dtype=float)
    total = contra + ipsi
    return np.divide(contra - ipsi, total, out=np.zeros_like(total), where=total > 0)


def response_course(machine, state):
    """Time (days) and each cell's best contralateral and ipsilateral response at every record:
    ``(t_days, R_c, R_i)`` with ``R_c``, ``R_i`` of shape cells x records."""
    n_cells, k = machine["n_cells"], machine["n_patterns"]
    t_days = machine["weights"].t / DAY
    w = machine["weights"].w[:].reshape(n_cells, 2, k, len(t_days))
    gain = recorded_state(machine, state)["gain"]
    best = np.clip((gain[:, :, None, None] * w).max(axis=2), 0, None)
    return t_days, best[:, 0], best[:, 1]


def half_max_window(onsets, changes):
    """The onset ages (days) where the size of ``changes`` crosses half its largest size, found by
    linear interpolation between neighbouring onsets on each side of the largest one:
    ``(first, last)``, floats. An edge that the onsets do not bracket is the outermost onset."""
    onsets, size = np.asarray(onsets, dtype=float), np.abs(np.asarray(changes, dtype=float))
    half, peak = size.max() / 2, int(np.argmax(size))
    first, last = onsets[0], onsets[-1]
    for k in range(peak, 0, -1):  # walk left from the peak to the first onset below half
        if size[k - 1] < half:
            first = onsets[k - 1] + (half - size[k - 1]) / (size[k] - size[k - 1]) * (onsets[k] - onsets[k - 1])
            break
    for k in range(peak, len(size) - 1):  # walk right
        if size[k + 1] < half:
            last = onsets[k] + (size[k] - half) / (size[k] - size[k + 1]) * (onsets[k + 1] - onsets[k])
            break
    return float(first), float(last)


# ---- the reproduce-the-paper measurement and its checks (notebook 06, section 7) ---------------

PAPER_ONSETS = np.array([15, 19, 22, 25, 28, 31, 34, 45])  # onset ages of the critical-period sweep
PAPER_TREATMENT_AGES = np.array([28, 32, 36, 45])  # onsets of reverse suture after the same deficit


def reared_population(machine, seed=2026, params=None, gate=FULLY_OPEN):
    """The normally reared cells: random cells after 2 x 10 days of vision with both eyes, the
    gate held open (the notebook's section 2)."""
    state = random_cells(machine["n_cells"], machine["n_patterns"], seed=seed)
    for _ in range(2):
        run_groups(machine, state, [rearing(20)], params=params, gate=gate)
        state = recorded_state(machine, state)
    return state


def _relative_courses(machine, cells, n_groups):
    """Per group: the contralateral and ipsilateral mean response relative to before, and the mean
    ODI change, at every record (groups x records), with the record times (days)."""
    t_days, contra, ipsi = response_course(machine, cells)
    contra0, ipsi0 = eye_responses(cells)
    odi0 = ocular_dominance_index(contra0, ipsi0)
    per = len(contra) // n_groups
    rel_c = contra.reshape(n_groups, per, -1).mean(axis=1) / contra0.mean()
    rel_i = ipsi.reshape(n_groups, per, -1).mean(axis=1) / ipsi0.mean()
    change = ocular_dominance_index(contra, ipsi) - np.tile(odi0, n_groups)[:, None]
    return t_days, rel_c, rel_i, change.reshape(n_groups, per, -1).mean(axis=1)


def measure_for_paper(machine, reared, params=None, gate=None, lid_noise=LID_NOISE):
    """Everything ``paper_checks`` compares with the papers, from normally reared cells ``reared``
    (400 cells): four runs of the compiled program (about 1-2 s). ``params``, ``gate`` and
    ``lid_noise`` change the model for every run (for broken models and robustness sweeps).
    Responses are relative to before the deprivation; days count from its start."""
    n = machine["n_cells"]
    cells = take(reared, slice(0, n // 8))
    lid = (0, "lid", "open")
    conditions = [
        rearing(28, lid, lid_noise=lid_noise),
        rearing(28, (0, "ttx", "open")),
        rearing(28, (0, "lid", "lid"), lid_noise=lid_noise),
        rearing(28, lid, lid_noise=lid_noise / 2),
        rearing(28, lid, lid_noise=2 * lid_noise),
        rearing(60, lid, lid_noise=lid_noise),
        rearing(28),
        rearing(15, lid, lid_noise=lid_noise),
    ]
    run_groups(machine, cells, conditions, params=params, gate=gate)
    t, closed, other, shift = _relative_courses(machine, cells, len(conditions))

    def day(d):
        return int(np.argmin(np.abs(t - d)))

    d1, d4, d7 = day(1), day(4), day(7)
    measured = {
        "mean_odi_reared": float(ocular_dominance_index(*eye_responses(reared)).mean()),
        "md_days": t,
        "md_deprived": closed[0],
        "md_open": other[0],
        "md_deprived_day1": float(closed[0, d1]),
        "md_open_day1": float(other[0, d1]),
        "md_open_day7": float(other[0, d7]),
        "md_shift_day4": float(shift[0, d4]),
        "ttx_closed_day4": float(closed[1, d4]),
        "ttx_open_day7": float(other[1, d7]),
        "bd_loss_day4": float(1 - closed[2, d4]),
        "md_losses_by_noise_day4": [float(1 - closed[k, d4]) for k in (3, 0, 4)],
        "adult_shift_day4": float(shift[5, d4]),
        "normal_shift_day4": float(shift[6, d4]),
    }
    run_groups(machine, cells, [rearing(a, lid, lid_noise=lid_noise) for a in PAPER_ONSETS], params=params, gate=gate)
    _, _, _, sweep = _relative_courses(machine, cells, len(PAPER_ONSETS))
    measured["cp_onsets"], measured["cp_shifts"] = PAPER_ONSETS, sweep[:, d4]

    cells_100 = take(reared, slice(0, n // 4))
    before = ocular_dominance_index(*eye_responses(cells_100)).mean()
    recovery = [
        rearing(24, lid, (4, "open", "open"), lid_noise=lid_noise),  # binocular recovery (BR)
        rearing(24, lid, (4, "open", "lid"), lid_noise=lid_noise),  # reverse suture (RS)
        rearing(24, lid, lid_noise=lid_noise),
        rearing(24),
    ]
    run_groups(machine, cells_100, recovery, params=params, gate=gate)
    t, _, _, rec_shift = _relative_courses(machine, cells_100, len(recovery))
    odi = before + rec_shift

    def recovered(group, d):  # 0: where MD left it (day 4); 1: back to before
        return float((odi[group, day(d)] - odi[group, d4]) / (before - odi[group, d4]))

    measured["br_recovered_day8"], measured["rs_recovered_day8"] = recovered(0, 8), recovered(1, 8)
    measured["br_odi_after_md"], measured["br_odi_day10"] = float(odi[0, d4]), float(odi[0, -1])
    measured["md_shift_p24"] = float(odi[0, d4] - before)
    deficit = take(recorded_state(machine, cells_100, day=4), slice(0, n // 4))
    odi_deficit = ocular_dominance_index(*eye_responses(deficit)).mean()
    late = [rearing(a, (0, "open", "lid"), lid_noise=lid_noise) for a in PAPER_TREATMENT_AGES]
    run_groups(machine, deficit, late, params=params, gate=gate)
    _, _, _, late_shift = _relative_courses(machine, deficit, len(late))
    late_odi = odi_deficit + late_shift[:, d4]
    measured["late_treatment_ages"] = PAPER_TREATMENT_AGES
    measured["late_recovered"] = (late_odi - odi_deficit) / (before - odi_deficit)
    return measured


def paper_checks(measured):
    """The notebook's comparisons with the papers, as ``PaperCheck``s (helpers.checks), from
    ``measure_for_paper``. Built-in checks are labelled: the model cannot fail them."""
    from ..checks import PaperCheck

    m = measured
    onsets, shifts = np.asarray(m["cp_onsets"]), np.asarray(m["cp_shifts"])
    peak = int(np.argmin(shifts))
    inside = (onsets >= 19) & (onsets <= 32)
    relative = shifts / shifts[peak]
    losses = m["md_losses_by_noise_day4"]
    late = float(np.asarray(m["late_recovered"])[np.asarray(m["late_treatment_ages"]) == 45][0])
    return [
        PaperCheck(
            "contra_bias",
            "after normal rearing most cells prefer the contralateral eye (Wiesel & Hubel 1963)",
            m["mean_odi_reared"],
            "mean ODI > 0.1",
            m["mean_odi_reared"] > 0.1,
            built_in=True,
        ),
        PaperCheck(
            "deprived_eye_first",
            "MD: the deprived eye's response falls within days, before the open eye's rises (Frenkel & Bear 2004)",
            f"day 1: deprived {m['md_deprived_day1']:.2f}, open {m['md_open_day1']:.2f}",
            "day 1: deprived <= 0.8 and open <= 1.05 of before",
            m["md_deprived_day1"] <= 0.8 and m["md_open_day1"] <= 1.05,
        ),
        PaperCheck(
            "open_eye_later",
            "MD: the open eye's response rises later, after days of deprivation (Frenkel & Bear 2004)",
            f"open eye {m['md_open_day1']:.2f} on day 1, {m['md_open_day7']:.2f} on day 7",
            "<= 1.05 of before on day 1, >= 1.3 on day 7",
            m["md_open_day1"] <= 1.05 and m["md_open_day7"] >= 1.3,
        ),
        PaperCheck(
            "md_shift",
            "4 days of MD at P28 shift ocular dominance to the open eye (Gordon & Stryker 1996)",
            m["md_shift_day4"],
            "mean ODI change < -0.3",
            m["md_shift_day4"] < -0.3,
        ),
        PaperCheck(
            "ttx_closed_eye",
            "a retina silenced by TTX does not depress its own synapses (Frenkel & Bear 2004)",
            m["ttx_closed_day4"],
            "within 1 % of before (no input, no change)",
            abs(m["ttx_closed_day4"] - 1) < 0.01,
            built_in=True,
        ),
        PaperCheck(
            "ttx_open_eye_gains",
            "with one retina silenced, the other eye's response grows (Frenkel & Bear 2004)",
            m["ttx_open_day7"],
            ">= 1.2 of before after 7 days",
            m["ttx_open_day7"] >= 1.2,
        ),
        PaperCheck(
            "lid_beats_ttx",
            "lid suture costs the deprived eye more than TTX (Rittenhouse et al. 1999)",
            losses[1] - (1 - m["ttx_closed_day4"]),
            "lid-sutured eye's loss minus TTX's after 4 days > 0.2",
            losses[1] > (1 - m["ttx_closed_day4"]) + 0.2,
        ),
        PaperCheck(
            "noise_drives_loss",
            "more noise from the closed eye, more loss (the BCM prediction behind Rittenhouse et al. 1999)",
            " < ".join(f"{x:.2f}" for x in losses),
            "loss with sigma/2 < sigma < 2 sigma, each by > 0.02",
            losses[0] + 0.02 < losses[1] < losses[2] - 0.02,
        ),
        PaperCheck(
            "critical_period",
            "4-day MD shifts OD for onsets P19-P32, most near P28 (Gordon & Stryker 1996)",
            f"largest at P{onsets[peak]}",
            "largest inside P19-P32 within 3 days of P28; inside >= 40 %, outside <= 30 % of it",
            19 <= onsets[peak] <= 32
            and abs(onsets[peak] - 28) <= 3
            and np.all(relative[inside] >= 0.4)
            and np.all(relative[~inside] <= 0.3),
            built_in=True,
        ),
        PaperCheck(
            "adult_md_small",
            "the same MD at P60 changes little (Sato & Stryker 2008)",
            m["adult_shift_day4"] / m["md_shift_day4"] if m["md_shift_day4"] else float("nan"),
            "|shift at P60| < 15 % of the shift at P28",
            abs(m["adult_shift_day4"]) < 0.15 * abs(m["md_shift_day4"]),
            built_in=True,
        ),
        PaperCheck(
            "reverse_suture_recovers",
            "reverse suture brings the deprived eye back (Mitchell et al. 1977)",
            m["rs_recovered_day8"],
            "MD from P24 shifts the mean ODI by >= 0.2; >= 50 % of it undone 4 days later, >= 0.2 more than BR",
            m["md_shift_p24"] <= -0.2
            and m["rs_recovered_day8"] >= 0.5
            and m["rs_recovered_day8"] >= m["br_recovered_day8"] + 0.2,
        ),
        PaperCheck(
            "binocular_recovery_partial",
            "binocular vision after MD brings some recovery, less than reverse suture (Mitchell et al. 1977)",
            m["br_recovered_day8"],
            "10 % to (reverse suture - 20 %) of the shift undone, and no further loss by day 10",
            0.1 <= m["br_recovered_day8"] <= m["rs_recovered_day8"] - 0.2 and m["br_odi_day10"] >= m["br_odi_after_md"],
        ),
        PaperCheck(
            "late_recovery_small",
            "recovery is limited once the window has closed (Mitchell et al. 1977)",
            late,
            "reverse suture from P45 undoes < 30 %",
            late < 0.3,
            built_in=True,
        ),
    ]
