"""Reward-modulated STDP and addiction as learning gone awry (notebook 09).

Symbols: ``s`` synaptic strength (0 to ``s_max``); ``c`` the synapse's eligibility trace
(decays with ``tau_c``); ``d`` extracellular dopamine above baseline (decays with
``tau_d``; each reward adds ``DA``); ``d_tonic`` the tonic dopamine level; ``A_plus``,
``A_minus`` the STDP amplitudes (traces ``apre``, ``apost`` decay with ``tau_plus``,
``tau_minus``); ``window`` the pre-before-post interval that counts as a pairing.
For the temporal-difference model: ``V`` the value of a state, ``delta`` the reward
prediction error, ``alpha`` the learning rate, ``gamma`` the discount factor, ``D`` the
drug's dopamine surge that cannot be predicted away.
"""

import numpy as np
from brian2 import Hz, Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, ms, second
from brian2.utils.logger import catch_logs

from ..simulation import named_clock, progress_reporter, time_step
from ..validation import require_count, require_in_range, require_quantity
from .rule import Rule, parameter_declarations, set_parameters

# Izhikevich 2007 (Cereb Cortex 17:2443, doi:10.1093/cercor/bhl152) and its published
# code (daspnet.m, ModelDB 84167): an STDP trace of 0.1 that decays by 0.95 per ms
# (tau about 20 ms), depression 1.5 times potentiation, eligibility multiplied by 0.99
# every 10 ms (tau_c about 1 s), dopamine by 0.995 per ms (tau_d 200 ms), +0.5 per
# reward, s += (0.002 + DA) * sd every 10 ms (so tau_s = 10 ms), s between 0 and 4.
IZHIKEVICH_2007 = {
    "tau_plus": 20 * ms,
    "tau_minus": 20 * ms,
    "A_plus": 0.1,
    "A_minus": 0.15,
    "tau_c": 1 * second,
    "tau_d": 200 * ms,
    "DA": 0.5,
    "d_tonic": 0.002,
    "tau_s": 10 * ms,
    "s_max": 4.0,
}

# The rule stepped in time (written out again in notebook 09).
REWARD_STDP_RULE = Rule(
    equations="""
dc/dt = -c / tau_c : 1 (clock-driven)
ds/dt = (d_tonic + d_post) * c / tau_s : 1 (clock-driven)
dapre/dt = -apre / tau_plus : 1 (event-driven)
dapost/dt = -apost / tau_minus : 1 (event-driven)
""",
    on_pre="apre += A_plus\nc -= apost",
    on_post="apost += A_minus\nc += apre",
)

NEVER = 1e6 * second  # "no reward pending"

# A Poisson train of rate ``rate``: the next spike comes an exponentially distributed
# interval after this one (1 - rand() lies in (0, 1], so the logarithm is finite).
POISSON_TRAIN = """
rate : Hz (constant)
next_spike : second
"""
NEXT_SPIKE = "next_spike = t - log(1 - rand()) / rate"


