"""The pip route (requirements.txt) and the conda/Binder route (environment.yml)
install the same versions, and this environment is the one they describe."""

import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pins_from_requirements():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return dict(line.strip().split("==") for line in lines if line.strip() and not line.startswith("#"))


def pins_from_environment_yml():
    text = (ROOT / "environment.yml").read_text()
    pip_section = text.split("- pip:", 1)[1]
    return dict(re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)==(\S+)\s*$", pip_section, flags=re.M))


def test_every_requirement_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][\w.]*", line.strip()), line


def test_environment_yml_pins_the_same_versions_as_requirements():
    assert pins_from_environment_yml() == pins_from_requirements()


def test_environment_yml_asks_for_python_311():
    assert re.search(r"^\s+- python=3\.11\s*$", (ROOT / "environment.yml").read_text(), flags=re.M)


def test_installed_versions_match_the_pins():
    wrong = {
        name: (pinned, version(name)) for name, pinned in pins_from_requirements().items() if version(name) != pinned
    }
    assert not wrong, f"installed versions differ from requirements.txt: {wrong}"


def test_python_and_numpy_versions_brian2_needs():
    assert sys.version_info[:2] == (3, 11)
    major, minor = (int(x) for x in version("numpy").split(".")[:2])
    assert (major, minor) < (2, 4), "brian2 2.9.0 fails to import with numpy >= 2.4"
