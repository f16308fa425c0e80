"""Grammar tables and the compiled matchers built from them, loaded once per process.

Everything here is data read from ``ganbu/people/data``; this module only turns it into
Aho-Corasick automata and sets. Nothing is downloaded.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ..lang.lexicon import load_surnames
from ..lang.tables import rows


def _rows(filename: str) -> list[dict[str, str]]:
    return rows("ganbu.people", filename)


@dataclass(slots=True, frozen=True)
class Role:
    word: str
    kind: str
    level: str
    after: str  # canonical office when written after a name


@lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    return {r["role"]: Role(r["role"], r["kind"], r["level"], r["after"]) for r in _rows("roles.tsv")}


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in _rows("grammar_words.tsv"):
        w = r["word"].replace("\\n", "\n")
        out.setdefault(r["list"], set()).add(w)
    return {k: frozenset(v) for k, v in out.items()}


def _automaton(keys) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for k in keys:
        if k:
            a.add_word(k, k)
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def role_automaton() -> ahocorasick.Automaton:
    return _automaton(roles().keys())


@lru_cache(maxsize=1)
def left_stop_automaton() -> ahocorasick.Automaton:
    return _automaton(words()["left_stop"])


@lru_cache(maxsize=1)
def and_org_automaton() -> ahocorasick.Automaton:
    return _automaton(words()["and_org"])


@lru_cache(maxsize=1)
def not_stop_automaton() -> ahocorasick.Automaton:
    return _automaton(words()["not_stop"])


@lru_cache(maxsize=1)
def follower_prefixes() -> tuple[frozenset[str], int]:
    f = words()["follower"]
    return f, max(len(w) for w in f)


@lru_cache(maxsize=1)
def long_follower_firsts() -> frozenset[str]:
    """The first characters of the follower words of two or more characters."""
    return frozenset(w[0] for w in words()["follower"] if len(w) >= 2)


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, two-character surnames)."""
    names = load_surnames()
    single = frozenset(s for s in names if len(s) == 1)
    double = frozenset(s for s in names if len(s) == 2) | name_chars()["married"]
    return single, double


@lru_cache(maxsize=1)
def name_chars() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in _rows("name_chars.tsv"):
        if r["list"] in ("honorific", "married"):
            out.setdefault(r["list"], set()).update(r["chars"].split())
        else:
            out.setdefault(r["list"], set()).update(r["chars"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def tibetan_syllables() -> frozenset[str]:
    """The two-character components of Tibetan names (``tibetan_syllables.tsv``)."""
    return frozenset(r["syllable"] for r in _rows("tibetan_syllables.tsv"))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    return frozenset(r["word"] for r in _rows("not_names.tsv"))


@lru_cache(maxsize=1)
def not_name_lengths() -> tuple[int, ...]:
    """The lengths of the words of ``not_names.tsv``."""
    return tuple(sorted({len(w) for w in not_names()}))


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The 400 most frequent surnames: enough evidence for a name with no title next to it."""
    names = load_surnames()
    ranked = sorted(names, key=lambda k: -float(names[k] or 0))
    return frozenset(ranked[:400])


@lru_cache(maxsize=1)
def translit_chars() -> frozenset[str]:
    out: set[str] = set()
    for r in _rows("translit_chars.tsv"):
        out.update(r["chars"])
    return frozenset(out)


@lru_cache(maxsize=1)
def leaders() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(role as written, name) → [(office, valid_from, valid_to)]."""
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for r in _rows("leaders.tsv"):
        out.setdefault((r["role"], r["name"]), []).append((r["office"], r["valid_from"], r["valid_to"]))
    return out


@lru_cache(maxsize=1)
def short_titles() -> tuple[tuple[str, str], ...]:
    """(full, short) writings of one office: 外交部长/外长 (``short_title`` rows ``full=short``)."""
    pairs = (w.split("=", 1) for w in words()["short_title"])
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda x: -len(x[0])))


@lru_cache(maxsize=1)
def roster_names() -> frozenset[str]:
    """Every name on the roster of Chinese leaders, whatever the office and date."""
    return frozenset(name for _, name in leaders())


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Names read as names even where the character rules say no: the roster's and
    ``known_names.tsv``'s."""
    return roster_names() | frozenset(r["name"] for r in _rows("known_names.tsv"))


@lru_cache(maxsize=1)
def known_name_firsts() -> frozenset[str]:
    """The first characters of :func:`known_names` (a quick test before slicing)."""
    return frozenset(n[0] for n in known_names())


def leader_office(role: str, name: str, as_of: str | None) -> str | None:
    """The national office ``name`` held under the title ``role`` on ``as_of`` (any date if None)."""
    for office, start, end in leaders().get((role, name), ()):
        if as_of is None or ((not start or start <= as_of) and (not end or as_of < end)):
            return office
    return None
