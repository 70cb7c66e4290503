"""Sleep and synapses (notebook 10): a learned mapping made while awake, then slow-wave-like
sleep with Up and Down states under the Up-state plasticity of Gonzalez-Rueda et al. 2018.

The network: ``n_groups`` groups of ``n_per_group`` input neurons (Poisson) project to
``n_groups`` output neurons (the Song et al. 2000 neuron of notebook 03), all to all. The task
(awake) shows one input group at a time and a teacher makes the matching output fire: the
mapping "group k -> output k" is learned by spike-timing-dependent plasticity (STDP).
Asleep, inputs are silent in Down states and fire together in Up states (the slow
oscillation). In a fraction ``p_replay`` of the Up states one task group is replayed: it fires
as in the task (fast, the others near their background rate) but without the teacher, and the
pair rule stays on for the replayed inputs' spikes (built in; see ``SLEEP_RULE``).

Symbols: ``w`` a synapse's weight (relative, 0 to ``w_max`` = 1; the peak conductance is
``w * g_max`` in units of the leak conductance, as in notebook 03); ``apre``, ``apost`` the
pair rule's traces (notebook 02) with ``tau_plus``, ``tau_minus``, ``A_plus``, ``A_minus``.
New here: ``up`` (1 in an Up state of sleep, else 0); ``A_up`` the fraction of its weight a
synapse loses at each presynaptic spike in an Up state (Gonzalez-Rueda et al. 2018:
presynaptic activity alone in Up states depresses; a postsynaptic spike soon after gives the
loss back, so inputs that help fire the cell are protected; ``held`` is the loss not yet given back); ``nu_up`` the inputs' rate in Up states (sleep depth);
``p_replay`` the fraction of Up states that replay one task group; ``stdp`` (1 awake, and for
a replayed input's spikes when ``replay_stdp`` is 1; else 0) switches the pair rule on; ``SNR`` the mapping's
signal-to-noise: mean task weight / mean other weight.

Time is compressed: one model second of sleep stands for many real ones (the plasticity
per Up state is larger than in life). Every run of the compiled program takes the phase
(awake or asleep), rates, weights and ``A_up`` as values: compiled once.
"""

import numpy as np
from brian2 import Hz, Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, TimedArray, ms, second

from ..checks import PaperCheck
from ..simulation import named_clock, time_step
from ..validation import require_count, require_in_range, require_quantity
from . import neurons
from .rule import Rule, parameter_declarations, parameter_values, set_parameters

N_GROUPS = 5  # task stimuli, input groups and output neurons (our choice)
N_PER_GROUP = 5  # inputs per group (our choice: few, so that each strong input helps fire its cell)
SLEEP_DT = 0.5 * ms  # time step (the STDP traces are event-driven, exact at any step)
PHASE_DURATION = 60 * second  # every run (one day or one night) lasts 60 s of model time
RECORD_DT = 1 * second  # weights recorded every second
STIMULUS_DT = 250 * ms  # awake: one stimulus every 250 ms
SLOW_BIN = 50 * ms  # asleep: the Up/Down sequence is drawn in 50 ms bins
G_TEACHER = 1.0  # the teacher's synapse: two spikes within a few ms make the output fire (our choice)
G_MAX = 0.3  # peak conductance of a synapse at w = 1 (units of the leak conductance; our choice)

# The plasticity rule. Awake, and for the spikes of a replayed group asleep: pair STDP (notebook 02;
# ``stdp_pre`` is 1 then). Keeping the pair rule on during replay is our assumption (replay as
# rehearsal of the task without its teacher), not a measurement. Asleep, in Down states almost nothing fires.
# In an Up state (Gonzalez-Rueda et al. 2018): every presynaptic spike takes away the fraction
# A_up of the weight (depression in proportion to size, as de Vivo et al. 2017 saw); the loss is
# held in ``held``, which fades with tau_plus, and a postsynaptic spike gives back what is still
# held: an input that helps make the cell fire is protected (never potentiated in an Up state).
SLEEP_RULE = Rule(
    equations="""
w : 1
dapre/dt = -apre / tau_plus : 1 (event-driven)
dapost/dt = -apost / tau_minus : 1 (event-driven)
dheld/dt = -held / tau_plus : 1 (event-driven)
""",
    on_pre="""
apre += 1
loss = up_pre * A_up * w
held += loss
w = clip(w - stdp_pre * A_minus * apost - loss, 0, w_max)
""",
    on_post="""
apost += 1
w = clip(w + stdp_pre * A_plus * apre + held, 0, w_max)
held = 0
""",
)

