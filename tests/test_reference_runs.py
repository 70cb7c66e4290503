"""What ``nbval --nbval-lax`` proved, read from execution A instead of a run of its own.

Every code cell of every reference notebook ran (it has an execution count:
JupyterLab stops Run All at the first error, so later cells stay unnumbered) and
no output is an error. The notebooks' own asserts check the science. nbval
compared outputs only in cells tagged ``nbval-check-output``; no notebook may
carry that tag, since nothing here compares outputs.
"""
import nbformat
import pytest

from executions import NOTEBOOKS, describe, error_of

parametrize = pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)


@parametrize
def test_every_code_cell_ran(reference, notebook):
    not_run = [describe(i, c) for i, c in enumerate(reference["notebook"].cells)
               if c.cell_type == "code" and c.source.strip() and c.execution_count is None]
    assert not not_run, f"cells that did not run: {not_run}"


@parametrize
def test_no_output_is_an_error(reference, notebook):
    errors = [f"{describe(i, c)} -> {error_of(c)}" for i, c in enumerate(reference["notebook"].cells)
              if c.cell_type == "code" and error_of(c)]
    assert not errors, "cells raised:\n" + "\n".join(errors)


@parametrize
def test_no_cell_asks_for_its_output_to_be_compared(notebook):
    tagged = [describe(i, c) for i, c in enumerate(nbformat.read(notebook, as_version=4).cells)
              if "nbval-check-output" in c.metadata.get("tags", [])]
    assert not tagged, f"outputs are not compared by this suite; remove the tag or add a check: {tagged}"
