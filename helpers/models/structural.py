"""Structural plasticity (notebook 05): synapses that form and disappear by the growth rule of
Butz & van Ooyen (2013), in one compiled network of spiking neurons.

Each excitatory neuron keeps a calcium trace ``Ca`` of its own spikes and grows or retracts two
kinds of **synaptic elements**: axonal ones ``z_A`` (boutons) and dendritic ones ``z_D``
(spines), each by the rule (a ``Rule`` the notebook writes and hands to
``build_structural_network``)::

    dz/dt = nu (2 exp(-((Ca - xi) / zeta)^2) - 1),  xi = (eta + eps) / 2,  zeta = (eps - eta) / (2 sqrt(ln 2))

so growth is zero at ``Ca = eta`` and at ``Ca = eps``, positive in between and negative outside.
Boutons and spines follow two curves with one set point but different least activities: spines
grow from a lower activity than boutons (``eta_D < eta_A < eps``), as in the growth rules Butz &
van Ooyen (2013) use for their lesion results, so a neuron whose activity drops between the two
grows spines while it retracts boutons.
A free bouton and a free spine anywhere in the network meet at random and make a synapse; when
a neuron has fewer elements than synapses, some of its synapses are removed at random (both as
in Butz & van Ooyen 2013). Brian2 cannot create or delete synapses during a run, so every
ordered pair of excitatory neurons has one *potential* synapse, and the structural step switches
it on (``on = 1``: the synapse exists) or off.

Symbols beyond ``neurons``: ``Ca`` the calcium trace (it jumps by ``1/tau_Ca`` at each spike, so
it reads the neuron's rate in Hz); ``tau_Ca`` its time constant; ``eps`` the set point (Butz &
van Ooyen's epsilon); ``eta_A``, ``eta_D`` the least activity at which boutons and spines grow
(their eta); ``nu`` the fastest growth (elements per second); ``width_A``, ``width_D`` the
curves' zeta (xi is written out: Brian2 reserves the name ``xi`` for noise); ``z_A``, ``z_D``
axonal and dendritic elements; ``bound_A``, ``bound_D`` those in synapses (outgoing and incoming
synapses); ``free_A``, ``free_D`` the whole elements not in a synapse; ``on`` a potential synapse
that exists; ``J_E`` the postsynaptic potential (PSP) of one excitatory synapse; ``gain`` a
neuron's excitability (a factor on all its inputs); ``drive`` the fraction of its external input
that is left.

Every parameter a notebook changes between runs is a per-neuron constant set by ``run_values``:
the program is compiled once (``helpers.compile_network``) and each run starts from a network
without synapses.
"""

import numpy as np
from brian2 import Hz, Network, NeuronGroup, StateMonitor, Synapses, linked_var, ms, mV, second

from ..simulation import named_clock, time_step
from ..validation import require_count, require_in_range, require_quantity
from . import neurons
from .rule import Rule

# ---------------------------------------------------------------------------
# The growth rule (Butz & van Ooyen 2013, PLoS Comput Biol 9:e1003259, doi:10.1371/journal.pcbi.1003259)
# ---------------------------------------------------------------------------

# The rule as Brian2 code. ``equations`` are added to each excitatory neuron: its calcium trace,
# the growth rate of each kind of element (subexpressions, evaluated only at structural steps)
# and the elements themselves; ``on_post`` runs at each spike the neuron fires (the neuron is the
# postsynaptic cell of its own spines). The builder advances z_A and z_D by growth_A * dt and
# growth_D * dt at every structural step (dt = STRUCTURE_STEP).
GROWTH_RULE = Rule(
    equations="""
dCa/dt = -Ca / tau_Ca : Hz                                                      # calcium trace of the neuron's own spikes
growth_A = nu * (2 * exp(-((Ca - (eta_A + eps) / 2) / width_A)**2) - 1) : 1/second   # dz_A/dt: boutons
growth_D = nu * (2 * exp(-((Ca - (eta_D + eps) / 2) / width_D)**2) - 1) : 1/second   # dz_D/dt: spines
width_A = (eps - eta_A) / (2 * sqrt(log(2))) : Hz                               # zeta: growth is 0 at eta and at eps
width_D = (eps - eta_D) / (2 * sqrt(log(2))) : Hz
z_A : 1                                                                         # axonal elements (boutons)
z_D : 1                                                                         # dendritic elements (spines)
""",
    on_post="Ca += 1 / tau_Ca",
)


