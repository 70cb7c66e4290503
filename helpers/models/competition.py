"""Competitive STDP on one neuron (Song, Miller & Abbott 2000), notebook 03.

The neuron is ``neurons.SONG_NEURON_EQS``; its excitatory synapses learn by a
pair rule (``stdp.PAIR_RULE`` unless the notebook hands in another) with the
paper's parameters; 200 inhibitory Poisson inputs at 10 Hz do not learn. Inputs
are the fast in-simulation Poisson generators of ``inputs``; a group of them may
share spikes with a fraction ``q`` (the shared fraction).
"""

import numpy as np
from brian2 import BrianLogger, Hz, Network, NeuronGroup, PoissonInput, SpikeMonitor, StateMonitor, Synapses, ms, second

from ..simulation import named_clock, progress_reporter, time_step
from ..validation import require_count, require_in_range, require_quantity
from . import inputs, neurons, stdp
from .rule import parameter_declarations, parameter_values, set_parameters

# Song, Miller & Abbott 2000 (Nat Neurosci 3:919, doi:10.1038/78829): weights are
# peak conductances in units of the leak conductance, bounded by g_max = 0.015.
# The paper gives A+ = 0.005 as a fraction of g_max and A-/A+ = 1.05.
SONG_2000_G_MAX = 0.015
SONG_2000_STDP = {
    "tau_plus": 20 * ms,
    "tau_minus": 20 * ms,
    "A_plus": 0.005 * SONG_2000_G_MAX,  # LTP per pair (units of the leak conductance)
    "A_minus": 1.05 * 0.005 * SONG_2000_G_MAX,  # LTD per pair: slightly stronger
    "w_max": SONG_2000_G_MAX,  # the paper's g_max
}
SONG_2000_INHIBITION = {"n_inhibitory": 200, "inhibitory_rate": 10 * Hz, "g_inhibitory": 0.05}


def song_inhibition(neuron):
    """Song et al.'s 200 inhibitory Poisson inputs onto each neuron of ``neuron`` (its ``g_in``).
    A ``PoissonInput`` reads the time step when it is made: make it inside ``time_step``."""
    return PoissonInput(
        neuron,
        "g_in",
        SONG_2000_INHIBITION["n_inhibitory"],
        SONG_2000_INHIBITION["inhibitory_rate"],
        weight=SONG_2000_INHIBITION["g_inhibitory"],
    )


