"""Unit tests for the ``helpers`` package.

Run with: ``.venv/bin/python -m pytest tests/test_helpers.py -q``
Only the compile_network tests compile C++ (a few seconds); the rest is fast.
"""

import math
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # before pyplot is imported (helpers.plotting imports it)

import brian2  # noqa: E402
import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from brian2 import Hz, Mohm, Network, NeuronGroup, SpikeMonitor, ms, mV, nA, second  # noqa: E402
from brian2.devices.device import runtime_device  # noqa: E402

import helpers  # noqa: E402
from helpers import checks, data, models, plotting, protocols, simulation, validation, widgets  # noqa: E402
from helpers.models import bcm, calcium, competition, inputs, neurons, stdp  # noqa: E402
from helpers.simulation import cache_root, seed_everything, setup_notebook  # noqa: E402

# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------


def test_require_in_range_accepts_values_and_returns_float():
    assert validation.require_in_range("x", 0, 0, 1) == 0.0
    assert validation.require_in_range("x", 1, 0, 1) == 1.0
    result = validation.require_in_range("x", 0.5, 0, 1, low_inclusive=False, high_inclusive=False)
    assert result == 0.5 and isinstance(result, float)


@pytest.mark.parametrize("value", [-0.1, 1.5, float("nan")])
def test_require_in_range_rejects_out_of_range_and_nan(value):
    with pytest.raises(ValueError) as error:
        validation.require_in_range("tau_m", value, 0, 1, "ms")
    message = str(error.value)
    assert "tau_m" in message
    assert "[0, 1] ms" in message


def test_require_in_range_exclusive_bounds():
    with pytest.raises(ValueError, match=r"x must be in \(0, 1\]"):
        validation.require_in_range("x", 0, 0, 1, low_inclusive=False)
    with pytest.raises(ValueError, match=r"x must be in \[0, 1\)"):
        validation.require_in_range("x", 1, 0, 1, high_inclusive=False)


@pytest.mark.parametrize("value", ["abc", None, [1, 2]])
def test_require_in_range_rejects_non_numbers_naming_the_parameter(value):
    with pytest.raises(ValueError, match="rate_hz"):
        validation.require_in_range("rate_hz", value, 0, 100, "Hz")


def test_require_in_range_non_number_message_names_the_range():
    with pytest.raises(ValueError, match=r"\[0, 100\]"):
        validation.require_in_range("rate_hz", "abc", 0, 100, "Hz")


def test_require_quantity_checks_dimension_and_range():
    assert validation.require_quantity("tau", 2.5 * ms, second, 0, low_inclusive=False) == 2.5 * ms
    for bad in (0 * ms, -1 * ms, float("nan") * ms):
        with pytest.raises(ValueError, match=r"tau must be in \(0, inf\]"):
            validation.require_quantity("tau", bad, second, 0, low_inclusive=False)
    with pytest.raises(ValueError, match="tau must be a Brian2 quantity in second .*plain number"):
        validation.require_quantity("tau", 2.5, second)
    with pytest.raises(ValueError, match="tau must be a Brian2 quantity in s"):
        validation.require_quantity("tau", 2.5 * Hz, second)


def test_require_count():
    assert validation.require_count("n", 3) == 3
    assert isinstance(validation.require_count("n", 3.0), int)
    with pytest.raises(ValueError, match=r"n must be a whole number in \[1, 10\]"):
        validation.require_count("n", 2.5, high=10)
    for bad in (0, -3, 11, float("nan")):
        with pytest.raises(ValueError, match=r"n must be in \[1, 10\]"):
            validation.require_count("n", bad, high=10)
    with pytest.raises(ValueError, match="n must be a number"):
        validation.require_count("n", "three")


# ---------------------------------------------------------------------------
# protocols
# ---------------------------------------------------------------------------


def test_regular_train_spacing_count_and_start():
    train = protocols.regular_train(20 * Hz, 5, start=0.5 * second)
    np.testing.assert_allclose(train / second, [0.5, 0.55, 0.6, 0.65, 0.7])


def test_tetanus_defaults_100_pulses_at_100_hz():
    train = protocols.tetanus()
    assert len(train) == 100
    assert train[0] == 0 * second
    np.testing.assert_allclose(np.diff(train / second), 0.01)


