"""Every notebook has the parts NOTEBOOK_GUIDE.md lists, stores no outputs, and
names the collection's kernel, which must point at this environment's Python."""
import json
import os
import re
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SYLLABUS = ROOT.parent / "shared" / "SYLLABUS.md"


def markdown(nb):
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def headings(nb):
    return [line.lstrip("#").strip().lower() for line in markdown(nb).splitlines()
            if line.startswith("#")]


def cells_after(nb, heading_word):
    """Cells from the first heading containing ``heading_word`` to the next heading of that level."""
    start, level = None, None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                this_level = len(line) - len(line.lstrip("#"))
                if start is None and heading_word in line.lower():
                    start, level = index, this_level
                elif start is not None and index > start and this_level <= level:
                    return nb.cells[start:index]
    return nb.cells[start:] if start is not None else []


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def nb(request):
    return nbformat.read(request.param, as_version=4)


def test_no_stored_outputs(nb):
    for cell in code_cells(nb):
        assert not cell.outputs and cell.execution_count is None, "clear outputs before committing"


def test_kernelspec_is_the_collections_and_matches_this_environment(nb):
    name = nb.metadata["kernelspec"]["name"]
    assert name == "neuroplasticity"
    spec = KernelSpecManager().get_kernel_spec(name)
    assert os.path.realpath(spec.argv[0]) == os.path.realpath(sys.executable), \
        "the kernel must start this environment's Python (run `bash tasks.sh setup`)"


def test_title_question_objectives_and_prerequisites(nb):
    first = nb.cells[0].source
    assert re.match(r"# \d\d · ", first), "first cell: '# NN · title'"
    assert "**The question:**" in first
    assert "What you will learn" in first and "Before you start" in first
    objectives = re.findall(r"^\d\. ", first.split("What you will learn")[1].split("Before you start")[0],
                            flags=re.M)
    assert 3 <= len(objectives) <= 5


def test_setup_cell_calls_setup_notebook_once(nb):
    setup_calls = [c for c in code_cells(nb) if "helpers.setup_notebook(" in c.source]
    assert len(setup_calls) == 1
    assert setup_calls[0] is code_cells(nb)[0], "the setup cell is the first code cell"


def test_sections_in_the_guide_are_present(nb):
    heads = headings(nb)
    for needed in ("setup", "interactive", "exercises", "reproduce", "summary", "myths and evidence",
                   "references"):
        assert any(needed in h for h in heads), f"missing section: {needed}"


def test_equations_in_latex(nb):
    assert "$$" in markdown(nb), "show the model's equations in LaTeX"


def test_interactive_section_has_a_live_widget_tagged_for_nbval(nb):
    widget_cells = [c for c in code_cells(nb) if "live_plot(" in c.source]
    assert widget_cells, "at least one widget made with helpers.widgets.live_plot"
    for cell in widget_cells:
        assert "nbval-ignore-output" in cell.metadata.get("tags", [])


def test_exercises_use_nbgrader_markup(nb):
    solutions = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert len(re.findall(r"^### Exercise \d", markdown(nb), flags=re.M)) >= 3
    assert len(solutions) >= 3
    for cell in solutions:
        assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
        following = nb.cells[nb.cells.index(cell) + 1]
        assert following.metadata.get("nbgrader", {}).get("grade"), "each solution is followed by a test cell"
    for cell in tests:
        assert cell.metadata["nbgrader"]["locked"] and cell.metadata["nbgrader"]["points"] > 0
    ids = [c.metadata["nbgrader"]["grade_id"] for c in solutions + tests]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    assert "<details>" in markdown(nb), "a conceptual question with a revealable answer"
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        # nbgrader treats these words anywhere in any cell as a region marker
        assert marker not in markdown(nb), f"prose must not contain '{marker}'"
        for cell in code_cells(nb):
            if marker in cell.source:
                assert cell.metadata.get("nbgrader"), f"'{marker}' outside an nbgrader cell"


def test_reproduce_section_asserts_agreement(nb):
    code = "\n".join(c.source for c in cells_after(nb, "reproduce") if c.cell_type == "code")
    assert "assert" in code, "the reproduce-the-paper section checks agreement with an assert"


def test_references_have_dois(nb):
    refs = "\n".join(c.source for c in cells_after(nb, "references"))
    assert len(re.findall(r"doi:10\.\d{4,}/\S+", refs)) >= 1


def test_every_notebook_is_in_the_readme_map():
    readme = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"{path.name} is missing from the README's map"


@pytest.mark.skipif(not SYLLABUS.exists(), reason="../shared/SYLLABUS.md is not beside the repository")
def test_notebook_names_follow_the_syllabus():
    syllabus = SYLLABUS.read_text()
    for path in NOTEBOOKS:
        assert f"`{path.stem}`" in syllabus, f"{path.stem} is not a notebook name in SYLLABUS.md"
