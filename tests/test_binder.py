"""Binder's build step leaves Brian2's compile cache warm: a learner's later run compiles nothing.

postBuild installs helpers and the ``neuroplasticity`` kernel (the same commands
``bash tasks.sh setup`` runs for this environment), then runs
``tools/warm_cache.py``, which executes every notebook with
``notebook_runner.execute``. This test adds no execution of its own: it reads
notebook 00's two executions (tests/executions.py), whose kernels run in a
fresh HOME with NEUROPLASTICITY_CACHE empty, so the cache lands where it does on
Binder (``~/.cache/neuroplasticity``), starting empty. Execution A (the reference
run: JupyterLab's kernel, or ``notebook_runner.execute`` itself with
NEUROPLASTICITY_SKIP_BROWSER=1) is the warm-up; execution B (nbgrader's
autograde, a new kernel started by nbclient as ``notebook_runner`` starts one,
running 00's student code) is the later run: every compiled module under that
HOME (``.so``/``.o`` files, standalone programs) must be the same file before
and after it, nothing new, nothing rebuilt.

What this proves: a run of 00 fills the default cache location of a fresh HOME,
and a new kernel of this interpreter finds and reuses that compiled code (the
cache key, which includes the interpreter path, matches across kernels started
by JupyterLab and by nbclient).
What it does not prove: that repo2docker builds the image (environment.yml,
conda's compiler), that Binder's runtime user has the build's HOME (on
mybinder.org both are /home/jovyan), that the other notebooks are warmed
(warm_cache.py runs them all; test_tooling.py checks that it calls execute on
every notebook), or that B's wrong answers use every model the reference uses
(they use a subset, so "nothing new" is the claim). Binder itself cannot be run here.
"""

from pathlib import Path

from executions import ROOT

NOTEBOOK = ROOT / "notebooks" / "00_start_here.ipynb"


def test_a_learners_later_run_compiles_nothing(references, wrong_answers, session_home):
    assert references[NOTEBOOK]["notebook"] is not None, "notebook 00's reference run failed"
    later = wrong_answers(NOTEBOOK)
    before, after = later["compiled_before"], later["compiled_after"]
    cache = str(Path(".cache") / "neuroplasticity")
    in_cache = [name for name in before if name.startswith(cache)]
    print(
        f"\n{len(before)} compiled modules under the fresh HOME after the reference runs, "
        f"{len(in_cache)} in ~/.cache/neuroplasticity; {len(after)} after 00's later run"
    )
    assert in_cache, "the reference runs compiled nothing into ~/.cache/neuroplasticity"
    new = sorted(set(after) - set(before))
    rebuilt = sorted(name for name in before if after.get(name) != before[name])
    assert not new, f"the later run compiled new modules: {new}"
    assert not rebuilt, f"the later run rebuilt modules: {rebuilt}"
