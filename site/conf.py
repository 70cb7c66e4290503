"""Sphinx settings of the collection's rendered site (built by tools/build_site.py).

tools/build_site.py copies this folder to site/_build/source together with the
executed notebooks and runs Sphinx there; nothing is executed by Sphinx itself.
"""

import shutil
import sys
from pathlib import Path

import jupyter_server_mathjax

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2] if HERE.name == "source" else HERE.parent  # the repository
sys.path.insert(0, str(HERE / "_ext"))

project = "Neuroplasticity, simulated"
author = "the collection's authors"
copyright = "the collection's authors; text and figures CC BY 4.0, code MIT"
extensions = ["myst_nb", "figure_alt", "sphinx.ext.githubpages"]  # githubpages: .nojekyll
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
nb_execution_mode = "off"  # tools/build_site.py executes the notebooks
nb_output_stderr = "remove"  # Brian2's compiler chatter is not part of the lesson
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3  # links to notebook sections, checked at build time
suppress_warnings = ["mystnb.unknown_mime_type"]

# The launch button opens a notebook on Binder, in the repository named in site/repository.txt
# (its first line, owner/name; the README's badge and CITATION.cff name the same one).
repository = (HERE / "repository.txt").read_text(encoding="utf-8").split("#")[0].strip() or "OWNER/REPO"
# "student" (the default: solutions removed) or "instructor": written by tools/build_site.py
site_kind = (HERE / "site_kind.txt").read_text().strip() if (HERE / "site_kind.txt").exists() else "student"
if site_kind == "instructor":
    project += " (instructor edition: solutions, hidden tests and rubrics; do not publish)"
html_theme = "sphinx_book_theme"
html_title = project
html_context = {"default_mode": "light"}  # the theme otherwise logs an error on a first visit
html_theme_options = {
    "repository_url": f"https://github.com/{repository}",
    "repository_branch": "main",
    "path_to_docs": "",
    "use_repository_button": True,
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
    "show_navbar_depth": 1,
    "navbar_persistent": [],  # one search box (in the navigation), not a second in a header bar
    "secondary_sidebar_items": {"notebooks/*": [], "*": ["page-toc"]},  # notebooks: figures get the width
}

# MathJax from a local copy (jupyter-server-mathjax), so pages render offline.
static = HERE / "_static"
mathjax_copy = static / "mathjax"
if not mathjax_copy.exists():
    shutil.copytree(Path(jupyter_server_mathjax.__file__).parent / "static", mathjax_copy)
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"  # browsers otherwise ask for /favicon.ico and get a 404
mathjax_path = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
mathjax2_config = {  # the local copy has the STIX-Web fonts only
    "HTML-CSS": {"availableFonts": [], "webFont": "STIX-Web", "imageFont": None, "preferredFont": None},
    # MyST-NB marks a notebook's content "tex2jax_ignore mathjax_ignore" and each formula "math":
    # processClass lets MathJax 2 typeset the formulas inside (tools/check_site.py checks it)
    "tex2jax": {
        "inlineMath": [["$", "$"], ["\\(", "\\)"]],
        "processEscapes": True,
        "processClass": "math|output_area",
    },
}
html_css_files = ["site.css"]  # full-width figures, one search box, scrolling output
html_js_files = ["site.js"]  # folds the navigation away on a notebook's page
