"""A real single OpenSearch node on 127.0.0.1, fetched through Maven as OpenSearch's own artifacts.

The integ-test-zip distribution is OpenSearch's minimal build: core plus the transport module. The
`indonesian` analyzer and the `asciifolding` filter live in the analysis-common module, and the
`percolator` field type (saved searches matched against new articles, warta.alerts) in the
percolator module; Maven serves each as a plain jar, which we install as a module with the descriptor
OpenSearch expects. Every file is checked against a pinned SHA-256 sum before use."""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

OPENSEARCH_VERSION = "2.19.6"  # the newest 2.x: runs on the machine's Java 17
DISTRIBUTION = (
    "org.opensearch.distribution.integ-test-zip:opensearch:2.19.6:zip",
    "71d6d8b1c637f3faecda0752b184b1cc526fc6eaad59ec1408c6327bb00b9293",
)


@dataclass(frozen=True)
class Module:
    artifact: str
    sha256: str
    name: str
    classname: str
    description: str


MODULES = (
    Module(
        "org.opensearch.plugin:analysis-common:2.19.6:jar",
        "187378844d92a043b935038f9ae168f7812f686b1c1c7128f8b97731baff8a1a",
        "analysis-common",
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "Common analysis: language analyzers, asciifolding, ...",
    ),
    Module(
        "org.opensearch.plugin:percolator-client:2.19.6:jar",
        "3a931b2089e8d6140f8b811ea8a5cbfb0cd1d2202a070c25568a7249875cd787",
        "percolator",
        "org.opensearch.percolator.PercolatorPlugin",
        "Percolator: stored queries matched against documents",
    ),
)
SERVICE_USER = "warta-opensearch"  # OpenSearch refuses to run as root


def cache_dir() -> Path:
    """Outside the repository. Under root the node must stay readable by the service user, and
    /root is not, so root uses /var/cache."""
    if env := os.environ.get("WARTA_CACHE_DIR"):
        return Path(env)
    if os.geteuid() == 0:
        return Path("/var/cache/warta")
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "warta"


def install_name() -> str:
    """The install's folder name: the version and a fingerprint of the modules in it. A new module
    gives a new folder, so an install made before it is never taken for complete, and a node already
    running from the old folder (another checkout's) is left alone."""
    modules = "\n".join(f"{m.artifact} {m.sha256}" for m in MODULES)
    fingerprint = hashlib.sha256(f"{DISTRIBUTION[1]}\n{modules}".encode()).hexdigest()[:12]
    return f"opensearch-{OPENSEARCH_VERSION}-{fingerprint}"


def install(cache: Path | None = None) -> Path:
    """Return the folder of a verified OpenSearch install, fetching and assembling it the first time.

    Several checkouts share the cache and may assemble at once: each builds in a staging folder of its
    own and publishes it with one rename; whoever renames second keeps the first one's install."""
    cache = cache or cache_dir()
    home = cache / install_name()
    if _complete(home):
        return home
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    archive = _fetch(DISTRIBUTION[0], DISTRIBUTION[1], downloads)
    staging = Path(tempfile.mkdtemp(prefix="opensearch-", dir=cache))
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(staging)
    unpacked = staging / f"opensearch-{OPENSEARCH_VERSION}"
    for module in MODULES:
        jar = _fetch(module.artifact, module.sha256, downloads)
        target = unpacked / "modules" / module.name
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(jar, target / jar.name)
        (target / "plugin-descriptor.properties").write_text(
            f"description={module.description}\nversion={OPENSEARCH_VERSION}\nname={module.name}\n"
            f"classname={module.classname}\njava.version=11\nopensearch.version={OPENSEARCH_VERSION}\n"
            "custom.foldername=\nextended.plugins=\nhas.native.controller=false\n"
        )
    for path in unpacked.joinpath("bin").iterdir():
        path.chmod(0o755)  # zipfile does not keep modes
    (unpacked / ".warta-complete").write_text(_marker())
    _open_for_all(staging)
    if home.exists() and not _complete(home):  # a broken earlier attempt: set aside, never deleted in use
        home.rename(Path(tempfile.mkdtemp(prefix="broken-", dir=cache)) / home.name)
    try:
        unpacked.rename(home)
    except OSError:
        if not _complete(home):
            raise
    shutil.rmtree(staging, ignore_errors=True)
    os.chmod(cache, 0o755)
    return home


def _marker() -> str:
    """What `.warta-complete` holds: the distribution and every module, each with its pinned sum."""
    return (
        "\n".join([f"{DISTRIBUTION[0]} {DISTRIBUTION[1]}", *(f"{m.artifact} {m.sha256}" for m in MODULES)])
        + "\n"
    )


