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
    exercise fails when the answers are wrong;
(e) every typical wrong answer registered in tests/wrong_answers.py fails its
    exercise's test cell, hidden tests included (tried in execution A's kernel,
    after the reference run: no extra execution);
(f) a test cell ends in a statement, in the student version (hidden tests
    removed) and in the full one: nbgrader reads a test cell's last value as its
    score ("Cell output is True, which cannot be converted to a float").

Answers in words (conceptual questions, "(think, graded by hand)") are markdown
cells graded by hand: they are not autograder tests. In the student version
they are nbgrader's "YOUR ANSWER HERE"; in execution B they hold a written
answer, which nbgrader must leave to the grader (no automatic score).

Not executed any more: the unanswered student version. (b) checks its stubs
statically; (c) and (d) use wrong answers, which reach every test cell.
"""

import ast
import inspect

import nbformat
import pytest
from executions import NOTEBOOKS, coursework, describe, error_of, is_solution, is_test, nbgrader_meta
from nbgrader.utils import determine_grade
from wrong_answers import WRONG_ANSWERS

from helpers import checks

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
            inside, indent = [], line[: len(line) - len(line.lstrip())]
        elif markers[1] in line and inside is not None:
            regions.append((indent, inside))
            inside = None
        elif inside is not None:
            inside.append(line)
        else:
            outside.append(line)
    return outside, regions


def is_code_answer(cell):
    """An autograded answer: a code cell with solution regions (not an answer in words)."""
    return is_solution(cell) and cell.cell_type == "code"


def is_written_answer(cell):
    """An answer in words, graded by hand: a markdown solution cell that carries points."""
    return is_solution(cell) and cell.cell_type == "markdown" and bool(nbgrader_meta(cell).get("grade"))


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
        if is_solution(cell) and not solutions:  # a whole-cell answer: nbgrader replaces it all
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
    # an answer in words became nbgrader's stub, in full
    for index, (cell, released) in enumerate(zip(source.cells, student.cells)):
        if is_written_answer(cell):
            assert released.source.strip() == "YOUR ANSWER HERE", (
                f"{describe(index, released)}: the reference answer must be replaced as a whole"
            )
    # each solution region became nbgrader's stub, a statement that raises NotImplementedError
    for index, (cell, released) in enumerate(zip(source.cells, student.cells)):
        if is_solution(cell) and cell.cell_type == "code":
            regions = len(split_regions(cell.source, SOLUTION)[1]) or 1  # or: a whole-cell answer
            stubs = [
                node
                for node in ast.walk(ast.parse(released.source))
                if isinstance(node, ast.Raise) and "NotImplementedError" in ast.unparse(node.exc or ast.Pass())
            ]
            assert len(stubs) == regions, (
                f"{describe(index, released)}: {len(stubs)} NotImplementedError stubs for {regions} answers"
            )


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
    tests = {gid: g for gid, g in wrong["grades"].items() if g["cell_type"] == "code" and not g["needs_manual_grade"]}
    assert tests, "no autograder test cells"
    scored = {gid: f"{g['auto_score']}/{g['max_score']}" for gid, g in tests.items() if g["auto_score"]}
    assert not scored, f"autograder tests give points for wrong answers (all 0): {scored}"
    assert wrong["score"] == 0
    # an answer in words is left to the grader: no automatic score, flagged for manual grading
    written = {gid: g for gid, g in wrong["grades"].items() if g["cell_type"] == "markdown"}
    auto_scored = {
        gid: g["auto_score"] for gid, g in written.items() if g["auto_score"] is not None or not g["needs_manual_grade"]
    }
    assert not auto_scored, (
        f"answers in words that nbgrader scored itself instead of leaving them to the grader: {auto_scored}"
    )
    # every code exercise is followed by at least one such test before the next one
    cells = read(notebook).cells
    assert len(written) == sum(is_written_answer(c) for c in cells), "an answer in words went missing"
    for index, cell in enumerate(cells):
        if is_code_answer(cell):
            following = []
            for later in cells[index + 1 :]:
                if is_code_answer(later):
                    break
                if is_test(later):
                    following.append(nbgrader_meta(later)["grade_id"])
            assert any(gid in tests for gid in following), f"{describe(index, cell)} has no autograder test after it"


@parametrize
def test_wrong_answers_fail_only_inside_exercises(wrong_answers, notebook):
    cells = wrong_answers(notebook)["notebook"].cells
    outside = [
        f"{describe(i, c)} -> {error_of(c)}"
        for i, c in enumerate(cells)
        if c.cell_type == "code" and error_of(c) and not (is_solution(c) or is_test(c))
    ]
    assert not outside, (
        "cells outside the exercises fail when the answers are wrong (they depend on an answer):\n" + "\n".join(outside)
    )
    not_run = [
        describe(i, c)
        for i, c in enumerate(cells)
        if c.cell_type == "code" and c.source.strip() and c.execution_count is None
    ]
    assert not not_run, f"cells never ran: {not_run}"


# ---------------------------------------------------------------- (e) typical wrong answers


def test_the_wrong_answer_registry_names_test_cells_and_runnable_code():
    """tests/wrong_answers.py: every notebook and grade_id it names exists (as an autograder test
    cell), every entry is (description, code) with code that compiles, descriptions are unique."""
    stems = {path.stem: path for path in NOTEBOOKS}
    problems = []
    for stem, tests in WRONG_ANSWERS.items():
        if stem not in stems:
            problems.append(f"{stem}: no such notebook")
            continue
        test_ids = {nbgrader_meta(c).get("grade_id") for c in read(stems[stem]).cells if is_test(c)}
        for grade_id, entries in tests.items():
            if grade_id not in test_ids:
                problems.append(f"{stem}: {grade_id} is not an autograder test cell (there are {sorted(test_ids)})")
            if not entries:
                problems.append(f"{stem}: {grade_id} has no entries")
            descriptions = [entry[0] for entry in entries]
            if len(set(descriptions)) != len(descriptions):
                problems.append(f"{stem}: {grade_id} has two entries with the same description")
            for entry in entries:
                if len(entry) != 2 or not all(isinstance(part, str) and part.strip() for part in entry):
                    problems.append(f"{stem}: {grade_id}: not a (description, code) pair: {entry!r}")
                    continue
                try:
                    compile(entry[1], f"{stem}:{grade_id}", "exec")
                except SyntaxError as error:
                    problems.append(f"{stem}: {grade_id}: {entry[0]!r} does not compile: {error}")
    assert not problems, "\n".join(problems)


@parametrize
def test_typical_wrong_answers_fail_their_tests(reference, notebook):
    """Each wrong answer of tests/wrong_answers.py, run in execution A's kernel, fails its test cell."""
    assert WRONG_ANSWERS.get(notebook.stem), (
        f"no typical wrong answers registered for {notebook.stem} in tests/wrong_answers.py"
    )
    outcomes = reference.get("wrong_answers")
    assert outcomes, "execution A did not try the typical wrong answers"
    registered = sum(len(entries) for gid, entries in WRONG_ANSWERS[notebook.stem].items())
    print(
        "\n".join(
            f"{o['grade_id']} | {o['description']}: {o['outcome']} ({o['seconds']} s)\n    {o['message']}"
            for o in outcomes
        )
    )
    broken = [f"{o['grade_id']} | {o['description']}: {o['message']}" for o in outcomes if o["outcome"] == "broken"]
    passed = [f"{o['grade_id']} | {o['description']}" for o in outcomes if o["outcome"] == "passed"]
    assert not broken, "wrong answers whose own code raised (they test nothing):\n" + "\n".join(broken)
    assert not passed, "test cells that pass a typical wrong answer:\n" + "\n".join(passed)
    assert len(outcomes) == registered, f"{len(outcomes)} outcomes for {registered} registered wrong answers"


