"""Lesions and rehabilitation on notebook 07's finger map (notebook 08).

Everything runs on the map of ``cortical_map``: 60 cortical cells, five fingers, Hebbian
weights with a decay, near excitation and broad inhibition, and a homeostatic threshold per
cell. This module adds the experiments of notebook 08 and their read-outs:

- **Amputation or nerve cut**: a finger's use drops to 0 (no touches reach the map). Its former
  cells, the **silent zone**, are read with test touches on the remaining fingers only
  (``finger_without``), and ``takeover_fraction`` says how many of them a neighbour now drives.
- **Stroke**: a part of the map dies (``stroke_cells``: the central part of one finger's
  territory). The **performance** ``P`` of the affected finger is its territory (cells it drives
  best) relative to its territory before the stroke, counted up to 1: cells beyond the finger's
  own territory before the stroke are taken from its neighbours and are not better function.
- **Use and rehabilitation** (``recovery_course``): an outer loop of learning
  blocks (one compiled run of the map each, from the previous block's state). In each block the
  affected finger's use is

      u = policy(P) + d   during therapy (blocks start ... start + duration - 1),
      u = policy(P)       otherwise,

  where ``policy`` is the **use policy**: how much the patient uses the affected finger given
  how well it works now. The policy is **built in**, not learned or fitted: the default,
  ``spontaneous_use``, is ``min(P, 1)`` (a finger that works half as well as before is used half
  as often as a healthy one; never more often). This is our simplification of the action choice
  of Han, Arbib & Schweighofer (2008, PLoS Comput Biol,
  doi:10.1371/journal.pcbi.1000133), in which a reinforcement
  learner picks the arm that has been performing better. ``d`` is the rehabilitation **dose**:
  extra touches of the affected finger per block, in units of a healthy finger's use.

What emerges from the map (not put in here): that neighbours take over a silent zone, that
they need the homeostatic threshold to do so, that a finger used less loses territory to its
neighbours, and hence (with the policy) a threshold dose below which use and performance fall
together (learned non-use).

Symbols (besides ``cortical_map``'s): ``P`` performance (territory / territory before the
stroke, at most 1); ``u`` use of the affected finger (relative to a healthy finger's, which
is 1); ``d`` dose (same unit as ``u``); blocks count the outer loop's learning blocks (each
``program["n_touches"]`` touches; our stand-in for a week of daily life, not calibrated).
"""

import numpy as np

from ..validation import require_count, require_in_range
from . import cortical_map as cmap

AFFECTED = 2  # the affected finger: D3, the middle one (fingers 0-4 are D1-D5)
BLOCK_TOUCHES = 800  # touches per learning block (our choice: a block's run takes ~0.03 s)
THERAPY_BLOCKS = 6  # how long a course of therapy lasts
FOLLOW_UP = 6  # blocks after the therapy ends at which the outcome is read
STROKE_FRACTION = 2 / 3  # share of the affected finger's territory that dies (its centre)


def spontaneous_use(performance):
    """The built-in use policy: use the affected finger in proportion to how well it works,
    never more than a healthy finger (``min(P, 1)``, and 0 for ``P <= 0``)."""
    return float(np.clip(performance, 0.0, 1.0))


def finger_without(state, missing, dead=None, criterion=cmap.RESPONSE_CRITERION):
    """The finger that drives each cell best among the fingers other than ``missing`` (an
    experimenter cannot touch an amputated finger); -1 for a cell none of them drives above
    ``criterion`` (or a dead cell)."""
    n_fingers = _n_fingers(state)
    missing = require_count("missing", missing, 0, n_fingers - 1)
    positions = cmap.test_positions(n_fingers)
    kept = np.floor(positions) != missing
    response = cmap.responses(state, positions[kept], dead=dead)
    best = np.floor(positions[kept][np.argmax(response, axis=1)]).astype(int)
    return np.where(response.max(axis=1) > criterion, best, -1)


def silent_zone(state, finger):
    """Indices of the cells that ``finger`` drives best in ``state`` (before it goes silent)."""
    return np.flatnonzero(cmap.finger_of_cell(state) == finger)


def takeover_fraction(before, after, finger):
    """Of the cells ``finger`` drove best in ``before`` (its silent zone once it is gone), the
    fraction that another finger drives in ``after`` (a number in [0, 1])."""
    zone = silent_zone(before, finger)
    if len(zone) == 0:
        raise ValueError(f"finger {finger} drives no cell in the state before: nothing to take over")
    return float(np.mean(finger_without(after, finger)[zone] >= 0))