def build_reward_network(
    n_blocks,
    per_block,
    duration,
    rule=REWARD_STDP_RULE,
    params=IZHIKEVICH_2007,
    window=20 * ms,
    report_every=900 * second,
):
    """Reward-modulated STDP on ``n_blocks`` x ``per_block`` synapses (for ``compile_network``).

    Each synapse joins its own presynaptic and postsynaptic neuron, which fire as
    independent Poisson trains (``pre.rate``, ``post.rate``, run values). Block k has its
    own dopamine neuron; the first synapse of each block is the *rewarded* one: when its
    postsynaptic neuron fires within ``window`` after its presynaptic one, the block's
    dopamine neuron schedules a reward after ``delay_min + rand() * delay_spread`` (run
    values per block; one reward pending at a time). Runs ``duration`` on a 1 ms step,
    records every synapse's ``s`` every second (``strength``) and the rewards (``rewards``);
    reports its progress every ``report_every`` of model time (``run(..., progress=True)``).
    """
    require_count("n_blocks", n_blocks, 1, 50)
    require_count("per_block", per_block, 2, 1000)
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    n = n_blocks * per_block
    block_of = np.repeat(np.arange(n_blocks), per_block)
    dopamine = NeuronGroup(
        n_blocks,
        """
next_reward : second
delay_min : second (constant)
delay_spread : second (constant)
n_rewards : integer
""",
        threshold="t >= next_reward",
        reset="next_reward = never\nn_rewards += 1",
        namespace={"never": NEVER},
        name="dopamine",
    )
    dopamine.next_reward = NEVER
    dopamine.delay_min = 1 * second
    dopamine.delay_spread = 2 * second
    # Poisson trains drawn one interval at a time: each neuron fires when t reaches its
    # next_spike, then draws the next interval from an exponential distribution (mean
    # 1/rate). Statistically the same as firing with probability rate * dt at every step,
    # but a step costs one comparison instead of one random number per neuron.
    pre = NeuronGroup(n, POISSON_TRAIN, threshold="t >= next_spike", reset=NEXT_SPIKE, name="reward_pre")
    post = NeuronGroup(
        n,
        POISSON_TRAIN + "dd/dt = -d / tau_d : 1\nt_pre_spike : second",
        threshold="t >= next_spike",
        reset=NEXT_SPIKE,
        namespace={"tau_d": params["tau_d"]},
        name="reward_post",
    )
    for group in (pre, post):  # the first spike of each train, drawn at t = 0 with the run's rate
        group.run_regularly(
            "next_spike = -log(1 - rand()) / rate",
            clock=named_clock(duration),
            when="start",
            name=f"{group.name}_first",
        )
    post.t_pre_spike = -NEVER
    pre.rate = post.rate = 2 * Hz
    tunable = {k: v for k, v in params.items() if k not in ("tau_d", "DA")}
    synapses = Synapses(
        pre,
        post,
        rule.equations + parameter_declarations(tunable),
        on_pre=rule.on_pre + "\nt_pre_spike_post = t",
        on_post=rule.on_post,
        method="euler",
        name="reward_stdp",
    )
    synapses.connect(i=np.arange(n), j=np.arange(n))
    set_parameters(synapses, tunable)
    synapses.s = 1.0
    synapses.run_regularly("s = clip(s, 0, s_max)", clock=named_clock(10 * ms), name="reward_bounds")
    detector = Synapses(
        post,
        dopamine,
        "",
        on_pre="""
pending = int(next_reward_post < never)
paired = int(t - t_pre_spike_pre < window) * (1 - pending)
next_reward_post = paired * (t + delay_min_post + rand() * delay_spread_post) + (1 - paired) * next_reward_post
""",
        namespace={"window": window, "never": NEVER},
        name="reward_detector",
    )
    detector.connect(i=np.arange(n_blocks) * per_block, j=np.arange(n_blocks))
    # a reward raises dopamine at every synapse of its block (d lives on the postsynaptic side)
    release = Synapses(dopamine, post, on_pre="d_post += DA", namespace={"DA": params["DA"]}, name="reward_release")
    release.connect(i=block_of, j=np.arange(n))
    strength = StateMonitor(synapses, "s", record=np.arange(n), clock=named_clock(1 * second), name="strength")
    rewards = SpikeMonitor(dopamine, name="rewards")
    network = Network(dopamine, pre, post, synapses, detector, release, strength, rewards)
    network.add(progress_reporter(duration, report_every))
    # Brian2 warns that the detector reads and writes next_reward_post in one statement block,
    # which could depend on the order of synapses; each dopamine neuron has exactly one detector
    # synapse, so the order cannot matter and the warning is caught here.
    with time_step(1 * ms), catch_logs():
        network.run(duration, namespace={})
    return {
        "dopamine": dopamine,
        "pre": pre,
        "post": post,
        "synapses": synapses,
        "strength": strength,
        "rewards": rewards,
        "n_blocks": n_blocks,
        "per_block": per_block,
        "params": tunable,
    }