# Pair STDP, time constants as in Song et al. 2000 (20 ms), LTD slightly stronger than LTP
# (ratio 1.02; theirs was 1.05, which here would undo the day's net potentiation). Amplitudes our choice: large (1 % of w_max per pair) to compress a day of
# learning into 60 s. A_up is set (by hand) so that one default night lowers the mean weight by about 18 %,
# the size of de Vivo et al. 2017's sleep-wake difference (fitted, not predicted: see the notebook).
SLEEP_STDP = {
    "tau_plus": 20 * ms,
    "tau_minus": 20 * ms,
    "A_plus": 0.01,
    "A_minus": 0.0102,
    "w_max": 1.0,
    "A_up": 0.0008,
}

# Activity (our choices, in the range of cortical rates): awake, the shown group fires at
# nu_stim and the rest at nu_background; the teacher drives the matching output. Asleep, inputs
# fire at nu_up in Up states and nu_down in Down states. In a replay Up state (a fraction
# p_replay of them; none by default) the replayed group fires at nu_replay and the rest at
# nu_replay_rest: the pattern of a moment of the task, without the teacher.
ACTIVITY = {
    "nu_background": 3 * Hz,
    "nu_stim": 30 * Hz,
    "nu_teacher": 40 * Hz,
    "nu_up": 20 * Hz,
    "nu_down": 0.2 * Hz,
    "nu_replay": 30 * Hz,
    "nu_replay_rest": 3 * Hz,
    "replay_stdp": 1.0,
    "p_replay": 0.0,
}

INPUT_EQS = """
group : integer (constant)
awake : 1 (shared, constant)
nu_background : Hz (shared, constant)
nu_stim : Hz (shared, constant)
nu_up : Hz (shared, constant)
nu_down : Hz (shared, constant)
nu_replay : Hz (shared, constant)
nu_replay_rest : Hz (shared, constant)
p_replay : 1 (shared, constant)
replay_stdp : 1 (shared, constant)
up = (1 - awake) * slow_oscillation(t) : 1
replay_up = up * int(replay_draw(t) < p_replay) : 1
replayed = replay_up * int(replay_group(t) == group) : 1
stdp = awake + replay_stdp * replayed : 1
nu = awake * (nu_background + (nu_stim - nu_background) * int(stimulus(t) == group)) + (1 - awake) * (nu_down + (nu_up - nu_down) * up + (nu_replay_rest - nu_up) * replay_up + (nu_replay - nu_replay_rest) * replayed) : Hz
"""

TEACHER_EQS = """
awake : 1 (shared, constant)
nu_teacher : Hz (shared, constant)
nu = awake * nu_teacher * int(stimulus(t) == i) : Hz
"""


def up_down_sequence(duration=PHASE_DURATION, seed=10):
    """The slow oscillation in ``SLOW_BIN`` bins: 1 in an Up state, 0 in a Down state.

    Up states last 0.3-0.6 s, Down states 0.3-0.9 s (drawn uniformly, fixed by ``seed``): about
    one Up state per second, as in the slow oscillation of deep sleep (below 1 Hz in humans,
    around 1 Hz in anaesthetised rodents). Also returns the index of each bin's Up state.
    """
    rng = np.random.default_rng(seed)
    n_bins = int(round(float(duration / SLOW_BIN)))
    up, index = np.zeros(n_bins), np.full(n_bins, -1)
    b, k = int(rng.integers(6, 18)), 0
    while b < n_bins:
        length = int(rng.integers(6, 13))
        up[b : b + length], index[b : b + length] = 1, k
        b += length + int(rng.integers(6, 19))
        k += 1
    return up, index


