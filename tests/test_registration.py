"""Adding a notebook is one checked path: every place a numbered notebook must appear, checked.

A new notebook ``NN_name.ipynb`` needs, besides the notebook itself and its model module:
a row in the README's map and timing tables and in the instructor guide's points table (all three
written by ``bash tasks.sh tables``), a glossary entry and a claims-page row that link to it, its
model module in the models map (``helpers/models/__init__.py``), typical wrong answers for every
graded test cell (``tests/wrong_answers.py``) and broken models for its paper checks
(``tests/broken_models/nbNN.py``). ``test_every_notebook_is_registered`` names what is missing.
"""

import importlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import generate_tables  # noqa: E402
from wrong_answers import WRONG_ANSWERS  # noqa: E402

import helpers.models  # noqa: E402

NOTEBOOKS = generate_tables.NOTEBOOKS
# Notebook 00 introduces the tools: it answers no popular claim and reproduces no plasticity result.
NOT_NEEDED = {"00": {"claims page row", "broken models"}}


def block(text, name):
    found = generate_tables.block_pattern(name).search(text)
    return found.group(2) if found else ""


def graded_test_ids(path):
    cells = nbformat.read(path, as_version=4).cells
    return [
        c.metadata["nbgrader"]["grade_id"]
        for c in cells
        if c.metadata.get("nbgrader", {}).get("grade") and not c.metadata["nbgrader"].get("solution")
    ]


def registry_texts():
    """The texts of the files where every notebook must appear."""
    return {
        "readme": (ROOT / "README.md").read_text(),
        "guide": (ROOT / "docs" / "INSTRUCTOR_GUIDE.md").read_text(),
        "glossary": (ROOT / "site" / "glossary.md").read_text(),
        "claims": (ROOT / "site" / "claims.md").read_text(),
    }


def missing_places(path, texts):
    """The places (in ``texts``, the registry's files) where notebook ``path`` should appear and does not."""
    number, stem, link = path.name[:2], path.stem, f"notebooks/{path.name}"
    readme, guide, models_map = texts["readme"], texts["guide"], helpers.models.__doc__
    places = {
        "README map row": link in block(readme, "map"),
        "README timing row": generate_tables.short_name(stem) in block(readme, "timing"),
        "instructor guide points row": f"| {stem} |" in block(guide, "points"),
        "glossary entry": link in texts["glossary"],
        "claims page row": link in texts["claims"],
        "models map (helpers/models/__init__.py)": bool(re.search(rf"\((?:\d\d, )*{number}(?:, \d\d)*\)", models_map)),
        "wrong answers for every graded test cell": bool(WRONG_ANSWERS.get(stem))
        and all(WRONG_ANSWERS[stem].get(gid) for gid in graded_test_ids(path)),
        "broken models": (ROOT / "tests" / "broken_models" / f"nb{number}.py").exists()
        and len(importlib.import_module(f"broken_models.nb{number}").BROKEN) >= 2,
        "reproduces (notebook metadata)": bool(
            nbformat.read(path, as_version=4).metadata.get("neuroplasticity", {}).get("reproduces")
        ),
    }
    return [place for place, ok in places.items() if not ok and place not in NOT_NEEDED.get(number, set())]


def test_every_notebook_is_registered():
    texts = registry_texts()
    missing = {path.stem: missing_places(path, texts) for path in NOTEBOOKS}
    missing = {stem: places for stem, places in missing.items() if places}
    assert not missing, "\n".join(f"{stem}: missing {', '.join(places)}" for stem, places in missing.items())


def test_generated_tables_are_up_to_date():
    assert generate_tables.main(["--check"]) == 0, "run `bash tasks.sh tables` and commit the result"


def test_a_missing_place_is_named():
    """The check can fail: a notebook left out of the README's map and the glossary is named."""
    texts, first = registry_texts(), NOTEBOOKS[1]
    for name in ("readme", "glossary"):
        texts[name] = "\n".join(line for line in texts[name].splitlines() if f"notebooks/{first.name}" not in line)
    missing = missing_places(first, texts)
    assert "README map row" in missing and "glossary entry" in missing


def test_the_layout_described_is_the_layout_that_exists():
    """docs/CONTRIBUTING.md names every tool and helpers module; helpers/__init__.py names every
    helpers module; the models map names every model module; CONTRIBUTING.md lists no model module
    (it points to the models map, so there is one list to keep)."""
    contributing = (ROOT / "docs" / "CONTRIBUTING.md").read_text()
    package_doc = helpers.__doc__
    modules = [p.stem for p in sorted((ROOT / "helpers").glob("*.py")) if p.stem != "__init__"]
    model_modules = [p.stem for p in sorted((ROOT / "helpers" / "models").glob("*.py")) if p.stem != "__init__"]
    tools = [p.name for p in sorted((ROOT / "tools").glob("*.py"))]
    problems = [f"CONTRIBUTING.md does not name tools/{t}" for t in tools if f"tools/{t}" not in contributing]
    problems += [f"CONTRIBUTING.md does not name helpers/{m}.py" for m in modules if f"{m}.py" not in contributing]
    problems += [f"helpers/__init__.py does not name {m}" for m in modules if f"``{m}``" not in package_doc]
    problems += [
        f"the models map does not name {m}.py" for m in model_modules if f"{m}.py" not in helpers.models.__doc__
    ]
    problems += [
        f"CONTRIBUTING.md lists helpers/models/{m}.py (the models map is the one list)"
        for m in model_modules
        if re.search(rf"^\s+{m}\.py", contributing, flags=re.MULTILINE)
    ]
    assert not problems, "\n".join(problems)
