"""Build the Lambda layer: the warta package and its runtime dependencies, lean, with bytecode.

    python tools/build_layer.py                      # arm64 layer in build/layer/, zipped to build/layer.zip
    python tools/build_layer.py --arch x86_64 --out /tmp/l --zip /tmp/l.zip
    python tools/build_layer.py --plain --out /tmp/p # the untrimmed baseline, for comparison only
    python tools/build_layer.py --fallback           # the optional fallback layer (trafilatura) in build/fallback-layer/

What the lean build does differently from `pip install -r layers/warta/requirements.txt`:

- boto3 / botocore / s3transfer stay out: the python3.12 runtime has them. Powertools' `tracer`
  extra is what would pull botocore in (through aws-xray-sdk), where it would shadow the
  runtime's copy; aws-xray-sdk is installed without its dependencies instead, plus wrapt.
  python-dateutil, which boto3 would otherwise have brought, is pinned below 3.
- opensearch-py goes in without its dependencies, plus the ones `import opensearchpy` uses:
  opensearch-protobufs, grpcio and protobuf (about 22 MB) are only for a gRPC transport the
  package never imports.
- warta.local and warta.cli (local stack and CLI: moto, click) are not copied.
- Test folders, C/Cython sources, console scripts and pip's bookkeeping files (RECORD, INSTALLER, ...) are removed;
  METADATA stays, so importlib.metadata still answers.
- Bytecode is compiled with this interpreter (it must be 3.12, the runtime's version) using
  unchecked-hash pycs: /opt is read-only and zip archives keep timestamps only to two seconds,
  so timestamp-checked pycs could be judged stale and recompiled at every cold start.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "layers" / "warta" / "requirements.txt"
FALLBACK_REQUIREMENTS = ROOT / "layers" / "fallback" / "requirements.txt"
PACKAGE = ROOT / "layers" / "warta" / "warta"

# The Lambda python3.12 runtime is Amazon Linux 2023 (glibc 2.34), so manylinux_2_28 wheels run there.
# Asking for manylinux2014 alone finds only older releases of some packages (python-crfsuite 0.9.12's
# aarch64 wheel is tagged manylinux_2_28 only, and pip would quietly fall back to 0.9.11, or fail on a pin).
PLATFORMS = {
    "arm64": ("manylinux_2_28_aarch64", "manylinux2014_aarch64"),
    "x86_64": ("manylinux_2_28_x86_64", "manylinux2014_x86_64"),
}

# opensearch-py is installed without dependencies; these are the ones it really imports.
OPENSEARCH_RUNTIME_DEPS = ["certifi", "Events", "requests", "urllib3"]
# Replaces Powertools' `tracer` extra: the X-Ray SDK without botocore (the runtime has it), and
# wrapt, its one other dependency. Pinned here because the extra that constrained it is dropped.
XRAY_SDK = "aws-xray-sdk==2.15.0"
XRAY_SDK_DEPS = ["wrapt"]
# boto3 is left out, so nothing else constrains python-dateutil (opensearch-py uses it).
EXTRA_PINS = ["python-dateutil>=2.8,<3"]
# What the Lambda runtime provides; none of it may end up in the layer.
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer")
# Never imported by `import opensearchpy`; only the gRPC transport of opensearch-protobufs uses them.
UNUSED = ("opensearch_protobufs", "grpc", "grpcio", "google", "protobuf")
# Parts of the warta package that are not for Lambda.
PACKAGE_EXCLUDES = ("local", "cli", "__pycache__")
BOOKKEEPING = ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")
TEST_DIRS = ("tests", "test", "testing")
# C, C++ and Cython sources some wheels carry next to their compiled extension (selectolax: 3 MB,
# python-crfsuite: 1 MB).
BUILD_SOURCES = (".c", ".h", ".cpp", ".hpp", ".pyx", ".pxd", ".pxi")


def lean_requirements(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split the layer's requirements into (resolved normally, installed with --no-deps)."""
    normal: list[str] = []
    no_deps: list[str] = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name = re.split(r"[\[=<>!~; ]", line, maxsplit=1)[0].lower()
        if name == "aws-lambda-powertools":
            # Keep the pin, drop the `tracer` extra (it brings botocore); keep other extras.
            extras = re.search(r"\[([^\]]*)\]", line)
            names = [e.strip() for e in extras.group(1).split(",")] if extras else []
            kept = [e for e in names if e != "tracer"]
            line = re.sub(r"\[[^\]]*\]", f"[{','.join(kept)}]" if kept else "", line)
            if "tracer" in names:
                no_deps.append(XRAY_SDK)
                normal.extend(XRAY_SDK_DEPS)
        elif name == "opensearch-py":
            no_deps.append(line)
            normal.extend(OPENSEARCH_RUNTIME_DEPS)
            continue
        normal.append(line)
    normal.extend(EXTRA_PINS)
    return normal, no_deps


def pip_install(
    target: Path, requirements: list[str], platforms: tuple[str, ...], *, no_deps: bool = False
) -> None:
    if not requirements:
        return
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-compile",
        "--target",
        str(target),
        "--upgrade",
        *(arg for platform in platforms for arg in ("--platform", platform)),
        "--implementation",
        "cp",
        "--python-version",
        "3.12",
        "--only-binary=:all:",
    ]
    if no_deps:
        command.append("--no-deps")
    subprocess.run([*command, *requirements], check=True)


def copy_package(site: Path) -> None:
    shutil.copytree(PACKAGE, site / "warta", ignore=shutil.ignore_patterns(*PACKAGE_EXCLUDES, "*.pyc"))


