"""Synaptic tagging and capture (STC): why some changes last and others fade (notebook 11).

The model is the two-phase synapse of Li et al. 2016 and Luboeinski & Tetzlaff 2021 (after
Clopath et al. 2008). Symbols, per pathway of one neuron: ``c`` calcium (dimensionless, as in
notebook 01), ``theta_p`` / ``theta_d`` its potentiation / depression thresholds, ``gamma_p`` /
``gamma_d`` their rates, ``C_pre`` / ``C_post`` calcium per pre / post spike, ``tau_ca`` calcium
decay, ``delay_pre`` the presynaptic calcium delay; ``h`` early-phase weight (mV) that relaxes to
``h0`` with time constant ``tau_h / 0.1``; ``z`` late-phase weight (in units of ``h0``, between
-0.5 and 1); the total weight is ``w = h + h0 z``; a synapse is **tagged** while
``|h - h0| > theta_tag``; ``p`` the neuron's plasticity-related proteins, made while the summed
early change ``sum |h - h0|`` exceeds ``theta_pro``, with time constant ``tau_p``; ``tau_z`` the
time constant of capture; ``eta`` the plasticity rate (1 = young, smaller = older; it scales
``gamma_p`` and ``gamma_d``, the gate of notebook 06).

Two clocks. Calcium changes in milliseconds, the rest in hours. A train of pulses is simulated
once on a fine clock (``build_calcium_exposure``); all the slow model needs from it is how long
calcium stayed above each threshold (the train's **exposure**). The slow variables then step on
a one-minute clock for a week (``build_stc_network``), and each train enters as an exact jump of
``h`` in the minute it happens (during a train of a second or less ``h`` hardly relaxes, so the
jump solves the train's equation with calcium's exposure and no decay). One compiled program
runs ``n_rows`` independent neurons, each with its own schedule, passed as run-time values.
"""

import numpy as np
from brian2 import (
    Network,
    NeuronGroup,
    SpikeGeneratorGroup,
    StateMonitor,
    Synapses,
    TimedArray,
    ms,
    mV,
    second,
)

from ..checks import PaperCheck
from ..simulation import named_clock, time_step
from ..validation import require_count, require_in_range, require_quantity
from .rule import Rule, parameter_declarations, parameter_values, set_parameters

minute = 60 * second  # Brian2 has no minute or hour; the notebook uses these two
hour = 60 * minute

# Luboeinski & Tetzlaff 2021 (Communications Biology, doi:10.1038/s42003-021-01778-y), values as in
# the authors' published Brian2 code (github.com/jlubo/brian_synaptic_plasticity_stc,
# config_basic_late.json), which follows Li et al. 2016.
CALCIUM_PARAMS = {
    "tau_ca": 48.8 * ms,
    "C_pre": 1.0,
    "C_post": 0.2758,
    "delay_pre": 18.8 * ms,
    "theta_p": 3.0,
    "theta_d": 1.2,
}
STC_PARAMS = {
    "h0": 4.20075 * mV,  # baseline early-phase weight
    "h_max": 10 * mV,  # potentiation drives h towards this value
    "tau_h": 688.4 * second,  # early phase; it relaxes with tau_h / 0.1 (about 1.9 h)
    "gamma_p": 1645.6,
    "gamma_d": 313.1,
    "theta_tag": 0.840149 * mV,
    "theta_pro": 2.10037 * mV,
    "tau_p": 60 * minute,
    "tau_z": 60 * minute,
}

PULSE_PERIOD = 10 * ms  # trains at 100 Hz, as in Frey & Morris 1997
MAX_PULSES = 200
SLOW_DT = 1 * minute  # the slow clock
RECORD_DT = 10 * minute
SCHEDULE_SPAN = 48 * hour  # trains may be given in the first two days
WEEK = 7 * 24 * hour
PATHWAYS = ("A", "B")  # A: the practised pathway; B: another input to the same neuron
WEAK_PULSES = 21  # weak tetanus: one train of 21 pulses (Frey & Morris 1997)
STRONG_PULSES = 100  # strong tetanus: three trains of 100 pulses, 10 min apart

STC_EQUATIONS = """
dh_A/dt = 0.1 * (h0 - h_A) / tau_h : volt
dh_B/dt = 0.1 * (h0 - h_B) / tau_h : volt
dp/dt = (-p + int(abs(h_A - h0) + abs(h_B - h0) > theta_pro)) / tau_p : 1
dz_A/dt = p * ((1 - z_A) * int(h_A - h0 > theta_tag) - (z_A + 0.5) * int(h0 - h_A > theta_tag)) / tau_z : 1
dz_B/dt = p * ((1 - z_B) * int(h_B - h0 > theta_tag) - (z_B + 0.5) * int(h0 - h_B > theta_tag)) / tau_z : 1
"""
STC_RULE = Rule(equations=STC_EQUATIONS)

