"""The two executions of every notebook that the notebook tests read.

A, the reference (instructor) notebook: run once in a real JupyterLab in
headless Chromium (Run All, then the widgets' sliders are moved and the
executed notebook is saved from JupyterLab), or, with
NEUROPLASTICITY_SKIP_BROWSER=1, once with ``tools/notebook_runner.execute``.
B, the student version with every solution region answered wrongly (and every
answer in words given a wrong written answer, which nbgrader leaves to the
grader): autograded once by nbgrader's autograder.

Both run their kernels with HOME set to one fresh folder per test session and
NEUROPLASTICITY_CACHE empty, so Brian2 compiles into ``$HOME/.cache/neuroplasticity``
as on Binder and on a fresh CI machine (tests/test_binder.py reads this).
``LOG`` records every execution; conftest.py prints it and fails the session
when a notebook ran more than ``MAX_EXECUTIONS`` times.

At the end of A, in A's kernel (no extra execution of the notebook), every typical wrong
answer of tests/wrong_answers.py is run against its exercise's test cell, hidden tests
included (``wrong_answer_probe``); the outcomes are kept in A's result as ``wrong_answers``.
"""

import ast
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_student_versions as coursework  # noqa: E402
from nbclient_workaround import prompt_replies  # noqa: E402
from notebook_runner import NOTEBOOKS, execute  # noqa: E402

from helpers.simulation import compiled_files  # noqa: E402

MAX_EXECUTIONS = 2
LOG = []  # (notebook stem, what ran, seconds)
SKIP_BROWSER = os.environ.get("NEUROPLASTICITY_SKIP_BROWSER") == "1"
SOLUTION = ("BEGIN SOLUTION", "END SOLUTION")


def record(notebook, what, seconds):
    LOG.append((Path(notebook).stem, what, seconds))
    print(f"\n{Path(notebook).stem}: {what} in {seconds:.1f} s")


def kernel_env(home):
    """Kernel environment entries: the session's HOME, the default cache location under it."""
    return {"HOME": str(home), "NEUROPLASTICITY_CACHE": "", "NEUROPLASTICITY_SHARED_CACHE": ""}


@contextlib.contextmanager
def kernels_in(home):
    """Kernels started in this block (nbgrader starts them from os.environ) use ``kernel_env(home)``."""
    saved = {name: os.environ.get(name) for name in ("HOME", "NEUROPLASTICITY_CACHE", "NEUROPLASTICITY_SHARED_CACHE")}
    os.environ.update(kernel_env(home))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def nbgrader_meta(cell):
    return cell.metadata.get("nbgrader", {})


def is_solution(cell):
    return bool(nbgrader_meta(cell).get("solution"))


def is_test(cell):
    """An autograder test cell: graded, not itself an answer."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution")


def describe(index, cell):
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    return f"cell {index} ({nbgrader_meta(cell).get('grade_id', 'no nbgrader id')}): {first[:70]!r}"


def error_of(cell):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return f"{output.get('ename')}: {output.get('evalue')}"
    return None


# ------------------------------------------------------------ execution A, nbclient


# A cell appended around the second pass: lists the compiled files in the kernel's cache.
COMPILED_LIST = """# --- compiled files (the test suite's probe) ---
import json as _json
from helpers.simulation import compiled_files as _compiled_files
print("COMPILED" + _json.dumps(_compiled_files()))"""


# A cell run in A's kernel after everything else: each typical wrong answer, then its test cell.
WRONG_MARK = "WRONGANSWERS"
WRONG_PROBE = """# --- typical wrong answers (the test suite's probe; see tests/wrong_answers.py) ---
def _try_wrong_answers(cases):
    import contextlib, io, json, time
    results = []
    for grade_id, test_source, entries in json.loads(cases):
        for description, code in entries:
            ns, out, start = dict(globals()), io.StringIO(), time.perf_counter()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                try:
                    exec(code, ns)
                except Exception as error:
                    outcome, message = "broken", f"{type(error).__name__}: {error}"
                else:
                    try:
                        exec(test_source, ns)
                        outcome, message = "passed", out.getvalue()[-600:]
                    except Exception as error:
                        outcome, message = "failed", f"{type(error).__name__}: {error}"
            results.append({"grade_id": grade_id, "description": description, "outcome": outcome,
                            "message": message, "seconds": round(time.perf_counter() - start, 2)})
    return results
