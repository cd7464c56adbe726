"""Police (Polri) and armed forces (TNI) ranks: every written form mapped to one full rank name.

Conventions chosen for the facet values:
- the force marker that is often written after a rank ("Pol", "Polisi", "TNI") is dropped, so
  "Irjen", "Irjen Pol" and "Inspektur Jenderal Polisi" all become "Inspektur Jenderal";
- exceptions are the ranks whose official name contains "Polisi" in the middle or that would
  otherwise be ambiguous ("Ajun Komisaris Besar Polisi", "Inspektur Polisi Satu", "Jenderal Polisi");
- "Brigjen" is the same rank name in both forces, so it maps to "Brigadir Jenderal" either way.

`RANK_RE` matches a rank at a word boundary, together with the markers that may follow it
(force, corps such as "Inf" or "Czi", "(K)", "(Purn)"), so a name can be read right after it.
"""

from __future__ import annotations

import re

# written form -> full rank
_POLRI: dict[str, str] = {
    "Jenderal Polisi": "Jenderal Polisi",
    "Jenderal Pol": "Jenderal Polisi",
    "Komjen": "Komisaris Jenderal",
    "Komisaris Jenderal": "Komisaris Jenderal",
    "Irjen": "Inspektur Jenderal",
    "Inspektur Jenderal": "Inspektur Jenderal",
    "Brigjen": "Brigadir Jenderal",
    "Brigadir Jenderal": "Brigadir Jenderal",
    "Kombes": "Komisaris Besar",
    "Kombespol": "Komisaris Besar",
    "Komisaris Besar": "Komisaris Besar",
    "AKBP": "Ajun Komisaris Besar Polisi",
    "Ajun Komisaris Besar": "Ajun Komisaris Besar Polisi",
    "Kompol": "Komisaris Polisi",
    "Komisaris Polisi": "Komisaris Polisi",
    "AKP": "Ajun Komisaris Polisi",
    "Ajun Komisaris Polisi": "Ajun Komisaris Polisi",
    "Iptu": "Inspektur Polisi Satu",
    "Inspektur Polisi Satu": "Inspektur Polisi Satu",
    "Ipda": "Inspektur Polisi Dua",
    "Inspektur Polisi Dua": "Inspektur Polisi Dua",
    "Aiptu": "Ajun Inspektur Polisi Satu",
    "Ajun Inspektur Polisi Satu": "Ajun Inspektur Polisi Satu",
    "Aipda": "Ajun Inspektur Polisi Dua",
    "Ajun Inspektur Polisi Dua": "Ajun Inspektur Polisi Dua",
    "Bripka": "Brigadir Polisi Kepala",
    "Brigadir Polisi Kepala": "Brigadir Polisi Kepala",
    "Brigpol": "Brigadir Polisi",
    "Brigadir Polisi": "Brigadir Polisi",
    "Brigadir": "Brigadir Polisi",
    "Briptu": "Brigadir Polisi Satu",
    "Brigadir Polisi Satu": "Brigadir Polisi Satu",
    "Bripda": "Brigadir Polisi Dua",
    "Brigadir Polisi Dua": "Brigadir Polisi Dua",
    "Bharaka": "Bhayangkara Kepala",
    "Bharatu": "Bhayangkara Satu",
    "Bharada": "Bhayangkara Dua",
}

_TNI: dict[str, str] = {
    "Jenderal TNI": "Jenderal",
    "Jenderal": "Jenderal",
    "Laksamana": "Laksamana",
    "Marsekal": "Marsekal",
    "Letjen": "Letnan Jenderal",
    "Letnan Jenderal": "Letnan Jenderal",
    "Laksdya": "Laksamana Madya",
    "Laksamana Madya": "Laksamana Madya",
    "Marsdya": "Marsekal Madya",
    "Marsekal Madya": "Marsekal Madya",
    "Mayjen": "Mayor Jenderal",
    "Mayor Jenderal": "Mayor Jenderal",
    "Laksda": "Laksamana Muda",
    "Laksamana Muda": "Laksamana Muda",
    "Marsda": "Marsekal Muda",
    "Marsekal Muda": "Marsekal Muda",
    "Laksma": "Laksamana Pertama",
    "Laksamana Pertama": "Laksamana Pertama",
    "Marsma": "Marsekal Pertama",
    "Marsekal Pertama": "Marsekal Pertama",
    "Kolonel": "Kolonel",
    "Letkol": "Letnan Kolonel",
    "Letnan Kolonel": "Letnan Kolonel",
    "Mayor": "Mayor",
    "Kapten": "Kapten",
    "Lettu": "Letnan Satu",
    "Letnan Satu": "Letnan Satu",
    "Letda": "Letnan Dua",
    "Letnan Dua": "Letnan Dua",
    "Peltu": "Pembantu Letnan Satu",
    "Pembantu Letnan Satu": "Pembantu Letnan Satu",
    "Pelda": "Pembantu Letnan Dua",
    "Pembantu Letnan Dua": "Pembantu Letnan Dua",
    "Serma": "Sersan Mayor",
    "Sersan Mayor": "Sersan Mayor",
    "Serka": "Sersan Kepala",
    "Sersan Kepala": "Sersan Kepala",
    "Sertu": "Sersan Satu",
    "Sersan Satu": "Sersan Satu",
    "Serda": "Sersan Dua",
    "Sersan Dua": "Sersan Dua",
    "Kopka": "Kopral Kepala",
    "Kopral Kepala": "Kopral Kepala",
    "Koptu": "Kopral Satu",
    "Kopral Satu": "Kopral Satu",
    "Kopda": "Kopral Dua",
    "Kopral Dua": "Kopral Dua",
    "Praka": "Prajurit Kepala",
    "Prajurit Kepala": "Prajurit Kepala",
    "Pratu": "Prajurit Satu",
    "Prajurit Satu": "Prajurit Satu",
    "Prada": "Prajurit Dua",
    "Prajurit Dua": "Prajurit Dua",
}

RANKS: dict[str, str] = {**_TNI, **_POLRI}

# Markers that may follow a rank before the name: force, corps/branch, retired, special.
_CORPS = (
    "TNI AD|TNI AL|TNI AU|TNI|Pol\\.?|Polisi|Laut|Udara|"
    "Inf|Kav|Arh|Arm|Czi|Cpn|Chb|Cku|Ckm|Cpm|Cba|Ctp|Caj|Cpl|Ckh|Mar|Pnb|Nav|Tek|Kal|Lek|Adm|Kes|Sus|Pas|"
    "Purn\\.?|Pur\\.?"
)
_PAREN = r"\((?:K|P|T|E|S|KH|PM|Mar|Purn\.?|Pur\.?|Han|Kes)\)"

_variants = sorted(RANKS, key=len, reverse=True)
RANK_RE = re.compile(
    r"(?<![\w.])(?P<rank>" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _variants) + r")"
    r"(?P<marks>(?:\s+(?:(?:" + _CORPS + r")(?![\w])|" + _PAREN + r"))*)"
    r"(?![\w])"
)


def normalise_rank(written: str) -> str | None:
    """Full rank for a written rank (markers such as "Pol" or "Inf" may follow), or None."""
    m = RANK_RE.fullmatch(written.strip())
    if not m:
        return None
    return RANKS[" ".join(m.group("rank").split())]