def test_low_frequency_stimulation_defaults_900_pulses_at_1_hz():
    train = protocols.low_frequency_stimulation()
    assert len(train) == 900
    assert train[0] == 0 * second
    np.testing.assert_allclose(np.diff(train / second), 1.0)


@pytest.mark.parametrize("timing_ms", [10.0, -10.0, 99.0, -99.0])
def test_pairing_post_minus_pre_is_the_timing(timing_ms):
    pre, post = protocols.pairing(60, 10 * Hz, timing_ms * ms)
    assert len(pre) == len(post) == 60
    np.testing.assert_allclose((post - pre) / ms, timing_ms)
    np.testing.assert_allclose(np.diff(pre / second), 0.1)
    assert min(pre.min(), post.min()) >= 0 * second


@pytest.mark.parametrize("timing_ms", [100.0, -100.0, 150.0])
def test_pairing_rejects_timing_of_a_period_or_more(timing_ms):
    # 10 Hz: the period is 100 ms
    with pytest.raises(ValueError, match="timing"):
        protocols.pairing(60, 10 * Hz, timing_ms * ms)


def test_poisson_train_same_seed_same_train():
    first = protocols.poisson_train(20 * Hz, 10 * second, np.random.default_rng(1))
    second_train = protocols.poisson_train(20 * Hz, 10 * second, np.random.default_rng(1))
    other = protocols.poisson_train(20 * Hz, 10 * second, np.random.default_rng(2))
    np.testing.assert_array_equal(first, second_train)
    assert not np.array_equal(first, other)


def test_poisson_train_count_sorted_and_inside_duration():
    train = protocols.poisson_train(20 * Hz, 100 * second, np.random.default_rng(0)) / second
    expected = 20 * 100
    assert abs(len(train) - expected) < 5 * math.sqrt(expected)
    assert np.all(np.diff(train) >= 0)
    assert train.min() >= 0.0 and train.max() < 100