print("@MARK@" + __import__("json").dumps(_try_wrong_answers(@CASES@)))
del _try_wrong_answers"""


def wrong_answer_probe(notebook):
    """The code that checks ``notebook``'s typical wrong answers in its kernel, or None if it has none.

    Each entry of tests/wrong_answers.py runs in a copy of the kernel's globals, followed by the
    full source (hidden tests included) of its test cell as the reference notebook has it.
    """
    from wrong_answers import WRONG_ANSWERS

    registered = WRONG_ANSWERS.get(Path(notebook).stem)
    if not registered:
        return None
    tests = {
        nbgrader_meta(c).get("grade_id"): c.source for c in nbformat.read(notebook, as_version=4).cells if is_test(c)
    }
    cases = [
        [gid, tests[gid], [list(entry) for entry in entries]] for gid, entries in registered.items() if gid in tests
    ]  # unknown ids: test_coursework says so
    return WRONG_PROBE.replace("@MARK@", WRONG_MARK).replace("@CASES@", repr(json.dumps(cases)))


def probe_failure(message):
    """The outcome list of a probe that did not run: one 'broken' entry that says why."""
    return [
        {
            "grade_id": "(the probe)",
            "description": "trying the typical wrong answers",
            "outcome": "broken",
            "message": message,
            "seconds": 0,
        }
    ]


def wrong_answer_outcomes(text):
    """The outcomes the probe printed (a list of dicts), read from the text of its output."""
    if WRONG_MARK not in text:
        return probe_failure(f"the probe printed no result: {text[-2000:]}")
    return json.loads(text.split(WRONG_MARK, 1)[1].strip().splitlines()[0])


def run_with_nbclient(notebook, home):
    """Execution A without a browser: every cell runs, errors stay in the outputs; then every
    code cell runs a second time in the same kernel (appended copies of the cells); then the
    typical wrong answers are tried (``wrong_answer_probe``)."""
    original = nbformat.read(notebook, as_version=4)
    sources = [c.source for c in original.cells if c.cell_type == "code"]
    probe = wrong_answer_probe(notebook)
    executed, seconds = execute(
        notebook,
        env=kernel_env(home),
        allow_errors=True,
        extra_code=[COMPILED_LIST] + sources + [COMPILED_LIST] + ([probe] if probe else []),
    )
    record(notebook, "reference and every cell again, run by nbclient", seconds)
    n, end = len(original.cells), len(executed.cells) - (1 if probe else 0)
    probes = [
        json.loads(c.outputs[0]["text"].split("COMPILED", 1)[1]) if c.outputs else {}
        for c in (executed.cells[n], executed.cells[end - 1])
    ]
    first = nbformat.from_dict(executed)
    first.cells = executed.cells[:n]
    code_again = iter(executed.cells[n + 1 : end - 1])
    again = nbformat.from_dict(executed)
    again.cells = [next(code_again) if c.cell_type == "code" else c for c in original.cells]
    wrong = None
    if probe:
        probe_cell = executed.cells[-1]
        wrong = wrong_answer_outcomes(
            "".join(o.get("text", "") for o in probe_cell.outputs) + (error_of(probe_cell) or "")
        )
    return {
        "notebook": first,
        "seconds": seconds,
        "browser": None,
        "error": None,
        "again": {"notebook": again, "seconds": None, "compiled_before": probes[0], "compiled_after": probes[1]},
        "wrong_answers": wrong,
    }


# ------------------------------------------------------------ execution A, JupyterLab

from check_site import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one Chromium setup for the notebooks and the site)

SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOT_DIR", ROOT / "tests" / "artifacts" / "browser"))
RUN_ALL_TIMEOUT_S = 900  # a cold compile cache: Brian2 compiles every model on first use
SLIDER_TIMEOUT_S = 60
# Settings a fresh JupyterLab would otherwise use: no news pop-up (and no request for it),
# no autosave (the notebook is saved once, on purpose, after Run All).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # save the widgets' state with the notebook, as nbclient does: the rendered site shows each
    # slider's first figure from it (tools/build_site.py)
    "@jupyter-widgets/jupyterlab-manager/plugin.jupyterlab-settings": {"saveState": True},
}
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# Prompts of the open notebook's code cells, and the text of its stderr outputs.
CELLS_JS = (
    """() => {
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
}"""
    % ACTIVE
)


def chromium_missing():
    """Why Chromium cannot be used, or None."""
    if os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK):
        return None
    return (
        f"Chromium not found at {CHROMIUM}. Install it (Debian/Ubuntu: `apt-get install -y chromium`; "
        ".ci/run does this), point $CHROMIUM at a Chromium or Chrome binary, or set "
        "NEUROPLASTICITY_SKIP_BROWSER=1 to run the notebooks without a browser."
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(base, home):
    """A JupyterLab server on a free localhost port, serving ``base/root``; kernels get ``home``."""
    settings = base / "settings"
    for name, values in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values))
    port, token = free_port(), os.urandom(16).hex()
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
        f"--ServerApp.root_dir={base / 'root'}",
        f"--LabApp.workspaces_dir={base / 'workspaces'}",
        f"--LabApp.user_settings_dir={settings}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")  # JupyterLab refuses root without it (CI runs as root)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(base / "runtime"), **kernel_env(home))
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
                    raise RuntimeError(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.5)
        yield {"url": url, "token": token, "root": base / "root", "home": home, "runtime": base / "runtime"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@contextlib.contextmanager
def chromium(profile):
    """Headless Chromium with a fresh profile, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def shut_down_kernels(lab):
    """Stop the kernels the notebooks started (JupyterLab keeps them after a tab closes)."""
    with urllib.request.urlopen(f"{lab['url']}/api/kernels?token={lab['token']}") as response:
        kernels = json.load(response)
    for kernel in kernels:
        request = urllib.request.Request(
            f"{lab['url']}/api/kernels/{kernel['id']}?token={lab['token']}", method="DELETE"
        )
        urllib.request.urlopen(request).close()