def test_visible_checks_name_the_slip_without_printing_the_expected_value(capsys):
    """The checks that visible test cells use: a typical slip fails with words for it, never
    with the expected value (here 0.2 nA, 112.4 Hz); a right answer passes and returns None."""
    from brian2 import Hz, nA

    cases = [
        (lambda: checks.check_quantity("rheobase", 0.2, nA), "without a unit"),
        (lambda: checks.check_quantity("rheobase", 0.2 * Hz, nA), "should be a current"),
        (lambda: checks.check_value("rate", 0.1124, 112.4, rel_tol=0.05, unit=Hz), "1000 times too small"),
        (lambda: checks.check_value("rate", -113.0, 112.4, rel_tol=0.05), "wrong sign"),
        (lambda: checks.check_value("rate", 224.8, 112.4, rel_tol=0.05), "2 times too large"),
        (lambda: checks.check_value("rate", 130.0, 112.4, rel_tol=0.05), "too high"),
        (
            lambda: checks.check_value("rate", 22.5, 112.4, rel_tol=0.05, slips=[(22.48, "a fifth: 200 ms")]),
            "a fifth: 200 ms",
        ),
        (lambda: checks.check_range("rate", 600, 475, 500, too_high="faster than 1/t_ref"), "faster than 1/t_ref"),
        (lambda: checks.check_fraction("fraction", 79.7), "percentage"),
        (lambda: checks.check_not_slip("rate", 500.0, [(500.0, "the ceiling")]), "the ceiling"),
    ]
    for check, words in cases:
        with pytest.raises(AssertionError) as failure:
            check()
        message = str(failure.value)
        assert words in message, f"{message!r} does not say {words!r}"
        assert "112.4" not in message and "0.2 nA" not in message.replace("= 0.2 nA", ""), (
            f"the message shows the expected value: {message!r}"
        )
    assert checks.check_value("rate", 110.0, 112.4, rel_tol=0.05, unit=Hz) is None
    assert checks.check_quantity("rheobase", 0.2 * nA, nA) is None
    assert "112.4" not in capsys.readouterr().out


