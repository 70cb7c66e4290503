"""Input generators that run inside the simulation (no spike lists from Python).

Each is a ``NeuronGroup`` whose threshold decides when it fires, so a compiled
program can be re-run with new rates or protocols passed as values.
"""

from brian2 import NeuronGroup, second

# A presynaptic "pulser": each neuron is one stimulation channel that fires
# n_pulses at `frequency`, then one test pulse `test_delay` later (as an
# experimenter reads the synapse with a test pulse after the induction).
PULSER_EQS = """
frequency : Hz (constant)
n_pulses : integer (constant)
test_delay : second (constant)
count : integer
next_t : second
"""
PULSER_THRESHOLD = "t >= next_t - 0.5 * dt and count <= n_pulses"  # slack: see PAIRING_THRESHOLD
PULSER_RESET = """
count += 1
next_t += int(count < n_pulses) / frequency + int(count == n_pulses) * test_delay
"""

# Each neuron of a "pairing" group fires n_pairs spikes, one every `period`,
# starting at first_t: one group for the presynaptic and one for the
# postsynaptic cell, the post group's first_t shifted by the timing.
PAIRING_EQS = """
period : second (constant)
first_t : second (constant)
n_pairs : integer (constant)
count : integer
"""
# Half a time step of slack: first_t + count * period is a sum of floats that can
# land a hair after the step it means (1/30 s added up), which would fire one step late.
PAIRING_THRESHOLD = "t >= first_t + count * period - 0.5 * dt and count < n_pairs"
PAIRING_RESET = "count += 1"


def pairing_groups(n_channels, n_pairs, start):
    """The presynaptic and postsynaptic pairing groups (named ``pre`` and ``post``).

    Each neuron fires ``n_pairs`` spikes, one per second, from ``start``;
    change them per channel at run time (``stdp.pairing_run_values``).
    """
    groups = []
    for name in ("pre", "post"):
        group = NeuronGroup(n_channels, PAIRING_EQS, threshold=PAIRING_THRESHOLD, reset=PAIRING_RESET, name=name)
        group.period = 1 * second
        group.first_t = start
        group.n_pairs = n_pairs
        groups.append(group)
    return groups


# Fast Poisson inputs: instead of drawing a random number for every input at
# every time step (PoissonGroup), each input keeps the time of its next spike
# and draws the next interval, an exponential with mean 1/rate, only when it
# fires. Inputs of a correlated group also copy each spike of a shared
# "mother" Poisson train with probability q (the shared fraction): a fraction q
# of each input's spikes are copies. Two inputs share a spike only if both copy
# it, so the correlation coefficient of their spike counts is about q**2.
FAST_POISSON_EQS = """
rate : Hz (constant)
own_interval : second (constant)
next_t : second
copy_now : boolean
"""
FAST_POISSON_THRESHOLD = "t >= next_t or copy_now"
FAST_POISSON_THRESHOLD_ALONE = "t >= next_t"  # inputs without a correlated group
FAST_POISSON_RESET = """
next_t += int(t >= next_t) * (-log(rand()) * own_interval)
copy_now = False
"""
MOTHER_EQS = """
rate : Hz (constant)
next_t : second
"""
MOTHER_RESET = "next_t += -log(rand()) / rate"
COPY_ON_PRE = "copy_now = rand() < q"

NEVER = 1e9 * second  # the "next spike" of an input that has no spikes of its own

# Poisson inputs whose rate can step once, at t_switch (e.g. an activity blockade).
STEP_RATE_POISSON_EQS = """
rate_before : Hz (constant)
rate_after : Hz (constant)
t_switch : second (constant)
"""
STEP_RATE_POISSON_THRESHOLD = "rand() < (rate_before + (rate_after - rate_before) * int(t >= t_switch)) * dt"
