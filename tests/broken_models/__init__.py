"""Broken models: the science twin of tests/wrong_answers.py.

A reproduce-the-paper check proves something only if a plausible broken model fails it.
Each notebook's module here (``nb06.py`` for notebook 06) defines

- ``CHECKS(measured) -> list[helpers.checks.PaperCheck]``: the very function the notebook
  asserts with (``assert_reproduced(CHECKS(measured))``), taken from its model module;
- ``REFERENCE()``: the measurement with the notebook's own model (a dict, made with the same
  ``helpers`` calls the notebook makes; smaller where the notebook's size is not needed);
- ``BROKEN``: a list of ``Broken`` entries.

tests/test_broken_models.py runs ``CHECKS(REFERENCE())`` (every check must pass) and, for each
entry, ``CHECKS(entry.measure())``: every check named in ``entry.attacks`` must fail.
Checks labelled ``built_in`` are not reproductions and need no broken model.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass
class Broken:
    attacks: tuple  # names of the PaperChecks this broken model must fail
    model: str  # the broken model in a few words ("the deprived eye silenced, nothing else")
    why: str  # why a model of this kind is a plausible mistake
    measure: Callable[[], dict]  # runs the broken model through helpers calls; returns ``measured``


# every numbered notebook from 01 on (00 introduces the tools and reproduces no plasticity result)
NOTEBOOKS = sorted(p.name[:2] for p in (Path(__file__).parents[2] / "notebooks").glob("[0-9][0-9]_*.ipynb"))[1:]