def build_song_network(
    duration,
    n_neurons=1,
    n_inputs=1000,
    n_correlated=500,
    rule=stdp.PAIR_RULE,
    stdp_params=SONG_2000_STDP,
    record_every=10 * second,
    report_every=None,
    step=0.1 * ms,
):
    """``n_neurons`` independent Song et al. neurons, each with ``n_inputs`` fast Poisson inputs
    whose synapses learn by ``rule`` (for ``compile_network``).

    Input k of neuron j is input ``j * n_inputs + k``; the first ``n_correlated``
    of each neuron may share spikes (``song_run_values``). Weights start at
    ``w_max / 2``. Records every weight every ``record_every`` and all output
    spikes. ``report_every`` (biological time, e.g. ``100 * second``): the program reports
    its progress that often (show it with ``run(..., progress=True)``). ``step``: the time
    step. Calls ``run``.
    """
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    require_count("n_neurons", n_neurons, 1, 100)
    require_count("n_inputs", n_inputs, 1, 100000)
    require_count("n_correlated", n_correlated, 0, n_inputs)
    # Brian2 warns that "copy_now = rand() < q" might depend on the order of the
    # synapses; it does not (each synapse sets its own input's flag). Silence it.
    BrianLogger.suppress_hierarchy("brian2.codegen.generators.base")
    # Without a correlated group the mother trains and their copies are left out (fewer steps' work).
    threshold = inputs.FAST_POISSON_THRESHOLD if n_correlated else inputs.FAST_POISSON_THRESHOLD_ALONE
    source = NeuronGroup(
        n_neurons * n_inputs,
        inputs.FAST_POISSON_EQS,
        threshold=threshold,
        reset=inputs.FAST_POISSON_RESET,
        name="inputs",
    )
    source.rate = 10 * Hz
    source.own_interval = 100 * ms
    source.next_t = inputs.NEVER
    correlation = []
    if n_correlated:
        mother = NeuronGroup(
            n_neurons, inputs.MOTHER_EQS, threshold="t >= next_t", reset=inputs.MOTHER_RESET, name="mother"
        )
        mother.rate = 10 * Hz
        mother.next_t = inputs.NEVER
        copier = Synapses(mother, source, "q : 1 (constant)", on_pre=inputs.COPY_ON_PRE, name="copier")
        copier.connect(
            i=np.repeat(np.arange(n_neurons), n_correlated),
            j=(np.arange(n_neurons)[:, None] * n_inputs + np.arange(n_correlated)).ravel(),
        )
        correlation = [mother, copier]
    neuron = neurons.song_neurons(n_neurons, "neuron")
    synapses = Synapses(
        source,
        neuron,
        rule.equations + parameter_declarations(stdp_params),
        on_pre="g_ex_post += w\n" + rule.on_pre,
        on_post=rule.on_post,
        name="stdp",
    )
    synapses.connect(i=np.arange(n_neurons * n_inputs), j=np.repeat(np.arange(n_neurons), n_inputs))
    set_parameters(synapses, stdp_params)
    synapses.w = stdp_params["w_max"] / 2
    weights = StateMonitor(
        synapses, "w", record=np.arange(n_neurons * n_inputs), clock=named_clock(record_every), name="weights"
    )
    output = SpikeMonitor(neuron, name="output")
    reporter = [] if report_every is None else [progress_reporter(duration, report_every)]
    with time_step(step):  # PoissonInput reads the time step when it is made
        inhibition = song_inhibition(neuron)
        Network(source, *correlation, neuron, inhibition, synapses, weights, output, *reporter).run(
            duration, namespace={}
        )
    return {
        "inputs": source,
        "mother": correlation[0] if correlation else None,
        "copier": correlation[1] if correlation else None,
        "neuron": neuron,
        "stdp": synapses,
        "weights": weights,
        "output": output,
        "stdp_params": dict(stdp_params),
        "n_neurons": n_neurons,
        "n_inputs": n_inputs,
        "n_correlated": n_correlated,
    }


def song_run_values(objects, rates, shared_fractions, seed, learning=True, initial_weights=None, rule_values=None):
    """``run_args`` for ``build_song_network``: one input rate and shared fraction q per neuron.

    ``rates`` (a quantity or one per neuron, 0-200 Hz) and ``shared_fractions``
    (q in [0, 1), numbers) broadcast to the neurons; a network built with
    ``n_correlated=0`` takes only q = 0. ``seed`` (an integer) draws
    the first spike times, so the same call gives the same numbers.
    ``learning=False`` freezes the weights (both amplitudes 0); ``initial_weights``
    (one per synapse, between 0 and w_max) replaces the start at w_max / 2. ``rule_values``
    changes rule parameters for this run (e.g. ``{"A_minus": ...}``; ignored when not learning).
    """
    source, mother, copier, synapses = objects["inputs"], objects["mother"], objects["copier"], objects["stdp"]
    n_neurons, n_inputs, n_correlated = objects["n_neurons"], objects["n_inputs"], objects["n_correlated"]
    require_quantity("rates", rates, Hz, 0, 200, low_inclusive=False)
    rates = np.broadcast_to(np.asarray(rates / Hz, dtype=float), (n_neurons,))
    shared = np.broadcast_to(np.asarray(shared_fractions, dtype=float), (n_neurons,))
    for q in shared:
        require_in_range("shared_fractions", q, 0, 1, high_inclusive=False)
    if n_correlated == 0 and np.any(shared > 0):
        raise ValueError("shared_fractions must be 0: this network was built with n_correlated=0")
    rng = np.random.default_rng(require_count("seed", seed, 0, 2**32 - 1))
    input_rates = np.repeat(rates, n_inputs)
    own_rates = input_rates.copy()
    correlated = np.zeros((n_neurons, n_inputs), dtype=bool)
    correlated[:, :n_correlated] = True
    own_rates[correlated.ravel()] *= np.repeat(1 - shared, n_correlated)
    own_interval = 1 / own_rates
    values = {
        source.rate: input_rates * Hz,
        source.own_interval: own_interval * second,
        source.next_t: rng.exponential(own_interval) * second,
    }
    mother_first = rng.exponential(1 / rates)  # drawn in every case, so the inputs' draws do not depend on it
    if n_correlated:
        values.update(
            {mother.rate: rates * Hz, mother.next_t: mother_first * second, copier.q: np.repeat(shared, n_correlated)}
        )
    params = objects["stdp_params"]
    amplitudes = {"A_plus": params["A_plus"], "A_minus": params["A_minus"]}
    if learning:
        amplitudes.update(rule_values or {})
    else:
        amplitudes = {"A_plus": 0.0, "A_minus": 0.0}
    values.update(parameter_values(synapses, amplitudes, params))
    if initial_weights is not None:
        initial_weights = np.asarray(initial_weights, dtype=float)
        if initial_weights.shape != (n_neurons * n_inputs,):
            raise ValueError(
                f"initial_weights needs one value per synapse ({n_neurons * n_inputs}), "
                f"got shape {initial_weights.shape}"
            )
        w_max = params["w_max"]
        if np.any(initial_weights < 0) or np.any(initial_weights > w_max):
            raise ValueError(
                f"initial_weights must lie between 0 and w_max = {w_max} (units of the leak "
                f"conductance), got {initial_weights.min():.4g}-{initial_weights.max():.4g}"
            )
        values[synapses.w] = initial_weights
    return values