def takeover_course(program, state, finger, n_blocks, seed=1, homeostasis=True, map_options=None):
    """Cut ``finger``'s input (its use 0, the others' 1) and run ``n_blocks`` runs of ``program``
    from ``state``. Returns ``(touches, shares, theta, final state)``: at every record of the
    program (every ``record_every`` touches) the share of the finger's silent zone that another
    finger drives (``takeover_fraction``) and the zone's mean threshold. ``map_options`` (a dict)
    go to every ``cortical_map.run_map`` (e.g. ``{"params": {"tau_w": 22 * ms}}``)."""
    n_blocks = require_count("n_blocks", n_blocks, 1, 1000)
    zone = silent_zone(state, finger)
    use = np.ones(_n_fingers(state))
    use[finger] = 0.0
    touches, shares, theta = [0], [takeover_fraction(state, state, finger)], [float(np.mean(state["theta"][zone]))]
    current = state
    for block in range(n_blocks):
        positions = cmap.touch_sequence(use, program["n_touches"], seed=1000 * seed + block)
        current = cmap.run_map(program, current, positions, homeostasis=homeostasis, **(map_options or {}))
        records = cmap.recorded_states(program)[1:] + [(program["n_touches"], current)]
        for n, recorded in records:
            touches.append(block * program["n_touches"] + n)
            shares.append(takeover_fraction(state, recorded, finger))
            theta.append(float(np.mean(recorded["theta"][zone])))
    return np.array(touches), np.array(shares), np.array(theta), current


def touches_to_take_over(touches, shares, share=0.5):
    """The first number of touches at which ``shares`` reach ``share`` (inf if they never do)."""
    reached = np.flatnonzero(np.asarray(shares) >= share)
    return float(touches[reached[0]]) if len(reached) else np.inf


def stroke_cells(state, finger=AFFECTED, fraction=STROKE_FRACTION):
    """The cells a stroke kills: the central ``fraction`` of the cells ``finger`` drives best
    (rounded to whole cells), so that the finger keeps a rim of living cells on each side."""
    fraction = require_in_range("fraction", fraction, 0, 1)
    zone = silent_zone(state, finger)
    n_dead = int(round(fraction * len(zone)))
    first = (len(zone) - n_dead) // 2
    return zone[first : first + n_dead]


def performance(state, dead, finger=AFFECTED, territory_before=None):
    """The affected finger's performance ``P``: its territory (living cells it drives best)
    relative to ``territory_before`` (its territory before the stroke), at most 1 (a territory
    larger than before is taken from the neighbours; it is not more than full function)."""
    if territory_before is None or territory_before <= 0:
        raise ValueError(
            f"territory_before must be the finger's territory before the stroke (> 0), got {territory_before}"
        )
    return float(min(cmap.territories(state, dead=dead)[finger] / territory_before, 1.0))


def therapy_doses(dose, start, duration=THERAPY_BLOCKS, follow_up=FOLLOW_UP):
    """The dose in each block after the stroke: 0 until block ``start``, ``dose`` for ``duration``
    blocks, then 0 for ``follow_up`` blocks (``start + duration + follow_up`` blocks in all)."""
    dose = require_in_range("dose", dose, 0, 20)
    start = require_count("start", start, 0, 1000)
    duration = require_count("duration", duration, 0, 1000)
    follow_up = require_count("follow_up", follow_up, 0, 1000)
    blocks = np.arange(start + duration + follow_up)
    return np.where((blocks >= start) & (blocks < start + duration), dose, 0.0)


