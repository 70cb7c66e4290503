#!/usr/bin/env bash
# One entry point for learners, instructors and CI. Needs only Python 3.11 and pip.
#   bash tasks.sh lab     set up, then open JupyterLab on your own copy of the start-here notebook
#   bash tasks.sh test    set up, then run every test (unit, science, contract, notebooks)
#   bash tasks.sh bench   set up, then time every notebook (cold and warm cache) and widget
#   bash tasks.sh release set up, then build the student versions (nbgrader) in release/
#   bash tasks.sh site    set up, then execute every notebook, build the student site in site/_build/html
#                         and check it in Chromium (--instructor: the instructor site, not to publish)
#   bash tasks.sh tables  set up, then rewrite the README's map and timing tables and the points table
#   bash tasks.sh lint    set up, then run the checks pre-commit runs (ruff, notebooks stored without outputs)
#   bash tasks.sh setup   only set up: .venv with pinned packages, helpers, the kernel
set -euo pipefail
cd "$(dirname "$0")"
VENV=.venv
PY="$VENV/bin/python"

find_python() {
    # The Python every pin is tested with (`find_python --version` prints it). Looks for it on
    # PATH, then among pyenv's installed versions (pyenv's shims answer only for its global one).
    local want=3.11 candidate
    if [ "${1:-}" = --version ]; then echo "$want"; return 0; fi
    for candidate in "${PYTHON:-}" "python$want" "$HOME/.pyenv/versions/$want"*/bin/"python$want" python3 python; do
        if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$want'.split('.'))))" 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    echo "Python $want is required (set PYTHON=/path/to/python$want)" >&2
    return 1
}

setup() {
    local stamp="$VENV/.installed" want
    # requirements-dev.txt counts when present (tests/test_tooling.py copies only the other two)
    want=$( { cat requirements.txt pyproject.toml; [ ! -f requirements-dev.txt ] || cat requirements-dev.txt; } | cksum)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    echo "== setting up $VENV (one-off, about a minute)"
    local python
    python=$(find_python)
    # a .venv from another Python (the pinned one changed) is made anew, not patched
    if [ -x "$PY" ] && [ "$("$PY" -c 'import sys; print(*sys.version_info[:2], sep=".")')" != "$(find_python --version)" ]; then
        echo "== $VENV runs $("$PY" -V 2>&1), the pins need Python $(find_python --version): making it anew"
        rm -rf "$VENV"
    fi
    [ -x "$PY" ] || "$python" -m venv "$VENV"
    "$PY" -m pip install --quiet --upgrade pip
    # learners' packages (requirements.txt) and the tests', site's and lint's on top
    "$PY" -m pip install --quiet -r requirements-dev.txt
    "$PY" -m pip install --quiet --no-deps -e .
    # A kernel with this interpreter's absolute path: JupyterLab, the tests and the
    # benchmark then all start the same Python, so they share Brian2's compile cache.
    "$PY" -m ipykernel install --sys-prefix --name neuroplasticity \
        --display-name "Python 3 (neuroplasticity)" >/dev/null
    echo "$want" > "$stamp"
}

case "${1:-}" in
    setup) setup ;;
    lab)
        setup
        # your own copies (student versions) in my-notebooks/, made once and then kept; the
        # reference notebooks in notebooks/ are only read; nbgrader's instructor tools are off
        # through this route's own config folder (the shared .venv stays as it is)
        "$PY" tools/learner_copies.py --folder my-notebooks
        root_flag=""
        [ "$(id -u)" = 0 ] && root_flag="--allow-root"   # JupyterLab refuses root without it
        export JUPYTER_CONFIG_PATH="$PWD/my-notebooks/.jupyter${JUPYTER_CONFIG_PATH:+:$JUPYTER_CONFIG_PATH}"
        exec "$VENV/bin/jupyter" lab $root_flag --ServerApp.root_dir=my-notebooks "${@:2}" \
            my-notebooks/00_start_here.ipynb ;;
    test)
        setup
        "$PY" -m pytest tests -v "${@:2}"
        # A full run also runs nbval, the notebooks' own runner, on one notebook with a widget,
        # so the command the README gives for checking any one notebook cannot rot.
        [ $# -gt 1 ] || exec "$PY" -m pytest --nbval-lax -p no:cacheprovider -q notebooks/00_start_here.ipynb ;;
    tables)
        setup
        exec "$PY" tools/generate_tables.py "${@:2}" ;;
    bench)
        setup
        exec "$PY" tools/benchmark.py "${@:2}" ;;
    release)
        setup
        exec "$PY" tools/build_student_versions.py "${@:2}" ;;
    site)
        setup
        "$PY" tools/build_site.py "${@:2}"
        html=site/_build/html   # the student site, to publish; --instructor: the instructor site
        case " ${*:2} " in *" --instructor "*) html=site/_build/instructor/html ;; esac
        exec "$PY" tools/check_site.py "$html" tests/artifacts/site >/dev/null ;;
    lint)
        setup
        export PATH="$PWD/$VENV/bin:$PATH"   # the hooks call the venv's python and ruff
        exec pre-commit run --all-files ;;
    *)
        sed -n '2,12p' "$0"; exit 2 ;;
esac
