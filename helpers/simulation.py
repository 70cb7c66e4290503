"""Simulation set-up: seeds, Brian2's target and compile cache, one clock
convention, and networks compiled once and re-run with new values (sliders).

Clock convention (keeps Brian2's compiled code identical between calls):
- simulated groups run on Brian2's ``defaultclock``; a builder that needs another
  step wraps its ``run`` in ``with time_step(dt):``, which sets and restores it;
- anything that runs on a slower (or faster) clock, such as a monitor that
  samples every 10 ms, uses ``named_clock(dt)``: one ``Clock`` per step size for
  the whole Python session, so the clock's name in the generated code never changes.
Never pass ``dt=`` to a group: that makes a new clock, a new name and a new compile.
"""

import contextlib
import hashlib
import inspect
import os
import threading
import time
from pathlib import Path

import brian2
import numpy as np
from brian2 import Clock, NeuronGroup, Quantity, check_units, defaultclock, implementation, second
from brian2.devices.cpp_standalone.device import CPPStandaloneDevice
from brian2.devices.device import get_device, reset_device, set_device

from .figures import show_alt_text
from .plotting import use_style

DEFAULT_SEED = 2026
NOTEBOOK_DT = 0.1 * brian2.ms  # the step every notebook starts with


def cache_root():
    """Folder for compiled code: ``$NEUROPLASTICITY_CACHE``, else ``~/.cache/neuroplasticity``.

    Brian2 compiles each model to C++ the first time it runs; the result is
    kept here, so later runs (and Binder, which warms it at build time) start fast.
    """
    folder = os.environ.get("NEUROPLASTICITY_CACHE") or Path.home() / ".cache" / "neuroplasticity"
    return Path(folder)


def setup_notebook(seed=DEFAULT_SEED, target="cython"):
    """Prepare a notebook: plotting style, seeds, Brian2 target and cache folder.

    ``target`` is Brian2's runtime code-generation target: ``"cython"``
    (compiled, fast once cached) or ``"numpy"`` (no compiler, no compile wait;
    fine for small models). Returns a seeded ``numpy.random.Generator``.
    """
    if target not in ("cython", "numpy"):
        raise ValueError(f"target must be 'cython' or 'numpy', got {target!r}")
    reset_device("runtime")  # leave any standalone build a previous cell started
    brian2.prefs.codegen.target = target
    brian2.prefs.codegen.runtime.cython.cache_dir = str(cache_root() / "cython")
    brian2.prefs.logging.file_log = False
    brian2.BrianLogger.log_level_warn()
    defaultclock.dt = NOTEBOOK_DT
    use_style()
    show_alt_text()  # every figure's output carries a description (the rendered site's alt text)
    return seed_everything(seed)


COMPILED_SUFFIXES = {".so", ".o", ".pyd", ".dll", ".dylib"}


def compiled_files(folder=None):
    """{path relative to ``folder``: (size, modification time)} of every compiled module or
    standalone program under ``folder`` (default: ``cache_root()``). Comparing two listings
    tells whether anything was compiled in between."""
    folder = Path(folder) if folder is not None else cache_root()
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and (path.suffix in COMPILED_SUFFIXES or (path.name == "main" and os.access(path, os.X_OK))):
            stat = path.stat()
            found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return found


def seed_everything(seed=DEFAULT_SEED):
    """Seed Brian2's and NumPy's random numbers; returns a new seeded Generator."""
    brian2.seed(seed)
    np.random.seed(seed)
    return np.random.default_rng(seed)


@contextlib.contextmanager
def time_step(dt):
    """Run the enclosed code with ``defaultclock.dt = dt``, then restore the previous step."""
    previous = defaultclock.dt
    defaultclock.dt = dt
    try:
        yield
    finally:
        defaultclock.dt = previous


@contextlib.contextmanager
def code_target(target):
    """Run the enclosed simulations with Brian2's code-generation ``target``, then restore it.

    ``"numpy"`` compiles nothing: for small models it saves the first run's compile wait.
    """
    if target not in ("cython", "numpy"):
        raise ValueError(f"target must be 'cython' or 'numpy', got {target!r}")
    previous = brian2.prefs.codegen.target
    brian2.prefs.codegen.target = target
    try:
        yield
    finally:
        brian2.prefs.codegen.target = previous


_CLOCKS = {}


def named_clock(dt):
    """The session's one ``Clock`` with step ``dt`` (e.g. for a monitor sampling every 10 ms).

    One per Brian2 device: a compiled (standalone) program gets its own clocks.
    """
    step_s = round(float(dt / second), 12)
    key = (id(get_device()), step_s)
    if key not in _CLOCKS:
        _CLOCKS[key] = Clock(dt=dt, name=f"clock_{step_s:g}s".replace(".", "p").replace("-", "m"))
    return _CLOCKS[key]


