"""Simulation set-up: seeds, Brian2's code-generation target and compile cache,
and a network compiled once and re-run with new parameter values (for sliders).

Keeping the compile cache warm: Brian2 reuses compiled code only when the
generated code is identical. A group given its own ``dt`` gets a new clock whose
name ends up in that code, so a function that builds such a group on every call
compiles again each time. Use the default clock, or one ``Clock`` created once
and passed as ``clock=`` (see ``models.BCM_CLOCK``).
"""
import os
import time
from pathlib import Path

import brian2
import numpy as np
from brian2.devices.cpp_standalone.device import CPPStandaloneDevice
from brian2.devices.device import reset_device, set_device

from .plotting import use_style

DEFAULT_SEED = 2026


def cache_root():
    """Folder for compiled code: ``$NEUROPLASTICITY_CACHE``, else ``~/.cache/neuroplasticity``.

    Brian2 compiles each model to C++ the first time it runs (30-45 s); the
    result is kept here, so later runs (and Binder, which warms it at build
    time) start in about a second.
    """
    folder = os.environ.get("NEUROPLASTICITY_CACHE") or Path.home() / ".cache" / "neuroplasticity"
    return Path(folder)


def setup_notebook(seed=DEFAULT_SEED, target="cython"):
    """Prepare a notebook: plotting style, seeds, Brian2 target and cache folder.

    ``target`` is Brian2's runtime code-generation target: ``"cython"``
    (compiled, fast once cached) or ``"numpy"`` (no compiler needed, slower).
    Returns a seeded ``numpy.random.Generator`` for the notebook's own draws.
    """
    if target not in ("cython", "numpy"):
        raise ValueError(f"target must be 'cython' or 'numpy', got {target!r}")
    reset_device("runtime")  # leave any standalone build a previous cell started
    brian2.prefs.codegen.target = target
    brian2.prefs.codegen.runtime.cython.cache_dir = str(cache_root() / "cython")
    brian2.prefs.logging.file_log = False
    brian2.BrianLogger.log_level_warn()
    brian2.defaultclock.dt = 0.1 * brian2.ms
    use_style()
    return seed_everything(seed)


def seed_everything(seed=DEFAULT_SEED):
    """Seed Brian2's and NumPy's random numbers; returns a new seeded Generator."""
    brian2.seed(seed)
    np.random.seed(seed)
    return np.random.default_rng(seed)


class CompiledNetwork:
    """A Brian2 network compiled once to a C++ program, then re-run with new values.

    ``build`` is a function with no arguments that creates the Brian2 objects,
    calls ``network.run`` (once or more) and returns a dict of the groups and
    monitors you want to read or change later. Compiling
    takes a few seconds the first time (cached under ``cache_root()``); each
    ``run`` then takes about the simulated steps' worth of C++ time plus 20 ms,
    fast enough for a slider. Only variables marked ``(constant)`` or set
    before the run can be changed; the number of neurons and the duration are
    fixed when compiled. Random numbers drawn inside the program start from
    ``seed`` at every run: same values in, same numbers out.
    """

    def __init__(self, name, build, seed=DEFAULT_SEED):
        self.name = name
        self.directory = str(cache_root() / "standalone" / name)
        self.device = CPPStandaloneDevice()  # its own device, so several can coexist
        set_device(self.device, build_on_run=False, directory=self.directory)
        try:
            # compiled into the program: every run draws the same random numbers
            # (runs differ only through the values passed to ``run``)
            brian2.seed(seed)
            self.objects = build()
            self.device.build(directory=self.directory, run=False, compile=True)
        finally:
            reset_device("runtime")
        self.last_run_seconds = None

    def __getitem__(self, key):
        return self.objects[key]

    def run(self, values=None):
        """Run the compiled program; ``values`` maps e.g. ``{group.rate: 10*Hz}`` to new values."""
        start = time.perf_counter()
        self.device.run(directory=self.directory, with_output=False, run_args=values or {})
        self.last_run_seconds = time.perf_counter() - start
        return self
