"""The nbgrader course cycle of docs/INSTRUCTOR_GUIDE.md, end to end, with nbgrader's command line.

In a temporary folder with its own exchange, course folder and one HOME per user
(a student's submissions are cached under ``~/.local/share/jupyter``), with the
guide's two nbgrader_config.py files as it prints them (only the exchange and
course paths replaced; the system-wide one is found through JUPYTER_CONFIG_PATH,
as /etc/jupyter would be): the instructor generates and releases
tests/fixtures/synapse_quiz.ipynb; three students fetch and submit it: "right"
(every answer right, submitted after the due date), "blank" (the unanswered
student version) and "slip" (one wrong answer, one error, and a stray helpers/
folder); the instructor collects, autogrades, grades the written answer (as the
formgrader does), generates and releases feedback, which the students fetch.

Everyone is one OS account here, so students pass ``--student``: nbgrader
otherwise takes the id from the account name (nbgrader/utils.py, get_username).
The fixture runs in seconds (no Brian2), so no notebook of notebooks/ is executed.
"""

import html
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.utils import parse_utc

from helpers.coursework import points_table

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "INSTRUCTOR_GUIDE.md"
FIXTURE = ROOT / "tests" / "fixtures" / "synapse_quiz.ipynb"
NAME = FIXTURE.stem  # the assignment, named after its notebook
COURSE_ID = "neuroplasticity"
GUIDE_PATHS = ("/usr/local/share/nbgrader/exchange", "/home/instructor/neuroplasticity-course")
BIN = Path(sys.executable).parent  # nbgrader starts alembic by name: this goes first on PATH
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def reference(grade_id):
    """The fixture's answer in solution cell ``grade_id``, without nbgrader's markers."""
    cell = next(
        c
        for c in nbformat.read(FIXTURE, as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )
    return "\n".join(line for line in cell.source.splitlines() if "### " not in line)


WRITTEN = "A longer LTD window would make random spike pairs depress on balance, so weights drift down."
# What each student writes into each solution cell (cells not named stay as fetched), in the
# order they submit; "right" submits last, after the due date.
ANSWERS = {
    "blank": {},
    "slip": {
        "ex1_change": reference("ex1_change").replace("100 * ", ""),  # a fraction, not per cent
        "ex2_rule": reference("ex2_rule").replace(
            "np.exp(dt_ms / tau_ms)", "np.exp(dt_ms / tau_minus)"
        ),  # NameError for dt < 0
        "ex3_window_answer": WRITTEN,
    },
    "right": {"ex1_change": reference("ex1_change"), "ex2_rule": reference("ex2_rule"), "ex3_window_answer": WRITTEN},
}
LATE = "right"
# autograde's score per graded cell (None: a written answer waiting for a manual grade)
AUTO_SCORES = {
    "blank": {"ex1_change_test": 0, "ex2_ltp_test": 0, "ex2_ltd_test": 0, "ex3_window_answer": 0},
    "slip": {"ex1_change_test": 0, "ex2_ltp_test": 1, "ex2_ltd_test": 0, "ex3_window_answer": None},
    "right": {"ex1_change_test": 1, "ex2_ltp_test": 1, "ex2_ltd_test": 1, "ex3_window_answer": None},
}
MANUAL = {"right": 1}  # the written answers the instructor grades
TOTALS = {"blank": 0, "slip": 1, "right": 4}
MAX_SCORE = 4
PENALTIES = {"blank": 0, "slip": 0, "right": 1}  # LatePenaltyPerDay: 1 point, late by seconds


def guide_config(first_line, exchange=GUIDE_PATHS[0], course=GUIDE_PATHS[1]):
    """The guide's Python block that starts with ``first_line``, its two paths replaced by these."""
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(), re.S)
    found = [b for b in blocks if b.startswith(first_line + "\n")]
    assert len(found) == 1, f"the guide has {len(found)} Python blocks starting with {first_line!r}"
    return found[0].replace(GUIDE_PATHS[0], str(exchange)).replace(GUIDE_PATHS[1], str(course))


