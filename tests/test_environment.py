"""The pip route (requirements.txt, what learners need; requirements-dev.txt, tests, site and
lint on top) and the conda/Binder route (environment.yml, what learners need) install the same
versions, and this environment is the one they describe."""

import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


DEV_ONLY = ("pytest", "playwright", "sphinx", "ruff", "pre-commit", "nbval", "axe-playwright-python")


def pin_lines(name):
    lines = (ROOT / name).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith(("#", "-r "))]


def pins_from_requirements(name="requirements.txt"):
    return dict(line.split("==") for line in pin_lines(name))


def pins_from_environment_yml():
    text = (ROOT / "environment.yml").read_text()
    pip_section = text.split("- pip:", 1)[1]
    return dict(re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)==(\S+)\s*$", pip_section, flags=re.M))


def test_every_requirement_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in pin_lines(name):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][\w.]*", line), f"{name}: {line}"


def test_learners_get_no_development_tools():
    runtime, dev = pins_from_requirements(), pins_from_requirements("requirements-dev.txt")
    assert not set(DEV_ONLY) & set(runtime), "a test, site or lint tool is in requirements.txt"
    assert set(DEV_ONLY) <= set(dev)
    assert not set(runtime) & set(dev), "pin each package in one file only"
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text().splitlines()


def test_environment_yml_pins_the_same_versions_as_requirements():
    assert pins_from_environment_yml() == pins_from_requirements()


def test_environment_yml_asks_for_python_311():
    assert re.search(r"^\s+- python=3\.11\s*$", (ROOT / "environment.yml").read_text(), flags=re.M)


def test_installed_versions_match_the_pins():
    wrong = {
        name: (pinned, version(name))
        for file in ("requirements.txt", "requirements-dev.txt")
        for name, pinned in pins_from_requirements(file).items()
        if version(name) != pinned
    }
    assert not wrong, f"installed versions differ from the requirements files: {wrong}"


def test_python_and_numpy_versions_brian2_needs():
    # Python 3.11 is the one a fresh machine is promised. Newer Brian2 needs a newer Python:
    # 2.10.x Python >= 3.12 and Cython < 3.1.4, 2.11.0 Python >= 3.13 (both import with numpy >= 2.4).
    assert sys.version_info[:2] == (3, 11)
    major, minor = (int(x) for x in version("numpy").split(".")[:2])
    assert (major, minor) < (2, 4), "brian2 2.9.0 fails to import with numpy >= 2.4 (np.ndarray.ptp is gone)"


def test_package_dependencies_admit_the_pins():
    """``pip install .`` (a wheel, a hub image) asks for ranges; the pinned versions must be in them."""
    import tomllib

    from packaging.requirements import Requirement

    pins = pins_from_requirements()
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert wanted, "pyproject.toml names no dependencies"
    for text in wanted:
        requirement = Requirement(text)
        assert requirement.name in pins, f"{requirement.name} is a dependency but not pinned in requirements.txt"
        assert pins[requirement.name] in requirement.specifier, f"{text} excludes the pinned {pins[requirement.name]}"