# What one minute's trains do to h: calcium above theta_p (both rates act) for `both` seconds,
# then between theta_d and theta_p (depression only) for `dep` seconds; exact for constant rates.
TRAIN_JUMP = """
h_A = h_both + (h_A - h_both) * exp(-eta * (gamma_p + gamma_d) * exposure(t, 4 * i) * second / tau_h)
h_A = h_A * exp(-eta * gamma_d * exposure(t, 4 * i + 1) * second / tau_h)
h_B = h_both + (h_B - h_both) * exp(-eta * (gamma_p + gamma_d) * exposure(t, 4 * i + 2) * second / tau_h)
h_B = h_B * exp(-eta * gamma_d * exposure(t, 4 * i + 3) * second / tau_h)
"""

CALCIUM_EQUATIONS = """
dc/dt = -c / tau_ca : 1
dabove_p/dt = int(c > theta_p) : second
dabove_d/dt = int(c > theta_d) * int(c <= theta_p) : second
"""


def pulse_trains(max_pulses=MAX_PULSES, period=PULSE_PERIOD):
    """Indices and times for a SpikeGeneratorGroup: row ``k`` gets a train of ``k + 1`` pulses."""
    counts = np.arange(1, max_pulses + 1)
    indices = np.repeat(np.arange(max_pulses), counts)
    times = np.concatenate([np.arange(n) for n in counts]) * period
    return indices, times


def build_calcium_exposure(max_pulses=MAX_PULSES, params=CALCIUM_PARAMS, dt=0.1 * ms):
    """One synapse per row ``k``, stimulated by ``k + 1`` pulses at 100 Hz; each pulse also
    makes the postsynaptic neuron fire once. Records how long calcium stays above ``theta_p`` and
    between ``theta_d`` and ``theta_p`` (for ``compile_network``; calls ``run``)."""
    max_pulses = require_count("max_pulses", max_pulses, 1, 1000)
    require_quantity("dt", dt, ms, 0.001, 1)
    indices, times = pulse_trains(max_pulses)
    source = SpikeGeneratorGroup(max_pulses, indices, times, name="stc_pulses")
    decl = {k: params[k] for k in ("tau_ca", "theta_p", "theta_d")}
    spine = NeuronGroup(max_pulses, CALCIUM_EQUATIONS + parameter_declarations(decl), method="euler", name="stc_spine")
    set_parameters(spine, decl)
    # Brian2 reserves the suffixes _pre and _post, so C_pre and C_post go in as c_pre_spike, c_post_spike
    jumps = {"c_pre_spike": params["C_pre"], "c_post_spike": params["C_post"]}
    arrive = Synapses(
        source,
        spine,
        "c_pre_spike : 1 (shared, constant)\nc_post_spike : 1 (shared, constant)",
        on_pre={"pre": "c_post += c_pre_spike", "post": "c_post += c_post_spike"},
        name="stc_arrive",
    )
    arrive.connect(j="i")
    set_parameters(arrive, jumps)
    arrive.pre.delay = params["delay_pre"]
    arrive.post.delay = 0 * ms
    duration = max_pulses * PULSE_PERIOD + 0.5 * second
    with time_step(dt):
        Network(source, spine, arrive).run(duration, namespace={})
    return {"spine": spine, "max_pulses": max_pulses}


def exposure_table(calcium_machine):
    """(both, dep) in seconds for trains of 0 .. max_pulses pulses (index = number of pulses)."""
    spine = calcium_machine["spine"]
    both = np.concatenate([[0.0], np.asarray(spine.above_p[:] / second)])
    dep = np.concatenate([[0.0], np.asarray(spine.above_d[:] / second)])
    return {"both": both, "dep": dep}


