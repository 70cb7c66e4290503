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
        ],
        "ex2_rate_test": [
            ("simulate_lif's default 200 ms, divided by 1 s",
             "_, s = simulate_lif([2 * rheobase])\nrate_at_twice_rheobase = s.count[0] / 1.0"),
            ("the duration in ms",
             "_, s = simulate_lif([2 * rheobase], duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 1000"),
            ("at the rheobase, not twice it",
             "_, s = simulate_lif([rheobase], duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 1.0"),
            ("twice the 0.3 nA of the first figure",
             "_, s = simulate_lif([0.6] * nA, duration=1 * second)\nrate_at_twice_rheobase = s.count[0] / 1.0"),
            ("exercise 1's slip carried over (rheobase 2 nA), simulated correctly",
             "rheobase = 2 * nA\n_, s = simulate_lif([2 * rheobase], duration=1 * second)\n"
             "rate_at_twice_rheobase = s.count[0] / 1.0"),
        ],
        "ex3_max_rate_test": [
            ("1/t_ref, the ceiling, as a number", "max_rate_hz = float(1 / t_ref)"),
            ("1/t_ref as a quantity", "max_rate_hz = 1 / t_ref"),
            ("t_ref in ms: 1/2", "max_rate_hz = 1 / (t_ref / ms)"),
            ("the formula at 10 nA, not 100 nA",
             "max_rate_hz = float(neurons.lif_rate_analytic(10 * nA, R, tau_m, E_L, V_th, V_reset, t_ref))"),
            ("the formula at 50 nA",
             "max_rate_hz = float(neurons.lif_rate_analytic(50 * nA, R, tau_m, E_L, V_th, V_reset, t_ref))"),
            ("the refractory period left out",
             "max_rate_hz = float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_th, V_reset, 0 * ms))"),
            ("V_th and V_reset swapped",
             "max_rate_hz = float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_reset, V_th, t_ref))"),
            ("in kHz",
             "max_rate_hz = float(neurons.lif_rate_analytic(100 * nA, R, tau_m, E_L, V_th, V_reset, t_ref) / kHz)"),
            ("the formula by hand with log10 instead of ln",
             "v_inf = E_L + R * 100 * nA\n"
             "max_rate_hz = float(1 / (t_ref + tau_m * np.log10((v_inf - V_reset) / (v_inf - V_th))))"),
        ],
    },    "03_hebbian_learning": {
        "ex1_bimodal_test": [
            ("a percentage", "fraction_at_bounds = 100 * float(np.mean((learned[2] < 0.1) | (learned[2] > 0.9)))"),
            ("a count, not a fraction", "fraction_at_bounds = int(np.sum((learned[2] < 0.1) | (learned[2] > 0.9)))"),
            ("the raw weights, not divided by g_max",
             "raw = learning_machine['stdp'].w[:].reshape(len(INPUT_RATES_HZ), -1)\n"
             "fraction_at_bounds = float(np.mean((raw[2] < 0.1) | (raw[2] > 0.9)))"),
            ("the bounds multiplied by g_max although learned is in units of g_max",
             "fraction_at_bounds = float(np.mean((learned[2] < 0.1 * g_max) | (learned[2] > 0.9 * g_max)))"),
            ("row 1, the neuron whose inputs fired at 20 Hz",
             "fraction_at_bounds = float(np.mean((learned[1] < 0.1) | (learned[1] > 0.9)))"),
            ("only the weights near 0", "fraction_at_bounds = float(np.mean(learned[2] < 0.1))"),
            ("only the weights near g_max", "fraction_at_bounds = float(np.mean(learned[2] > 0.9))"),
            ("all three neurons together", "fraction_at_bounds = float(np.mean((learned < 0.1) | (learned > 0.9)))"),
            ("the outer fifths of the paper check (0.2, 0.8)",
             "fraction_at_bounds = float(np.mean((learned[2] < 0.2) | (learned[2] > 0.8)))"),
        ],
        "ex2_sensitivity_test": [
            ("plastic and frozen swapped",
             "plastic_increase_hz = float(frozen_rates[-1] - frozen_rates[0])\n"
             "frozen_increase_hz = float(plastic_rates[-1] - plastic_rates[0])"),
            ("the subtraction forgotten: the STDP output rate at 40 Hz", "plastic_increase_hz = float(plastic_rates[-1])"),
            ("a ratio instead of a difference", "plastic_increase_hz = float(plastic_rates[-1] / plastic_rates[0])"),
            ("the frozen ratio, divided by a silent 10-Hz rate",
             "with np.errstate(divide='ignore'):\n    frozen_increase_hz = float(frozen_rates[-1] / frozen_rates[0])"),
            ("10 Hz minus 40 Hz",
             "plastic_increase_hz = float(plastic_rates[0] - plastic_rates[-1])\n"
             "frozen_increase_hz = float(frozen_rates[0] - frozen_rates[-1])"),
            ("20 Hz instead of 40 Hz",
             "plastic_increase_hz = float(plastic_rates[1] - plastic_rates[0])\n"
             "frozen_increase_hz = float(frozen_rates[1] - frozen_rates[0])"),
            ("the change of the input rate, 30 Hz", "plastic_increase_hz = 30.0"),
        ],
        "ex3_without_pattern_test": [
            ("the weights not divided by g_max",
             "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
             "                                              initial_weights=final[3] * g_max))\n"
             "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]))"),
            ("the change of the weight instead of the weight",
             "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
             "                                              initial_weights=final[3] * g_max))\n"
             "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max - final[3, :500].mean())"),
            ("the weight after practice, the run forgotten", "after_pattern_stops = float(final[3, :500].mean())"),
            ("the mean of all 1000 inputs",
             "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
             "                                              initial_weights=final[3] * g_max))\n"
             "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:]) / g_max)"),
            ("the independent inputs (500-999)",
             "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=4,\n"
             "                                              initial_weights=final[3] * g_max))\n"
             "after_pattern_stops = float(np.mean(short_machine['stdp'].w[500:]) / g_max)"),
            ("not run: the weights left by the slider's run (10 Hz, q = 0.1)",
             "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.1, seed=1))\n"
             "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max)"),
            ("seed 1 instead of 4",
             "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.0, seed=1,\n"
             "                                              initial_weights=final[3] * g_max))\n"
             "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max)"),
            ("the pattern kept on (q = 0.2)",
             "short_machine.run(competition.song_run_values(short_machine.objects, 10 * Hz, 0.2, seed=4,\n"
             "                                              initial_weights=final[3] * g_max))\n"
             "after_pattern_stops = float(np.mean(short_machine['stdp'].w[:500]) / g_max)"),
        ],
        "ex4_soft_bounds_test": [
            ("the rule left unchanged (song_rule)",
             "machine = song_network(SHORT_TIME, song_rule)\n"
             "machine.run(competition.song_run_values(machine.objects, 20 * Hz, 0.0, seed=5,\n"
             "                                        initial_weights=learned[neuron_20] * g_max))\n"
             "soft_mean = float(np.mean(machine['stdp'].w[:] / g_max))\n"
             "soft_spread = float(np.std(machine['stdp'].w[:] / g_max))"),
            ("the weights not divided by g_max",
             "soft_machine.run(competition.song_run_values(soft_machine.objects, 20 * Hz, 0.0, seed=5,\n"
             "                                             initial_weights=learned[neuron_20] * g_max))\n"
             "soft_mean = float(np.mean(soft_machine['stdp'].w[:]))\n"
             "soft_spread = float(np.std(soft_machine['stdp'].w[:]))"),
            ("the variance instead of the standard deviation",
             "soft_machine.run(competition.song_run_values(soft_machine.objects, 20 * Hz, 0.0, seed=5,\n"
             "                                             initial_weights=learned[neuron_20] * g_max))\n"
             "soft_spread = float(np.var(soft_machine['stdp'].w[:] / g_max))"),
            ("only potentiation scaled (values of one run of that rule: mean 0.239, std 0.307 g_max)",
             "soft_mean, soft_spread = 0.239, 0.307"),
            ("only depression scaled (values of one run of that rule: mean 0.963, std 0.025 g_max)",
             "soft_mean, soft_spread = 0.963, 0.025"),
            ("the two scalings swapped (values of one run of that rule: mean 0.256, std 0.427 g_max)",
             "soft_mean, soft_spread = 0.256, 0.427"),
            ("inputs at 10 Hz instead of 20 Hz",
             "soft_machine.run(competition.song_run_values(soft_machine.objects, 10 * Hz, 0.0, seed=5,\n"
             "                                             initial_weights=learned[neuron_20] * g_max))\n"
             "soft_mean = float(np.mean(soft_machine['stdp'].w[:] / g_max))\n"
             "soft_spread = float(np.std(soft_machine['stdp'].w[:] / g_max))"),
        ],
    },

    "04_homeostasis": {
        "ex1_istdp_target_test": [
            ("tau in ms", "alpha_8hz = 2 * 8.0 * 20"),
            ("the factor 2 forgotten", "alpha_8hz = 8.0 * 0.020"),
            ("the 5-Hz target of section 4", "alpha_8hz = 2 * 5.0 * 0.020"),
            ("divided by tau", "alpha_8hz = 2 * 8.0 / 0.020"),
            ("the rates averaged over the whole run, not from t = 10 s",
             "homeostasis.run_cells(lab, istdp_cells(8.0))\nt_w, r_w = cell_rates(1.0 * second)\nrates_8hz = r_w[:2].mean(axis=1)"),
            ("not run at 8 Hz: the rates of a run at the 5-Hz target",
             "homeostasis.run_cells(lab, istdp_cells(5.0))\nt_w, r_w = cell_rates(1.0 * second)\n"
             "rates_8hz = r_w[:2, t_w > 10].mean(axis=1)"),
            ("section 4's cells at the 10-Hz target", "rates_8hz = istdp_rates_by_s[2:, istdp_t_1s > 10].mean(axis=1)"),
            ("cells 2 and 3, which this run does not set", "homeostasis.run_cells(lab, istdp_cells(8.0))\nt_w, r_w = cell_rates(1.0 * second)\nrates_8hz = r_w[2:, t_w > 10].mean(axis=1)"),
            ("one mean over both cells", "homeostasis.run_cells(lab, istdp_cells(8.0))\nt_w, r_w = cell_rates(1.0 * second)\nrates_8hz = r_w[:2, t_w > 10].mean()"),
            ("the first 20 s instead of the last 20 s", "homeostasis.run_cells(lab, istdp_cells(8.0))\nt_w, r_w = cell_rates(1.0 * second)\nrates_8hz = r_w[:2, t_w < 20].mean(axis=1)"),
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
        ],
        "ex3_additive_test": [
            ("the blocked amplitudes themselves (a multiplicative change)", "additive_pA = blocked_pA\nadditive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)"),
            ("the blocked mean added, not the difference", "additive_pA = control_pA + blocked_pA.mean()\nadditive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)"),
            ("the fit's arguments swapped",
             "additive_pA = control_pA + (blocked_pA.mean() - control_pA.mean())\n"
             "additive_slope, additive_intercept, _, _ = analysis.ranked_fit(additive_pA, control_pA)"),
            ("section 5's multiplicative fit read instead", "additive_slope, additive_intercept = slope, intercept"),
            ("the controls scaled to the blocked mean (multiplied, not added)",
             "additive_pA = control_pA * blocked_pA.mean() / control_pA.mean()\nadditive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)"),
            ("shifted by the difference of the medians",
             "additive_pA = control_pA + (np.median(blocked_pA) - np.median(control_pA))\nadditive_slope, additive_intercept, _, _ = analysis.ranked_fit(control_pA, additive_pA)"),
            ("the intercept in nA", "additive_intercept = additive_intercept / 1000"),
            ("slope and intercept swapped", "additive_slope, additive_intercept = additive_intercept, additive_slope"),
        ],
    },
}
