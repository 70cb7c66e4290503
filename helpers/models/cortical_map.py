"""A one-dimensional somatosensory map (notebooks 07 and 08): a line of cortical cells that
learns, from touches on five fingers, which patch of skin each cell answers.

The skin is a line of ``n_fingers`` fingers with ``receptors_per_finger`` receptors each; a
finger spans one unit of skin position ``x`` (finger ``f`` covers ``f <= x < f + 1``). A
**touch** at position ``x_touch`` drives the receptors of the touched finger only, with a
Gaussian bump of width ``sigma_u`` (fingers are separate pieces of skin). Every receptor
projects to every cortical cell (or, with an ``arbor``, to the nearby ones) through a plastic
weight ``w``. A cell's response ``r`` is its
feedforward drive minus its threshold, plus lateral input from the other cells (excitation from
near neighbours, inhibition from all), rectified and capped::

    h_i = sum_j w_ij u_j,   r_i = clip(h_i - theta_i + sum_k L_ik r_k, 0, r_max)

The response settles for ``TOUCH_STEPS`` steps of ``MAP_DT`` per touch (the lateral term is
left out at a touch's first step, so no activity carries over between touches). The weights
follow a Hebbian rule with a decay that keeps them bounded (a ``Rule`` the notebook writes)::

    dw/dt = r_post (u_pre - w) / tau_w

and each cell's threshold follows its own activity towards a target (homeostasis)::

    dtheta/dt = homeostasis * (r - r_target) / tau_theta   (not below theta_min)

Symbols: ``u`` a receptor's rate (a.u., 0-1); ``w`` a feedforward weight; ``h`` a cell's
feedforward drive; ``r`` its response (a.u., 0 to ``r_max``); ``theta`` its threshold (a.u.;
notebook 04's sliding-threshold idea, here on the cell's excitability); ``L`` the lateral
weights (``a_exc`` and ``sigma_exc``: height and width of near excitation in cells; ``a_inh``:
inhibition from every other cell); ``tau_w`` the weights' time constant at ``r = 1``;
``tau_theta`` the threshold's; ``r_target`` the activity each cell's threshold aims for;
``use`` each finger's share of the touches (relative frequency; 0: an amputated or
denervated finger); ``alive`` 1, or 0 for a dead cell (no response, no learning, no lateral
effect); ``homeostasis`` 1 (threshold adapts) or 0 (frozen); ``theta_min`` the floor below which a
threshold does not fall; ``arbor`` (optional, finger widths) how far from its developmental
place on the skin a cell's feedforward wiring reaches (``build_map_network(arbor=...)``; default:
everywhere).

Model time: one step is ``MAP_DT`` (1 ms), one touch ``TOUCH_STEPS`` steps (4 ms). Time is
compressed: what matters is the number of touches, not seconds. The compiled program plays a
sequence of touch positions given at run time (``run_map``), so one program serves every
experiment with the same number of touches.
"""

import numpy as np
from brian2 import Network, NeuronGroup, StateMonitor, Synapses, TimedArray, ms, second

from ..simulation import named_clock, time_step
from ..validation import require_count, require_in_range, require_quantity
from .rule import Rule, parameter_declarations, parameter_values, set_parameters

MAP_DT = 1 * ms  # one step
TOUCH_STEPS = 4  # steps per touch: the response settles through the lateral connections
TOUCH = TOUCH_STEPS * MAP_DT
NO_TOUCH = -1.0  # a touch position that touches no finger (a silent slot)
W_FLOOR = 1e-30  # a weight below this is set to 0 after each touch (no effect on any response)

# Sizes (our choice: small enough that one touch costs microseconds).
N_CELLS = 60
N_FINGERS = 5
RECEPTORS_PER_FINGER = 8
SIGMA_U = 1 / 8  # width of a touch's bump on the skin, in finger widths (one receptor spacing)

# The rule: Hebbian growth r_post * u_pre with a decay r_post * w that keeps w between 0 and 1
# (each active cell's weights move towards the touch it responded to).
MAP_RULE = Rule(equations="dw/dt = r_post * (u_pre - w) / tau_w : 1 (clock-driven)\n")

