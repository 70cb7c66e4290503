"""Every notebook works in a real JupyterLab, driven in a real browser as a learner would use it.

JupyterLab (the pinned version in this environment) is served on localhost with
a token, a random free port and fresh workspace and settings folders; headless
Chromium (Debian's, ``/usr/bin/chromium``, or ``$CHROMIUM``) is driven by
Playwright with a fresh profile. For each notebook in notebooks/ (copied to a
temporary folder first, so nothing is saved into the repository):

- open it, Run ▸ Run All Cells, wait until every code cell has an execution
  count (JupyterLab stops a run-all at the first error, so this alone shows that
  no cell failed) and the kernel is idle;
- no output shows a Python traceback. JupyterLab renders errors and harmless
  stderr text (warnings) with the same element and MIME type
  (``application/vnd.jupyter.stderr``), so tracebacks are told apart by their text;
- every widget rendered (no "Loading widget..." or "Error displaying widget"
  left) and there is at least one slider;
- for every interactive widget: pressing ArrowRight on its first slider changes
  the slider's value and the figure the widget draws (its image changes);
- a screenshot of the first widget after the move is saved to
  ``$BROWSER_SCREENSHOT_DIR`` (default tests/artifacts/browser/, git-ignored).

Chromium is a system package: .ci/run installs it with apt-get when it is
missing. Without it this test fails and says so; set
NEUROPLASTICITY_SKIP_BROWSER=1 to skip it on purpose (it is then reported as
skipped). Playwright's own browser downloads are never used.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from notebook_runner import NOTEBOOKS  # noqa: E402  (the numbered notebooks in notebooks/)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOT_DIR", ROOT / "tests" / "artifacts" / "browser"))
RUN_ALL_TIMEOUT_S = 900      # a cold compile cache: Brian2 compiles every model on first use
SLIDER_TIMEOUT_S = 60
# Settings a fresh JupyterLab would otherwise use: no news pop-up (and no request
# for it), no autosave (the copies are thrown away anyway).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# Prompts of the open notebook's code cells, and the text of its stderr outputs.
CELLS_JS = """() => {
  const panel = document.querySelector('%s');
  if (!panel) return null;
  const cells = Array.from(panel.querySelectorAll('.jp-CodeCell'));
  return {
    prompts: cells.map(c => (c.querySelector('.jp-InputArea-prompt') || {}).textContent || ''),
    stderr: Array.from(panel.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')).map(o => o.textContent),
    text: panel.textContent,
    status: (panel.querySelector('.jp-Notebook-ExecutionIndicator') || {dataset: {}}).dataset.status,
  };
}""" % ACTIVE
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|Cell In\[\d+\], line \d+")


def shorten(text, head=600, tail=900):
    """The start and the end (where the exception is named) of a long traceback."""
    return text if len(text) <= head + tail else f"{text[:head]}\n[...]\n{text[-tail:]}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium_or_fail():
    if os.environ.get("NEUROPLASTICITY_SKIP_BROWSER") == "1":
        pytest.skip("NEUROPLASTICITY_SKIP_BROWSER=1: the browser test was skipped on purpose")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM}. Install it (Debian/Ubuntu: "
                    "`apt-get install -y chromium`; .ci/run does this), point $CHROMIUM at a "
                    "Chromium or Chrome binary, or set NEUROPLASTICITY_SKIP_BROWSER=1 to skip.",
                    pytrace=False)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free localhost port serving copies of the notebooks."""
    chromium_or_fail()
    base = tmp_path_factory.mktemp("lab")
    served = base / "root" / "notebooks"
    served.mkdir(parents=True)
    for notebook in NOTEBOOKS:
        shutil.copy2(notebook, served / notebook.name)
    settings = base / "settings"
    for name, values in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values))
    port, token = free_port(), os.urandom(16).hex()
    command = [sys.executable, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               "--ServerApp.open_browser=False", f"--ServerApp.root_dir={base / 'root'}",
               f"--LabApp.workspaces_dir={base / 'workspaces'}", f"--LabApp.user_settings_dir={settings}"]
    if os.geteuid() == 0:
        command.append("--allow-root")  # JupyterLab refuses root without it (CI runs as root)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(base / "runtime"))
    log = base / "jupyterlab.log"
    with open(log, "w") as log_file:
        server = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}", pytrace=False)
                time.sleep(0.5)
        yield {"url": url, "token": token, "log": log}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def browser(lab, tmp_path_factory):
    """Headless Chromium with a fresh profile, driven by Playwright."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM,
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        try:
            yield context
        finally:
            context.close()


def shut_down_kernels(lab):
    """Stop the kernels the notebooks started (JupyterLab keeps them after a tab closes)."""
    with urllib.request.urlopen(f"{lab['url']}/api/kernels?token={lab['token']}") as response:
        kernels = json.load(response)
    for kernel in kernels:
        request = urllib.request.Request(f"{lab['url']}/api/kernels/{kernel['id']}?token={lab['token']}",
                                         method="DELETE")
        urllib.request.urlopen(request).close()


def run_all(page, expected_cells):
    """Run ▸ Run All Cells, then wait until every code cell is numbered, or the run stopped."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.click("[data-command='runmenu:run-all']")
    deadline, last, stable = time.monotonic() + RUN_ALL_TIMEOUT_S, None, 0
    while time.monotonic() < deadline:
        time.sleep(1)
        state = page.evaluate(CELLS_JS)
        numbered = [p for p in state["prompts"] if re.fullmatch(r"\[\d+\]:", p.strip())]
        if len(numbered) == expected_cells and state["status"] == "idle":
            return state
        # a run-all that stopped at an error: idle, nothing queued, for 3 s in a row
        waiting = any("*" in p for p in state["prompts"])
        stable = stable + 1 if (state["status"] == "idle" and not waiting and state["prompts"] == last) else 0
        if stable >= 3:
            return state
        last = state["prompts"]
    raise AssertionError(f"Run All Cells did not finish within {RUN_ALL_TIMEOUT_S} s")


