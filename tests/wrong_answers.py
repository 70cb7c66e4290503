"""Typical wrong answers: for each exercise, the slips a student makes, which its test cell must fail.

Format
------
``WRONG_ANSWERS[notebook stem][grade_id of an autograder test cell]`` is a list of
``(description, code)`` pairs:

- ``description``: the slip, in a student's words ("the duration in ms").
- ``code``: Python that sets the exercise's answer variables to that slip's value, as the
  student's solution cell would. It sees every name the notebook defined and may call the
  notebook's functions and re-run its compiled programs (``short_machine.run(...)``), but it
  must not compile a new model (15-45 s each): for a slip that needs another rule, use the
  values measured once with that rule and say so in the description.

Entries set only the answer variables; every other answer keeps its reference value, so
each entry tests one slip.

How they are checked
--------------------
At the end of execution A (the reference run, tests/executions.py), in the same kernel,
after every cell has run twice, each entry runs as
``ns = dict(globals()); exec(code, ns); exec(<the test cell's full source, hidden tests
included>, ns)``, and must raise (an ``AssertionError`` from a check, or any error the test
raises). tests/test_coursework.py fails if a test cell passes one of its wrong answers, or if
an entry's own code raises (a broken entry tests nothing), and lists the messages, so the
feedback a student would get can be read in the test output. No notebook is executed an
extra time for this. A notebook without entries is skipped; add its entries here.
"""

