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

import atexit
import contextlib
import filecmp
import hashlib
import inspect
import math
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import brian2
import numpy as np
from brian2 import Clock, NeuronGroup, Quantity, check_units, defaultclock, implementation, second
from brian2.codegen.cpp_prefs import get_compiler_and_args
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
    if shared_cache_root() is not None:
        link_shared_modules(shared_cache_root() / "cython", cache_root() / "cython")
    brian2.prefs.logging.file_log = False
    brian2.BrianLogger.log_level_warn()
    defaultclock.dt = NOTEBOOK_DT
    use_style()
    show_alt_text()  # every figure's output carries a description (the rendered site's alt text)
    return seed_everything(seed)


def shared_cache_root():
    """A read-only compiled cache shared by every user of an environment, or ``None``.

    Set ``NEUROPLASTICITY_SHARED_CACHE`` to a folder filled once by
    ``python tools/warm_cache.py --shared FOLDER`` (a hub's kernel spec can carry the
    variable). A compiled model found there, built from the same code, runs from it; any
    other model compiles into the user's own ``cache_root()`` as usual.
    """
    folder = os.environ.get("NEUROPLASTICITY_SHARED_CACHE")
    return Path(folder) if folder else None


def build_jobs():
    """How many compilers one model build runs at once (``make -jN``).

    ``NEUROPLASTICITY_BUILD_JOBS`` if set, else the cores this process may run on (its
    CPU affinity, and a container's CPU quota if it has one), so a student's build does
    not start a compiler for every core of a shared machine.
    """
    wanted = os.environ.get("NEUROPLASTICITY_BUILD_JOBS")
    if wanted:
        if not wanted.isdigit() or int(wanted) < 1:
            raise ValueError(f"NEUROPLASTICITY_BUILD_JOBS must be a whole number >= 1, got {wanted!r}")
        return int(wanted)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    try:  # cgroup v2 quota, e.g. "200000 100000" = 2 cores; "max 100000" = no limit
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
        if quota != "max":
            cores = min(cores, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cores)


def link_shared_modules(shared, own):
    """Link each compiled Cython module of the shared cache into the user's own Cython cache.

    Brian2 looks for runtime (Cython) modules in one folder, where it also writes lock files,
    so it cannot use a read-only one: a link there lets it load the shared module without
    compiling (the module's name encodes its code, Python, Cython and NumPy)."""
    shared, own = Path(shared), Path(own)
    if not shared.is_dir():
        return
    for module in shared.iterdir():
        if module.suffix in COMPILED_SUFFIXES and not (own / module.name).exists():
            own.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):  # another kernel linked it just now
                (own / module.name).symlink_to(module)


_RUN_FOLDER = None


def run_folder():
    """This process's own folder for running compiled programs (results, run-time values);
    removed when the process ends. Several users, or kernels, running one compiled program
    at once never share a folder."""
    global _RUN_FOLDER
    if _RUN_FOLDER is None or not _RUN_FOLDER.is_dir():
        _RUN_FOLDER = Path(tempfile.mkdtemp(prefix="neuroplasticity-runs-"))
        atexit.register(shutil.rmtree, _RUN_FOLDER, ignore_errors=True)
    return _RUN_FOLDER


COMPILED_SUFFIXES = {".so", ".o", ".pyd", ".dll", ".dylib"}


