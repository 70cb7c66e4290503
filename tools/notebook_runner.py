"""Run a notebook top to bottom in its own kernel, as JupyterLab would.

The kernel is the one named in the notebook's metadata (the collection's
``neuroplasticity`` kernelspec), so the same interpreter, and therefore the
same Brian2 compile cache, is used as in JupyterLab and in the tests.
"""

import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

try:
    from nbclient_workaround import prompt_replies  # run as a script from tools/
except ImportError:
    from tools.nbclient_workaround import prompt_replies  # imported as tools.notebook_runner

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def execute(path, extra_code=(), env=None, timeout=900, allow_errors=False):
    """Execute ``path`` plus cells made of ``extra_code``; returns (notebook, seconds).

    ``env`` entries are added to the kernel's environment (e.g. a fresh
    ``NEUROPLASTICITY_CACHE`` for a cold run). Raises on the first failing cell,
    unless ``allow_errors``: then every cell runs and errors stay in the outputs.
    """
    notebook = nbformat.read(path, as_version=4)
    for code in extra_code:
        notebook.cells.append(nbformat.v4.new_code_cell(code))
    kernel_env = dict(os.environ, **(env or {}))
    client = NotebookClient(
        notebook,
        timeout=timeout,
        allow_errors=allow_errors,
        kernel_name=notebook.metadata["kernelspec"]["name"],
        resources={"metadata": {"path": str(Path(path).parent)}},
    )
    start = time.perf_counter()
    with prompt_replies():  # nbclient can otherwise stall a whole timeout after a widget cell
        client.execute(env=kernel_env)
    return notebook, time.perf_counter() - start


def stdout_of(cell):
    """All text a code cell printed."""
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")