def recovery_course(
    program,
    state,
    dead,
    dose=0.0,
    start=0,
    duration=THERAPY_BLOCKS,
    follow_up=FOLLOW_UP,
    policy=spontaneous_use,
    finger=AFFECTED,
    seed=1,
    reuse=None,
    map_options=None,
    therapy_finger=None,
):
    """After a stroke that killed ``dead``: ``start + duration + follow_up`` learning blocks of
    the map ``program`` (``cortical_map.build_map_network``; each block is one run of its
    ``n_touches`` touches), starting from ``state`` (the map just before the stroke).

    Before each block the affected finger's use is set from its current performance by
    ``policy`` (built in; default ``spontaneous_use``) plus the therapy dose of that block
    (``therapy_doses``). The other fingers' use stays 1. Returns a dict: ``performance`` (P
    before each block and after the last: one more value than blocks; the last is the outcome), ``use`` (u in each block),
    ``dose`` (d in each block), ``state`` (the map at the end) and ``states`` (the map before
    each block and at the end). Same seed, same course.

    ``reuse``: an earlier course of this function with the same program, starting state, dead
    cells, policy, finger and seed (for example the course without therapy). Its first blocks
    with the same dose as this course would be run exactly alike, so they are copied instead of
    run again (this only saves time: the result is the same as without ``reuse``).
    ``map_options`` go to every ``cortical_map.run_map``; ``therapy_finger`` (default: ``finger``)
    is the finger the therapy's extra touches go to.
    """
    doses = therapy_doses(dose, start, duration, follow_up)
    territory_before = cmap.territories(state)[finger]
    current = {"w": np.array(state["w"]), "theta": np.array(state["theta"])}
    performances, uses, states = [], [], []
    same = _blocks_to_reuse(reuse, program, current, dead, policy, finger, seed, doses, repr(map_options))
    if same:
        performances, uses = list(reuse["performance"][:same]), list(reuse["use"][:same])
        states, current = list(reuse["states"][:same]), reuse["states"][same]
    for block in range(same, len(doses)):
        states.append(current)
        performances.append(performance(current, dead, finger, territory_before))
        use = np.ones(_n_fingers(state))
        use[finger] = policy(performances[-1])
        use[finger if therapy_finger is None else therapy_finger] += doses[block]
        uses.append(use[finger])
        touches = cmap.touch_sequence(use, program["n_touches"], seed=1000 * seed + block)
        current = cmap.run_map(program, current, touches, dead=dead, **(map_options or {}))
    performances.append(performance(current, dead, finger, territory_before))
    states.append(current)
    return {
        "performance": np.array(performances),
        "use": np.array(uses),
        "dose": doses,
        "state": current,
        "states": states,
        "setup": (program, dead, policy, finger, seed, repr(map_options)),
    }


def _blocks_to_reuse(reuse, program, start_state, dead, policy, finger, seed, doses, options):
    # how many leading blocks of the course `reuse` this course would run exactly alike
    if reuse is None:
        return 0
    old_program, old_dead, old_policy, old_finger, old_seed, old_options = reuse["setup"]
    first = reuse["states"][0]
    if (
        old_program is not program
        or old_policy is not policy
        or (old_finger, old_seed, old_options) != (finger, seed, options)
        or not np.array_equal(cmap.alive_mask(program["n_cells"], old_dead), cmap.alive_mask(program["n_cells"], dead))
        or not (np.array_equal(first["w"], start_state["w"]) and np.array_equal(first["theta"], start_state["theta"]))
    ):
        raise ValueError(
            "reuse must be a course from the same program, starting state, dead cells, policy, finger, seed and map options"
        )
    n = min(len(doses), len(reuse["dose"]))
    differ = np.flatnonzero(np.asarray(doses[:n]) != np.asarray(reuse["dose"][:n]))
    return int(differ[0]) if len(differ) else n


def mean_final_performance(program, state, dead, doses, starts, seeds, **options):
    """The outcome (performance ``follow_up`` blocks after the therapy ends) averaged over ``seeds``, for every dose (rows) and start (columns):
    an array ``len(doses) x len(starts)``. ``options`` go to ``recovery_course``."""
    table = np.zeros((len(doses), len(starts)))
    for i, dose in enumerate(doses):
        for j, start in enumerate(starts):
            finals = [
                recovery_course(program, state, dead, dose, start, seed=seed, **options)["performance"][-1]
                for seed in seeds
            ]
            table[i, j] = np.mean(finals)
    return table


def _n_fingers(state):
    return np.shape(state["w"])[1] // cmap.RECEPTORS_PER_FINGER


# ---- the paper checks of notebook 08 (Merzenich et al. 1984; Nudo et al. 1996; Han et al. 2008) ----

DOSES = (0, 1, 2, 3, 4)  # whole doses tried in notebook 08
STARTS = (0, 8)  # therapy right after the stroke, and 8 blocks later
SEEDS = (1, 2, 3)  # streams of everyday touches averaged over


def outcome_table(program, state, dead, doses=DOSES, starts=STARTS, seeds=SEEDS, **options):
    """Every course of notebook 08's dose-and-start experiment: ``{(dose, start, seed): course}``
    (``recovery_course``; the blocks before therapy are copied from the course without therapy,
    which gives the same result faster). ``options`` go to ``recovery_course``."""
    untreated = {seed: recovery_course(program, state, dead, 0, max(starts), seed=seed, **options) for seed in seeds}
    return {
        (dose, start, seed): recovery_course(
            program, state, dead, dose, start, seed=seed, reuse=untreated[seed], **options
        )
        for dose in doses
        for start in starts
        for seed in seeds
    }