def build_sleep_network(
    rule=SLEEP_RULE, stdp_params=SLEEP_STDP, n_groups=N_GROUPS, n_per_group=N_PER_GROUP, duration=PHASE_DURATION
):
    """Inputs, teacher and outputs with plastic synapses from every input to every output (for
    ``compile_network``). Synapse ``s`` connects input ``s // n_groups`` (group
    ``input // n_per_group``) to output ``s % n_groups``. Phase (``awake`` 1 or 0), rates,
    ``p_replay``, weights and ``stdp_params`` are run values (``run_phase``). Calls ``run``."""
    n_groups = require_count("n_groups", n_groups, 2, 20)
    n_per_group = require_count("n_per_group", n_per_group, 1, 200)
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    rng = np.random.default_rng(10)
    n_stim = int(round(float(duration / STIMULUS_DT)))
    stimulus = TimedArray(rng.permutation(np.resize(np.arange(n_groups), n_stim)).astype(float), dt=STIMULUS_DT)
    up, index = up_down_sequence(duration)
    n_up = index.max() + 1
    draws, groups = rng.random(n_up), rng.integers(0, n_groups, n_up)
    namespace = {
        "stimulus": stimulus,
        "slow_oscillation": TimedArray(up, dt=SLOW_BIN),
        "replay_draw": TimedArray(np.where(index >= 0, draws[index], 1.0), dt=SLOW_BIN),
        "replay_group": TimedArray(np.where(index >= 0, groups[index], -1).astype(float), dt=SLOW_BIN),
    }
    n_inputs = n_groups * n_per_group
    source = NeuronGroup(n_inputs, INPUT_EQS, threshold="rand() < nu * dt", namespace=namespace, name="sleep_inputs")
    source.group = np.arange(n_inputs) // n_per_group
    teacher = NeuronGroup(n_groups, TEACHER_EQS, threshold="rand() < nu * dt", namespace=namespace, name="teacher")
    for group in (source, teacher):
        group.awake = 1
    for name in (
        "nu_background",
        "nu_stim",
        "nu_up",
        "nu_down",
        "nu_replay",
        "nu_replay_rest",
        "p_replay",
        "replay_stdp",
    ):
        setattr(source, name, ACTIVITY[name])
    teacher.nu_teacher = ACTIVITY["nu_teacher"]
    cells = neurons.song_neurons(n_groups, "sleep_cells")
    synapses = Synapses(
        source,
        cells,
        rule.equations + parameter_declarations(stdp_params) + "g_max : 1 (shared, constant)\n",
        on_pre="g_ex_post += w * g_max\n" + rule.on_pre,
        on_post=rule.on_post,
        namespace=namespace,  # up_pre reads the slow oscillation
        name="sleep_synapses",
    )
    pre, post = np.divmod(np.arange(n_inputs * n_groups), n_groups)
    synapses.connect(i=pre, j=post)  # all to all: synapse s = input * n_groups + output
    set_parameters(synapses, stdp_params)
    synapses.w = 0.3
    synapses.g_max = G_MAX
    teaching = Synapses(
        teacher, cells, "g_teacher : 1 (shared, constant)", on_pre="g_ex_post += g_teacher", name="teaching"
    )
    teaching.connect(j="i")
    teaching.g_teacher = G_TEACHER
    weights = StateMonitor(
        synapses, "w", record=np.arange(n_inputs * n_groups), clock=named_clock(RECORD_DT), name="sleep_weights"
    )
    input_spikes = SpikeMonitor(source, name="sleep_input_spikes")
    output_spikes = SpikeMonitor(cells, name="sleep_output_spikes")
    with time_step(SLEEP_DT):
        Network(source, teacher, cells, synapses, teaching, weights, input_spikes, output_spikes).run(
            duration, namespace={}
        )
    return {
        "inputs": source,
        "teacher": teacher,
        "cells": cells,
        "teaching": teaching,
        "synapses": synapses,
        "weights": weights,
        "input_spikes": input_spikes,
        "output_spikes": output_spikes,
        "n_groups": n_groups,
        "n_per_group": n_per_group,
        "duration": duration,
        "up": up,
    }


def initial_weights(machine, low=0.2, high=0.4, seed=1):
    """Weights before any learning: uniform in [low, high] (w_max = 1), fixed by ``seed``."""
    require_in_range("low", low, 0, 1)
    require_in_range("high", high, low, 1)
    n = machine["n_groups"] * machine["n_per_group"] * machine["n_groups"]
    return np.random.default_rng(seed).uniform(low, high, n)


def run_phase(machine, weights, awake, nu_up=None, p_replay=None, A_up=None, replay_stdp=None, rule_values=None):
    """One day (``awake=True``) or one night of the compiled network, starting from ``weights``.

    ``nu_up``: the inputs' rate in Up states (sleep depth, default ``ACTIVITY``), 0.5-40 Hz;
    ``p_replay``: fraction of Up states with replay, 0-1 (default 0); ``A_up``: Up-state
    depression per presynaptic spike, 0-0.05; ``replay_stdp``: 1 keeps the pair rule on for
    replayed spikes (default), 0 leaves replay to the Up-state rule alone. ``rule_values``: other
    entries of ``SLEEP_STDP`` (or ``"g_max"``) for this run, e.g. ``{"A_plus": 0.011}``. Returns
    ``machine`` (read it with ``weight_matrix``, ``recorded``, ``spike_counts``).
    """
    weights = np.asarray(weights, dtype=float)
    synapses, source, teacher = machine["synapses"], machine["inputs"], machine["teacher"]
    if weights.shape != (len(synapses),) or np.any(weights < 0) or np.any(weights > 1):
        raise ValueError(f"weights must be {len(synapses)} values between 0 and w_max = 1, got shape {weights.shape}")
    values = {synapses.w: weights, source.awake: float(awake), teacher.awake: float(awake)}
    if nu_up is not None:
        values[source.nu_up] = require_quantity("nu_up", nu_up, Hz, 0.5, 40)
    if p_replay is not None:
        values[source.p_replay] = require_in_range("p_replay", p_replay, 0, 1)
    if A_up is not None:
        values[synapses.A_up] = require_in_range("A_up", A_up, 0, 0.05)
    if replay_stdp is not None:
        values[source.replay_stdp] = require_in_range("replay_stdp", replay_stdp, 0, 1)
    if rule_values:
        known = {**SLEEP_STDP, "g_max": G_MAX}
        values.update(parameter_values(synapses, {k: v for k, v in rule_values.items()}, known))
    return machine.run(values)