def growth_rate(ca, eps, eta, nu):
    """dz/dt of the growth rule (the same formula as ``GROWTH_RULE``) for calcium ``ca``; Brian2
    quantities (Hz, Hz, Hz, 1/second) in, elements per second (1/second) out."""
    for name, value, unit in (("ca", ca, Hz), ("eps", eps, Hz), ("eta", eta, Hz), ("nu", nu, 1 / second)):
        require_quantity(name, value, unit, -np.inf)
    if not np.all(eps > eta):
        raise ValueError(f"the set point eps must lie above eta, got eps = {eps}, eta = {eta}")
    peak = (eta + eps) / 2
    width = (eps - eta) / (2 * np.sqrt(np.log(2)))
    return nu * (2 * np.exp(-(np.asarray((ca - peak) / width) ** 2)) - 1)


# Calcium: a trace that jumps by 1/tau_Ca per spike reads the rate in Hz (our choice of units).
# tau_Ca = 10 s as in the example in NEST's documentation
# of this rule (eps = 0.05 with tau_Ca = 10000 ms and beta_Ca = 0.001 per spike "means a desired
# firing rate of 5 Hz"). The structural step every 1 s is the update interval of NEST's
# structural-plasticity example (1000 ms).
TAU_CA = 10 * second
STRUCTURE_STEP = 1 * second

# Growth parameters of the mature neurons. Two curves, one set point: spines (dendritic elements)
# grow from a low activity eta_D, boutons (axonal elements) only from a higher eta_A, between eta_D
# and the set point. That ordering is Butz & van Ooyen's (2013, Fig. 5: "low eta_D and high
# eta_A"); the numbers are our choices (eta_A about half the set point). Real structural change takes
# days to weeks; here it takes tens of seconds (nu = 2 elements per second), so that a run fits in
# a second, and the calcium trace (10 s) is slow compared with the growth.
GROWTH_DEFAULTS = {"eps": 8 * Hz, "eta_A": 4.25 * Hz, "eta_D": 1 * Hz, "nu": 2 / second}

# The network (our choices, made so that the excitatory neurons fire at about 5 Hz from their
# external input alone and need recurrent synapses to reach the set point): 100 excitatory
# neurons whose synapses among each other are plastic, 10 slots for neurons born later, and 25
# inhibitory neurons with fixed random connections, which keep the network from bursting.
N_MATURE = 100
N_NEWBORN = 10
N_INHIBITORY = 25
N_DEPRIVED = 20  # a lesion deprives the first N_DEPRIVED mature neurons
NETWORK = {
    "mu_ext": 10 * mV,  # mean depolarization by the external input (excitatory neurons)
    "sigma_ext": 4 * mV,  # its fluctuations (standard deviation of v without spikes)
    "mu_inh": 8 * mV,  # mean external depolarization of the inhibitory neurons
    "J_E": 0.4 * mV,  # PSP of one excitatory synapse onto an excitatory neuron
    "J_EI": 0.4 * mV,  # PSP of an excitatory synapse onto an inhibitory neuron
    "J_IE": 1.0 * mV,  # hyperpolarization by one inhibitory synapse
    "p_EI": 0.4,  # connection probability excitatory -> inhibitory (fixed)
    "p_IE": 0.4,  # connection probability inhibitory -> excitatory (fixed)
}
STEP = 1 * ms  # time step (see the notebook's "Under the hood")
# Notebook 05's experiments: each run lasts RUN_DURATION from an empty network; at LESION_AT the
# deprived neurons lose LESION_SILENCED of their external input (section 3 and the paper checks).
RUN_DURATION = 300 * second
LESION_AT = 100 * second
LESION_SILENCED = 0.2
NEVER = 1e6 * second  # the birth or lesion time of something that does not happen

