"""Coursework: nbgrader turns every notebook into a fair, gradeable assignment.

For every notebook in notebooks/ (a glob, so new notebooks are covered without
edits), with nbgrader run as an instructor would run it: the student versions
from tools/build_student_versions.py (``nbgrader generate_assignment``), then
submissions graded by nbgrader's autograder (its Python API, which the
``nbgrader autograde`` command and the formgrader also call), scores read from
the gradebook:

(a) the reference notebook, submitted as it is, autogrades to full marks;
(b) the student version contains none of the solution code and none of the
    hidden-test code;
(c) the student version, run top to bottom from its release folder, fails only
    inside exercises (solution cells and the autograder tests that check them):
    nothing outside an exercise depends on an answer;
(d) every autograder test fails when its exercise is unanswered (the student
    version as released) and when it is answered wrongly (every name a solution
    region sets is set to 0 instead, functions return 0): autograding that wrong
    submission gives 0 points for every test cell, hidden tests included; and
    every exercise has such a test.

Cost: the student versions are built once per session; each notebook is then
run three times (autograde of the reference and of the wrong submission, one
run of the student version), with the shared Brian2 compile cache.
"""
import ast
import shutil
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_student_versions as coursework  # noqa: E402
from nbclient_workaround import prompt_replies  # noqa: E402
from notebook_runner import execute  # noqa: E402

NOTEBOOKS = coursework.NOTEBOOKS
SOLUTION = ("BEGIN SOLUTION", "END SOLUTION")
HIDDEN = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
MARKERS = SOLUTION + HIDDEN
# nbgrader's autograder, run in this process, warns about its own database sessions
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def nbgrader_meta(cell):
    return cell.metadata.get("nbgrader", {})


def is_solution(cell):
    return bool(nbgrader_meta(cell).get("solution"))


def is_test(cell):
    """An autograder test cell: graded, locked, not itself an answer."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution")


def describe(index, cell):
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    return f"cell {index} ({nbgrader_meta(cell).get('grade_id', 'no nbgrader id')}): {first[:70]!r}"


def split_regions(source, markers):
    """(lines outside the regions, [(indent, lines inside) per region]) of ``source``.

    A region starts at a line containing ``markers[0]`` and ends at a line
    containing ``markers[1]``: the rule nbgrader applies.
    """
    outside, regions, inside, indent = [], [], None, ""
    for line in source.splitlines():
        if markers[0] in line:
            inside, indent = [], line[:len(line) - len(line.lstrip())]
        elif markers[1] in line and inside is not None:
            regions.append((indent, inside))
            inside = None
        elif inside is not None:
            inside.append(line)
        else:
            outside.append(line)
    return outside, regions


class _AssignedNames(ast.NodeVisitor):
    """Names a block of code binds at its own level (not inside functions or comprehensions)."""

    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Store) and node.id not in self.names and node.id != "_":
            self.names.append(node.id)

    def visit_FunctionDef(self, node):
        pass

    visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = visit_FunctionDef
    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = visit_FunctionDef


def wrong_answer(lines):
    """A plausible wrong answer in place of a solution region: what it sets becomes 0.

    Imports are kept, a function it defines returns 0, a ``return`` returns 0.
    """
    code = textwrap.dedent("\n".join(lines))
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise AssertionError(f"solution region is not a block of Python statements: {error}\n{code}")
    wrong = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            wrong.append(ast.unparse(node))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            wrong.append(f"def {node.name}(*args, **kwargs):\n    return 0")
        elif isinstance(node, ast.Return):
            wrong.append("return 0")
        else:
            finder = _AssignedNames()
            finder.visit(node)
            wrong.extend(f"{name} = 0" for name in finder.names)
    return "\n".join(wrong).splitlines() or ["pass"]


def with_wrong_answers(source):
    """``source`` of a solution cell with every solution region replaced by a wrong answer."""
    out, inside = [], None
    for line in source.splitlines():
        if SOLUTION[0] in line:
            inside, indent = [], line[:len(line) - len(line.lstrip())]
        elif SOLUTION[1] in line and inside is not None:
            out.extend(indent + wrong for wrong in wrong_answer(inside))
            inside = None
        elif inside is not None:
            inside.append(line)
        else:
            out.append(line)
    return "\n".join(out)


def error_of(cell):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return f"{output.get('ename')}: {output.get('evalue')}"
    return None


def read(path):
    return nbformat.read(path, as_version=4)


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """The nbgrader course folder and the student version of every notebook, built once."""
    folder = tmp_path_factory.mktemp("course")
    start = time.perf_counter()
    released = coursework.build(tmp_path_factory.mktemp("release"), NOTEBOOKS, course_dir=folder)
    print(f"\nbuilt {len(released)} student versions in {time.perf_counter() - start:.1f} s")
    return {"dir": folder, "released": released, "autograded": {}, "student_runs": {}}


def student_path(course, notebook):
    return course["released"][coursework.assignment_name(notebook)] / notebook.name


def nbgrader_api(course_dir):
    """nbgrader's own API (what ``nbgrader autograde`` and the formgrader run), configured
    by the course's nbgrader_config.py; in this process, so that the nbclient workaround applies."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course_dir)).load_config()
    config.CourseDirectory.root = str(course_dir)
    return NbGraderAPI(config=config)


