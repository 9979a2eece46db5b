"""Execute notebooks with the PromptScope Java kernel and export them to offline HTML.

Used by environment/run-notebooks (which sets JUPYTER_PATH so the repo's kernelspec is found).
Writes results/notebooks/<name>.ipynb (executed) and <name>.html; exits 1 naming the first failing
notebook and cell, after running the rest.
"""
import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

REPO = Path(__file__).resolve().parent.parent
KERNEL = "promptscope-java"


def export_html(nb, out: Path) -> None:
    exporter = HTMLExporter(template_name="offline",
                            extra_template_basedirs=[str(REPO / "environment" / "nbconvert" / "templates")])
    body, _ = exporter.from_notebook_node(nb)
    out.write_text(body, encoding="utf-8")


def first_error(nb):
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                return i, cell, o
    return None


def run(path: Path, out_dir: Path, timeout: int) -> str | None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, startup_timeout=180,
                            coalesce_streams=True,  # a progress line rewritten with \r keeps only its last state
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.time()
    failure = None
    try:
        client.execute()
    except CellExecutionError as e:
        found = first_error(nb)
        if found:
            i, cell, o = found
            failure = (f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: cell {i + 1} "
                       f"(execution count {cell.get('execution_count')}) failed: {o.get('ename')}: {o.get('evalue')}")
        else:
            failure = f"{path}: {str(e).strip().splitlines()[-1] if str(e).strip() else e}"
    except Exception as e:  # kernel died, timeout, ...
        failure = f"{path}: {type(e).__name__}: {e}"
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / path.name)
    export_html(nb, out_dir / (path.stem + ".html"))
    status = "FAILED" if failure else "ok"
    target = out_dir / path.stem
    shown = target.relative_to(REPO) if target.is_relative_to(REPO) else target
    print(f"run-notebooks: {path.name}: {status} in {time.time() - started:.0f}s -> {shown}.{{ipynb,html}}",
          file=sys.stderr)
    return failure


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    ap.add_argument("--out", type=Path, default=REPO / "results" / "notebooks")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    args = ap.parse_args()
    paths = [p.resolve() for p in args.notebooks] or sorted((REPO / "notebooks").glob("*.ipynb"))
    if not paths:
        print("run-notebooks: no notebooks found", file=sys.stderr)
        return 1
    failures = []
    for p in paths:
        if not p.is_file():
            failures.append(f"{p}: no such notebook")
            continue
        f = run(p, args.out.resolve(), args.timeout)
        if f:
            failures.append(f)
    ok = len(paths) - len(failures)
    for f in failures:
        print("run-notebooks: ERROR " + f, file=sys.stderr)
    print(f"notebooks: {ok} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