def weight_matrix(machine, weights=None):
    """Weights as an array (outputs x groups x inputs per group): ``[k, g, :]`` are the synapses
    from group ``g`` onto output ``k``. Default: the weights at the end of the last run."""
    w = np.asarray(machine["synapses"].w[:] if weights is None else weights, dtype=float)
    n_groups, n_per = machine["n_groups"], machine["n_per_group"]
    return w.reshape(n_groups, n_per, n_groups).transpose(2, 0, 1)


def task_mask(machine):
    """True for the synapses of the learned mapping (group k onto output k), in synapse order."""
    n_groups, n_per = machine["n_groups"], machine["n_per_group"]
    pre_group = np.arange(n_groups * n_per * n_groups) // n_groups // n_per
    post = np.arange(n_groups * n_per * n_groups) % n_groups
    return pre_group == post


def signal_to_noise(weights, mask):
    """The mapping's signal-to-noise: mean weight of the task synapses over the mean of the rest."""
    weights, mask = np.asarray(weights, dtype=float), np.asarray(mask, dtype=bool)
    return weights[mask].mean() / weights[~mask].mean()


def recorded(machine):
    """Time (s) and every synapse's weight at each record: ``(t_s, w)`` with ``w`` synapses x records.
    The first record is the start of the run."""
    return np.asarray(machine["weights"].t / second), np.asarray(machine["weights"].w[:])


def spike_counts(machine, bin_width=SLOW_BIN):
    """Spike counts of the last run in bins of ``bin_width`` (a multiple of ``SLOW_BIN``):
    ``(inputs, outputs, up)`` with ``inputs`` (inputs x bins), ``outputs`` (outputs x bins) and
    ``up`` True for the bins in an Up state."""
    factor = int(round(float(bin_width / SLOW_BIN)))
    if factor < 1 or abs(float(bin_width / SLOW_BIN) - factor) > 1e-9:
        raise ValueError(f"bin_width must be a whole multiple of {SLOW_BIN}, got {bin_width}")
    n_bins = len(machine["up"]) // factor
    width = float(bin_width / second)
    counts = []
    for name, n in (
        ("input_spikes", machine["n_groups"] * machine["n_per_group"]),
        ("output_spikes", machine["n_groups"]),
    ):
        monitor = machine[name]
        b = np.minimum((np.asarray(monitor.t / second) / width).astype(int), n_bins - 1)
        c = np.zeros((n, n_bins))
        np.add.at(c, (np.asarray(monitor.i), b), 1)
        counts.append(c)
    up = machine["up"][: n_bins * factor].reshape(n_bins, factor).min(axis=1) > 0
    return counts[0], counts[1], up


