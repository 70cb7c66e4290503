"""Every reproduce-the-paper check can fail: a registered broken model fails it (tests/broken_models)."""

import importlib

import pytest
from broken_models import NOTEBOOKS

from helpers.checks import failed_checks

MODULES = {number: importlib.import_module(f"broken_models.nb{number}") for number in NOTEBOOKS}
ENTRIES = [(number, index) for number, module in MODULES.items() for index in range(len(module.BROKEN))]


@pytest.mark.parametrize("number", NOTEBOOKS)
def test_every_notebook_has_two_broken_models(number):
    assert len(MODULES[number].BROKEN) >= 2, f"notebook {number}: register at least two broken models"


@pytest.mark.parametrize("number", [n for n in NOTEBOOKS if MODULES[n].BROKEN])
def test_reference_model_passes_its_checks(number):
    module = MODULES[number]
    checks = module.CHECKS(module.REFERENCE())
    assert not failed_checks(checks), f"notebook {number}'s own model fails {failed_checks(checks)}"
    attacked = {name for entry in module.BROKEN for name in entry.attacks}
    undefended = [c.name for c in checks if not c.built_in and c.name not in attacked]
    assert not undefended, (
        f"notebook {number}: no broken model attacks {undefended} (register one, or label it built in)"
    )


@pytest.mark.parametrize("number, index", ENTRIES, ids=[f"{n}-{i}" for n, i in ENTRIES])
def test_broken_model_is_rejected(number, index):
    module = MODULES[number]
    entry = module.BROKEN[index]
    checks = module.CHECKS(entry.measure())
    names = {c.name for c in checks}
    assert set(entry.attacks) <= names, f"{entry.model}: unknown checks {set(entry.attacks) - names}"
    failed = failed_checks(checks)
    survived = [name for name in entry.attacks if name not in failed]
    assert not survived, f"notebook {number}: the broken model '{entry.model}' passes {survived}"
