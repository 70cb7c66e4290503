"""Every notebook has the parts docs/CONTRIBUTING.md lists, stores no outputs, names the
collection's kernel (which must point at this environment's Python), and writes the
plasticity rules it teaches in its own code cells."""

import ast
import os
import re
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def markdown(nb):
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def headings(nb):
    return [line.lstrip("#").strip().lower() for line in markdown(nb).splitlines() if line.startswith("#")]


def sections(nb):
    """[(heading, markdown text, [code sources])] for each ``## `` section, split line by line
    (a heading may start in the middle of a markdown cell)."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            if found:
                found[-1][2].append(cell.source)
            continue
        for line in cell.source.splitlines():
            if line.startswith("## "):
                found.append((line[3:].strip(), [], []))
            elif found:
                found[-1][1].append(line)
    return [(heading, "\n".join(lines), code) for heading, lines, code in found]


def section(nb, word):
    """The first section whose heading contains ``word`` (case-insensitive), or fail."""
    for heading, text, code in sections(nb):
        if word in heading.lower():
            return heading, text, code
    raise AssertionError(f"no section with '{word}' in its heading")


# Brian2 constructors that take model equations, and the helpers' model builders
BRIAN2_MODEL = re.compile(r"\b(NeuronGroup|Synapses|Equations|SpatialNeuron)\(")
BUILDER = re.compile(r"\b(build_\w+|compile_network|run_bcm)\(")
DISPLAY_LATEX = re.compile(r"\$\$(.*?)\$\$|\\begin\{(equation|align)", re.S)


def has_equations(text):
    return any(m.group(0).strip("$ \n") for m in DISPLAY_LATEX.finditer(text))


def asserts_comparing_a_value(source):
    """``assert`` statements whose test compares something computed (a name) with a value."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assert):
            names = [n for n in ast.walk(node.test) if isinstance(n, ast.Name)]
            compares = [n for n in ast.walk(node.test) if isinstance(n, ast.Compare)]
            if names and compares:
                found.append(ast.unparse(node.test))
    return found


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def nb(request):
    notebook = nbformat.read(request.param, as_version=4)
    notebook.metadata["_path"] = request.param.name  # in memory only: which notebook this is
    return notebook


def test_no_stored_outputs(nb):
    for cell in code_cells(nb):
        assert not cell.outputs and cell.execution_count is None, "clear outputs before committing"


def test_kernelspec_is_the_collections_and_matches_this_environment(nb):
    name = nb.metadata["kernelspec"]["name"]
    assert name == "neuroplasticity"
    spec = KernelSpecManager().get_kernel_spec(name)
    assert os.path.realpath(spec.argv[0]) == os.path.realpath(sys.executable), (
        "the kernel must start this environment's Python (run `bash tasks.sh setup`)"
    )


def test_title_question_objectives_and_prerequisites(nb):
    first = nb.cells[0].source
    assert re.match(r"# \d\d · ", first), "first cell: '# NN · title'"
    assert "**The question:**" in first
    assert "What you will learn" in first and "Before you start" in first
    objectives = re.findall(r"^\d\. ", first.split("What you will learn")[1].split("Before you start")[0], flags=re.M)
    assert 3 <= len(objectives) <= 5


def test_setup_cell_calls_setup_notebook_once(nb):
    setup_calls = [c for c in code_cells(nb) if "helpers.setup_notebook(" in c.source]
    assert len(setup_calls) == 1
    assert setup_calls[0] is code_cells(nb)[0], "the setup cell is the first code cell"


def test_sections_in_the_guide_are_present(nb):
    heads = headings(nb)
    for needed in ("setup", "interactive", "exercises", "reproduce", "summary", "myths and evidence", "references"):
        assert any(needed in h for h in heads), f"missing section: {needed}"


