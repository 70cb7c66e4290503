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
