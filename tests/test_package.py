"""The project is a real package: a wheel built from it carries ``helpers``, ``helpers.models``
and the published data, and runs a model outside the checkout (as a hub image would)."""

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in the fresh venv, from a folder outside the checkout.
PROBE = """
import sys
from pathlib import Path
import numpy as np
from brian2 import ms, second
import helpers, helpers.models
from helpers import data
from helpers.models import bcm
prefix = Path(sys.prefix).resolve()
assert Path(helpers.__file__).resolve().is_relative_to(prefix), helpers.__file__
assert Path(helpers.models.__file__).resolve().is_relative_to(prefix), helpers.models.__file__
assert data.DATA_DIR.resolve().is_relative_to(prefix), data.DATA_DIR
names = data.available()
dudek = data.load("dudek_bear_1992_sign_pattern")
assert dudek.source and len(next(iter(dudek.columns.values()))) > 0
helpers.setup_notebook(target="numpy")
monitors = bcm.run_bcm(np.full((1, 2), 1.0), 1 * second, 0.5 * second, 10 * second, 1 * second, [0.5, 0.5])
w = np.asarray(monitors["w"].w)
assert w.size and np.all(np.isfinite(w))
print("OK", len(names), "data files; BCM weights", w.shape)
"""


def test_wheel_installs_helpers_models_and_data_and_runs_outside_the_checkout(tmp_path):
    # Build from a copy, so the shared checkout gets no build/ or egg-info folders.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "LICENSE", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("helpers", "data"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("*.whl")
    contents = zipfile.ZipFile(wheel).namelist()
    assert "helpers/models/__init__.py" in contents
    csvs = {Path(n).name for n in contents if n.startswith("helpers/published_data/") and n.endswith(".csv")}
    assert csvs == {p.name for p in (ROOT / "data").glob("*.csv")}

    # A fresh venv outside the checkout; its other packages come from this venv's
    # site-packages (a .pth line, appended after its own), so nothing is downloaded.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "outer_site_packages.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert installed.returncode == 0, installed.stderr

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEUROPLASTICITY"))}
    env.update(HOME=str(outside), MPLBACKEND="Agg")
    ran = subprocess.run([python, "-c", PROBE], cwd=outside, env=env, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.startswith("OK"), ran.stdout
