"""The rendered site: built from the notebooks this test run executed, read in a real browser.

Uses execution A (tests/executions.py; no notebook is executed again): the executed
reference notebooks are handed to tools/build_site.py, which builds the HTML with
Sphinx (warnings are errors: a broken cross-reference or notebook-section link fails
the build), then tools/check_site.py opens every page in headless Chromium and
reports console errors, failed requests, images that did not load or have no alt
text, broken internal links and anchors, and serious or critical axe-core
accessibility violations. Screenshots go to tests/artifacts/site/ (git-ignored).
Also: every notebook has a page with at least one figure, and the claims page and
glossary are in the navigation.
"""

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