@pytest.mark.parametrize(
    "call, parameter",
    [
        (lambda: protocols.regular_train(0 * Hz, 10), "frequency"),
        (lambda: protocols.regular_train(2000 * Hz, 10), "frequency"),
        (lambda: protocols.regular_train(10 * Hz, 0), "n_pulses"),
        (lambda: protocols.regular_train(10 * Hz, 2.5), "n_pulses"),
        (lambda: protocols.regular_train(10 * Hz, 5, start=-1 * second), "start"),
        (lambda: protocols.tetanus(frequency=-100 * Hz), "frequency"),
        (lambda: protocols.pairing(0, 1 * Hz, 10 * ms), "n_pairs"),
        (lambda: protocols.pairing(10, float("nan") * Hz, 10 * ms), "frequency"),
        (lambda: protocols.poisson_train(-5 * Hz, 1 * second, np.random.default_rng(0)), "rate"),
        (lambda: protocols.poisson_train(5 * Hz, 0 * second, np.random.default_rng(0)), "duration"),
    ],
)
def test_protocols_reject_invalid_arguments_naming_the_parameter(call, parameter):
    with pytest.raises(ValueError, match=parameter):
        call()


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: protocols.regular_train(20, 5), "frequency must be a Brian2 quantity in hertz.*plain number"),
        (lambda: protocols.pairing(10, 1 * Hz, 10), "timing must be a Brian2 quantity in second.*plain number"),
        (lambda: protocols.pairing(10, 1 * Hz, 10 * Hz), "timing must be a Brian2 quantity in second"),
        (lambda: validation.require_in_range("fraction", 0.5 * Hz, 0, 1), "plain number.*no Brian2 unit"),
    ],
)
def test_the_unit_convention_gives_a_clear_error_for_the_other_kind(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------


def test_check_close():
    assert checks.check_close("rate", 10.4, 10.0, rel_tol=0.05)
    assert checks.check_close("offset", 0.01, 0.0, abs_tol=0.1)
    for bad in (12.0, None, float("nan")):
        with pytest.raises(AssertionError, match="rate"):
            checks.check_close("rate", bad, 10.0, rel_tol=0.05)


def test_check_sign():
    assert checks.check_sign("change", 3.0, +1)
    assert checks.check_sign("change", -0.2, -1)
    for value, sign in [(-3.0, +1), (0.2, -1), (0.0, +1), (None, -1)]:
        with pytest.raises(AssertionError, match="change"):
            checks.check_sign("change", value, sign)
    with pytest.raises(ValueError, match="expected_sign"):
        checks.check_sign("change", 1.0, 2)


def test_check_between():
    assert checks.check_between("w", 0.5, 0, 1)
    assert checks.check_between("w", 1, 0, 1)
    for bad in (-0.1, 1.1, None, float("nan")):
        with pytest.raises(AssertionError, match="w"):
            checks.check_between("w", bad, 0, 1)


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------


def test_load_dudek_bear_sign_pattern():
    dataset = data.load("dudek_bear_1992_sign_pattern")
    assert set(dataset.columns) == {"band_low_hz", "band_high_hz", "sign"}
    assert len(dataset["sign"]) == len(dataset["band_low_hz"]) > 0
    assert np.all(dataset["band_low_hz"] < dataset["band_high_hz"])
    assert set(dataset["sign"]) <= {-1.0, 0.0, 1.0}
    assert dataset.provenance["source"]
    assert dataset.provenance["obtained"]


def test_load_unknown_name_lists_available_names():
    with pytest.raises(ValueError) as error:
        data.load("no_such_data")
    assert "no_such_data" in str(error.value)
    assert "dudek_bear_1992_sign_pattern" in str(error.value)


def test_load_rejects_file_without_source(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    (tmp_path / "complete.csv").write_text("# source: a paper\n# obtained: typed in\nx,y\n1,2\n")
    (tmp_path / "no_source.csv").write_text("# obtained: typed in\nx,y\n1,2\n")
    assert data.available() == ["complete", "no_source"]
    np.testing.assert_array_equal(data.load("complete")["y"], [2.0])
    with pytest.raises(ValueError, match="source"):
        data.load("no_source")


def test_every_data_file_has_source_and_obtained():
    names = data.available()
    assert names, f"no CSV files found in {data.DATA_DIR}"
    for name in names:
        provenance = data.load(name).provenance
        assert provenance.get("source"), f"data/{name}.csv has no source line"
        assert provenance.get("obtained"), f"data/{name}.csv has no obtained line"


# ---------------------------------------------------------------------------
# plotting
# ---------------------------------------------------------------------------

LABELS_WITHOUT_UNIT = ("count", "neuron index")


@pytest.fixture
def close_figures():
    yield
    plt.close("all")


def assert_labels_have_units(ax):
    for label in (ax.get_xlabel(), ax.get_ylabel()):
        assert label.strip(), "an axis has no label"
        if label not in LABELS_WITHOUT_UNIT:
            assert re.search(r"\([^()]+\)", label), f"label {label!r} has no unit in parentheses"


def test_raster(close_figures):
    _, ax = plt.subplots()
    result = plotting.raster([0.1, 0.2, 0.3], [0, 1, 0], ax=ax)
    assert result is ax
    assert_labels_have_units(ax)


def test_voltage_trace(close_figures):
    ax = plotting.voltage_trace(np.arange(10.0), np.linspace(-70, -50, 10), threshold_mV=-55)
    assert_labels_have_units(ax)


def test_calcium_trace(close_figures):
    t_ms = np.arange(100.0)
    ax = plotting.calcium_trace(t_ms, 2 * np.exp(-t_ms / 20), theta_d=1.0, theta_p=1.3)
    assert_labels_have_units(ax)


def test_weight_trace(close_figures):
    ax = plotting.weight_trace(np.arange(10.0), np.linspace(0.5, 0.7, 10), label="w")
    assert_labels_have_units(ax)


def test_change_vs_frequency_with_sign_bands(close_figures):
    dataset = data.load("dudek_bear_1992_sign_pattern")
    bands = list(zip(dataset["band_low_hz"], dataset["band_high_hz"], dataset["sign"]))
    ax = plotting.change_vs_frequency([1, 3, 10, 30, 100], [-20, -10, 0, 10, 30], sign_bands=bands)
    assert_labels_have_units(ax)
    assert ax.get_xscale() == "log"
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert {"data: LTD", "data: crossover", "data: LTP"} <= set(legend)


def test_change_vs_timing_with_data(close_figures):
    timings = np.linspace(-100, 100, 21)
    data_points = ([-20, 10], [-15, 40], [5, 8])
    ax = plotting.change_vs_timing(timings, np.tanh(timings / 20) * 30, data=data_points)
    assert_labels_have_units(ax)
    assert "data" in [text.get_text() for text in ax.get_legend().get_texts()]


def test_histogram(close_figures):
    ax = plotting.histogram(np.random.default_rng(0).normal(1, 0.1, 100), "weight (nS)")
    assert ax.get_ylabel() == "count"
    assert_labels_have_units(ax)


def test_palette_has_eight_distinct_hex_colours():
    colours = list(plotting.COLORS.values())
    assert len(colours) == 8
    assert len({c.lower() for c in colours}) == 8
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", c) for c in colours)


# ---------------------------------------------------------------------------
# models
# ---------------------------------------------------------------------------

LIF = dict(
    resistance=10 * Mohm, tau_m=10 * ms, v_rest=-70 * mV, v_threshold=-55 * mV, v_reset=-70 * mV, refractory=2 * ms
)


def test_lif_rate_is_zero_at_and_below_rheobase():
    # rheobase = (v_threshold - v_rest) / R = 1.5 nA
    assert neurons.lif_rate_analytic(1.0 * nA, **LIF) == 0 * Hz
    assert neurons.lif_rate_analytic(1.5 * nA, **LIF) == 0 * Hz


def test_lif_rate_matches_hand_computation():
    # v_inf = -70 + 10 MOhm * 2 nA = -50 mV; time to threshold = 10 ms * ln(20 / 5)
    expected_hz = 1 / (2e-3 + 10e-3 * math.log(4.0))  # about 63.0 Hz
    rate = neurons.lif_rate_analytic(2.0 * nA, **LIF)
    assert float(rate / Hz) == pytest.approx(expected_hz, rel=1e-9)


def test_lif_rate_approaches_one_over_refractory_at_huge_current():
    rate_hz = float(neurons.lif_rate_analytic(1e6 * nA, **LIF) / Hz)
    assert rate_hz < 500.0
    assert rate_hz == pytest.approx(500.0, rel=1e-3)


# ---------------------------------------------------------------------------
# simulation
# ---------------------------------------------------------------------------


@pytest.fixture
def restore_brian2_state():
    """setup_notebook changes global preferences, dt and the Matplotlib style: put them back."""
    keys = ("codegen.target", "codegen.runtime.cython.cache_dir", "logging.file_log")
    saved = {key: brian2.prefs[key] for key in keys}
    saved_dt = brian2.defaultclock.dt
    with matplotlib.rc_context():
        yield
    for key, value in saved.items():
        brian2.prefs[key] = value
    brian2.defaultclock.dt = saved_dt


def test_setup_notebook(tmp_path, monkeypatch, restore_brian2_state):
    monkeypatch.setenv("NEUROPLASTICITY_CACHE", str(tmp_path))
    brian2.prefs.codegen.target = "numpy"
    rng = setup_notebook()
    assert isinstance(rng, np.random.Generator)
    assert brian2.prefs.codegen.target == "cython"
    assert brian2.prefs.codegen.runtime.cython.cache_dir == str(cache_root() / "cython")
    assert brian2.prefs.codegen.runtime.cython.cache_dir == str(tmp_path / "cython")
    assert brian2.get_device() is runtime_device


def test_setup_notebook_rejects_unknown_target(restore_brian2_state):
    with pytest.raises(ValueError, match="target"):
        setup_notebook(target="cpp_standalone")


def test_seed_everything_gives_reproducible_draws():
    first = seed_everything(7)
    legacy_first = np.random.rand(3)
    second = seed_everything(7)
    legacy_second = np.random.rand(3)
    np.testing.assert_array_equal(first.random(3), second.random(3))
    np.testing.assert_array_equal(legacy_first, legacy_second)
    assert not np.array_equal(seed_everything(8).random(3), seed_everything(7).random(3))


def test_compiled_files_lists_modules_and_programs_and_sees_a_rebuild(tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROPLASTICITY_CACHE", str(tmp_path))
    (tmp_path / "cython").mkdir()
    (tmp_path / "cython" / "model.so").write_bytes(b"1")
    (tmp_path / "cython" / "model.pyx").write_text("source, not compiled")
    program = tmp_path / "standalone" / "net" / "main"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"1")
    program.chmod(0o755)
    before = simulation.compiled_files()
    assert sorted(before) == ["cython/model.so", "standalone/net/main"]
    (tmp_path / "cython" / "model.so").write_bytes(b"22")  # rebuilt: another size
    assert simulation.compiled_files(tmp_path)["cython/model.so"] != before["cython/model.so"]


def test_cache_root_honours_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROPLASTICITY_CACHE", str(tmp_path))
    assert cache_root() == tmp_path
    monkeypatch.delenv("NEUROPLASTICITY_CACHE")
    assert cache_root() == Path.home() / ".cache" / "neuroplasticity"


def build_ramp(duration, slope_name="rate"):
    """A one-neuron model for the compile tests: v grows at ``rate`` (Hz) for ``duration``."""
    group = NeuronGroup(1, f"{slope_name} : Hz (constant)\ndv/dt = {slope_name} : 1", name="ramp")
    setattr(group, slope_name, 1 * Hz)
    with helpers.time_step(1 * ms):
        Network(group).run(duration)
    return {"group": group}


def test_compile_network_reruns_with_new_values_and_compiles_each_model_once(tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROPLASTICITY_CACHE", str(tmp_path))
    monkeypatch.setattr(simulation, "_PROGRAMS", {})
    try:
        network = helpers.compile_network(build_ramp, duration=100 * ms)
        assert brian2.get_device() is runtime_device
        assert Path(network.directory).is_relative_to(tmp_path)
        assert network.last_run_seconds is None
        group = network["group"]
        network.run({group.rate: 10 * Hz})
        np.testing.assert_allclose(group.v[:], [1.0], rtol=1e-6)  # 10 Hz * 100 ms
        network.run({group.rate: 30 * Hz})
        np.testing.assert_allclose(group.v[:], [3.0], rtol=1e-6)
        assert network.last_run_seconds > 0

        # the same builder and arguments: the same program, not a new compile
        assert helpers.compile_network(build_ramp, duration=100 * ms) is network
        # other arguments: a different program in its own folder, never the first one's
        longer = helpers.compile_network(build_ramp, duration=200 * ms)
        assert longer is not network and longer.directory != network.directory
        longer.run({longer["group"].rate: 10 * Hz})
        np.testing.assert_allclose(longer["group"].v[:], [2.0], rtol=1e-6)
        network.run({group.rate: 10 * Hz})
        np.testing.assert_allclose(group.v[:], [1.0], rtol=1e-6)  # the first program is intact
    finally:
        assert brian2.get_device() is runtime_device


def test_compile_network_refuses_lambdas_and_unkeyable_arguments():
    with pytest.raises(ValueError, match="named function"):
        helpers.compile_network(lambda: None)
    with pytest.raises(TypeError, match="key"):
        simulation.fingerprint(object())


def test_fingerprint_sees_rule_strings_arrays_and_quantities():
    rule = models.Rule(equations="w : 1", on_pre="w += 1")
    edited = models.Rule(equations="w : 1", on_pre="w += 2")
    assert simulation.fingerprint(rule) != simulation.fingerprint(edited)
    assert simulation.fingerprint(np.arange(3.0)) != simulation.fingerprint(np.arange(3.0) + 1e-12)
    assert simulation.fingerprint(1 * ms) != simulation.fingerprint(1 * second)
    assert simulation.fingerprint({"a": 1, "b": 2}) == simulation.fingerprint({"b": 2, "a": 1})


def test_named_clock_is_one_clock_per_step_and_time_step_restores(restore_brian2_state):
    assert helpers.named_clock(10 * ms) is helpers.named_clock(10 * ms)
    assert helpers.named_clock(10 * ms) is not helpers.named_clock(20 * ms)
    before = brian2.defaultclock.dt
    with helpers.time_step(1 * ms):
        assert brian2.defaultclock.dt == 1 * ms
    assert brian2.defaultclock.dt == before


# ---------------------------------------------------------------------------
# widgets
# ---------------------------------------------------------------------------


def test_live_plot_registers_and_runs_update_once(monkeypatch):
    monkeypatch.setattr(widgets, "REGISTRY", [])
    calls = []

    def update(n):
        calls.append(n)

    slider = ipywidgets.IntSlider(value=3, min=0, max=10)
    assert widgets.live_plot(update, n=slider) is None  # displayed once, not echoed again

    assert calls == [3]
    assert len(widgets.REGISTRY) == 1
    entry = widgets.REGISTRY[0]
    assert entry["name"] == "update"
    assert entry["update"] is update
    assert entry["controls"] == {"n": slider}
    assert slider.continuous_update is False
    slider.value = 5  # moving the slider re-runs update
    assert calls == [3, 5]


def test_pre_first_pairing_needs_no_lead_time():
    pre, post = protocols.pairing(10, 1 * Hz, 500 * ms)
    assert float(pre[0] / second) == pytest.approx(0.1) and float(post[0] / second) == pytest.approx(0.6)


def test_model_builders_reject_bad_parameters():
    one = np.array([[1.0]])
    with pytest.raises(ValueError, match="tau_w must be in"):
        bcm.run_bcm(one, 1 * second, 1 * second, tau_w=-5 * second, tau_theta=0.5 * second, w_initial=[1.0])
    with pytest.raises(ValueError, match="tau_theta must be a Brian2 quantity"):
        bcm.run_bcm(one, 1 * second, 1 * second, tau_w=5 * second, tau_theta=0.5, w_initial=[1.0])
    with pytest.raises(ValueError, match="tau_theta must be shorter than tau_w"):
        bcm.run_bcm(one, 1 * second, 1 * second, tau_w=1 * second, tau_theta=2 * second, w_initial=[1.0])
    with pytest.raises(ValueError, match="u_max = 2"):  # u = 2: the limit is tau_w / 4
        bcm.run_bcm(2 * one, 1 * second, 1 * second, tau_w=4 * second, tau_theta=1.5 * second, w_initial=[1.0])
    with pytest.raises(ValueError, match="n_channels"):
        calcium.build_rate_protocol_network(0, 10 * second)
    with pytest.raises(ValueError, match="duration must be longer than show_duration"):
        calcium.build_rate_protocol_network(2, 500 * ms)


def test_crossover_frequency_interpolates_in_log_frequency():
    assert checks.crossover_frequency([1, 100], [-1.0, 1.0]) == pytest.approx(10.0)
    assert checks.crossover_frequency([1, 10], [1.0, 2.0]) is None


def test_check_sign_pattern_passes_and_fails():
    bands = [(0.5, 3, -1), (5, 20, 0), (30, 50, 1)]
    freqs = [1, 3, 5, 10, 20, 30, 50]
    assert 5 <= checks.check_sign_pattern(freqs, [-5, -4, -3, -1, 2, 5, 6], bands) <= 20
    with pytest.raises(AssertionError, match="expected LTD"):
        checks.check_sign_pattern(freqs, [1, -4, -3, -1, 2, 5, 6], bands)
    with pytest.raises(AssertionError, match="expected LTP"):
        checks.check_sign_pattern(freqs, [-5, -4, -3, -1, 2, 5, -6], bands[::-1])  # LTP band first
    with pytest.raises(AssertionError, match="one crossover"):
        checks.check_sign_pattern(freqs, [-5, -4, -3, -1, -2, 5, 6], bands)  # crossover at 20-30 Hz
    with pytest.raises(AssertionError, match="one crossover"):
        checks.check_sign_pattern(freqs, [-5, -4, 3, -1, 2, 5, 6], bands)  # three sign changes


def test_pair_rule_constants_agree_with_the_data_file():
    fit = data.load("bi_poo_1998_window_fit")
    p = stdp.PAIR_STDP_BI_POO
    assert p["A_plus"] * stdp.BI_POO_PAIRS == pytest.approx(fit["a_plus"][0])
    assert -p["A_minus"] * stdp.BI_POO_PAIRS == pytest.approx(fit["a_minus"][0])
    assert float(p["tau_plus"] / ms) == pytest.approx(fit["tau_plus_ms"][0])
    assert float(p["tau_minus"] / ms) == pytest.approx(fit["tau_minus_ms"][0])


def test_pairing_run_values_rejects_bad_protocols():
    objects = {"pre": NeuronGroup(3, inputs.PAIRING_EQS), "post": NeuronGroup(3, inputs.PAIRING_EQS)}
    values = stdp.pairing_run_values(objects, [10, -10] * ms, 20 * Hz)
    assert list(list(values.values())[-1]) == [60, 60, 0]  # the last entry is post.n_pairs
    with pytest.raises(ValueError, match="at most 3 protocols"):
        stdp.pairing_run_values(objects, [1, 2, 3, 4] * ms, 1 * Hz)
    with pytest.raises(ValueError, match="frequencies must be in"):
        stdp.pairing_run_values(objects, 10 * ms, -1 * Hz)
    with pytest.raises(ValueError, match="timings must be in"):
        stdp.pairing_run_values(objects, 200 * ms, 1 * Hz)
    with pytest.raises(ValueError, match="timings must be a Brian2 quantity"):
        stdp.pairing_run_values(objects, 10, 1 * Hz)


def test_song_run_values_check_rates_correlations_weights_and_seed():
    helpers.setup_notebook()
    objects = {
        "inputs": NeuronGroup(4, inputs.FAST_POISSON_EQS),
        "mother": NeuronGroup(2, inputs.MOTHER_EQS),
        "copier": None,
        "n_neurons": 2,
        "n_inputs": 2,
        "n_correlated": 0,
        "stdp": NeuronGroup(4, "w : 1\nA_plus : 1 (shared)\nA_minus : 1 (shared)"),
        "stdp_params": dict(competition.SONG_2000_STDP),
    }
    values = competition.song_run_values(objects, [10, 40] * Hz, 0.0, seed=1)
    rates = list(values.values())[0]
    assert list(rates / Hz) == [10, 10, 40, 40]
    first_spikes = list(values.values())[2]
    again = list(competition.song_run_values(objects, [10, 40] * Hz, 0.0, seed=1).values())[2]
    np.testing.assert_array_equal(first_spikes, again)  # same seed, same numbers
    frozen = competition.song_run_values(objects, 10 * Hz, 0.0, seed=1, learning=False)
    assert frozen[objects["stdp"].A_plus] == 0 and frozen[objects["stdp"].A_minus] == 0
    with pytest.raises(ValueError, match="rates must be in"):
        competition.song_run_values(objects, -5 * Hz, 0.0, seed=1)
    with pytest.raises(ValueError, match="rates must be a Brian2 quantity"):
        competition.song_run_values(objects, 10, 0.0, seed=1)
    with pytest.raises(ValueError, match="shared_fractions"):
        competition.song_run_values(objects, 10 * Hz, 1.0, seed=1)
    with pytest.raises(ValueError, match="one value per synapse"):
        competition.song_run_values(objects, 10 * Hz, 0.0, seed=1, initial_weights=[0.01])
    with pytest.raises(ValueError, match="between 0 and w_max"):
        competition.song_run_values(objects, 10 * Hz, 0.0, seed=1, initial_weights=[0.5] * 4)


def test_parameter_values_reject_unknown_names_and_bad_values():
    group = NeuronGroup(1, "tau_y : second (shared)\nA3_plus : 1 (shared)")
    known = stdp.TRIPLET_VISUAL_CORTEX
    assert len(models.rule.parameter_values(group, {"tau_y": 40 * ms}, known)) == 1
    with pytest.raises(ValueError, match="rule parameter must be one of"):
        models.rule.parameter_values(group, {"tau_z": 40 * ms}, known)
    with pytest.raises(ValueError, match="tau_y must be in"):
        models.rule.parameter_values(group, {"tau_y": -40 * ms}, known)
    with pytest.raises(ValueError, match="tau_y must be a Brian2 quantity"):
        models.rule.parameter_values(group, {"tau_y": 0.04}, known)
    with pytest.raises(ValueError, match="A3_plus must be a number >= 0"):
        models.rule.parameter_values(group, {"A3_plus": -0.1}, known)


def test_parameter_declarations_follow_the_units():
    text = models.rule.parameter_declarations({"tau_plus": 20 * ms, "A_plus": 0.01, "rate": 5 * Hz})
    assert text.splitlines() == [
        "tau_plus : second (shared, constant)",
        "A_plus : 1 (shared, constant)",
        "rate : hertz (shared, constant)",
    ]
    assert "(constant)" in models.rule.parameter_declarations({"A_plus": 0.01}, shared=False)


def test_each_published_parameter_set_is_defined_once():
    """A parameter set (a dict constant in helpers/models) is written in one module only: no two
    modules define a dict constant of the same name, nor the same dict literal under two names."""
    import ast
    from collections import defaultdict

    names, literals = defaultdict(list), defaultdict(list)
    for path in sorted((Path(helpers.__file__).parent / "models").glob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.isupper():
                        names[target.id].append(path.stem)
                        literals[ast.dump(node.value)].append(f"{path.stem}.{target.id}")
    assert not {n: m for n, m in names.items() if len(m) > 1}, "a parameter set is defined in two modules"
    assert not [d for d in literals.values() if len(d) > 1], "the same parameter values are written twice"
    for params in (stdp.PAIR_STDP_BI_POO, competition.SONG_2000_STDP, models.homeostasis.EXC_PARAMS):
        assert {"tau_plus", "tau_minus", "A_plus", "A_minus", "w_max"} <= set(params)
    for rule in (stdp.PAIR_RULE, stdp.TRIPLET_RULE):
        assert "w_max" in rule.on_pre + rule.on_post and "g_max" not in str(rule)


def test_code_target_switches_and_restores_the_target(restore_brian2_state):
    brian2.prefs.codegen.target = "cython"
    with helpers.code_target("numpy"):
        assert brian2.prefs.codegen.target == "numpy"
    assert brian2.prefs.codegen.target == "cython"
    with pytest.raises(ValueError, match="target must be"):
        with helpers.code_target("cuda"):
            pass


# the full calcium model's readout (helpers.models.calcium)
def test_no_time_above_threshold_means_no_switching():
    up, down = calcium.transition_probabilities(0 * second, 0 * second)
    assert up == 0 and down == 0
    assert calcium.full_model_change(0 * second, 0 * second) == pytest.approx(0)


def test_long_potentiation_forgets_the_start():
    """Above both thresholds for 60 s, rho settles around gamma_p / (gamma_p + gamma_d) = 0.62 with noise:
    a synapse ends UP with the same probability (about 0.8) whichever state it started in."""
    up, down = calcium.transition_probabilities(60 * second, 60 * second)
    assert 0.7 < up < 0.9
    assert up == pytest.approx(1 - down, abs=1e-6)


def test_long_depression_switches_every_up_synapse_down():
    up, down = calcium.transition_probabilities(60 * second, 0 * second)
    assert up < 0.01 and down > 0.99
    assert calcium.full_model_change(60 * second, 0 * second) == pytest.approx(1 / 3 - 1, abs=0.01)


def test_population_change_spans_one_third_to_five_thirds():
    assert calcium.population_change(0.0, 0.0) == pytest.approx(1.0)
    assert calcium.population_change(1.0, 0.0) == pytest.approx(5 / 3)
    assert calcium.population_change(0.0, 1.0) == pytest.approx(1 / 3)


def test_transition_probabilities_want_times_as_quantities():
    with pytest.raises(ValueError, match="time_d must be a Brian2 quantity"):
        calcium.transition_probabilities(0.01, 0.0)


@pytest.mark.parametrize("frequency_hz", [10, 20, 30, 40, 50])
def test_pairing_spikes_land_on_the_nearest_step(frequency_hz):
    """first_t + count * period adds floats (1/30 s ...): no spike may come a step late."""
    with helpers.code_target("numpy"):
        pre, post = inputs.pairing_groups(1, 5, 150 * ms)
        pre.period = 1 / (frequency_hz * Hz)
        spikes = SpikeMonitor(pre)
        Network(pre, post, spikes).run(300 * ms)
    expected_ms = np.round((150 + np.arange(len(spikes.t)) * 1000 / frequency_hz) * 10) / 10
    np.testing.assert_allclose(spikes.t / ms, expected_ms, atol=1e-6)


def test_check_computed_is_the_one_tolerance_policy():
    """Computed answers pass within a millionth; a value typed from a printout is named as such;
    a computed near miss is not called typed in; a percentage for a fraction fails."""
    exact = 0.158655253931457
    checks.check_computed("x", exact * (1 + 1e-9), exact)
    for typed in (0.1587, 0.16):
        with pytest.raises(AssertionError, match="typed"):
            checks.check_computed("x", typed, exact)
    with pytest.raises(AssertionError) as near:
        checks.check_computed("x", exact * 0.9995, exact)  # a near miss with all its digits
    assert "typed" not in str(near.value)
    with pytest.raises(AssertionError, match="percentage"):
        checks.check_computed("x", 100 * exact, exact)