def reward_run_values(
    machine, rate=2 * Hz, delay_min=1 * second, delay_spread=2 * second, s_start=1.0, s_rewarded=0.0, rule_values=None
):
    """``run_args`` for ``build_reward_network``.

    ``delay_min`` and ``delay_spread`` are one quantity or one per block; every synapse
    starts at ``s_start``, the rewarded one of each block at ``s_rewarded`` (Izhikevich:
    1 and 0). ``rule_values`` changes rule parameters (``{"s_max": 100.0}``).
    """
    require_quantity("rate", rate, Hz, 0.1, 50)
    n_blocks, per_block = machine["n_blocks"], machine["per_block"]
    n = n_blocks * per_block
    delays = np.broadcast_to(np.asarray(require_quantity("delay_min", delay_min, second, 0, 20) / second), (n_blocks,))
    spreads = np.broadcast_to(
        np.asarray(require_quantity("delay_spread", delay_spread, second, 0, 20) / second), (n_blocks,)
    )
    s_max = (rule_values or {}).get("s_max", IZHIKEVICH_2007["s_max"])
    for name, value in (("s_start", s_start), ("s_rewarded", s_rewarded)):
        require_in_range(name, value, 0, s_max)
    start = np.full(n, float(s_start))
    start[::per_block] = s_rewarded
    values = {
        machine["pre"].rate: np.full(n, float(rate / Hz)) * Hz,
        machine["post"].rate: np.full(n, float(rate / Hz)) * Hz,
        machine["dopamine"].delay_min: np.array(delays, dtype=float) * second,
        machine["dopamine"].delay_spread: np.array(spreads, dtype=float) * second,
        machine["synapses"].s: start,
    }
    for name, value in (rule_values or {}).items():
        if name not in machine["params"]:
            raise ValueError(f"rule parameter must be one of {sorted(machine['params'])}, got {name!r}")
        values[getattr(machine["synapses"], name)] = value
    return values


def block_strengths(machine):
    """``(t_s, rewarded, others)``: time (s), each block's rewarded synapse over time
    (blocks x times), and every other synapse (blocks x per_block-1 x times)."""
    s = np.asarray(machine["strength"].s)
    per_block = machine["per_block"]
    s = s.reshape(machine["n_blocks"], per_block, -1)
    return np.asarray(machine["strength"].t / second), s[:, 0], s[:, 1:]


def rewards_per_block(machine):
    """Number of rewards each block received in the last run."""
    return np.bincount(np.asarray(machine["rewards"].i), minlength=machine["n_blocks"])


def expected_gain_ratio(delay_1, delay_2, tau_c=IZHIKEVICH_2007["tau_c"]):
    """Gain per reward at ``delay_2`` over that at ``delay_1`` if the eligibility trace
    decays exponentially: exp(-(delay_2 - delay_1) / tau_c)."""
    return float(np.exp(-float((delay_2 - delay_1) / tau_c)))


# ---------------------------------------------------------------------------
# Temporal-difference learning with a drug (Redish 2004, Science 306:1944)
# ---------------------------------------------------------------------------


def td_error(reward, value, next_value, gamma):
    """The reward prediction error of temporal-difference learning, r + gamma V' - V."""
    return reward + gamma * next_value - value


def drug_td_error(reward, value, next_value, gamma, D):
    """Redish 2004: a drug adds a dopamine surge D that learning cannot cancel:
    max(delta + D, D), never below D."""
    return max(td_error(reward, value, next_value, gamma) + D, D)


def run_chain(n_trials, n_states=4, reward=1.0, D=0.0, alpha=0.1, gamma=0.9, error=None):
    """Temporal-difference learning along a chain of ``n_states`` states (a cue, then
    waiting states) that ends in a reward of size ``reward`` (a drug if ``D`` > 0).

    ``error(reward, value, next_value, gamma, D)`` is the learning signal (default: the
    plain TD error if D = 0, Redish's drug error otherwise). Returns the values
    (trials+1 x states): the value of each state after every trial.
    """
    require_count("n_trials", n_trials, 1, 100000)
    require_count("n_states", n_states, 1, 100)
    require_in_range("alpha", alpha, 0, 1, low_inclusive=False)
    require_in_range("gamma", gamma, 0, 1)
    require_in_range("D", D, 0, 100)
    if error is None:
        error = drug_td_error if D > 0 else (lambda r, v, v1, g, _d: td_error(r, v, v1, g))
    values = np.zeros(n_states + 1)  # the last entry is the end of the trial (value 0)
    history = [values[:-1].copy()]
    for _ in range(n_trials):
        for k in range(n_states):
            r = reward if k == n_states - 1 else 0.0
            d = D if k == n_states - 1 else 0.0
            delta = error(r, values[k], values[k + 1], gamma, d)
            values[k] += alpha * delta
        history.append(values[:-1].copy())
    return np.array(history)


