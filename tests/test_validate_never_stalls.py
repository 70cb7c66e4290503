"""Validate never stalls: with the system-wide nbgrader_config.py that docs/INSTRUCTOR_GUIDE.md
installs, ``nbgrader validate`` of a notebook full of widget cells takes about as long as a plain
run of it, not a cell timeout (jupyter/nbclient#312). Autograde also reports a changed test cell
only when a student changed it."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "INSTRUCTOR_GUIDE.md"
BIN = Path(sys.executable).parent
WIDGET_CELLS = 12

SETUP = """import matplotlib.pyplot as plt
import ipywidgets
from helpers.widgets import live_plot"""
WIDGET = """def redraw_{k}(x):
    plt.figure(figsize=(2, 1.5))
    plt.plot([0, 1], [0, x])
    plt.show()

live_plot(redraw_{k}, x=ipywidgets.FloatSlider(value={k}, min=0, max=20))"""


def system_config():
    """The guide's /etc/jupyter/nbgrader_config.py, as printed there."""
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(), re.S)
    (found,) = [b for b in blocks if b.startswith("# /etc/jupyter/nbgrader_config.py\n")]
    return found


def widget_notebook(path):
    cells = [nbformat.v4.new_code_cell(SETUP)]
    cells += [nbformat.v4.new_code_cell(WIDGET.format(k=k)) for k in range(WIDGET_CELLS)]
    cells.append(nbformat.v4.new_code_cell("print('all widgets shown')"))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "neuroplasticity", "display_name": "Python 3 (neuroplasticity)"}
    nbformat.write(notebook, path)


def user_env(home, config):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "NBGRADER"))}
    env.update(HOME=str(home), JUPYTER_CONFIG_PATH=str(config), MPLBACKEND="Agg")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def timed(command, env, cwd, limit):
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=limit)
    return done, time.perf_counter() - start


def test_validate_of_a_widget_notebook_takes_about_its_run_time(tmp_path):
    config = tmp_path / "etc-jupyter"
    config.mkdir()
    (config / "nbgrader_config.py").write_text(system_config())
    home = tmp_path / "student"
    home.mkdir()
    notebook = home / "widgets.ipynb"
    widget_notebook(notebook)
    env = user_env(home, config)

    plain_run = "import sys; sys.path.insert(0, sys.argv[1]); from notebook_runner import execute; execute(sys.argv[2])"
    done, plain = timed([sys.executable, "-c", plain_run, str(ROOT / "tools"), str(notebook)], env, home, 300)
    assert done.returncode == 0, done.stderr[-2000:]

    # a stall would wait out the guide's cell timeout; give up long before that
    done, validate = timed(["nbgrader", "validate", notebook.name], env, home, max(60.0, 4 * plain))
    print(f"\nplain run {plain:.1f} s, nbgrader validate {validate:.1f} s ({WIDGET_CELLS} widget cells)")
    assert done.returncode == 0 and "Success!" in done.stdout, done.stdout + done.stderr
    assert validate <= 2 * plain, f"validate took {validate:.1f} s, a plain run {plain:.1f} s"


def test_the_guide_config_makes_kernel_clients_wait_in_slices(tmp_path):
    """What the config file does when nbgrader loads it (in the Validate button's server, too)."""
    config = tmp_path / "nbgrader_config.py"
    code = (
        "from jupyter_client.channels import AsyncZMQSocketChannel as C\n"
        "from traitlets.config import Config\n"
        "before = getattr(C.get_msg, 'in_slices', False)\n"
        f"exec(open({str(config)!r}).read(), {{'get_config': Config}})\n"
        "print(before, getattr(C.get_msg, 'in_slices', False))"
    )
    config.write_text(system_config())
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