# The excitatory neuron: the membrane of Song, Miller & Abbott's neuron (neurons.SONG_2000_NEURON:
# tau_m, v_rest, v_threshold, v_reset) with current-based inputs: a noisy external drive (the
# summed input of many afferents we do not model) and PSPs from the recurrent synapses. Silencing
# a fraction f of independent afferents scales the drive's mean by 1 - f and its variance by 1 - f.
EXCITATORY_EQS = """
dv/dt = (v_rest - v + gain * drive * mu_ext) / tau_m + gain * sigma_ext * sqrt(drive * 2 / tau_m) * xi : volt
gain : 1                      # excitability: a factor on every input
drive : 1                     # fraction of the external input that is left
n_spikes : 1                  # spikes since the last sample (for rates)
bound_A : 1                   # axonal elements in synapses = outgoing synapses
bound_D : 1                   # dendritic elements in synapses = incoming synapses
free_A : 1                    # whole axonal elements not in a synapse
free_D : 1                    # whole dendritic elements not in a synapse
loss_A : 1                    # probability that an outgoing synapse is removed at this step
loss_D : 1                    # probability that an incoming synapse is removed at this step
pairing : 1                   # the larger of the network's free boutons and free spines
nu : 1/second                 # growth rate now (young or mature)
eta_A : Hz (constant)         # least activity for boutons to grow
eta_D : Hz                    # least activity for spines to grow (now: young or mature)
eps : Hz (constant)           # set point
nu_mature : 1/second (constant)
eta_D_mature : Hz (constant)
gain_young : 1 (constant)     # excitability while young
nu_young : 1/second (constant)
eta_D_young : Hz (constant)
silenced : 1 (constant)       # fraction of the external input silenced at t_lesion
t_lesion : second (constant)
t_birth : second (constant)   # the neuron exists (fires, grows) from t_birth on
t_mature : second (constant)  # its young properties last until t_mature
free_A_total : 1 (linked)
free_D_total : 1 (linked)
"""

# The structural step of each excitatory neuron, every STRUCTURE_STEP: its properties for now
# (born? young? lesioned?), then its elements grow by the rule, then how many whole elements are
# free and how likely each of its synapses is to be removed.
STRUCTURE_NEURON_STEP = """
born = int(t >= t_birth)
young = born * int(t < t_mature)
gain = 1 + young * (gain_young - 1)
nu = nu_mature + young * (nu_young - nu_mature)
eta_D = eta_D_mature + young * (eta_D_young - eta_D_mature)
drive = born * (1 - silenced * int(t >= t_lesion))
z_A = born * clip(z_A + growth_A * dt_structure, 0, n_max)
z_D = born * clip(z_D + growth_D * dt_structure, 0, n_max)
free_A = clip(floor(z_A) - bound_A, 0, n_max)
free_D = clip(floor(z_D) - bound_D, 0, n_max)
loss_A = clip((bound_A - floor(z_A)) / clip(bound_A, 1, n_max), 0, 1)
loss_D = clip((bound_D - floor(z_D)) / clip(bound_D, 1, n_max), 0, 1)
"""
# After the network's free elements are summed: each free spine of neuron j meets a free bouton
# of neuron i with probability free_A_i / (network's free boutons), and only as many pairs form
# as the scarcer kind allows, so pair (i, j) gains a synapse with probability
# free_A_i * free_D_j / max(free boutons, free spines).
STRUCTURE_PAIRING = "pairing = clip((free_A_total + free_D_total + abs(free_A_total - free_D_total)) / 2, 1, inf)"
# Each potential synapse, with one random number u drawn before (a separate step, so that this
# one may count synapses per neuron in any order): an absent one forms, an existing one goes.
STRUCTURE_SYNAPSE_STEP = """
change = int(on == 0) * int(u < free_A_pre * free_D_post / pairing_pre) - int(on == 1) * int(u < 1 - (1 - loss_A_pre) * (1 - loss_D_post))
on += change
bound_A_pre += change
bound_D_post += change
"""


