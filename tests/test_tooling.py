"""The README's commands, CI and Binder's postBuild do what they say: each script is run with
stand-ins for the programs it starts, which record their arguments instead of doing the work."""

import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDER = '#!/bin/sh\necho "$(basename "$0") $*" >> "$CALLS"\n'


def recorders(folder, *names):
    """Scripts in ``folder`` named ``names`` that append their name and arguments to $CALLS."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(RECORDER)
        (folder / name).chmod(0o755)
    return folder


def run(command, cwd, tmp_path, path_first=None):
    """Run ``command``; returns the recorded calls (lines "program args")."""
    calls = tmp_path / "calls"
    calls.touch()
    env = dict(os.environ, CALLS=str(calls))
    if path_first:
        env["PATH"] = f"{path_first}{os.pathsep}{env['PATH']}"
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return calls.read_text().splitlines()


def readme_commands():
    return re.findall(r"`bash tasks\.sh (\w+)`", (ROOT / "README.md").read_text())


def run_tasks(tmp_path, command):
    """``bash tasks.sh command`` in a copy whose .venv is already set up with recording python and jupyter."""
    copy = tmp_path / "repo"
    copy.mkdir(parents=True)
    for name in ("tasks.sh", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, copy / name)
    recorders(copy / ".venv" / "bin", "python", "jupyter")
    stamp = subprocess.run(
        "cat requirements.txt pyproject.toml | cksum", shell=True, cwd=copy, capture_output=True, text=True
    ).stdout
    (copy / ".venv" / ".installed").write_text(stamp)
    return run(["bash", "tasks.sh", command], copy, tmp_path)


def test_readme_commands_run_what_they_promise(tmp_path):
    commands = readme_commands()
    assert {"lab", "test", "bench", "release"} <= set(commands)
    for command in sorted(set(commands)):
        calls = run_tasks(tmp_path / command, command)
        if command == "lab":  # the learner's copies first (tests/test_site.py checks the route)
            assert calls[0].split()[:2] == ["python", "tools/learner_copies.py"], calls
            calls = calls[1:]
        if command == "test":  # then nbval on one notebook, so the README's nbval command cannot rot
            assert calls[1].split()[:4] == ["python", "-m", "pytest", "--nbval-lax"], calls
            assert (ROOT / calls[1].split()[-1]).exists(), calls
            calls = calls[:1]
        assert len(calls) == 1, f"tasks.sh {command} started {calls}"
        program, *args = calls[0].split()
        if command == "lab":
            assert program == "jupyter" and args[0] == "lab"
            assert (
                args[-1] == "my-notebooks/00_start_here.ipynb" and (ROOT / "notebooks" / "00_start_here.ipynb").exists()
            )
        elif command == "test":
            assert program == "python" and args[:3] == ["-m", "pytest", "tests"]
        else:  # bench, release: a script of this repository
            assert program == "python" and (ROOT / args[0]).is_file(), calls


def test_ci_runs_the_readme_test_command(tmp_path):
    stand_ins = recorders(tmp_path / "bin", "bash", "apt-get")
    calls = run(["/bin/bash", str(ROOT / ".ci" / "run")], ROOT, tmp_path, path_first=stand_ins)
    assert calls[-1] == "bash tasks.sh test"


def test_postbuild_installs_helpers_and_kernel_then_warms_the_cache(tmp_path):
    stand_ins = recorders(tmp_path / "bin", "python")
    calls = run(["/bin/bash", str(ROOT / "postBuild")], ROOT, tmp_path, path_first=stand_ins)
    shared = calls[-1].rsplit(" ", 1)[-1]
    assert shared.endswith("/share/neuroplasticity/compiled")
    assert calls == [
        "python -m pip install --no-deps -e .",
        "python -m ipykernel install --sys-prefix --name neuroplasticity --display-name Python 3 (neuroplasticity)"
        f" --env NEUROPLASTICITY_SHARED_CACHE {shared}",
        f"python tools/warm_cache.py --shared {shared}",
    ]


def test_warm_cache_executes_every_notebook(monkeypatch):
    sys.path.insert(0, str(ROOT / "tools"))
    import notebook_runner

    ran = []
    monkeypatch.setattr(notebook_runner, "execute", lambda path: (ran.append(path), (None, 0.0))[1])
    runpy.run_path(str(ROOT / "tools" / "warm_cache.py"), run_name="__main__")
    assert ran == notebook_runner.NOTEBOOKS and ran


def test_binder_finds_its_files_at_the_top_level():
    # repo2docker ignores top-level configuration when a binder/ folder exists
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    assert (ROOT / "environment.yml").exists() and (ROOT / "postBuild").exists()


def test_citation_file_validates_against_the_cff_schema():
    """CITATION.cff follows the Citation File Format 1.2.0 schema (shipped in tests/fixtures)."""
    import json

    import jsonschema
    import yaml

    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "fixtures" / "citation-file-format-1.2.0.schema.json").read_text())
    jsonschema.validate(citation, schema, format_checker=jsonschema.FormatChecker())
    assert citation["cff-version"] == "1.2.0"


def test_licences_are_stated():
    """The code licence, the text-and-figures licence and the data terms, and the README names them."""
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "Attribution 4.0 International" in (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_text()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "MIT" in readme and "CC BY 4.0" in readme and "CITATION.cff" in readme
    for path in (ROOT / "data").glob("*.csv"):
        assert "# licence:" in path.read_text(encoding="utf-8"), f"{path.name} states no terms of reuse"


def test_lint_and_format_checks_pass():
    """The checks pre-commit runs (.pre-commit-config.yaml), run here so CI enforces them too:
    ruff's lint rules (pyproject.toml) and its formatter, on helpers, tools, tests, site and notebooks."""
    ruff = Path(sys.executable).parent / "ruff"
    for args in (["check", "--no-fix"], ["format", "--check"]):
        result = subprocess.run([str(ruff), *args], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, f"ruff {' '.join(args)}:\n{result.stdout}{result.stderr}"


def test_pre_commit_runs_the_same_checks():
    import yaml

    hooks = {
        hook["id"]: hook
        for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
        for hook in repo["hooks"]
    }
    assert hooks["ruff-check"]["entry"].startswith("ruff check")
    assert hooks["ruff-format"]["entry"] == "ruff format"
    assert hooks["notebooks-without-outputs"]["entry"] == "python tools/strip_outputs.py"
    assert all(hook["language"] == "system" for hook in hooks.values()), "local tools only: nothing to download"


def test_strip_outputs_clears_a_notebook_and_says_so(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1 + 1", execution_count=3)
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=3)]
    notebook.cells = [cell]
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    script = ROOT / "tools" / "strip_outputs.py"
    first = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True)
    assert first.returncode == 1 and "cleared" in first.stdout
    cleared = nbformat.read(path, as_version=4).cells[0]
    assert cleared.outputs == [] and cleared.execution_count is None
    assert subprocess.run([sys.executable, str(script), str(path)]).returncode == 0