def autograde(course, notebook):
    """Autograde two submissions of ``notebook`` (once per session) and read the gradebook.

    ``reference``: the notebook as it is in the repository (solutions in place).
    ``wrong``: the student version with each solution region replaced by
    ``wrong_answer``. Returns {student: {"score", "max_score", "grades": {grade_id: Grade dict}}}.
    """
    name = coursework.assignment_name(notebook)
    if name in course["autograded"]:
        return course["autograded"][name]
    submitted = course["dir"] / "submitted"
    reference = submitted / "reference" / name
    reference.mkdir(parents=True, exist_ok=True)
    shutil.copy2(notebook, reference / notebook.name)
    wrong_nb = read(student_path(course, notebook))
    source_cells = {nbgrader_meta(c).get("grade_id"): c for c in read(notebook).cells if is_solution(c)}
    for cell in wrong_nb.cells:
        if is_solution(cell):
            cell.source = with_wrong_answers(source_cells[nbgrader_meta(cell)["grade_id"]].source)
    (submitted / "wrong" / name).mkdir(parents=True, exist_ok=True)
    nbformat.write(wrong_nb, submitted / "wrong" / name / notebook.name)

    start = time.perf_counter()
    with prompt_replies():  # see tools/nbclient_workaround.py
        outcome = nbgrader_api(course["dir"]).autograde(name, "*", force=True, create=True)
    seconds = time.perf_counter() - start
    assert outcome["success"], f"nbgrader autograde {name} failed:\n{outcome.get('error')}\n{outcome.get('log')}"
    results = {}
    with Gradebook(f"sqlite:///{course['dir'] / 'gradebook.db'}", coursework.COURSE_ID) as gradebook:
        for student in ("reference", "wrong"):
            submission = gradebook.find_submission_notebook(notebook.stem, name, student)
            results[student] = {"score": submission.score, "max_score": submission.max_score,
                                "grades": {g.name: g.to_dict() for g in submission.grades}}
    print(f"\nautograded {name} (reference {results['reference']['score']:g}/"
          f"{results['reference']['max_score']:g}, wrong {results['wrong']['score']:g}/"
          f"{results['wrong']['max_score']:g}) in {seconds:.1f} s")
    course["autograded"][name] = results
    return results


def run_student_version(course, notebook):
    """The student version executed top to bottom from its release folder, errors allowed (once)."""
    if notebook.name in course["student_runs"]:
        return course["student_runs"][notebook.name]
    nb, seconds = execute(student_path(course, notebook), allow_errors=True)
    print(f"\nran the student version of {notebook.stem} in {seconds:.1f} s")
    course["student_runs"][notebook.name] = nb
    return nb


# ---------------------------------------------------------------- tests

parametrize = pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)


def test_there_are_notebooks_to_assign():
    assert NOTEBOOKS, "no notebooks in notebooks/"


