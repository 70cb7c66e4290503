"""Competitive STDP (Song, Miller & Abbott 2000): the plain Brian2 version against the fast path.

Usage: python tools/stdp_engine_benchmark.py [biological seconds, default 50] [repeats, default 3]
       python tools/stdp_engine_benchmark.py breakdown   (where the fast path's time goes)
(``bash tasks.sh bench`` runs the comparison after the notebooks).

Baseline (``run_plain_song_network`` below): what a Brian2 user writes from the
documentation, a ``PoissonGroup`` of 1000 inputs driving event-driven STDP
``Synapses`` onto one neuron with Song's 200 inhibitory inputs (``PoissonInput``),
on the runtime Cython target. Fast path: ``helpers.models.competition.build_song_network``
(inputs that draw one random number per spike, compiled once with cpp_standalone),
as notebook 03 uses it. Same neuron, rule, parameters and biological time, both
in this process. Compilation is kept out of both timings (a warm-up run for the
baseline; the compiled program for the fast path), and each side reports the
best of ``repeats`` runs. Prints both wall times, the ratio, and the outcome
statistics side by side.
"""

import sys
import time

import numpy as np
from brian2 import Hz, Network, NeuronGroup, PoissonGroup, SpikeMonitor, Synapses, second

import helpers
from helpers.models import competition, neurons, stdp

INPUT_RATE = 20 * Hz
N_INPUTS = 1000
G_MAX = competition.SONG_2000_STDP["w_max"]


def song_stdp(source, neuron, name):
    """Pair-rule STDP synapses from every input of ``source`` onto ``neuron`` (Song's parameters),
    each starting at g_max / 2, as both the baseline and the fast path's stages use them."""
    synapses = Synapses(
        source,
        neuron,
        stdp.PAIR_RULE.equations,
        on_pre="g_ex_post += w\n" + stdp.PAIR_RULE.on_pre,
        on_post=stdp.PAIR_RULE.on_post,
        namespace=dict(competition.SONG_2000_STDP),
        name=name,
    )
    synapses.connect()
    synapses.w = G_MAX / 2
    return synapses


def run_plain_song_network(duration, input_rate=INPUT_RATE, n_inputs=N_INPUTS):
    """The neuron and rule of notebook 03 written the plain way; returns (wall s, weights, rate in Hz)."""
    inputs = PoissonGroup(n_inputs, rates=input_rate, name="plain_inputs")
    neuron = neurons.song_neurons(1, "plain_neuron")
    inhibition = competition.song_inhibition(neuron)
    synapses = song_stdp(inputs, neuron, "plain_stdp")
    output = SpikeMonitor(neuron, name="plain_output")
    network = Network(inputs, neuron, inhibition, synapses, output)
    start = time.perf_counter()
    network.run(duration)
    return time.perf_counter() - start, synapses.w[:].copy(), output.num_spikes / float(duration / second)


def statistics(weights, rate_hz):
    """Outcome statistics compared between the two versions (weights in units of g_max)."""
    return {
        "output rate (Hz)": rate_hz,
        "mean weight (g_max)": float(np.mean(weights)),
        "weight SD (g_max)": float(np.std(weights)),
        "fraction below 0.2": float(np.mean(weights < 0.2)),
        "fraction above 0.8": float(np.mean(weights > 0.8)),
    }


