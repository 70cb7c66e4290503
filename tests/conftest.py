"""Session fixtures: each notebook is executed at most twice per test run (see executions.py).

``references``: execution A of every notebook, {notebook path: {"notebook": the executed
notebook, "seconds", "browser": what the browser saw (None without a browser), "error"}}.
``wrong_answers(notebook)``: execution B, once per notebook.
At the end, every execution is listed with its seconds; a notebook that ran more
than ``MAX_EXECUTIONS`` times fails the session.
"""

import time
from collections import Counter

import executions
import pytest
from executions import LOG, MAX_EXECUTIONS, coursework


@pytest.fixture(scope="session")
def session_home(tmp_path_factory):
    """A fresh HOME for every notebook kernel of this session (the compile cache starts empty)."""
    return tmp_path_factory.mktemp("home")


SELECTED = []  # the notebooks that the selected tests take as their ``notebook`` parameter


def pytest_collection_finish(session):
    """Remember which notebooks the selected tests need (``pytest -k 07_`` selects one's tests)."""
    wanted = set()
    for item in session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "notebook" in params:
            wanted.add(params["notebook"])
    SELECTED[:] = [notebook for notebook in executions.NOTEBOOKS if notebook in wanted]


@pytest.fixture(scope="session")
def references(session_home, tmp_path_factory):
    """Execution A of the selected notebooks (every notebook in a full run)."""
    if not executions.SKIP_BROWSER and executions.chromium_missing():
        pytest.fail(executions.chromium_missing(), pytrace=False)
    return executions.run_references(tmp_path_factory.mktemp("lab"), session_home, SELECTED or executions.NOTEBOOKS)


@pytest.fixture
def reference(references, notebook):
    """Execution A of ``notebook`` (the test's parameter); fails the test if it did not run."""
    run = references[notebook]
    if run["error"]:
        pytest.fail(f"the reference run of {notebook.name} failed: {run['error']}", pytrace=False)
    return run


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """The nbgrader course folder and the student version of every notebook, built once."""
    folder = tmp_path_factory.mktemp("course")
    start = time.perf_counter()
    released = coursework.build(tmp_path_factory.mktemp("release"), coursework.NOTEBOOKS, course_dir=folder)
    print(f"\nbuilt {len(released)} student versions in {time.perf_counter() - start:.1f} s")
    return {"dir": folder, "released": released}


@pytest.fixture(scope="session")
def wrong_answers(references, course, session_home):
    """wrong_answers(notebook): execution B of ``notebook``, autograded once per session.

    After every execution A (``references``): B then finds the models compiled.
    """
    done = {}

    def get(notebook):
        if notebook not in done:
            done[notebook] = executions.autograde_wrong_answers(course, notebook, session_home)
        return done[notebook]

    return get


def pytest_sessionfinish(session):
    counts = Counter(stem for stem, _, _ in LOG)
    if any(n > MAX_EXECUTIONS for n in counts.values()) and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if not LOG:
        return
    write = terminalreporter.write_line
    terminalreporter.section("notebook executions")
    counts = Counter(stem for stem, _, _ in LOG)
    for stem, what, seconds in LOG:
        write(f"{stem:40s} {seconds:7.1f} s  {what}")
    write(
        f"total {sum(s for _, _, s in LOG):.1f} s; executions per notebook: "
        + ", ".join(f"{stem} {n}" for stem, n in sorted(counts.items()))
    )
    over = {stem: n for stem, n in counts.items() if n > MAX_EXECUTIONS}
    if over:
        write(f"FAILED: notebooks executed more than {MAX_EXECUTIONS} times: {over}", red=True)
