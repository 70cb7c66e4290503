"""nbgrader add-ons for running the notebooks as a course (docs/INSTRUCTOR_GUIDE.md).

- ``StripHiddenTests``: a ``GenerateFeedback`` preprocessor; the feedback students
  get back then shows neither the hidden tests' code nor tracebacks that quote it,
  only their scores and failure messages (nbgrader shows it all by design,
  jupyter/nbgrader#917).
- ``LatePenaltyPerDay``: a late-submission policy, points off per day late.
- ``points_table``: the guide's table of graded cells and points, read from the
  notebooks' nbgrader metadata. ``python -m helpers.coursework`` prints it for
  the notebooks in notebooks/.

The instructor's nbgrader_config.py imports the first two (see the guide);
tests/test_exchange.py runs them in a whole nbgrader course cycle.
"""

import math
from pathlib import Path

import nbformat
from nbgrader.plugins import LateSubmissionPlugin
from nbgrader.preprocessors import ClearHiddenTests
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