WRONG_ANSWERS = {
    "00_start_here": {
        "ex1_rheobase_test": [
            ("a plain number, the unit forgotten", "rheobase = 0.2"),
            ("the formula, then the unit divided away", "rheobase = (V_th - E_L) / R / nA"),
            ("multiplied by R instead of divided", "rheobase = (V_th - E_L) * R"),
            ("the subtraction in the wrong order", "rheobase = (E_L - V_th) / R"),
            ("the threshold alone, not its distance from rest", "rheobase = V_th / R"),
            ("ten times too large (2 nA)", "rheobase = 2 * nA"),
            ("divided by tau_m as well (a current per second)", "rheobase = (V_th - E_L) / (R * tau_m)"),
            ("the 0.15 nA of the first figure, which does not fire", "rheobase = 0.15 * nA"),
            ("the 0.3 nA of the first figure, which fires", "rheobase = 0.3 * nA"),
            ("the right number in microamps (1000 times too large)", "rheobase = 0.2 * uA"),
            ("the right number in picoamps (1000 times too small)", "rheobase = 0.2 * pA"),
            ("twice the rheobase (the current of exercise 2)", "rheobase = 2 * (V_th - E_L) / R"),
            ("the voltage difference, R forgotten", "rheobase = V_th - E_L"),
        ],
        "ex2_rate_test": [
            (
                "simulate_lif's default 200 ms, divided by 1 s",
                "_, s = simulate_lif([2 * rheobase])\nrate_at_twice_rheobase = s.count[0] / 1.0",
            ),
            (
                "the duration in ms",
                "_, s = simulate_lif([2 * rheobase], duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 1000",
            ),
            (
                "at the rheobase, not twice it",
                "_, s = simulate_lif([rheobase], duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 1.0",
            ),
            (
                "twice the 0.3 nA of the first figure",
                "_, s = simulate_lif([0.6] * nA, duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 1.0",
            ),
            (
                "exercise 1's slip carried over (rheobase 2 nA), simulated correctly",
                "rheobase = 2 * nA\n"
                "_, s = simulate_lif([2 * rheobase], duration=1 * second)\n"
                "rate_at_twice_rheobase = s.count[0] / 1.0",
            ),
            (
                "a 1-s count divided by 0.2 s",
                "_, s = simulate_lif([2 * rheobase], duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 0.2",
            ),
            (
                "the mean interval in ms instead of a rate",
                "_, s = simulate_lif([2 * rheobase], duration=1 * second)\n"
                "rate_at_twice_rheobase = float(np.mean(np.diff(s.t / ms)))",
            ),
            (
                "the 0.3 nA of the first figure",
                "_, s = simulate_lif([0.3] * nA, duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 1.0",
            ),
            (
                "exercise 3's rate at 100 nA (the neighbouring question)",
                "rate_at_twice_rheobase = float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_th, V_reset, t_ref))",
            ),
            ("a blind guess, 50 Hz", "rate_at_twice_rheobase = 50.0"),
        ],
        "ex3_max_rate_test": [
            ("1/t_ref, the ceiling, as a number", "max_rate_hz = float(1 / t_ref)"),
            ("1/t_ref as a quantity", "max_rate_hz = 1 / t_ref"),
            ("t_ref in ms: 1/2", "max_rate_hz = 1 / (t_ref / ms)"),
            (
                "the formula at 10 nA, not 100 nA",
                "max_rate_hz = float(neurons.lif_rate_analytic(10 * nA, R, tau_m, E_L, V_th, V_reset, t_ref))",
            ),
            (
                "the formula at 50 nA",
                "max_rate_hz = float(neurons.lif_rate_analytic(50 * nA, R, tau_m, E_L, V_th, V_reset, t_ref))",
            ),
            (
                "the refractory period left out",
                "max_rate_hz = float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_th, V_reset, 0 * ms))",
            ),
            (
                "V_th and V_reset swapped",
                "max_rate_hz = float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_reset, V_th, t_ref))",
            ),
            (
                "in kHz",
                "max_rate_hz = float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_th, V_reset, t_ref) / kHz)",
            ),
            (
                "the formula by hand with log10 instead of ln",
                "v_inf = E_L + R * 100 * nA\n"
                "max_rate_hz = float(1 / (t_ref + tau_m * np.log10((v_inf - V_reset) / (v_inf - V_th))))",
            ),
            ("0.99/t_ref, a guess just under the ceiling", "max_rate_hz = 0.99 * float(1 / t_ref)"),
            (
                "the printed value typed in (rounded to 0.1 Hz)",
                "max_rate_hz = round(float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_th, V_reset, t_ref)), 1)",
            ),
            ("the printed value typed in with two decimals", "max_rate_hz = 495.05"),
            (
                "the formula at 1000 nA, not 100 nA",
                "max_rate_hz = float(neurons.lif_rate_analytic(1000 * nA, R, tau_m, E_L, V_th, V_reset, t_ref))",
            ),
            (
                "100 uA instead of 100 nA",
                "max_rate_hz = float(neurons.lif_rate_analytic(100 * uA, R, tau_m, E_L, V_th, V_reset, t_ref))",
            ),
            (
                "100 pA instead of 100 nA",
                "max_rate_hz = float(neurons.lif_rate_analytic(100 * pA, R, tau_m, E_L, V_th, V_reset, t_ref))",
            ),
            ("1/(t_ref + tau_m), a guessed formula", "max_rate_hz = float(1 / (t_ref + tau_m) / Hz)"),
            (
                "exercise 2's current (twice the rheobase) in the formula",
                "max_rate_hz = float(neurons.lif_rate_analytic(2 * rheobase, R, tau_m, E_L, V_th, V_reset, t_ref))",
            ),
        ],
    },
    "01_ltp_ltd_single_synapse": {
        "ex1_time_above_test": [
            (
                "log10 instead of the natural logarithm",
                "time_above_d_ms = float(params['tau_ca'] / ms * np.log10(params['C_pre'] / params['theta_d']))",
            ),
            (
                "in seconds, not ms",
                "time_above_d_ms = float(params['tau_ca'] / second * np.log(params['C_pre'] / params['theta_d']))",
            ),
            (
                "theta_p instead of theta_d",
                "time_above_d_ms = float(params['tau_ca'] / ms * np.log(params['C_pre'] / params['theta_p']))",
            ),
            ("the printed value typed in (0.50 ms)", "time_above_d_ms = 0.50"),
            ("tau_ca itself", "time_above_d_ms = float(params['tau_ca'] / ms)"),
            (
                "the fraction inverted",
                "time_above_d_ms = float(params['tau_ca'] / ms * np.log(params['theta_d'] / params['C_pre']))",
            ),
            (
                "ms multiplied by 1000 instead of s (microseconds)",
                "time_above_d_ms = float(1000 * params['tau_ca'] / ms * np.log(params['C_pre'] / params['theta_d']))",
            ),
            ("the value typed in with four digits", "time_above_d_ms = 0.4988"),
            (
                "the linear approximation tau_ca (C_pre - theta_d) / theta_d",
                "time_above_d_ms = float(params['tau_ca'] / ms * (params['C_pre'] - params['theta_d']) / params['theta_d'])",
            ),
            (
                "the linear approximation divided by C_pre",
                "time_above_d_ms = float(params['tau_ca'] / ms * (params['C_pre'] - params['theta_d']) / params['C_pre'])",
            ),
            (
                "counted in section 2's simulated trace (0.1-ms steps)",
                "time_above_d_ms = float(np.sum(short.c[0][short.t < 1 * second] > params['theta_d']) * 0.1)",
            ),
            (
                "a Brian2 quantity, not a plain number",
                "time_above_d_ms = params['tau_ca'] * np.log(params['C_pre'] / params['theta_d'])",
            ),
            ("tau_ca ln 2, a half-life", "time_above_d_ms = float(params['tau_ca'] / ms * np.log(2))"),
        ],
        "ex2_crossover_test": [
            (
                "the whole model's sweep (section 6b) instead of the drift-only rule's",
                "crossover_hz = checks.crossover_frequency(SWEEP_HZ, whole_change)",
            ),
            ("the second sweep without rule_values (same crossover)", "fast_leak_crossover_hz = crossover_hz"),
            (
                "a slower leak (200 ms) instead of a faster one",
                "fast_leak_crossover_hz = checks.crossover_frequency(SWEEP_HZ, run_protocols(SWEEP_HZ * Hz, 900, rule_values={'tau_ca': 200 * ms}))",
            ),
            (
                "the crossover's log10",
                "crossover_hz = float(np.log10(checks.crossover_frequency(SWEEP_HZ, sweep_change)))",
            ),
            (
                "the two crossovers swapped",
                "crossover_hz, fast_leak_crossover_hz = fast_leak_crossover_hz, crossover_hz",
            ),
            ("the prediction 'about twice' typed in, not run", "fast_leak_crossover_hz = 2 * crossover_hz"),
            ("the printed crossover rounded to 0.1 Hz", "crossover_hz = round(crossover_hz, 1)"),
            (
                "the first swept frequency that potentiates",
                "crossover_hz = float(SWEEP_HZ[np.argmax(sweep_change > 0)])",
            ),
            (
                "the fast-leak sweep with 100 pulses instead of 900",
                "fast_leak_crossover_hz = checks.crossover_frequency(SWEEP_HZ, run_protocols(SWEEP_HZ * Hz, 100, rule_values={'tau_ca': 50 * ms}))",
            ),
            (
                "interpolated linearly in frequency, not in log-frequency",
                "_k = int(np.argmax(sweep_change > 0))\n"
                "_f0, _f1, _c0, _c1 = SWEEP_HZ[_k - 1], SWEEP_HZ[_k], sweep_change[_k - 1], sweep_change[_k]\n"
                "crossover_hz = float(_f0 - _c0 * (_f1 - _f0) / (_c1 - _c0))",
            ),
            ("Dudek & Bear's 10 Hz, a guess", "crossover_hz = 10.0"),
        ],
        "ex3_dose_test": [
            (
                "10 Hz trains instead of 100 Hz",
                "changes_by_dose = run_protocols(np.full(6, 10) * Hz, [2, 5, 10, 20, 50, 100])",
            ),
            (
                "fractions instead of percent",
                "changes_by_dose = run_protocols(np.full(6, 100) * Hz, [2, 5, 10, 20, 50, 100]) / 100",
            ),
            (
                "the doses in reverse order",
                "changes_by_dose = run_protocols(np.full(6, 100) * Hz, [100, 50, 20, 10, 5, 2])",
            ),
            (
                "rounded to whole percent",
                "changes_by_dose = np.round(run_protocols(np.full(6, 100) * Hz, [2, 5, 10, 20, 50, 100]), 0)",
            ),
            ("900 pulses on every channel", "changes_by_dose = run_protocols(np.full(6, 100) * Hz, 900)"),
            (
                "1 Hz trains instead of 100 Hz",
                "changes_by_dose = run_protocols(np.full(6, 1) * Hz, [2, 5, 10, 20, 50, 100])",
            ),
            (
                "the whole model (section 6b) instead of the drift-only rule",
                "run_protocols(np.full(6, 100) * Hz, [2, 5, 10, 20, 50, 100])\n"
                "_ex = protocol_machine['exact']\n"
                "changes_by_dose = 100 * calcium.full_model_change(_ex.time_d[:6], _ex.time_p[:6], params)",
            ),
            (
                "rho / w0, the ratio, not the change",
                "changes_by_dose = run_protocols(np.full(6, 100) * Hz, [2, 5, 10, 20, 50, 100]) / 100 + 1",
            ),
            (
                "1 pulse instead of 2 in the first train",
                "changes_by_dose = run_protocols(np.full(6, 100) * Hz, [1, 5, 10, 20, 50, 100])",
            ),
            ("a guess rising to the ceiling", "changes_by_dose = np.array([-1.0, 5, 10, 15, 19, 19])"),
        ],
        "ex4_between_rule_test": [
            ("rho values instead of changes in percent", "between_changes = np.array([0.4997, 0.928])"),
            (
                "the original rule's changes (rule not changed)",
                "between_changes = 100 * (short.rho[[0, 2], :][:, short.t < TEST_PULSE_AT][:, -1] / calcium.INITIAL_RHO - 1)",
            ),
            (
                "read after the test pulse (the last sample)",
                "between_changes = 100 * (between_monitor.rho[:, -1] / calcium.INITIAL_RHO - 1)",
            ),
            (
                "fractions instead of percent",
                "between_changes = (between_monitor.rho[:, between_monitor.t < TEST_PULSE_AT][:, -1] / calcium.INITIAL_RHO - 1)",
            ),
            (
                "100 times the change of rho, not divided by the starting 0.5",
                "between_changes = 100 * (between_monitor.rho[:, between_monitor.t < TEST_PULSE_AT][:, -1] - calcium.INITIAL_RHO)",
            ),
        ],
    },
    "02_spike_timing": {
        "ex1_pair_formula_test": [
            (
                "one pair's change, not 60",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / ms)),\n"
                "                    -p['A_minus'] * np.exp(t / float(p['tau_minus'] / ms)))",
            ),
            (
                "time constants in seconds",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 60 * np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / second)),\n"
                "                         -p['A_minus'] * np.exp(t / float(p['tau_minus'] / second)))",
            ),
            (
                "depression added instead of subtracted",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 60 * np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / ms)),\n"
                "                         p['A_minus'] * np.exp(t / float(p['tau_minus'] / ms)))",
            ),
            (
                "one time constant (tau_plus) for both sides",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 60 * np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / ms)),\n"
                "                         -p['A_minus'] * np.exp(t / float(p['tau_plus'] / ms)))",
            ),
            (
                "the exponent's sign flipped on the depression side",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 60 * np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / ms)), -p['A_minus'] * np.exp(-t / float(p['tau_minus'] / ms)))",
            ),
            (
                "the two time constants swapped",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 60 * np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_minus'] / ms)), -p['A_minus'] * np.exp(t / float(p['tau_plus'] / ms)))",
            ),
            (
                "the two amplitudes swapped",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 60 * np.where(t >= 0, p['A_minus'] * np.exp(-t / float(p['tau_plus'] / ms)), -p['A_plus'] * np.exp(t / float(p['tau_minus'] / ms)))",
            ),
            (
                "in percent, not a fraction",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 6000 * np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / ms)), -p['A_minus'] * np.exp(t / float(p['tau_minus'] / ms)))",
            ),
            (
                "60 pairs compounded, (1 + x)^60 - 1",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return (1 + np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / ms)), -p['A_minus'] * np.exp(t / float(p['tau_minus'] / ms)))) ** 60 - 1",
            ),
            (
                "the timing read as pre minus post",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    t = -t\n"
                "    return 60 * np.where(t >= 0, p['A_plus'] * np.exp(-t / float(p['tau_plus'] / ms)), -p['A_minus'] * np.exp(t / float(p['tau_minus'] / ms)))",
            ),
            (
                "the potentiation side mirrored to negative timings",
                "def pair_rule_change(timing_ms):\n"
                "    t = np.asarray(timing_ms, dtype=float)\n"
                "    p = pair_params\n"
                "    return 60 * p['A_plus'] * np.exp(-np.abs(t) / float(p['tau_plus'] / ms))",
            ),
        ],
        "ex2_crossover_test": [
            (
                "the pair rule's values (the first that run_pairings returns)",
                "_f = np.arange(10, 51, 1.0)\n"
                "_p, _ = run_pairings(-10, _f)\n"
                "crossover_hz = checks.crossover_frequency(_f, _p)",
            ),
            (
                "+10 ms instead of -10 ms",
                "_f = np.arange(10, 51, 1.0)\n"
                "_, _t = run_pairings(10, _f)\n"
                "crossover_hz = checks.crossover_frequency(_f, _t)",
            ),
            (
                "10-Hz steps instead of 1-Hz steps",
                "_f = np.arange(10, 51, 10.0)\n"
                "_, _t = run_pairings(-10, _f)\n"
                "crossover_hz = checks.crossover_frequency(_f, _t)",
            ),
            (
                "5-Hz steps instead of 1-Hz steps (lands within 0.3 Hz)",
                "_f = np.arange(10, 51, 5.0)\n"
                "_, _t = run_pairings(-10, _f)\n"
                "crossover_hz = checks.crossover_frequency(_f, _t)",
            ),
            (
                "the 1-Hz scan's crossing rounded to 0.1 Hz, typed from the printout",
                "_f = np.arange(10, 51, 1.0)\n"
                "_, _t = run_pairings(-10, _f)\n"
                "crossover_hz = round(checks.crossover_frequency(_f, _t), 1)",
            ),
            (
                "2-Hz steps instead of 1-Hz steps",
                "_f = np.arange(10, 51, 2.0)\n"
                "_, _t = run_pairings(-10, _f)\n"
                "crossover_hz = checks.crossover_frequency(_f, _t)",
            ),
            (
                "read off section 3's 20-point sweep (SWEEP_HZ) instead of a new scan",
                "crossover_hz = checks.crossover_frequency(SWEEP_HZ, sweep_triplet[-10])",
            ),
            (
                "the first scanned frequency that potentiates",
                "_f = np.arange(10, 51, 1.0)\n"
                "_, _t = run_pairings(-10, _f)\n"
                "crossover_hz = float(_f[np.argmax(_t > 0)])",
            ),
            (
                "interpolated linearly in frequency, not in log-frequency",
                "_f = np.arange(10, 51, 1.0)\n"
                "_, _t = run_pairings(-10, _f)\n"
                "_k = int(np.argmax(_t > 0))\n"
                "crossover_hz = float(_f[_k - 1] - _t[_k - 1] * (_f[_k] - _f[_k - 1]) / (_t[_k] - _t[_k - 1]))",
            ),
            ("a guess between the 20 and 40 Hz data points", "crossover_hz = 30.0"),
        ],
        "ex3_short_memory_test": [
            (
                "the pair rule's change",
                "short_memory_change = float(run_pairings(-10, 50, rule_values={'tau_y': 40 * ms})[0][0])",
            ),
            ("tau_y left at 114 ms", "short_memory_change = float(run_pairings(-10, 50)[1][0])"),
            (
                "in percent",
                "short_memory_change = 100 * float(run_pairings(-10, 50, rule_values={'tau_y': 40 * ms})[1][0])",
            ),
            (
                "+10 ms instead of -10 ms",
                "short_memory_change = float(run_pairings(10, 50, rule_values={'tau_y': 40 * ms})[1][0])",
            ),
            (
                "tau_x changed instead of tau_y",
                "short_memory_change = float(run_pairings(-10, 50, rule_values={'tau_x': 40 * ms})[1][0])",
            ),
            (
                "40 Hz instead of 50 Hz",
                "short_memory_change = float(run_pairings(-10, 40, rule_values={'tau_y': 40 * ms})[1][0])",
            ),
            (
                "20 Hz instead of 50 Hz",
                "short_memory_change = float(run_pairings(-10, 20, rule_values={'tau_y': 40 * ms})[1][0])",
            ),
            (
                "tau_y = 20 ms instead of 40 ms",
                "short_memory_change = float(run_pairings(-10, 50, rule_values={'tau_y': 20 * ms})[1][0])",
            ),
            (
                "the printed percent typed in as a fraction (rounded)",
                "short_memory_change = round(float(run_pairings(-10, 50, rule_values={'tau_y': 40 * ms})[1][0]), 2)",
            ),
            (
                "the new weight, not its change",
                "short_memory_change = float(run_pairings(-10, 50, rule_values={'tau_y': 40 * ms})[1][0] + 1)",
            ),
            ("the 61 % and 84 % of the text subtracted", "short_memory_change = 0.61 - 0.84"),
            (
                "A3_plus set to 0 instead of a shorter tau_y",
                "short_memory_change = float(run_pairings(-10, 50, rule_values={'A3_plus': 0})[1][0])",
            ),
            ("a blind guess, -0.1", "short_memory_change = -0.1"),
        ],
    },
    "03_hebbian_learning": {
        "ex1_bimodal_test": [
            ("a percentage", "fraction_at_bounds = 100 * float(np.mean((learned[2] < 0.1) | (learned[2] > 0.9)))"),
            ("a count, not a fraction", "fraction_at_bounds = int(np.sum((learned[2] < 0.1) | (learned[2] > 0.9)))"),
            (
                "the raw weights, not divided by g_max",
                "raw = learning_machine['stdp'].w[:].reshape(len(INPUT_RATES_HZ), -1)\n"
                "fraction_at_bounds = float(np.mean((raw[2] < 0.1) | (raw[2] > 0.9)))",
            ),
            (
                "the bounds multiplied by g_max although learned is in units of g_max",
                "fraction_at_bounds = float(np.mean((learned[2] < 0.1 * g_max) | (learned[2] > 0.9 * g_max)))",
            ),
            (
                "row 1, the neuron whose inputs fired at 20 Hz",
                "fraction_at_bounds = float(np.mean((learned[1] < 0.1) | (learned[1] > 0.9)))",
            ),
            ("only the weights near 0", "fraction_at_bounds = float(np.mean(learned[2] < 0.1))"),
            ("only the weights near g_max", "fraction_at_bounds = float(np.mean(learned[2] > 0.9))"),
            ("all three neurons together", "fraction_at_bounds = float(np.mean((learned < 0.1) | (learned > 0.9)))"),
            (
                "the outer fifths of the paper check (0.2, 0.8)",
                "fraction_at_bounds = float(np.mean((learned[2] < 0.2) | (learned[2] > 0.8)))",
            ),
            (
                "row 0, the neuron whose inputs fired at 10 Hz",
                "fraction_at_bounds = float(np.mean((learned[0] < 0.1) | (learned[0] > 0.9)))",
            ),
            (
                "the weights between the bounds, not at them",
                "fraction_at_bounds = float(np.mean((learned[2] >= 0.1) & (learned[2] <= 0.9)))",
            ),
            (
                "typed from the printed percentage (80 %)",
                "fraction_at_bounds = round(float(np.mean((learned[2] < 0.1) | (learned[2] > 0.9))), 2)",
            ),
            ("a guess: 90 %", "fraction_at_bounds = 0.9"),
            (
                "the q = 0.2 neuron of the competition run (final[3])",
                "fraction_at_bounds = float(np.mean((final[3] < 0.1) | (final[3] > 0.9)))",
            ),
        ],
        "ex2_sensitivity_test": [
            (
                "plastic and frozen swapped",
                "plastic_increase_hz = float(frozen_rates[-1] - frozen_rates[0])\n"
                "frozen_increase_hz = float(plastic_rates[-1] - plastic_rates[0])",
            ),
            (
                "the subtraction forgotten: the STDP output rate at 40 Hz",
                "plastic_increase_hz = float(plastic_rates[-1])",
            ),
            ("a ratio instead of a difference", "plastic_increase_hz = float(plastic_rates[-1] / plastic_rates[0])"),
            (
                "the frozen ratio, divided by a silent 10-Hz rate",
                "with np.errstate(divide='ignore'):\n"
                "    frozen_increase_hz = float(frozen_rates[-1] / frozen_rates[0])",
            ),
            (
                "10 Hz minus 40 Hz",
                "plastic_increase_hz = float(plastic_rates[0] - plastic_rates[-1])\n"
                "frozen_increase_hz = float(frozen_rates[0] - frozen_rates[-1])",
            ),
            (
                "20 Hz instead of 40 Hz",
                "plastic_increase_hz = float(plastic_rates[1] - plastic_rates[0])\n"
                "frozen_increase_hz = float(frozen_rates[1] - frozen_rates[0])",
            ),
            ("the change of the input rate, 30 Hz", "plastic_increase_hz = 30.0"),
            (
                "typed from the printout as whole hertz",
                "plastic_increase_hz = float(round(plastic_increase_hz))\nfrozen_increase_hz = float(round(frozen_increase_hz))",
            ),
            (
                "10 Hz minus 40 Hz for the STDP neuron only",
                "plastic_increase_hz = float(plastic_rates[0] - plastic_rates[-1])",
            ),
            (
                "a percentage change",
                "plastic_increase_hz = float(100 * (plastic_rates[-1] - plastic_rates[0]) / plastic_rates[0])",
            ),
            ("a guess: STDP makes it 0 Hz", "plastic_increase_hz = 0.0"),
            (
                "largest minus smallest rate",
                "plastic_increase_hz = float(np.max(plastic_rates) - np.min(plastic_rates))\nfrozen_increase_hz = float(np.max(frozen_rates) - np.min(frozen_rates))",
            ),
            (
                "per hertz of input (divided by 30 Hz)",
                "plastic_increase_hz = float(plastic_rates[-1] - plastic_rates[0]) / 30\nfrozen_increase_hz = float(frozen_rates[-1] - frozen_rates[0]) / 30",
            ),
        ],
        "ex3_without_pattern_test": [
            (
                "the weights not divided by g_max",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
                "                                              initial_weights=final[3] * g_max))\n"
                "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]))",
            ),
            (
                "the change of the weight instead of the weight",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
                "                                              initial_weights=final[3] * g_max))\n"
                "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max - final[3, :500].mean())",
            ),
            ("the weight after practice, the run forgotten", "after_pattern_stops = float(final[3, :500].mean())"),
            (
                "the mean of all 1000 inputs",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
                "                                              initial_weights=final[3] * g_max))\n"
                "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:]) / g_max)",
            ),
            (
                "the independent inputs (500-999)",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
                "                                              initial_weights=final[3] * g_max))\n"
                "after_pattern_stops = float(np.mean(short_machine['stdp'].w[500:]) / g_max)",
            ),
            (
                "not run: the weights left by the slider's run (10 Hz, q = 0.1)",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.1, seed=1))\n"
                "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max)",
            ),
            (
                "seed 1 instead of 4",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=1,\n"
                "                                              initial_weights=final[3] * g_max))\n"
                "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max)",
            ),
            (
                "the pattern kept on (q = 0.2)",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.2, seed=4,\n"
                "                                              initial_weights=final[3] * g_max))\n"
                "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max)",
            ),
            (
                "seed 5 (the next exercise's) instead of 4",
                "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=5,\n                                              initial_weights=final[3] * g_max))\nafter_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max)",
            ),
            ("typed from the printout, two decimals", "after_pattern_stops = round(after_pattern_stops, 2)"),
            ("a guess: 0.8 g_max", "after_pattern_stops = 0.8"),
        ],
        "ex4_soft_bounds_test": [
            (
                "the rule left unchanged (song_rule)",
                "machine = song_network(SHORT_TIME, song_rule)\n"
                "machine.run(competition.song_run_values(machine.objects, 20 * Hz, 0.0, seed=5,\n"
                "                                        initial_weights=learned[neuron_20] * g_max))\n"
                "soft_mean = float(np.mean(machine['stdp'].w[:] / g_max))\n"
                "soft_spread = float(np.std(machine['stdp'].w[:] / g_max))",
            ),
            (
                "the weights not divided by g_max",
                "soft_machine.run(competition.song_run_values(soft_machine.objects, 20 * Hz, 0.0, seed=5,\n"
                "                                             initial_weights=learned[neuron_20] * g_max))\n"
                "soft_mean = float(np.mean(soft_machine['stdp'].w[:]))\n"
                "soft_spread = float(np.std(soft_machine['stdp'].w[:]))",
            ),
            (
                "the variance instead of the standard deviation",
                "soft_machine.run(competition.song_run_values(soft_machine.objects, 20 * Hz, 0.0, seed=5,\n"
                "                                             initial_weights=learned[neuron_20] * g_max))\n"
                "soft_spread = float(np.var(soft_machine['stdp'].w[:] / g_max))",
            ),
            (
                "only potentiation scaled (values of one run of that rule: mean 0.239, std 0.307 g_max)",
                "soft_mean, soft_spread = 0.239, 0.307",
            ),
            (
                "only depression scaled (values of one run of that rule: mean 0.963, std 0.025 g_max)",
                "soft_mean, soft_spread = 0.963, 0.025",
            ),
            (
                "the two scalings swapped (values of one run of that rule: mean 0.256, std 0.427 g_max)",
                "soft_mean, soft_spread = 0.256, 0.427",
            ),
            (
                "inputs at 10 Hz instead of 20 Hz",
                "soft_machine.run(competition.song_run_values(soft_machine.objects, 10 * Hz, 0.0, seed=5,\n"
                "                                             initial_weights=learned[neuron_20] * g_max))\n"
                "soft_mean = float(np.mean(soft_machine['stdp'].w[:] / g_max))\n"
                "soft_spread = float(np.std(soft_machine['stdp'].w[:] / g_max))",
            ),
            (
                "typed from the printout, two decimals",
                "soft_mean = round(soft_mean, 2)\nsoft_spread = round(soft_spread, 2)",
            ),
            (
                "started from the 40-Hz neuron's weights (learned[2])",
                "soft_machine.run(competition.song_run_values(soft_machine.objects, 20 * Hz, 0.0, seed=5,\n                                             initial_weights=learned[2] * g_max))\nsoft_mean = float(np.mean(soft_machine['stdp'].w[:] / g_max))\nsoft_spread = float(np.std(soft_machine['stdp'].w[:] / g_max))",
            ),
            ("a guess: mean 0.5, spread 0.1", "soft_mean, soft_spread = 0.5, 0.1"),
        ],
    },
    "04_homeostasis": {
        "ex1_istdp_target_test": [
            ("tau in ms", "alpha_8hz = 2 * 8.0 * 20"),
            ("the factor 2 forgotten", "alpha_8hz = 8.0 * 0.020"),
            ("the 5-Hz target of section 4", "alpha_8hz = 2 * 5.0 * 0.020"),
            ("divided by tau", "alpha_8hz = 2 * 8.0 / 0.020"),
            (
                "the rates averaged over the whole run, not from t = 10 s",
                "homeostasis.run_cells(lab, istdp_cells(8.0))\n"
                "t_w, r_w = cell_rates(1.0 * second)\n"
                "rates_8hz = r_w[:2].mean(axis=1)",
            ),
            (
                "not run at 8 Hz: the rates of a run at the 5-Hz target",
                "homeostasis.run_cells(lab, istdp_cells(5.0))\n"
                "t_w, r_w = cell_rates(1.0 * second)\n"
                "rates_8hz = r_w[:2, t_w > 10].mean(axis=1)",
            ),
            ("section 4's cells at the 10-Hz target", "rates_8hz = istdp_rates_by_s[2:, istdp_t_1s > 10].mean(axis=1)"),
            (
                "cells 2 and 3, which this run does not set",
                "homeostasis.run_cells(lab, istdp_cells(8.0))\n"
                "t_w, r_w = cell_rates(1.0 * second)\n"
                "rates_8hz = r_w[2:, t_w > 10].mean(axis=1)",
            ),
            (
                "one mean over both cells",
                "homeostasis.run_cells(lab, istdp_cells(8.0))\n"
                "t_w, r_w = cell_rates(1.0 * second)\n"
                "rates_8hz = r_w[:2, t_w > 10].mean()",
            ),
            (
                "the first 20 s instead of the last 20 s",
                "homeostasis.run_cells(lab, istdp_cells(8.0))\n"
                "t_w, r_w = cell_rates(1.0 * second)\n"
                "rates_8hz = r_w[:2, t_w < 20].mean(axis=1)",
            ),
            (
                "inputs at 8 Hz as well as the target",
                "homeostasis.run_cells(lab, istdp_cells(8.0, rate_e_hz=8.0))\nt_w, r_w = cell_rates(1.0 * second)\nrates_8hz = r_w[:2, t_w > 10].mean(axis=1)",
            ),
            (
                "8 Hz given as the input rate, the target left at 5 Hz",
                "homeostasis.run_cells(lab, istdp_cells(5.0, rate_e_hz=8.0))\nt_w, r_w = cell_rates(1.0 * second)\nrates_8hz = r_w[:2, t_w > 10].mean(axis=1)",
            ),
            (
                "only the last 10 s",
                "homeostasis.run_cells(lab, istdp_cells(8.0))\nt_w, r_w = cell_rates(1.0 * second)\nrates_8hz = r_w[:2, t_w > 20].mean(axis=1)",
            ),
            ("section 5's 5-Hz rates scaled by 8/5, not run", "rates_8hz = final_rates[:2] * 8 / 5"),
            ("the target itself guessed for both cells", "rates_8hz = np.array([8.0, 8.0])"),
            ("a guessed 10 % above the target (the bias of section 5)", "rates_8hz = np.array([8.8, 8.8])"),
            ("the mean of both cells given for each", "rates_8hz = np.full(2, float(np.mean(rates_8hz)))"),
        ],
        "ex2_bcm_limit_test": [
            ("the value to judge, 0.5 s", "slowest_tau_theta_s = 0.5"),
            ("tau_w / u, the input not squared", "slowest_tau_theta_s = 5.0 / 3.0"),
            ("section 3's limit, for u = 2", "slowest_tau_theta_s = 5.0 / 2.0 ** 2"),
            ("tau_w itself", "slowest_tau_theta_s = 5.0"),
            ("in ms", "slowest_tau_theta_s = 5000.0 / 3.0 ** 2"),
            ("inverted: u**2 / tau_w", "slowest_tau_theta_s = 3.0 ** 2 / 5.0"),
            ("u**2 - 1 in the denominator", "slowest_tau_theta_s = 5.0 / (3.0 ** 2 - 1)"),
            ("rounded to 0.6 s", "slowest_tau_theta_s = 0.6"),
            ("tau_w / (2 u**2), a factor 2 too many", "slowest_tau_theta_s = 5.0 / (2 * 3.0 ** 2)"),
            ("2 tau_w / u**2", "slowest_tau_theta_s = 2 * 5.0 / 3.0 ** 2"),
            ("the input cubed", "slowest_tau_theta_s = 5.0 / 3.0 ** 3"),
            ("a guess below 0.5 s", "slowest_tau_theta_s = 0.4"),
            ("a Brian2 quantity in seconds, not a plain number", "slowest_tau_theta_s = 5.0 * second / 3.0 ** 2"),
            ("u = 4 (tripled read as plus 3)", "slowest_tau_theta_s = 5.0 / 4.0 ** 2"),
        ],
        "ex3_additive_test": [
            (
                "the blocked amplitudes themselves (a multiplicative change)",
                "additive_pA = blocked_pA\n"
                "additive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)",
            ),
            (
                "the blocked mean added, not the difference",
                "additive_pA = control_pA + blocked_pA.mean()\n"
                "additive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)",
            ),
            (
                "the fit's arguments swapped",
                "additive_pA = control_pA + (blocked_pA.mean() - control_pA.mean())\n"
                "additive_slope, additive_intercept, _, _ = analysis.ranked_fit(additive_pA, control_pA)",
            ),
            ("section 5's multiplicative fit read instead", "additive_slope, additive_intercept = slope, intercept"),
            (
                "the controls scaled to the blocked mean (multiplied, not added)",
                "additive_pA = control_pA * blocked_pA.mean() / control_pA.mean()\n"
                "additive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)",
            ),
            (
                "shifted by the difference of the medians",
                "additive_pA = control_pA + (np.median(blocked_pA) - np.median(control_pA))\n"
                "additive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)",
            ),
            ("the intercept in nA", "additive_intercept = additive_intercept / 1000"),
            ("slope and intercept swapped", "additive_slope, additive_intercept = additive_intercept, additive_slope"),
            (
                "the ratio of the means added as the constant",
                "additive_pA = control_pA + blocked_pA.mean() / control_pA.mean()\nadditive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)",
            ),
            (
                "the difference of the means in the wrong order",
                "additive_pA = control_pA + (control_pA.mean() - blocked_pA.mean())\nadditive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)",
            ),
            (
                "the controls sorted before the shift",
                "additive_pA = np.sort(control_pA) + (blocked_pA.mean() - control_pA.mean())\nadditive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)",
            ),
            ("section 5's intercept only", "additive_intercept = intercept"),
            ("the intercept typed with one decimal", "additive_intercept = round(float(additive_intercept), 1)"),
            ("slope 1 and intercept 0 guessed (no change)", "additive_slope, additive_intercept = 1.0, 0.0"),
            ("the blocked mean as the intercept", "additive_intercept = float(blocked_pA.mean())"),
        ],
    },
    "05_structural_plasticity": {
        "ex1_half_speed_test": [
            ("a plain number, the unit forgotten", "half_speed_retraction = 3.47334957"),
            ("typed from the printout, rounded", "half_speed_retraction = 3.473 * Hz"),
            (
                "the root above the set point (the pruning side)",
                "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2 + (GROWTH['eps'] - GROWTH['eta_A']) "
                "/ (2 * np.sqrt(np.log(2))) * np.sqrt(np.log(4))",
            ),
            (
                "the spines' curve (eta_D) instead of the boutons'",
                "half_speed_retraction = (GROWTH['eta_D'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_D']) "
                "/ (2 * np.sqrt(np.log(2))) * np.sqrt(np.log(4))",
            ),
            (
                "zeta without the sqrt(ln 2)",
                "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_A']) "
                "/ 2 * np.sqrt(np.log(4))",
            ),
            (
                "x = ln 4 instead of its square root",
                "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_A']) "
                "/ (2 * np.sqrt(np.log(2))) * np.log(4)",
            ),
            ("eta_A itself, where boutons stop retracting", "half_speed_retraction = GROWTH['eta_A']"),
            ("xi, where boutons grow fastest", "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2"),
            (
                "half-speed growth (+nu/2) instead of retraction",
                "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_A']) "
                "/ (2 * np.sqrt(np.log(2))) * np.sqrt(np.log(4 / 3))",
            ),
            (
                "the spines' centre with the boutons' width",
                "half_speed_retraction = (GROWTH['eta_D'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_A']) "
                "/ (2 * np.sqrt(np.log(2))) * np.sqrt(np.log(4))",
            ),
            ("in kHz as a plain number", "half_speed_retraction = 0.00347334957"),
            (
                "a coarse scan of growth_rate (0.01 Hz steps)",
                "_ca = np.arange(0, 4.25, 0.01) * Hz\n"
                "_g = structural.growth_rate(_ca, GROWTH['eps'], GROWTH['eta_A'], GROWTH['nu']) / GROWTH['nu']\n"
                "half_speed_retraction = _ca[np.argmin(np.abs(_g + 0.5))]",
            ),
            (
                "zeta with ln 2 instead of its square root",
                "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_A']) / (2 * np.log(2)) * np.sqrt(np.log(4))",
            ),
            (
                "x**2 = ln 3",
                "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_A']) / (2 * np.sqrt(np.log(2))) * np.sqrt(np.log(3))",
            ),
            (
                "zeta as the whole distance eps - eta_A",
                "half_speed_retraction = (GROWTH['eta_A'] + GROWTH['eps']) / 2 - (GROWTH['eps'] - GROWTH['eta_A']) * np.sqrt(np.log(4))",
            ),
            (
                "the curve centred at the set point",
                "half_speed_retraction = GROWTH['eps'] - (GROWTH['eps'] - GROWTH['eta_A']) / (2 * np.sqrt(np.log(2))) * np.sqrt(np.log(4))",
            ),
            ("half of eta_A", "half_speed_retraction = GROWTH['eta_A'] / 2"),
            ("three quarters of eta_A (a straight line)", "half_speed_retraction = GROWTH['eta_A'] * 0.75"),
            ("eta_D, where spines start growing", "half_speed_retraction = GROWTH['eta_D'] * 1.0"),
            ("zero calcium guessed", "half_speed_retraction = 0 * Hz"),
            ("typed from the printout with five digits", "half_speed_retraction = 3.4733 * Hz"),
        ],
        "ex2_recovery_test": [
            (
                "measured from the start of the run",
                "half_recovery_20 = half_recovery_time(lesion) + 100\n"
                "half_recovery_15 = half_recovery_time(structural.run_experiment(machine, silenced=0.15, t_lesion=LESION_AT)) + 100",
            ),
            ("the two swapped", "half_recovery_20, half_recovery_15 = half_recovery_15, half_recovery_20"),
            ("both measured on section 3's run", "half_recovery_15 = half_recovery_20"),
            (
                "waited for the calcium to reach the set point (100 %), not halfway",
                "def _full(r):\n"
                "    t = r['t_s']; ca = r['calcium_hz'][:N_DEPRIVED].mean(axis=0)\n"
                "    low = np.argmin(np.where(t >= 100, ca, np.inf)); back = np.nonzero((t > t[low]) & (ca >= EPS_HZ))[0]\n"
                "    return float((t[back[0]] if len(back) else t[-1]) - 100)\n"
                "half_recovery_20 = _full(lesion)\n"
                "half_recovery_15 = _full(structural.run_experiment(machine, silenced=0.15, t_lesion=LESION_AT))",
            ),
            (
                "waited for within 10 % of the set point",
                "def _near(r):\n"
                "    t = r['t_s']; ca = r['calcium_hz'][:N_DEPRIVED].mean(axis=0)\n"
                "    low = np.argmin(np.where(t >= 100, ca, np.inf)); back = np.nonzero((t > t[low]) & (ca >= 0.9 * EPS_HZ))[0]\n"
                "    return float((t[back[0]] if len(back) else t[-1]) - 100)\n"
                "half_recovery_20 = _near(lesion)\n"
                "half_recovery_15 = _near(structural.run_experiment(machine, silenced=0.15, t_lesion=LESION_AT))",
            ),
            (
                "halfway read as half the set point (4 Hz)",
                "def _half_eps(r):\n"
                "    t = r['t_s']; ca = r['calcium_hz'][:N_DEPRIVED].mean(axis=0)\n"
                "    low = np.argmin(np.where(t >= 100, ca, np.inf)); back = np.nonzero((t > t[low]) & (ca >= EPS_HZ / 2))[0]\n"
                "    return float((t[back[0]] if len(back) else t[-1]) - 100)\n"
                "half_recovery_20 = _half_eps(lesion)\n"
                "half_recovery_15 = _half_eps(structural.run_experiment(machine, silenced=0.15, t_lesion=LESION_AT))",
            ),
            (
                "the 2-s rate bins instead of the calcium",
                "def _by_rate(r):\n"
                "    t = r['rate_t_s']; x = r['rate_hz'][:N_DEPRIVED].mean(axis=0)\n"
                "    low = np.argmin(np.where(t >= 100, x, np.inf)); back = np.nonzero((t > t[low]) & (x >= (x[low] + EPS_HZ) / 2))[0]\n"
                "    return float((t[back[0]] if len(back) else t[-1]) - 100)\n"
                "half_recovery_20 = _by_rate(lesion)\n"
                "half_recovery_15 = _by_rate(structural.run_experiment(machine, silenced=0.15, t_lesion=LESION_AT))",
            ),
            (
                "all 100 neurons' calcium, not the deprived",
                "def _all(r):\n"
                "    t = r['t_s']; ca = r['calcium_hz'][:N_MATURE].mean(axis=0)\n"
                "    low = np.argmin(np.where(t >= 100, ca, np.inf)); back = np.nonzero((t > t[low]) & (ca >= (ca[low] + EPS_HZ) / 2))[0]\n"
                "    return float((t[back[0]] if len(back) else t[-1]) - 100)\n"
                "half_recovery_20 = _all(lesion)\n"
                "half_recovery_15 = _all(structural.run_experiment(machine, silenced=0.15, t_lesion=LESION_AT))",
            ),
            (
                "the time of the lowest point, not of the return",
                "def _low(r):\n"
                "    t = r['t_s']; ca = r['calcium_hz'][:N_DEPRIVED].mean(axis=0)\n"
                "    return float(t[np.argmin(np.where(t >= 100, ca, np.inf))] - 100)\n"
                "half_recovery_20 = _low(lesion)\n"
                "half_recovery_15 = _low(structural.run_experiment(machine, silenced=0.15, t_lesion=LESION_AT))",
            ),
            ("in minutes", "half_recovery_20 = half_recovery_20 / 60\nhalf_recovery_15 = half_recovery_15 / 60"),
            ("a guessed value for 15 %", "half_recovery_15 = 60.0"),
            (
                "the lowest point searched over the whole run, before the lesion too",
                "def _lo_all(r):\n    t = r['t_s']; ca = r['calcium_hz'][:N_DEPRIVED].mean(axis=0)\n    low = np.argmin(ca); back = np.nonzero((t > t[low]) & (ca >= (ca[low] + EPS_HZ) / 2))[0]\n    return float(t[back[0]] - 100)\nhalf_recovery_20 = _lo_all(lesion)",
            ),
            (
                "the last sample below halfway, not the first at or above it",
                "def _before(r):\n    t = r['t_s']; ca = r['calcium_hz'][:N_DEPRIVED].mean(axis=0)\n    low = np.argmin(np.where(t >= 100, ca, np.inf)); back = np.nonzero((t > t[low]) & (ca >= (ca[low] + EPS_HZ) / 2))[0]\n    return float(t[back[0] - 1] - 100)\nhalf_recovery_20 = _before(lesion)",
            ),
            ("a guessed 50 s for 15 %", "half_recovery_15 = 50.0"),
        ],
        "ex3_young_properties_test": [
            (
                "the young group of section 4 copied",
                "inputs_without_excitability = float(newborns['incoming'][YOUNG, -1].mean())\n"
                "rate_without_excitability = float(late_rates(newborns, YOUNG).mean())",
            ),
            (
                "the control group's rows",
                "_r = newborn_experiment(dict(young, gain=1.0))\n"
                "inputs_without_excitability = float(_r['incoming'][CONTROL, -1].mean())\n"
                "rate_without_excitability = float(late_rates(_r, CONTROL).mean())",
            ),
            (
                "the mean over all ten newborns",
                "_r = newborn_experiment(dict(young, gain=1.0))\n"
                "inputs_without_excitability = float(_r['incoming'][100:110, -1].mean())\n"
                "rate_without_excitability = float(late_rates(_r, np.arange(100, 110)).mean())",
            ),
            (
                "the final calcium instead of the rate over the last 50 s",
                "_r = newborn_experiment(dict(young, gain=1.0))\n"
                "rate_without_excitability = float(_r['calcium_hz'][YOUNG, -1].mean())",
            ),
            (
                "the rate over the last 100 s",
                "_r = newborn_experiment(dict(young, gain=1.0))\n"
                "rate_without_excitability = float(structural.window_mean(_r['rate_t_s'], _r['rate_hz'][YOUNG], 200, 300).mean())",
            ),
            (
                "a count of neurons above half the set point, not a rate",
                "_r = newborn_experiment(dict(young, gain=1.0))\n"
                "rate_without_excitability = float(np.sum(late_rates(_r, YOUNG) >= EPS_HZ / 2))",
            ),
            (
                "inputs when the window closes (200 s)",
                "_r = newborn_experiment(dict(young, gain=1.0))\n"
                "inputs_without_excitability = float(_r['incoming'][YOUNG][:, _r['t_s'] == 200].mean())",
            ),
            ("the sum of the five, not the mean", "inputs_without_excitability = inputs_without_excitability * 5"),
            (
                "typed from the printout, rounded",
                "inputs_without_excitability = round(inputs_without_excitability, 1)\n"
                "rate_without_excitability = round(rate_without_excitability, 2)",
            ),
            (
                "excitability only (the other two removed)",
                "_r = newborn_experiment(dict(young, nu=None, eta_D=None))\n"
                "inputs_without_excitability = float(_r['incoming'][YOUNG, -1].mean())\n"
                "rate_without_excitability = float(late_rates(_r, YOUNG).mean())",
            ),
            (
                "the rate of section 4's young group, the inputs right",
                "rate_without_excitability = float(late_rates(newborns, YOUNG).mean())",
            ),
            (
                "the mean calcium over the last 50 s",
                "_t = without_excitability['t_s']\nrate_without_excitability = float(without_excitability['calcium_hz'][YOUNG][:, _t >= 250].mean())",
            ),
            (
                "the largest number of inputs during the run",
                "inputs_without_excitability = float(without_excitability['incoming'][YOUNG].max(axis=1).mean())",
            ),
            (
                "the inputs averaged over the whole run",
                "inputs_without_excitability = float(without_excitability['incoming'][YOUNG].mean())",
            ),
            (
                "the rate averaged over the whole run",
                "rate_without_excitability = float(without_excitability['rate_hz'][YOUNG].mean())",
            ),
            (
                "the rate of the last 2-s bin only",
                "rate_without_excitability = float(without_excitability['rate_hz'][YOUNG, -1].mean())",
            ),
            (
                "the median instead of the mean",
                "inputs_without_excitability = float(np.median(without_excitability['incoming'][YOUNG, -1]))\nrate_without_excitability = float(np.median(late_rates(without_excitability, YOUNG)))",
            ),
            (
                "the rate over 200-250 s",
                "rate_without_excitability = float(structural.window_mean(without_excitability['rate_t_s'], without_excitability['rate_hz'][YOUNG], 200, 250).mean())",
            ),
        ],
    },
    "06_critical_periods": {
        "ex1_ipsi_md_test": [
            (
                "closed the contralateral eye (the wrong eye)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'lid', 'open'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "before minus after (the sign convention reversed)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.mean(nr_odi - od.ocular_dominance_index(*od.eye_responses(_a))))",
            ),
            (
                "ODI with ipsi and contra swapped, (R_i - R_c) / (R_i + R_c)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_c, _i = od.eye_responses(od.recorded_state(machine, nr_state, day=3))\n"
                "ipsi_md_shift = float(np.mean((_i - _c) / (_i + _c) - (nr_ipsi - nr_contra) / (nr_ipsi + nr_contra)))",
            ),
            (
                "R_c - R_i, not divided by R_c + R_i (normalization forgotten)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_c, _i = od.eye_responses(od.recorded_state(machine, nr_state, day=3))\n"
                "ipsi_md_shift = float(np.mean((_c - _i) - (nr_contra - nr_ipsi)))",
            ),
            (
                "read before the deprivation (day 0)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=0)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "the mean ODI after, not its change",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a))))",
            ),
            (
                "read at the end of the run (day 10), not on day 3",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "eye kept closed for the whole run and read at its end",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'))])\n"
                "_a = od.recorded_state(machine, nr_state)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "deprived at P18, before the window",
                "od.run_groups(machine, nr_state, [od.rearing(18, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "TTX instead of lid suture",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'ttx'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "the change in the ODI of the mean responses, not the mean of each cell's change",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_c, _i = od.eye_responses(od.recorded_state(machine, nr_state, day=3))\n"
                "ipsi_md_shift = float(od.ocular_dominance_index(_c.mean(), _i.mean()) - od.ocular_dominance_index(nr_contra.mean(), nr_ipsi.mean()))",
            ),
            (
                "the value printed by the solution, rounded to 3 decimals",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = round(float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi)), 3)",
            ),
            (
                "the contralateral MD shift of section 3, sign flipped",
                "ipsi_md_shift = -float(odi_shift[md_lid, DAY4])",
            ),
            (
                "read on day 4 (one day after the eye reopened)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=4)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "deprived at P24 (section 6's age)",
                "od.run_groups(machine, nr_state, [od.rearing(24, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "the median over the cells, not the mean",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.median(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "4 days closed and read on day 4 (Gordon & Stryker's protocol)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (4, 'open', 'open'))])\n"
                "_a = od.recorded_state(machine, nr_state, day=4)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
            (
                "the gate held fully open (copied from section 2's run)",
                "od.run_groups(machine, nr_state, [od.rearing(28, (0, 'open', 'lid'), (3, 'open', 'open'))], gate=od.FULLY_OPEN)\n"
                "_a = od.recorded_state(machine, nr_state, day=3)\n"
                "ipsi_md_shift = float(np.mean(od.ocular_dominance_index(*od.eye_responses(_a)) - nr_odi))",
            ),
        ],
        "ex2_noise_test": [
            ("guessed 4 (the sigma-squared prediction)", "loss_ratio = 4.0"),
            ("guessed 2 (loss proportional to sigma)", "loss_ratio = 2.0"),
            (
                "the smaller loss over the larger (inverted ratio)",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "_l = 1 - group_means(_c, 2) / R_c0.mean()\n"
                "loss_ratio = float(_l[0] / _l[1])",
            ),
            (
                "what remains (after / before) instead of the loss",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "_r = group_means(_c, 2) / R_c0.mean()\n"
                "loss_ratio = float(_r[1] / _r[0])",
            ),
            (
                "the open (ipsilateral) eye's losses",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_, _i = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "_l = 1 - group_means(_i, 2) / R_i0.mean()\n"
                "loss_ratio = float(_l[1] / _l[0])",
            ),
            (
                "read after 4 days, not 1",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=4))\n"
                "_l = 1 - group_means(_c, 2) / R_c0.mean()\n"
                "loss_ratio = float(_l[1] / _l[0])",
            ),
            (
                "section 3's noise levels (0.15 and 0.3), read after 4 days",
                "loss_ratio = float((1 - closed_rel[names.index('MD, twice the lid noise'), DAY4]) / (1 - closed_rel[names.index('MD, lid suture'), DAY4]))",
            ),
            (
                "lid noise 0.15 and 0.3 instead of 0.1 and 0.2, one day",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.15), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.3)])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "_l = 1 - group_means(_c, 2) / R_c0.mean()\n"
                "loss_ratio = float(_l[1] / _l[0])",
            ),
            (
                "both groups with the default lid noise (ratio 1)",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open')), od.rearing(28, (0, 'lid', 'open'))])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "_l = 1 - group_means(_c, 2) / R_c0.mean()\n"
                "loss_ratio = float(_l[1] / _l[0])",
            ),
            (
                "group means forgotten: the loss of the first cell of each group",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "_l = 1 - _c[[0, 200]] / R_c0[0]\n"
                "loss_ratio = float(_l[1] / _l[0])",
            ),
            ("the printed ratio typed in (4.01)", "loss_ratio = 4.01"),
            (
                "read after a quarter of a day, not one day",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=0.25))\n"
                "_l = 1 - group_means(_c, 2) / R_c0.mean()\n"
                "loss_ratio = float(_l[1] / _l[0])",
            ),
            (
                "section 3's noise levels (0.45 and 0.9) read off its run after one day",
                "_d1 = int(np.argmin(np.abs(t_days - 1)))\n"
                "loss_ratio = float((1 - closed_rel[names.index('MD, twice the lid noise'), _d1]) / (1 - closed_rel[names.index('MD, lid suture'), _d1]))",
            ),
            (
                "each group in its own run (the question asks for one run with two groups)",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1)])\n"
                "_c1, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_c2, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "loss_ratio = float((1 - _c2.mean() / R_c0.mean()) / (1 - _c1.mean() / R_c0.mean()))",
            ),
            (
                "the mean of each cell's relative loss, not the loss of the mean response",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_c, _ = od.eye_responses(od.recorded_state(machine, cells, day=1))\n"
                "_l = group_means(1 - _c / np.tile(R_c0, len(_c) // len(R_c0)), 2)\n"
                "loss_ratio = float(_l[1] / _l[0])",
            ),
            (
                "the ratio of the mean ODI changes instead of the closed eye's losses",
                "od.run_groups(machine, cells, [od.rearing(28, (0, 'lid', 'open'), lid_noise=0.1), od.rearing(28, (0, 'lid', 'open'), lid_noise=0.2)])\n"
                "_o = od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=1)))\n"
                "_s = group_means(_o - np.tile(odi0, len(_o) // len(odi0)), 2)\n"
                "loss_ratio = float(_s[1] / _s[0])",
            ),
        ],
        "ex3_window_test": [
            (
                "2 days of deprivation, read on day 4 (two days after the eye reopened)",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'lid', 'open'), (2, 'open', 'open')) for a in brief_onsets])\n"
                "brief_change = group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=4))) - np.tile(odi0, 8), 8)\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, brief_change)",
            ),
            (
                "4 days of deprivation, read on day 4 (Gordon & Stryker's protocol)",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'lid', 'open'), (4, 'open', 'open')) for a in brief_onsets])\n"
                "brief_change = group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=4))) - np.tile(odi0, 8), 8)\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, brief_change)",
            ),
            (
                "read before the deprivation (day 0)",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'lid', 'open'), (2, 'open', 'open')) for a in brief_onsets])\n"
                "brief_change = group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=0))) - np.tile(odi0, 8), 8)\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, brief_change)",
            ),
            ("Gordon & Stryker's window, P19-P32", "first_sensitive_onset, last_sensitive_onset = 19, 32"),
            ("the gate's half-way ages, 22 and 33.5", "first_sensitive_onset, last_sensitive_onset = 22.0, 33.5"),
            (
                "the onsets at which the gate is above half its peak",
                "_g = od.critical_period_gate(np.array(brief_onsets))\n"
                "_s = np.array(brief_onsets)[_g >= 0.5 * _g.max()]\n"
                "first_sensitive_onset, last_sensitive_onset = float(_s[0]), float(_s[-1])",
            ),
            (
                "the onsets tried, not interpolated (first and last onset at or above half)",
                "_s = np.array(brief_onsets)[np.abs(brief_change) >= 0.5 * np.abs(brief_change).max()]\n"
                "first_sensitive_onset, last_sensitive_onset = float(_s[0]), float(_s[-1])",
            ),
            (
                "section 5's 4-day sweep (cp_shift) instead of a new run",
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(onsets, cp_shift)",
            ),
            ("a blind guess inside the list, P24-P30", "first_sensitive_onset, last_sensitive_onset = 24, 30"),
            (
                "the ipsilateral eye closed",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'open', 'lid'), (2, 'open', 'open')) for a in brief_onsets])\n"
                "brief_change = group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=2))) - np.tile(odi0, 8), 8)\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, brief_change)",
            ),
            (
                "the changes of the groups summed, not averaged",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'lid', 'open'), (2, 'open', 'open')) for a in brief_onsets])\n"
                "brief_change = 50 * group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=2))) - np.tile(odi0, 8), 8)\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, brief_change)",
            ),
            ("all zero (the autograder's blank answer)", "first_sensitive_onset = last_sensitive_onset = 0"),
            (
                "the ages at which the gate is above half its peak, on a fine grid of ages",
                "_g = od.critical_period_gate(ages, **od.CRITICAL_PERIOD)\n"
                "first_sensitive_onset, last_sensitive_onset = float(ages[_g >= 0.5].min()), float(ages[_g >= 0.5].max())",
            ),
            (
                "the window of the mean ODI after, not of its change",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'lid', 'open'), (2, 'open', 'open')) for a in brief_onsets])\n"
                "_after = group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=2))), 8)\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, _after)",
            ),
            (
                "the printed edges typed in (one decimal)",
                "first_sensitive_onset, last_sensitive_onset = round(first_sensitive_onset, 1), round(last_sensitive_onset, 1)",
            ),
            (
                "read after one day, not when the eye reopens",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'lid', 'open'), (2, 'open', 'open')) for a in brief_onsets])\n"
                "brief_change = group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=1))) - np.tile(odi0, 8), 8)\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, brief_change)",
            ),
            (
                "the change from the 400 cells' mean ODI (nr_odi) instead of these cells' own",
                "od.run_groups(machine, cells, [od.rearing(a, (0, 'lid', 'open'), (2, 'open', 'open')) for a in brief_onsets])\n"
                "brief_change = group_means(od.ocular_dominance_index(*od.eye_responses(od.recorded_state(machine, cells, day=2))), 8) - nr_odi.mean()\n"
                "first_sensitive_onset, last_sensitive_onset = od.half_max_window(brief_onsets, brief_change)",
            ),
            ("the sizes stored (abs of the changes)", "brief_change = np.abs(brief_change)"),
        ],
    },
    "07_cortical_maps": {
        "ex1_string_player_test": [
            (
                "the number of cells after practice, not a ratio",
                "thumb_ratio = float(cm.territories(string_player)[0])",
            ),
            (
                "a percentage instead of a ratio",
                "thumb_ratio = 100 * cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "before divided by after",
                "thumb_ratio = cm.territories(developed)[0] / cm.territories(string_player)[0]",
            ),
            ("the thumb's share of the 60 cells", "thumb_ratio = cm.territories(string_player)[0] / 60"),
            (
                "the thumb's share of the driven cells, t[0] / t.sum()",
                "_t = cm.territories(string_player)\nthumb_ratio = _t[0] / _t.sum()",
            ),
            ("unchanged, a guess", "thumb_ratio = 1.0"),
            ("the thumb's share of the touches over a fifth ((1/9) / (1/5))", "thumb_ratio = 5 / 9"),
            (
                "the change after / before - 1",
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0] - 1",
            ),
            (
                "the thumb in section 3's practised map",
                "thumb_ratio = cm.territories(practised)[0] / cm.territories(developed)[0]",
            ),
            (
                "the thumb practised twice as much instead of the others",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([2, 1, 1, 1, 1], 20000, seed=SEED + 30))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "finger index 1 (D2) read instead of the thumb",
                "thumb_ratio = cm.territories(string_player)[1] / cm.territories(developed)[1]",
            ),
            (
                "started from the random weights instead of the developed map",
                "string_player = cm.run_map(program, naive, cm.touch_sequence([1, 2, 2, 2, 2], 20000, seed=SEED + 30))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "the widget's 10 000-touch program (the same thumb territory by chance)",
                "string_player = cm.run_map(short_program, developed, cm.touch_sequence([1, 2, 2, 2, 2], 10000, seed=SEED + 30))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "seed SEED instead of SEED + 30 (the same thumb territory by chance)",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([1, 2, 2, 2, 2], 20000, seed=SEED))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "the right ratio typed from the printout, rounded to 3 digits",
                "thumb_ratio = float(f'{cm.territories(string_player)[0] / cm.territories(developed)[0]:.3f}')",
            ),
            ("the blank autograder answer", "thumb_ratio = None"),
            (
                "the percent change, (after / before - 1) x 100",
                "thumb_ratio = 100 * (cm.territories(string_player)[0] / cm.territories(developed)[0] - 1)",
            ),
            (
                "the right ratio typed from the printout, rounded to 2 digits",
                "thumb_ratio = float(f'{cm.territories(string_player)[0] / cm.territories(developed)[0]:.2f}')",
            ),
            (
                "the thumb never touched (use [0, 2, 2, 2, 2])",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([0, 2, 2, 2, 2], 20000, seed=SEED + 30))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "every finger touched alike (the practice forgotten)",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([1, 1, 1, 1, 1], 20000, seed=SEED + 30))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "the seed left out (touch_sequence's default seed 1)",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([1, 2, 2, 2, 2], 20000))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "seed SEED + 10, section 3's (the same thumb territory by chance)",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([1, 2, 2, 2, 2], 20000, seed=SEED + 10))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "seed SEED + 3 (the same thumb territory by chance)",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([1, 2, 2, 2, 2], 20000, seed=SEED + 3))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "started from section 3's practised map",
                "string_player = cm.run_map(program, practised, cm.touch_sequence([1, 2, 2, 2, 2], 20000, seed=SEED + 30))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "thresholds frozen (homeostasis=False)",
                "string_player = cm.run_map(program, developed, cm.touch_sequence([1, 2, 2, 2, 2], 20000, seed=SEED + 30), homeostasis=False)\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            (
                "finger index 2 (D3) read instead of the thumb",
                "thumb_ratio = cm.territories(string_player)[2] / cm.territories(developed)[2]",
            ),
            (
                "divided by the thumb's territory in the naive map",
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(naive)[0]",
            ),
            (
                "divided by the thumb's territory in section 3's practised map",
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(practised)[0]",
            ),
            (
                "two runs of 20 000 touches (seeds SEED + 30, SEED + 31)",
                "string_player = developed\n"
                "for _k in range(2):\n"
                "    string_player = cm.run_map(program, string_player, cm.touch_sequence([1, 2, 2, 2, 2], 20000, seed=SEED + 30 + _k))\n"
                "thumb_ratio = cm.territories(string_player)[0] / cm.territories(developed)[0]",
            ),
            ("a blind guess: the thumb loses a fifth", "thumb_ratio = 0.8"),
            (
                "the right ratio, but the developed map stored as string_player",
                "string_player = developed",
            ),
        ],
        "ex2_three_x_test": [
            ("the use factor itself", "territory_ratio_3x = 3.0"),
            (
                "section 3's doubled use (the value printed above)",
                "territory_ratio_3x = cm.territories(practised)[2] / cm.territories(developed)[2]",
            ),
            ("exercise 1's answer", "territory_ratio_3x = thumb_ratio"),
            (
                "before divided by after",
                "territory_ratio_3x = cm.territories(developed)[2] / cm.territories(three_x)[2]",
            ),
            ("the territory in cells, not a ratio", "territory_ratio_3x = float(cm.territories(three_x)[2])"),
            (
                "a percentage (after / before x 100)",
                "territory_ratio_3x = 100 * cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "the growth, after / before - 1",
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2] - 1",
            ),
            ("D3's share of the 60 cells after practice", "territory_ratio_3x = cm.territories(three_x)[2] / 60"),
            (
                "integer division of the territories",
                "territory_ratio_3x = cm.territories(three_x)[2] // cm.territories(developed)[2]",
            ),
            (
                "the proportional prediction 60 * 3/7 divided by the territory before",
                "territory_ratio_3x = 60 * 3 / 7 / cm.territories(developed)[2]",
            ),
            ("section 4's cortex shares at 2x and 1x", "territory_ratio_3x = cortex_share[-1] / cortex_share[1]"),
            (
                "D3 touched 3x as often, but with the seed of section 3",
                "three_x = cm.run_map(program, developed, cm.touch_sequence([1, 1, 3, 1, 1], 20000, seed=SEED + 10))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "the widget's 10 000-touch program",
                "three_x = cm.run_map(short_program, developed, cm.touch_sequence([1, 1, 3, 1, 1], 10000, seed=SEED + 50))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "started from section 3's practised map",
                "three_x = cm.run_map(program, practised, cm.touch_sequence([1, 1, 3, 1, 1], 20000, seed=SEED + 50))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "finger index 3 (D4) read instead of D3",
                "territory_ratio_3x = cm.territories(three_x)[3] / cm.territories(developed)[3]",
            ),
            (
                "the right ratio typed from the printout, rounded to 1 decimal",
                "territory_ratio_3x = float(f'{cm.territories(three_x)[2] / cm.territories(developed)[2]:.1f}')",
            ),
            ("the blank autograder answer", "territory_ratio_3x = None"),
            ("D3's share of the touches over a fifth ((3/7) / (1/5))", "territory_ratio_3x = (3 / 7) / (1 / 5)"),
            (
                "D3 touched twice as often (section 3's use) with seed SEED + 50",
                "three_x = cm.run_map(program, developed, cm.touch_sequence([1, 1, 2, 1, 1], 20000, seed=SEED + 50))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "D3 touched 1.5 times as often",
                "three_x = cm.run_map(program, developed, cm.touch_sequence([1, 1, 1.5, 1, 1], 20000, seed=SEED + 50))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "seed SEED + 20, section 4's (the same D3 territory by chance)",
                "three_x = cm.run_map(program, developed, cm.touch_sequence([1, 1, 3, 1, 1], 20000, seed=SEED + 20))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "seed SEED (the same D3 territory by chance)",
                "three_x = cm.run_map(program, developed, cm.touch_sequence([1, 1, 3, 1, 1], 20000, seed=SEED))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "the widget's 10 000-touch program with the widget's seed SEED + 40",
                "three_x = cm.run_map(short_program, developed, cm.touch_sequence([1, 1, 3, 1, 1], 10000, seed=SEED + 40))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "finger index 1 (D2) read instead of D3",
                "territory_ratio_3x = cm.territories(three_x)[1] / cm.territories(developed)[1]",
            ),
            (
                "started from section 3's practised map and divided by its territory",
                "three_x = cm.run_map(program, practised, cm.touch_sequence([1, 1, 3, 1, 1], 20000, seed=SEED + 50))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(practised)[2]",
            ),
            (
                "started from the random weights instead of the developed map",
                "three_x = cm.run_map(program, naive, cm.touch_sequence([1, 1, 3, 1, 1], 20000, seed=SEED + 50))\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            (
                "thresholds frozen (homeostasis=False)",
                "three_x = cm.run_map(program, developed, cm.touch_sequence([1, 1, 3, 1, 1], 20000, seed=SEED + 50), homeostasis=False)\n"
                "territory_ratio_3x = cm.territories(three_x)[2] / cm.territories(developed)[2]",
            ),
            ("a blind guess: it doubles", "territory_ratio_3x = 2.0"),
            ("the right ratio, but section 3's practised map stored as three_x", "three_x = practised"),
        ],
        "ex3_no_homeostasis_test": [
            (
                "the smallest divided by the largest",
                "_t = cm.territories(no_homeostasis)\nterritory_spread_frozen = _t.min() / _t.max()",
            ),
            (
                "the largest minus the smallest",
                "_t = cm.territories(no_homeostasis)\nterritory_spread_frozen = float(_t.max() - _t.min())",
            ),
            ("a guess: every finger equal", "territory_spread_frozen = 1.0"),
            ("exercise 2's answer (printed just above)", "territory_spread_frozen = territory_ratio_3x"),
            (
                "homeostasis left on (section 2's map)",
                "territory_spread_frozen = cm.territories(developed).max() / cm.territories(developed).min()",
            ),
            (
                "section 2's map without the tilt",
                "_t = cm.territories(developed_no_tilt)\nterritory_spread_frozen = _t.max() / _t.min()",
            ),
            (
                "homeostasis=False only in the second run",
                "no_homeostasis = cm.run_map(program, naive, cm.touch_sequence([1] * 5, 20000, seed=SEED))\n"
                "no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED + 1), homeostasis=False)\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "homeostasis=False only in the first run",
                "no_homeostasis = cm.run_map(program, naive, cm.touch_sequence([1] * 5, 20000, seed=SEED), homeostasis=False)\n"
                "no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED + 1))\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "started from the developed map instead of naive",
                "no_homeostasis = developed\n"
                "for _k in range(2):\n"
                "    no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED + _k), homeostasis=False)\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "started from the map without the tilt",
                "no_homeostasis = no_tilt\n"
                "for _k in range(2):\n"
                "    no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED + _k), homeostasis=False)\n"
                "_t = cm.territories(no_homeostasis)\n"
                "territory_spread_frozen = _t.max() / max(_t.min(), 1)",
            ),
            (
                "one run of 20 000 touches instead of two (the same territories by chance)",
                "no_homeostasis = cm.run_map(program, naive, cm.touch_sequence([1] * 5, 20000, seed=SEED), homeostasis=False)\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "three runs instead of two (the same territories by chance)",
                "no_homeostasis = naive\n"
                "for _k in range(3):\n"
                "    no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED + _k), homeostasis=False)\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "seeds SEED + 1 and SEED + 2 (the same territories by chance)",
                "no_homeostasis = naive\n"
                "for _k in range(2):\n"
                "    no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED + 1 + _k), homeostasis=False)\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            ("the largest territory in cells", "territory_spread_frozen = float(cm.territories(no_homeostasis).max())"),
            (
                "the right spread typed from the printout, rounded to 2 digits",
                "_t = cm.territories(no_homeostasis)\nterritory_spread_frozen = float(f'{_t.max() / _t.min():.2f}')",
            ),
            ("the blank autograder answer", "territory_spread_frozen = None"),
            (
                "the right spread typed from the printout, rounded to 1 decimal",
                "_t = cm.territories(no_homeostasis)\nterritory_spread_frozen = float(f'{_t.max() / _t.min():.1f}')",
            ),
            (
                "the largest divided by the mean",
                "_t = cm.territories(no_homeostasis)\nterritory_spread_frozen = float(_t.max() / _t.mean())",
            ),
            (
                "the largest divided by an even share of 12 cells",
                "territory_spread_frozen = float(cm.territories(no_homeostasis).max() / 12)",
            ),
            (
                "homeostasis left on in both runs",
                "no_homeostasis = naive\n"
                "for _k in range(2):\n"
                "    no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED + _k))\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "section 3's control map (seeds SEED + 60, SEED + 61; the same territories by chance)",
                "no_homeostasis = developed_no_homeostasis\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "the same seed SEED in both runs (the same territories by chance)",
                "no_homeostasis = naive\n"
                "for _k in range(2):\n"
                "    no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=SEED), homeostasis=False)\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "seeds 0 and 1 (the same territories by chance)",
                "no_homeostasis = naive\n"
                "for _k in range(2):\n"
                "    no_homeostasis = cm.run_map(program, no_homeostasis, cm.touch_sequence([1] * 5, 20000, seed=_k), homeostasis=False)\n"
                "territory_spread_frozen = cm.territories(no_homeostasis).max() / cm.territories(no_homeostasis).min()",
            ),
            (
                "section 3's frozen-threshold practice map",
                "no_homeostasis = frozen\n"
                "territory_spread_frozen = cm.territories(frozen).max() / cm.territories(frozen).min()",
            ),
            ("a blind guess: twice as large", "territory_spread_frozen = 2.0"),
        ],
    },
    "08_lesion_recovery": {
        "ex1_little_finger_test": [
            (
                "thresholds frozen (homeostasis=False)",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50, homeostasis=False)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "cut D4 (index 3) instead of D5",
                "_a = learn(adult, [1, 1, 1, 0, 1], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 3) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 3)",
            ),
            (
                "before minus after (the sign reversed)",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(cm.finger_of_cell(adult) == 3) - np.sum(rehab.finger_without(_a, 4) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "the takeover as a percentage",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = 100 * rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "D4's territory after the cut, not its gain",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "section 2's takeover of D3's zone (the value printed above)",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = takeover",
            ),
            (
                "4 blocks, as many as section 2's 4000 touches",
                "_a = learn(adult, [1, 1, 1, 1, 0], 4, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "the map after the cut read with D5 touched too (cm.finger_of_cell)",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(cm.finger_of_cell(_a) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "the share still silent instead of the share taken over",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = 1 - rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "the takeover counted in cells, not as a share",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = float(np.sum(rehab.finger_without(_a, 4)[rehab.silent_zone(adult, 4)] >= 0))",
            ),
            (
                "the right share typed from the printout as a rounded percentage",
                "d5_takeover = float(f'{d5_takeover:.2f}')",
            ),
            ("all zero (the autograder's blank answer)", "d4_gain = 0\nd5_takeover = 0.0"),
            (
                "takeover_fraction with the states swapped (after, before)",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\nd5_takeover = rehab.takeover_fraction(_a, adult, 4)",
            ),
            (
                "takeover_fraction for finger index 3 (D4)",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\nd5_takeover = rehab.takeover_fraction(adult, _a, 3)",
            ),
            (
                "the zone read with D5 touched too (cm.finger_of_cell), share not D5's",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d5_takeover = float(np.mean(cm.finger_of_cell(_a)[rehab.silent_zone(adult, 4)] != 4))",
            ),
            (
                "D4's gain from cm.territories (D5 touched too)",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(cm.territories(_a)[3] - cm.territories(adult)[3])",
            ),
            (
                "D5's change counted (index 4) instead of D4's",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 4) - np.sum(cm.finger_of_cell(adult) == 4))",
            ),
            (
                "D3's gain (index 2) instead of D4's",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 2) - np.sum(cm.finger_of_cell(adult) == 2))",
            ),
            (
                "seed SEED instead of SEED + 50",
                "_a = learn(adult, [1, 1, 1, 1, 0], 1, seed=SEED)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 4)",
            ),
            (
                "5 blocks, as in section 2",
                "_a = learn(adult, [1, 1, 1, 1, 0], 5, seed=SEED + 50)\n"
                "d4_gain = int(np.sum(rehab.finger_without(_a, 4) == 3) - np.sum(cm.finger_of_cell(adult) == 3))\n"
                "d5_takeover = rehab.takeover_fraction(adult, _a, 4)",
            ),
            ("a blind guess: all of the zone taken over", "d5_takeover = 1.0"),
        ],
        "ex2_threshold_test": [
            ("the coarse sweep's first working dose (printed in section 4)", "threshold_dose = above"),
            ("the coarse sweep's last failing dose", "threshold_dose = below"),
            (
                "seed 1 only, not the mean over the seeds",
                "threshold_dose = next((d for d in fine_doses if rehab.recovery_course(block, adult, dead, dose=d, start=0, policy=use_policy, seed=1)['performance'][-1] >= 0.5), fine_doses[-1])",
            ),
            ("a dose between the listed ones", "threshold_dose = (fine_doses[0] + fine_doses[1]) / 2"),
            ("the largest dose in fine_doses", "threshold_dose = fine_doses[-1]"),
            ("the dose as a percentage of the bracket", "threshold_dose = 100 * fine_doses[1]"),
            (
                "therapy from block 8 instead of block 0",
                "threshold_dose = next((d for d in fine_doses if np.mean([rehab.recovery_course(block, adult, dead, dose=d, start=8, policy=use_policy, seed=k)['performance'][-1] for k in SEEDS]) >= 0.5), fine_doses[-1])",
            ),
            (
                "the mean outcome at the threshold instead of the dose",
                "threshold_dose = float(np.mean([rehab.recovery_course(block, adult, dead, dose=0.9, start=0, policy=use_policy, seed=k)['performance'][-1] for k in SEEDS]))",
            ),
            (
                "a blind guess of the middle dose, with outcomes made up to match",
                "fine_outcomes = [0.2, 0.6, 0.9]\nthreshold_dose = fine_doses[1]",
            ),
            (
                "a blind guess of the first dose, with outcomes made up to match",
                "fine_outcomes = [0.5, 0.7, 0.9]\nthreshold_dose = fine_doses[0]",
            ),
            (
                "the outcomes of seed 1 only, and the dose they give",
                "fine_outcomes = [float(rehab.recovery_course(block, adult, dead, dose=d, start=0, policy=use_policy, seed=1)['performance'][-1]) for d in fine_doses]\n"
                "threshold_dose = next((d for d, p in zip(fine_doses, fine_outcomes) if p >= 0.5), fine_doses[-1])",
            ),
            (
                "the outcomes rounded to 2 digits as printed",
                "fine_outcomes = [float(f'{p:.2f}') for p in fine_outcomes]",
            ),
            ("zero (the autograder's blank answer)", "threshold_dose = 0"),
            (
                "section 4's whole-dose outcomes interpolated linearly",
                "fine_outcomes = [float(np.interp(d, DOSES, outcome[:, 0])) for d in fine_doses]\n"
                "threshold_dose = next((d for d, p in zip(fine_doses, fine_outcomes) if p >= 0.5), fine_doses[-1])",
            ),
            (
                "the outcomes as percentages",
                "fine_outcomes = [100 * p for p in fine_outcomes]",
            ),
            (
                "the outcomes in reversed order",
                "fine_outcomes = fine_outcomes[::-1]\n"
                "threshold_dose = next((d for d, p in zip(fine_doses, fine_outcomes) if p >= 0.5), fine_doses[-1])",
            ),
            (
                "the median over the seeds instead of the mean",
                "fine_outcomes = [float(np.median([rehab.recovery_course(block, adult, dead, dose=d, start=0, policy=use_policy, seed=k)['performance'][-1] for k in SEEDS])) for d in fine_doses]\n"
                "threshold_dose = next((d for d, p in zip(fine_doses, fine_outcomes) if p >= 0.5), fine_doses[-1])",
            ),
            (
                "the last use instead of the last performance",
                "fine_outcomes = [float(np.mean([rehab.recovery_course(block, adult, dead, dose=d, start=0, policy=use_policy, seed=k)['use'][-1] for k in SEEDS])) for d in fine_doses]\n"
                "threshold_dose = next((d for d, p in zip(fine_doses, fine_outcomes) if p >= 0.5), fine_doses[-1])",
            ),
        ],
        "ex3_delay_test": [
            (
                "the dose started at once (section 4's courses)",
                "delayed_territory = float(np.mean([cm.territories(courses[above_late, 0, k]['state'], dead=dead)[2] for k in SEEDS]))",
            ),
            (
                "the dose started at block 8 (section 4's courses)",
                "delayed_territory = float(np.mean([cm.territories(courses[above_late, 8, k]['state'], dead=dead)[2] for k in SEEDS]))",
            ),
            (
                "read at the end of therapy, not 6 blocks later",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above_late, start=4, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.mean([cm.territories(c['states'][4 + rehab.THERAPY_BLOCKS], dead=dead)[2] for c in _c]))",
            ),
            (
                "the outcome P instead of cells",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above_late, start=4, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.mean([c['performance'][-1] for c in _c]))",
            ),
            (
                "the dead cells counted too (territories without dead=dead)",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above_late, start=4, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.mean([cm.territories(c['state'])[2] for c in _c]))",
            ),
            (
                "seed 1 only, not the mean over the seeds",
                "_c = rehab.recovery_course(block, adult, dead, dose=above_late, start=4, policy=use_policy, seed=1)\n"
                "delayed_territory = float(cm.territories(_c['state'], dead=dead)[2])",
            ),
            (
                "the sum over the seeds instead of the mean",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above_late, start=4, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.sum([cm.territories(c['state'], dead=dead)[2] for c in _c]))",
            ),
            (
                "the early threshold dose `above` instead of `above_late`",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above, start=4, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.mean([cm.territories(c['state'], dead=dead)[2] for c in _c]))",
            ),
            (
                "4 blocks after section 4's late start (start=12)",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above_late, start=12, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.mean([cm.territories(c['state'], dead=dead)[2] for c in _c]))",
            ),
            ("D3's territory before the stroke", "delayed_territory = float(cm.territories(adult)[2])"),
            ("the previous exercise's answer", "delayed_territory = threshold_dose"),
            ("zero (the autograder's blank answer)", "delayed_territory = 0.0"),
            (
                "therapy from block 3 instead of 4",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above_late, start=3, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.mean([cm.territories(c['state'], dead=dead)[2] for c in _c]))",
            ),
            (
                "therapy from block 5 instead of 4",
                "_c = [rehab.recovery_course(block, adult, dead, dose=above_late, start=5, policy=use_policy, seed=k) for k in SEEDS]\n"
                "delayed_territory = float(np.mean([cm.territories(c['state'], dead=dead)[2] for c in _c]))",
            ),
            (
                "the mean of section 4's block-0 and block-8 courses (halfway)",
                "delayed_territory = float(np.mean([cm.territories(courses[above_late, s, k]['state'], dead=dead)[2] for s in (0, 8) for k in SEEDS]))",
            ),
            (
                "D3's living cells right after the stroke",
                "delayed_territory = float(cm.territories(adult, dead=dead)[2])",
            ),
            (
                "the right mean typed from the printout, rounded to 1 decimal",
                "delayed_territory = float(f'{delayed_territory:.1f}')",
            ),
        ],
    },
    "09_when_plasticity_hurts": {
        "ex1_crossover_test": [
            ("Klein's LFS length typed in (1020 pulses)", "pulses_for_10_percent = 1020"),
            ("the nearest tested length, not interpolated", "pulses_for_10_percent = 600"),
            ("the tested length just before -10 %", "pulses_for_10_percent = 540"),
            (
                "np.interp on the changes themselves (xp decreasing)",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(-0.10, _c, ex1_counts))",
            ),
            (
                "minutes instead of pulses",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(0.10, -_c, ex1_counts)) / 60",
            ),
            (
                "interpolated at 10 (percent) instead of 0.10",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(10, -_c, ex1_counts))",
            ),
            (
                "-5 % instead of -10 %",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(0.05, -_c, ex1_counts))",
            ),
            (
                "the spino-PAG cell's calcium per pulse",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts, PAG)\n"
                "pulses_for_10_percent = float(np.interp(0.10, -_c, ex1_counts))",
            ),
            (
                "the drift-only efficacy rho instead of the whole model",
                "conditioning.run(pain.conditioning_values(conditioning, np.full(10, 1.0) * Hz, ex1_counts))\n"
                "_c = conditioning['exact'].rho[:10] / 0.5 - 1\n"
                "pulses_for_10_percent = float(np.interp(0.10, -_c, ex1_counts))",
            ),
            (
                "the right value rounded to whole pulses and typed in",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(round(np.interp(0.10, -_c, ex1_counts)))",
            ),
            ("the blank autograder answer", "pulses_for_10_percent = None"),
            (
                "np.interp(0.10, changes) without the minus",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(0.10, _c, ex1_counts))",
            ),
            (
                "interpolated at 0.9 on the strength 1 + change (xp decreasing)",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(0.9, 1 + _c, ex1_counts))",
            ),
            (
                "xp sorted, fp left in its order",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(-0.10, np.sort(_c), ex1_counts))",
            ),
            (
                "a straight line fitted through all lengths",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.polyval(np.polyfit(_c, ex1_counts, 1), -0.10))",
            ),
            (
                "interpolated on the log of the counts",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.exp(np.interp(0.10, -_c, np.log(ex1_counts))))",
            ),
            (
                "scaled in proportion from Klein's LFS change",
                "pulses_for_10_percent = float(1020 * 0.10 / -lfs_change)",
            ),
            (
                "in milliseconds",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = 1000 * float(np.interp(0.10, -_c, ex1_counts))",
            ),
            (
                "a Brian2 time (pulses / 1 Hz), not a plain number",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(np.interp(0.10, -_c, ex1_counts)) / Hz",
            ),
            (
                "the right value rounded to tens",
                "_c = conditioning_change(np.full(10, 1.0) * Hz, ex1_counts)\n"
                "pulses_for_10_percent = float(round(np.interp(0.10, -_c, ex1_counts), -1))",
            ),
            ("the midpoint of 540 and 600", "pulses_for_10_percent = 570"),
            ("a blind guess (500)", "pulses_for_10_percent = 500"),
            ("exercise 2's answer (a neighbouring question)", "pulses_for_10_percent = float(slow_trace_ratio)"),
        ],
        "ex2_slow_trace_test": [
            (
                "tau_c left at 1 s (only s_max changed)",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0}))\n"
                "_g = gain_per_reward(craving, S_SWEEP_START).reshape(2, 6).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            ("the formula's prediction, not the simulation", "slow_trace_ratio = float(np.exp(-2.5 / 2))"),
            ("the ratio inverted (0.5 s over 3 s)", "slow_trace_ratio = 1 / 0.24"),
            (
                "no drift correction (rewarded change per reward only)",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0, 'tau_c': 2 * second}))\n"
                "_, _r, _o = reward.block_strengths(craving)\n"
                "_g = ((_r[:, -1] - S_SWEEP_START) / reward.rewards_per_block(craving)).reshape(2, 6).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            (
                "Izhikevich's random 1-3 s spread kept on top of the delays",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=2 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0, 'tau_c': 2 * second}))\n"
                "_g = gain_per_reward(craving, S_SWEEP_START).reshape(2, 6).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            (
                "section 5's ratio (tau_c = 1 s, 3 s over 0.5 s)",
                "slow_trace_ratio = float(sweep_gain[4] / sweep_gain[1])",
            ),
            ("the formula's value, rounded and typed in", "slow_trace_ratio = 0.29"),
            (
                "the formula through the helper, not the simulation",
                "slow_trace_ratio = reward.expected_gain_ratio(0.5 * second, 3 * second, 2 * second)",
            ),
            (
                "section 4's rate of 1.5 Hz copied",
                "craving.run(reward.reward_run_values(craving, rate=1.5 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0, 'tau_c': 2 * second}))\n"
                "_g = gain_per_reward(craving, S_SWEEP_START).reshape(2, 6).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            (
                "the starting strengths left at their defaults (1 and 0)",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, rule_values={'s_max': 100.0, 'tau_c': 2 * second}))\n"
                "_g = gain_per_reward(craving, S_SWEEP_START).reshape(2, 6).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            ("exercise 1's answer (a neighbouring question)", "slow_trace_ratio = float(pulses_for_10_percent)"),
            ("the blank autograder answer", "slow_trace_ratio = None"),
            ("exp(-2.5) of the original 1 s trace", "slow_trace_ratio = float(np.exp(-2.5))"),
            ("exp(-3 s / 2 s): the delay, not the difference", "slow_trace_ratio = float(np.exp(-3 / 2))"),
            ("the printed value typed in (three decimals)", "slow_trace_ratio = 0.287"),
            (
                "section 5's sweep interpolated at 3 s and 0.5 s (tau_c = 1 s)",
                "slow_trace_ratio = float(np.interp(3.0, SWEEP_DELAYS_S, sweep_gain) / np.interp(0.5, SWEEP_DELAYS_S, sweep_gain))",
            ),
            (
                "not divided by the number of rewards",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0, 'tau_c': 2 * second}))\n"
                "_, _r, _o = reward.block_strengths(craving)\n"
                "_g = ((_r[:, -1] - S_SWEEP_START) - (_o[:, :, -1] - S_SWEEP_START).mean(axis=1)).reshape(2, 6).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            (
                "the mean of the six per-block ratios",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0, 'tau_c': 2 * second}))\n"
                "_g = gain_per_reward(craving, S_SWEEP_START).reshape(2, 6)\n"
                "slow_trace_ratio = float(np.mean(_g[1] / _g[0]))",
            ),
            (
                "reshaped (6, 2): pairs of blocks, not the two delays",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0, 'tau_c': 2 * second}))\n"
                "_g = gain_per_reward(craving, S_SWEEP_START).reshape(6, 2).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            (
                "tau_c = 2 ms (a unit slip)",
                "craving.run(reward.reward_run_values(craving, rate=2 * Hz, delay_min=np.repeat([0.5, 3.0], 6) * second, delay_spread=0 * second, s_start=S_SWEEP_START, s_rewarded=S_SWEEP_START, rule_values={'s_max': 100.0, 'tau_c': 2 * ms}))\n"
                "_g = gain_per_reward(craving, S_SWEEP_START).reshape(2, 6).mean(axis=1)\n"
                "slow_trace_ratio = float(_g[1] / _g[0])",
            ),
            ("a blind guess (one half)", "slow_trace_ratio = 0.5"),
            ("exercise 3's answer (a neighbouring question)", "slow_trace_ratio = float(cue_value_compensable)"),
        ],
        "ex3_compensable_test": [
            (
                "Redish's drug error (with the floor)",
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=drug_error)[-1, 0])",
            ),
            (
                "the drug's D left out of the error",
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=lambda r, v, v1, g, D: r + g * v1 - v)[-1, 0])",
            ),
            (
                "the value of the last state, not the cue",
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=lambda r, v, v1, g, D: r + D + g * v1 - v)[-1, -1])",
            ),
            (
                "only 10 trials (not settled)",
                "cue_value_compensable = float(reward.run_chain(10, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=lambda r, v, v1, g, D: r + D + g * v1 - v)[-1, 0])",
            ),
            (
                "D added to every step, not only to the outcome",
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.0, alpha=ALPHA, gamma=GAMMA, error=lambda r, v, v1, g, D: r + 0.5 + g * v1 - v)[-1, 0])",
            ),
            ("the natural reward's value printed in section 6", "cue_value_compensable = float(natural[500, 0])"),
            (
                "the settled value typed from gamma^3, with the error still floored",
                "def compensable_error(reward_size, value, next_value, gamma, D):\n"
                "    return max(reward_size + D + gamma * next_value - value, D)\n"
                "\n"
                "cue_value_compensable = 1.5 * GAMMA**3",
            ),
            (
                "the error without D, value typed in",
                "def compensable_error(reward_size, value, next_value, gamma, D):\n"
                "    return reward_size + gamma * next_value - value\n"
                "\n"
                "cue_value_compensable = 1.5 * GAMMA**3",
            ),
            (
                "the value of the second state, not the cue",
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=compensable_error)[-1, 1])",
            ),
            (
                "D multiplied into the reward instead of added (the same value when r = 1)",
                "def compensable_error(reward_size, value, next_value, gamma, D):\n"
                "    return reward_size * (1 + D) + gamma * next_value - value\n"
                "\n"
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=compensable_error)[-1, 0])",
            ),
            ("the blank autograder answer", "cue_value_compensable = None"),
            ("1.5 gamma^3 rounded and typed in", "cue_value_compensable = 1.094"),
            ("the printed value typed in (three decimals)", "cue_value_compensable = 1.093"),
            ("Redish's drug after 1000 trials", "cue_value_compensable = float(drug[-1, 0])"),
            (
                "the error floored at 0",
                "def compensable_error(reward_size, value, next_value, gamma, D):\n"
                "    return max(reward_size + D + gamma * next_value - value, 0.0)\n"
                "\n"
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=compensable_error)[-1, 0])",
            ),
            (
                "gamma left out of the error",
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.5, alpha=ALPHA, gamma=GAMMA, error=lambda r, v, v1, g, D: r + D + v1 - v)[-1, 0])",
            ),
            (
                "D = 0 passed to run_chain",
                "cue_value_compensable = float(reward.run_chain(500, reward=1.0, D=0.0, alpha=ALPHA, gamma=GAMMA, error=compensable_error)[-1, 0])",
            ),
        ],
    },
    "10_sleep_and_consolidation": {
        "ex1_shrunk_test": [
            ("a percentage, not a fraction", "fraction_lost_over_20 = 100 * float(np.mean(w_sleep < 0.8 * w_wake))"),
            ("a count, not a fraction", "fraction_lost_over_20 = float(np.sum(w_sleep < 0.8 * w_wake))"),
            ("any loss at all, not more than 20 %", "fraction_lost_over_20 = float(np.mean(w_sleep < w_wake))"),
            (
                "an absolute loss of 0.2 instead of 20 %",
                "fraction_lost_over_20 = float(np.mean(w_wake - w_sleep > 0.2))",
            ),
            ("compared with 0.2 times the weight", "fraction_lost_over_20 = float(np.mean(w_sleep < 0.2 * w_wake))"),
            ("only the task synapses", "fraction_lost_over_20 = float(np.mean(w_sleep[task] < 0.8 * w_wake[task]))"),
            ("only the other synapses", "fraction_lost_over_20 = float(np.mean(w_sleep[~task] < 0.8 * w_wake[~task]))"),
            (
                "the replay night of section 4",
                "fraction_lost_over_20 = float(np.mean(replay_nights['replay'] < 0.8 * w_wake))",
            ),
            ("the complement: kept more than 80 %", "fraction_lost_over_20 = float(np.mean(w_sleep >= 0.8 * w_wake))"),
            ("the threshold itself, typed in", "fraction_lost_over_20 = 0.2"),
            ("section 3's mean fall as a fraction", "fraction_lost_over_20 = fall_percent / 100"),
            (
                "compared with the weights before the day",
                "fraction_lost_over_20 = float(np.mean(w_sleep < 0.8 * w_naive))",
            ),
            ("the blank autograder answer", "fraction_lost_over_20 = None"),
            (
                "typed from the printout (two decimals)",
                "fraction_lost_over_20 = round(float(fraction_lost_over_20), 2)",
            ),
            ("the mean relative loss", "fraction_lost_over_20 = float(np.mean((w_wake - w_sleep) / w_wake))"),
            (
                "the loss relative to the weight after the night",
                "fraction_lost_over_20 = float(np.mean((w_wake - w_sleep) / w_sleep > 0.2))",
            ),
            (
                "the count divided by the 25 task synapses",
                "fraction_lost_over_20 = float(np.sum(w_sleep < 0.8 * w_wake) / 25)",
            ),
            ("de Vivo's 'about 80 %' typed in", "fraction_lost_over_20 = 0.8"),
            ("a blind guess (one half)", "fraction_lost_over_20 = 0.5"),
        ],
        "ex2_uniform_test": [
            ("section 3's fall, the protected rule", "uniform_fall_percent = fall_percent"),
            ("a fraction, not percent", "uniform_fall_percent = 1 - w_uniform.mean() / w_wake.mean()"),
            ("the wrong sign (a rise)", "uniform_fall_percent = -100 * (1 - w_uniform.mean() / w_wake.mean())"),
            (
                "relative to the mean after the night",
                "uniform_fall_percent = 100 * (w_wake.mean() / w_uniform.mean() - 1)",
            ),
            (
                "relative to the weights before the day",
                "uniform_fall_percent = 100 * (1 - w_uniform.mean() / w_naive.mean())",
            ),
            (
                "only the task synapses",
                "uniform_fall_percent = 100 * (1 - w_uniform[task].mean() / w_wake[task].mean())",
            ),
            (
                "a night with replay",
                "sleep.run_phase(uniform_machine, w_wake, awake=False, p_replay=0.5)\n"
                "uniform_fall_percent = 100 * (1 - np.mean(uniform_machine['synapses'].w[:]) / w_wake.mean())",
            ),
            ("the blank autograder answer", "uniform_fall_percent = None"),
            (
                "the uniform night started from w_naive (the fall in percent of w_naive's mean)",
                "sleep.run_phase(uniform_machine, w_naive, awake=False)\n"
                "uniform_fall_percent = 100 * (1 - np.mean(uniform_machine['synapses'].w[:]) / w_naive.mean())",
            ),
            ("typed from the printout (one decimal)", "uniform_fall_percent = round(float(uniform_fall_percent), 1)"),
            ("the percent remaining, not the fall", "uniform_fall_percent = 100 * w_uniform.mean() / w_wake.mean()"),
            (
                "the mean of the per-synapse falls",
                "uniform_fall_percent = 100 * np.mean(1 - w_uniform[w_wake > 0] / w_wake[w_wake > 0])",
            ),
            ("the absolute fall of the mean weight", "uniform_fall_percent = w_wake.mean() - w_uniform.mean()"),
            ("the absolute fall times 100", "uniform_fall_percent = 100 * (w_wake.mean() - w_uniform.mean())"),
            (
                "the night run with machine (the protected program)",
                "sleep.run_phase(machine, w_wake, awake=False)\n"
                "uniform_fall_percent = 100 * (1 - np.mean(machine['synapses'].w[:]) / w_wake.mean())",
            ),
            (
                "the uniform night started from w_sleep",
                "sleep.run_phase(uniform_machine, w_sleep, awake=False)\n"
                "uniform_fall_percent = 100 * (1 - np.mean(uniform_machine['synapses'].w[:]) / w_sleep.mean())",
            ),
            (
                "section 1's rule kept as uniform_rule (the give-back still in)",
                "uniform_rule = sleep_rule\nuniform_fall_percent = fall_percent",
            ),
            (
                "A_up doubled in the rule (56.48 %, measured once with that rule)",
                "uniform_fall_percent = 56.483506417396725",
            ),
            ("exercise 1's answer (a neighbouring question)", "uniform_fall_percent = float(fraction_lost_over_20)"),
        ],
        "ex3_second_day_test": [
            ("the first day's mean", "mean_after_second_day = float(w_wake.mean())"),
            (
                "the second day from the naive weights",
                "sleep.run_phase(machine, w_naive, awake=True)\n"
                "mean_after_second_day = float(np.mean(machine['synapses'].w[:]))",
            ),
            (
                "a night instead of a day",
                "sleep.run_phase(machine, w_wake, awake=False)\n"
                "mean_after_second_day = float(np.mean(machine['synapses'].w[:]))",
            ),
            (
                "a day after the night",
                "sleep.run_phase(machine, w_sleep, awake=True)\n"
                "mean_after_second_day = float(np.mean(machine['synapses'].w[:]))",
            ),
            (
                "the sum, not the mean",
                "sleep.run_phase(machine, w_wake, awake=True)\n"
                "mean_after_second_day = float(np.sum(machine['synapses'].w[:]))",
            ),
            (
                "only the task synapses",
                "sleep.run_phase(machine, w_wake, awake=True)\n"
                "mean_after_second_day = float(np.mean(machine['synapses'].w[:][task]))",
            ),
            (
                "the day's rise, not the mean",
                "sleep.run_phase(machine, w_wake, awake=True)\n"
                "mean_after_second_day = float(np.mean(machine['synapses'].w[:])) - w_wake.mean()",
            ),
            (
                "a night with replay instead of a day",
                "sleep.run_phase(machine, w_wake, awake=False, p_replay=1.0)\n"
                "mean_after_second_day = float(np.mean(machine['synapses'].w[:]))",
            ),
            ("the blank autograder answer", "mean_after_second_day = None"),
            ("typed from the printout (three decimals)", "mean_after_second_day = round(mean_after_second_day, 3)"),
            ("the mean before learning", "mean_after_second_day = float(w_naive.mean())"),
            ("the mean after the night", "mean_after_second_day = float(w_sleep.mean())"),
            (
                "the median, not the mean",
                "sleep.run_phase(machine, w_wake, awake=True)\n"
                "mean_after_second_day = float(np.median(machine['synapses'].w[:]))",
            ),
            (
                "the first day's growth extrapolated (ratio)",
                "mean_after_second_day = float(w_wake.mean() ** 2 / w_naive.mean())",
            ),
            (
                "the first day's growth extrapolated (difference)",
                "mean_after_second_day = float(2 * w_wake.mean() - w_naive.mean())",
            ),
            ("exercise 1's answer (a neighbouring question)", "mean_after_second_day = float(fraction_lost_over_20)"),
        ],
    },
    "11_rewire_on_purpose": {
        "ex1_tag_test": [
            ("the blank autograder answer", "tag_hours = 0"),
            (
                "in minutes, not hours",
                "tag_hours = 60 * float((basics['h_A'][0] - h0_mV > 0.840149).sum() * (basics['t_h'][1] - basics['t_h'][0]))",
            ),
            (
                "compared with theta_pro instead of theta_tag",
                "tag_hours = float((basics['h_A'][0] - h0_mV > 2.10037).sum() * (basics['t_h'][1] - basics['t_h'][0]))",
            ),
            (
                "the time the tag ends, counted from the start of the run",
                "tag_hours = float(basics['t_h'][np.nonzero(basics['h_A'][0] - h0_mV > 0.840149)[0][-1]])",
            ),
            (
                "the strong tetanus's row (row 1) instead of the weak one",
                "tag_hours = float((basics['h_A'][1] - h0_mV > 0.840149).sum() * (basics['t_h'][1] - basics['t_h'][0]))",
            ),
            ("counted samples, not hours", "tag_hours = float((basics['h_A'][0] - h0_mV > 0.840149).sum())"),
            (
                "the weight in % compared with theta_tag in mV",
                "tag_hours = float((basics['w_A'][0] > 0.840149).sum() * (basics['t_h'][1] - basics['t_h'][0]))",
            ),
            (
                "forgot the factor 0.1: tau_h times log(peak / theta_tag)",
                "tag_hours = float(stc.STC_PARAMS['tau_h'] / hour) * np.log(np.max(basics['h_A'][0] - h0_mV) / 0.840149)",
            ),
            ("the early phase's decay time printed in the text (tau_h / 0.1, 1.9 h)", "tag_hours = 1.9"),
            ("the weak-first capture window of section 2 ('about an hour')", "tag_hours = 1.0"),
            (
                "in days, not hours",
                "tag_hours = float((basics['h_A'][0] - h0_mV > 0.840149).sum() * (basics['t_h'][1] - basics['t_h'][0])) / 24",
            ),
            ("exercise 2's answer", "tag_hours = 9"),
            (
                "theta_tag in volt, not mV (the time above baseline)",
                "tag_hours = float((basics['h_A'][0] - h0_mV > float(stc.STC_PARAMS['theta_tag'])).sum() * (basics['t_h'][1] - basics['t_h'][0]))",
            ),
            (
                "h compared with theta_tag, h0 not subtracted",
                "tag_hours = float((basics['h_A'][0] > float(stc.STC_PARAMS['theta_tag'] / mV)).sum() * (basics['t_h'][1] - basics['t_h'][0]))",
            ),
            (
                "samples times 10 (the step in minutes)",
                "tag_hours = float((basics['h_A'][0] - h0_mV > float(stc.STC_PARAMS['theta_tag'] / mV)).sum() * 10)",
            ),
            (
                "two samples too many",
                "tag_hours = float(((basics['h_A'][0] - h0_mV > float(stc.STC_PARAMS['theta_tag'] / mV)).sum() + 2) * (basics['t_h'][1] - basics['t_h'][0]))",
            ),
            ("tau_h in hours", "tag_hours = float(stc.STC_PARAMS['tau_h'] / hour)"),
            ("a blind guess (2 h)", "tag_hours = 2.0"),
            ("the 1997 paper's 'under three hours' typed in", "tag_hours = 3.0"),
            ("a blind guess (half an hour)", "tag_hours = 0.5"),
        ],
        "ex2_adult_test": [
            ("the blank autograder answer", "adult_trains = 0"),
            (
                "scored at the default age (P28)",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)])\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)])",
            ),
            (
                "the index from 0, not the number of trains",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=37)\n"
                "adult_trains = int(np.argmax(_s >= 25))",
            ),
            (
                "50 % instead of 25 %",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=37)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 50)])",
            ),
            (
                "trains 30 minutes apart",
                "_s = score([stc.session(1 * hour, int(n), 100, 30 * minute, 'A') for n in range(1, 13)], age=37)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)]) if (_s >= 25).any() else 12",
            ),
            ("the strong tetanus's three trains", "adult_trains = 3"),
            ("a float, not an int", "adult_trains = 5.0"),
            (
                "scored at the adult age P60",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=60)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)])",
            ),
            (
                "scored at P90",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=90)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)])",
            ),
            (
                "scored a day early (P36)",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=36)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)])",
            ),
            (
                "scored a day late (P38)",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=38)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)])",
            ),
            ("the value printed just above the exercises (300 pulses)", "adult_trains = 300"),
            ("the largest number tried", "adult_trains = 12"),
            ("exercise 1's answer rounded", "adult_trains = 1"),
            (
                "one train more than the first that passes",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=37)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)]) + 1",
            ),
            (
                "scored at P40",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=40)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)])",
            ),
            (
                "25 % written as 0.25",
                "_s = score([stc.session(1 * hour, int(n), 100, 10 * minute, 'A') for n in range(1, 13)], age=37)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 0.25)])",
            ),
            (
                "trains of 50 pulses, not 100",
                "_s = score([stc.session(1 * hour, int(n), 50, 10 * minute, 'A') for n in range(1, 13)], age=37)\n"
                "adult_trains = int(np.arange(1, 13)[np.argmax(_s >= 25)])",
            ),
        ],
        "ex4_fading_test": [
            ("the blank autograder answer", "faded_kept = 0"),
            ("the rule without decay: section 1's value", "faded_kept = float(week_kept[1])"),
            (
                "ran the old machine instead of fading_machine",
                "stc.run_schedules(machine, exposure, [stc.strong_tetanus(1 * hour, 'A')])\n"
                "faded_kept = float(stc.kept(machine, 1)[0])",
            ),
            (
                "read pathway B",
                "stc.run_schedules(fading_machine, exposure, [stc.strong_tetanus(1 * hour, 'A')])\n"
                "faded_kept = float(stc.kept(fading_machine, 1, 'B')[0])",
            ),
            (
                "read after three days, not a week",
                "stc.run_schedules(fading_machine, exposure, [stc.strong_tetanus(1 * hour, 'A')])\n"
                "faded_kept = float(stc.kept(fading_machine, 1, at=3 * 24 * hour)[0])",
            ),
            (
                "a fraction, not a percentage",
                "stc.run_schedules(fading_machine, exposure, [stc.strong_tetanus(1 * hour, 'A')])\n"
                "faded_kept = float(stc.kept(fading_machine, 1)[0]) / 100",
            ),
            (
                "the weak tetanus instead of the strong one",
                "stc.run_schedules(fading_machine, exposure, [stc.weak_tetanus(1 * hour, 'A')])\n"
                "faded_kept = float(stc.kept(fading_machine, 1)[0])",
            ),
            ("tau_forget of 5 hours: nothing left (value measured once with that rule)", "faded_kept = 0.0"),
            (
                "section 1's value decayed by exp(-t / 5 days) instead of running the changed rule",
                "faded_kept = float(week_kept[1]) * np.exp(-(7 * 24 - 4) / 120)",
            ),
            ("section 1's value times exp(-7 / 5)", "faded_kept = float(week_kept[1]) * np.exp(-7 / 5)"),
            ("exercise 3's score", "faded_kept = 99.4"),
            ("the decay multiplied by 0.1 (65.71 %, measured once with that rule)", "faded_kept = 65.7146464960689"),
            (
                "the decay put on h instead of z (74.54 %, measured once with that rule)",
                "faded_kept = 74.53714870878545",
            ),
            ("the decay with a plus sign (298.3 %, measured once with that rule)", "faded_kept = 298.26486401772013"),
            ("exercise 1's answer (a neighbouring question)", "faded_kept = float(tag_hours)"),
        ],
        "ex3_schedule_test": [
            ("the blank autograder answer", "my_schedule = None"),
            ("the given schedule itself", "my_schedule = given_schedule"),
            ("over the budget: four strong trains spaced", "my_schedule = practice_plan(4, 100, 60 * minute)"),
            ("spaced practice on pathway B", "my_schedule = stc.session(1 * hour, 6, 50, 60 * minute, 'B')"),
            ("practice spread into the second day", "my_schedule = practice_plan(6, 50, 5 * hour)"),
            ("one long train of 200 pulses", "my_schedule = practice_plan(1, 200, 1 * minute)"),
            ("sleep only, no practice", "my_schedule = stc.sleep(16 * hour)"),
            (
                "free extra practice on pathway B next to the massed schedule",
                "my_schedule = given_schedule + stc.session(1 * hour, 10, 200, 20 * minute, 'B')",
            ),
            (
                "a 'sleep' whose replays are practice: 100 pulses every 10 minutes",
                "my_schedule = practice_plan(1, 5, 1 * minute) + stc.sleep(1 * hour, hours=8, replay_every=10 * minute, replay_pulses=100)",
            ),
            (
                "sleep replays of 100 pulses at the assumed rate",
                "my_schedule = practice_plan(1, 5, 1 * minute) + stc.sleep(1 * hour, replay_pulses=100)",
            ),
            (
                "practice trains marked as replay by hand",
                "my_schedule = practice_plan(1, 5, 1 * minute) + [{**stc.train(k * 30 * minute, 200, 'A'), 'replay': True} for k in range(2, 20)]",
            ),
            (
                "a negative pulse count to cancel spending",
                "my_schedule = practice_plan(3, 100, 60 * minute) + [{'at': 7200.0, 'pulses': -100, 'pathway': 'A'}]",
            ),
            (
                "a fractional pulse count",
                "my_schedule = [{'at': 3600.0 * (k + 1), 'pulses': 50.5, 'pathway': 'A'} for k in range(5)]",
            ),
            (
                "a train before time zero",
                "my_schedule = practice_plan(5, 50, 60 * minute) + [{'at': -60.0, 'pulses': 50, 'pathway': 'A'}]",
            ),
            ("zero gaps: six trains of 50 pulses at once", "my_schedule = practice_plan(6, 50, 0 * minute)"),
            ("trains that run past the first day", "my_schedule = practice_plan(6, 50, 60 * minute, start=20 * hour)"),
            (
                "the given schedule plus five back-to-back nights of replay",
                "my_schedule = given_schedule + [item for k in range(5) for item in stc.sleep((4 + 8 * k) * hour)]",
            ),
            (
                "made the given schedule worse instead of beating it",
                "given_schedule = practice_plan(1, 5, 1 * minute)\nmy_schedule = practice_plan(1, 100, 1 * minute)",
            ),
            ("massed: six trains of 50 pulses one minute apart", "my_schedule = practice_plan(6, 50, 1 * minute)"),
            (
                "one pulse over the budget (301)",
                "my_schedule = practice_plan(6, 50, 60 * minute) + [stc.train(20 * hour, 1, 'A')]",
            ),
            ("practice started on the second day", "my_schedule = practice_plan(3, 100, 60 * minute, start=25 * hour)"),
            (
                "two nights of sleep",
                "my_schedule = practice_plan(3, 100, 1 * minute) + stc.sleep(2 * hour) + stc.sleep(26 * hour)",
            ),
            (
                "score redefined to favour the first schedule",
                "def score(schedules, age=28):\n"
                "    return np.array([100.0] + [0.0] * (len(schedules) - 1))\n"
                "\n"
                "my_schedule = practice_plan(2, 20, 1 * minute)",
            ),
            ("a tuple, not a list", "my_schedule = tuple(practice_plan(6, 50, 60 * minute))"),
            (
                "a list of sessions (nested lists)",
                "my_schedule = [practice_plan(3, 50, 60 * minute), practice_plan(3, 50, 60 * minute, start=5 * hour)]",
            ),
        ],
    },
    "12_novelty_and_challenge": {
        "ex1_optimal_error_test": [
            (
                "the accuracy at the optimum, not the error rate",
                "from statistics import NormalDist\noptimal_error_rate = NormalDist().cdf(1.0)",
            ),
            ("a percentage", "optimal_error_rate = 15.87"),
            ("the printed value typed in", "optimal_error_rate = 0.1587"),
            ("erfc without the square root of 2", "import math\noptimal_error_rate = 0.5 * math.erfc(1)"),
            ("the notebook's perceptron optimum instead of the theory's", "optimal_error_rate = 1 - best"),
            ("one in six", "optimal_error_rate = 1 / 6"),
            ("the error rate at 85 % right, rounded", "optimal_error_rate = 0.15"),
            ("erfc(1), neither the half nor the square root of 2", "import math\noptimal_error_rate = math.erfc(1)"),
            (
                "erfc(1 / sqrt(2)) without the half (both tails)",
                "import math\noptimal_error_rate = math.erfc(1 / math.sqrt(2))",
            ),
            (
                "the normal density at 1, not the distribution function",
                "from statistics import NormalDist\noptimal_error_rate = NormalDist().pdf(1.0)",
            ),
            ("rounded to two digits", "optimal_error_rate = 0.16"),
        ],
        "ex2_every_trial_test": [
            (
                "the error-driven rule kept (moves only on errors)",
                "every_trial_rule = error_rule\n"
                "every_trial_gains = novelty.learning_by_accuracy(every_trial_rule, accuracies)\n"
                "every_trial_best = novelty.best_accuracy(accuracies, every_trial_gains)",
            ),
            (
                "the sign flipped (away from the right answer)",
                "def every_trial_rule(w, x, label, output, eta):\n    return -eta * label[:, None] * x\n"
                "every_trial_gains = novelty.learning_by_accuracy(every_trial_rule, accuracies)\n"
                "every_trial_best = novelty.best_accuracy(accuracies, every_trial_gains)",
            ),
            (
                "learns only when right (the opposite of the perceptron)",
                "def every_trial_rule(w, x, label, output, eta):\n    return eta * ((label + output) / 2)[:, None] * x\n"
                "every_trial_gains = novelty.learning_by_accuracy(every_trial_rule, accuracies)\n"
                "every_trial_best = novelty.best_accuracy(accuracies, every_trial_gains)",
            ),
            ("section 2's gains stored instead of the new rule's", "every_trial_gains = gains"),
            (
                "the output in place of the label",
                "def every_trial_rule(w, x, label, output, eta):\n    return eta * output[:, None] * x",
            ),
            ("the best accuracy typed from the printout, rounded", "every_trial_best = 0.97"),
            ("the error-driven optimum", "every_trial_best = best"),
            (
                "eta forgotten",
                "def every_trial_rule(w, x, label, output, eta):\n    return label[:, None] * x\n"
                "every_trial_gains = novelty.learning_by_accuracy(every_trial_rule, accuracies)\n"
                "every_trial_best = novelty.best_accuracy(accuracies, every_trial_gains)",
            ),
            (
                "(label - output) without the / 2: the perceptron, doubled",
                "def every_trial_rule(w, x, label, output, eta):\n    return eta * (label - output)[:, None] * x\n"
                "every_trial_gains = novelty.learning_by_accuracy(every_trial_rule, accuracies)\n"
                "every_trial_best = novelty.best_accuracy(accuracies, every_trial_gains)",
            ),
            (
                "the label not reshaped (eta * label * x)",
                "def every_trial_rule(w, x, label, output, eta):\n    return eta * label * x",
            ),
            ("the best accuracy as a percentage", "every_trial_best = 100 * every_trial_best"),
            (
                "the largest gain instead of the accuracy where it lies",
                "every_trial_best = float(np.max(every_trial_gains))",
            ),
            (
                "the scan run with another seed",
                "every_trial_gains = novelty.learning_by_accuracy(every_trial_rule, accuracies, seed=0)",
            ),
        ],
        "ex3_latest_test": [
            ("10 % instead of 5 %", "latest_rescue_h = float(rescue_delays[rescue_kept >= 10].max())"),
            ("the earliest delay that keeps 5 %", "latest_rescue_h = float(rescue_delays[rescue_kept >= 5].min())"),
            ("any change at all kept", "latest_rescue_h = float(rescue_delays[rescue_kept > 0.01].max())"),
            ("in minutes", "latest_rescue_h = 60.0"),
            ("novelty before learning (a negative delay)", "latest_rescue_h = -1.0"),
            ("the whole window read off section 4's grid, before side included", "latest_rescue_h = 6.0"),
            (
                "the first delay that keeps less than 5 %",
                "latest_rescue_h = float(rescue_delays[rescue_kept < 5][rescue_delays[rescue_kept < 5] > 0.5].min())",
            ),
            (
                "the last grid delay that keeps 5 %, not interpolated (section 4's printout: 1 h)",
                "latest_rescue_h = float(rescue_delays[rescue_kept >= 5].max())",
            ),
            (
                "section 4's coarse grid interpolated instead of the 0.25 h grid",
                "_d, _k = delays_h[delays_h >= 0], novel_kept[delays_h >= 0]\n_j = int(np.flatnonzero(_k >= 5).max())\n"
                "latest_rescue_h = float(_d[_j] + (_d[_j + 1] - _d[_j]) * (_k[_j] - 5) / (_k[_j] - _k[_j + 1]))",
            ),
            (
                "interpolated with (5 - k2) in place of (k1 - 5)",
                "latest_rescue_h = float(d1 + (d2 - d1) * (5 - k2) / (k1 - k2))",
            ),
            (
                "the 10 % crossing, interpolated",
                "_j = int(np.flatnonzero(rescue_kept >= 10).max())\n"
                "latest_rescue_h = float(rescue_delays[_j] + 0.25 * (rescue_kept[_j] - 10) / (rescue_kept[_j] - rescue_kept[_j + 1]))",
            ),
            ("in seconds", "latest_rescue_h = 3600 * latest_rescue_h"),
            (
                "the crossing before learning (novelty first), as a positive number",
                "_k = novelty.novelty_window(machine, exposure, -rescue_delays)\n_j = int(np.flatnonzero(_k >= 5).max())\n"
                "latest_rescue_h = float(rescue_delays[_j] + 0.25 * (_k[_j] - 5) / (_k[_j] - _k[_j + 1]))",
            ),
            (
                "np.interp with the kept values decreasing (it needs them increasing)",
                "latest_rescue_h = float(np.interp(5, rescue_kept, rescue_delays))",
            ),
        ],
    },
}