def move_slider(page, widget):
    """Press ArrowRight on ``widget``'s first slider; returns (old value, new value, seconds to new figure)."""
    widget.scroll_into_view_if_needed()
    figure = widget.locator(".widget-output img").first
    figure.wait_for(timeout=SLIDER_TIMEOUT_S * 1000)
    before, value_before = figure.get_attribute("src"), widget.locator(".widget-readout").first.inner_text()
    widget.locator(".noUi-handle").first.focus()
    start = time.monotonic()
    page.keyboard.press("ArrowRight")
    while time.monotonic() - start < SLIDER_TIMEOUT_S:
        after = widget.locator(".widget-output img").first.get_attribute("src") \
            if widget.locator(".widget-output img").count() else None
        if after and after != before:
            return value_before, widget.locator(".widget-readout").first.inner_text(), time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"the figure did not change within {SLIDER_TIMEOUT_S} s of moving the slider "
                         f"(value {value_before})")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_its_sliders_redraw_in_jupyterlab(lab, browser, notebook):
    expected_cells = sum(1 for c in nbformat.read(notebook, as_version=4).cells
                         if c.cell_type == "code" and c.source.strip())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page()
    try:
        # ?reset: start from an empty workspace, with only this notebook open
        page.goto(f"{lab['url']}/lab/tree/notebooks/{notebook.name}?reset&token={lab['token']}")
        page.wait_for_selector(f"{ACTIVE} .jp-Notebook-ExecutionIndicator[data-status='idle']",
                               timeout=120_000)
        start = time.monotonic()
        state = run_all(page, expected_cells)
        seconds = time.monotonic() - start
        numbered = [p for p in state["prompts"] if re.fullmatch(r"\[\d+\]:", p.strip())]
        tracebacks = [shorten(text) for text in state["stderr"] if TRACEBACK.search(text)]
        assert not tracebacks, "cells show errors:\n" + "\n\n".join(tracebacks)
        assert len(state["prompts"]) == expected_cells, "not every code cell is on the page"
        assert len(numbered) == expected_cells, \
            (f"only {len(numbered)} of {expected_cells} code cells ran: {state['prompts']}; stderr "
             f"outputs: {[shorten(text) for text in state['stderr']]}")

        panel = page.locator(ACTIVE)
        for unrendered in ("Loading widget", "Error displaying widget"):
            assert unrendered not in state["text"], f"a widget did not render: '{unrendered}' on the page"
        sliders = panel.locator(".widget-slider").count()
        assert sliders >= 1, "no slider on the page (every notebook has a live_plot widget)"
        widgets = panel.locator(".widget-interact")
        assert widgets.count() >= 1, "no interactive widget on the page"
        moves = []
        for k in range(widgets.count()):
            old, new, redraw_s = move_slider(page, widgets.nth(k))
            assert new != old, f"widget {k}: the slider did not move ({old})"
            moves.append(f"{old} -> {new} redrawn in {redraw_s:.2f} s")
            if k == 0:
                page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"))
        print(f"\n{notebook.stem}: run all {seconds:.1f} s, {expected_cells} code cells, {sliders} sliders,"
              f" {len(state['stderr'])} stderr outputs without traceback; sliders: {'; '.join(moves)}")
    except Exception:
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}-failed.png"))
        raise
    finally:
        page.close()
        shut_down_kernels(lab)
