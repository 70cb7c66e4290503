"""Argument checks that fail early with a message a learner can act on.

Every check raises ``ValueError`` naming the parameter, its valid range and
the value it got, instead of letting a bad value turn into a NaN plot.
"""
import math

from brian2 import have_same_dimensions


def require_in_range(name, value, low, high, unit="", low_inclusive=True, high_inclusive=True):
    """Check that ``low <= value <= high`` (bounds exclusive where asked).

    ``value`` is a plain number in ``unit`` (the unit is only used in the message).
    Returns the value as a float so callers can write ``x = require_in_range(...)``.
    """
    left = "[" if low_inclusive else "("
    right = "]" if high_inclusive else ")"
    unit_text = f" {unit}" if unit else ""
    valid = f"{left}{low}, {high}{right}{unit_text}"
    if getattr(value, "dim", None) is not None and not getattr(value, "is_dimensionless", True):
        # a Brian2 quantity such as 10*ms: float() would silently turn it into SI units
        raise ValueError(f"{name} must be a plain number in {valid} (no Brian2 unit), got {value}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number in {valid}, got {value!r}") from None
    too_low = number < low if low_inclusive else number <= low
    too_high = number > high if high_inclusive else number >= high
    if math.isnan(number) or too_low or too_high:
        raise ValueError(f"{name} must be in {valid}, got {value}{unit_text}")
    return number


def require_positive(name, value, unit=""):
    """Check that ``value > 0`` (a time constant, a rate, a duration...)."""
    return require_in_range(name, value, 0, math.inf, unit, low_inclusive=False,
                            high_inclusive=False)


def require_count(name, value, low=1, high=10**7):
    """Check that ``value`` is a whole number between ``low`` and ``high``."""
    number = require_in_range(name, value, low, high)
    if number != int(number):
        raise ValueError(f"{name} must be a whole number in [{low}, {high}], got {value}")
    return int(number)


def require_positive_quantity(name, value, unit):
    """Check that a Brian2 quantity has the dimensions of ``unit`` (e.g. ``second``) and is > 0."""
    if not have_same_dimensions(value, unit):
        raise ValueError(f"{name} must be a quantity in {unit} (e.g. 5*{unit}), got {value!r}")
    if not float(value / unit) > 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value
