"""The rendered site: built from the notebooks this test run executed, read in a real browser;
and the self-study route (``bash tasks.sh lab``), checked without a browser.

Uses execution A (tests/executions.py; no notebook is executed again): the executed
reference notebooks are handed to tools/build_site.py, which builds the student site
(the one to publish) with Sphinx (warnings are errors: a broken cross-reference or
notebook-section link fails the build). No student page may show a solution, a hidden
test, a written reference answer or its rubric (tools/check_site.py ``leaks``). Then
tools/check_site.py opens every page in headless Chromium, at laptop and at phone
width, waits for MathJax and reports TeX left raw, MathJax errors, figures drawn
smaller than JupyterLab draws them, text cut off, more than one search box, console
errors, failed requests, images that did not load or have no alt text, broken internal
links and anchors, and serious or critical axe-core accessibility violations.
Screenshots go to tests/artifacts/site/ (git-ignored). Each of these checks is also
fed a page that must fail it. Also: every notebook has a page with at least one
figure, and the claims page and glossary are in the navigation.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from executions import NOTEBOOKS, SKIP_BROWSER, chromium_missing

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_site  # noqa: E402
import check_site  # noqa: E402
import learner_copies  # noqa: E402


@pytest.fixture(scope="module")
def site(references, tmp_path_factory):
    executed = tmp_path_factory.mktemp("executed")
    for notebook, run in references.items():
        if run["error"]:
            pytest.fail(f"the reference run of {notebook.name} failed: {run['error']}", pytrace=False)
        nbformat.write(run["notebook"], executed / notebook.name)
    start = time.perf_counter()
    html = build_site.build(executed)
    print(f"site built in {time.perf_counter() - start:.1f} s from the executed notebooks")
    return html


def test_every_notebook_has_a_page_with_figures_and_the_map_links_them(site):
    pages = check_site.pages(site)
    assert sorted(p for p in pages if p.startswith("notebooks/")) == sorted(
        f"notebooks/{n.stem}.html" for n in NOTEBOOKS
    )
    assert {"index.html", "claims.html", "glossary.html"} <= set(pages)
    index = (site / "index.html").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        assert f"notebooks/{notebook.stem}.html" in index, f"the landing page does not link {notebook.name}"
        page = (site / "notebooks" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "_images/" in page, f"{notebook.stem}: no figure on its page"
        assert "Interactive in JupyterLab or on Binder" in page, f"{notebook.stem}: its slider is not described"
    assert (site / "searchindex.js").exists(), "no search index"


def test_each_slider_is_shown_with_its_first_figure(site):
    """The executed notebooks keep their widgets' state (nbclient stores it; the test JupyterLab is
    set to save it), so the site shows what each slider drew first, right after the note."""
    for notebook in NOTEBOOKS:
        frozen = nbformat.read(site.parent / "source" / "notebooks" / notebook.name, as_version=4)
        for cell in frozen.cells:
            outputs = cell.get("outputs", [])
            notes = [
                k for k, o in enumerate(outputs) if build_site.LIVE_NOTE in o.get("data", {}).get("text/markdown", "")
            ]
            for k in notes:
                assert any("image/png" in o.get("data", {}) for o in outputs[k + 1 :]), (
                    f"{notebook.stem}: a slider is shown without its figure (was the widget state saved?)"
                )


@pytest.mark.skipif(SKIP_BROWSER, reason="NEUROPLASTICITY_SKIP_BROWSER is set")
def test_pages_load_cleanly_with_alt_text_working_links_and_no_serious_accessibility_violation(site):
    if chromium_missing():
        pytest.fail(chromium_missing(), pytrace=False)
    report = check_site.check(site, ROOT / "tests" / "artifacts" / "site")
    for name, page in report.items():
        print(
            f"{name}: {page['images']} images ({page['figures']} figures), "
            f"{len(page['axe'])} serious/critical axe violations"
        )
    assert not check_site.problems_in(report), check_site.problems_in(report)
    assert all(report[f"notebooks/{n.stem}.html"]["figures"] >= 1 for n in NOTEBOOKS)


@pytest.mark.skipif(SKIP_BROWSER, reason="NEUROPLASTICITY_SKIP_BROWSER is set")
def test_math_check_fails_on_a_page_whose_mathjax_is_broken(site, tmp_path):
    """The same page with MathJax told to skip the formulas (the site's bug before processClass was
    set) must be reported, and the real page has its formulas typeset."""
    if chromium_missing():
        pytest.fail(chromium_missing(), pytrace=False)
    name = f"notebooks/{NOTEBOOKS[min(2, len(NOTEBOOKS) - 1)].stem}.html"
    broken = tmp_path / "html"
    (broken / "notebooks").mkdir(parents=True)
    (broken / "_static").symlink_to(site / "_static")
    (broken / "_images").symlink_to(site / "_images")
    page = (site / name).read_text(encoding="utf-8")
    assert '"processClass": "math|output_area"' in page, "the page's MathJax settings changed: update this test"
    (broken / name).write_text(page.replace('"processClass": "math|output_area"', '"processClass": "none"'))
    report = check_site.check(broken, tmp_path / "shots", names=[name], accessibility=False)
    assert any(p.startswith("math not typeset") for p in report[name]["problems"]), report[name]["problems"]
    fixed = check_site.check(site, tmp_path / "shots", names=[name], accessibility=False)[name]
    assert fixed["formulas"] > 10 and not [p for p in fixed["problems"] if "math" in p.lower()], fixed


def test_student_site_shows_no_solution_hidden_test_or_rubric(site):
    assert check_site.leaks(site) == {}, check_site.leaks(site)


def test_leak_check_finds_a_solution_a_hidden_test_and_a_written_answer(tmp_path):
    """A student page holding one line of a solution, of a hidden test or of a written answer fails."""
    notebook = next(n for n in NOTEBOOKS if any(k == "written answer" for k, _ in check_site.secrets(n)))
    secrets = check_site.secrets(notebook)
    code = next(text for kind, text in secrets if kind != "written answer")
    words = next(text for kind, text in secrets if kind == "written answer")
    (tmp_path / "notebooks").mkdir()
    page = tmp_path / "notebooks" / f"{notebook.stem}.html"
    page.write_text("<html><body><p>Exercise</p><pre><span>x = 1</span></pre></body></html>")
    assert check_site.leaks(tmp_path, [notebook]) == {}
    page.write_text(
        f"<html><body><div class='highlight'><pre>x = 1\n    <span>{code}</span>\n</pre></div></body></html>"
    )
    assert check_site.leaks(tmp_path, [notebook]), f"a solution line on the page was not found: {code!r}"
    page.write_text(f"<html><body><p><strong>Reference answer.</strong> {words.capitalize()} ...</p></body></html>")
    assert check_site.leaks(tmp_path, [notebook]), f"a written answer on the page was not found: {words!r}"
    page.write_text("<html><body><p>**Rubric (2 points):** one point each</p></body></html>")
    assert check_site.leaks(tmp_path, [notebook])


def test_instructor_site_keeps_what_the_student_site_removes():
    """The instructor source of a notebook keeps every solution line; the student source keeps none."""
    import nbformat

    notebook = NOTEBOOKS[0]
    reference = nbformat.read(notebook, as_version=4)
    student = build_site.student_version(reference)
    student_lines = {line.strip() for cell in student.cells for line in cell.source.splitlines()}
    reference_lines = {line.strip() for cell in reference.cells for line in cell.source.splitlines()}
    secret_lines = [text for kind, text in check_site.secrets(notebook) if kind != "written answer"]
    assert secret_lines and set(secret_lines) <= reference_lines
    assert not set(secret_lines) & student_lines


def _installed_nbgrader_extensions():
    """(JupyterLab extension name, server extension names) of the nbgrader installed in this environment."""
    prefix = Path(sys.prefix)
    lab = json.loads((prefix / "share/jupyter/labextensions/@jupyter/nbgrader/package.json").read_text())["name"]
    server = set()
    for config in (prefix / "etc/jupyter/jupyter_server_config.d").glob("*.json"):
        extensions = json.loads(config.read_text()).get("ServerApp", {}).get("jpserver_extensions", {})
        server |= {name for name, on in extensions.items() if on and name.startswith("nbgrader")}
    return lab, server


def test_self_study_copies_are_student_versions_made_once_and_kept(tmp_path):
    """learner_copies (what bash tasks.sh lab runs first): one copy per notebook with no solution,
    hidden test or written answer; a learner's edit survives the next launch, a deleted copy comes
    back; the reference notebooks are left as they were; the folder keeps itself out of git."""
    before = {n: n.read_bytes() for n in NOTEBOOKS}
    folder = tmp_path / "my-notebooks"
    made = learner_copies.make(folder)
    assert sorted(p.name for p in made) == sorted(n.name for n in NOTEBOOKS)
    for notebook in NOTEBOOKS:
        text = (folder / notebook.name).read_text(encoding="utf-8")
        lines = {line.strip() for cell in json.loads(text)["cells"] for line in "".join(cell["source"]).splitlines()}
        words = check_site._word_string(text.replace("\\n", " "))
        for kind, secret in check_site.secrets(notebook):
            if kind == "written answer":
                assert check_site._word_string(secret) not in words, f"{notebook.name}: {kind} {secret!r}"
            else:
                assert secret not in lines, f"{notebook.name}: {kind} {secret!r}"
    mine = folder / NOTEBOOKS[0].name
    mine.write_text(mine.read_text(encoding="utf-8").replace("raise NotImplementedError()", "answer = 42", 1))
    (folder / NOTEBOOKS[-1].name).unlink()
    assert learner_copies.make(folder) == [folder / NOTEBOOKS[-1].name]
    assert "answer = 42" in mine.read_text(encoding="utf-8"), "a learner's work was overwritten"
    assert {n: n.read_bytes() for n in NOTEBOOKS} == before, "the reference notebooks changed"
    ignored = subprocess.run(["git", "check-ignore", "-q", str(mine)], cwd=folder, capture_output=True)
    assert (folder / ".gitignore").read_text().strip().endswith("*") and ignored.returncode in (0, 128)


def test_self_study_route_turns_nbgrader_instructor_tools_off(tmp_path):
    """The config folder the lab route adds disables every nbgrader extension installed here (the
    JupyterLab one and each server extension), without touching the shared environment."""
    lab_extension, server_extensions = _installed_nbgrader_extensions()
    assert server_extensions, "no nbgrader server extension is enabled in this environment: update this test"
    config = learner_copies.write_jupyter_config(tmp_path / ".jupyter")
    page = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"].get(lab_extension) is True
    server = json.loads((config / "jupyter_server_config.json").read_text())["ServerApp"]["jpserver_extensions"]
    assert all(server.get(name) is False for name in server_extensions), (server, server_extensions)


def test_lab_command_opens_the_copies_with_the_route_config(tmp_path):
    """bash tasks.sh lab (python and jupyter replaced by stand-ins that record their arguments and
    JUPYTER_CONFIG_PATH): makes the copies, then serves my-notebooks/ with the route's config."""
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("tasks.sh", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, copy / name)
    bin_dir = copy / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for program in ("python", "jupyter"):
        (bin_dir / program).write_text('#!/bin/sh\necho "$(basename "$0") $* | ${JUPYTER_CONFIG_PATH:-}" >> "$CALLS"\n')
        (bin_dir / program).chmod(0o755)
    stamp = subprocess.run(
        "cat requirements.txt pyproject.toml | cksum", shell=True, cwd=copy, capture_output=True, text=True
    ).stdout
    (copy / ".venv" / ".installed").write_text(stamp)
    calls = tmp_path / "calls"
    env = dict(os.environ, CALLS=str(calls))
    env.pop("JUPYTER_CONFIG_PATH", None)
    done = subprocess.run(["bash", "tasks.sh", "lab"], cwd=copy, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    make, lab = calls.read_text().splitlines()
    assert make.split(" | ")[0].split() == ["python", "tools/learner_copies.py", "--folder", "my-notebooks"]
    (program, *args), config_path = lab.split(" | ")[0].split(), lab.split(" | ")[1]
    assert program == "jupyter" and args[0] == "lab" and args[-1] == "my-notebooks/00_start_here.ipynb"
    assert "--ServerApp.root_dir=my-notebooks" in args, "JupyterLab could open and save the reference notebooks"
    assert config_path.split(os.pathsep)[0] == str(copy / "my-notebooks" / ".jupyter")


def test_the_published_repository_is_named_in_one_place():
    """site/repository.txt names the repository; the README's Binder badge, CITATION.cff and the
    site's buttons use it; the check warns while it is the placeholder."""
    import re

    import yaml

    name = check_site.repository()
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", name), name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badges = re.findall(r"mybinder\.org/v2/gh/([^/]+/[^/]+)/", readme)
    assert badges and set(badges) == {name}, f"the README's Binder links name {badges}, site/repository.txt {name}"
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["repository-code"] == f"https://github.com/{name}"
    assert (check_site.repository_warning() is not None) == (name == check_site.PLACEHOLDER_REPOSITORY)