def build_structural_network(
    duration,
    growth_rule=GROWTH_RULE,
    n_mature=N_MATURE,
    n_newborn=N_NEWBORN,
    n_inhibitory=N_INHIBITORY,
    record_every=2 * second,
    network=NETWORK,
):
    """The network of notebook 05 (for ``compile_network``): ``n_mature + n_newborn`` excitatory
    neurons whose synapses among each other form and disappear by ``growth_rule``, and
    ``n_inhibitory`` inhibitory neurons with fixed connections. Calls ``run``.

    Every excitatory pair (i, j), i != j, has one potential synapse (``on`` 0 or 1). Nothing is
    set up for an experiment: ``run_values`` gives each run its set point, lesion and newborns.
    Records every ``record_every``: each excitatory neuron's spike count, calcium, elements and
    synapses in and out.
    """
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    n_mature = require_count("n_mature", n_mature, 2, 1000)
    n_newborn = require_count("n_newborn", n_newborn, 0, 100)
    n_inhibitory = require_count("n_inhibitory", n_inhibitory, 0, 1000)
    n_excitatory = n_mature + n_newborn
    namespace = dict(
        neurons.SONG_2000_NEURON, tau_Ca=TAU_CA, dt_structure=STRUCTURE_STEP, n_max=float(n_excitatory - 1), **network
    )
    exc = NeuronGroup(
        n_excitatory,
        EXCITATORY_EQS + growth_rule.equations,
        threshold="v > v_threshold",
        reset="v = v_reset\nn_spikes += 1\n" + growth_rule.on_post,
        method="euler",
        namespace=namespace,
        name="excitatory",
    )
    exc.v = neurons.SONG_2000_NEURON["v_rest"]
    structure_clock = named_clock(STRUCTURE_STEP)
    exc.run_regularly(STRUCTURE_NEURON_STEP, clock=structure_clock, when="start", order=0, name="structure_neurons")
    # the network's free elements, summed once per structural step (a one-neuron group on the slow clock)
    pool = NeuronGroup(1, "free_A_total : 1\nfree_D_total : 1", clock=structure_clock, name="element_pool")
    to_pool = Synapses(
        exc,
        pool,
        "free_A_total_post = free_A_pre : 1 (summed)\nfree_D_total_post = free_D_pre : 1 (summed)",
        clock=structure_clock,
        name="element_count",
    )
    to_pool.connect()
    exc.free_A_total = linked_var(pool, "free_A_total", index=np.zeros(n_excitatory, dtype=int))
    exc.free_D_total = linked_var(pool, "free_D_total", index=np.zeros(n_excitatory, dtype=int))
    exc.run_regularly(STRUCTURE_PAIRING, clock=structure_clock, when="after_groups", name="structure_pairing")
    recurrent = Synapses(
        exc, exc, "on : 1\nu : 1", on_pre="v_post += gain_post * J_E * on", namespace=namespace, name="recurrent"
    )
    recurrent.connect(condition="i != j")
    recurrent.run_regularly("u = rand()", clock=structure_clock, when="end", order=0, name="structure_draw")
    recurrent.run_regularly(
        STRUCTURE_SYNAPSE_STEP, clock=structure_clock, when="end", order=1, name="structure_synapses"
    )
    objects = [exc, pool, to_pool, recurrent]
    if n_inhibitory:
        inh = NeuronGroup(
            n_inhibitory,
            "dv/dt = (v_rest - v + mu_inh) / tau_m + sigma_ext * sqrt(2 / tau_m) * xi : volt",
            threshold="v > v_threshold",
            reset="v = v_reset",
            method="euler",
            namespace=namespace,
            name="inhibitory",
        )
        inh.v = neurons.SONG_2000_NEURON["v_rest"]
        e_to_i = Synapses(exc, inh, on_pre="v_post += J_EI", namespace=namespace, name="exc_to_inh")
        e_to_i.connect(p=network["p_EI"])
        i_to_e = Synapses(inh, exc, on_pre="v_post -= J_IE", namespace=namespace, name="inh_to_exc")
        i_to_e.connect(p=network["p_IE"])
        objects += [inh, e_to_i, i_to_e]
        extra = {"inhibitory": inh, "exc_to_inh": e_to_i, "inh_to_exc": i_to_e}
    else:
        extra = {}
    record_clock = named_clock(record_every)
    monitor = StateMonitor(
        exc,
        ["n_spikes", "Ca", "z_A", "z_D", "bound_A", "bound_D"],
        record=True,
        clock=record_clock,
        name="structure_monitor",
    )
    exc.run_regularly("n_spikes = 0", clock=record_clock, when="start", order=1, name="spike_count_reset")
    objects.append(monitor)
    with time_step(STEP):
        Network(*objects).run(duration, namespace={})
    return {
        "excitatory": exc,
        "recurrent": recurrent,
        "monitor": monitor,
        "n_mature": n_mature,
        "n_newborn": n_newborn,
        "duration": duration,
        "record_every": record_every,
        **extra,
    }


# ---------------------------------------------------------------------------
# Experiments: what each run sets, and what it records
# ---------------------------------------------------------------------------