def paper_measures(touches, adapting, frozen, p_stroke, courses):
    """The numbers notebook 08's paper checks read: the takeover course of section 2 (``touches``
    and the shares with the threshold ``adapting`` and ``frozen``, from ``takeover_course``), the
    performance right after the stroke, and the courses of ``outcome_table``: mean outcome and
    mean use in the last block over the seeds, for every dose (rows) and start (columns)."""
    doses = sorted({d for d, _, _ in courses})
    starts = sorted({s for _, s, _ in courses})
    seeds = sorted({k for _, _, k in courses})

    def mean(key, d, s):
        return float(np.mean([courses[d, s, k][key][-1] for k in seeds]))

    return {
        "takeover": float(adapting[-1]),
        "half_time": touches_to_take_over(touches, adapting),
        "half_time_frozen": touches_to_take_over(touches, frozen),
        "p_stroke": float(p_stroke),
        "doses": doses,
        "starts": starts,
        "outcome": [[mean("performance", d, s) for s in starts] for d in doses],
        "use_after": [[mean("use", d, s) for s in starts] for d in doses],
    }


def measure_for_paper(program, adult, takeover_seed=2036, policy=spontaneous_use, **options):
    """Notebook 08's experiments on the map ``adult`` in one call (section 2's nerve cut with the
    threshold adapting and frozen, then section 4's courses), read by ``paper_measures``.
    ``options`` (``map_options``, ``therapy_finger``, ``doses``, ``starts``, ``seeds``) go to
    ``takeover_course`` and ``outcome_table``."""
    map_options = options.get("map_options")
    touches, adapting, _, _ = takeover_course(program, adult, AFFECTED, 5, seed=takeover_seed, map_options=map_options)
    _, frozen, _, _ = takeover_course(
        program, adult, AFFECTED, 5, seed=takeover_seed, homeostasis=False, map_options=map_options
    )
    dead = stroke_cells(adult)
    p_stroke = performance(adult, dead, territory_before=cmap.territories(adult)[AFFECTED])
    courses = outcome_table(program, adult, dead, policy=policy, **options)
    return paper_measures(touches, adapting, frozen, p_stroke, courses)


def smallest_working_dose(measured, start, criterion=0.5):
    """The smallest dose whose mean outcome from block ``start`` is at least ``criterion`` (None: none)."""
    j = measured["starts"].index(start)
    working = [d for d, row in zip(measured["doses"], measured["outcome"]) if row[j] >= criterion]
    return working[0] if working else None


def paper_checks(measured):
    """Notebook 08's comparisons with the published results, as ``PaperCheck`` objects (see
    ``helpers.checks``); ``measured`` is ``paper_measures(...)``."""
    from ..checks import PaperCheck

    m = measured
    outcome, use_after = np.array(m["outcome"]), np.array(m["use_after"])
    doses, starts = m["doses"], m["starts"]
    use_right_after = spontaneous_use(m["p_stroke"])
    failed = [(d, s) for i, d in enumerate(doses) for j, s in enumerate(starts) if d > 0 and outcome[i, j] <= 0.1]
    failed_unused = bool(failed) and all(
        use_after[doses.index(d), starts.index(s)] < use_right_after for d, s in failed
    )
    early, late = smallest_working_dose(m, starts[0]), smallest_working_dose(m, starts[-1])
    steps = np.diff(outcome, axis=0)
    return [
        PaperCheck(
            "takeover", "neighbours take most of the zone", round(m["takeover"], 2), ">= 0.5", m["takeover"] >= 0.5
        ),
        PaperCheck(
            "takeover_needs_threshold",
            "frozen: takeover 2x slower",
            f"{m['half_time']:.0f} vs {m['half_time_frozen']:.0f} touches",
            ">= 2x",
            m["half_time_frozen"] >= 2 * m["half_time"],
        ),
        PaperCheck(
            "further_loss",
            "no training: more loss",
            f"{m['p_stroke']:.2f} -> {outcome[0, 0]:.2f}",
            "<= half",
            outcome[0, 0] <= 0.5 * m["p_stroke"],
        ),
        PaperCheck(
            "retraining_keeps",
            "top dose at once keeps the rest",
            f"{m['p_stroke']:.2f} -> {outcome[-1, 0]:.2f}",
            ">= right after",
            outcome[-1, 0] >= m["p_stroke"],
        ),
        PaperCheck(
            "threshold_dose",
            "a threshold dose",
            f"{len(failed)} lost, best {outcome.max():.2f}",
            "one lost, one >= 0.9, no fall",
            failed_unused and outcome.max() >= 0.9 and steps.min() >= -0.15,
        ),
        PaperCheck(
            "late_needs_more",
            "a late start needs more",
            f"{early} vs {late}",
            "late >= early",
            early is not None and late is not None and late >= early,
        ),
    ]
