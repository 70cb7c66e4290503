"""The README's commands, CI and Binder's postBuild agree with each other."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands():
    return re.findall(r"`(bash tasks\.sh \w+)`", (ROOT / "README.md").read_text())


def test_readme_gives_the_lab_test_and_bench_commands():
    assert {"bash tasks.sh lab", "bash tasks.sh test", "bash tasks.sh bench"} <= set(readme_commands())


def test_ci_runs_the_readme_test_command():
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    assert "bash tasks.sh test" in ci_lines


def test_every_readme_command_is_a_tasks_sh_case():
    tasks = (ROOT / "tasks.sh").read_text()
    for command in readme_commands():
        assert re.search(rf"^\s+{command.split()[-1]}\)", tasks, flags=re.M), command


def test_lab_opens_the_start_here_notebook():
    tasks = (ROOT / "tasks.sh").read_text()
    lab_case = tasks.split("    lab)")[1].split(";;")[0]
    assert "jupyter\" lab" in lab_case and "notebooks/00_start_here.ipynb" in lab_case
    assert (ROOT / "notebooks" / "00_start_here.ipynb").exists()


def test_postbuild_installs_helpers_and_kernel_and_warms_every_notebook():
    post = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps -e ." in post
    assert "ipykernel install --sys-prefix --name neuroplasticity" in post
    assert "tools/warm_cache.py" in post
    assert "notebooks" in (ROOT / "tools" / "notebook_runner.py").read_text()


def test_binder_finds_its_files_at_the_top_level():
    # repo2docker ignores top-level configuration when a binder/ folder exists
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    assert (ROOT / "environment.yml").exists() and (ROOT / "postBuild").exists()
