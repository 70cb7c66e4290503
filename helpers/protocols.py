"""Stimulation protocols used in slice experiments, as arrays of spike times.

All times are returned in seconds (plain NumPy arrays, sorted); pass them to
Brian2 as ``times * second``. Sign convention used in every notebook:
``timing_ms = t_post - t_pre``, positive when the presynaptic spike comes first.
"""
import numpy as np

from .validation import require_count, require_in_range, require_positive

MAX_FREQUENCY_HZ = 1000.0


def regular_train(frequency_hz, n_pulses, start_s=0.0):
    """``n_pulses`` evenly spaced pulses at ``frequency_hz`` (Hz), starting at ``start_s`` (s)."""
    frequency_hz = require_in_range("frequency_hz", frequency_hz, 0, MAX_FREQUENCY_HZ, "Hz",
                                    low_inclusive=False)
    n_pulses = require_count("n_pulses", n_pulses)
    start_s = require_in_range("start_s", start_s, 0, np.inf, "s")
    return start_s + np.arange(n_pulses) / frequency_hz


def tetanus(frequency_hz=100.0, n_pulses=100, start_s=0.0):
    """High-frequency stimulation: by default 1 s at 100 Hz, the classic LTP tetanus."""
    return regular_train(frequency_hz, n_pulses, start_s)


def low_frequency_stimulation(frequency_hz=1.0, n_pulses=900, start_s=0.0):
    """Low-frequency stimulation: by default 900 pulses at 1 Hz (Dudek & Bear 1992), gives LTD."""
    return regular_train(frequency_hz, n_pulses, start_s)


def pairing(n_pairs, frequency_hz, timing_ms, start_s=0.1):
    """Pre/post pairing: ``n_pairs`` pairs at ``frequency_hz`` (Hz), post ``timing_ms`` (ms) after pre.

    Returns ``(pre_times_s, post_times_s)``. Negative ``timing_ms`` puts the
    post spike first. ``start_s`` leaves room so that no spike falls before t = 0.
    """
    n_pairs = require_count("n_pairs", n_pairs)
    frequency_hz = require_in_range("frequency_hz", frequency_hz, 0, MAX_FREQUENCY_HZ, "Hz",
                                    low_inclusive=False)
    period_ms = 1000.0 / frequency_hz
    timing_ms = require_in_range("timing_ms", timing_ms, -period_ms, period_ms, "ms",
                                 low_inclusive=False, high_inclusive=False)
    # a post-first pair needs room before its pre spike
    start_s = require_in_range("start_s", start_s, max(0.0, -timing_ms / 1000.0), np.inf, "s")
    pre = start_s + np.arange(n_pairs) / frequency_hz
    post = pre + timing_ms / 1000.0
    return pre, post


def poisson_train(rate_hz, duration_s, rng):
    """Poisson spike times (s) at ``rate_hz`` (Hz) over ``duration_s`` (s), drawn with ``rng``.

    ``rng`` is a ``numpy.random.Generator`` (the one ``setup_notebook`` returns),
    so the same seed gives the same train.
    """
    rate_hz = require_in_range("rate_hz", rate_hz, 0, MAX_FREQUENCY_HZ, "Hz")
    duration_s = require_positive("duration_s", duration_s, "s")
    n_spikes = rng.poisson(rate_hz * duration_s)
    return np.sort(rng.uniform(0.0, duration_s, n_spikes))