# Our choice, not fitted to data: tau_w sets how many touches a map needs (thousands);
# tau_theta, 15 times slower, lets the threshold follow a cell's average use, not each touch;
# r_target 0.08 of r_max: each cell is active in a few touches of its finger in a hundred.
# theta_min 0: a threshold stops falling at 0 (a cell never fires without input); without this
# floor, thresholds of rarely used cells fall without limit and one finger can take the whole map.
MAP_PARAMS = {"tau_w": 20 * ms, "tau_theta": 300 * ms, "r_target": 0.08, "r_max": 1.0, "theta_min": 0.0}

# Lateral weights (our choice): near excitation over about 1.5 cells, inhibition from all. With
# these and MAP_PARAMS, a finger touched 1.5x, 2x or 3x as often as each other finger ends with
# about 1.5x, 2x or 2.8x its normal territory (more than in proportion to its share of touches).
LATERAL = {"a_exc": 0.7, "sigma_exc": 1.5, "a_inh": 0.12}

# Each cell's starting weights: uniform noise in [0, 0.3) plus a weak topographic bias of height
# ``bias`` (built in: a developmental gradient that orders the fingers D1..D5 along the cortex;
# without it the map still orders, but in either direction and with the fingers in any order).
INITIAL_BIAS = 0.1
BIAS_WIDTH = 1.0  # in finger widths

MAP_CELL_EQS = """
h : 1
h_lat : 1
r : 1
dtheta/dt = homeostasis * alive * (r - r_target) / tau_theta * int(theta > theta_min or r > r_target) : 1
alive : 1 (constant)
"""
# At each step, after h and h_lat are summed: the response; lateral input only once a touch has begun.
MAP_RESPONSE = "r = alive * clip(h - theta + int(t_in_timesteps % touch_steps > 0) * h_lat, 0, r_max)"

RECEPTOR_EQS = """
u : 1
x : 1 (constant)
finger : integer (constant)
"""
RECEPTOR_UPDATE = (
    "u = exp(-(x - touch_position(t))**2 / (2 * sigma_u**2)) * int(abs(floor(touch_position(t)) - finger) < 0.5)"
)


def skin_positions(n_fingers=N_FINGERS, receptors_per_finger=RECEPTORS_PER_FINGER):
    """Each receptor's skin position (finger widths): evenly spread over its finger."""
    j = np.arange(n_fingers * receptors_per_finger)
    return j // receptors_per_finger + (j % receptors_per_finger + 0.5) / receptors_per_finger


def receptor_input(positions, n_fingers=N_FINGERS, receptors_per_finger=RECEPTORS_PER_FINGER, sigma_u=SIGMA_U):
    """Receptor rates for touches at ``positions`` (NumPy, as in the program): touches x receptors."""
    positions = np.atleast_1d(np.asarray(positions, dtype=float))
    x = skin_positions(n_fingers, receptors_per_finger)
    finger = np.arange(len(x)) // receptors_per_finger
    same = np.floor(positions)[:, None] == finger[None, :]
    return np.exp(-((x[None, :] - positions[:, None]) ** 2) / (2 * sigma_u**2)) * same


def lateral_weights(n_cells=N_CELLS, a_exc=0.7, sigma_exc=1.5, a_inh=0.12):
    """The lateral weights ``L`` (cells x cells, zero diagonal): ``a_exc`` Gaussian excitation of
    width ``sigma_exc`` cells minus ``a_inh`` from every other cell."""
    require_in_range("a_exc", a_exc, 0, 2)
    require_in_range("sigma_exc", sigma_exc, 0.1, n_cells)
    require_in_range("a_inh", a_inh, 0, 2)
    d = np.arange(n_cells)[:, None] - np.arange(n_cells)[None, :]
    weights = a_exc * np.exp(-(d**2) / (2 * sigma_exc**2)) - a_inh
    np.fill_diagonal(weights, 0.0)
    return weights


def initial_state(
    n_cells=N_CELLS,
    n_fingers=N_FINGERS,
    receptors_per_finger=RECEPTORS_PER_FINGER,
    bias=INITIAL_BIAS,
    seed=1,
):
    """A map before experience: ``{"w": cells x receptors, "theta": cells}``. Weights are uniform
    noise in [0, 0.3) plus ``bias`` times a Gaussian that links cell ``i`` to skin position
    ``(i + 0.5) / n_cells * n_fingers`` (the weak built-in topography; ``bias=0``: none)."""
    require_in_range("bias", bias, 0, 1)
    rng = np.random.default_rng(seed)
    x = skin_positions(n_fingers, receptors_per_finger)
    centre = (np.arange(n_cells) + 0.5) / n_cells * n_fingers
    w = rng.uniform(0, 0.3, (n_cells, len(x))) + bias * np.exp(-((centre[:, None] - x) ** 2) / (2 * BIAS_WIDTH**2))
    return {"w": w, "theta": np.zeros(n_cells)}


