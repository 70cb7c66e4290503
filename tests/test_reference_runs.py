"""What ``nbval --nbval-lax`` proved, read from execution A instead of a run of its own.

Every code cell of every reference notebook ran (it has an execution count:
JupyterLab stops Run All at the first error, so later cells stay unnumbered) and
no output is an error. The notebooks' own asserts check the science. nbval
compared outputs only in cells tagged ``nbval-check-output``; no notebook may
carry that tag. Beyond nbval: every code cell is run a second time in the same
kernel (as a learner re-runs cells) and must raise nothing, print the same numbers
and compile nothing.
"""

import re

import nbformat
import pytest
from executions import NOTEBOOKS, describe, error_of

parametrize = pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)


@parametrize
def test_every_code_cell_ran(reference, notebook):
    not_run = [
        describe(i, c)
        for i, c in enumerate(reference["notebook"].cells)
        if c.cell_type == "code" and c.source.strip() and c.execution_count is None
    ]
    assert not not_run, f"cells that did not run: {not_run}"


@parametrize
def test_no_output_is_an_error(reference, notebook):
    errors = [
        f"{describe(i, c)} -> {error_of(c)}"
        for i, c in enumerate(reference["notebook"].cells)
        if c.cell_type == "code" and error_of(c)
    ]
    assert not errors, "cells raised:\n" + "\n".join(errors)


@parametrize
def test_no_cell_asks_for_its_output_to_be_compared(notebook):
    tagged = [
        describe(i, c)
        for i, c in enumerate(nbformat.read(notebook, as_version=4).cells)
        if "nbval-check-output" in c.metadata.get("tags", [])
    ]
    assert not tagged, f"outputs are not compared by this suite; remove the tag or add a check: {tagged}"


# Lines that may differ between two runs: wall-clock times (the notebooks print them on lines
# that say "wall time") and Brian2's progress reports.
TIMING_LINE = re.compile(r"wall time|simulated in|Starting simulation|estimated .* remaining")


def printed_numbers(cell):
    """What a cell printed (stdout) or returned as text, without the lines that report wall-clock
    time. Not stderr: Brian2 gives each warning once per session, so it differs on the second pass."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")
    text += "".join(
        o.get("data", {}).get("text/plain", "")
        for o in cell.get("outputs", [])
        if o.get("output_type") == "execute_result"
    )
    return [line for line in text.splitlines() if not TIMING_LINE.search(line)]


@parametrize
def test_every_cell_again_in_the_same_kernel_gives_the_same_numbers_and_compiles_nothing(reference, notebook):
    """A learner re-runs cells: no error, the same printed numbers, and no model compiled again."""
    again = reference["again"]
    first_cells, again_cells = reference["notebook"].cells, again["notebook"].cells
    errors = [
        f"{describe(i, c)} -> {error_of(c)}" for i, c in enumerate(again_cells) if c.cell_type == "code" and error_of(c)
    ]
    assert not errors, "on the second pass, cells raised:\n" + "\n".join(errors)
    not_run = [
        describe(i, c)
        for i, c in enumerate(again_cells)
        if c.cell_type == "code" and c.source.strip() and c.execution_count is None
    ]
    assert not not_run, f"on the second pass, cells did not run: {not_run}"
    changed = [
        describe(i, a)
        for i, (a, b) in enumerate(zip(first_cells, again_cells))
        if a.cell_type == "code" and "live_plot(" not in a.source and printed_numbers(a) != printed_numbers(b)
    ]
    assert not changed, f"same seed, same numbers: these cells printed something else the second time: {changed}"
    before, after = again["compiled_before"], again["compiled_after"]
    recompiled = sorted(name for name in after if before.get(name) != after[name])
    assert not recompiled, f"the second pass compiled again: {recompiled}"