# A neuron born during a run: when, how long it stays young, and what is different while young
# (notebook 05, section 4, says which of these are assumptions).
NEWBORN_DEFAULTS = {
    "t_birth": 100 * second,  # when it starts to fire and grow
    "window": 100 * second,  # how long its young properties last
    "gain": 1.0,  # excitability while young (1: like a mature neuron)
    "nu": None,  # growth rate while young (None: the mature neurons')
    "eta_D": None,  # least activity for spines to grow while young (None: the mature neurons')
    "drive": 1.0,  # its external input, as a fraction of a mature neuron's (for ever)
}


def newborn(**settings):
    """One newborn neuron's settings: ``NEWBORN_DEFAULTS`` updated with ``settings``, each checked."""
    unknown = set(settings) - set(NEWBORN_DEFAULTS)
    if unknown:
        raise ValueError(f"unknown newborn setting(s) {sorted(unknown)}; valid: {sorted(NEWBORN_DEFAULTS)}")
    cell = dict(NEWBORN_DEFAULTS, **settings)
    require_quantity("t_birth", cell["t_birth"], second, 0)
    require_quantity("window", cell["window"], second, 0)
    require_in_range("gain", cell["gain"], 0.1, 10)
    require_in_range("drive", cell["drive"], 0, 1)
    if cell["nu"] is not None:
        require_quantity("nu", cell["nu"], 1 / second, 0, 100)
    if cell["eta_D"] is not None:
        require_quantity("eta_D", cell["eta_D"], Hz, 0, 100)
    return cell


def run_values(
    machine,
    set_point=GROWTH_DEFAULTS["eps"],
    eta_A=GROWTH_DEFAULTS["eta_A"],
    eta_D=GROWTH_DEFAULTS["eta_D"],
    nu=GROWTH_DEFAULTS["nu"],
    silenced=0.0,
    n_deprived=N_DEPRIVED,
    t_lesion=NEVER,
    newborns=(),
):
    """Values for ``machine.run``: one experiment, from a network without synapses at t = 0.

    Every mature neuron has set point ``set_point``, least activity for bouton and spine growth
    ``eta_A`` and ``eta_D`` and growth rate ``nu``. At ``t_lesion`` the first ``n_deprived``
    mature neurons lose the fraction ``silenced`` of their external input. ``newborns``: settings
    (``newborn(...)``) of up to ``machine["n_newborn"]`` neurons born during the run; unused
    slots are never born.
    """
    n_mature, n_newborn = machine["n_mature"], machine["n_newborn"]
    require_quantity("set_point", set_point, Hz, 0.5, 50)
    eps_hz = float(set_point / Hz)
    require_quantity("eta_A", eta_A, Hz, 0, eps_hz, high_inclusive=False)
    require_quantity("eta_D", eta_D, Hz, 0, eps_hz, high_inclusive=False)
    require_quantity("nu", nu, 1 / second, 0, 100)
    require_in_range("silenced", silenced, 0, 1)
    n_deprived = require_count("n_deprived", n_deprived, 0, n_mature)
    require_quantity("t_lesion", t_lesion, second, 0)
    newborns = [newborn(**dict(cell)) for cell in newborns]
    if len(newborns) > n_newborn:
        raise ValueError(f"this network has {n_newborn} newborn slot(s), got {len(newborns)} newborns")
    n = n_mature + n_newborn
    t_birth = np.zeros(n)
    t_mature = np.zeros(n)
    gain_young = np.ones(n)
    nu_young = np.full(n, float(nu * second))
    eta_D_young = np.full(n, float(eta_D / Hz))
    t_birth[n_mature:] = float(NEVER / second)
    for k, cell in enumerate(newborns):
        slot = n_mature + k
        t_birth[slot] = float(cell["t_birth"] / second)
        t_mature[slot] = t_birth[slot] + float(cell["window"] / second)
        gain_young[slot] = cell["gain"]
        if cell["nu"] is not None:
            nu_young[slot] = float(cell["nu"] * second)
        if cell["eta_D"] is not None:
            if not float(cell["eta_D"] / Hz) < eps_hz:
                raise ValueError(f"a newborn's eta_D must be below the set point {set_point}, got {cell['eta_D']}")
            eta_D_young[slot] = float(cell["eta_D"] / Hz)
    deprived = np.zeros(n)
    deprived[:n_deprived] = silenced
    lesion_at = np.full(n, float(t_lesion / second))
    for k, cell in enumerate(newborns):  # a newborn's weaker external input: "silenced" from the start
        deprived[n_mature + k] = 1 - cell["drive"]
        lesion_at[n_mature + k] = 0.0
    exc = machine["excitatory"]
    return {
        exc.eps: np.full(n, eps_hz) * Hz,
        exc.eta_A: np.full(n, float(eta_A / Hz)) * Hz,
        exc.eta_D_mature: np.full(n, float(eta_D / Hz)) * Hz,
        exc.nu_mature: np.full(n, float(nu * second)) / second,
        exc.gain_young: gain_young,
        exc.nu_young: nu_young / second,
        exc.eta_D_young: eta_D_young * Hz,
        exc.silenced: deprived,
        exc.t_lesion: lesion_at * second,
        exc.t_birth: t_birth * second,
        exc.t_mature: t_mature * second,
    }


