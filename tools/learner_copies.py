"""The self-study route: your own copy of every notebook, as a student gets it.

    python tools/learner_copies.py [--folder my-notebooks]     (bash tasks.sh lab runs it)

Writes ``<folder>/NN_name.ipynb`` for every notebook in ``notebooks/`` that has no
copy there yet: the student version (nbgrader's, as on the published site), with
every visible check, the "(think)" answers folded under *Show answer*, and your
own space for each written answer. A copy that exists is never touched, so your
work is kept; a notebook added to the collection later gets its copy on the next
run. The reference notebooks in ``notebooks/`` are only read.

The folder ignores itself in git (its own ``.gitignore``), and holds
``.jupyter/``, the configuration of JupyterLab for this route (rewritten on every
run): nbgrader's instructor tools (Formgrader, Create Assignment, the assignment
and course lists) are off, and so is JupyterLab's news pop-up. ``bash tasks.sh lab`` adds it with
``JUPYTER_CONFIG_PATH``, so the shared environment is not changed.
"""

import argparse
import json
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_site import student_version  # noqa: E402  (the same student version as the site)
from notebook_runner import NOTEBOOKS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "my-notebooks"
WRITTEN_ANSWER = (
    "*Write your answer here (double-click this cell). To compare it with the reference answer and "
    'its rubric, see "Compare with the reference" in the README.*'
)
# nbgrader's instructor tools, off in this route: its JupyterLab extension and its server extensions
NBGRADER_LAB_EXTENSION = "@jupyter/nbgrader"
NBGRADER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
)


# JupyterLab's "notified about official Jupyter news?" pop-up: not what a learner came for
NEWS_POPUP = "@jupyterlab/apputils-extension:announcements"


def learner_copy(reference):
    """The student version of a reference notebook, without outputs."""
    copy = student_version(nbformat.read(reference, as_version=4), written_answer=WRITTEN_ANSWER)
    for cell in copy.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    copy.metadata.pop("widgets", None)
    return copy


def write_jupyter_config(config_dir):
    """JupyterLab settings of this route: nbgrader's extensions off. Returns the folder."""
    config_dir = Path(config_dir)
    (config_dir / "labconfig").mkdir(parents=True, exist_ok=True)
    page = {"disabledExtensions": {NBGRADER_LAB_EXTENSION: True, NEWS_POPUP: True}}
    (config_dir / "labconfig" / "page_config.json").write_text(json.dumps(page, indent=2) + "\n")
    server = {"ServerApp": {"jpserver_extensions": dict.fromkeys(NBGRADER_SERVER_EXTENSIONS, False)}}
    (config_dir / "jupyter_server_config.json").write_text(json.dumps(server, indent=2) + "\n")
    return config_dir


def make(folder=FOLDER, notebooks=NOTEBOOKS):
    """Write the missing learner copies and the route's JupyterLab config; returns the new copies."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# your own work: not part of the repository\n*\n")
    written = []
    for reference in notebooks:
        target = folder / Path(reference).name
        if target.exists():
            continue
        nbformat.write(learner_copy(reference), target)
        written.append(target)
    write_jupyter_config(folder / ".jupyter")
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", default=str(FOLDER), help="where the copies go (default: my-notebooks)")
    args = parser.parse_args(argv)
    written = make(args.folder)
    if written:
        print(f"made your copies of {len(written)} notebooks in {args.folder} (yours to change: kept from now on)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
