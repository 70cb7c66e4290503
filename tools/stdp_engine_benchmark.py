"""Competitive STDP (Song, Miller & Abbott 2000): the plain Brian2 version against the fast path.

Usage: python tools/stdp_engine_benchmark.py [biological seconds, default 50]
(``bash tasks.sh bench`` runs it after the notebooks).

Baseline: what a Brian2 user writes from the documentation, a ``PoissonGroup``
of 1000 inputs driving event-driven STDP ``Synapses`` onto one neuron, on the
runtime Cython target. Fast path: ``helpers.models.build_song_network`` (inputs
that draw one random number per spike, compiled once with cpp_standalone), as
notebook 03 uses it. Same neuron, same rule, same parameters, same biological
time, both in this process, both with their compiled code already cached (a
short warm-up run compiles the baseline; building the fast network compiles
it). Prints both wall times, the ratio, and the outcome statistics side by side.
"""
import sys

import numpy as np
from brian2 import Hz, second

import helpers
from helpers import models

INPUT_RATE = 20 * Hz
N_INPUTS = 1000


def run_baseline(duration):
    """Plain Brian2, runtime target; returns (wall seconds, weights / g_max, output rate in Hz)."""
    seconds, weights, rate = models.run_plain_song_network(duration, INPUT_RATE)
    return seconds, weights / models.SONG_2000["g_max"], rate


def statistics(weights, rate_hz):
    """Outcome statistics compared between the two versions."""
    return {"output rate (Hz)": rate_hz, "mean weight (g_max)": float(np.mean(weights)),
            "weight SD (g_max)": float(np.std(weights)),
            "fraction below 0.2": float(np.mean(weights < 0.2)),
            "fraction above 0.8": float(np.mean(weights > 0.8))}


def compare(duration=50 * second):
    """Run both versions for ``duration`` of biology; print times, ratio and statistics."""
    rng = helpers.setup_notebook(seed=2026)
    run_baseline(0.2 * second)                       # warm-up: compiles (or loads) the Cython code
    helpers.setup_notebook(seed=2026)
    baseline_s, baseline_w, baseline_rate = run_baseline(duration)

    machine = helpers.CompiledNetwork(f"song_benchmark_{int(duration / second)}s",
                                      lambda: models.build_song_network(duration))
    fast_s = None
    for _ in range(3):                               # best of three, like the widget timer
        machine.run(models.song_run_values(machine.objects, INPUT_RATE, 0.0, rng))
        fast_s = machine.last_run_seconds if fast_s is None else min(fast_s, machine.last_run_seconds)
    fast_w = machine["stdp"].w[:] / models.SONG_2000["g_max"]
    fast_rate = machine["output"].num_spikes / float(duration / second)

    base_stats, fast_stats = statistics(baseline_w, baseline_rate), statistics(fast_w, fast_rate)
    print(f"\nCompetitive STDP, 1 neuron, {N_INPUTS} inputs at {INPUT_RATE}, "
          f"{duration / second:.0f} s of biology, dt 0.1 ms")
    print("| | plain Brian2 (PoissonGroup, runtime Cython) | fast path (notebook 03) |")
    print("|---|---|---|")
    print(f"| wall time (s) | {baseline_s:.2f} | {fast_s:.2f} |")
    for key in base_stats:
        print(f"| {key} | {base_stats[key]:.3f} | {fast_stats[key]:.3f} |")
    ratio = baseline_s / fast_s
    print(f"speed-up: {ratio:.0f}x ({baseline_s / float(duration / second) * 1e3:.0f} ms vs "
          f"{fast_s / float(duration / second) * 1e3:.1f} ms per second of biology)")
    return ratio, base_stats, fast_stats


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 50.0
    compare(seconds * second)
