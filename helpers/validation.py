"""Argument checks that fail early with a message a learner can act on.

The collection's unit convention: at the helpers' interface every physical
quantity is a Brian2 quantity (``10 * Hz``, ``5 * ms``); counts, fractions and
quantities without a dimension are plain numbers. A plain number where a
quantity is needed, or a quantity of the wrong kind, raises ``ValueError``
naming the parameter, what it needs and what it got.
"""

import math

import numpy as np
from brian2 import Quantity, get_dimensions, have_same_dimensions


def _is_quantity_with_dimensions(value):
    return isinstance(value, Quantity) and not value.is_dimensionless


def require_in_range(name, value, low, high, unit="", low_inclusive=True, high_inclusive=True):
    """Check that a plain number lies in ``[low, high]`` (bounds exclusive where asked).

    For dimensionless values only (counts, fractions...): a Brian2 quantity with
    a unit is refused. Returns the value as a float.
    """
    left = "[" if low_inclusive else "("
    right = "]" if high_inclusive else ")"
    unit_text = f" {unit}" if unit else ""
    valid = f"{left}{low}, {high}{right}{unit_text}"
    if _is_quantity_with_dimensions(value):
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


def require_count(name, value, low=1, high=10**7):
    """Check that ``value`` is a whole number between ``low`` and ``high``; returns an int."""
    number = require_in_range(name, value, low, high)
    if number != int(number):
        raise ValueError(f"{name} must be a whole number in [{low}, {high}], got {value}")
    return int(number)


def require_quantity(name, value, unit, low=0, high=math.inf, low_inclusive=True, high_inclusive=True):
    """Check that ``value`` (a quantity or an array of them) has the dimensions of ``unit``
    (e.g. ``Hz``) and every element lies in ``[low, high]`` times ``unit``. Returns ``value``."""
    example = f"e.g. 10*{unit!r}" if not isinstance(unit, str) else ""
    if not have_same_dimensions(value, unit):
        kind = "a plain number" if not isinstance(value, Quantity) else f"in {get_dimensions(value)}"
        raise ValueError(f"{name} must be a Brian2 quantity in {unit!r} ({example}), got {value!r} ({kind})")
    numbers = np.asarray(value / unit, dtype=float)
    too_low = numbers < low if low_inclusive else numbers <= low
    too_high = numbers > high if high_inclusive else numbers >= high
    if np.any(np.isnan(numbers)) or np.any(too_low) or np.any(too_high):
        left = "[" if low_inclusive else "("
        right = "]" if high_inclusive else ")"
        raise ValueError(f"{name} must be in {left}{low}, {high}{right} {unit!r}, got {value}")
    return value


def require_positive_quantity(name, value, unit):
    """Check that ``value`` has the dimensions of ``unit`` (e.g. ``second``) and is > 0."""
    return require_quantity(name, value, unit, 0, math.inf, low_inclusive=False)