def fingerprint(value):
    """A text that changes whenever ``value`` does: numbers, strings, quantities, arrays, dicts,
    lists, rules (anything with ``as_dict``) and functions (their source). Used as a cache key."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{fingerprint(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(fingerprint(v) for v in value) + "]"
    if isinstance(value, Quantity):
        return f"Q({fingerprint(np.asarray(value))},{value.dim!r})"
    if isinstance(value, np.ndarray):
        return f"A({value.dtype},{value.shape},{hashlib.sha1(value.tobytes()).hexdigest()})"
    if isinstance(value, (str, int, float, bool, np.number, type(None))):
        return repr(value)
    if hasattr(value, "as_dict"):
        return fingerprint(value.as_dict())
    if callable(value):
        return f"{value.__module__}.{value.__qualname__}:{inspect.getsource(value)}"
    raise TypeError(
        f"cannot use a {type(value).__name__} as part of a model's key; pass numbers, "
        f"quantities, arrays, strings, rules or dicts of them"
    )


class CompiledNetwork:
    """A Brian2 network compiled once to a C++ program, then re-run with new values.

    Make one with ``compile_network(build, **arguments)``, not directly. ``build``
    creates the Brian2 objects, calls ``network.run`` and returns a dict of the
    groups and monitors to read or change later. Each ``run`` takes about the
    simulated steps' worth of C++ time plus 20 ms: fast enough for a slider.
    Only variables marked ``(constant)`` or set before the run can be changed
    through ``run``; sizes and the duration are fixed when compiled. Random
    numbers drawn inside the program start from ``seed`` at every run: the
    same values in give the same numbers out.
    """

    def __init__(self, build, arguments, seed, key):
        self.key = key
        self.directory = str(cache_root() / "standalone" / f"{build.__name__}-{key[:12]}")
        self.device = CPPStandaloneDevice()  # its own device, so several can coexist
        set_device(self.device, build_on_run=False, directory=self.directory)
        try:
            brian2.seed(seed)  # compiled into the program
            self.objects = build(**arguments)
            self.device.build(directory=self.directory, run=False, compile=True)
        finally:
            reset_device("runtime")
        self.last_run_seconds = None

    def __getitem__(self, key):
        return self.objects[key]

    def run(self, values=None, progress=False):
        """Run the compiled program; ``values`` maps e.g. ``{group.rate: 10*Hz}`` to new values.

        ``progress=True`` prints the program's progress reports while it runs
        (the builder must include a ``progress_reporter``).
        """
        start = time.perf_counter()
        stop = threading.Event()
        reporter = threading.Thread(
            target=_print_new_lines, daemon=True, args=(Path(self.directory) / "results" / "stdout.txt", stop)
        )
        if progress:
            reporter.start()
        try:
            self.device.run(directory=self.directory, with_output=False, run_args=values or {})
        finally:
            stop.set()
            if progress:
                reporter.join()
        self.last_run_seconds = time.perf_counter() - start
        return self


def _print_new_lines(path, stop, every_s=0.5):
    """Print lines as a running program appends them to ``path``, until ``stop`` is set."""
    printed = 0
    while True:
        finished = stop.wait(every_s)
        try:
            lines = path.read_text().splitlines(keepends=True)
        except OSError:
            lines = []
        complete = [line for line in lines if line.endswith("\n")]
        for line in complete[printed:]:
            print(line.strip(), flush=True)
        printed = max(printed, len(complete))
        if finished:
            return


@implementation(
    "cpp",
    """
double report_progress(double t, double duration) {
    printf("%.0f of %.0f s of biology simulated\\n", t, duration);
    fflush(stdout);
    return 0;
}""",
)
@check_units(t=second, duration=second, result=1)
def report_progress(t, duration):
    """Print how far a run has got (in compiled programs: from C++, see ``progress_reporter``)."""
    print(f"{float(t):.0f} of {float(duration):.0f} s of biology simulated", flush=True)
    return 0


def progress_reporter(duration, every):
    """A group to add to a compiled network: it prints progress every ``every`` of biological time.

    Cheap (one call per report), unlike Brian2's ``report="text"``, which reads the CPU
    clock for every object at every step. Show the lines with ``program.run(..., progress=True)``.
    """
    group = NeuronGroup(
        1, "reported : 1", name="progress", namespace={"duration": duration, "report_progress": report_progress}
    )
    group.run_regularly("reported = report_progress(t, duration)", clock=named_clock(every))
    return group


_PROGRAMS = {}


def compile_network(build, seed=DEFAULT_SEED, **arguments):
    """``build(**arguments)`` compiled once per Python session, as a ``CompiledNetwork``.

    The program is keyed by the builder (its name and source), every argument
    (rule strings, parameters, sizes, duration) and the seed: calling this again
    with the same ones (re-running a cell) returns the same program without
    compiling; changing any of them (a new rule, say) makes a new program in
    its own folder, so no model can silently replace another one's program.
    On disk, Brian2 rewrites only changed files, so a new session reuses the
    compiled code.
    """
    if build.__name__ == "<lambda>":
        raise ValueError(
            "build must be a named function (e.g. models.calcium.build_rate_protocol_network), "
            "with its arguments passed to compile_network, so the program can be keyed by them"
        )
    key = hashlib.sha1(fingerprint([build, arguments, seed]).encode()).hexdigest()
    if key not in _PROGRAMS:
        _PROGRAMS[key] = CompiledNetwork(build, arguments, seed, key)
    return _PROGRAMS[key]