def _complete(home: Path) -> bool:
    marker = home / ".warta-complete"
    return marker.exists() and marker.read_text() == _marker()


def _fetch(artifact: str, sha256: str, downloads: Path) -> Path:
    _group, name, version, packaging = artifact.split(":")
    target = downloads / f"{name}-{version}.{packaging}"
    if not (target.exists() and _sha256(target) == sha256):
        subprocess.run(
            [
                "mvn",
                "-q",
                "-B",
                "dependency:copy",
                f"-Dartifact={artifact}",
                f"-DoutputDirectory={downloads}",
            ],
            check=True,
            cwd=downloads,
        )
    actual = _sha256(target)
    if actual != sha256:
        target.unlink()
        raise RuntimeError(f"{artifact}: checksum {actual} does not match the pinned {sha256}")
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _open_for_all(path: Path) -> None:
    for current, _dirs, files in os.walk(path):
        os.chmod(current, 0o755)
        for name in files:
            file = Path(current, name)
            file.chmod(file.stat().st_mode | 0o444)


def java_home() -> str:
    """OpenSearch 2.19 runs on Java 11 to 21; prefer an explicit setting, then the system's Java 17."""
    for candidate in (
        os.environ.get("OPENSEARCH_JAVA_HOME"),
        os.environ.get("JAVA_HOME"),
        "/usr/lib/jvm/java-17-openjdk-amd64",
        "/usr/lib/jvm/java-17-openjdk-arm64",
    ):
        if candidate and Path(candidate, "bin", "java").exists():
            return candidate
    java = shutil.which("java")
    if java:
        return str(Path(java).resolve().parents[1])
    raise RuntimeError("no Java found: install OpenJDK 17 or set JAVA_HOME")


def service_user() -> tuple[int, int] | None:
    """The uid/gid to run the node as, creating a system user when we are root; None when not root."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
            check=True,
        )
        entry = pwd.getpwnam(SERVICE_USER)
    return entry.pw_uid, entry.pw_gid


def run_dir_for(state_dir: Path) -> Path:
    """Where a node keeps its config, data and logs. Under root the service user must reach it, and a
    state folder inside a private temporary folder (pytest's, say) is out of its reach, so the node's
    folder then goes under the cache, named after the state folder."""
    if os.geteuid() != 0:
        return state_dir / "opensearch"
    return cache_dir() / "nodes" / hashlib.sha256(str(state_dir.resolve()).encode()).hexdigest()[:16]


def start(
    home: Path, run_dir: Path, *, http_port: int, heap: str = "512m", fresh: bool = True
) -> subprocess.Popen[bytes]:
    """Start the node with its config, data and logs in `run_dir`; `fresh` wipes them first."""
    if fresh or not (run_dir / "config").exists():
        _prepare(home, run_dir)
    user = service_user()
    command = [
        str(home / "bin" / "opensearch"),
        "-E",
        "discovery.type=single-node",
        "-E",
        "network.host=127.0.0.1",
        "-E",
        f"http.port={http_port}",
        "-E",
        f"transport.port={http_port + 100}",
        "-E",
        f"path.data={run_dir / 'data'}",
        "-E",
        f"path.logs={run_dir / 'logs'}",
        "-E",
        "cluster.routing.allocation.disk.threshold_enabled=false",
        "-E",
        "action.destructive_requires_name=true",
    ]
    if user:
        command = ["setpriv", f"--reuid={user[0]}", f"--regid={user[1]}", "--clear-groups", *command]
    env = {
        **os.environ,
        "OPENSEARCH_JAVA_HOME": java_home(),
        "OPENSEARCH_PATH_CONF": str(run_dir / "config"),
        "OPENSEARCH_JAVA_OPTS": f"-Xms{heap} -Xmx{heap}",
    }
    log = (run_dir / "stdout.log").open("ab")
    return subprocess.Popen(
        command, cwd=run_dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _prepare(home: Path, run_dir: Path) -> None:
    shutil.rmtree(run_dir, ignore_errors=True)
    (run_dir / "data").mkdir(parents=True)
    (run_dir / "logs").mkdir()
    shutil.copytree(home / "config", run_dir / "config")
    # The launcher changes into the install folder, so the relative log and dump paths in jvm.options
    # would point into it; under root it is read-only for the service user. Point them at run_dir.
    options = run_dir / "config" / "jvm.options"
    options.write_text(
        options.read_text()
        .replace("=logs/", f"={run_dir}/logs/")
        .replace(":logs/", f":{run_dir}/logs/")
        .replace("HeapDumpPath=data", f"HeapDumpPath={run_dir}/data")
    )
    user = service_user()
    if user:
        for current, _dirs, files in os.walk(run_dir):
            os.chown(current, *user)
            for name in files:
                os.chown(Path(current, name), *user)
