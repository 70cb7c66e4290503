"""Build the rendered site of the collection: every notebook executed, as HTML.

    python tools/build_site.py                 # execute every notebook, then build the student site
    python tools/build_site.py --executed DIR  # use already executed copies (DIR/<name>.ipynb)
    python tools/build_site.py --instructor    # the instructor site: solutions, hidden tests, rubrics

Two sites from one source. The student site (the default, the one to publish, in
``site/_build/html``) shows each notebook as nbgrader's student version shows it:
solution regions replaced by nbgrader's stub, hidden tests removed, written reference
answers and their rubrics replaced by a note, and no output of an exercise cell (a
printed answer would give it away); "(think)" answers stay folded, as in the
notebooks. The instructor site (``site/_build/instructor/html``, for a course's
staff, not to publish) shows the reference notebooks whole.

Steps: (1) execute each notebook in ``notebooks/`` in its own kernel (the compile
cache is reused, so a warm build takes about as long as running them), or take
executed copies; (2) turn each slider widget into what it showed first: its
controls' starting values and its figure, with a note that it is live in JupyterLab
or Binder; (3) run Sphinx with MyST-NB (no execution there) on ``site/`` into
``site/_build/html``. Everything it needs is installed from requirements.txt;
nothing is fetched from the network (MathJax is served from a local copy).
New notebooks appear on the site without edits: the landing page lists every
``notebooks/NN_*.ipynb`` by its title and question.
"""

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
BUILD = SITE / "_build"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WRITTEN_ANSWER_NOTE = (
    "*Your answer goes here, in your own copy of the notebook (graded by hand in a course; "
    "in the self-study route, compare it with the reference notebook).*"
)
STUDENT_NOTE = (
    "The exercises appear as a student gets them: to do, with their checks, and without solutions or reference answers."
)
INSTRUCTOR_NOTE = (
    "**Instructor edition:** every solution, hidden test, reference answer and rubric is shown. "
    "Keep it to the course's staff; publish the student edition."
)
LIVE_NOTE = (
    "*Interactive in JupyterLab or on Binder (the launch button at the top of the page): "
    "move a control and the model re-runs. Shown here as it starts:* "
)


def notebook_paths():
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def widget_state(notebook):
    return notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def frozen_widget(model_id, state):
    """(control descriptions, outputs) of a widget and its children, as it was saved."""
    model = state.get(model_id, {})
    fields = model.get("state", {})
    if model.get("model_name") == "OutputModel":
        return [], list(fields.get("outputs", []))
    controls, outputs = [], []
    if "description" in fields and "value" in fields:
        controls.append(f"{fields['description']} = {fields['value']}")
    for child in fields.get("children", []):
        child_controls, child_outputs = frozen_widget(str(child).replace("IPY_MODEL_", ""), state)
        controls += child_controls
        outputs += child_outputs
    return controls, outputs


def freeze_widgets(notebook):
    """Replace every widget output by its controls' starting values and the outputs it showed."""
    state = widget_state(notebook)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        new_outputs = []
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                new_outputs.append(output)
                continue
            controls, shown = frozen_widget(view["model_id"], state)
            note = LIVE_NOTE + (", ".join(controls) if controls else "")
            new_outputs.append(nbformat.v4.new_output("display_data", data={"text/markdown": note}))
            new_outputs += [nbformat.from_dict(o) for o in shown]
        cell.outputs = new_outputs
    notebook.metadata.pop("widgets", None)
    return notebook


def is_exercise_cell(cell):
    """An nbgrader solution cell (code or written answer) or an autograded test cell."""
    grading = cell.get("metadata", {}).get("nbgrader", {})
    return bool(grading.get("solution") or grading.get("grade"))


