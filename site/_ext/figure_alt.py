"""Sphinx extension: give every notebook figure its alt text.

helpers.setup_notebook makes each figure's output carry ``{"alt": ...}``, a
description written from the figure's titles, axes and legend
(helpers.figures.describe_figure). MyST-NB names an image file by the SHA-256 of
its bytes but keeps only width and height from the output metadata, so this
extension matches each image node to its output by that hash and sets ``alt``.
"""

import base64
import hashlib
from pathlib import Path

import nbformat
from docutils import nodes


def alt_texts(notebook_path):
    """{sha256 of the PNG bytes: alt text} for every figure output of a notebook."""
    found = {}
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            alt = output.get("metadata", {}).get("image/png", {}).get("alt")
            if png and alt:
                found[hashlib.sha256(base64.b64decode(png)).hexdigest()] = alt
    return found


def set_alt_texts(app, doctree):
    source = Path(app.env.doc2path(app.env.docname))
    if source.suffix != ".ipynb":
        return
    texts = alt_texts(source)
    for image in doctree.findall(nodes.image):
        digest = Path(image["uri"]).stem
        if digest in texts and not image.get("alt"):
            image["alt"] = texts[digest]


def setup(app):
    app.connect("doctree-read", set_alt_texts)
    return {"parallel_read_safe": True}
