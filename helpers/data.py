"""Load the published data in ``data/`` together with where each number came from.

Each data file is a CSV whose first lines are ``# key: value`` comments. Two
keys are required: ``source`` (the paper, with figure or table) and
``obtained`` (how the numbers were taken: table, text, digitized, published
fit). A ``units`` line may say the unit of each column.
"""

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import numpy as np


def _data_folder():
    """Where the CSV files are: inside the installed package (``pip install .``, a wheel),
    else the repository's ``data/`` folder (a checkout, an editable install)."""
    installed = Path(str(files("helpers") / "published_data"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "data"


DATA_DIR = _data_folder()
REQUIRED_KEYS = ("source", "obtained")


@dataclass
class Dataset:
    """Columns of a data file (NumPy arrays, by column name) and its provenance notes."""

    name: str
    columns: dict
    provenance: dict = field(default_factory=dict)

    def __getitem__(self, column):
        return self.columns[column]

    @property
    def source(self):
        return self.provenance["source"]

    def caption(self):
        """A one-line citation for figure captions."""
        return f"Data: {self.provenance['source']} ({self.provenance['obtained']})."


def available():
    """Names of the data files in ``data/`` (without the .csv ending)."""
    return sorted(p.stem for p in DATA_DIR.glob("*.csv"))


def load(name):
    """Read ``data/<name>.csv`` into a ``Dataset``; fails if its provenance is missing."""
    path = DATA_DIR / f"{name}.csv"
    if not path.exists():
        raise ValueError(f"name must be one of {available()}, got {name!r}")
    provenance, rows, header = {}, [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            provenance[key.strip()] = value.strip()
        elif header is None:
            header = [h.strip() for h in line.split(",")]
        else:
            rows.append([float(x) for x in line.split(",")])
    missing = [k for k in REQUIRED_KEYS if not provenance.get(k)]
    if missing:
        raise ValueError(f"data/{name}.csv lacks provenance line(s): {missing}")
    values = np.array(rows, dtype=float).reshape(len(rows), len(header))
    columns = {h: values[:, k] for k, h in enumerate(header)}
    return Dataset(name=name, columns=columns, provenance=provenance)
