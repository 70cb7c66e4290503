"""Spike-timing-dependent plasticity: the pair rule and the triplet rule (notebooks 02-04).

Symbols: ``w`` the synaptic weight, kept between 0 and ``w_max`` (its unit is the
model's: a relative weight starting at 1 in notebook 02, a conductance in units
of the leak conductance in 03-04); ``apre``, ``apost`` the pair rule's traces
(a_pre, a_post: each jumps by 1 at a spike and decays with ``tau_plus`` or
``tau_minus``); ``A_plus``, ``A_minus`` the weight change per pair at a timing
of 0+ and 0- (in the unit of ``w``); ``r1``, ``r2`` and ``o1``, ``o2`` the
triplet rule's presynaptic and postsynaptic traces (Pfister & Gerstner 2006).
Timing is ``t_post - t_pre``: positive when the presynaptic spike comes first.
"""

import numpy as np
from brian2 import Hz, Network, Synapses, ms, second

from ..simulation import time_step
from ..validation import require_count, require_quantity
from . import inputs
from .rule import Rule, parameter_declarations, set_parameters

# The pair rule, all-to-all: every pre/post pair of spikes counts.
PAIR_RULE = Rule(
    equations="""
w : 1
dapre/dt = -apre / tau_plus : 1 (event-driven)
dapost/dt = -apost / tau_minus : 1 (event-driven)
""",
    on_pre="""
apre += 1
w = clip(w - A_minus * apost, 0, w_max)
""",
    on_post="""
apost += 1
w = clip(w + A_plus * apre, 0, w_max)
""",
)

# The minimal all-to-all triplet rule (Pfister & Gerstner 2006). Each update
# reads the traces from before this spike's own increment.
TRIPLET_RULE = Rule(
    equations="""
w : 1
dr1/dt = -r1 / tau_plus : 1 (event-driven)
dr2/dt = -r2 / tau_x : 1 (event-driven)
do1/dt = -o1 / tau_minus : 1 (event-driven)
do2/dt = -o2 / tau_y : 1 (event-driven)
""",
    on_pre="""
w = clip(w - o1 * (A2_minus + A3_minus * r2), 0, w_max)
r1 += 1
r2 += 1
""",
    on_post="""
w = clip(w + r1 * (A2_plus + A3_plus * o2), 0, w_max)
o1 += 1
o2 += 1
""",
)

# Pair rule for the Bi & Poo 1998 protocol (Fig. 7: 60 pairings at 1 Hz). Time
# constants: Bi & Poo 2001's fit, as used by Pfister & Gerstner 2006. Amplitudes:
# the approximate whole-protocol change (+78 %, -24 %, data/bi_poo_1998_window_fit.csv)
# shared equally among the 60 pairs; w is relative (1 before the protocol).
BI_POO_PAIRS = 60
PAIR_STDP_BI_POO = {
    "tau_plus": 16.8 * ms,  # LTP window (pre before post)
    "tau_minus": 33.7 * ms,  # LTD window (post before pre)
    "A_plus": 0.78 / BI_POO_PAIRS,  # change per pair at timing 0+ (fraction of the initial weight)
    "A_minus": 0.24 / BI_POO_PAIRS,  # change per pair at timing 0- (a decrease)
    "w_max": 10.0,  # far above anything 60 pairings reach: no bound in effect
}

# Triplet rule, Pfister & Gerstner 2006 (J Neurosci 26:9673, doi:10.1523/JNEUROSCI.1425-06.2006),
# Table 3, visual cortex, all-to-all, minimal model (A2_plus = A3_minus = 0, so tau_x is unused).
TRIPLET_VISUAL_CORTEX = {
    "tau_plus": 16.8 * ms,
    "tau_minus": 33.7 * ms,
    "tau_x": 101 * ms,  # unused in the minimal model (its A3_minus is 0)
    "tau_y": 114 * ms,  # slow postsynaptic trace o2
    "A2_plus": 0.0,
    "A3_plus": 6.5e-3,
    "A2_minus": 7.1e-3,
    "A3_minus": 0.0,
    "w_max": 10.0,
}

PAIRING_START = 150 * ms  # first presynaptic spike; leaves room for timings down to -150 ms


def build_pairing_network(n_channels, duration, rules, dt=1 * ms):
    """Pairing protocols on ``n_channels`` independent pre/post pairs (for ``compile_network``).

    ``rules`` maps a name to ``(rule, params)``; each becomes its own synapses
    (e.g. ``objects["pair"]``) on the same spikes, weights starting at 1, its
    parameters constants that a run may change (``rule.parameter_values``). Set
    the protocol per channel with ``pairing_run_values``. Spike times fall on a
    ``dt`` grid (the trace updates are exact). Calls ``run``.
    """
    require_count("n_channels", n_channels, 1, 10000)
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    pre, post = inputs.pairing_groups(n_channels, BI_POO_PAIRS, PAIRING_START)
    objects = {"pre": pre, "post": post}
    for name, (rule, params) in rules.items():
        synapses = Synapses(
            pre,
            post,
            rule.equations + parameter_declarations(params),
            on_pre=rule.on_pre,
            on_post=rule.on_post,
            name=name,
        )
        synapses.connect(j="i")
        synapses.w = 1
        set_parameters(synapses, params)
        objects[name] = synapses
    with time_step(dt):
        Network(*objects.values()).run(duration, namespace={})
    return objects


def pairing_run_values(objects, timings, frequencies, n_pairs=BI_POO_PAIRS):
    """``run_args`` for a pairing network: channel k pairs at ``timings[k]``, ``frequencies[k]``.

    ``timings`` (t_post - t_pre) and ``frequencies`` are quantities or quantity
    arrays (broadcast to each other); channels beyond them get no pairs.
    """
    pre, post = objects["pre"], objects["post"]
    n_channels = len(pre)
    require_quantity(
        "timings",
        timings,
        second,
        -float(PAIRING_START / second),
        float(PAIRING_START / second),
        low_inclusive=False,
        high_inclusive=False,
    )
    require_quantity("frequencies", frequencies, Hz, 0, 1000, low_inclusive=False)
    timings, frequencies = np.broadcast_arrays(np.asarray(timings / second), np.asarray(frequencies / Hz))
    used = timings.size
    if used > n_channels:
        raise ValueError(f"at most {n_channels} protocols per run, got {used}")
    period = np.ones(n_channels)
    period[:used] = 1 / frequencies.ravel()
    first_post = np.full(n_channels, float(PAIRING_START / second))
    first_post[:used] += timings.ravel()
    pairs = np.zeros(n_channels, dtype=int)
    pairs[:used] = n_pairs
    return {
        pre.period: period * second,
        post.period: period * second,
        post.first_t: first_post * second,
        pre.n_pairs: pairs,
        post.n_pairs: pairs,
    }