def touch_sequence(use, n_touches, seed=1):
    """Touch positions (finger widths) for ``n_touches`` touches, for ``run_map``.

    ``use``: each finger's share of the touches (relative frequencies, >= 0, e.g.
    ``[1, 1, 4, 1, 1]``; 0 for a finger never touched), or a schedule: blocks x fingers, the
    touches split evenly among the blocks in order. Each touch picks a finger with probability
    ``use / sum(use)`` and a uniformly random place on it; a block whose use is all zero has no
    touches (``NO_TOUCH``). Same seed, same touches.
    """
    n_touches = require_count("n_touches", n_touches, 1, 10**7)
    schedule = np.atleast_2d(np.asarray(use, dtype=float))
    if schedule.ndim != 2 or np.any(~np.isfinite(schedule)) or np.any(schedule < 0):
        raise ValueError(f"use must be numbers >= 0, one per finger (or blocks x fingers), got {use!r}")
    if n_touches % len(schedule):
        raise ValueError(f"the number of blocks ({len(schedule)}) must divide n_touches ({n_touches})")
    rng = np.random.default_rng(seed)
    per_block = n_touches // len(schedule)
    blocks = []
    for row in schedule:
        fingers = rng.choice(len(row), per_block, p=row / row.sum()) if row.sum() > 0 else None
        places = rng.uniform(0, 1, per_block)
        blocks.append(fingers + places if fingers is not None else np.full(per_block, NO_TOUCH))
    return np.concatenate(blocks)