def compare(duration=50 * second, repeats=3):
    """Run both versions for ``duration`` of biology, best of ``repeats``; print times, ratio, statistics."""
    helpers.setup_notebook(seed=2026)
    run_plain_song_network(0.2 * second)  # warm-up: compiles (or loads) the Cython code
    baseline = []
    for _ in range(repeats):
        helpers.setup_notebook(seed=2026)
        baseline.append(run_plain_song_network(duration))
    baseline_s = min(b[0] for b in baseline)
    _, baseline_w, baseline_rate = baseline[0]

    machine = helpers.compile_network(competition.build_song_network, duration=duration, n_correlated=0)
    fast_times = []
    for _ in range(repeats):
        machine.run(competition.song_run_values(machine.objects, INPUT_RATE, 0.0, seed=2026))
        fast_times.append(machine.last_run_seconds)
    fast_s = min(fast_times)
    fast_w = machine["stdp"].w[:] / G_MAX
    fast_rate = machine["output"].num_spikes / float(duration / second)

    base_stats, fast_stats = statistics(baseline_w / G_MAX, baseline_rate), statistics(fast_w, fast_rate)
    print(
        f"\nCompetitive STDP, 1 neuron, {N_INPUTS} inputs at {INPUT_RATE} and 200 inhibitory inputs, "
        f"{duration / second:.0f} s of biology, dt 0.1 ms, best of {repeats} (compilation excluded)"
    )
    print("| | plain Brian2 (PoissonGroup, runtime Cython) | fast path (notebook 03) |")
    print("|---|---|---|")
    print(
        f"| wall time (s), all runs | {', '.join(f'{b[0]:.2f}' for b in baseline)} | "
        f"{', '.join(f'{s:.2f}' for s in fast_times)} |"
    )
    print(f"| wall time (s), best | {baseline_s:.2f} | {fast_s:.2f} |")
    for key in base_stats:
        print(f"| {key} | {base_stats[key]:.3f} | {fast_stats[key]:.3f} |")
    ratio = baseline_s / fast_s
    biology_s = float(duration / second)
    print(
        f"speed-up: {ratio:.0f}x ({baseline_s / biology_s * 1e3:.0f} ms vs "
        f"{fast_s / biology_s * 1e3:.1f} ms per second of biology)"
    )
    return ratio, base_stats, fast_stats


STAGES = ("empty network", "+ 1000 inputs", "+ neuron and inhibition", "+ STDP synapses", "+ spike monitor")


def build_stage(duration, stage):
    """The fast path built up in stages (``STAGES[:stage + 1]``), for ``breakdown``."""
    from helpers.models import inputs

    objects = [NeuronGroup(1, "x : 1", name="placeholder")]
    if stage >= 1:
        source = NeuronGroup(
            N_INPUTS,
            inputs.FAST_POISSON_EQS,
            threshold=inputs.FAST_POISSON_THRESHOLD_ALONE,
            reset=inputs.FAST_POISSON_RESET,
            name="inputs",
        )
        source.rate, source.own_interval = INPUT_RATE, 1 / INPUT_RATE
        source.next_t = np.random.default_rng(1).exponential(1 / float(INPUT_RATE / Hz), N_INPUTS) * second
        objects.append(source)
    if stage >= 2:
        neuron = neurons.song_neurons(1, "neuron")
        objects += [neuron, competition.song_inhibition(neuron)]
    if stage >= 3:
        objects.append(song_stdp(source, neuron, "stdp"))
    if stage >= 4:
        objects.append(SpikeMonitor(neuron, name="output"))
    Network(*objects).run(duration)
    return {"objects": objects}


def breakdown(duration=50 * second, repeats=3):
    """Wall time per second of biology of the fast path built up stage by stage (best of ``repeats``)."""
    helpers.setup_notebook(seed=2026)
    steps_per_second = float(second / helpers.simulation.NOTEBOOK_DT)
    print(f"\nWhere the fast path's time goes: {duration / second:.0f} s of biology, best of {repeats}")
    print("| stage | ms per second of biology | added per 0.1-ms step (µs) |")
    print("|---|---|---|")
    previous = 0.0
    for stage, name in enumerate(STAGES):
        machine = helpers.compile_network(build_stage, duration=duration, stage=stage)
        best = min(machine.run().last_run_seconds for _ in range(repeats))
        ms_per_s = 1000 * best / float(duration / second)
        print(f"| {name} | {ms_per_s:.2f} | {(ms_per_s - previous) * 1000 / steps_per_second:+.3f} |")
        previous = ms_per_s


if __name__ == "__main__":
    if sys.argv[1:2] == ["breakdown"]:
        breakdown()
    else:
        seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 50.0
        repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
        compare(seconds * second, repeats)
