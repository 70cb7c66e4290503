"""Interactive controls: a thin wrapper around ``ipywidgets.interactive``.

``live_plot`` also records each widget's function and controls in ``REGISTRY``
so the benchmark (``tools/benchmark.py``) can time one re-run of every slider
without a browser.
"""

import ipywidgets
from IPython.display import display

REGISTRY = []


def live_plot(update, **controls):
    """Show ``controls`` (ipywidgets sliders...) that re-run ``update(**values)`` when moved.

    ``update`` draws its figure with ``plt.show()`` and should answer within
    about a second. Sliders re-run when released, not while dragged. The
    widget is displayed here; nothing is returned, so a notebook cell ending
    with this call does not show it a second time.
    """
    for control in controls.values():
        if hasattr(control, "continuous_update"):
            control.continuous_update = False
    widget = ipywidgets.interactive(update, **controls)  # runs update once
    REGISTRY.append({"name": update.__name__, "update": update, "controls": controls})
    display(widget)