def build_stc_network(n_rows=64, rule=STC_RULE, train_jump=TRAIN_JUMP, params=STC_PARAMS, duration=WEEK):
    """``n_rows`` independent neurons with two pathways each (A, B), stepped on a one-minute clock
    for ``duration`` (for ``compile_network``; calls ``run``). Trains enter through the 2-D
    ``TimedArray`` ``exposure`` (one column per row and kind: A both, A dep, B both, B dep), set
    at run time (``run_schedules``), as is each row's plasticity rate ``eta``."""
    n_rows = require_count("n_rows", n_rows, 1, 1000)
    _require_time("duration", duration, SCHEDULE_SPAN, 30 * 24 * hour)
    n_steps = int(round(float(SCHEDULE_SPAN / SLOW_DT))) + 1
    exposure = TimedArray(np.zeros((n_steps, 4 * n_rows)), dt=SLOW_DT, name="stc_exposure")
    group = NeuronGroup(
        n_rows,
        rule.equations + parameter_declarations(params) + "eta : 1 (constant)\nh_both : volt (shared, constant)\n",
        method="euler",
        clock=named_clock(SLOW_DT),
        namespace={"exposure": exposure},
        name="stc_neurons",
    )
    set_parameters(group, params)
    group.h_both = params["gamma_p"] * params["h_max"] / (params["gamma_p"] + params["gamma_d"])
    group.h_A = group.h_B = params["h0"]
    group.eta = 1.0
    group.run_regularly(train_jump, when="start", name="stc_trains")
    monitor = StateMonitor(
        group, ["h_A", "h_B", "z_A", "z_B", "p"], record=True, clock=named_clock(RECORD_DT), name="stc_record"
    )
    Network(group, monitor).run(duration, namespace={})
    return {"group": group, "monitor": monitor, "exposure": exposure, "n_rows": n_rows, "n_steps": n_steps}


# ---------------------------------------------------------------- schedules
def _require_time(name, value, low, high, high_inclusive=True):
    """A Brian2 time in [low, high] (high excluded if asked); the message speaks in hours."""
    require_quantity(name, value, second)
    inside = low <= value and (value <= high if high_inclusive else value < high)
    if not inside:
        right = "]" if high_inclusive else ")"
        raise ValueError(
            f"{name} must be a time in [{float(low / hour):g}, {float(high / hour):g}{right} hours "
            f"(e.g. 2 * stc.hour), got {float(value / hour):g} hours"
        )
    return value


def train(at, pulses, pathway="A"):
    """One train of ``pulses`` pulses at 100 Hz at time ``at`` (a Brian2 time) on ``pathway``."""
    _require_time("at", at, 0 * hour, SCHEDULE_SPAN, high_inclusive=False)
    pulses = require_count("pulses", pulses, 1, MAX_PULSES)
    if pathway not in PATHWAYS:
        raise ValueError(f"pathway must be one of {PATHWAYS}, got {pathway!r}")
    return {"at": float(at / second), "pulses": pulses, "pathway": pathway}


def session(start, trains, pulses, interval, pathway="A"):
    """``trains`` trains of ``pulses`` pulses, ``interval`` apart, the first at ``start``."""
    trains = require_count("trains", trains, 1, 200)
    _require_time("interval", interval, 0 * hour, 24 * hour)
    return [train(start + k * interval, pulses, pathway) for k in range(trains)]


def weak_tetanus(at, pathway="A"):
    """Frey & Morris's weak tetanus: one train of 21 pulses."""
    return [train(at, WEAK_PULSES, pathway)]


def strong_tetanus(at, pathway="B"):
    """Frey & Morris's strong tetanus: three trains of 100 pulses, 10 min apart."""
    return session(at, 3, STRONG_PULSES, 10 * minute, pathway)


REPLAY_PULSES = 5  # the sleep assumption: a brief reactivation of 5 pulses ...
REPLAY_EVERY = 30 * minute  # ... every 30 minutes ...
NIGHT_HOURS = 8  # ... during one night of at most 8 hours


def sleep(start, hours=NIGHT_HOURS, replay_every=REPLAY_EVERY, replay_pulses=REPLAY_PULSES):
    """A night's sleep from ``start`` (at most ``NIGHT_HOURS``): the assumption that sleep replays
    the practised pathway A as brief reactivations of ``replay_pulses`` pulses every ``replay_every``.
    The practice budget (``check_budget``) accepts only the assumed replay: one night, at most 5
    pulses per replay, at least 30 min apart."""
    hours = require_in_range("hours", hours, 0, NIGHT_HOURS)
    _require_time("replay_every", replay_every, 1 * minute, 12 * hour)
    n = int(hours * hour / replay_every)
    return [{**train(start + (k + 0.5) * replay_every, replay_pulses, "A"), "replay": True} for k in range(n)]