@parametrize
def test_every_assert_in_a_test_cell_says_why_it_fails(notebook):
    """A failing test cell tells the student why: no bare ``assert`` (hidden tests included)."""
    bare = [
        f"{describe(index, cell)}: {ast.unparse(node)[:90]}"
        for index, cell in enumerate(read(notebook).cells)
        if is_test(cell) and cell.cell_type == "code"
        for node in ast.walk(ast.parse(cell.source))
        if isinstance(node, ast.Assert) and node.msg is None
    ]
    assert not bare, "asserts without a message:\n" + "\n".join(bare)


# ---------------------------------------------------------------- (f) test cells end in a statement


def _returns_nothing(function):
    """True if ``function``'s source has no ``return <value>`` (it returns None)."""
    tree = ast.parse(inspect.getsource(function))
    return not any(isinstance(node, ast.Return) and node.value is not None for node in ast.walk(tree))


STATEMENT_CALLS = {"print"} | {
    f"checks.{name}"
    for name, function in inspect.getmembers(checks, inspect.isfunction)
    if function.__module__ == checks.__name__ and _returns_nothing(function)
}


def ends_in_a_value(source):
    """The last statement of ``source`` if it is an expression that may have a value, else None."""
    body = ast.parse(source).body
    if not body or not isinstance(body[-1], ast.Expr):
        return None
    value = body[-1].value
    if isinstance(value, ast.Call) and ast.unparse(value.func) in STATEMENT_CALLS:
        return None
    return ast.unparse(body[-1])


@parametrize
def test_test_cells_end_in_a_statement(notebook):
    """The last line of a test cell, with or without its hidden tests, is not a value nbgrader would
    read as a score: an assert, an assignment, print(...) or a check that returns None."""
    problems = []
    for index, cell in enumerate(read(notebook).cells):
        if is_test(cell) and cell.cell_type == "code":
            outside, _ = split_regions(cell.source, HIDDEN)
            for version, source in (("full", cell.source), ("student", "\n".join(outside))):
                last = ends_in_a_value(source)
                if last:
                    problems.append(f"{describe(index, cell)}, {version} version, ends in {last!r}")
    assert not problems, "\n".join(problems)