def build_map_network(
    n_touches=10000,
    record_every=1000,
    n_cells=N_CELLS,
    n_fingers=N_FINGERS,
    receptors_per_finger=RECEPTORS_PER_FINGER,
    rule=MAP_RULE,
    params=MAP_PARAMS,
    sigma_u=SIGMA_U,
    response=None,
    arbor=None,
):
    """The map as one network for ``compile_network``: ``n_touches`` touches per run, weights
    and thresholds recorded every ``record_every`` touches (and at the start).

    Fixed when compiled: the sizes, the number of touches and ``sigma_u``. Set at every run
    (``run_map``): the touch positions, the starting weights and thresholds, dead cells,
    homeostasis on or off, the lateral weights and the rule's parameters. Calls ``run``.

    ``arbor`` (finger widths, or None): if given, cell ``i`` is wired only to receptors within
    ``arbor`` of its developmental place ``(i + 0.5) / n_cells * n_fingers`` (a coarse anatomical
    topography, built in); other synapses transmit nothing and ``run_map`` returns their weights as 0.
    """
    n_touches = require_count("n_touches", n_touches, 1, 10**7)
    record_every = require_count("record_every", record_every, 1, n_touches)
    n_cells = require_count("n_cells", n_cells, 2, 1000)
    n_fingers = require_count("n_fingers", n_fingers, 1, 20)
    receptors_per_finger = require_count("receptors_per_finger", receptors_per_finger, 1, 100)
    n_receptors = n_fingers * receptors_per_finger
    touches = TimedArray(np.full(n_touches, NO_TOUCH), dt=TOUCH, name="touch_position")
    receptors = NeuronGroup(
        n_receptors,
        RECEPTOR_EQS,
        namespace={"touch_position": touches, "sigma_u": sigma_u},
        name="map_receptors",
    )
    receptors.x = skin_positions(n_fingers, receptors_per_finger)
    receptors.finger = np.arange(n_receptors) // receptors_per_finger
    receptors.run_regularly(RECEPTOR_UPDATE, when="start", name="map_receptors_update")
    cell_params = {name: params[name] for name in ("tau_theta", "r_target", "r_max", "theta_min")} | {
        "homeostasis": 1.0
    }
    cells = NeuronGroup(
        n_cells,
        MAP_CELL_EQS + parameter_declarations(cell_params),
        method="euler",
        namespace={"touch_steps": TOUCH_STEPS},
        order=2,  # the summed h and h_lat come first (order 1), then theta, then r (order 3)
        name="map_cells",
    )
    set_parameters(cells, cell_params)
    cells.alive = 1.0
    cells.run_regularly(response or MAP_RESPONSE, when="groups", order=3, name="map_cells_response")
    syn_params = {"tau_w": params["tau_w"]}
    feedforward = Synapses(
        receptors,
        cells,
        rule.equations
        + "reach : 1 (constant)\nh_post = reach * w * u_pre : 1 (summed)\n"
        + parameter_declarations(syn_params),
        method="euler",
        order=4,  # learn from this step's response
        name="map_feedforward",
    )
    # synapse k = cell k // n_receptors, receptor k % n_receptors: w reshapes to cells x receptors
    feedforward.connect(i=np.tile(np.arange(n_receptors), n_cells), j=np.repeat(np.arange(n_cells), n_receptors))
    set_parameters(feedforward, syn_params)
    feedforward.w = 0.1
    # Weights that decay towards 0 for long would end as subnormal floats (below 1e-308), on
    # which every arithmetic step is tens of times slower: once per touch, set them to 0.
    feedforward.run_regularly(
        f"w = w * int(w > {W_FLOOR!r})", clock=named_clock(TOUCH), when="end", name="map_feedforward_floor"
    )
    reach = arbor_mask(n_cells, n_fingers, receptors_per_finger, arbor)
    feedforward.reach = reach.reshape(-1).astype(float)
    lateral = Synapses(
        cells, cells, "lateral : 1 (constant)\nh_lat_post = lateral * r_pre : 1 (summed)", name="map_lateral"
    )
    pre, post = np.nonzero(~np.eye(n_cells, dtype=bool))
    lateral.connect(i=pre, j=post)
    lateral.lateral = lateral_weights(n_cells, **LATERAL)[post, pre]
    record_clock = named_clock(record_every * TOUCH)
    weights = StateMonitor(feedforward, "w", record=True, clock=record_clock, name="map_weights")
    thresholds = StateMonitor(cells, "theta", record=True, clock=record_clock, name="map_thresholds")
    with time_step(MAP_DT):
        Network(receptors, cells, feedforward, lateral, weights, thresholds).run(n_touches * TOUCH, namespace={})
    return {
        "receptors": receptors,
        "cells": cells,
        "feedforward": feedforward,
        "lateral": lateral,
        "touches": touches,
        "weights": weights,
        "thresholds": thresholds,
        "n_touches": n_touches,
        "record_every": record_every,
        "n_cells": n_cells,
        "n_fingers": n_fingers,
        "receptors_per_finger": receptors_per_finger,
        "params": dict(params),
        "pre": pre,
        "post": post,
        "reach": reach,
    }


def arbor_mask(n_cells=N_CELLS, n_fingers=N_FINGERS, receptors_per_finger=RECEPTORS_PER_FINGER, arbor=None):
    """Which receptors each cell is wired to (cells x receptors, boolean): all if ``arbor`` is None,
    else those within ``arbor`` finger widths of the cell's developmental place."""
    x = skin_positions(n_fingers, receptors_per_finger)
    if arbor is None:
        return np.ones((n_cells, len(x)), dtype=bool)
    arbor = require_in_range("arbor", arbor, 0.1, n_fingers)
    centre = (np.arange(n_cells) + 0.5) / n_cells * n_fingers
    return np.abs(centre[:, None] - x[None, :]) <= arbor


