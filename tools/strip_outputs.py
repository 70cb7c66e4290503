"""Store notebooks without outputs: clear outputs, execution counts and saved widget state.

    python tools/strip_outputs.py notebooks/*.ipynb     (pre-commit runs it on staged notebooks)

Rewrites a notebook only if it had something to clear and then exits with status 1,
so a commit stops and shows the change (pre-commit's convention). The collection
stores notebooks empty: a reader runs them, and the rendered site shows them executed.
"""

import sys

import nbformat


def strip(path):
    """Clear ``path``'s outputs; returns True if the file changed."""
    notebook = nbformat.read(path, as_version=4)
    changed = notebook.metadata.pop("widgets", None) is not None
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if cell.get("outputs") or cell.get("execution_count") is not None:
            cell.outputs, cell.execution_count, changed = [], None, True
    if changed:
        nbformat.write(notebook, path)
    return changed


if __name__ == "__main__":
    changed = [path for path in sys.argv[1:] if strip(path)]
    for path in changed:
        print(f"cleared the outputs of {path}")
    sys.exit(1 if changed else 0)
