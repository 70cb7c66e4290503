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


# ------------------------------------------------------------ notebook 02: reproduce the papers


def measure_pairings(pairing_machine, pair_values=None, triplet_values=None):
    """Notebook 02's pairing measurements on a compiled ``build_pairing_network`` with rules "pair"
    (Bi & Poo parameters) and "triplet" (visual cortex), at least 101 channels; ``pair_values`` and
    ``triplet_values`` change those rules' parameters for this run. Returns a dict of fractional
    changes: ``sjostrom_pair``, ``sjostrom_triplet`` (the ten protocols of
    data/sjostrom_2001_frequency_dependence.csv, in its order), ``window_ms`` and ``window_pair``
    (60 pairs at 1 Hz, -100 to +100 ms in 2-ms steps)."""
    from .. import data
    from .rule import parameter_values

    def run(timings_ms, frequencies_hz):
        values = pairing_run_values(
            pairing_machine.objects, np.asarray(timings_ms) * ms, np.asarray(frequencies_hz) * Hz
        )
        values.update(parameter_values(pairing_machine["pair"], pair_values or {}, PAIR_STDP_BI_POO))
        values.update(parameter_values(pairing_machine["triplet"], triplet_values or {}, TRIPLET_VISUAL_CORTEX))
        pairing_machine.run(values)
        used = np.broadcast(np.asarray(timings_ms), np.asarray(frequencies_hz)).size
        return pairing_machine["pair"].w[:used] - 1, pairing_machine["triplet"].w[:used] - 1

    sjostrom = data.load("sjostrom_2001_frequency_dependence")
    sjostrom_pair, sjostrom_triplet = run(sjostrom["timing_ms"], sjostrom["frequency_hz"])
    window_ms = np.linspace(-100, 100, 101)
    window_pair, _ = run(window_ms, 1.0)
    return {
        "sjostrom_pair": sjostrom_pair,
        "sjostrom_triplet": sjostrom_triplet,
        "window_ms": window_ms,
        "window_pair": window_pair,
    }


def calcium_times_at_fig2(calcium_machine):
    """Time calcium spends above theta_d and theta_p (quantities) under 60 pairs at 1 Hz at each timing of
    data/graupner_brunel_2012_fig2_dp.csv, on a compiled ``calcium.build_pairing_network`` (DP set)."""
    from .. import data

    published_ms = data.load("graupner_brunel_2012_fig2_dp")["timing_ms"]
    calcium_machine.run(pairing_run_values(calcium_machine.objects, published_ms * ms, 1 * Hz))
    synapses = calcium_machine["calcium_rule"]
    return synapses.time_d[: len(published_ms)], synapses.time_p[: len(published_ms)]


def paper_checks(measured):
    """Notebook 02's comparisons (``measured`` as from ``measure_for_paper``): Sjöström et al. 2001
    against the triplet rule (and the pair rule for contrast), the 1-Hz pair window against Bi & Poo's
    fit (built in), the whole calcium model against Graupner & Brunel 2012's Fig. 2 (DP).
    A list of ``helpers.checks.PaperCheck``."""
    from .. import data
    from ..checks import PaperCheck

    sjostrom = data.load("sjostrom_2001_frequency_dependence")
    f, dt = sjostrom["frequency_hz"], sjostrom["timing_ms"]
    triplet = np.asarray(measured["sjostrom_triplet"], dtype=float)
    pair = np.asarray(measured["sjostrom_pair"], dtype=float)
    triplet_error = np.abs(triplet - sjostrom["change"]) / sjostrom["sem"]
    pair_within = int(np.sum(np.abs(pair - sjostrom["change"]) / sjostrom["sem"] <= 1))
    minus10 = dt == -10
    signs_ok = (
        bool(np.all(np.sign(triplet[minus10]) == np.where(f[minus10] >= 40, 1, -1)))
        and bool(np.all(triplet[~minus10] > -0.05))
        and bool(np.all(triplet[~minus10 & (f >= 10)] > 0))
    )
    within_1 = int(np.sum(triplet_error <= 1))

    fit = data.load("bi_poo_1998_window_fit")
    window_ms = np.asarray(measured["window_ms"], dtype=float)
    expected = np.where(
        window_ms > 0,
        fit["a_plus"][0] * np.exp(-window_ms / fit["tau_plus_ms"][0]),
        fit["a_minus"][0] * np.exp(window_ms / fit["tau_minus_ms"][0]),
    )
    window_error = float(np.max(np.abs(np.asarray(measured["window_pair"]) - expected)[window_ms != 0]))

    published = data.load("graupner_brunel_2012_fig2_dp")
    published_ms, published_ratio = published["timing_ms"], published["strength_ratio"]
    ratio = np.asarray(measured["gb_ratio"], dtype=float)
    gb_error = float(np.max(np.abs(ratio - published_ratio)))
    extremes_ok, extremes = True, []
    for pick, what in ((np.argmin, "deepest LTD"), (np.argmax, "largest LTP")):
        model_at, published_at = pick(ratio), pick(published_ratio)
        shift_ms = abs(published_ms[model_at] - published_ms[published_at])
        size = abs(ratio[model_at] - published_ratio[published_at])
        extremes_ok &= bool(shift_ms <= 5 and size < 0.03)
        extremes.append(f"{what} {published_ms[model_at]:+.0f} ms, {ratio[model_at]:.2f}")

    return [
        PaperCheck(
            "sjostrom_sign",
            "-10 ms depresses at <= 20 Hz and potentiates at >= 40 Hz; +10 ms never depresses (> -5 %) "
            "and potentiates from 10 Hz (triplet rule)",
            "signs as required" if signs_ok else "a sign differs",
            "all ten protocols",
            signs_ok,
        ),
        PaperCheck(
            "sjostrom_size",
            "every point within 2 SEM of Sjöström's means, at least 9 of 10 within 1 SEM (triplet rule)",
            f"{within_1} of 10 within 1 SEM, worst {triplet_error.max():.1f} SEM",
            ">= 9 within 1 SEM, all within 2 SEM",
            within_1 >= 9 and bool(np.all(triplet_error <= 2)),
        ),
        PaperCheck(
            "pair_contrast",
            "the pair rule, fitted to Bi & Poo's hippocampal window, fails the same size test",
            f"{pair_within} of 10 within 1 SEM",
            "fewer than 9 within 1 SEM",
            pair_within < 9,
        ),
        PaperCheck(
            "bi_poo_window",
            "60 pairs at 1 Hz add up to Bi & Poo's fitted window (the rule's parameters come from the fit)",
            f"largest difference {window_error:.4f}",
            "< 0.005",
            window_error < 0.005,
            built_in=True,
        ),
        PaperCheck(
            "gb_fig2_points",
            "the whole calcium model lies on Graupner & Brunel's Fig. 2 (DP), 41 points",
            f"largest difference {gb_error:.3f}",
            "< 0.04 at every point",
            gb_error < 0.04,
        ),
        PaperCheck(
            "gb_fig2_extremes",
            "deepest LTD and largest LTP where and as large as in Fig. 2",
            "; ".join(extremes),
            "within 5 ms and 0.03 of the published ones",
            extremes_ok,
        ),
    ]