def run_experiment(machine, **settings):
    """Run ``machine`` with ``run_values(machine, **settings)``; returns ``recorded(machine)``."""
    machine.run(run_values(machine, **settings))
    return recorded(machine)


def recorded(machine):
    """What the last run recorded, as plain arrays (one row per excitatory neuron).

    ``t_s``: sample times (s); ``rate_t_s``: centres of the rate bins (s) and ``rate_hz``: spikes
    per bin / bin width (Hz); ``calcium_hz``; ``incoming``, ``outgoing``: synapses in and out;
    ``z_D``, ``z_A``: elements; ``exists``: the number of synapses that exist at the end of the
    run and ``potential``: the potential synapses among the neurons born by then.
    """
    monitor = machine["monitor"]
    bin_s = float(machine["record_every"] / second)
    t_s = np.asarray(monitor.t / second)
    born = machine["excitatory"].t_birth[:] <= machine["duration"]
    n_born = int(np.sum(born))
    return {
        "t_s": t_s,
        "rate_t_s": t_s[1:] - bin_s / 2,
        "rate_hz": np.asarray(monitor.n_spikes)[:, 1:] / bin_s,
        "calcium_hz": np.asarray(monitor.Ca / Hz),
        "incoming": np.asarray(monitor.bound_D),
        "outgoing": np.asarray(monitor.bound_A),
        "z_D": np.asarray(monitor.z_D),
        "z_A": np.asarray(monitor.z_A),
        "exists": int(np.sum(machine["recurrent"].on[:])),
        "potential": n_born * (n_born - 1),
        "n_mature": machine["n_mature"],
    }


def window_mean(times_s, values, start_s, stop_s):
    """Mean of ``values`` (neurons x samples, or samples) over the samples with start <= t < stop (s)."""
    times_s = np.asarray(times_s)
    inside = (times_s >= start_s) & (times_s < stop_s)
    if not np.any(inside):
        raise ValueError(f"no sample between {start_s} s and {stop_s} s")
    return np.asarray(values)[..., inside].mean(axis=-1)


def synapse_table(machine):
    """The potential synapses of the last run: presynaptic index, postsynaptic index and whether
    each exists at the end (``on``), as three arrays."""
    recurrent = machine["recurrent"]
    return np.asarray(recurrent.i[:]), np.asarray(recurrent.j[:]), np.asarray(recurrent.on[:]) > 0.5


# ---------------------------------------------------------------------------
# The paper's quantities (notebook 05, "Reproduce the published behaviour")
# ---------------------------------------------------------------------------