def compiled_files(folder=None):
    """{path relative to ``folder``: (size, modification time)} of every compiled module or
    standalone program under ``folder`` (default: ``cache_root()``), links not counted. Comparing two listings
    tells whether anything was compiled in between."""
    folder = Path(folder) if folder is not None else cache_root()
    found = {}
    for path in folder.rglob("*"):  # links to a shared cache's modules were not compiled here
        if (
            path.is_file()
            and not path.is_symlink()
            and (path.suffix in COMPILED_SUFFIXES or (path.name == "main" and os.access(path, os.X_OK)))
        ):
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

    Where things are: the C++ project is written into this process's own run folder
    (``run_folder()``), where the program also runs and writes its results. The compiled
    program (``directory``) comes from the shared cache if it holds one built from the
    same code, else from the user's own cache, compiling there if needed.
    """

    def __init__(self, build, arguments, seed, key):
        self.key = key
        name = f"{build.__name__}-{key[:12]}"
        self.work = run_folder() / name
        self.device = CPPStandaloneDevice()  # its own device, so several can coexist
        set_device(self.device, build_on_run=False, directory=str(self.work))
        try:
            brian2.seed(seed)  # compiled into the program
            self.objects = build(**arguments)
            self.device.build(directory=str(self.work), run=False, compile=False)  # writes C++ only
            self.directory = str(_compiled_program(self.device, self.work, name))
        finally:
            reset_device("runtime")
        program = self.work / "main"
        if program.is_symlink() or program.exists():
            program.unlink()
        program.symlink_to(Path(self.directory) / "main")
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
            target=_print_new_lines, daemon=True, args=(self.work / "results" / "stdout.txt", stop)
        )
        if progress:
            reporter.start()
        try:
            self.device.run(directory=str(self.work), with_output=False, run_args=values or {})
        finally:
            stop.set()
            if progress:
                reporter.join()
        self.last_run_seconds = time.perf_counter() - start
        return self


def _project_files(folder):
    """The files that decide what a C++ project compiles to: sources, headers, the makefile
    (not its data: static arrays are read at run time from the run folder)."""
    folder = Path(folder)
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file()
        and path.relative_to(folder).parts[0] not in ("results", "static_arrays")
        and (path.suffix in (".cpp", ".h", ".c", ".hpp") or path.name == "makefile")
    )


def _project_digest(folder):
    """A digest of the project files in ``folder``: their names and their lines, in sorted order.

    Sorted, because Brian2 writes some independent statements (one per clock: declarations,
    resets at the start of a run) in the order of a Python set, which differs between
    processes: one model gives the same digest in every kernel. Any changed line changes it."""
    digest = hashlib.sha1()
    for relative in _project_files(folder):
        lines = sorted((Path(folder) / relative).read_bytes().splitlines())
        digest.update(relative.encode() + b"\0" + b"\n".join(lines) + b"\0")
    return digest.hexdigest()


STAMP = ".project.sha1"  # written next to a program once it compiled: the digest of its sources


def _holds_program(folder, digest):
    """Whether ``folder`` holds a program compiled from the project with ``digest``."""
    try:
        return (Path(folder) / "main").is_file() and (Path(folder) / STAMP).read_text() == digest
    except OSError:
        return False


def _compiled_program(device, generated, name):
    """The folder of the compiled program for the project just written to ``generated``:
    the shared cache's if it holds one from the same sources, else the user's own
    (copied and compiled there when needed)."""
    digest = _project_digest(generated)
    shared = shared_cache_root()
    if shared is not None and _holds_program(shared / "standalone" / name, digest):
        return shared / "standalone" / name
    own = cache_root() / "standalone" / name
    own.mkdir(parents=True, exist_ok=True)
    from brian2.utils.filelock import FileLock

    with FileLock(str(own / ".compile.lock")):  # two kernels of one user compiling one model
        if not _holds_program(own, digest):
            (own / STAMP).unlink(missing_ok=True)
            for relative in _project_files(generated):
                source, target = Path(generated) / relative, own / relative
                # copy only what changed, so make recompiles only that
                if not target.is_file() or not filecmp.cmp(source, target, shallow=False):
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
            compiler, _ = get_compiler_and_args()
            previous = brian2.prefs.devices.cpp_standalone.extra_make_args_unix
            brian2.prefs.devices.cpp_standalone.extra_make_args_unix = [f"-j{build_jobs()}"]
            try:
                device.compile_source(str(own), compiler, debug=False, clean=False)
            finally:
                brian2.prefs.devices.cpp_standalone.extra_make_args_unix = previous
            (own / STAMP).write_text(digest)
    return own


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
