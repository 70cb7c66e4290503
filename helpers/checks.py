"""Small self-checks for exercises: they print what passed and say what is wrong if not.

They raise ``AssertionError`` (so an autograder counts a failure) with a
message that tells the learner what was expected.
"""

import math

import numpy as np
from brian2 import Quantity, get_dimensions, get_unit, have_same_dimensions


def check_close(name, value, expected, rel_tol=0.05, abs_tol=0.0):
    """Pass if ``value`` is within ``rel_tol`` (fraction) or ``abs_tol`` of ``expected``."""
    if value is None:
        raise AssertionError(f"{name}: no answer yet (the value is None)")
    value = float(value)
    if not math.isclose(value, expected, rel_tol=rel_tol, abs_tol=abs_tol):
        raise AssertionError(
            f"{name} = {value:.4g}, expected {expected:.4g} (tolerance {rel_tol:.0%} relative or {abs_tol:g} absolute)"
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
            raise AssertionError(
                f"expected one crossover in {low}-{high} Hz, got {flips} sign change(s), first at {crossover} Hz"
            )
    print(f"✓ sign pattern reproduced; crossover at {crossover:.1f} Hz")
    return crossover


# ---------------------------------------------------------------------------
# Checks that diagnose a slip without showing the expected value.
# Visible test cells use these: on a wrong answer they say what kind of mistake
# it looks like (a missing unit, a factor of 1000, the wrong sign, a value that
# is not what the exercise asks for); they never print the expected value.
# They return None, so a test cell that ends with one of them ends in a
# statement whose value nbgrader does not read as a score.
# ---------------------------------------------------------------------------

_KINDS = {
    "A": "a current",
    "V": "a voltage",
    "s": "a time",
    "Hz": "a rate",
    "ohm": "a resistance",
    "S": "a conductance",
    "F": "a capacitance",
}


def _unit_text(unit):
    """'a current (in amp)' for a Brian2 unit such as nA."""
    base = get_unit(unit.dim)
    kind = _KINDS.get(str(base), "a quantity")
    return f"{kind} (in {base!r})"


def _has_unit(value):
    return isinstance(value, Quantity) and not value.is_dimensionless


def _as_number(name, value, unit=None, require_unit=False):
    """``value`` as a float (in ``unit`` if given), or an AssertionError saying what is wrong with its kind."""
    if value is None:
        raise AssertionError(f"{name}: no answer yet (the value is None)")
    if unit is not None:
        if _has_unit(value) and not have_same_dimensions(value, unit):
            raise AssertionError(
                f"{name} has units of {get_dimensions(value)} (in SI base units), but it should be "
                f"{_unit_text(unit)}: check how you combined the quantities (multiplied where you "
                f"should divide?)"
            )
        if not _has_unit(value):
            if require_unit:
                raise AssertionError(
                    f"{name} is a plain number ({float(value):.4g}) without a unit: it should be "
                    f"{_unit_text(unit)}. Brian2 quantities carry their unit; compute it from the "
                    f"quantities above, or multiply a number by its unit (e.g. `* {unit}`)"
                )
            value = value * unit  # a plain number is taken to be in ``unit``
        number = value / unit
    else:
        if _has_unit(value):
            raise AssertionError(
                f"{name} should be a plain number, but it has units of "
                f"{get_dimensions(value)}: divide by the unit the "
                f"exercise names (e.g. `/ Hz`)"
            )
        number = value
    try:
        number = float(np.asarray(number, dtype=float))
    except (TypeError, ValueError):
        raise AssertionError(f"{name} should be a single number, got {value!r}") from None
    if not math.isfinite(number):
        raise AssertionError(f"{name} = {number} is not a finite number (a division by zero?)")
    return number


def _suffix(unit):
    return f" {unit}" if unit is not None else ""


def _close(value, target, rel_tol, abs_tol):
    return math.isclose(value, target, rel_tol=rel_tol, abs_tol=abs_tol)


def _what_is_off(value, expected, rel_tol):
    """Words for how ``value`` differs from ``expected``: a sign, a power of ten, a factor of 2, or a direction."""
    if expected != 0 and _close(value, -expected, rel_tol, 0):
        return "has the wrong sign (did you subtract in the wrong order?)"
    if expected != 0 and value != 0:
        ratio = value / expected
        for factor, hint in (
            (1e9, "a unit prefix"),
            (1e6, "a unit prefix"),
            (1e3, "the unit (ms or s? mV or V?)"),
            (1e2, "a percentage where a fraction is asked?"),
            (10, None),
            (2, None),
        ):
            for sign, word in ((1, "too large"), (-1, "too small")):  # in size
                if _close(ratio, factor**sign, rel_tol, 0):
                    extra = f": check {hint}" if hint else ": check the formula for a missing or extra factor"
                    return f"is {factor:g} times {word}{extra}"
    return "is too high" if value > expected else "is too low"


def check_quantity(name, value, unit):
    """Pass if ``value`` is a Brian2 quantity with the dimensions of ``unit`` (e.g. ``nA``).

    A plain number or a quantity of another kind fails with a message that says which.
    """
    number = _as_number(name, value, unit, require_unit=True)
    print(f"✓ {name} is {_unit_text(unit)}: {number:.4g} {unit}")


def check_value(name, value, expected, rel_tol=0.01, abs_tol=0.0, unit=None, require_unit=False, slips=(), hint=""):
    """Pass if ``value`` is within ``rel_tol`` (or ``abs_tol``) of ``expected``; never prints ``expected``.

    ``unit``: the Brian2 unit ``expected`` is given in. With ``require_unit`` the value must
    be a quantity of that kind; otherwise a plain number is read in ``unit`` and a quantity
    of the right kind is converted. Without ``unit`` the value must be a plain number.
    ``slips``: ``(value, message)`` pairs of typical wrong answers; a value that matches one
    fails with its message. Otherwise a failure says how the value is off (wrong sign, a
    power of ten, a factor of 2, too large or too small), followed by ``hint``.
    """
    number = _as_number(name, value, unit, require_unit)
    if not _close(number, expected, rel_tol, abs_tol):
        for slip, message in slips:
            if _close(number, float(slip), max(rel_tol, 1e-9), abs_tol):
                raise AssertionError(f"{name} = {number:.4g}{_suffix(unit)}: {message}")
        tolerance = (
            f"{rel_tol:.0%}" if rel_tol >= 0.01 else f"{rel_tol:.1%}" if rel_tol >= 0.001 else f"{rel_tol:.0e} relative"
        )
        raise AssertionError(
            f"{name} = {number:.4g}{_suffix(unit)} {_what_is_off(number, expected, rel_tol)} "
            f"(the check allows {tolerance}). {hint}".rstrip()
        )
    print(f"✓ {name} = {number:.4g}{_suffix(unit)}")


def check_range(
    name,
    value,
    low,
    high,
    too_low="",
    too_high="",
    unit=None,
    require_unit=False,
    low_inclusive=True,
    high_inclusive=True,
):
    """Pass if ``value`` lies between ``low`` and ``high``; a failure says which side, with its message.

    ``too_low``/``too_high``: what such a value suggests, in words the learner can act on.
    """
    number = _as_number(name, value, unit, require_unit)
    below = number < low if low_inclusive else number <= low
    above = number > high if high_inclusive else number >= high
    if below:
        raise AssertionError(f"{name} = {number:.4g}{_suffix(unit)} is too low. {too_low}".rstrip())
    if above:
        raise AssertionError(f"{name} = {number:.4g}{_suffix(unit)} is too high. {too_high}".rstrip())
    print(f"✓ {name} = {number:.4g}{_suffix(unit)} is in the plausible range")


def check_fraction(name, value):
    """Pass if ``value`` is a fraction in [0, 1]; a percentage, a count or a negative value is named as such."""
    number = _as_number(name, value)
    if number < 0:
        raise AssertionError(f"{name} = {number:.4g} is negative: a fraction lies between 0 and 1")
    if 1 < number <= 100:
        raise AssertionError(f"{name} = {number:.4g} looks like a percentage: store a fraction between 0 and 1")
    if number > 100:
        raise AssertionError(f"{name} = {number:.4g} looks like a count: divide by the number of weights")
    print(f"✓ {name} = {number:.4g} is a fraction")


def check_not_slip(name, value, slips, rel_tol=1e-3, abs_tol=0.0, unit=None):
    """Fail if ``value`` matches one of the typical wrong answers ``slips`` (``(value, message)`` pairs,
    values in ``unit`` if given, as in ``check_value``).

    Prints nothing when it passes: it rules out slips, it does not say the answer is right.
    """
    number = _as_number(name, value, unit)
    for slip, message in slips:
        slip = float(slip)
        if math.isfinite(slip) and _close(number, slip, rel_tol, abs_tol):
            raise AssertionError(f"{name} = {number:.4g}{_suffix(unit)}: {message}")


# ------------------------------------------------------------ reproduce-the-paper checks


class PaperCheck:
    """One comparison of a simulation with a published result.

    ``name``: a short id (``"md_shift"``), used by tests/broken_models to say which check a
    broken model must fail. ``claim``: what the paper found, in words. ``value``: what the
    model gave (a number, or a short text). ``bar``: the tolerance in words (``"< -0.3"``).
    ``passed``: whether the model met it. ``built_in``: True where the model cannot give
    another outcome (shown, never counted as a reproduction).
    """

    def __init__(self, name, claim, value, bar, passed, built_in=False):
        self.name, self.claim, self.value, self.bar = name, claim, value, bar
        self.passed, self.built_in = bool(passed), built_in

    def __repr__(self):
        mark = "ok" if self.passed else "FAILED"
        return f"PaperCheck({self.name}: {self.value} vs {self.bar}, {mark})"


def failed_checks(checks):
    """The names of the checks in ``checks`` that did not pass."""
    return [check.name for check in checks if not check.passed]


def assert_reproduced(checks):
    """Print one line per check; raise ``AssertionError`` naming every check that failed."""
    for check in checks:
        value = f"{check.value:.3g}" if isinstance(check.value, (int, float, np.number)) else str(check.value)
        mark = "✓" if check.passed else "✗"
        kind = " (built in)" if check.built_in else ""
        print(f"{mark} {check.name}{kind}: {check.claim}: model {value}, required {check.bar}")
    failed = [check for check in checks if not check.passed]
    if failed:
        raise AssertionError(
            "not reproduced: " + "; ".join(f"{c.name} ({c.claim}: {c.value} vs {c.bar})" for c in failed)
        )
    return True


# ------------------------------------------------------------ the collection's tolerance policy

# An answer that your code computes is compared with the reference computation to this
# relative tolerance: the same program gives the same number, so only a different method
# (or a number typed from a printout, rounded) lands outside it.
COMPUTED_REL_TOL = 1e-6
POLICY = "Store the value your code computes, not a number typed from a printout."


def check_computed(name, value, expected, unit=None, require_unit=False, slips=(), hint=""):
    """The collection's policy for computed answers: ``value`` must equal ``expected`` within
    ``COMPUTED_REL_TOL`` (relative). A value that has only 2-4 significant digits and equals the
    expected value rounded to them (typed from a printout) fails with a message that says so;
    anything else fails as in ``check_value`` (a computed near miss is not called "typed in").
    """
    number = _as_number(name, value, unit, require_unit)
    if not _close(number, expected, COMPUTED_REL_TOL, 0.0):
        for digits in (2, 3, 4):
            short = float(f"{number:.{digits}g}")
            if expected != 0 and number == short and short == float(f"{expected:.{digits}g}"):
                raise AssertionError(
                    f"{name} = {number:.6g}{_suffix(unit)} looks like a rounded number typed in. {POLICY}"
                )
    check_value(name, number, expected, rel_tol=COMPUTED_REL_TOL, unit=unit, slips=slips, hint=hint)
