"""Time every notebook with a cold and a warm compile cache, and every widget re-run.

Usage: python tools/benchmark.py [notebook ... | engine]   (or: bash tasks.sh bench)

For each notebook: wall time of a full run with an empty Brian2 cache (cold),
again with the cache that run filled (warm), then of running every code cell a
second time in that same kernel (re-run; it must compile nothing: the number of
compiled files it added or rebuilt is reported), and the kernel's peak memory
(largest resident set of the kernel or of a program it started, such as a
compiled network). For each widget registered with ``helpers.widgets.live_plot``:
the slowest of three re-runs with new slider values. Budgets
(docs/CONTRIBUTING.md): 30 s warm, 60 s cold (00: 20 s), 1 GB, 1 s per widget re-run.
Then (with no arguments, or with ``engine``) it times competitive STDP in plain
Brian2 against the fast path of notebook 03 (``stdp_engine_benchmark.py``).
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from notebook_runner import NOTEBOOKS, execute, stdout_of
from stdp_engine_benchmark import compare as compare_stdp_engines

BUDGET = {"warm_s": 30, "cold_s": 60, "memory_mb": 1024, "widget_s": 1.0}
COLD_BUDGET_S = {"00_start_here.ipynb": 20}  # the primer must start fast

# Appended to the notebook: note when the notebook itself finished, then re-run
# each widget with three new slider values.
END_STAMP = 'import time; print("NOTEBOOK_END", time.time())'
# Appended after END_STAMP: run every code cell of the notebook again in the same kernel.
RERUN = r"""
import json, time
from pathlib import Path
from helpers.simulation import compiled_files as _compiled_files
_before = _compiled_files()
_start = time.perf_counter()
_errors = 0
for _source in json.loads(Path(%r).read_text()):
    _result = get_ipython().run_cell(_source, silent=True)
    _errors += not _result.success
_rerun_s = time.perf_counter() - _start
_after = _compiled_files()
_recompiled = sum(1 for _p, _m in _after.items() if _before.get(_p) != _m)
print("RERUN" + json.dumps({"seconds": _rerun_s, "errors": _errors, "recompiled": _recompiled}))
"""
WIDGET_TIMER = r"""
import json, resource, time
import ipywidgets
import matplotlib.pyplot as plt
from helpers.widgets import REGISTRY
_results = {}
for _entry in REGISTRY:
    _slowest = 0.0
    for _fraction in (0.2, 0.5, 0.9):
        _values = {}
        for _name, _control in _entry["controls"].items():
            if hasattr(_control, "options"):  # SelectionSlider, Dropdown: pick an option
                _options = list(_control.options)
                _values[_name] = _options[int(_fraction * (len(_options) - 1))]
                continue
            if isinstance(_control.value, bool):  # Checkbox, ToggleButton: off, then on
                _values[_name] = _fraction > 0.3
                continue
            _low, _high = _control.min, _control.max
            _value = _low + _fraction * (_high - _low)
            if isinstance(_control, ipywidgets.FloatLogSlider):  # min and max are exponents
                _value = _control.base ** _value
            _values[_name] = type(_control.value)(_value)
        _start = time.perf_counter()
        _entry["update"](**_values)
        _slowest = max(_slowest, time.perf_counter() - _start)
        plt.close("all")
    _results[_entry["name"]] = _slowest
_peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print("BENCHMARK" + json.dumps({"widgets": _results, "peak_mb": _peak_kb / 1024}))
"""


def measure(path):
    """Cold, warm and re-run wall times (s), peak memory (MB) and widget re-run times (s) of one notebook."""
    with tempfile.TemporaryDirectory(prefix="neuroplasticity-cache-") as cache:
        # cold means cold: no shared class cache either (tools/warm_cache.py --shared)
        env = {"NEUROPLASTICITY_CACHE": cache, "NEUROPLASTICITY_SHARED_CACHE": ""}
        _, cold = execute(path, env=env)
        sources = Path(cache) / "cells.json"
        sources.write_text(
            json.dumps([c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"])
        )
        start = time.time()
        notebook, _ = execute(path, extra_code=[END_STAMP, RERUN % str(sources), WIDGET_TIMER], env=env)
    warm = float(stdout_of(notebook.cells[-3]).split()[1]) - start
    rerun = json.loads(stdout_of(notebook.cells[-2]).split("RERUN", 1)[1])
    report = json.loads(stdout_of(notebook.cells[-1]).split("BENCHMARK", 1)[1])
    return {
        "notebook": path.name,
        "cold_s": cold,
        "warm_s": warm,
        "rerun_s": rerun["seconds"],
        "rerun_errors": rerun["errors"],
        "recompiled": rerun["recompiled"],
        "memory_mb": report["peak_mb"],
        "widgets": report["widgets"],
    }


def mark(value, budget):
    return f"{value:.2f}" + (" ✓" if value <= budget else " ✗ over budget")


SAVED = (
    Path(__file__).resolve().parent.parent / "docs" / "benchmark.json"
)  # the README's timing table is written from it (bash tasks.sh tables)


def save(rows):
    """Merge ``rows`` into docs/benchmark.json (a notebook measured again replaces its old row)."""
    import datetime

    saved = json.loads(SAVED.read_text()) if SAVED.exists() else {"rows": []}
    measured = {row["notebook"]: row for row in saved["rows"]}
    for row in rows:
        kept = {key: row[key] for key in ("notebook", "cold_s", "warm_s", "rerun_s", "memory_mb", "widgets")}
        kept["measured"] = f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores, load {row['load']:.1f}"
        measured[row["notebook"]] = kept
    saved["rows"] = [measured[name] for name in sorted(measured)]
    SAVED.write_text(json.dumps(saved, indent=1) + "\n")


def main(names):
    paths = [p for p in NOTEBOOKS if not names or p.name in names or p.stem in names]
    rows = []
    print(
        "| notebook | cold (s) | warm (s) | every cell again, same kernel (s) | peak memory (MB) | widget re-run (s) |"
    )
    print("|---|---|---|---|---|---|")
    for path in paths:
        row = measure(path)
        row["load"] = os.getloadavg()[0]  # 1-minute load average: is the machine quiet?
        rows.append(row)
        widgets = (
            ", ".join(f"{name} {mark(seconds, BUDGET['widget_s'])}" for name, seconds in row["widgets"].items())
            or "none"
        )
        rerun = f"{row['rerun_s']:.2f}, {row['recompiled']} files compiled, {row['rerun_errors']} errors" + (
            "" if row["recompiled"] == 0 and row["rerun_errors"] == 0 else " ✗"
        )
        print(
            f"| {row['notebook']} | {mark(row['cold_s'], COLD_BUDGET_S.get(row['notebook'], BUDGET['cold_s']))} | "
            f"{mark(row['warm_s'], BUDGET['warm_s'])} | {rerun} | {mark(row['memory_mb'], BUDGET['memory_mb'])} | "
            f"{widgets} |",
            flush=True,
        )
    over = [
        r["notebook"]
        for r in rows
        if r["cold_s"] > COLD_BUDGET_S.get(r["notebook"], BUDGET["cold_s"])
        or r["warm_s"] > BUDGET["warm_s"]
        or r["recompiled"]
        or r["rerun_errors"]
        or r["memory_mb"] > BUDGET["memory_mb"]
        or any(s > BUDGET["widget_s"] for s in r["widgets"].values())
    ]
    print(f"budgets: {BUDGET}; over budget: {over or 'none'}")
    save(rows)
    if not names or "engine" in names:
        compare_stdp_engines()  # plain Brian2 vs the fast path of notebook 03, in this process
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
