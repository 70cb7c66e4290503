"""How much of each notebook's visible code is figure plumbing: `python tools/figure_code_share.py`.

A learner's main cells should show the model and one call per figure. This counts, per notebook,
the code lines a learner reads (not blank, not comments, not in exercise cells and not in a
"figure helpers" cell: one tagged ``figure-helpers`` or whose source is hidden) and how many of them draw: they
call matplotlib (``plt.``, ``fig``, ``ax``/``axes`` methods) or set a figure's looks. The target is
under 15 % per notebook.
"""

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TARGET = 0.15
DRAWING = re.compile(
    r"\bplt\.|\bfig\b|\bfig\.|\b(ax|axes|axs|top|bottom|left|right|panel|bars)\w*(\[[^\]]*\])?\.\w+\(|"
    r"\.(set_\w+|legend|plot|imshow|pcolormesh|bar|barh|hist|scatter|axvline|axhline|axvspan|annotate|"
    r"fill_between|errorbar|text|twinx|colorbar|tick_params|grid|semilogy|loglog)\("
)


def visible_code_lines(notebook):
    """The code lines a learner reads in the main cells of ``notebook``."""
    lines = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.metadata.get("nbgrader"):
            continue
        if cell.metadata.get("jupyter", {}).get("source_hidden") or "figure-helpers" in cell.metadata.get("tags", []):
            continue
        for line in cell.source.splitlines():
            stripped = line.strip()
            if stripped and not stripped.startswith(("#", "%")):
                lines.append(stripped)
    return lines


def share(path):
    """(drawing lines, visible lines) of the notebook at ``path``."""
    lines = visible_code_lines(nbformat.read(path, as_version=4))
    return sum(1 for line in lines if DRAWING.search(line)), len(lines)


def main():
    over = []
    print("| notebook | figure lines | code lines | share |")
    print("|---|---|---|---|")
    for path in NOTEBOOKS:
        drawing, total = share(path)
        fraction = drawing / total if total else 0.0
        print(f"| {path.stem} | {drawing} | {total} | {fraction:.0%} |")
        if fraction >= TARGET:
            over.append(path.stem)
    print(f"at or over {TARGET:.0%}: {over or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