def _smooth(values, samples=5):
    """Moving average over ``samples`` recorded samples (the ends use what they have)."""
    kernel = np.ones(samples) / samples
    padded = np.pad(np.asarray(values, dtype=float), samples // 2, mode="edge")
    return np.convolve(padded, kernel, mode="valid")


def _growth_settings(growth):
    """The growth settings of a run (``run_values`` names: set_point, eta_A, eta_D, nu), defaults filled in."""
    unknown = set(growth) - {"set_point", "eta_A", "eta_D", "nu"}
    if unknown:
        raise ValueError(f"unknown growth setting(s) {sorted(unknown)}; valid: eta_A, eta_D, nu, set_point")
    defaults = {"set_point": GROWTH_DEFAULTS["eps"], **{k: GROWTH_DEFAULTS[k] for k in ("eta_A", "eta_D", "nu")}}
    return {**defaults, **growth}


def measure_for_paper(control, lesion, t_lesion=LESION_AT, n_deprived=N_DEPRIVED, **growth):
    """What notebook 05 compares with Butz & van Ooyen (2013), from two runs of one program with
    the same ``growth`` settings (``run_values`` names; the defaults if none): a ``control`` run
    without a lesion (development from an empty network) and a ``lesion`` run with the same random
    numbers, in which the first ``n_deprived`` neurons lose input at ``t_lesion``.

    Windows scale with the run: L = t_lesion, T = the end of the run (s); the early phase is
    L + 0.1 (T - L) to L + 0.3 (T - L) (20-60 s after the lesion in the notebook). Returns plain
    numbers: rates and calcium in Hz, times in s, element counts, fractions.
    """
    with np.errstate(invalid="ignore", divide="ignore"):  # a network without synapses gives 0/0: NaN fails every bar
        return _measure(control, lesion, float(t_lesion / second), n_deprived, _growth_settings(growth))


def _measure(control, lesion, lesion_s, n_deprived, settings):
    """The body of ``measure_for_paper`` (``lesion_s`` in s, ``settings`` from ``_growth_settings``)."""
    n_mature = control["n_mature"]
    deprived, intact, mature = slice(0, n_deprived), slice(n_deprived, n_mature), slice(0, n_mature)
    t, rate_t = control["t_s"], control["rate_t_s"]
    end = float(t[-1]) + (t[1] - t[0])
    span = end - lesion_s
    # development (the control run): the incoming synapses of the mature neurons and their rate
    dev_in = control["incoming"][mature].mean(axis=0)
    dev_final_in = window_mean(t, dev_in, 2 * end / 3, end)
    eps = settings["set_point"]
    measured = {
        "set_point_hz": float(eps / Hz),
        "eta_A_hz": float(settings["eta_A"] / Hz),
        "eta_D_hz": float(settings["eta_D"] / Hz),
        "growth_at_set_point": max(  # in units of nu, for both curves
            abs(float(growth_rate(eps, eps, settings[eta], 1 / second) * second)) for eta in ("eta_A", "eta_D")
        ),
        "lesion_s": lesion_s,
        "dev_rate_hz": float(window_mean(rate_t, control["rate_hz"][mature].mean(axis=0), 2 * end / 3, end)),
        "dev_peak_excess": float(dev_in.max() / dev_final_in - 1),
        "dev_peak_s": float(t[dev_in.argmax()]),
        "dev_drift": float(abs(window_mean(t, dev_in, end / 3, 2 * end / 3) / dev_final_in - 1)),
    }
    # early phase after the lesion: the deprived neurons' calcium, boutons z_A and spines z_D
    early = (lesion_s + 0.1 * span, lesion_s + 0.3 * span)
    edge = 0.05 * span  # average 10 s at each end of the early window
    z_A, z_D = lesion["z_A"][deprived].mean(axis=0), lesion["z_D"][deprived].mean(axis=0)
    times = lesion["t_s"]
    measured.update(
        early_calcium_hz=float(window_mean(times, lesion["calcium_hz"][deprived].mean(axis=0), *early)),
        early_bouton_change=float(
            window_mean(times, z_A, early[1] - edge, early[1]) - window_mean(times, z_A, early[0], early[0] + edge)
        ),
        early_spine_change=float(
            window_mean(times, z_D, early[1] - edge, early[1]) - window_mean(times, z_D, early[0], early[0] + edge)
        ),
    )
    # the neighbours' boutons: intact neurons' z_A in the lesion run minus the control run
    intact_control = control["z_A"][intact].mean(axis=0)
    excess = _smooth(lesion["z_A"][intact].mean(axis=0) - intact_control)
    before = window_mean(t, intact_control, lesion_s - 0.1 * span, lesion_s)
    after = times >= lesion_s
    peak = int(np.argmax(np.where(after, excess, -np.inf)))
    measured.update(
        neighbour_bouton_peak=float(excess[peak] / before),
        neighbour_bouton_peak_s=float(times[peak] - lesion_s),
        neighbour_bouton_fall=float((excess[peak] - excess[peak:].min()) / max(excess[peak], 1e-9)),
        deprived_dip_rate_hz=float(
            window_mean(lesion["rate_t_s"], lesion["rate_hz"][deprived].mean(axis=0), lesion_s, lesion_s + 0.05 * span)
        ),
        deprived_final_rate_hz=float(
            window_mean(lesion["rate_t_s"], lesion["rate_hz"][deprived].mean(axis=0), end - 0.25 * span, end)
        ),
        intact_final_rate_hz=float(
            window_mean(lesion["rate_t_s"], lesion["rate_hz"][intact].mean(axis=0), end - 0.25 * span, end)
        ),
    )
    measured["deprived_recovered"] = (measured["deprived_final_rate_hz"] - measured["deprived_dip_rate_hz"]) / (
        measured["set_point_hz"] - measured["deprived_dip_rate_hz"]
    )
    return measured


def paper_runs(machine, silenced=LESION_SILENCED, t_lesion=LESION_AT, **growth):
    """The two runs ``measure_for_paper`` compares: control (no lesion) and lesion, with the same
    ``growth`` settings (``run_values`` names: set_point, eta_A, eta_D, nu)."""
    settings = _growth_settings(growth)
    control = run_experiment(machine, **settings)
    lesion = run_experiment(machine, silenced=silenced, t_lesion=t_lesion, **settings)
    return control, lesion


def measure_paper(machine, silenced=LESION_SILENCED, t_lesion=LESION_AT, **growth):
    """``measure_for_paper`` of ``paper_runs(machine, ...)``: the measurement in one call."""
    control, lesion = paper_runs(machine, silenced=silenced, t_lesion=t_lesion, **growth)
    return measure_for_paper(control, lesion, t_lesion, **growth)


def paper_checks(measured):
    """Notebook 05's comparisons with Butz & van Ooyen (2013) (``helpers.checks.PaperCheck``s)
    for a ``measured`` dict from ``measure_for_paper``."""
    from ..checks import PaperCheck

    m = measured
    eps = m["set_point_hz"]
    return [
        PaperCheck(
            "zero_growth_at_set_point",
            "both growth curves are zero at the set point (the rule's definition)",
            m["growth_at_set_point"],
            "= 0",
            m["growth_at_set_point"] < 1e-9,
            built_in=True,
        ),
        PaperCheck(
            "development_set_point",
            "a network that starts without synapses settles at the set point",
            f"{m['dev_rate_hz']:.2f} Hz",
            f"within 5 % of {eps:g} Hz",
            abs(m["dev_rate_hz"] / eps - 1) < 0.05,
        ),
        PaperCheck(
            "development_overproduction",
            "on the way it overproduces synapses, then prunes them and settles",
            f"peak {m['dev_peak_excess']:+.0%} at {m['dev_peak_s']:.0f} s, drift {m['dev_drift']:.0%}",
            f">= +15 % before {0.6 * m['lesion_s']:.0f} s, then < 10 % drift",
            m["dev_peak_excess"] >= 0.15 and m["dev_peak_s"] < 0.6 * m["lesion_s"] and m["dev_drift"] < 0.1,
        ),
        PaperCheck(
            "deprived_spines_up_boutons_down",
            "early after the lesion deprived neurons (calcium between eta_D and eta_A) grow spines and retract "
            "boutons (Fig. 5A)",
            f"Ca {m['early_calcium_hz']:.1f} Hz, spines {m['early_spine_change']:+.1f}, boutons "
            f"{m['early_bouton_change']:+.1f}",
            "spines up by > 5, boutons down by > 2",
            m["early_spine_change"] > 5 and m["early_bouton_change"] < -2,
        ),
        PaperCheck(
            "neighbour_bouton_overshoot",
            "the overshoot of boutons is in the non-deprived neighbours: their boutons rise above the control "
            "run's, then are pruned back (Fig. 7A)",
            f"peak {m['neighbour_bouton_peak']:+.0%} of control at +{m['neighbour_bouton_peak_s']:.0f} s, then "
            f"{m['neighbour_bouton_fall']:.0%} of it pruned",
            ">= +10 %, then >= 50 % of it pruned",
            m["neighbour_bouton_peak"] >= 0.10 and m["neighbour_bouton_fall"] >= 0.5,
        ),
        PaperCheck(
            "deprived_rate_recovers",
            "the deprived neurons' activity returns towards the set point (Fig. 5C)",
            f"{m['deprived_dip_rate_hz']:.1f} Hz after the lesion, {m['deprived_final_rate_hz']:.1f} Hz at the end: "
            f"{m['deprived_recovered']:.0%} of the drop recovered",
            f">= 50 % recovered, not above {1.15 * eps:g} Hz",
            m["deprived_recovered"] >= 0.5 and m["deprived_final_rate_hz"] <= 1.15 * eps,
        ),
    ]
