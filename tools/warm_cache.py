"""Compile every notebook's models in advance by running every notebook once.

    python tools/warm_cache.py                 fill your own cache (~/.cache/neuroplasticity)
    python tools/warm_cache.py --shared DIR    fill DIR once for a whole class, then make it read-only

With ``--shared``, point every user's kernel at DIR, e.g. in the shared environment
``python -m ipykernel install --sys-prefix --name neuroplasticity --env NEUROPLASTICITY_SHARED_CACHE DIR``
(Binder's postBuild does this). A kernel then runs each model compiled in DIR without writing
into it (results go to a folder of its own) and compiles only models DIR lacks, into the
user's own cache. Run it again after updating the notebooks or helpers: it makes DIR writable
for the owner, compiles what changed, and makes it read-only again.
"""

import argparse
import os
import stat
import sys
from pathlib import Path

from notebook_runner import NOTEBOOKS, execute

WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
READ = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


def set_shared_permissions(folder, writable):
    """Everyone may read DIR (and enter its folders, run its programs); with ``writable``
    false, nobody may write into it (its owner can make it writable again)."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode | READ
        if path.is_dir() or mode & stat.S_IXUSR:
            mode |= stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH
        mode = (mode | stat.S_IWUSR) if writable else (mode & ~WRITE)
        path.chmod(mode)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="fill this folder for all users and make it read-only")
    args, ignored = parser.parse_known_args(argv)
    if ignored:
        print(f"warm_cache: ignoring arguments {ignored}", file=sys.stderr)
    if args.shared is not None:
        shared = args.shared.resolve()
        shared.mkdir(parents=True, exist_ok=True)
        set_shared_permissions(shared, writable=True)
        # the notebooks' kernels compile into DIR (execute passes this environment on)
        os.environ["NEUROPLASTICITY_CACHE"] = str(shared)
        os.environ["NEUROPLASTICITY_SHARED_CACHE"] = str(shared)
    try:
        for path in NOTEBOOKS:
            _, seconds = execute(path)
            print(f"warmed {path.name} in {seconds:.0f} s", flush=True)
    finally:
        if args.shared is not None:
            set_shared_permissions(shared, writable=False)
    if args.shared is not None:
        print(f"shared cache ready (read-only): {shared}\nset NEUROPLASTICITY_SHARED_CACHE={shared} in users' kernels")


if __name__ == "__main__":
    main()