# ------------------------------------------------------------ notebook 03: reproduce Song, Miller & Abbott 2000

SONG_INPUT_RATES_HZ = np.array([10.0, 20.0, 40.0])  # section 2: one neuron per input rate
SONG_SHARED = np.array([0.0, 0.05, 0.1, 0.2])  # section 4: one neuron per shared fraction q


def output_rate_hz(machine, neuron, start, stop):
    """Mean output rate (Hz) of ``neuron`` between ``start`` and ``stop`` (Brian2 times)."""
    spikes = machine["output"]
    t = spikes.t[spikes.i == neuron]
    return float(np.sum((t >= start) & (t < stop)) / ((stop - start) / second))


def measure_for_paper(
    learning_machine,
    short_machine,
    practice_machine,
    stdp_values=None,
    learning=True,
    shared=None,
    learning_time=1000 * second,
    short_time=40 * second,
):
    """Notebook 03's measurement on its three compiled ``build_song_network`` programs: ``learning_machine``
    (one neuron per rate of ``SONG_INPUT_RATES_HZ``, no correlated group, ``learning_time`` long),
    ``short_machine`` (one neuron, ``short_time`` long) and ``practice_machine`` (one neuron per q of ``SONG_SHARED``). ``stdp_values``
    change the rule's parameters (e.g. ``{"A_minus": ...}``) in every run; ``learning=False`` freezes
    the weights; ``shared`` replaces the q of the practice run. Seeds as in the notebook.

    Returns a dict: ``learned`` (weights after learning, units of g_max, one row per rate),
    ``plastic_rates`` (Hz, last tenth of the learning run), ``frozen_rates`` (Hz, the 20-Hz neuron's
    learned weights frozen, driven at each rate for the short run), ``group_final`` and
    ``other_final`` (mean weight of the correlated group and of the other inputs after practice,
    units of g_max, one per q)."""

    def run(machine, rates, q, seed, frozen=False, initial_weights=None):
        values = song_run_values(
            machine.objects,
            rates,
            q,
            seed=seed,
            learning=learning and not frozen,
            initial_weights=initial_weights,
            rule_values=stdp_values,
        )
        machine.run(values)

    g_max = learning_machine["stdp_params"]["w_max"]
    rates = SONG_INPUT_RATES_HZ
    run(learning_machine, rates * Hz, 0.0, seed=1)
    learned = learning_machine["stdp"].w[:].reshape(len(rates), -1) / g_max
    late = (0.9 * learning_time, learning_time)
    plastic = np.array([output_rate_hz(learning_machine, k, *late) for k in range(len(rates))])
    frozen = []
    for rate in rates:
        run(short_machine, rate * Hz, 0.0, seed=2, frozen=True, initial_weights=learned[1] * g_max)
        frozen.append(output_rate_hz(short_machine, 0, 0 * second, short_time))
    measured = {"learned": learned, "plastic_rates": plastic, "frozen_rates": np.array(frozen)}
    measured.update(measure_practice(practice_machine, stdp_values, learning, shared))
    return measured