def student_version(notebook, written_answer=WRITTEN_ANSWER_NOTE):
    """``notebook`` as nbgrader's student version has it, outputs kept except the exercises'.

    nbgrader's own preprocessors do the work (the same ones ``generate_assignment``
    runs): each solution region becomes ``raise NotImplementedError()``, each hidden
    test region is removed, and a written answer (a markdown solution cell, the
    reference answer and its rubric) becomes ``written_answer``. Exercise cells lose
    their outputs: a solution cell's printout is its answer.
    """
    notebook = nbformat.from_dict(notebook)
    resources = {}
    notebook, resources = ClearSolutions(text_stub=written_answer).preprocess(notebook, resources)
    notebook, resources = ClearHiddenTests().preprocess(notebook, resources)
    for cell in notebook.cells:
        if cell.cell_type == "code" and is_exercise_cell(cell):
            cell.outputs = []
            cell.execution_count = None
    return notebook


def title_and_question(notebook):
    """The notebook's '# NN · Title' heading and its '**The question:**' line."""
    first = notebook.cells[0].source
    title = re.search(r"^#\s+(.+)$", first, flags=re.M)
    question = re.search(r"\*\*The question:\*\*\s*(.+)", first)
    return (title.group(1).strip() if title else "Untitled"), (question.group(1).strip() if question else "")


def write_sources(executed, folder=BUILD, instructor=False):
    """Copy site/ and the executed, frozen notebooks into ``folder``/source; write the map.

    Without ``instructor`` each notebook is first turned into its student version."""
    source = folder / "source"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(SITE, source, ignore=shutil.ignore_patterns("_build"))
    (source / "notebooks").mkdir()
    (source / "site_kind.txt").write_text("instructor" if instructor else "student", encoding="utf-8")
    rows = []
    for path, notebook in executed:
        page = freeze_widgets(notebook if instructor else student_version(notebook))
        nbformat.write(page, source / "notebooks" / path.name)
        title, question = title_and_question(notebook)
        rows.append(f"| [{title}](notebooks/{path.stem}.ipynb) | {question} |")
    table = "| Notebook | The question it answers |\n|---|---|\n" + "\n".join(rows)
    index = source / "index.md"
    text = index.read_text(encoding="utf-8").replace("{{ notebook_map }}", table)
    text = text.replace("{{ exercises_note }}", INSTRUCTOR_NOTE if instructor else STUDENT_NOTE)
    index.write_text(text, encoding="utf-8")
    return source


def execute_all():
    sys.path.insert(0, str(ROOT / "tools"))
    from notebook_runner import execute

    executed = []
    for path in notebook_paths():
        notebook, seconds = execute(path)
        print(f"executed {path.name} in {seconds:.1f} s", flush=True)
        executed.append((path, notebook))
    return executed


def read_executed(folder):
    executed = []
    for path in notebook_paths():
        copy = Path(folder) / path.name
        if not copy.exists():
            raise FileNotFoundError(f"no executed copy of {path.name} in {folder}")
        executed.append((path, nbformat.read(copy, as_version=4)))
    return executed


def build(executed_folder=None, instructor=False):
    """Build the student site (or the instructor site); returns the folder of its HTML
    (site/_build/html, or site/_build/instructor/html)."""
    start = time.perf_counter()
    executed = read_executed(executed_folder) if executed_folder else execute_all()
    folder = BUILD / "instructor" if instructor else BUILD
    source = write_sources(executed, folder, instructor)
    html = folder / "html"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-W",
            "--keep-going",
            "-d",
            str(folder / "doctrees"),
            str(source),
            str(html),
        ],
        check=True,
    )
    kind = "instructor" if instructor else "student"
    print(f"{kind} site built in {time.perf_counter() - start:.1f} s: {html / 'index.html'}")
    return html


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executed", help="folder of already executed notebooks (skip execution)")
    parser.add_argument(
        "--instructor", action="store_true", help="build the instructor site (solutions, hidden tests, rubrics)"
    )
    arguments = parser.parse_args()
    build(arguments.executed, arguments.instructor)