def user_env(home, system_config):
    """A user's environment: own HOME, the system-wide config folder, this environment's bin first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "NBGRADER"))}
    env.update(HOME=str(home), JUPYTER_CONFIG_PATH=str(system_config), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}")
    return env


def nbgrader(env, cwd, *args):
    """``nbgrader *args`` run as the user of ``env`` in ``cwd``; returns its output, fails the test on an error."""
    done = subprocess.run(["nbgrader", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def answer(path, answers):
    """Write ``answers`` ({grade_id: source}) into the fetched notebook at ``path``."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    nbformat.write(nb, path)


def text_of(page):
    """The text of an HTML file (tags removed, entities decoded): code reads as written."""
    return html.unescape(re.sub(r"<[^>]*>", "", page.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    """Run the guide's steps 2-5; returns the folders and environments."""
    base = tmp_path_factory.mktemp("exchange-cycle")
    exchange, course, system = base / "exchange", base / "course", base / "etc-jupyter"
    homes = {user: base / "home" / user for user in ["instructor", *ANSWERS]}
    for folder in [exchange, system, *homes.values()]:
        folder.mkdir(parents=True)
    (system / "nbgrader_config.py").write_text(guide_config("# /etc/jupyter/nbgrader_config.py", exchange, course))
    (homes["instructor"] / ".jupyter").mkdir()
    (homes["instructor"] / ".jupyter" / "nbgrader_config.py").write_text(
        guide_config("# ~/.jupyter/nbgrader_config.py", exchange, course)
    )
    env = {user: user_env(home, system) for user, home in homes.items()}

    def instructor(*args):
        return nbgrader(env["instructor"], course, *args)

    (course / "source" / NAME).mkdir(parents=True)
    shutil.copy2(FIXTURE, course / "source" / NAME)
    instructor("generate_assignment", NAME)
    instructor("release_assignment", NAME)
    due = None
    for student, answers in ANSWERS.items():
        home = homes[student]
        nbgrader(env[student], home, "fetch_assignment", NAME)
        answer(home / NAME / FIXTURE.name, answers)
        if student == "slip":  # checks that pass anything, beside the notebook: must not be collected
            (home / NAME / "helpers").mkdir()
            (home / NAME / "helpers" / "checks.py").write_text("check_range = check_value = print\n")
        if student == "right":
            assert "Success!" in nbgrader(env[student], home, "validate", f"{NAME}/{FIXTURE.name}")
        if student == LATE:  # the due date lies between the other submissions and this one
            due = datetime.now(timezone.utc)
            instructor("db", "assignment", "add", NAME, f"--duedate={due:%Y-%m-%d %H:%M:%S.%f} UTC")
        nbgrader(env[student], home, "submit", NAME, f"--student={student}")
    instructor("collect", NAME)
    instructor("autograde", NAME)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", COURSE_ID) as gradebook:
        for student, score in MANUAL.items():  # what the formgrader's grade box does
            grade = gradebook.find_grade("ex3_window_answer", NAME, NAME, student)
            grade.manual_score, grade.needs_manual_grade = score, False
        gradebook.db.commit()
    instructor("generate_feedback", NAME)
    instructor("release_feedback", NAME)
    for student in ANSWERS:
        nbgrader(env[student], homes[student], "fetch_feedback", NAME, f"--student={student}")
    return {"exchange": exchange, "course": course, "homes": homes, "env": env, "due": due}


def test_scores_per_test_cell_and_in_total(cycle):
    with Gradebook(f"sqlite:///{cycle['course'] / 'gradebook.db'}", COURSE_ID) as gradebook:
        for student, expected in AUTO_SCORES.items():
            submission = gradebook.find_submission_notebook(NAME, NAME, student)
            assert {g.name: g.auto_score for g in submission.grades} == expected, student
            waiting = set() if student in MANUAL else {gid for gid, s in expected.items() if s is None}
            assert {g.name for g in submission.grades if g.needs_manual_grade} == waiting, student
            assert (submission.score, submission.max_score) == (TOTALS[student], MAX_SCORE), student


def test_timestamps_are_collected_and_late_work_is_penalised(cycle):
    course, inbound = cycle["course"], cycle["exchange"] / COURSE_ID / "inbound"
    due = cycle["due"].replace(tzinfo=None)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", COURSE_ID) as gradebook:
        for student in ANSWERS:
            collected = course / "submitted" / student / NAME
            # the notebook and submit's two files; not the stray helpers/ folder
            assert sorted(p.name for p in collected.iterdir()) == sorted(
                [FIXTURE.name, "submission_secret.txt", "timestamp.txt"]
            ), student
            stamp = (collected / "timestamp.txt").read_text().strip()
            assert [p for p in inbound.iterdir() if p.name.startswith(f"{student}+{NAME}+{stamp}+")], (
                f"{student}: collected timestamp {stamp} is not that of the submission in the exchange"
            )
            submission = gradebook.find_submission(NAME, student)
            assert submission.timestamp == parse_utc(stamp), student
            assert (submission.timestamp > due) == (student == LATE), f"{student} at {stamp}, due {due}"
            assert (submission.total_seconds_late > 0) == (student == LATE), student
            assert submission.late_submission_penalty == PENALTIES[student], student


def hidden_test_lines():
    """The code lines (stripped) between the fixture's hidden-test markers."""
    lines, inside = set(), False
    for cell in nbformat.read(FIXTURE, as_version=4).cells:
        for line in cell.source.splitlines():
            if "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END HIDDEN TESTS" in line:
                inside = False
            elif inside and line.strip():
                lines.add(line.strip())
    return lines


def test_feedback_shows_scores_and_messages_but_no_hidden_test_code(cycle):
    hidden = hidden_test_lines()
    assert hidden, "the fixture has no hidden tests"
    released = sorted((cycle["exchange"] / COURSE_ID / "feedback").glob("*.html"))
    assert len(released) == len(ANSWERS), released
    fetched = {
        student: sorted((cycle["homes"][student] / NAME / "feedback").glob(f"*/{NAME}.html")) for student in ANSWERS
    }
    for student, pages in fetched.items():
        assert len(pages) == 1, f"{student} fetched {pages}"
    for page in released + [pages[0] for pages in fetched.values()]:
        text = text_of(page)
        shown = sorted(line for line in hidden if line in text)
        assert not shown, f"{page} shows hidden-test code: {shown}"
        assert "HIDDEN TESTS" not in text, page
    texts = {student: text_of(pages[0]) for student, pages in fetched.items()}
    for student, total in TOTALS.items():
        score = total - PENALTIES[student]
        assert f"(Score: {score:.1f} / {MAX_SCORE:.1f})" in texts[student], student
    assert "Late submission penalty (Score: -1.0)" in texts[LATE]
    # the slip's failure messages stay: the hidden check's and the error's
    assert "AssertionError: change_percent = 0.3" in texts["slip"]
    assert "NameError: name 'tau_minus' is not defined" in texts["slip"]


def test_validate_uses_the_guide_timeout(cycle, monkeypatch):
    """The students' Validate button reads the system-wide config: its cell timeout is the guide's."""
    from nbgrader.preprocessors import Execute
    from nbgrader.server_extensions.validate_assignment.handlers import ValidateAssignmentHandler
    from nbgrader.validator import Validator

    student = "blank"
    for name in ("HOME", "JUPYTER_CONFIG_PATH"):
        monkeypatch.setenv(name, cycle["env"][student][name])
    monkeypatch.chdir(cycle["homes"][student])
    system_config = guide_config("# /etc/jupyter/nbgrader_config.py")
    guide_timeout = int(re.search(r"^c\.Execute\.timeout = (\d+)$", system_config, re.M).group(1))
    config = ValidateAssignmentHandler.load_config(None)  # what the button's handler loads
    # the Validator makes its Execute preprocessor with itself as parent (nbgrader/validator.py)
    assert guide_timeout > 60, "a cold Brian2 compile takes 30-45 s per model"
    assert Execute(parent=Validator(config=config)).timeout == guide_timeout


def test_guide_points_table_matches_the_notebooks():
    """The guide's points table is the one the notebooks' nbgrader metadata gives."""
    in_guide = re.search(r"^\| Notebook \|.*?(?=\n\n|\n<!--)", GUIDE.read_text(), re.M | re.S)
    assert in_guide, "docs/INSTRUCTOR_GUIDE.md has no points table"
    assert in_guide.group(0) == points_table(), (
        "the guide's points table is out of date: paste the output of `python -m helpers.coursework`"
    )