def blocking(n_pretrain, n_compound, reward=1.0, D=0.0, alpha=0.1, pretrain=True):
    """Kamin's blocking design with a Rescorla-Wagner-like single-step version of the
    TD rule: cue A alone is paired with the outcome for ``n_pretrain`` trials (if
    ``pretrain``), then A and B together for ``n_compound`` trials. The prediction is
    V_A + V_B; both cues learn from the same error (Redish's drug error if D > 0).
    Returns ``(V_A, V_B)`` at the end."""
    require_count("n_compound", n_compound, 1, 100000)
    v_a = v_b = 0.0
    for _ in range(n_pretrain if pretrain else 0):
        delta = reward - v_a
        delta = max(delta + D, D) if D > 0 else delta
        v_a += alpha * delta
    for _ in range(n_compound):
        delta = reward - (v_a + v_b)
        delta = max(delta + D, D) if D > 0 else delta
        v_a += alpha * delta
        v_b += alpha * delta
    return v_a, v_b


# ---------------------------------------------------------------------------
# Reproduce the papers (notebook 09, section 8)
# ---------------------------------------------------------------------------


def hour_summary(machine, s_max=IZHIKEVICH_2007["s_max"]):
    """After an hour's run: how many blocks' rewarded synapse reached 95 % of ``s_max``, the
    number of blocks, and the other synapses' mean final strength."""
    _, rewarded, others = block_strengths(machine)
    reached = int(np.sum(np.any(rewarded >= 0.95 * s_max, axis=1)))
    return {"rewarded_reached": reached, "n_blocks": len(rewarded), "others_end_mean": float(others[:, :, -1].mean())}


def delay_gains(machine, s_start, blocks_per_delay):
    """After a fixed-delay sweep started at ``s_start``: the drift-corrected gain per reward
    (change of the rewarded synapse minus the mean change of its block's others, divided by
    the block's rewards), averaged over the ``blocks_per_delay`` consecutive blocks of each delay."""
    _, rewarded, others = block_strengths(machine)
    drift_corrected = (rewarded[:, -1] - s_start) - (others[:, :, -1] - s_start).mean(axis=1)
    gains = drift_corrected / np.maximum(rewards_per_block(machine), 1)
    return gains.reshape(-1, blocks_per_delay).mean(axis=1)


def fitted_tau_c(delays_s, gains, n_fit=4):
    """The eligibility time constant (s) of an exponential fitted to the first ``n_fit``
    positive gains against their delays (s); NaN if fewer than two are positive."""
    delays_s, gains = np.asarray(delays_s, dtype=float), np.asarray(gains, dtype=float)
    usable = gains > 0
    if usable.sum() < 2:
        return float("nan")
    slope = np.polyfit(delays_s[usable][:n_fit], np.log(gains[usable][:n_fit]), 1)[0]
    return float(-1 / slope) if slope < 0 else float("inf")


SWEEP_DELAYS_S = np.array([0.25, 0.5, 1.0, 2.0, 3.0, 5.0])  # notebook 09, section 5
SWEEP_START = 20.0


def measure_delay_sweep(machine, rule_values=None, rate=2 * Hz, delays_s=SWEEP_DELAYS_S, s_start=SWEEP_START):
    """Section 5's sweep: fixed reward delays (two blocks each), strengths from ``s_start`` with
    the ceiling lifted to 100. Returns the gains per delay and the fitted tau_c (s)."""
    per_delay = machine["n_blocks"] // len(delays_s)
    machine.run(
        reward_run_values(
            machine,
            rate=rate,
            delay_min=np.repeat(delays_s, per_delay) * second,
            delay_spread=0 * second,
            s_start=s_start,
            s_rewarded=s_start,
            rule_values={"s_max": 100.0, **(rule_values or {})},
        )
    )
    gains = delay_gains(machine, s_start, per_delay)
    return {"sweep_gains": gains, "tau_c_fit": fitted_tau_c(delays_s, gains)}