def click_run_all(page):
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.click("[data-command='runmenu:run-all']")
    return time.monotonic()


def run_all(page, expected_cells):
    """Run ▸ Run All Cells, then wait until every code cell is numbered, or the run stopped.

    A run-all sent while a fresh kernel is still starting can be dropped (seen once on
    the first notebook of a session): if no cell has started after 20 s, it is sent again.
    """
    clicked, clicks = click_run_all(page), 1
    deadline, last, stable = time.monotonic() + RUN_ALL_TIMEOUT_S, None, 0
    while time.monotonic() < deadline:
        time.sleep(1)
        state = page.evaluate(CELLS_JS)
        if all(p.strip() in ("", "[ ]:") for p in state["prompts"]):
            if time.monotonic() - clicked > 20 and clicks < 3:
                clicked, clicks = click_run_all(page), clicks + 1
            continue
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


def save(page, path):
    """File ▸ Save Notebook, then wait until the file on disk changed; returns it as read."""
    before = path.stat().st_mtime_ns
    page.get_by_role("menuitem", name="File", exact=True).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Save Notebook$")).click()
    deadline = time.monotonic() + 60
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise AssertionError("JupyterLab did not save the notebook within 60 s")
        time.sleep(0.2)
    return nbformat.read(path, as_version=4)  # the server writes to a temporary file, then renames it


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
        after = (
            widget.locator(".widget-output img").first.get_attribute("src")
            if widget.locator(".widget-output img").count()
            else None
        )
        if after and after != before:
            return value_before, widget.locator(".widget-readout").first.inner_text(), time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(
        f"the figure did not change within {SLIDER_TIMEOUT_S} s of moving the slider (value {value_before})"
    )


def check_widgets(page, notebook):
    """Every widget rendered, there is a slider, and each interactive widget redraws when its slider moves.

    Returns a list of problems (empty when all is well) and a list of slider moves.
    """
    state, panel = page.evaluate(CELLS_JS), page.locator(ACTIVE)
    problems = [
        f"a widget did not render: '{text}' on the page"
        for text in ("Loading widget", "Error displaying widget")
        if text in state["text"]
    ]
    if panel.locator(".widget-slider").count() < 1:
        problems.append("no slider on the page (every notebook has a live_plot widget)")
    widgets = panel.locator(".widget-interact")
    if widgets.count() < 1:
        problems.append("no interactive widget on the page")
    moves = []
    for k in range(widgets.count()):
        try:
            old, new, redraw_s = move_slider(page, widgets.nth(k))
        except Exception as error:  # a timeout: report it with the other problems
            problems.append(f"widget {k}: {error}")
            continue
        if new == old:
            problems.append(f"widget {k}: the slider did not move ({old})")
        moves.append(f"{old} -> {new} redrawn in {redraw_s:.2f} s")
        if k == 0:
            page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"))
    return problems, moves


