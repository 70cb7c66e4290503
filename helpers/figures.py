"""Alt text for the collection's figures, written from the figure itself.

``describe_figure`` reads a Matplotlib figure's titles, axis labels and
legend entries and says what it shows in one paragraph, for readers of the
rendered site who cannot see the image. ``show_alt_text`` makes every figure a
notebook displays carry that text in its output metadata (``"alt"``), where
the site builder (``tools/build_site.py``) finds it.
"""

import io
import re

from matplotlib.figure import Figure


def plain(text):
    """Matplotlib mathtext as plain words: '$\\theta_d$' -> 'theta_d'."""
    return re.sub(r"\\([a-zA-Z]+)", r"\1", text).replace("$", "").replace("{", "").replace("}", "")


def _x_label(ax):
    """The axes' x label, or that of a panel sharing its x axis (stacked panels label only the last)."""
    for sibling in [ax] + list(ax.get_shared_x_axes().get_siblings(ax)):
        if sibling.get_xlabel():
            return sibling.get_xlabel()
    return ""


def _axes_sentence(ax):
    title = ax.get_title() or "a panel"
    xlabel, ylabel = _x_label(ax), ax.get_ylabel()
    sentence = title
    if xlabel or ylabel:
        sentence += f": {ylabel or 'a value'} against {xlabel or 'position'}"
    legend = ax.get_legend()
    if legend is not None:
        entries = [text.get_text() for text in legend.get_texts() if text.get_text()]
        if entries:
            sentence += " (" + "; ".join(entries) + ")"
    return plain(sentence)


def describe_figure(fig):
    """One paragraph saying what ``fig`` shows: its title, then each panel's title, axes and legend."""
    panels = [ax for ax in fig.get_axes() if ax.get_visible() and (ax.has_data() or ax.get_title())]
    title = plain(fig._suptitle.get_text()) if fig._suptitle is not None else ""
    if not panels:
        return f"Figure: {title}" if title else "Figure"
    sentences = [_axes_sentence(ax) for ax in panels]
    if len(panels) == 1:
        body = sentences[0]
    else:
        body = f"{len(panels)} panels. " + " ".join(f"Panel {k}: {s}." for k, s in enumerate(sentences, 1))
    return f"Figure: {title}. {body}" if title else f"Figure: {body}"


def _png_with_alt(fig):
    buffer = io.BytesIO()
    fig.canvas.print_figure(buffer, format="png", bbox_inches="tight", dpi=fig.dpi)
    return buffer.getvalue(), {"alt": describe_figure(fig)}


def show_alt_text():
    """In IPython, display every Matplotlib figure as PNG with ``{"alt": describe_figure(fig)}``
    in the output's metadata. Does nothing outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    shell.display_formatter.formatters["image/png"].for_type(Figure, _png_with_alt)
