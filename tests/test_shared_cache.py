"""One compiled cache for a whole class: a model compiled once into a shared, read-only cache
runs from it for every user without writing into it, several runs of it at once do not clash,
and a model the shared cache lacks compiles into the user's own cache as before."""

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from brian2 import Network, NeuronGroup, ms

from helpers import simulation

TESTS = Path(__file__).resolve().parent
DURATION_S = 0.1

# A kernel's work: compile (or find) the model, run it `runs` times with new rates
# (an array, so each run writes a run-time value file, as the notebooks' sliders do).
KERNEL = f"""
import json, sys
sys.path.insert(0, {str(TESTS)!r})
import numpy as np
from brian2 import Hz
import helpers
from test_shared_cache import build_rates
helpers.setup_notebook()
values, runs, n = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
network = helpers.compile_network(build_rates, n=n)
results = []
for r in range(runs):
    network.run({{network["group"].rate: (np.array(values) + r) * Hz}})
    results.append(np.asarray(network["group"].v[:]).tolist())
print(json.dumps({{"directory": network.directory, "results": results}}))
"""


def build_rates(n):
    """``n`` variables growing at their own ``rate`` for 100 ms (a model for these tests)."""
    group = NeuronGroup(n, "rate : Hz (constant)\ndv/dt = rate : 1", name="rates")
    Network(group).run(DURATION_S * 1000 * ms)
    return {"group": group}


def expected(values, runs):
    return [[(v + r) * DURATION_S for v in values] for r in range(runs)]


def files_under(folder):
    """{relative path: (size, mtime)} of every file under ``folder``."""
    folder = Path(folder)
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() or p.is_symlink()
    }


def read_only_mount_works():
    """As root, permission bits do not stop writes: then a read-only bind mount does."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def kernel(home, values, runs=1, n=4, shared=None, cache=None, read_only=None):
    """Start a kernel-like process as a user with ``home``; returns the Popen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEUROPLASTICITY")}
    env.update(HOME=str(home), MPLBACKEND="Agg")
    if shared:
        env["NEUROPLASTICITY_SHARED_CACHE"] = str(shared)
    if cache:
        env["NEUROPLASTICITY_CACHE"] = str(cache)
    command = [sys.executable, "-c", KERNEL, json.dumps(values), str(runs), str(n)]
    if read_only is not None:
        mount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", mount, str(read_only), *command]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process):
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    """A shared cache filled once (as `tools/warm_cache.py --shared` does), then made read-only."""
    folder = tmp_path_factory.mktemp("class")
    shared = folder / "shared"
    filled = finish(kernel(folder / "instructor", [1.0, 2.0, 3.0, 4.0], cache=shared))
    assert Path(filled["directory"]).is_relative_to(shared)
    for path in [shared, *shared.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield shared, filled
    for path in [shared, *shared.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_a_read_only_shared_cache_runs_models_without_writing_anywhere_but_a_run_folder(tmp_path, shared_cache):
    shared, filled = shared_cache
    before = files_under(shared)
    read_only = shared if read_only_mount_works() else None  # else the permission bits above
    student = tmp_path / "student"
    ran = finish(kernel(student, [1.0, 2.0, 3.0, 4.0], runs=2, shared=shared, read_only=read_only))
    assert Path(ran["directory"]).is_relative_to(shared), "the compiled model was not taken from the shared cache"
    assert ran["results"][0] == filled["results"][0], "the shared program gave another result"
    np.testing.assert_allclose(ran["results"], expected([1.0, 2.0, 3.0, 4.0], 2), rtol=1e-9)
    added = files_under(student / ".cache" / "neuroplasticity")
    assert not added, f"the student's cache got {len(added)} files: {sorted(added)[:5]}"
    assert files_under(shared) == before, "the shared cache changed"


def test_concurrent_runs_of_one_shared_program_do_not_clash(tmp_path, shared_cache):
    shared, _ = shared_cache
    mine, theirs = [1.0, 2.0, 3.0, 4.0], [40.0, 30.0, 20.0, 10.0]
    runs = 25
    first = kernel(tmp_path / "a", mine, runs=runs, shared=shared)
    second = kernel(tmp_path / "b", theirs, runs=runs, shared=shared)
    a, b = finish(first), finish(second)
    assert a["directory"] == b["directory"]  # one program ...
    np.testing.assert_allclose(a["results"], expected(mine, runs), rtol=1e-9)  # ... each got its own numbers
    np.testing.assert_allclose(b["results"], expected(theirs, runs), rtol=1e-9)


def test_a_model_the_shared_cache_lacks_compiles_into_the_users_own_cache(tmp_path, shared_cache):
    shared, _ = shared_cache
    student = tmp_path / "student"
    ran = finish(kernel(student, [1.0, 2.0, 3.0, 4.0, 5.0], n=5, shared=shared))
    own = student / ".cache" / "neuroplasticity"
    assert Path(ran["directory"]).is_relative_to(own)
    np.testing.assert_allclose(ran["results"], expected([1.0, 2.0, 3.0, 4.0, 5.0], 1), rtol=1e-9)
    assert simulation.compiled_files(own), "nothing was compiled in the user's cache"


def test_build_jobs_is_bounded_by_the_cores_a_process_may_use(monkeypatch):
    monkeypatch.delenv("NEUROPLASTICITY_BUILD_JOBS", raising=False)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert 1 <= simulation.build_jobs() <= cores
    monkeypatch.setenv("NEUROPLASTICITY_BUILD_JOBS", "3")
    assert simulation.build_jobs() == 3
    for wrong in ("0", "-2", "two"):
        monkeypatch.setenv("NEUROPLASTICITY_BUILD_JOBS", wrong)
        with pytest.raises(ValueError, match="NEUROPLASTICITY_BUILD_JOBS"):
            simulation.build_jobs()


def test_shared_cython_modules_are_linked_not_compiled(tmp_path, monkeypatch):
    """Runtime (Cython) modules: Brian2 wants one writable folder, so the user's gets links."""
    shared, own = tmp_path / "shared", tmp_path / "own"
    (shared / "cython").mkdir(parents=True)
    module = shared / "cython" / "_cython_magic_0123.cpython-311-x86_64-linux-gnu.so"
    module.write_bytes(b"compiled once")
    (shared / "cython" / "_cython_magic_0123.pyx").write_text("source")
    monkeypatch.setenv("NEUROPLASTICITY_SHARED_CACHE", str(shared))
    monkeypatch.setenv("NEUROPLASTICITY_CACHE", str(own))
    simulation.setup_notebook()
    simulation.setup_notebook()  # again: nothing new
    linked = own / "cython" / module.name
    assert linked.is_symlink() and linked.resolve() == module.resolve()
    assert sorted(p.name for p in (own / "cython").iterdir()) == [module.name]
    assert simulation.compiled_files(own) == {}, "a link counted as a compiled module"


def test_one_model_has_one_digest_whatever_order_brian2_writes_its_clocks_in(tmp_path):
    """Brian2 writes per-clock statements in a set's order, which differs between processes."""
    first, second, edited = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    lines = ["int main() {", "_array_clock_a_t[0] = 0.0;", "_array_clock_b_t[0] = 0.0;", "}"]
    for folder, text in [
        (first, lines),
        (second, [lines[0], lines[2], lines[1], lines[3]]),
        (edited, [lines[0], lines[1], "_array_clock_b_t[0] = 1.0;", lines[3]]),
    ]:
        folder.mkdir()
        (folder / "main.cpp").write_text("\n".join(text) + "\n")
    assert simulation._project_digest(first) == simulation._project_digest(second)
    assert simulation._project_digest(first) != simulation._project_digest(edited)
