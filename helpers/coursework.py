"""nbgrader add-ons for running the notebooks as a course (docs/INSTRUCTOR_GUIDE.md).

- ``StripHiddenTests``: a ``GenerateFeedback`` preprocessor; the feedback students
  get back then shows neither the hidden tests' code nor tracebacks that quote it,
  only their scores and failure messages (nbgrader shows it all by design,
  jupyter/nbgrader#917).
- ``LatePenaltyPerDay``: a late-submission policy, points off per day late.
- ``points_table``: the guide's table of graded cells and points, read from the
  notebooks' nbgrader metadata. ``python -m helpers.coursework`` prints it for
  the notebooks in notebooks/.

- ``prompt_kernel_replies``: Validate and autograde never stall after a widget cell
  (the system-wide nbgrader_config.py calls it; ``prompt_replies`` is the same fix for
  one block of code, used by the project's own notebook runs).
- ``RestoreHiddenTests``: autograde warns about a changed test cell only when a student
  changed it, not for every cell whose hidden tests the student version left out.

The instructor's nbgrader_config.py imports the others (see the guide);
tests/test_exchange.py runs them in a whole nbgrader course cycle.
"""

import contextlib
import math
import time
from pathlib import Path
from queue import Empty

import nbformat
from jupyter_client.channels import AsyncZMQSocketChannel
from nbgrader.plugins import LateSubmissionPlugin
from nbgrader.preprocessors import ClearHiddenTests, OverwriteCells
from traitlets import Float, Unicode

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))


class StripHiddenTests(ClearHiddenTests):
    """Remove each hidden-test region from a graded notebook before its feedback is rendered.

    Uses nbgrader's own region rule (``ClearHiddenTests``: a line containing
    ``BEGIN HIDDEN TESTS`` up to one containing ``END HIDDEN TESTS``, the same
    ``ClearHiddenTests.*_delimeter`` settings), leaves ``note`` in place of the
    removed lines, and cuts the traceback of an error in such a cell down to
    its last line (``AssertionError: <message>``): IPython's traceback quotes the
    code around the failing line. Scores and printed output are kept.
    """

    note = Unicode(
        "# hidden tests ran here (their code is not shown in feedback)", help="Line shown in place of the hidden tests"
    ).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and self._remove_hidden_test_region(cell):
            cell.source = cell.source.rstrip("\n") + "\n" + self.note
            for output in cell.outputs:
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources


class LatePenaltyPerDay(LateSubmissionPlugin):
    """Late work loses ``points_per_day`` for each day or part of a day after the due date.

    nbgrader's ``AssignLatePenalties`` (run by autograde) asks this plugin per
    notebook and caps the penalty at the notebook's score.
    """

    points_per_day = Float(1.0, help="Points taken off per day (or part of a day) late").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        return self.points_per_day * math.ceil(total_seconds_late / 86400)


REPLY_SLICE_S = 0.5


def _in_slices(get_msg):
    """``get_msg`` waiting in slices of at most ``REPLY_SLICE_S`` up to the same deadline."""

    async def sliced_get_msg(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            remaining = REPLY_SLICE_S if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return await get_msg(self, timeout=min(REPLY_SLICE_S, remaining))
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    sliced_get_msg.in_slices = True
    return sliced_get_msg


@contextlib.contextmanager
def prompt_replies():
    """Within this block, kernel clients look for the kernel's replies every half second.

    nbclient (which nbgrader's Validate and autograde use) sometimes misses a kernel's
    ``execute_reply`` after a cell that shows a widget and only finds it when the cell's
    whole timeout has run out (jupyter/nbclient#312, open; nbclient 0.11.0 here): with
    ``Execute.timeout = 900`` that is a 15-minute stall with an idle kernel. Waiting in
    half-second slices up to the same deadline finds a missed reply within half a second.
    """
    original = AsyncZMQSocketChannel.get_msg
    if not getattr(original, "in_slices", False):
        AsyncZMQSocketChannel.get_msg = _in_slices(original)
    try:
        yield
    finally:
        AsyncZMQSocketChannel.get_msg = original


def prompt_kernel_replies():
    """``prompt_replies`` for the rest of this process (call it from nbgrader_config.py, which
    every nbgrader command and the Validate button load). Calling it again changes nothing."""
    if not getattr(AsyncZMQSocketChannel.get_msg, "in_slices", False):
        AsyncZMQSocketChannel.get_msg = _in_slices(AsyncZMQSocketChannel.get_msg)


class RestoreHiddenTests(OverwriteCells):
    """nbgrader's ``OverwriteCells`` (autograde), warning only about test cells a student changed.

    The gradebook keeps each test cell with its hidden tests, and its checksum; the student
    version lacks them, so nbgrader logs "Attribute 'checksum' for cell ... has changed!" for
    every such cell of an untouched submission (jupyter/nbgrader#1961). Here a locked cell
    that equals the gradebook's with the hidden-test regions removed gets the gradebook's
    source back first, so the warning is left for cells that really were edited. Both put
    the gradebook's version back before grading.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is not None and cell.cell_type == "code":
            try:
                source_cell = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
            except Exception:  # not in the gradebook: nbgrader's own code reports it
                source_cell = None
            if source_cell is not None and source_cell.locked:
                released = nbformat.v4.new_code_cell(source_cell.source)
                ClearHiddenTests(parent=self)._remove_hidden_test_region(released)
                if released.source == cell.source:
                    cell.source = source_cell.source
        return super().preprocess_cell(cell, resources, cell_index)


def points_table(notebooks=NOTEBOOKS):
    """A Markdown table: per notebook, its graded cells (grade_id and points) and the total."""
    rows = ["| Notebook | Graded cells: points | Total |", "|---|---|---|"]
    for path in notebooks:
        graded = [
            cell.metadata["nbgrader"]
            for cell in nbformat.read(path, as_version=4).cells
            if cell.metadata.get("nbgrader", {}).get("grade")
        ]
        cells = ", ".join(f"`{meta['grade_id']}`: {meta['points']:g}" for meta in graded)
        rows.append(f"| {Path(path).stem} | {cells} | {sum(meta['points'] for meta in graded):g} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(points_table())
