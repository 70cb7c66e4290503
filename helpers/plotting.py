"""One plotting style for the collection: colour-blind-safe colours, units on every axis.

Colours come from the Okabe & Ito palette, which stays distinct for the common
forms of colour blindness. Every function takes a Matplotlib ``ax`` (or makes
one), labels its axes with units and returns the ``ax``.
"""

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

# Okabe & Ito (2008), "Color Universal Design".
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
# Fixed meanings used in every notebook.
LTP_COLOR = COLORS["vermillion"]  # potentiation, theta_p
LTD_COLOR = COLORS["blue"]  # depression, theta_d
MODEL_COLOR = COLORS["black"]
DATA_COLOR = COLORS["orange"]
# For a second, ordered quantity in a figure (a dose, a time): markers, one per level.
MARKERS = ["o", "s", "^", "D", "v", "P"]


def ordered_colors(n, low=0.0, high=0.85):
    """``n`` colours of viridis, dark to light: one colour scale for one ordered quantity
    (viridis is ordered in lightness and stays readable with colour blindness; its lightest,
    yellow end is left out because it vanishes on white)."""
    return [mpl.colormaps["viridis"](x) for x in np.linspace(low, high, n)]


def grey_levels(n, light=0.7):
    """``n`` greys, light to black: a second ordered quantity next to ``ordered_colors``."""
    return [str(round(x, 3)) for x in np.linspace(light, 0.0, n)]


def use_style():
    """Apply the collection's Matplotlib style (called by ``setup_notebook``)."""
    mpl.rcParams.update(
        {
            "axes.prop_cycle": mpl.cycler(
                color=[COLORS[k] for k in ("blue", "orange", "green", "vermillion", "sky", "purple", "black")]
            ),
            "figure.figsize": (6.4, 3.6),
            "figure.dpi": 100,
            "savefig.dpi": 120,
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "legend.frameon": False,
            "lines.linewidth": 1.8,
        }
    )


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots()
    return ax


def raster(spike_times_s, neuron_indices, ax=None, title="Spike raster", color=MODEL_COLOR):
    """Spike raster: times (s) on x, neuron index on y."""
    ax = _axes(ax)
    ax.plot(np.asarray(spike_times_s), np.asarray(neuron_indices), "|", color=color, markersize=8)
    ax.set(xlabel="time (s)", ylabel="neuron index", title=title)
    return ax


