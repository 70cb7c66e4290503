"""Write the tables that other files repeat, from their one source: `bash tasks.sh tables`.

- README.md, ``map``: one row per notebook, from the notebook itself (its title, its
  ``**The question:**`` line, and ``metadata.neuroplasticity.reproduces``: the published result
  it reproduces, in one paragraph).
- README.md, ``timing``: the benchmark's last saved run, ``docs/benchmark.json``
  (``bash tasks.sh bench`` writes it).
- docs/INSTRUCTOR_GUIDE.md, ``points``: the graded cells and their points, from the notebooks'
  nbgrader metadata.

Each table sits between ``<!-- generated: NAME ... -->`` and ``<!-- end generated: NAME -->``.
``--check`` changes nothing and exits 1, naming the table, if a file differs from what this
script would write (tests/test_registration.py runs it).
"""

import json
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from helpers.coursework import points_table  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
BENCHMARK = ROOT / "docs" / "benchmark.json"
TARGETS = {"map": ROOT / "README.md", "timing": ROOT / "README.md", "points": ROOT / "docs" / "INSTRUCTOR_GUIDE.md"}


def question_of(notebook):
    """The text after ``**The question:**`` in the notebook's first cell."""
    first = notebook.cells[0].source
    found = re.search(r"\*\*The question:\*\*\s*(.+)", first)
    return found.group(1).strip() if found else ""


def map_table(notebooks=NOTEBOOKS):
    """The README's notebook map: number, link, question, the published result it reproduces."""
    rows = [
        "| # | notebook | the question it answers | published result it reproduces |",
        "|---|---|---|---|",
    ]
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        reproduces = notebook.metadata.get("neuroplasticity", {}).get("reproduces", "")
        relative = f"notebooks/{path.name}"
        rows.append(f"| {path.name[:2]} | [`{relative}`]({relative}) | {question_of(notebook)} | {reproduces} |")
    return "\n".join(rows)


def short_name(stem):
    """``07_cortical_maps`` -> ``07 cortical maps``."""
    return stem.replace("_", " ")


def timing_table(path=BENCHMARK):
    """The README's timing table, from the benchmark's saved run."""
    rows = [
        "| notebook | cold (s) | warm (s) | again (s) | peak memory (MB) | slowest slider re-run (s) | measured |",
        "|---|---|---|---|---|---|---|",
    ]
    if not path.exists():
        return "\n".join(rows + ["| (no benchmark saved yet: run `bash tasks.sh bench`) | | | | | | |"])
    saved = json.loads(path.read_text())
    measured = {row["notebook"]: row for row in saved["rows"]}
    for notebook in NOTEBOOKS:
        row = measured.get(notebook.stem)
        if row is None:
            rows.append(f"| {short_name(notebook.stem)} | not measured yet | | | | | |")
            continue
        slider = max(row["widgets"].values()) if row["widgets"] else None
        rows.append(
            f"| {short_name(row['notebook'])} | {row['cold_s']:.1f} | {row['warm_s']:.1f} | {row['rerun_s']:.1f} | "
            f"{row['memory_mb']:.0f} | {'none' if slider is None else f'{slider:.2f}'} | {row['measured']} |"
        )
    return "\n".join(rows)


TABLES = {"map": map_table, "timing": timing_table, "points": points_table}


def block_pattern(name):
    return re.compile(rf"(<!-- generated: {name}\b[^>]*-->\n)(.*?)(\n<!-- end generated: {name} -->)", flags=re.DOTALL)


def rewrite(text, name, table):
    """``text`` with the block ``name`` replaced by ``table``; raises if the block is missing."""
    pattern = block_pattern(name)
    if not pattern.search(text):
        raise LookupError(f"no '<!-- generated: {name} -->' block")
    return pattern.sub(lambda m: m.group(1) + table + m.group(3), text, count=1)


def main(args):
    check = "--check" in args
    stale = []
    for name, target in TARGETS.items():
        text = target.read_text()
        new = rewrite(text, name, TABLES[name]())
        if new != text:
            stale.append(f"{target.relative_to(ROOT)} ({name})")
            if not check:
                target.write_text(new)
    if check and stale:
        print("out of date (run `bash tasks.sh tables`): " + ", ".join(stale))
        return 1
    print(("rewrote: " + ", ".join(stale)) if stale and not check else "tables up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