def test_sections_that_build_a_model_show_its_equations_in_latex(nb):
    """Each section whose code builds a model (Brian2 model equations, or a helpers model
    builder) shows display LaTeX equations in its own markdown or in an earlier section.

    Earlier counts because sections re-run a model introduced before (01: section 1 writes
    the calcium rule, section 2 simulates it). Not checked: that the LaTeX matches the code.
    """
    shown, builds = False, 0
    for heading, text, code in sections(nb):
        shown = shown or has_equations(text)
        if any(BRIAN2_MODEL.search(source) or BUILDER.search(source) for source in code):
            builds += 1
            assert shown, f"section '{heading}' builds a model whose equations no section so far shows in $$"
    assert builds, "no section builds a model"


def rules_written(source):
    """Names bound to ``models.Rule(...)`` (or ``Rule(...)``) in ``source``."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and ast.unparse(node.value.func) in ("models.Rule", "Rule")
        ):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return names


def names_handed_to_calls(source):
    """Names passed to any call as an argument, or inside a dict, list or tuple argument."""
    passed = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            for argument in list(node.args) + [k.value for k in node.keywords]:
                passed |= {n.id for n in ast.walk(argument) if isinstance(n, ast.Name)}
    return passed


def outside_exercises(nb):
    """Code cells outside the exercises, IPython magics (``%matplotlib``) left out."""
    return [
        "\n".join(line for line in c.source.splitlines() if not line.lstrip().startswith("%"))
        for c in code_cells(nb)
        if not c.metadata.get("nbgrader")
    ]


def test_the_rules_taught_are_written_in_the_notebook_and_handed_to_the_models(nb):
    """From notebook 01 on (00 is the Brian2 primer), the rule a section teaches is a ``Rule``
    written in a code cell the learner can edit, and that very object builds the simulations."""
    if nb.metadata.get("_path", "").startswith("00_"):
        pytest.skip("the primer teaches Brian2, not a plasticity rule")
    code = "\n".join(outside_exercises(nb))
    written = rules_written(code)
    assert written, "write the plasticity rule as models.Rule(...) in a code cell (not only print it)"
    unused = [name for name in written if name not in names_handed_to_calls(code)]
    assert not unused, f"rules written but never handed to a builder or simulation: {unused}"
    assert "print(models." not in code, "show the rule as code the learner can edit, not a printout"


def test_at_least_two_notebooks_have_an_exercise_that_changes_a_rule():
    changing = [
        path.stem
        for path in NOTEBOOKS
        if any(
            rules_written(c.source)
            for c in nbformat.read(path, as_version=4).cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")
        )
    ]
    assert len(changing) >= 2, f"exercises that write a new rule: only in {changing}"


def test_interactive_section_has_the_widget_cell(nb):
    _, _, code = section(nb, "interactive")
    assert any("live_plot(" in source for source in code), (
        "the Interactive section has a widget made with helpers.widgets.live_plot"
    )


def test_exercises_use_nbgrader_markup(nb):
    graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    solutions = [c for c in code_cells(nb) if c.metadata.get("nbgrader", {}).get("solution")]
    tests = [c for c in graded if c.cell_type == "code"]
    assert len(re.findall(r"^### Exercise \d", markdown(nb), flags=re.M)) >= 3
    assert len(solutions) >= 3
    for cell in solutions:
        assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
        following = nb.cells[nb.cells.index(cell) + 1]
        assert following.metadata.get("nbgrader", {}).get("grade"), "each solution is followed by a test cell"
    for cell in tests:
        assert cell.metadata["nbgrader"]["locked"] and cell.metadata["nbgrader"]["points"] > 0
    ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        # nbgrader treats these words anywhere in any cell as a region marker
        assert marker not in markdown(nb), f"prose must not contain '{marker}'"
        for cell in code_cells(nb):
            if marker in cell.source:
                assert cell.metadata.get("nbgrader"), f"'{marker}' outside an nbgrader cell"


def test_think_questions_are_graded_by_hand_with_a_rubric(nb):
    """A conceptual question is a markdown cell whose heading ends "(think, graded by hand)",
    followed by a manually graded answer cell (nbgrader replaces it with "YOUR ANSWER HERE"):
    the reference answer and a rubric whose points match the cell's. No answer is revealed in
    a fold the student version would keep."""
    cells = nb.cells
    questions = [
        k
        for k, c in enumerate(cells)
        if c.cell_type == "markdown" and re.search(r"^### Exercise \d.*\(think", c.source, flags=re.M)
    ]
    assert questions, "at least one conceptual question"
    for k in questions:
        assert "(think, graded by hand)" in cells[k].source, cells[k].source.splitlines()[0]
        assert "Show answer" not in cells[k].source, "the student version would show the answer"
        answer = cells[k + 1]
        meta = answer.metadata.get("nbgrader", {})
        assert answer.cell_type == "markdown" and meta.get("grade") and meta.get("solution"), (
            "a manually graded answer cell follows the question"
        )
        assert not meta.get("locked") and "BEGIN SOLUTION" not in answer.source
        rubric = re.search(r"\*\*Rubric \((\d+) points?\):\*\*", answer.source)
        assert rubric, "the answer cell ends with '**Rubric (N points):**' for the grader"
        assert int(rubric.group(1)) == meta["points"], "the rubric's points are the cell's points"
    manual = [c for c in cells if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade")]
    assert len(manual) == len(questions), "every manually graded answer belongs to a think question"


def test_reproduce_section_asserts_agreement_with_a_published_value(nb):
    """An ``assert`` comparing a model value with a number, or ``assert_reproduced(<model>.paper_checks(...))``:
    the paper checks that tests/broken_models attacks."""
    _, _, code = section(nb, "reproduce")
    found = [test for source in code for test in asserts_comparing_a_value(source)]
    found += [source for source in code if re.search(r"assert_reproduced\(\s*\w+(\.\w+)*\.paper_checks\(", source)]
    assert found, "the reproduce section has no `assert` comparing a model value with data or a number"


def test_exercises_state_the_tolerance_policy(nb):
    """One tolerance policy for the whole collection (helpers.checks.POLICY), stated where the exercises start."""
    from helpers.checks import POLICY

    _, text, _ = section(nb, "exercises")
    assert POLICY in " ".join(text.split()), f"the Exercises section does not state the policy: {POLICY!r}"


def test_myths_and_evidence_section_is_not_empty(nb):
    _, text, _ = section(nb, "myths and evidence")
    assert len(re.findall(r"\w+", text)) >= 20, "the Myths and evidence section says (almost) nothing"


def test_references_section_cites_with_dois(nb):
    _, text, _ = section(nb, "references")
    entries = [line for line in text.splitlines() if line.lstrip().startswith(("-", "*", "1"))]
    assert entries, "the References section lists nothing"
    assert re.search(r"doi:10\.\d{4,}/\S+", text), "no reference in the References section has a DOI"


def test_every_notebook_is_in_the_readme_map():
    readme = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"{path.name} is missing from the README's map"


def test_the_repository_cites_no_file_it_does_not_contain():
    """Every Markdown file and numbered notebook that notebooks, data files, helpers, tools and
    docs name exists in the repository, and none of them points to a path outside it."""
    places = (
        list(NOTEBOOKS)
        + sorted((ROOT / "data").glob("*.csv"))
        + sorted((ROOT / "helpers").rglob("*.py"))
        + sorted((ROOT / "tools").glob("*.py"))
        + sorted((ROOT / "docs").glob("*.md"))
        + [ROOT / "README.md"]
    )
    present = {path.name for path in ROOT.rglob("*") if ".venv" not in path.parts and ".git" not in path.parts}
    problems = []
    for path in places:
        text = path.read_text(encoding="utf-8")
        problems += [
            f"{path.relative_to(ROOT)} names {name}, which the repository does not contain"
            for name in set(re.findall(r"\b(?:[A-Za-z][\w-]*\.md|\d\d_[\w-]+\.ipynb)\b", text))
            if name not in present
        ]
        problems += [
            f"{path.relative_to(ROOT)} points outside the repository: {m}"
            for m in set(re.findall(r"\.\./[\w./-]+", text))
        ]
    assert not problems, "\n".join(problems)
