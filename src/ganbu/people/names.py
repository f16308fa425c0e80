"""The person-name model: where a name that starts at a given offset ends.

A Chinese name is a surname from the surname table (one or two characters) and a given name of
one or two characters; a minority or transliterated name is CJK runs joined by ``·``. What makes
the reading hard is the end: ``李乐成作`` is 李乐成 + 作, ``谢元和市政府`` is 谢元 + 和,
``王铁出席`` is 王铁 + 出席. The model reads every length and keeps the one whose next
characters are a *follower* (punctuation, a verb of the formula, a conjunction) — data in
``grammar_words.tsv`` — with given-name characters checked against ``name_chars.tsv``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import tables as R

if TYPE_CHECKING:
    from .namemodel import NameModel

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MINORITY = re.compile(r"[\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,9})+")


def is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff")


def follower_at(s: str, p: int) -> str | None:
    """The follower word at ``p`` (``""`` for end of text or a non-CJK character), else None."""
    if p >= len(s):
        return ""
    if not is_cjk(s[p]):
        return s[p]
    table, longest = R.follower_prefixes()
    for n in range(min(longest, len(s) - p), 0, -1):
        w = s[p : p + n]
        if w in table:
            return w
    return None


def role_at(s: str, p: int) -> str | None:
    """A role word starting exactly at ``p`` (longest), else None."""
    roles = R.roles()
    for n in range(6, 1, -1):
        w = s[p : p + n]
        if len(w) == n and w in roles:
            return w
    return None


def roster_name_at(s: str, p: int, allow_role_follow: bool = False) -> int | None:
    """The end of a name on the roster of Chinese leaders (``leaders.tsv``) or in ``known_names.tsv``
    written at ``p`` with a follower (or, with ``allow_role_follow``, a role) after it, else None.
    These are names even where the character rules say no: 赵乐际 (际 is no given-name character
    elsewhere: 国际, 之际), 魏凤和 (和 is a conjunction), 张又侠. Bulk: 委员长/书记/常委/部长/委员 +
    赵乐际 170 times, 魏凤和 read as 魏凤 in 6 of a 1,500-story sample."""
    names = R.known_names()
    if s[p : p + 1] not in R.known_name_firsts():
        return None
    for n in (5, 4, 3, 2):
        end = p + n
        if end <= len(s) and s[p:end] in names \
                and (follower_at(s, end) is not None or (allow_role_follow and role_at(s, end))):
            return end
    return None


def is_not_name(s: str, p: int) -> bool:
    """``s[p:]`` starts with a word of ``not_names.tsv`` (全国, 军乐团, 雄安, 阿夫杰耶夫卡)."""
    words = R.not_names()
    return any(s[p : p + n] in words for n in R.not_name_lengths())


def is_side(s: str, p: int) -> bool:
    """``s[p:]`` starts with a side in talks (马方, 巴方, 双方: ``name_chars.tsv`` list ``side``),
    which no name starts with."""
    return s[p + 1 : p + 2] == "方" and s[p] in R.name_chars()["side"]


def _chinese_before_dot(s: str, p: int, m) -> bool:
    """李克强同伊姆兰·汗: a Chinese name with a follower ends before the ``·`` part starts."""
    single, double = R.surnames()
    sl = 2 if s[p : p + 2] in double else (1 if s[p] in single else 0)
    if not sl:
        return False
    dot = s.find("·", p, m.end())
    bad = R.name_chars()["not_given"]
    for g in (2, 1):
        end = p + sl + g
        if end < dot and follower_at(s, end) is not None and not any(c in bad for c in s[p + sl : end]):
            return True
    return False


def read_name(s: str, p: int, *, allow_role_follow: bool = False,
              evidence: dict[str, int] | None = None, titled: bool = False) -> tuple[int, float] | None:
    """Read a person name starting at ``p``; return ``(end, confidence)`` or None.

    confidence 1.0: a follower stands right after the name; 0.5: no follower, but the characters
    make a plausible name. ``allow_role_follow`` accepts a role word as follower (``习近平总书记``).
    ``evidence`` maps name strings to how often they were read elsewhere in the document.
    ``titled``: ``p`` stands right after a title, so a common word as the given part is a name
    when a follower ends it (省长刘江山主持, 书记胡和平、).
    """
    if p >= len(s) or not is_cjk(s[p]):
        return None
    if is_not_name(s, p):
        return None
    nc = R.name_chars()
    if s[p] in nc["never_first"] or is_side(s, p):
        return None
    if s[p] in R.long_follower_firsts() and len(follower_at(s, p) or "") >= 2:
        return None  # 外长通电话, 部长表示: the words after a name are none
    m = _MINORITY.match(s, p)
    if m:
        m = _MINORITY.match(s, p, _first_of_two(s, p, m))
    if m and m.end() - p <= 24 and not _chinese_before_dot(s, p, m):
        return _minority_name(s, p, m)
    known = roster_name_at(s, p, allow_role_follow)
    if known:
        return known, 1.0
    tibetan = tibetan_name(s, p)
    if tibetan:
        return tibetan
    if s[p + 1 : p + 2] == "氏" and s[p] in R.name_chars()["vietnamese"]:
        end = next((p + n for n in (4, 3) if p + n <= len(s) and follower_at(s, p + n) is not None), None)
        if end is not None and all(is_cjk(c) for c in s[p:end]):
            return end, 1.0  # 国会主席阮氏金银参加: a Vietnamese woman's name, 氏 its middle name
    single, double = R.surnames()
    sl = 2 if s[p : p + 2] in double else (1 if s[p] in single else 0)
    if not sl:
        return None
    if s[p + sl : p + sl + 2] in R.not_names() and not (titled and _titled_word_name(s, p, sl)):
        return None  # 向全国, 是党和: the given part is a common word
    if any(s[p + 1 : p + 1 + n] in R.known_names() for n in (2, 3)):
        return None  # 队长向习近平敬礼: a leader's name starts inside the reading
    readings = _readings(s, p, sl, allow_role_follow, titled)
    dashed = next((o for o in readings if _dash_after(s, o[0])), None)
    if dashed is not None:
        return _hyphened(s, dashed[0])  # 代表苏珊-赖斯则表示: a hyphened foreign name, not 苏珊
    options = readings
    if not options:
        return None
    good = [o for o in options if o[1] == 1.0]
    if len(good) == 2:
        return _longer_or_shorter(s, p, good[0][0], good[1][0], evidence), 1.0
    if good:
        return good[0]
    if s[p] in nc["not_single"]:
        return None
    return options[0]


def _dash_after(s: str, end: int) -> bool:
    """A dash and more characters after a Chinese reading: a hyphened foreign name goes on (代表苏珊-赖斯)."""
    return s[end : end + 1] == "-" and is_cjk(s[end + 1 : end + 2])


def _hyphened(s: str, dash: int) -> tuple[int, float] | None:
    """The end of the transliterated part after the dash at ``dash`` (two characters at least)."""
    tl = _translit()
    end = dash + 1
    while end < len(s) and end - dash <= 8 and s[end] in tl:
        end += 1
    if follower_at(s, end) is None:
        end = _follower_inside(s, dash + 1, end)  # 迪亚斯-卡内尔热情迎接: not …卡内尔热
    if follower_at(s, end) is None:
        end = _followed_part(s, dash + 1) or end  # 国家主席朱马里-赛雅颂在, 国大党主席索尼娅-甘地在
    if end - dash - 1 < 2:
        return None
    return end, 1.0 if follower_at(s, end) is not None else 0.8


def _followed_part(s: str, p: int) -> int | None:
    """The end of two to four characters at ``p`` that a follower ends, none of them one that starts the
    words after a name (``not_foreign``), else None."""
    bad = R.name_chars()["not_foreign"]
    for end in range(p + 2, min(len(s), p + 4) + 1):
        if not all(is_cjk(c) and c not in bad for c in s[p:end]):
            return None
        if follower_at(s, end) is not None:
            return end
    return None


def tibetan_name(s: str, p: int) -> tuple[int, float] | None:
    """A Tibetan name at ``p``: two or three components of ``tibetan_syllables.tsv`` in a row
    (村民达瓦坚参热情迎接, 县委书记次仁顿珠为群众…); sure with a follower right after it, else weak."""
    syl = R.tibetan_syllables()
    if s[p : p + 2] not in syl or s[p + 2 : p + 4] not in syl:
        return None
    end = p + 6 if s[p + 4 : p + 6] in syl else p + 4
    return end, 1.0 if follower_at(s, end) is not None else 0.5


def _titled_word_name(s: str, p: int, sl: int) -> bool:
    """After a title, surname + a common word is a name when a follower stands right after the
    word and its characters may be a given name (省长刘江山主持: 江山 is a common word)."""
    end = p + sl + 2
    f = follower_at(s, end)
    bad = R.name_chars()["function"] if _given_after_title(s, p, sl) else R.name_chars()["not_given"]
    return bool(f) and not any(c in bad for c in s[p + sl : end])


_CONJ_IN_DOTTED = re.compile(r"[和与及同、]")


def _first_of_two(s: str, p: int, m: re.Match[str]) -> int:
    """Where the first of two dotted names joined by a conjunction ends (阿卜杜勒·塞西和西德基·苏卜希:
    8 such pairs in the bulk corpus), else the end of the match."""
    first_dot = s.find("·", p, m.end())
    for c in _CONJ_IN_DOTTED.finditer(s, first_dot + 1, m.end()):
        if s.find("·", c.end(), m.end()) != -1:
            return c.start()
    return m.end()


def _minority_name(s: str, p: int, m: re.Match[str]) -> tuple[int, float]:
    """A name of CJK runs joined by ``·``: the last part ends at the first follower (马吉德·拉什德
    先后致辞 → …拉什德), or where transliteration characters stop (路易斯·阿瓦尔卡下令 → …阿瓦尔卡)."""
    last = s.rfind("·", p, m.end()) + 1
    f1 = follower_at(s, last + 1)
    if f1 and (len(f1) >= 2 or (f1 in R.words()["conj"] and follower_at(s, last + 2) is None)):
        return last + 1, 1.0  # 特雷莎·梅通电话, 塞巴斯蒂安·科和国际…主席: a one-character last part
    tl = R.translit_chars()
    f_end = next((e for e in range(last + 2, m.end() + 1)
                  if follower_at(s, e) is not None and not s.startswith(_ABDU, e - 2)), None)
    t_end = next((e for e in range(last + 2, m.end()) if s[e] not in tl and all(c in tl for c in s[last:e])), None)
    t_end = None if t_end is None else _trim_last(s, last, t_end)
    if t_end is not None and t_end - last >= 3 and word_bucket(s[t_end - 1 : t_end + 1]) >= 2 \
            and follower_at(s, t_end) is None:  # not 阿米提|出席
        t_end -= 1  # 鲍里斯·约翰逊多次表示: a word runs out of the last part (as in _follower_inside)
    r_end = next((e for e in range(last + 2, m.end()) if role_at(s, e)), None)
    first_f = next((e for e in range(last + 1, m.end()) if follower_at(s, e) is not None), None)
    if r_end is not None and (first_f is None or r_end <= first_f) and (t_end is None or r_end <= t_end) \
            and not any(c in R.name_chars()["not_foreign"] for c in s[last:r_end]):
        return r_end, 1.0  # 艾力更·依明巴海副委员长主持会议 (a title after the name: 24 in bulk)
    if t_end is not None and regnal_end(s, t_end) > t_end:
        return regnal_end(s, t_end), 1.0  # 胡安·卡洛斯一世
    if t_end is not None and (f_end is None or f_end - t_end > 1 or follower_at(s, t_end) is not None):
        return _when_off(s, p, t_end), 1.0  # 路易斯·阿瓦尔卡下令对… → …阿瓦尔卡
    if f_end is not None:
        return _when_off(s, p, f_end), 1.0  # 艾尔肯·吐尼亚孜，… → …吐尼亚孜
    return m.end(), 0.5


# 阿不都 (Abdu-) opens Uyghur names, its 都 no follower there (阿不来提·阿不都热西提, 努尔兰·阿不都满金: 16 in bulk,
# read as ·阿不 before)
_ABDU = "阿不都"

_REGNAL = re.compile(r"[一二三四五六七八九十]{1,3}世")
_REGNAL_BEFORE = re.compile(r"[一二三四五六七八九十]{1,3}世$")
_NOT_REGNAL = frozenset("纪界代人间")  # 二十一世纪, 世界: no regnal number


def regnal_end(s: str, end: int) -> int:
    """The end of a regnal number written after a name (费利佩六世, 阿卜杜拉二世, 胡安·卡洛斯一世:
    about 120 in the bulk corpus) when a follower, or any word but 世纪/世界/世代 (查尔斯三世加冕), stands after
    it, else ``end``."""
    m = _REGNAL.match(s, end)
    return m.end() if m and (follower_at(s, m.end()) is not None or s[m.end() : m.end() + 1] not in _NOT_REGNAL) \
        else end


_WHEN_BEFORE = re.compile(r"在|会见|会晤|会谈|同|与")


def _when_off(s: str, p: int, end: int) -> int:
    """在会见阿拉丁·布鲁杰迪时表示: the 时 of 在…时 closing the clause is no part of the name
    (·X时 + 表示/说/指出/强调/，: 17 in bulk)."""
    if s[end - 1] != "时" or end - 1 <= s.rfind("·", p, end) + 2:
        return end
    clause = max(s.rfind(c, 0, p) for c in "，。；！？\n") + 1
    return end - 1 if _WHEN_BEFORE.search(s, clause, p) else end


def _readings(s: str, p: int, sl: int, allow_role_follow: bool, titled: bool = False) -> list[tuple[int, float]]:
    """``(end, confidence)`` of the name with a two- and a one-character given name after the
    surname of length ``sl``: 1.0 with a follower after it, else 0.5 (two) or 0.3 (one)."""
    nc = R.name_chars()
    bad = nc["not_given"]
    if titled and _given_after_title(s, p, sl):
        bad = R.name_chars()["function"]
    options: list[tuple[int, float]] = []
    # 成员严重违纪: when the first two characters are a common word, a three-character reading
    # needs a follower (王国庆出席 stays a name; 严重违 is none)
    bucket = word_bucket(s[p : p + 2]) if sl == 1 else 0
    word_first = bucket >= 3
    for g in (2, 1):
        end = p + sl + g
        if end > len(s):
            continue
        given = s[p + sl : end]
        if not all(is_cjk(c) and c not in bad for c in given) or given in nc["honorific"]:
            continue
        if g == 1 and bucket and (word_first or is_common_word(s, p, end)):  # 总书记希望
            continue
        if g == 2 and bucket and _model().score(s, p, end) < _WORD_START_FLOOR:
            continue  # 相信习主席, 国大党主席, 植物学教授: a word and one more character
        f = follower_at(s, end)
        if f is None and allow_role_follow and role_at(s, end):
            f = "role"
        if g == 2 and (f is None or f == "及" or (len(f) == 1 and f not in _ENDS_A_NAME)) \
                and _runs_into_word(s, end):
            continue
        if f is not None:
            options.append((end, 1.0))
        elif not (g == 2 and word_first):
            options.append((end, 0.5 if g == 2 else 0.3))
    return options


# followers after which a name may end in a character that makes a word with them (副省长王贵平等, 王贵平和)
_ENDS_A_NAME = frozenset("等和与同暨")


def _given_after_title(s: str, p: int, sl: int) -> bool:
    """Right after a title, a two-character given name may hold a character that words around names
    start with (党委书记崔向前说, 市长张新起表示: 前, 起) when a follower stands after it and none after
    the one-character reading."""
    end = p + sl + 2
    if _translit().issuperset(s[p:end]):
        return False  # 参议长恩里莱在: a transliterated name, read as such
    return end <= len(s) and follower_at(s, end) is not None and follower_at(s, end - 1) is None \
        and _model().score(s, p, end) >= _model().threshold  # not 总统后首次出访 (0.0), 主席要坚持


def _runs_into_word(s: str, end: int) -> bool:
    """The last character of a reading starts a frequent word that runs past it (外交部长王毅以及,
    副总理汪洋立即, 书记蔡奇经常, 主任李斌报告了: a word of jieba's dictionary seen 1,000 times or
    more, no name of its lists), and no follower word of two characters or more stands after the reading
    (副总理何立峰会见 keeps 峰), nor 等 or a conjunction but 及 (副省长王贵平等, 王贵平和 keep 平). The
    word after the reading must be rarer than the one it would cut (梅建军马上: 军马 is no more frequent than 马上)."""
    b = word_bucket(s[end - 1 : end + 1])
    return end < len(s) and b >= 3 and word_bucket(s[end : end + 2]) < b


# a three-character reading whose first two characters are a common word is no name when the
# name model gives it less than this: in 3,000 bulk stories (seeds 2026, 77, 123) the 14 such
# names were all false (相信习 贯彻习 希望习 + 主席/总书记, 国大党 国民党 劳动党 + 主席, 植物学教授,
# 首站来, 巩固平, 植根人, 香农时, 毛南族, 苏尔特, 长江口北 → 地处长|江口北); real ones score higher
# (王国生 0.67, 黄金宝 0.93) or are no common word (信长星)
_WORD_START_FLOOR = 0.1


def is_common_word(s: str, p: int, end: int, frequent: bool = False) -> bool:
    """``s[p:end]`` is a common word, not a name: 总书记希望, 领导人达成, 总理定期, 委员学习 (a title and
    the word after it; bulk: 244 such title + word in 218 stories, 领导人达成 117, 总理定期 34,
    总书记希望 18). A word of jieba's dictionary that its name list does not hold: seen 1,000 times or
    more (达成, 提问, 定期, 宣布), never a name — in a 2,000-story sample every such two-character
    "name" was a false one; seen 100 times or more (回应, 通话, 风采; but 普京, 安南, 苏林), a name only
    at the name model's threshold; seen 10 times or more, a name unless the model is far below it (0.3).
    ``frequent``: only the first kind (a word seen 1,000 times or more), whatever the model says."""
    bucket = word_bucket(s[p:end])
    if not bucket:
        return False
    if bucket >= 3:
        return True
    if frequent:
        return False
    model = _model()
    return model.score(s, p, end) < (model.threshold if bucket == 2 else 0.3)


@lru_cache(maxsize=1)
def _model() -> NameModel:
    from .namemodel import load_model

    return load_model()


def word_bucket(w: str) -> int:
    """The order of magnitude of ``w``'s frequency as a common word (jieba's dictionary), 0 when it
    is none or a name of the name lists."""
    model = _model()
    b = model.word_buckets.get(w)
    if b is None or b == "-" or w in model.name_buckets:
        return 0
    return int(b)


def _longer_or_shorter(s: str, p: int, long_end: int, short_end: int, evidence: dict[str, int] | None) -> int:
    """Both readings have a follower: which end the name has."""
    # 卢山一同参加: the shorter reading is followed by a whole word (一同), the longer only by
    # a single character that is left over from it (同)
    f_short = follower_at(s, short_end) or ""
    f_long = follower_at(s, long_end) or ""
    if len(f_short) >= 2 and len(f_long) <= 1 and is_cjk(f_long[:1]):
        return short_end
    if len(f_short) >= 3 and short_end + len(f_short) > long_end + len(f_long):
        return short_end  # 李希致欢迎辞: the shorter reading's follower word runs past the longer one's (欢迎)
    # 谢元和市政府…: the third character is a conjunction and the shorter reading is followed
    # by it; keep the shorter unless the document has the longer name elsewhere.
    if s[long_end - 1] in R.words()["conj"] and s.startswith("、", long_end):
        # 厉无畏、罗富和、陈宗兴: no conjunction stands before 、 (、罗富和、 12, 、魏凤和、 11, 、饶子和、 1 in bulk)
        return long_end
    if s[long_end - 1] in R.words()["conj"]:
        long_name = s[p:long_end]
        if not (evidence and evidence.get(long_name, 0) > 1):
            return short_end
    # 王晨作的关于…的说明: the longer reading ends in a one-character follower (作) and only 的
    # follows it (X作的关于/报告/汇报: 316 in the bulk corpus); keep the shorter unless the
    # document has the longer name elsewhere
    if f_long == "的" and follower_at(s, long_end - 1) == s[long_end - 1] \
            and not (evidence and evidence.get(s[p:long_end], 0) > 1):
        return short_end
    # 郑灵借调研: both readings stand before a follower (借, 调研); the statistical name model
    # says which span reads as a name
    from .namemodel import load_model

    model = load_model()
    if model.score(s, p, short_end) > model.score(s, p, long_end) + 0.1:
        return short_end
    return long_end


def _trim_last(s: str, p: int, end: int) -> int:
    """A transliterated run ends before the characters no such name of three or more ends with
    (拉伊拉·奥廷加得票率: 得 is inside 彼得森, never last)."""
    while end - p > 2 and s[end - 1] in R.name_chars()["not_last_foreign"]:
        end -= 1
    return end


def _translit() -> frozenset[str]:
    return R.translit_chars()


def read_foreign_name(s: str, p: int) -> tuple[int, float] | None:
    """A transliterated name (拜登, 米尔济约耶夫, 马吉德·拉什德): the longest run of
    transliteration characters (``·`` allowed inside), at least two characters, ending where the
    run ends (托卡耶夫举行 → 托卡耶夫)."""
    tl = _translit()
    if p >= len(s) or s[p] not in tl:
        return None
    end = p
    limit = min(len(s), p + 24)
    while end < limit and (s[end] in tl or (s[end] in "·-" and end + 1 < len(s) and s[end + 1] in tl)):
        end += 1
    end = _trim_last(s, p, end)
    if s[p : p + 2] in R.not_names() and end - p < 4:
        return None  # 埃塞两国, 美俄: a word; 埃塞卜西 (a run of four) a name
    if end - p < 2 or (end - p > 8 and "·" not in s[p:end] and "-" not in s[p:end]) \
            or (end - p == 2 and is_common_word(s, p, end)):
        return None
    if regnal_end(s, end) > end:
        return regnal_end(s, end), 1.0  # 费利佩六世
    special = s.find("特别", p, end)
    if special == p:
        return None  # 总书记特别提到: an adverb after a title, no name
    if special != -1:
        end = special  # 总统奥巴马特别代表, 前总统里根特别助理: 特别 opens the next title (特、别 transliterate)
    if follower_at(s, end) is None:
        end = _follower_inside(s, p, end)
    return end, 1.0 if follower_at(s, end) is not None else 0.8


def _follower_inside(s: str, p: int, end: int) -> int:
    """The end of a transliterated run that runs into a follower word of two or more characters
    (梅德韦杰夫通电话: 通 is a transliteration character; 同X通电话 99 times in the bulk corpus): the
    run is cut where that word starts, leaving at least two characters."""
    firsts = R.long_follower_firsts()
    for e in range(end - 1, p + 1, -1):
        if s[e] not in firsts:
            continue
        f = follower_at(s, e)
        if f and len(f) >= 2 and e + len(f) > end:
            return e
    if end - p >= 3 and word_bucket(s[end - 1 : end + 1]) >= 2:
        return end - 1  # 总统普京施压, 总统埃尔多安本月, 前总统奥巴马达成: a word runs out of the run
    return end


def read_free_name(s: str, p: int) -> tuple[int, float] | None:
    """A foreign name in characters of no transliteration table, read only right after a foreign
    head's title (日本首相安倍晋三会见, 蒙古国总统呼日勒苏赫在, 日本众议院议长大岛理森表示): two to
    seven CJK characters (额勒贝格道尔吉) up to the first follower, none of them a verb or function word that starts
    the words after a name (``not_foreign`` in name_chars.tsv; 一 only inside: 玄叶光一郎), not a
    common word, not a role. Japanese and Mongolian names are written so; the transliteration
    characters cut them (安倍晋, 呼日勒)."""
    if p >= len(s) or not is_cjk(s[p]) or is_not_name(s, p) or follower_at(s, p) is not None:
        return None
    nc, tl = R.name_chars(), _translit()
    if role_at(s, p) or s[p] in nc["never_first"]:
        return None
    for end in range(p + 1, min(len(s), p + 7) + 1):
        c = s[end - 1]
        if end - 1 - p >= 3 and c in nc["not_foreign"] and word_bucket(s[end - 1 : end + 1]) >= 2 \
                and word_bucket(s[end - 2 : end]) == 0 \
                and all(word_bucket(s[i : i + 2]) < 2 for i in range(p, end - 2)):
            # 日本首相安倍晋三参拜靖国神社: a frequent word that starts with such a character ends a name
            # of three characters or more that holds no word (汉堡峰|会上, 防卫相…) nor one across the cut
            return (end - 1, 1.0) if _free_name_ok(s, p, end - 1, tl) else None
        if not is_cjk(c) or (c in nc["not_foreign"] and not (c == "一" and end - 1 > p)):
            return None
        if end == p + 1:
            continue
        f = follower_at(s, end)
        if f is not None and f != "·":
            return (end, 1.0) if _free_name_ok(s, p, end, tl) else None
    return None


def _free_name_ok(s: str, p: int, end: int, tl: frozenset[str]) -> bool:
    """``s[p:end]`` holds no common word nor role (热情迎接, 莱希祝伟大: words, not a name)."""
    return not (word_bucket(s[p:end]) >= (2 if end - p >= 3 else 1) or role_at(s, end - 2) or any(
        word_bucket(s[i : i + 2]) >= (3 if i == p else 2) and not tl.issuperset(s[i : i + 2])
        for i in range(p, end - 1)))


def read_foreign_name_before(s: str, end: int) -> int | None:
    """Start of a transliterated name that ends at ``end`` (特朗普总统 → 特朗普), else None."""
    tl = _translit()
    regnal = _REGNAL_BEFORE.search(s, max(0, end - 4), end)  # 查尔斯三世国王 (32 such before a royal title in bulk)
    stop = regnal.start() if regnal is not None else end
    p = stop
    while p > 0 and (s[p - 1] in tl or (s[p - 1] == "·" and p - 2 >= 0 and s[p - 2] in tl)):
        p -= 1
        if stop - p >= 8:
            break
    if stop - p < 2:
        return None
    return p
