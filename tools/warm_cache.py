"""Fill Brian2's compile cache by running every notebook once (used by Binder's postBuild)."""

from notebook_runner import NOTEBOOKS, execute

if __name__ == "__main__":
    for path in NOTEBOOKS:
        _, seconds = execute(path)
        print(f"warmed {path.name} in {seconds:.0f} s")