def td_summary(alpha=0.1, gamma=0.9, D=0.5):
    """Redish's model: the cue's settled value with a natural reward, the drug cue's value
    after 500 and 1000 trials, and cue B's value in the blocking design (natural, drug)."""
    natural = run_chain(1000, reward=1.0, D=0.0, alpha=alpha, gamma=gamma)
    drug = run_chain(1000, reward=1.0, D=D, alpha=alpha, gamma=gamma)
    return {
        "gamma": gamma,
        "natural_cue": float(natural[-1, 0]),
        "drug_500": float(drug[500, 0]),
        "drug_1000": float(drug[1000, 0]),
        "blocking_natural_b": float(blocking(50, 50, reward=1.0, D=0.0, alpha=alpha)[1]),
        "blocking_drug_b": float(blocking(50, 50, reward=1.0, D=D, alpha=alpha)[1]),
    }


def paper_checks(measured):
    """Notebook 09's reward and addiction checks (``helpers.checks.PaperCheck``) from
    ``measured`` (the keys of ``hour_summary``, ``measure_delay_sweep`` and ``td_summary``)."""
    from .. import data
    from ..checks import PaperCheck

    izhikevich = data.load("izhikevich_2007_distal_reward")
    blocking_observed = bool(data.load("panlilio_2007_blocking")["blocking_observed"][0])
    tau_c = float(IZHIKEVICH_2007["tau_c"] / second)
    reached, n_blocks = measured["rewarded_reached"], measured["n_blocks"]
    tau_fit = measured["tau_c_fit"]
    gamma = measured["gamma"]
    return [
        PaperCheck(
            "rewarded_reaches_max",
            "the rewarded synapse reaches s_max within the hour (Izhikevich 2007)",
            f"{reached} of {n_blocks} blocks",
            f">= {n_blocks - 2} of {n_blocks}",
            reached >= n_blocks - 2,
        ),
        PaperCheck(
            "others_fall",
            "the other synapses end below their start",
            measured["others_end_mean"],
            f"< {float(izhikevich['s_others_start'][0]):g}",
            measured["others_end_mean"] < float(izhikevich["s_others_start"][0]),
        ),
        PaperCheck(
            "gain_follows_tau_c",
            "gain per reward falls as exp(-T / tau_c), tau_c = 1 s (Izhikevich 2007)",
            f"tau_c fit {tau_fit:.2f} s",
            "within 25 % of 1 s",
            bool(np.isfinite(tau_fit)) and abs(tau_fit / tau_c - 1) < 0.25,
        ),
        PaperCheck(
            "natural_value_settles",
            "natural cue value settles at gamma^3 (Redish 2004)",
            measured["natural_cue"],
            f"{gamma**3:.3f} within 1 %",
            abs(measured["natural_cue"] / gamma**3 - 1) < 0.01,
            built_in=True,
        ),
        PaperCheck(
            "drug_value_grows",
            "drug cue value grows without bound (Redish 2004)",
            f"{measured['drug_500']:.1f} -> {measured['drug_1000']:.1f}",
            "x1.8 from trial 500 to 1000",
            measured["drug_1000"] > 1.8 * measured["drug_500"],
            built_in=True,
        ),
        PaperCheck(
            "blocking_prediction_fails",
            "model: no blocking with a drug; rats: blocking (Panlilio et al. 2007)",
            f"B learns {measured['blocking_drug_b']:.2f} (natural {measured['blocking_natural_b']:.3f})",
            "model B > 0.5 with the drug, < 0.05 natural; data show blocking",
            measured["blocking_drug_b"] > 0.5 and measured["blocking_natural_b"] < 0.05 and blocking_observed,
            built_in=True,
        ),
    ]