def measure_practice(practice_machine, stdp_values=None, learning=True, shared=None):
    """The practice part of ``measure_for_paper``: 10-Hz inputs, one neuron per q of ``SONG_SHARED``
    (or ``shared``), seed 3. Returns ``group_final`` and ``other_final`` (units of g_max, one per q)."""
    q = SONG_SHARED if shared is None else np.asarray(shared, dtype=float)
    practice_machine.run(
        song_run_values(practice_machine.objects, 10 * Hz, q, seed=3, learning=learning, rule_values=stdp_values)
    )
    final = practice_machine["stdp"].w[:].reshape(len(q), -1) / practice_machine["stdp_params"]["w_max"]
    n_correlated = practice_machine["n_correlated"]
    return {"group_final": final[:, :n_correlated].mean(axis=1), "other_final": final[:, n_correlated:].mean(axis=1)}


def paper_checks(measured):
    """Notebook 03's comparison with Song, Miller & Abbott 2000 (``measured`` as from
    ``measure_for_paper``; rows in the order of ``SONG_INPUT_RATES_HZ`` and ``SONG_SHARED``).
    A list of ``helpers.checks.PaperCheck``."""
    from ..checks import PaperCheck

    learned = np.asarray(measured["learned"], dtype=float)
    ends = [(float(np.mean(learned[k] < 0.2)), float(np.mean(learned[k] > 0.8))) for k in (1, 2)]
    bimodal = all(low + high >= 0.8 and low >= 0.05 and high >= 0.05 for low, high in ends)
    plastic, frozen = np.asarray(measured["plastic_rates"]), np.asarray(measured["frozen_rates"])
    ratio = float(plastic[-1] / plastic[0]) if plastic[0] > 0 else float("inf")
    plastic_spread, frozen_spread = float(np.ptp(plastic)), float(np.ptp(frozen))
    group, other = np.asarray(measured["group_final"]), np.asarray(measured["other_final"])
    return [
        PaperCheck(
            "bimodal",
            "weights gather near 0 and near g_max (inputs at 20 and 40 Hz)",
            "; ".join(f"{100 * lo:.0f} % < 0.2, {100 * hi:.0f} % > 0.8" for lo, hi in ends),
            ">= 80 % in the outer fifths, >= 5 % at each end",
            bimodal,
        ),
        PaperCheck(
            "rate_stable",
            "with STDP the output rate hardly follows a 4-fold rise of the input rate",
            f"x{ratio:.2f} from 10 to 40 Hz input",
            "between x0.67 and x1.5",
            1 / 1.5 <= ratio <= 1.5,
        ),
        PaperCheck(
            "frozen_contrast",
            "with the weights frozen the output rate follows the input rate",
            f"spread {frozen_spread:.0f} Hz frozen, {plastic_spread:.1f} Hz with STDP",
            "frozen spread >= 10 x the STDP spread",
            frozen_spread >= 10 * plastic_spread,
        ),
        PaperCheck(
            "correlated_wins",
            "inputs that share spikes (q = 0.2) win, the others lose",
            f"group {group[-1]:.2f}, others {other[-1]:.2f} g_max",
            "group > 0.8, others < 0.3",
            group[-1] > 0.8 and other[-1] < 0.3,
        ),
        PaperCheck(
            "no_winner_without_correlation",
            "without shared spikes (q = 0) neither half wins",
            f"difference {abs(group[0] - other[0]):.3f} g_max",
            "< 0.05",
            abs(group[0] - other[0]) < 0.05,
        ),
    ]