def coactivity(machine, bin_width=SLOW_BIN):
    """Wilson & McNaughton's measure for the last night: the correlation of spike counts in Up-state
    bins for every (input, output) pair, averaged over the pairs that were co-active in the task
    (input of group k, output k) and over the unrelated pairs. Returns ``(task, unrelated)``."""
    inputs, outputs, up = spike_counts(machine, bin_width)
    n_in = len(inputs)
    with np.errstate(invalid="ignore", divide="ignore"):  # a silent neuron has no correlation: NaN
        r = np.corrcoef(np.vstack([inputs[:, up], outputs[:, up]]))[:n_in, n_in:]
    same = (np.arange(n_in)[:, None] // machine["n_per_group"]) == np.arange(len(outputs))[None, :]
    if np.all(np.isnan(r)):
        return float("nan"), float("nan")
    return float(np.nanmean(r[same])), float(np.nanmean(r[~same]))


# ---------------------------------------------------------------- reproduce the paper
LARGEST_FRACTION = 0.2  # de Vivo et al. 2017: about 80 % of synapses scaled, the largest were spared
SELECTIVITY_BAR = 0.85  # the strongest fifth lose at most 0.85 times as much (model 0.78-0.80, no protection 0.99)


def paper_summary(w_naive, w_wake, w_night, mask, coactivity_before, coactivity_after, largest=LARGEST_FRACTION):
    """The numbers ``paper_checks`` reads, from the weights before the day, after it and after
    the default night, the task mask and ``coactivity`` (task, unrelated) of the replay nights
    before and after the task. ``largest``: the fraction of synapses (the strongest after the day)
    compared with the rest."""
    w_naive, w_wake, w_night = (np.asarray(w, dtype=float) for w in (w_naive, w_wake, w_night))
    strongest = w_wake >= np.quantile(w_wake, 1 - largest)
    return {
        "day_gain": w_wake.mean() / w_naive.mean(),
        "fall_percent": 100 * (1 - w_night.mean() / w_wake.mean()),
        "loss_strongest": 1 - w_night[strongest].mean() / w_wake[strongest].mean(),
        "loss_rest": 1 - w_night[~strongest].mean() / w_wake[~strongest].mean(),
        "snr_gain": signal_to_noise(w_night, mask) / signal_to_noise(w_wake, mask),
        "task_rise": coactivity_after[0] - coactivity_before[0],
        "unrelated_rise": coactivity_after[1] - coactivity_before[1],
    }


def measure_for_paper(machine, seed=1, rule_values=None, nu_up=None):
    """Everything section 6 of notebook 10 checks, in one call: a day from ``initial_weights(seed)``,
    the default night, and the replay nights (half the Up states) before and after the task.
    ``rule_values`` and ``nu_up`` as in ``run_phase`` (for every run). Returns ``paper_summary``'s dict."""
    mask = task_mask(machine)
    naive = initial_weights(machine, seed=seed)
    run_phase(machine, naive, awake=True, rule_values=rule_values)
    wake = np.array(machine["synapses"].w[:])
    run_phase(machine, wake, awake=False, nu_up=nu_up, rule_values=rule_values)
    night = np.array(machine["synapses"].w[:])
    run_phase(machine, naive, awake=False, nu_up=nu_up, p_replay=0.5, rule_values=rule_values)
    before = coactivity(machine)
    run_phase(machine, wake, awake=False, nu_up=nu_up, p_replay=0.5, rule_values=rule_values)
    after = coactivity(machine)
    return paper_summary(naive, wake, night, mask, before, after)


def paper_checks(measured, published_fall=18.0):
    """Notebook 10's reproduce-the-paper checks (``helpers.checks.PaperCheck``) of ``measured``
    (``paper_summary``'s dict). ``published_fall``: de Vivo et al.'s ~18 % (percent)."""
    ratio = measured["loss_strongest"] / measured["loss_rest"] if measured["loss_rest"] > 0 else float("inf")
    return [
        PaperCheck(
            "wake_net_gain",
            "synapses are larger after wake than after sleep: a day leaves a net gain (de Vivo et al. 2017)",
            measured["day_gain"],
            "mean weight after the day / before > 1.05",
            measured["day_gain"] > 1.05,
        ),
        PaperCheck(
            "mean_fall",
            "the mean falls about 18 % over sleep (de Vivo et al. 2017; A_up set by hand for it)",
            measured["fall_percent"],
            f"within 4 points of {published_fall:g} %",
            abs(measured["fall_percent"] - published_fall) < 4,
            built_in=True,
        ),
        PaperCheck(
            "largest_lose_less",
            "the largest synapses were spared (de Vivo et al. 2017); asked: the strongest fifth lose less",
            round(ratio, 3),
            f"loss of the strongest 20 % / loss of the rest < {SELECTIVITY_BAR}",
            0 < measured["loss_strongest"] and ratio < SELECTIVITY_BAR,
        ),
        PaperCheck(
            "snr_rises",
            "sleep's downscaling raises the signal-to-noise (predicted by Tononi & Cirelli 2014)",
            measured["snr_gain"],
            "signal-to-noise after the night / after the day > 1.02",
            measured["snr_gain"] > 1.02,
        ),
        PaperCheck(
            "reactivation",
            "pairs co-active in the task are more correlated in the sleep after it (Wilson & McNaughton 1994)",
            f"task pairs {measured['task_rise']:+.2f}, unrelated {measured['unrelated_rise']:+.2f}",
            "task pairs rise by > 0.1 and by more than twice the unrelated pairs",
            measured["task_rise"] > 0.1 and measured["task_rise"] > 2 * measured["unrelated_rise"],
        ),
    ]