def exposures(schedule, table, n_steps):
    """The schedule's trains as an (n_steps, 4) array: A both, A dep, B both, B dep, in seconds."""
    if not isinstance(schedule, (list, tuple)) or not all(isinstance(item, dict) for item in schedule):
        raise ValueError(
            "a schedule must be a list of trains (stc.train, stc.session, ...), e.g. [stc.train(1 * hour, 21)]"
        )
    out = np.zeros((n_steps, 4))
    step = float(SLOW_DT / second)
    for item in schedule:
        train(item["at"] * second, item["pulses"], item["pathway"])  # a hand-made train must be valid too
        k = int(item["at"] // step)
        col = 2 * PATHWAYS.index(item["pathway"])
        out[k, col] += table["both"][int(item["pulses"])]
        out[k, col + 1] += table["dep"][int(item["pulses"])]
    return out


def run_schedules(machine, table, schedules, etas=1.0, params=None):
    """Run one schedule (a list of trains) per row; rows left over get no trains. ``etas``: one
    plasticity rate for all rows or one per schedule. ``params``: entries of ``STC_PARAMS`` to
    change for this run (e.g. ``{"theta_tag": 0.9 * mV}``). Returns the machine (read with ``traces``)."""
    n_rows = machine["n_rows"]
    if len(schedules) > n_rows:
        raise ValueError(f"schedules: at most {n_rows} per run, got {len(schedules)}")
    etas = np.broadcast_to(np.asarray(etas, dtype=float), (len(schedules),))
    for eta in etas:
        require_in_range("eta", eta, 0, 1, low_inclusive=False)
    values = np.zeros((machine["n_steps"], 4 * n_rows))
    for row, schedule in enumerate(schedules):
        values[:, 4 * row : 4 * row + 4] = exposures(schedule, table, machine["n_steps"])
    eta_all = np.ones(n_rows)
    eta_all[: len(schedules)] = etas
    run_values = {machine["exposure"]: values, machine["group"].eta: eta_all}
    if params:
        group = machine["group"]
        run_values.update(parameter_values(group, params, STC_PARAMS))
        p = {**STC_PARAMS, **params}
        run_values[group.h_both] = p["gamma_p"] * p["h_max"] / (p["gamma_p"] + p["gamma_d"])
    machine.run(run_values)
    return machine


def traces(machine, n=None):
    """Recorded time (h) and per-row arrays of h_A, h_B (mV), z_A, z_B, p, w_A and w_B (% of h0)."""
    mon = machine["monitor"]
    n = machine["n_rows"] if n is None else n
    h0 = float(STC_PARAMS["h0"] / mV)
    out = {"t_h": np.asarray(mon.t / hour)}
    for name in ("h_A", "h_B"):
        out[name] = np.asarray(getattr(mon, name)[:n] / mV)
    for name in ("z_A", "z_B", "p"):
        out[name] = np.asarray(getattr(mon, name)[:n])
    for side in PATHWAYS:
        out[f"w_{side}"] = 100 * (out[f"h_{side}"] + h0 * out[f"z_{side}"] - h0) / h0
    return out


def kept(machine, n=None, pathway="A", at=WEEK):
    """Weight change of ``pathway`` (% of baseline) at time ``at`` (default: one week), per row."""
    rec = traces(machine, n)
    k = int(np.argmin(np.abs(rec["t_h"] - float(at / hour))))
    return rec[f"w_{pathway}"][:, k]


# ---------------------------------------------------------------- practice budget
BUDGET_PULSES = 300  # the practice budget: as many pulses as one strong tetanus
PRACTICE_DAY = 24 * hour  # practice must happen within the first day


def practice_pulses(schedule):
    """Pulses the learner spends: every practice train, on either pathway (sleep's replays are free)."""
    return sum(item["pulses"] for item in schedule if not item.get("replay"))


def check_budget(schedule, budget=BUDGET_PULSES):
    """Raise ValueError unless every item is a train as ``train`` makes it (whole number of pulses
    from 1 to 200, a time in the first two days, pathway A or B), practice spends at most ``budget``
    pulses (on A and B together) within the first day, and replays are the assumed sleep replay
    (pathway A, at most 5 pulses, at least 30 min apart, all within one night of at most 8 hours).
    Returns the pulses spent."""
    if not isinstance(schedule, (list, tuple)) or not all(isinstance(item, dict) for item in schedule):
        raise ValueError("a schedule must be a list of trains (stc.train, stc.session, ...)")
    for item in schedule:
        if set(item) - {"at", "pulses", "pathway", "replay"} or not {"at", "pulses", "pathway"} <= set(item):
            raise ValueError(f"a train has the keys at, pulses, pathway (make it with stc.train), got {item}")
        train(item["at"] * second, item["pulses"], item["pathway"])  # raises on a bad time, count or pathway
    spent = practice_pulses(schedule)
    if spent > budget:
        raise ValueError(f"the schedule spends {spent} pulses (pathways A and B together); the budget is {budget}")
    late = [item for item in schedule if not item.get("replay") and item["at"] >= float(PRACTICE_DAY / second)]
    if late:
        raise ValueError("every practice train must start within the first 24 hours")
    replays = sorted(item["at"] for item in schedule if item.get("replay"))
    if any(item["pulses"] > REPLAY_PULSES or item["pathway"] != "A" for item in schedule if item.get("replay")):
        raise ValueError(f"a sleep replay is free only as assumed: at most {REPLAY_PULSES} pulses on pathway A")
    if len(replays) > 1 and np.min(np.diff(replays)) < float(REPLAY_EVERY / second) - 1e-6:
        raise ValueError("sleep replays are free only as assumed: at least 30 minutes apart (one night at a time)")
    if len(replays) > 1 and replays[-1] - replays[0] > float(NIGHT_HOURS * hour / second) + 1e-6:
        raise ValueError(f"sleep replays are free only as assumed: one night of at most {NIGHT_HOURS} hours")
    return spent


# ---------------------------------------------------------------- reproduce the paper
LATE_LTP = 2.0  # % kept after a week that counts as late LTP (the weak tetanus alone keeps 0.0 %)
WEAK_FIRST_AT = 10 * hour  # the weak tetanus (pathway A) of the weak-before-strong runs


def measure_for_paper(machine, table, intervals_h=(0.0833, 1, 2, 4), params=None):
    """What notebook 11's reproduce section checks, in one run: the weak tetanus on pathway A at
    hour 10 and the strong tetanus on B ``intervals_h`` hours later (one row each), and the weak
    tetanus alone. ``params`` as in ``run_schedules``. Returns ``intervals_h``, ``weak_first_kept``
    (% kept by A after a week, per interval) and ``weak_alone_kept``."""
    intervals_h = np.asarray(intervals_h, dtype=float)
    start = float(WEAK_FIRST_AT / hour)
    schedules = [weak_tetanus(WEAK_FIRST_AT, "A") + strong_tetanus((start + d) * hour, "B") for d in intervals_h]
    schedules.append(weak_tetanus(WEAK_FIRST_AT, "A"))
    run_schedules(machine, table, schedules, params=params)
    kept_a = kept(machine, len(schedules), "A")
    return {"intervals_h": intervals_h, "weak_first_kept": kept_a[:-1], "weak_alone_kept": float(kept_a[-1])}


def paper_checks(measured, weaker_or_absent=(0, 0, 1, 1)):
    """Notebook 11's reproduce-the-paper checks of ``measured`` (``measure_for_paper``'s dict).
    ``weaker_or_absent``: per interval, 0 where Frey & Morris 1998 saw late LTP, 1 where it "was
    weaker or did not occur" (data/frey_morris_1998_weak_before_strong.csv)."""
    intervals = np.asarray(measured["intervals_h"], dtype=float)
    values = np.asarray(measured["weak_first_kept"], dtype=float)
    weaker = np.asarray(weaker_or_absent, dtype=bool)
    captured, not_captured = values[~weaker], values[weaker]
    at_4h = values[np.isclose(intervals, 4)]
    show = ", ".join(
        f"{d * 60:.0f} min: {v:.1f} %" if d < 1 else f"{d:g} h: {v:.1f} %" for d, v in zip(intervals, values)
    )
    return [
        PaperCheck(
            "weak_alone_fades",
            "a weak tetanus alone gives early LTP only, lasting under 3 h (Frey & Morris 1997)",
            round(float(measured["weak_alone_kept"]), 2),
            f"< {LATE_LTP:g} % kept after a week",
            measured["weak_alone_kept"] < LATE_LTP,
        ),
        PaperCheck(
            "capture_5min_1h",
            "weak tetanus 5 min or 1 h before the strong one: late LTP (Frey & Morris 1998)",
            show,
            f">= {LATE_LTP:g} % kept at 5 min and 1 h",
            len(captured) > 0 and bool(np.all(captured >= LATE_LTP)),
        ),
        PaperCheck(
            "weaker_at_2h_4h",
            "at 2 and 4 h stabilisation 'was weaker or did not occur' (Frey & Morris 1998)",
            show,
            "2 h and 4 h each keep less than half the smaller of 5 min and 1 h (our reading of 'weaker')",
            len(not_captured) > 0 and len(captured) > 0 and bool(np.all(not_captured < 0.5 * captured.min())),
        ),
        PaperCheck(
            "tag_gone_at_4h",
            "the synaptic tag decays in less than three hours (Frey & Morris 1997)",
            round(float(at_4h[0]), 2) if len(at_4h) else float("nan"),
            f"< {LATE_LTP:g} % kept with the strong tetanus 4 h after the weak one",
            len(at_4h) == 1 and at_4h[0] < LATE_LTP,
        ),
    ]
