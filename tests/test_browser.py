"""Every notebook works in a real JupyterLab, driven in a real browser as a learner would use it.

Reads execution A (tests/executions.py): JupyterLab (the pinned version in this
environment) served on localhost with a token, a random free port and fresh
workspace and settings folders; headless Chromium (Debian's, ``/usr/bin/chromium``,
or ``$CHROMIUM``) driven by Playwright with a fresh profile. For each notebook in
notebooks/ (a copy in a temporary folder, so nothing is saved into the repository):
Run ▸ Run All Cells, wait until every code cell has an execution count or the run
stopped and the kernel is idle, save the executed notebook (the other checks read
it), then check

- no output shows a Python traceback. JupyterLab renders errors and harmless
  stderr text (warnings) with the same element and MIME type
  (``application/vnd.jupyter.stderr``), so tracebacks are told apart by their text;
- every code cell is numbered (JupyterLab stops a run-all at the first error);
- every widget rendered (no "Loading widget..." or "Error displaying widget"
  left) and there is at least one slider;
- for every interactive widget: pressing ArrowRight on its first slider changes
  the slider's value and the figure the widget draws (its image changes);
- a screenshot of the first widget after the move is saved to
  ``$BROWSER_SCREENSHOT_DIR`` (default tests/artifacts/browser/, git-ignored).

Chromium is a system package: .ci/run installs it with apt-get when it is
missing. Without it these tests fail and say so; with
NEUROPLASTICITY_SKIP_BROWSER=1 they are skipped and the notebooks are run by
nbclient instead. Playwright's own browser downloads are never used.
"""

import re

import pytest
from executions import NOTEBOOKS, SKIP_BROWSER

pytestmark = pytest.mark.skipif(SKIP_BROWSER, reason="NEUROPLASTICITY_SKIP_BROWSER=1: no browser on purpose")
parametrize = pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|Cell In\[\d+\], line \d+")


def shorten(text, head=600, tail=900):
    """The start and the end (where the exception is named) of a long traceback."""
    return text if len(text) <= head + tail else f"{text[:head]}\n[...]\n{text[-tail:]}"


@parametrize
def test_run_all_in_jupyterlab_shows_no_traceback(reference, notebook):
    seen = reference["browser"]
    state, expected = seen["state"], seen["expected_cells"]
    tracebacks = [shorten(text) for text in state["stderr"] if TRACEBACK.search(text)]
    assert not tracebacks, "cells show errors:\n" + "\n\n".join(tracebacks)
    numbered = [p for p in state["prompts"] if re.fullmatch(r"\[\d+\]:", p.strip())]
    assert len(state["prompts"]) == expected, "not every code cell is on the page"
    assert len(numbered) == expected, (
        f"only {len(numbered)} of {expected} code cells ran: {state['prompts']}; stderr "
        f"outputs: {[shorten(text) for text in state['stderr']]}"
    )


@parametrize
def test_widgets_render_and_their_sliders_redraw_the_figure(reference, notebook):
    seen = reference["browser"]
    assert not seen["widget_problems"], "\n".join(seen["widget_problems"])
    assert seen["moves"], "no slider was moved"
