"""Binder's build step leaves Brian2's compile cache warm: the learner's first run compiles nothing.

postBuild installs helpers and the ``neuroplasticity`` kernel (the same commands
``bash tasks.sh setup`` runs for this environment), then runs
``tools/warm_cache.py``, which executes every notebook with
``notebook_runner.execute``. Here that same function warms notebook 00 (the
one the Binder link opens) in a fresh HOME with no NEUROPLASTICITY_CACHE set,
so the cache lands where it does on Binder (``~/.cache/neuroplasticity``), starting
empty. Then the notebook runs again, as a learner's first run would, and every
compiled module under that HOME (``.so``/``.o`` files, standalone programs) must
be the same file as before: nothing new, nothing rebuilt.

What this proves: the warm-up code path fills the default cache location; the
kernel a learner starts finds it, and compiled code is reused across kernels
(the cache key, which includes the interpreter path, matches).
What it does not prove: that repo2docker builds the image (environment.yml,
conda's compiler), that Binder's runtime user has the build's HOME (on
mybinder.org both are /home/jovyan), or that the other notebooks are warmed:
warm_cache.py runs them all, but a cold run costs 70-90 s per notebook here, so
only 00 is run. Binder itself cannot be run here.
"""
import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from nbclient_workaround import prompt_replies  # noqa: E402
from notebook_runner import execute  # noqa: E402

NOTEBOOK = ROOT / "notebooks" / "00_start_here.ipynb"
COMPILED_SUFFIXES = {".so", ".o", ".pyd", ".dll", ".dylib"}


def compiled_files(folder):
    """{path: (size, modification time)} of every compiled module or program under ``folder``."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and (path.suffix in COMPILED_SUFFIXES
                               or (path.name == "main" and os.access(path, os.X_OK))):
            stat = path.stat()
            found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_postbuild_still_warms_the_cache_with_notebook_runner():
    post = (ROOT / "postBuild").read_text()
    warm = (ROOT / "tools" / "warm_cache.py").read_text()
    assert "python tools/warm_cache.py" in post
    assert "from notebook_runner import" in warm and "execute(path)" in warm


def test_a_learners_first_run_after_the_binder_build_compiles_nothing(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("NEUROPLASTICITY_CACHE", raising=False)
    cache = home / ".cache" / "neuroplasticity"

    with prompt_replies():  # see tools/nbclient_workaround.py
        _, build_seconds = execute(NOTEBOOK)       # what postBuild's warm_cache.py does
        after_build = compiled_files(home)
        _, learner_seconds = execute(NOTEBOOK)     # the learner's first run on the image
    after_learner = compiled_files(home)
    in_cache = [name for name in after_build if name.startswith(str(cache.relative_to(home)))]

    print(f"\nbuild step (cold): {build_seconds:.1f} s, {len(after_build)} compiled modules under HOME, "
          f"{len(in_cache)} in ~/.cache/neuroplasticity; learner's run: {learner_seconds:.1f} s, "
          f"{len(after_learner)} compiled modules under HOME")
    assert in_cache, "the warm-up compiled nothing into ~/.cache/neuroplasticity"
    new = sorted(set(after_learner) - set(after_build))
    rebuilt = sorted(name for name in after_build if after_learner.get(name) != after_build[name])
    assert not new, f"the learner's run compiled new modules: {new}"
    assert not rebuilt, f"the learner's run rebuilt modules: {rebuilt}"
