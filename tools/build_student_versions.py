"""Build the student version of every notebook with nbgrader: solutions replaced, hidden tests removed.

Usage: python tools/build_student_versions.py [--out release] [notebook ...]
       (or: bash tasks.sh release)

Each notebook in notebooks/ becomes its own nbgrader assignment, named after the
notebook (``01_ltp_ltd_single_synapse``). The script makes a throw-away nbgrader
course folder (``nbgrader_config.py`` and ``source/<assignment>/<notebook>``),
runs ``nbgrader generate_assignment`` there and copies each
``release/<assignment>/`` folder into ``--out`` (default ``release/`` in the
repository, which git ignores). Only the notebook is copied into an assignment:
the notebooks import the ``helpers`` package, which finds ``data/`` itself, so a
student copy runs from any folder of a machine where this repository is
installed (``bash tasks.sh setup``, or ``pip install -e .`` on a JupyterHub).

The tests (tests/test_coursework.py) call ``build`` with a course folder they
keep, so that they can autograde submissions in it.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from notebook_runner import NOTEBOOKS  # the numbered notebooks in notebooks/

ROOT = Path(__file__).resolve().parent.parent
COURSE_ID = "neuroplasticity"

# Brian2 compiles each new model on first use (30-45 s), far over nbgrader's
# default 30 s per cell; the same limit as the reference runs in tests/executions.py.
NBGRADER_CONFIG = f'''\
c = get_config()
c.CourseDirectory.course_id = "{COURSE_ID}"
c.Execute.timeout = 900
'''


def assignment_name(notebook):
    """The nbgrader assignment a notebook becomes: its file name without ``.ipynb``."""
    return Path(notebook).stem


def nbgrader(course_dir, *args):
    """Run ``nbgrader *args`` in ``course_dir`` with this interpreter; returns its output.

    nbgrader starts ``alembic`` (database migrations) by name, so this
    environment's bin folder goes first on PATH.
    """
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def make_course(course_dir, notebooks=NOTEBOOKS):
    """Write an nbgrader course folder with one source assignment per notebook; returns the names."""
    course_dir = Path(course_dir)
    course_dir.mkdir(parents=True, exist_ok=True)
    (course_dir / "nbgrader_config.py").write_text(NBGRADER_CONFIG)
    names = []
    for notebook in notebooks:
        name = assignment_name(notebook)
        source = course_dir / "source" / name
        if source.exists():
            shutil.rmtree(source)
        source.mkdir(parents=True)
        shutil.copy2(notebook, source / Path(notebook).name)
        names.append(name)
    return names


def build(out_dir, notebooks=NOTEBOOKS, course_dir=None):
    """Student versions of ``notebooks`` in ``out_dir/<assignment>/``; returns {assignment: folder}.

    ``course_dir``: the nbgrader course folder to use (kept, with its
    gradebook); by default a temporary one that is deleted afterwards.
    """
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="neuroplasticity-course-") as scratch:
        course = Path(course_dir or scratch)
        built = {}
        for name in make_course(course, notebooks):
            nbgrader(course, "generate_assignment", name, "--force")
            target = out_dir / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(course / "release" / name, target)
            built[name] = target
    return built


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook names (default: every notebook)")
    parser.add_argument("--out", default=str(ROOT / "release"), help="folder for the student versions")
    args = parser.parse_args(argv)
    chosen = [p for p in NOTEBOOKS if not args.notebooks or p.name in args.notebooks or p.stem in args.notebooks]
    if not chosen:
        parser.error(f"no notebook matches {args.notebooks}; there are {[p.stem for p in NOTEBOOKS]}")
    for name, folder in build(args.out, chosen).items():
        print(f"student version of {name}: {os.path.relpath(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