def trim(site: Path) -> list[str]:
    """Remove what Lambda never needs; return the top-level names that were removed."""
    removed: list[str] = []
    for entry in sorted(site.iterdir()):
        stem = re.split(r"[-.]", entry.name, maxsplit=1)[0].lower()
        if (
            entry.name == "bin"
            or stem in RUNTIME_PROVIDED
            or stem in UNUSED
            or entry.name.startswith(tuple(f"{u}-" for u in UNUSED))
        ):
            _remove(entry)
            removed.append(entry.name)
    for path in sorted(site.rglob("*"), reverse=True):
        if not path.exists():
            continue
        if path.is_dir() and (path.name in TEST_DIRS or path.name == "__pycache__"):
            _remove(path)
        elif path.is_file() and (
            path.suffix in BUILD_SOURCES
            or (path.parent.name.endswith(".dist-info") and path.name in BOOKKEEPING)
        ):
            path.unlink()
    return removed


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def compile_bytecode(site: Path) -> None:
    if sys.version_info[:2] != (3, 12):
        raise SystemExit(
            f"bytecode must be compiled by Python 3.12 (the runtime's), not {sys.version.split()[0]}"
        )
    ok = compileall.compile_dir(
        str(site),
        quiet=1,
        workers=0,
        ddir="/opt/python",
        invalidation_mode=compileall.py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    if not ok:
        raise SystemExit("compileall reported errors")


def make_zip(layer_dir: Path, archive: Path) -> None:
    """Deterministic zip: sorted entries, fixed timestamps (the pycs do not depend on them)."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(layer_dir.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(str(path.relative_to(layer_dir)), date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes(), compresslevel=9)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build(out: Path, arch: str, *, plain: bool = False) -> Path:
    """Build the layer into `out` (which is replaced); return the site folder (out/python)."""
    if out.exists():
        shutil.rmtree(out)
    site = out / "python"
    site.mkdir(parents=True)
    lines = REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    platforms = PLATFORMS[arch]
    if plain:  # what `sam build` would ship: everything pip resolves, no bytecode
        pip_install(
            site, [ln.split("#", 1)[0].strip() for ln in lines if ln.split("#", 1)[0].strip()], platforms
        )
        copy_package(site)
        return site
    normal, no_deps = lean_requirements(lines)
    pip_install(site, normal, platforms)
    pip_install(site, no_deps, platforms, no_deps=True)
    copy_package(site)
    trim(site)
    compile_bytecode(site)
    return site


def build_fallback(out: Path, arch: str, main_site: Path) -> Path:
    """The optional fallback layer: trafilatura and what it needs, minus every top-level package the main
    layer (`main_site`, built first) already holds, so that no package exists in two versions in /opt."""
    if not main_site.is_dir():
        raise SystemExit(f"build the main layer first: {main_site} is missing")
    if out.exists():
        shutil.rmtree(out)
    site = out / "python"
    site.mkdir(parents=True)
    lines = [
        ln.split("#", 1)[0].strip() for ln in FALLBACK_REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    ]
    pip_install(site, [*[ln for ln in lines if ln], *EXTRA_PINS], PLATFORMS[arch])
    shipped = {_distribution_stem(p.name) for p in main_site.iterdir()}
    for entry in sorted(site.iterdir()):
        if _distribution_stem(entry.name) in shipped:
            _remove(entry)
    trim(site)
    compile_bytecode(site)
    return site


def _distribution_stem(name: str) -> str:
    """ "python_dateutil-2.9.0.dist-info" -> "python_dateutil", "regex" -> "regex", "six.py" -> "six"."""
    return re.split(r"-\d|\.py$|\.cpython", name, maxsplit=1)[0].lower().replace("-", "_")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--arch",
        choices=sorted(PLATFORMS),
        default="arm64",
        help="Lambda architecture (default arm64, as in template.yaml)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "build" / "layer",
        help="layer folder (replaced); template.yaml's ContentUri is build/layer/",
    )
    parser.add_argument("--zip", type=Path, default=None, help="zip archive (default: <out>.zip)")
    parser.add_argument("--plain", action="store_true", help="untrimmed baseline, for size comparison")
    parser.add_argument("--max-mb", type=float, default=50.0, help="fail above this unzipped size")
    parser.add_argument(
        "--fallback",
        action="store_true",
        help="build the optional fallback layer (trafilatura) instead, next to the main layer in --out",
    )
    args = parser.parse_args(argv)

    out = args.out.resolve()
    if args.fallback:
        fallback_out = out.parent / "fallback-layer"
        build_fallback(fallback_out, args.arch, out / "python")
        archive = fallback_out.with_suffix(".zip")
        make_zip(fallback_out, archive)
        print(
            f"fallback {args.arch} layer: {fallback_out} {tree_size(fallback_out) / 1e6:.1f} MB unzipped, "
            f"{archive} {archive.stat().st_size / 1e6:.1f} MB zipped"
        )
        return 0
    build(out, args.arch, plain=args.plain)
    archive = args.zip or out.with_suffix(".zip")
    make_zip(out, archive)
    unzipped, zipped = tree_size(out), archive.stat().st_size
    label = "plain" if args.plain else "lean"
    print(
        f"{label} {args.arch} layer: {out} {unzipped / 1e6:.1f} MB unzipped, "
        f"{archive} {zipped / 1e6:.1f} MB zipped"
    )
    if not args.plain and unzipped > args.max_mb * 1e6:
        print(f"layer is larger than {args.max_mb} MB unzipped", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    sys.exit(main())
