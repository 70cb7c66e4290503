"""Numerical health of a model's state, for the model tests."""

import numpy as np


def subnormal_count(*arrays):
    """How many entries of ``arrays`` are subnormal floats (nonzero, smaller than the smallest
    normal float): they make every arithmetic step on them tens of times slower."""
    count = 0
    for array in arrays:
        values = np.abs(np.asarray(array, dtype=float).ravel())
        count += int(np.sum((values > 0) & (values < np.finfo(float).tiny)))
    return count


def assert_no_subnormals(what, *arrays):
    """Fail if the model state ``arrays`` of ``what`` hold subnormal numbers."""
    n = subnormal_count(*arrays)
    assert n == 0, f"{what}: {n} subnormal numbers in the state (floor tiny values to zero in the model)"
