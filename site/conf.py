"""Sphinx settings of the collection's rendered site (built by tools/build_site.py).

tools/build_site.py copies this folder to site/_build/source together with the
executed notebooks and runs Sphinx there; nothing is executed by Sphinx itself.
"""

import re
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

# The launch button opens a notebook on Binder: the repository is the one the README's Binder
# badge names (https://mybinder.org/v2/gh/<owner>/<repository>/main...).
badge = re.search(r"mybinder\.org/v2/gh/([^/]+/[^/]+)/", (ROOT / "README.md").read_text(encoding="utf-8"))
repository = badge.group(1) if badge else "OWNER/REPO"
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
    "tex2jax": {"inlineMath": [["$", "$"], ["\\(", "\\)"]], "processEscapes": True},
}
