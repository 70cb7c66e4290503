"""Coursework: nbgrader turns every notebook into a fair, gradeable assignment.

For every notebook in notebooks/ (new notebooks are covered without edits), with
the student versions built as an instructor builds them (tools/build_student_versions.py,
``nbgrader generate_assignment``):

(a) the reference notebook gets full marks: nbgrader's own grading of executed
    cells (``nbgrader.utils.determine_grade``, what its autograder applies after
    running a submission) on every autograder test cell of execution A, the
    reference run that the browser and nbval-style checks read too;
(b) the student version contains none of the solution code and none of the
    hidden-test code, and each unanswered solution cell raises
    NotImplementedError as nbgrader writes it (static: nothing is executed);
(c) execution B, the student version with every solution region answered wrongly
    (every name it sets is 0, functions return 0), autograded by nbgrader's
    autograder (its Python API, which ``nbgrader autograde`` and the formgrader
    call; scores read from the gradebook): every test cell, hidden tests
    included, gives 0 points, and every exercise has such a test;
(d) in that same autograded notebook, errors occur only inside exercises
    (solution cells and the test cells that check them): nothing outside an
    exercise fails when the answers are wrong.

Not executed any more: the unanswered student version. (b) checks its stubs
statically; (c) and (d) use wrong answers, which reach every test cell.
"""
import ast

import nbformat
import pytest
from nbgrader.utils import determine_grade

from executions import NOTEBOOKS, coursework, describe, error_of, is_solution, is_test, nbgrader_meta

SOLUTION = ("BEGIN SOLUTION", "END SOLUTION")
HIDDEN = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
MARKERS = SOLUTION + HIDDEN
# nbgrader's autograder, run in this process, warns about its own database sessions
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")
parametrize = pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)


def read(path):
    return nbformat.read(path, as_version=4)


def student_path(course, notebook):
    return course["released"][coursework.assignment_name(notebook)] / notebook.name


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
    # each solution region became nbgrader's stub, a statement that raises NotImplementedError
    for index, (cell, released) in enumerate(zip(source.cells, student.cells)):
        if is_solution(cell) and cell.cell_type == "code":
            regions = len(split_regions(cell.source, SOLUTION)[1]) or 1   # or: a whole-cell answer
            stubs = [node for node in ast.walk(ast.parse(released.source)) if isinstance(node, ast.Raise)
                     and "NotImplementedError" in ast.unparse(node.exc or ast.Pass())]
            assert len(stubs) == regions, \
                f"{describe(index, released)}: {len(stubs)} NotImplementedError stubs for {regions} answers"


@parametrize
def test_reference_gets_full_marks(reference, notebook):
    tests = [(i, c) for i, c in enumerate(reference["notebook"].cells) if is_test(c) and c.cell_type == "code"]
    assert tests, "no autograder test cells"
    grades = {nbgrader_meta(c)["grade_id"]: determine_grade(c) for _, c in tests}
    short = {gid: f"{score}/{max_score}" for gid, (score, max_score) in grades.items() if score != max_score}
    assert not short, f"the reference solutions lose points in: {short}"
    not_run = [describe(i, c) for i, c in tests if c.execution_count is None]
    assert not not_run, f"test cells that never ran: {not_run}"
    total = sum(score for score, _ in grades.values())
    assert total == sum(max_score for _, max_score in grades.values())


@parametrize
def test_wrong_answers_get_no_points_and_every_exercise_has_a_test(wrong_answers, notebook):
    wrong = wrong_answers(notebook)
    tests = {gid: g for gid, g in wrong["grades"].items() if g["cell_type"] == "code"
             and not g["needs_manual_grade"]}
    assert tests, "no autograder test cells"
    scored = {gid: f"{g['auto_score']}/{g['max_score']}" for gid, g in tests.items() if g["auto_score"]}
    assert not scored, f"autograder tests give points for wrong answers (all 0): {scored}"
    assert wrong["score"] == 0
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


@parametrize
def test_wrong_answers_fail_only_inside_exercises(wrong_answers, notebook):
    cells = wrong_answers(notebook)["notebook"].cells
    outside = [f"{describe(i, c)} -> {error_of(c)}" for i, c in enumerate(cells)
               if c.cell_type == "code" and error_of(c) and not (is_solution(c) or is_test(c))]
    assert not outside, ("cells outside the exercises fail when the answers are wrong "
                         "(they depend on an answer):\n" + "\n".join(outside))
    not_run = [describe(i, c) for i, c in enumerate(cells)
               if c.cell_type == "code" and c.source.strip() and c.execution_count is None]
    assert not not_run, f"cells never ran: {not_run}"
