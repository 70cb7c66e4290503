"""Stimulation protocols used in slice experiments, as arrays of spike times.

Arguments and results are Brian2 quantities (the collection's unit convention):
``regular_train(10 * Hz, 5)`` returns five times in seconds, ready for a
``SpikeGeneratorGroup``. Sign convention used in every notebook:
``timing = t_post - t_pre``, positive when the presynaptic spike comes first.
"""

import numpy as np
from brian2 import Hz, second

from .validation import require_count, require_quantity

MAX_FREQUENCY = 1000 * Hz


def regular_train(frequency, n_pulses, start=0 * second):
    """``n_pulses`` evenly spaced pulses at ``frequency`` (Hz), starting at ``start`` (s)."""
    require_quantity("frequency", frequency, Hz, 0, float(MAX_FREQUENCY / Hz), low_inclusive=False)
    n_pulses = require_count("n_pulses", n_pulses)
    require_quantity("start", start, second)
    return start + np.arange(n_pulses) / frequency


def tetanus(frequency=100 * Hz, n_pulses=100, start=0 * second):
    """High-frequency stimulation: by default 1 s at 100 Hz, the classic LTP tetanus."""
    return regular_train(frequency, n_pulses, start)


def low_frequency_stimulation(frequency=1 * Hz, n_pulses=900, start=0 * second):
    """Low-frequency stimulation: by default 900 pulses at 1 Hz (Dudek & Bear 1992), gives LTD."""
    return regular_train(frequency, n_pulses, start)


def pairing(n_pairs, frequency, timing, start=0.1 * second):
    """Pre/post pairing: ``n_pairs`` pairs at ``frequency``, the post spike ``timing`` after the pre.

    Returns ``(pre_times, post_times)`` (quantities, s). A negative ``timing``
    puts the post spike first; ``start`` must leave room for it before t = 0.
    """
    n_pairs = require_count("n_pairs", n_pairs)
    require_quantity("frequency", frequency, Hz, 0, float(MAX_FREQUENCY / Hz), low_inclusive=False)
    period_s = float(1 / frequency / second)
    require_quantity("timing", timing, second, -period_s, period_s, low_inclusive=False, high_inclusive=False)
    require_quantity("start", start, second, max(0.0, float(-timing / second)))
    pre = start + np.arange(n_pairs) / frequency
    return pre, pre + timing


def poisson_train(rate, duration, rng):
    """Poisson spike times at ``rate`` over ``duration`` (quantities), drawn with ``rng``.

    ``rng`` is a ``numpy.random.Generator``, so the same seed gives the same train.
    """
    require_quantity("rate", rate, Hz, 0, float(MAX_FREQUENCY / Hz))
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    n_spikes = rng.poisson(float(rate * duration))
    return np.sort(rng.uniform(0.0, float(duration / second), n_spikes)) * second
