"""The grammar's working records, shared by the title chains and the appointment formulas.

A :class:`TitledMention` is a candidate: title links and the names they are given to, before
``positions`` makes each link explicit. Offsets are into the normalised text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model.records import Status


@dataclass(slots=True)
class Link:
    start: int          # where the link's organisation part starts
    role_start: int
    end: int            # end of the role word
    prefix: str         # organisation part as written (normalised)
    role: str


@dataclass(slots=True)
class TitledMention:
    links: list[Link]
    names: list[tuple[int, int]]
    rule: str
    status: Status = "current"
    weak: set = field(default_factory=set)  # names read without a follower: kept only if seen again
    continues: bool = False  # starts right after the previous chain's names + 、 (or 和): may take its body/state
    joined_by: str = ""  # what joins it to the chain before when it continues (、，和及): 和 passes the state only
    foreign: set = field(default_factory=set)  # names read as transliterations (坦塔维, 马哈茂德·马基)


@dataclass(slots=True)
class Anchor:
    start: int
    end: int
    role: str
