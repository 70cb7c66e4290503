"""Broken models for notebook 11 (see tests/broken_models/__init__.py for the format)."""

from brian2 import mV

import helpers
from broken_models import Broken
from helpers import data
from helpers.models import consolidation as stc
from helpers.models import rule


def CHECKS(measured):
    fm = data.load("frey_morris_1998_weak_before_strong")
    return stc.paper_checks(measured, fm["weaker_or_absent"])


# Capture without a tag: the late phase grows with the proteins wherever the early weight is above
# baseline, however little (the plasticity-factor account Frey & Morris 1998 set against tagging).
NO_TAG_RULE = rule.Rule(
    equations=stc.STC_EQUATIONS.replace("int(h_A - h0 > theta_tag)", "int(h_A > h0)").replace(
        "int(h_B - h0 > theta_tag)", "int(h_B > h0)"
    )
)
# The early phase never decays: h keeps whatever a train gave it.
NO_DECAY_RULE = rule.Rule(
    equations=stc.STC_EQUATIONS.replace(
        "dh_A/dt = 0.1 * (h0 - h_A) / tau_h", "dh_A/dt = 0 * (h0 - h_A) / tau_h"
    ).replace("dh_B/dt = 0.1 * (h0 - h_B) / tau_h", "dh_B/dt = 0 * (h0 - h_B) / tau_h")
)
assert NO_TAG_RULE.equations != stc.STC_EQUATIONS and NO_DECAY_RULE.equations != stc.STC_EQUATIONS


def _table():
    helpers.setup_notebook(seed=2026)
    calcium = helpers.compile_network(stc.build_calcium_exposure)
    calcium.run()
    return stc.exposure_table(calcium)


def _measure(rule=None, params=None):
    table = _table()
    if rule is None:
        machine = helpers.compile_network(stc.build_stc_network, n_rows=64)
    else:
        machine = helpers.compile_network(stc.build_stc_network, n_rows=8, rule=rule)
    return stc.measure_for_paper(machine, table, params=params)


def REFERENCE():
    return _measure()


BROKEN = [
    Broken(
        attacks=("weaker_at_2h_4h", "tag_gone_at_4h"),
        model="capture without a tag: any early change above baseline captures proteins",
        why="the plasticity-factor account: proteins alone decide, with no tag that decays",
        measure=lambda: _measure(rule=NO_TAG_RULE),
    ),
    Broken(
        attacks=("weak_alone_fades", "weaker_at_2h_4h", "tag_gone_at_4h"),
        model="protein synthesis without a threshold (theta_pro = 1e-6 mV)",
        why="a weak tetanus that makes proteins consolidates itself: no need for a strong one",
        measure=lambda: _measure(params={"theta_pro": 1e-6 * mV}),
    ),
    Broken(
        attacks=("weak_alone_fades", "weaker_at_2h_4h", "tag_gone_at_4h"),
        model="no decay of the early phase (its relaxation term removed)",
        why="early LTP that never fades keeps its tag for ever",
        measure=lambda: _measure(rule=NO_DECAY_RULE),
    ),
    Broken(
        attacks=("capture_5min_1h",),
        model="capture 100 times too slow (tau_z = 100 h)",
        why="a late phase that cannot grow within the hours proteins last",
        measure=lambda: _measure(params={"tau_z": 100 * stc.hour}),
    ),
]