def run_map(program, state, positions, dead=None, homeostasis=True, params=None, lateral=None):
    """Learn from ``state`` through the touches at ``positions`` (``touch_sequence``; exactly the
    program's ``n_touches``); returns the new state ``{"w", "theta"}``.

    ``dead``: cells that are dead for the whole run (indices or a boolean mask): they neither
    respond nor learn nor act on their neighbours, and their threshold stays put.
    ``homeostasis=False`` freezes every threshold. ``params`` changes ``tau_w``, ``tau_theta``,
    ``r_target`` or ``r_max`` for this run; ``lateral`` changes ``a_exc``, ``sigma_exc``,
    ``a_inh``. The weights and thresholds along the way: ``recorded_states(program)``.
    """
    n_cells, n_receptors = program["n_cells"], program["n_fingers"] * program["receptors_per_finger"]
    w, theta = np.asarray(state["w"], dtype=float), np.asarray(state["theta"], dtype=float)
    if w.shape != (n_cells, n_receptors) or theta.shape != (n_cells,):
        raise ValueError(
            f"state must hold w ({n_cells} cells x {n_receptors} receptors) and theta ({n_cells}), "
            f"got w {w.shape} and theta {theta.shape}"
        )
    positions = np.asarray(positions, dtype=float)
    if positions.shape != (program["n_touches"],):
        raise ValueError(f"positions must hold {program['n_touches']} touches, got shape {positions.shape}")
    cells, feedforward = program["cells"], program["feedforward"]
    values = {
        program["touches"]: positions,
        feedforward.w: np.where(w > W_FLOOR, w * program["reach"], 0.0).reshape(-1),
        cells.theta: theta,
        cells.alive: alive_mask(n_cells, dead).astype(float),
        cells.homeostasis: 1.0 if homeostasis else 0.0,
    }
    for name, value in (params or {}).items():
        known = program["params"]
        if name not in known:
            raise ValueError(f"params must be among {sorted(known)}, got {name!r}")
        if name == "tau_w":
            values.update(parameter_values(feedforward, {name: value}, known))
        elif name in ("r_target", "r_max", "theta_min"):
            values[getattr(cells, name)] = require_in_range(name, value, -10, 10)
        else:
            values.update(parameter_values(cells, {name: require_quantity(name, value, second, 1e-4, 1e4)}, known))
    if lateral is not None:
        unknown = set(lateral) - set(LATERAL)
        if unknown:
            raise ValueError(f"lateral must set only {sorted(LATERAL)}, got {sorted(unknown)}")
        weights = lateral_weights(n_cells, **(LATERAL | dict(lateral)))
        values[program["lateral"].lateral] = weights[program["post"], program["pre"]]
    program.run(values)
    w = np.array(feedforward.w[:]).reshape(n_cells, n_receptors) * program["reach"]
    return {"w": w, "theta": np.array(cells.theta[:])}


def recorded_states(program):
    """The weights and thresholds recorded during the last run: a list of ``(touches, state)``,
    every ``record_every`` touches from the start (touches = 0)."""
    n_cells = program["n_cells"]
    w = np.asarray(program["weights"].w[:])
    theta = np.asarray(program["thresholds"].theta[:])
    touches = np.round(np.asarray(program["weights"].t / TOUCH)).astype(int)
    reach = program["reach"]
    return [
        (int(n), {"w": w[:, k].reshape(n_cells, -1) * reach, "theta": theta[:, k].copy()})
        for k, n in enumerate(touches)
    ]


def alive_mask(n_cells, dead=None):
    """Boolean mask of living cells; ``dead`` are indices or a boolean mask (None: all alive)."""
    alive = np.ones(n_cells, dtype=bool)
    if dead is not None:
        dead = np.asarray(dead)
        if dead.dtype == bool:
            if dead.shape != (n_cells,):
                raise ValueError(f"a boolean dead mask must have {n_cells} entries, got {dead.shape}")
            alive &= ~dead
        else:
            if dead.size and (dead.min() < 0 or dead.max() >= n_cells):
                raise ValueError(f"dead cells must be indices in [0, {n_cells - 1}], got {dead}")
            alive[dead.astype(int)] = False
    return alive


# ---- reading the map out (NumPy; an experimenter touching the skin and recording each cell) ----

TESTS_PER_FINGER = 40
RESPONSE_CRITERION = 0.05  # a cell counts as driven when its best response exceeds this (a.u.)


def test_positions(n_fingers=N_FINGERS, per_finger=TESTS_PER_FINGER):
    """The skin positions an experimenter touches to map the cortex: ``per_finger`` evenly
    spaced positions on each finger (finger widths)."""
    k = np.arange(n_fingers * per_finger)
    return k // per_finger + (k % per_finger + 0.5) / per_finger


