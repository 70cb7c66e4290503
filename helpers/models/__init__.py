"""The collection's models: one module per mechanism, on shared foundations.

    rule.py         Rule: a plasticity rule as Brian2 strings; parameter plumbing
    neurons.py      LIF (00), the Song et al. 2000 conductance neuron (03, 04)
    inputs.py       generators that run inside a simulation: pulser, pairing groups,
                    fast Poisson inputs with a shared "mother" train, step-rate Poisson
    analysis.py     rates, mean weights, Turrigiano's ranked fit
      |
    calcium.py      Graupner & Brunel 2012 calcium rule: rate protocols (01), pairings (02),
                    and the whole model's switching probabilities and two-state readout
    stdp.py         pair and triplet STDP and their pairing network (02; rule reused in 03, 04)
    bcm.py          BCM with a sliding threshold (01, 04)
    competition.py  competitive STDP on one neuron, Song et al. 2000 (03)
    homeostasis.py  scaling, iSTDP and runaway STDP in one compiled program (04)
    structural.py   synapses that form and disappear, Butz & van Ooyen 2013 growth rule (05)
    ocular_dominance.py  binocular BCM cells and an age-gated critical period (06)
    cortical_map.py a 1-D somatosensory map: Hebbian feedforward rule, lateral excitation and
                    inhibition, a homeostatic threshold; dead cells and silent fingers (07, 08)
    rehabilitation.py  nerve cut, stroke, a built-in use policy and a therapy dose on that map (08)
    pain.py         the calcium rule on a spinal pain synapse, and the touch gate (09)
    reward.py       reward-modulated STDP with an eligibility trace; TD learning with a drug (09)
    sleep.py        a mapping learned by day, slow-wave Up and Down states and replay at night (10)
    consolidation.py  synaptic tagging and capture on two clocks; practice schedules (11, 12)
    novelty.py      an error-driven learner and the 85 % rule; novelty's dopamine on the tagging model (12)

A model module offers its published parameter sets (each defined once, next to
its source), its rule(s) as ``Rule`` objects, and a builder that accepts the rule
a notebook writes. Units: every physical argument is a Brian2 quantity.
Compile a builder once per session with ``helpers.compile_network``.
"""

from . import (
    analysis,
    bcm,
    calcium,
    competition,
    consolidation,
    cortical_map,
    homeostasis,
    inputs,
    neurons,
    novelty,
    ocular_dominance,
    pain,
    rehabilitation,
    reward,
    rule,
    sleep,
    stdp,
    structural,
)
from .rule import Rule

__all__ = [
    "analysis",
    "bcm",
    "calcium",
    "competition",
    "consolidation",
    "cortical_map",
    "homeostasis",
    "inputs",
    "neurons",
    "novelty",
    "ocular_dominance",
    "pain",
    "rehabilitation",
    "reward",
    "rule",
    "sleep",
    "stdp",
    "structural",
    "Rule",
]
