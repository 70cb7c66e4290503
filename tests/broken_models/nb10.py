"""Broken models for notebook 10 (see tests/broken_models/__init__.py for the format)."""

import helpers
from broken_models import Broken
from helpers.models import rule, sleep

CHECKS = sleep.paper_checks

# The Up-state rule without protection: a presynaptic spike in an Up state takes A_up * w and a
# postsynaptic spike gives nothing back (Hill et al. 2008's uniform downscaling, as a rule).
UNPROTECTED_RULE = rule.Rule(
    equations=sleep.SLEEP_RULE.equations.replace("dheld/dt = -held / tau_plus : 1 (event-driven)\n", ""),
    on_pre="""
apre += 1
w = clip(w - stdp_pre * A_minus * apost - up_pre * A_up * w, 0, w_max)
""",
    on_post="""
apost += 1
w = clip(w + stdp_pre * A_plus * apre, 0, w_max)
""",
)


def _machine(rule=sleep.SLEEP_RULE):
    helpers.setup_notebook(seed=2026)
    if rule is sleep.SLEEP_RULE:
        return helpers.compile_network(sleep.build_sleep_network)
    return helpers.compile_network(sleep.build_sleep_network, rule=rule)


def REFERENCE():
    return sleep.measure_for_paper(_machine())


BROKEN = [
    Broken(
        attacks=("largest_lose_less", "snr_rises"),
        model="no protection: every presynaptic spike in an Up state costs A_up * w, nothing is given back",
        why="uniform downscaling (Hill et al. 2008) is the textbook reading of the synaptic homeostasis hypothesis",
        measure=lambda: sleep.measure_for_paper(_machine(UNPROTECTED_RULE)),
    ),
    Broken(
        attacks=("wake_net_gain", "largest_lose_less", "snr_rises", "reactivation"),
        model="no learning by day (A_plus = A_minus = 0)",
        why="a rate of 0 is the simplest slip; the night alone then acts on random weights",
        measure=lambda: sleep.measure_for_paper(_machine(), rule_values={"A_plus": 0.0, "A_minus": 0.0}),
    ),
    Broken(
        attacks=("wake_net_gain",),
        model="a depression-dominated pair rule by day (A_minus = 1.3 A_plus)",
        why="Song et al.'s rule makes depression win on purpose; with a teacher it still learns the mapping",
        measure=lambda: sleep.measure_for_paper(_machine(), rule_values={"A_minus": 0.013}),
    ),
]