@parametrize
def test_student_version_has_no_solution_or_hidden_test_code(course, notebook):
    source, student = read(notebook), read(student_path(course, notebook))
    assert len(student.cells) == len(source.cells)
    protected, visible = set(), set()
    for cell in source.cells:
        outside, solutions = split_regions(cell.source, SOLUTION)
        outside, hidden = split_regions("\n".join(outside), HIDDEN)
        if is_solution(cell) and not solutions:   # a whole-cell answer: nbgrader replaces it all
            protected.update(line.strip() for line in cell.source.splitlines())
            continue
        visible.update(line.strip() for line in outside)
        for _, lines in solutions + hidden:
            protected.update(line.strip() for line in lines)
    # a line counts only if it reveals something: it has some letters or digits and
    # does not also appear outside the protected regions (e.g. a shared print line)
    protected = {line for line in protected - visible if sum(ch.isalnum() for ch in line) >= 3}
    assert protected, "the notebook has no solution or hidden-test code to protect"
    student_lines = {line.strip() for cell in student.cells for line in cell.source.splitlines()}
    leaked = sorted(protected & student_lines)
    assert not leaked, f"the student version shows solution or hidden-test code: {leaked}"
    for index, cell in enumerate(student.cells):
        for marker in MARKERS:
            assert marker not in cell.source, f"{marker!r} left in {describe(index, cell)}"
        if cell.cell_type == "code":
            assert not cell.outputs, f"stored output in {describe(index, cell)}"
        if is_solution(cell) and cell.cell_type == "code":
            assert "NotImplementedError" in cell.source, f"no stub in {describe(index, cell)}"


@parametrize
def test_reference_notebook_autogrades_to_full_marks(course, notebook):
    reference = autograde(course, notebook)["reference"]
    tests = {gid: g for gid, g in reference["grades"].items() if g["cell_type"] == "code"
             and not g["needs_manual_grade"]}
    assert tests, "no autograded test cells"
    short = {gid: f"{g['auto_score']}/{g['max_score']}" for gid, g in tests.items()
             if g["auto_score"] != g["max_score"]}
    assert not short, f"the reference solutions lose points in: {short}"
    assert reference["score"] == sum(g["max_score"] for g in tests.values())


@parametrize
def test_student_version_fails_only_inside_exercises(course, notebook):
    nb = run_student_version(course, notebook)
    outside = [f"{describe(i, c)} -> {error_of(c)}" for i, c in enumerate(nb.cells)
               if c.cell_type == "code" and error_of(c) and not (is_solution(c) or is_test(c))]
    assert not outside, ("cells outside the exercises fail when the exercises are unanswered "
                         "(they depend on an answer):\n" + "\n".join(outside))
    not_run = [describe(i, c) for i, c in enumerate(nb.cells)
               if c.cell_type == "code" and c.source.strip() and c.execution_count is None]
    assert not not_run, f"cells never ran: {not_run}"


@parametrize
def test_every_test_cell_fails_when_its_exercise_is_unanswered(course, notebook):
    nb = run_student_version(course, notebook)
    tests = [(i, c) for i, c in enumerate(nb.cells) if is_test(c)]
    assert tests, "no autograder test cells"
    passing = [describe(i, c) for i, c in tests if not error_of(c)]
    assert not passing, f"test cells pass with the exercise unanswered: {passing}"


@parametrize
def test_every_exercise_has_a_test_that_a_wrong_answer_fails(course, notebook):
    wrong = autograde(course, notebook)["wrong"]
    tests = {gid: g for gid, g in wrong["grades"].items() if g["cell_type"] == "code"
             and not g["needs_manual_grade"]}
    scored = {gid: f"{g['auto_score']}/{g['max_score']}" for gid, g in tests.items() if g["auto_score"]}
    assert not scored, f"autograder tests give points for wrong answers (all 0): {scored}"
    # every exercise is followed by at least one such test before the next exercise
    cells = read(notebook).cells
    for index, cell in enumerate(cells):
        if is_solution(cell):
            following = []
            for later in cells[index + 1:]:
                if is_solution(later):
                    break
                if is_test(later):
                    following.append(nbgrader_meta(later)["grade_id"])
            assert any(gid in tests for gid in following), \
                f"{describe(index, cell)} has no autograder test after it"
