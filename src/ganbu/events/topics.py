"""What an event is about: ``就…交换意见``, ``围绕…座谈``, ``审议…``."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .types import Event

_TOPIC = re.compile(
    r"(?:就|围绕)(?P<t>[^。；！？]{2,120}?)(?:等)?(?:主题|问题|事项|议题|工作)?"
    r"(?:进行了?|开展了?|深入)?(?:深入)?(?:交流协商|交流|磋商|沟通交流|沟通|座谈|会谈|讨论|协商|交换意见)"
)
_REVIEW = re.compile(r"(?:研究审议|审议|研究部署|听取)(?P<t>[^。；！？]{2,80}?)(?=[，。；]|$)")
_LEAD = re.compile(r"^(?:了|推进|加快|进一步)+")
_PARTS = re.compile(r"[、，]")


def add_topics(text: str, evs: Iterable[Event]) -> None:
    """The topics the sentence ``text`` names, added to each of ``evs``."""
    found = []
    for m in _TOPIC.finditer(text):
        found += _split_topics(m.group("t"))
    for m in _REVIEW.finditer(text):
        found += _split_topics(m.group("t"))
    if not found:
        return
    for ev in evs:
        for t in found:
            ev.add_topic(t)


def _split_topics(t: str) -> list[str]:
    t = _LEAD.sub("", t)
    parts = [p.strip("，、 ") for p in _PARTS.split(t)]
    return [p for p in parts if 2 <= len(p) <= 40]