def run_in_lab_kernel(lab, notebook, code, timeout=900):
    """Run ``code`` in the kernel JupyterLab started for ``notebook``; returns what it printed.

    Connects to the kernel through its connection file (the server writes it to its runtime
    folder), as a second client: the notebook's page is not touched and sees none of it.
    """
    from jupyter_client import BlockingKernelClient

    with urllib.request.urlopen(f"{lab['url']}/api/sessions?token={lab['token']}") as response:
        sessions = json.load(response)
    kernel_id = next(s["kernel"]["id"] for s in sessions if s["path"].endswith(Path(notebook).name))
    client = BlockingKernelClient(connection_file=str(lab["runtime"] / f"kernel-{kernel_id}.json"))
    client.load_connection_file()
    client.start_channels()
    printed = []

    def keep(message):
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            printed.append("\n".join(message["content"]["traceback"]))

    try:
        client.wait_for_ready(timeout=60)
        client.execute_interactive(code, timeout=timeout, output_hook=keep, store_history=False, allow_stdin=False)
    finally:
        client.stop_channels()
    return "".join(printed)


def choose_the_collections_kernel_if_asked(page, wait_ms=3000):
    """If JupyterLab asks which kernel to start, answer with the notebook's own (the collection's)."""
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    try:
        dialog.wait_for(timeout=wait_ms)
    except Exception:
        return  # not asked: the usual case
    dialog.locator("select").select_option(label="Python 3 (neuroplasticity)")
    dialog.get_by_role("button", name="Select").click()


