"""A plasticity rule as Brian2 code, and the plumbing builders share to use one.

A notebook writes the rule it teaches as a ``Rule`` (Brian2 strings the learner
can read and edit) and hands it to a model's builder, which adds the rest of the
network around it. The builder declares each parameter of the rule (``tau_plus``,
``A_plus``...) as a constant of the synapses, so a compiled network can be re-run
with new parameter values without compiling again.
"""

from dataclasses import asdict, dataclass

from brian2 import Quantity, get_unit

from ..validation import require_quantity


@dataclass(frozen=True)
class Rule:
    """Brian2 code of one plasticity rule.

    ``equations``: the synapse's variables and traces (Brian2 equations);
    ``on_pre`` / ``on_post``: statements run at each presynaptic / postsynaptic
    spike. The synaptic transmission itself (``g_ex_post += w``) is the
    builder's, not the rule's.
    """

    equations: str
    on_pre: str = ""
    on_post: str = ""

    def as_dict(self):
        return asdict(self)

    def __str__(self):
        return (
            f"equations:\n{self.equations.strip()}\n\non a presynaptic spike:\n{self.on_pre.strip()}"
            f"\n\non a postsynaptic spike:\n{self.on_post.strip()}"
        )


def unit_name(value):
    """Brian2's name for the unit of ``value`` ("second", "Hz", "1" for plain numbers)."""
    if isinstance(value, Quantity) and not value.is_dimensionless:
        return repr(get_unit(value.dim))
    return "1"


def parameter_declarations(params, shared=True):
    """Brian2 equation lines that make each entry of ``params`` a constant of the group.

    ``shared=True``: one value for the whole group; ``False``: one value per
    synapse or neuron (so cells in one compiled program can differ).
    """
    flags = "shared, constant" if shared else "constant"
    return "".join(f"{name} : {unit_name(value)} ({flags})\n" for name, value in params.items())


def set_parameters(group, params):
    """Set every entry of ``params`` on ``group`` (declared with ``parameter_declarations``)."""
    for name, value in params.items():
        setattr(group, name, value)


def parameter_values(group, values, known):
    """``run_args`` that change parameters of a compiled group: ``{"tau_y": 40 * ms}``.

    ``known`` is the parameter set the group was built with: each name must be
    in it and each value must have the same unit (amplitudes: >= 0).
    """
    run_args = {}
    for name, value in values.items():
        if name not in known:
            raise ValueError(f"rule parameter must be one of {sorted(known)}, got {name!r}")
        reference = known[name]
        if isinstance(reference, Quantity) and not reference.is_dimensionless:
            require_quantity(name, value, get_unit(reference.dim), 0, low_inclusive=False)
        elif isinstance(value, Quantity) and not value.is_dimensionless:
            raise ValueError(f"{name} is a plain number (no unit), got {value}")
        elif not float(value) >= 0:
            raise ValueError(f"{name} must be a number >= 0, got {value!r}")
        run_args[getattr(group, name)] = value
    return run_args