def responses(state, positions=None, dead=None, sigma_u=SIGMA_U):
    """Each cell's feedforward response ``max(h - theta, 0)`` to a touch at each test position
    (cells x positions; dead cells 0). The lateral input is left out: this is the cell's own
    receptive field. ``positions`` default: ``test_positions`` for the state's fingers."""
    w, theta = np.asarray(state["w"]), np.asarray(state["theta"])
    n_fingers = _n_fingers(state)
    positions = test_positions(n_fingers) if positions is None else np.asarray(positions, dtype=float)
    u = receptor_input(positions, n_fingers, w.shape[1] // n_fingers, sigma_u)
    response = np.clip(w @ u.T - theta[:, None], 0, None)
    return response * alive_mask(len(theta), dead)[:, None]


def _n_fingers(state):
    return int(state.get("n_fingers", N_FINGERS))


def preferred_positions(state, dead=None, criterion=RESPONSE_CRITERION):
    """Each cell's preferred skin position (finger widths; the test touch that drives it most), NaN
    for a cell whose best response is below ``criterion`` (or a dead one)."""
    response = responses(state, dead=dead)
    best = test_positions(_n_fingers(state))[np.argmax(response, axis=1)]
    return np.where(response.max(axis=1) > criterion, best, np.nan)


def territories(state, dead=None, criterion=RESPONSE_CRITERION):
    """Each finger's **territory**: the number of cells that finger drives best (above
    ``criterion``). An array of ``n_fingers`` counts; cells driven by nothing count for none."""
    best = preferred_positions(state, dead, criterion)
    fingers = np.floor(best[~np.isnan(best)]).astype(int)
    return np.bincount(fingers, minlength=_n_fingers(state))


def finger_of_cell(state, dead=None, criterion=RESPONSE_CRITERION):
    """The finger that drives each cell best (-1: none above ``criterion``, or dead)."""
    best = preferred_positions(state, dead, criterion)
    return np.where(np.isnan(best), -1, np.floor(np.nan_to_num(best, nan=0))).astype(int)


def receptive_field_widths(state, dead=None, criterion=RESPONSE_CRITERION):
    """Each cell's receptive-field width (finger widths): how much skin drives it above half its
    best response. NaN for cells below ``criterion``."""
    response = responses(state, dead=dead)
    best = response.max(axis=1)
    spacing = 1 / TESTS_PER_FINGER
    widths = (response > best[:, None] / 2).sum(axis=1) * spacing
    return np.where(best > criterion, widths, np.nan)


def order_index(state, dead=None, criterion=RESPONSE_CRITERION):
    """How orderly the map is: the rank correlation (Spearman) between a cell's place in the
    cortex and its preferred skin position, over the driven cells. +1: a perfect map from
    finger 1 to finger 5; 0: no order; -1: perfect but reversed."""
    best = preferred_positions(state, dead, criterion)
    driven = ~np.isnan(best)
    if driven.sum() < 3:
        return 0.0
    cortex = np.arange(len(best))[driven]
    return float(np.corrcoef(_ranks(cortex), _ranks(best[driven]))[0, 1])


def _ranks(values):
    """Ranks with ties averaged (for the Spearman correlation)."""
    values = np.asarray(values)
    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    for value in np.unique(values):
        tied = values == value
        ranks[tied] = ranks[tied].mean()
    return ranks


def finger_response(state, finger, dead=None):
    """The cortex's total response to touches on ``finger``: the summed response of all cells,
    averaged over the test positions on that finger (a.u.). A readout of how well the cortex
    still represents the finger."""
    n_fingers = _n_fingers(state)
    finger = require_count("finger", finger, 0, n_fingers - 1)
    positions = test_positions(n_fingers)
    on_finger = np.floor(positions) == finger
    return float(responses(state, dead=dead)[:, on_finger].sum(axis=0).mean())


# ---- the paper checks of notebook 07 (Jenkins et al. 1990; Xerri et al. 1999) ----

PRACTISED = 2  # the practised finger: D3


def practice_experiment(program, seed=2026, params=None, lateral=None, no_homeostasis=True):
    """Notebook 07's experiments in one call (each run is one run of ``program``, 20 000 touches in
    the notebook): develop a map from ``initial_state(seed)`` (two runs, every finger alike), then
    practise D3 (twice the use of each other finger, one run), then normal use (two runs). Two
    controls practise from other maps: ``frozen``, the developed map with every threshold frozen at
    its developed value; ``practised_no_homeostasis``, a map developed (from the same start, with
    the touches of seeds ``seed + 60`` and ``seed + 61``) and practised with thresholds that never
    adapt (they stay at 0; left out with ``no_homeostasis=False``). ``params``/``lateral`` go to
    every ``run_map``. Returns the states (a dict of names)."""
    options = {"params": params, "lateral": lateral}
    even, practice = [1, 1, 1, 1, 1], [1, 1, 2, 1, 1]
    n = program["n_touches"]
    states = {"naive": initial_state(seed=seed)}
    developments = [(True, "developed", seed)] + [(False, "developed_no_homeostasis", seed + 60)] * no_homeostasis
    for homeostasis, name, first_seed in developments:
        state = states["naive"]
        for k in range(2):
            touches = touch_sequence(even, n, seed=first_seed + k)
            state = run_map(program, state, touches, homeostasis=homeostasis, **options)
        states[name] = state
    practice_touches = touch_sequence(practice, n, seed=seed + 10)
    states["practised"] = run_map(program, states["developed"], practice_touches, **options)
    back = states["practised"]
    for k in range(2):
        back = run_map(program, back, touch_sequence(even, n, seed=seed + 11 + k), **options)
    states["back"] = back
    states["frozen"] = run_map(program, states["developed"], practice_touches, homeostasis=False, **options)
    if no_homeostasis:
        states["practised_no_homeostasis"] = run_map(
            program, states["developed_no_homeostasis"], practice_touches, homeostasis=False, **options
        )
    return states


def paper_measures(states, finger=PRACTISED):
    """The numbers notebook 07's paper checks read, from the states of ``practice_experiment``
    (or the notebook's own runs with the same names): territories of ``finger``, its cells' mean
    receptive-field width before and after practice, and the developed map's order index."""

    def territory(name):
        return int(territories(states[name])[finger])

    def mean_width(state):
        return float(np.nanmean(receptive_field_widths(state)[finger_of_cell(state) == finger]))

    measured = {
        "before": territory("developed"),
        "practised": territory("practised"),
        "back": territory("back"),
        "frozen": territory("frozen"),
        "width_before": mean_width(states["developed"]),
        "width_practised": mean_width(states["practised"]),
        "order": order_index(states["developed"]),
    }
    if "practised_no_homeostasis" in states:  # the control without homeostasis (not a paper check: fragile)
        measured["before_no_homeostasis"] = territory("developed_no_homeostasis")
        measured["practised_no_homeostasis"] = territory("practised_no_homeostasis")
    return measured


GROWN = 1.3  # a territory counts as grown when it is at least 1.3x its size before practice


def paper_checks(measured):
    """Notebook 07's comparisons with the published results, as ``PaperCheck`` objects (see
    ``helpers.checks``); ``measured`` is ``paper_measures(...)``. Ratios are territories after
    practice / before (D3); "grown" means at least ``GROWN`` times."""
    from ..checks import PaperCheck

    m = measured
    grown = m["practised"] / m["before"]
    width_ratio = m["width_practised"] / m["width_before"]
    kept = (m["back"] - m["before"]) / max(m["practised"] - m["before"], 1)  # share of the gain kept
    return [
        PaperCheck(
            "expands", "the practised finger's territory grows", round(grown, 2), f">= {GROWN}x", grown >= GROWN
        ),
        PaperCheck(
            "narrow_fields",
            "grown zone, narrower fields",
            f"{grown:.2f}x, {width_ratio:.2f}x",
            f">= {GROWN}x, <= 0.95x",
            grown >= GROWN and width_ratio <= 0.95,
        ),
        PaperCheck(
            "shrinks_back",
            "normal use undoes the gain",
            f"{m['before']}->{m['practised']}->{m['back']}",
            f">= {GROWN}x, then < 1/2 kept",
            grown >= GROWN and kept < 1 / 2,
        ),
        PaperCheck(
            "frozen_high_stops",
            "thresholds frozen high: borders stay",
            round(m["frozen"] / m["before"], 2),
            "<= 1.3x",
            m["frozen"] <= 1.3 * m["before"],
        ),
        PaperCheck(
            "about_2x",
            "2x use gives nearly 2x (calibrated)",
            round(grown, 2),
            "2.0 +/- 0.5",
            abs(grown - 2.0) <= 0.5,
            built_in=True,
        ),
        PaperCheck(
            "finger_order",
            "fingers in order D1-D5 (the tilt)",
            round(m["order"], 2),
            "> 0.9",
            m["order"] > 0.9,
            built_in=True,
        ),
    ]