def run_in_jupyterlab(lab, browser, notebook):
    """Execution A in the browser: open a copy, Run All, save it, move the sliders; returns what was seen."""
    served = lab["root"] / "notebooks" / notebook.name
    served.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(notebook, served)
    expected_cells = sum(
        1 for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code" and c.source.strip()
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    result = {"notebook": None, "seconds": None, "browser": None, "error": None, "wrong_answers": None}
    page = browser.new_page()
    try:
        # ?reset: start from an empty workspace. The launcher first: once it lists the collection's
        # kernel, JupyterLab knows the kernel specs, so opening the notebook cannot race them (in a
        # fresh environment under load, the first notebook once met a "Select Kernel" dialog).
        page.goto(f"{lab['url']}/lab?reset&token={lab['token']}")
        page.get_by_text("Python 3 (neuroplasticity)").first.wait_for(timeout=120_000)
        page.goto(f"{lab['url']}/lab/tree/notebooks/{notebook.name}?reset&token={lab['token']}")
        choose_the_collections_kernel_if_asked(page)
        page.wait_for_selector(f"{ACTIVE} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        start = time.monotonic()
        state = run_all(page, expected_cells)
        result["seconds"] = time.monotonic() - start
        record(notebook, "reference, Run All in JupyterLab", result["seconds"])
        result["notebook"] = save(page, served)
        problems, moves = check_widgets(page, notebook)
        result["browser"] = {
            "state": state,
            "expected_cells": expected_cells,
            "widget_problems": problems,
            "moves": moves,
        }
        print(f"{notebook.stem}: sliders: {'; '.join(moves)}")
        # the same kernel again: Edit > Clear Outputs of All Cells, Run All, save
        compiled_before = compiled_files(lab["home"])
        page.get_by_role("menuitem", name="Edit", exact=True).click()
        page.click("[data-command='editmenu:clear-all']")
        start = time.monotonic()
        again_state = run_all(page, expected_cells)
        again_seconds = time.monotonic() - start
        result["again"] = {
            "notebook": save(page, served),
            "seconds": again_seconds,
            "state": again_state,
            "compiled_before": compiled_before,
            "compiled_after": compiled_files(lab["home"]),
        }
        print(f"{notebook.stem}: every cell again in the same kernel: {again_seconds:.1f} s")
        probe = wrong_answer_probe(notebook)
        if probe:  # the typical wrong answers, in this kernel (not an execution of the notebook)
            start = time.monotonic()
            try:
                result["wrong_answers"] = wrong_answer_outcomes(run_in_lab_kernel(lab, notebook, probe))
            except Exception as error:  # reported by the wrong-answer test, not as a failed reference run
                result["wrong_answers"] = probe_failure(f"{type(error).__name__}: {error}")
            print(
                f"{notebook.stem}: {len(result['wrong_answers'])} typical wrong answers tried in "
                f"{time.monotonic() - start:.1f} s"
            )
    except Exception as error:
        result["error"] = f"{type(error).__name__}: {error}"
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}-failed.png"))
    finally:
        page.close()
        shut_down_kernels(lab)
    return result


def run_references(base, home, notebooks=NOTEBOOKS):
    """Execution A of ``notebooks``: {notebook path: result}, in JupyterLab unless SKIP_BROWSER.

    ``notebooks`` are the ones the session's selected tests ask for (``pytest -k 07_`` runs one),
    so JupyterLab and Chromium start only when a selected test needs a reference run.
    """
    if SKIP_BROWSER:
        return {notebook: run_with_nbclient(notebook, home) for notebook in notebooks}
    (base / "root").mkdir(parents=True)
    with jupyterlab(base, home) as lab, chromium(base / "chromium-profile") as browser:
        return {notebook: run_in_jupyterlab(lab, browser, notebook) for notebook in notebooks}


# ------------------------------------------------------------ execution B, nbgrader


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
            inside, indent = [], line[: len(line) - len(line.lstrip())]
        elif SOLUTION[1] in line and inside is not None:
            out.extend(indent + wrong for wrong in wrong_answer(inside))
            inside = None
        elif inside is not None:
            inside.append(line)
        else:
            out.append(line)
    return "\n".join(out)


# What execution B writes into an answer in words (a conceptual question graded by hand).
WRONG_WORDS = "Because the neuron is excited, and plasticity makes it more excited."


def nbgrader_api(course_dir):
    """nbgrader's own API (what ``nbgrader autograde`` and the formgrader run), configured
    by the course's nbgrader_config.py; in this process, so that the nbclient workaround applies."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course_dir)).load_config()
    config.CourseDirectory.root = str(course_dir)
    return NbGraderAPI(config=config)


def autograde_wrong_answers(course, notebook, home):
    """Execution B: the student version with each solution region answered wrongly, autograded.

    Code answers become ``with_wrong_answers``; answers in words become ``WRONG_WORDS``.

    Returns {"score", "max_score", "grades": {grade_id: Grade dict}, "notebook": the
    autograded notebook with its outputs, "compiled_before"/"compiled_after": compiled
    files under ``home`` around the run}.
    """
    from nbgrader.api import Gradebook

    name = coursework.assignment_name(notebook)
    student = nbformat.read(course["released"][name] / notebook.name, as_version=4)
    answers = {
        nbgrader_meta(c).get("grade_id"): c for c in nbformat.read(notebook, as_version=4).cells if is_solution(c)
    }
    for cell in student.cells:
        if is_solution(cell) and cell.cell_type == "code":
            cell.source = with_wrong_answers(answers[nbgrader_meta(cell)["grade_id"]].source)
        elif is_solution(cell):  # an answer in words, which nbgrader must leave to the grader
            cell.source = WRONG_WORDS
    submitted = course["dir"] / "submitted" / "wrong" / name
    submitted.mkdir(parents=True, exist_ok=True)
    nbformat.write(student, submitted / notebook.name)

    compiled_before = compiled_files(home)
    start = time.perf_counter()
    with prompt_replies(), kernels_in(home):  # see tools/nbclient_workaround.py
        outcome = nbgrader_api(course["dir"]).autograde(name, "wrong", force=True, create=True)
    seconds = time.perf_counter() - start
    record(notebook, "wrong answers, nbgrader autograde", seconds)
    if not outcome["success"]:
        raise AssertionError(f"nbgrader autograde {name} failed:\n{outcome.get('error')}\n{outcome.get('log')}")
    with Gradebook(f"sqlite:///{course['dir'] / 'gradebook.db'}", coursework.COURSE_ID) as gradebook:
        submission = gradebook.find_submission_notebook(notebook.stem, name, "wrong")
        result = {
            "score": submission.score,
            "max_score": submission.max_score,
            "grades": {g.name: g.to_dict() for g in submission.grades},
        }
    result["notebook"] = nbformat.read(course["dir"] / "autograded" / "wrong" / name / notebook.name, as_version=4)
    result["compiled_before"], result["compiled_after"] = compiled_before, compiled_files(home)
    return result
