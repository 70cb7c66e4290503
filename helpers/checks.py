"""Small self-checks for exercises: they print what passed and say what is wrong if not.

They raise ``AssertionError`` (so an autograder counts a failure) with a
message that tells the learner what was expected.
"""
import math

import numpy as np


def check_close(name, value, expected, rel_tol=0.05, abs_tol=0.0):
    """Pass if ``value`` is within ``rel_tol`` (fraction) or ``abs_tol`` of ``expected``."""
    if value is None:
        raise AssertionError(f"{name}: no answer yet (the value is None)")
    value = float(value)
    if not math.isclose(value, expected, rel_tol=rel_tol, abs_tol=abs_tol):
        raise AssertionError(
            f"{name} = {value:.4g}, expected {expected:.4g} (tolerance {rel_tol:.0%} relative"
            f" or {abs_tol:g} absolute)"
        )
    print(f"✓ {name} = {value:.4g} (expected {expected:.4g})")
    return True


def check_sign(name, value, expected_sign):
    """Pass if ``value`` has the sign ``expected_sign`` (+1 or -1)."""
    if expected_sign not in (-1, 1):
        raise ValueError(f"expected_sign must be -1 or +1, got {expected_sign}")
    if value is None or np.sign(float(value)) != expected_sign:
        word = "positive (potentiation)" if expected_sign > 0 else "negative (depression)"
        raise AssertionError(f"{name} = {value}, expected a {word} value")
    print(f"✓ {name} = {float(value):.4g} has the expected sign")
    return True


def check_between(name, value, low, high):
    """Pass if ``low <= value <= high``."""
    if value is None or not (low <= float(value) <= high):
        raise AssertionError(f"{name} = {value}, expected a value between {low} and {high}")
    print(f"✓ {name} = {float(value):.4g} lies in [{low}, {high}]")
    return True


def crossover_frequency(frequencies_hz, changes):
    """Frequency (Hz) where ``changes`` first turn from negative to positive, or None.

    Interpolates linearly in log-frequency between the two protocols that
    bracket the sign change (frequencies sorted, increasing).
    """
    for k in range(len(changes) - 1):
        if changes[k] < 0 <= changes[k + 1]:
            x0, x1 = np.log(frequencies_hz[k]), np.log(frequencies_hz[k + 1])
            return float(np.exp(x0 + (x1 - x0) * -changes[k] / (changes[k + 1] - changes[k])))
    return None


def check_sign_pattern(frequencies_hz, changes, bands):
    """Pass if weight ``changes`` at ``frequencies_hz`` (Hz, increasing) follow published sign bands.

    ``bands``: rows ``(low_hz, high_hz, sign)``; sign -1 means every protocol in
    the band gives LTD, +1 every one gives LTP, 0 the single LTD-to-LTP
    crossover lies in the band. Returns the crossover frequency (Hz).
    """
    frequencies_hz, changes = np.asarray(frequencies_hz), np.asarray(changes)
    flips = np.count_nonzero(np.diff(np.sign(changes)) != 0)
    crossover = crossover_frequency(frequencies_hz, changes)
    for low, high, sign in bands:
        inside = (frequencies_hz >= low) & (frequencies_hz <= high)
        if sign < 0 and not np.all(changes[inside] < 0):
            raise AssertionError(f"expected LTD for {low}-{high} Hz, got {changes[inside]}")
        if sign > 0 and not np.all(changes[inside] > 0):
            raise AssertionError(f"expected LTP for {low}-{high} Hz, got {changes[inside]}")
        if sign == 0 and (flips != 1 or crossover is None or not low <= crossover <= high):
            raise AssertionError(f"expected one crossover in {low}-{high} Hz, got {flips} sign "
                                 f"change(s), first at {crossover} Hz")
    print(f"✓ sign pattern reproduced; crossover at {crossover:.1f} Hz")
    return crossover
