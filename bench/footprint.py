"""Footprint: the Lambda layer's size (unzipped and zipped) and the ingest path's peak memory on a
25 MB page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from . import corpus

REPO = Path(__file__).resolve().parents[1]
BUILD_LAYER = REPO / "tools" / "build_layer.py"


def _tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _zip_bytes(root: Path, target: Path) -> int:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root.parent))
    return target.stat().st_size


def _largest(site: Path, top: int = 8) -> list[tuple[str, int]]:
    sizes = {}
    for child in site.iterdir():
        if child.name.endswith((".dist-info", ".egg-info")):
            continue
        sizes[child.name] = _tree_bytes(child) if child.is_dir() else child.stat().st_size
    return sorted(sizes.items(), key=lambda kv: -kv[1])[:top]


def layer_size() -> dict[str, Any]:
    """Through tools/build_layer.py when it exists (the lean build and its --plain baseline);
    otherwise `pip install --target` of the layer's requirements plus the package, bytecode compiled."""
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="warta-layer-") as tmp:
        out = Path(tmp)
        if BUILD_LAYER.exists():
            for label, extra in (("lean", []), ("plain", ["--plain"])):
                folder, archive = out / label, out / f"{label}.zip"
                command = [
                    sys.executable,
                    str(BUILD_LAYER),
                    "--out",
                    str(folder),
                    "--zip",
                    str(archive),
                    *extra,
                ]
                result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
                if result.returncode != 0 or not archive.exists():
                    results[label] = {"error": (result.stderr or result.stdout).strip()[-500:]}
                    continue
                site = folder / "python" if (folder / "python").is_dir() else folder
                results[label] = {
                    "method": "tools/build_layer.py " + " ".join(extra),
                    "unzipped": _tree_bytes(folder),
                    "zipped": archive.stat().st_size,
                    "largest": _largest(site),
                }
            return results
        site = out / "python"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--target",
                str(site),
                "-r",
                str(REPO / "layers/warta/requirements.txt"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            return {"plain": {"error": result.stderr.strip()[-500:]}}
        subprocess.run(["cp", "-r", str(REPO / "layers/warta/warta"), str(site / "warta")], check=True)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(site)], capture_output=True, check=False
        )
        results["plain"] = {
            "method": "pip install --target (tools/build_layer.py absent)",
            "unzipped": _tree_bytes(site),
            "zipped": _zip_bytes(site, out / "layer.zip"),
            "largest": _largest(site),
        }
    return results


_MEMORY_PROBE = r"""
import json, resource, sys, time, tracemalloc
from datetime import datetime, timezone
from warta.parse import parse_article
from warta.enrich import enrich
from warta.index.documents import build_document
data = open(sys.argv[1], "rb").read()
enrich(parse_article(open(sys.argv[2], "rb").read(), key="warm.html"))  # warm lazy tables first
before = int([l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1])  # current, kB
tracemalloc.start()
t0 = time.perf_counter()
article = parse_article(data, key="big.html", content_type="text/html")
entities = enrich(article)
doc = build_document(bucket="b", key="big.html", article=article, entities=entities,
                     ingested=datetime.now(timezone.utc))
elapsed = time.perf_counter() - t0
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "rss_before_kb": before, "rss_peak_kb": after, "python_peak_bytes": peak,
                  "body_chars": len(article.body), "officials": len(entities.officials),
                  "document_bytes": len(json.dumps(doc, ensure_ascii=False).encode())}))
"""


def peak_memory(size: int = 25_000_000, seed: int = 7) -> dict[str, Any]:
    """In a fresh process: ru_maxrss before and after parse + enrich + build_document of one page of
    `size` bytes (a long live report plus a large inline state blob), and tracemalloc's peak."""
    with tempfile.TemporaryDirectory(prefix="warta-mem-") as tmp:
        big = Path(tmp) / "big.html"
        big.write_bytes(corpus.page(seed, 999_999, target_bytes=size).data)
        warm = Path(tmp) / "warm.html"
        warm.write_bytes(corpus.page(seed, 0).data)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        result = subprocess.run(
            [sys.executable, "-c", _MEMORY_PROBE, str(big), str(warm)],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            check=False,
        )
        if result.returncode != 0:
            return {"page_bytes": big.stat().st_size, "error": result.stderr.strip()[-800:]}
        return {"page_bytes": big.stat().st_size, **json.loads(result.stdout.strip().splitlines()[-1])}