def spike_rows(rows, ax=None, title="Spikes", xlabel="time (ms)"):
    """A labelled raster with one row per spike train: ``rows`` is a list of
    ``(label, spike_times, color)`` (times in the unit ``xlabel`` names). An empty
    train keeps its row, labelled, so 'no spikes' is visible too."""
    ax = _axes(ax)
    for row, (label, times, color) in enumerate(rows):
        times = np.asarray(times)
        ax.plot(times, np.full(times.shape, row), "|", color=color, markersize=12, markeredgewidth=1.5)
    ax.set_yticks(range(len(rows)), [label for label, _, _ in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first row on top
    ax.grid(False, axis="y")
    ax.set(xlabel=xlabel, title=title)
    return ax


def voltage_trace(t_ms, v_mV, ax=None, threshold_mV=None, title="Membrane potential", label=None):
    """Membrane potential (mV) against time (ms), with the firing threshold dashed if given."""
    ax = _axes(ax)
    ax.plot(t_ms, v_mV, color=MODEL_COLOR, label=label)
    if threshold_mV is not None:
        ax.axhline(threshold_mV, ls="--", color=COLORS["vermillion"], label="threshold")
    ax.set(xlabel="time (ms)", ylabel="membrane potential (mV)", title=title)
    if label is not None or threshold_mV is not None:
        ax.legend(loc="upper right")
    return ax


def calcium_trace(
    t_ms, calcium, theta_d, theta_p, ax=None, title="Calcium and the two thresholds", label="calcium c", legend=True
):
    """Calcium (dimensionless, in units of the depression threshold) against time (ms).

    The depression threshold ``theta_d`` and potentiation threshold ``theta_p``
    are drawn as dashed lines; time above each is shaded in its colour.
    """
    ax = _axes(ax)
    calcium = np.asarray(calcium)
    ax.plot(t_ms, calcium, color=MODEL_COLOR, label=label)
    ax.axhline(theta_d, ls="--", color=LTD_COLOR, label=r"$\theta_d$ (depression)")
    ax.axhline(theta_p, ls="--", color=LTP_COLOR, label=r"$\theta_p$ (potentiation)")
    ax.fill_between(
        t_ms,
        theta_d,
        np.minimum(calcium, theta_p),
        where=calcium > theta_d,
        color=LTD_COLOR,
        alpha=0.3,
        label="above $\\theta_d$ only",
    )
    ax.fill_between(
        t_ms, theta_p, calcium, where=calcium > theta_p, color=LTP_COLOR, alpha=0.3, label="above $\\theta_p$"
    )
    ax.set(xlabel="time (ms)", ylabel="calcium c (a.u.)", title=title)
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    return ax


def weight_trace(
    t_s,
    weight,
    ax=None,
    title="Synaptic weight",
    label=None,
    color=MODEL_COLOR,
    ylabel="weight w (fraction of maximum)",
):
    """Synaptic weight against time (s)."""
    ax = _axes(ax)
    ax.plot(t_s, weight, color=color, label=label)
    ax.set(xlabel="time (s)", ylabel=ylabel, title=title)
    if label is not None:
        ax.legend()
    return ax


def change_vs_frequency(
    frequencies_hz,
    change_percent,
    ax=None,
    label="model",
    title="Weight change against stimulation frequency",
    sign_bands=None,
):
    """Weight change (%) against stimulation frequency (Hz, log axis).

    ``sign_bands``: optional list of ``(low_hz, high_hz, sign)`` from published
    data (sign -1 LTD, 0 no change / crossover, +1 LTP), drawn as shaded bands.
    """
    ax = _axes(ax)
    if sign_bands is not None:
        names = {-1: "data: LTD", 0: "data: crossover", 1: "data: LTP"}
        colors = {-1: LTD_COLOR, 0: COLORS["yellow"], 1: LTP_COLOR}
        for low, high, sign in sign_bands:
            ax.axvspan(low, min(high, 1e3), color=colors[sign], alpha=0.15, label=names[sign])
    ax.semilogx(frequencies_hz, change_percent, "o-", color=MODEL_COLOR, label=label)
    ax.axhline(0, color="grey", lw=1)
    ax.set(xlabel="stimulation frequency (Hz)", ylabel="weight change (%)", title=title)
    ax.set_xlim(min(frequencies_hz) / 1.5, max(frequencies_hz) * 1.5)
    ax.legend(fontsize=9)
    return ax


def change_vs_timing(
    timings_ms, change_percent, ax=None, label="model", title="Weight change against spike timing", data=None
):
    """Weight change (%) against spike timing t_post - t_pre (ms).

    ``data``: optional ``(timings_ms, change_percent, error_percent)`` to overlay.
    """
    ax = _axes(ax)
    ax.plot(timings_ms, change_percent, "-", color=MODEL_COLOR, label=label)
    if data is not None:
        x, y, err = data
        ax.errorbar(x, y, yerr=err, fmt="o", color=DATA_COLOR, label="data")
    ax.axhline(0, color="grey", lw=1)
    ax.axvline(0, color="grey", lw=1)
    ax.set(xlabel=r"spike timing $t_{post} - t_{pre}$ (ms)", ylabel="weight change (%)", title=title)
    ax.legend()
    return ax


def histogram(values, xlabel, ax=None, bins=30, title="Distribution", color=COLORS["blue"]):
    """Histogram of ``values``; ``xlabel`` must carry the unit, e.g. 'weight (nS)'."""
    ax = _axes(ax)
    ax.hist(np.asarray(values), bins=bins, color=color, edgecolor="white")
    ax.set(xlabel=xlabel, ylabel="count", title=title)
    return ax
