#!/usr/bin/env python3
"""Build ganbu's generated lexicon tables from the shared reference data.

    python scripts/build_lexicons.py [SHARED_DATA_DIR] [--out DIR] [--check]

SHARED_DATA_DIR defaults to ``../shared/data`` relative to the repository root (the folder
holding ``areacodes/result.csv`` and ``surnames/family_names.csv``). Writes, into ``--out``
(default ``src/ganbu/lang/data``):

* ``divisions.tsv`` -- every county-level-and-above division 1981-2024, with a news short form;
* ``surnames.tsv``  -- surnames with frequency, known typos fixed, a few added by hand.

Output is deterministic (sorted, no timestamps): regenerating from the same input gives the
same bytes, which ``tests/test_lexicon.py`` checks. When ``--out`` holds a ``MANIFEST.md``, the
sha256 lines of its data files (including the hand-written ``orgs.tsv``) are refreshed, so run
this script after editing ``orgs.tsv`` too. ``--check`` writes nothing and exits 1 when the
files in ``--out`` differ from what would be generated.

Only the standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = REPO_ROOT / "src" / "ganbu" / "lang" / "data"

AREACODES_SOURCE = (
    "yescallop/areacodes @ eed219a0678d36bacaa717f62443b10e869f0291 (data from the Ministry of Civil Affairs)"
)
AREACODES_LICENCE = "CC0 1.0 Universal (public domain dedication)"
AREACODES_AS_OF = "2024-12-31"
SURNAMES_SOURCE = (
    "wainshine/Chinese-Names-Corpus @ 47d4af8d816f6212787ddfc49173cac3b994b58d, "
    "Chinese_Names_Corpus/Chinese_Family_Name（1k）.xlsx, converted to CSV"
)
SURNAMES_LICENCE = "Apache-2.0 (this derived table is distributed under the same licence)"

LEVELS = {"省级": "province", "地级": "prefecture", "县级": "county"}

# --------------------------------------------------------------------------- short forms

# The five autonomous regions, as the spec names them.
_PROVINCE_SHORT = {
    "广西壮族自治区": "广西",
    "新疆维吾尔自治区": "新疆",
    "宁夏回族自治区": "宁夏",
    "内蒙古自治区": "内蒙古",
    "西藏自治区": "西藏",
}

# The 56 officially recognised ethnic groups (plus the pre-1986 spelling 毛难), written as they
# appear inside the names of autonomous prefectures, counties and banners.
_ETHNIC = [
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "毛难",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
# "X族" always; bare multi-character names too (博尔塔拉蒙古自治州, 伊犁哈萨克自治州 ...); "各族".
_ETHNIC_SUFFIXES = tuple(
    sorted({e + "族" for e in _ETHNIC} | {e for e in _ETHNIC if len(e) >= 2} | {"各族"}, key=lambda s: (-len(s), s))
)

# Exceptions where the generic rules would give a wrong short form.
_SHORT_EXCEPTIONS = {
    "神农架林区": "神农架",  # 林区 is part of the unit type, but 万柏林区/碑林区 are ordinary 区
    "海南行政区": "海南",
}

# Suffixes tried longest first; when stripping one leaves fewer than 2 characters the next
# (shorter) one is tried, so 清新区 → 清新 while 浦东新区 → 浦东.
_SUFFIXES = {
    "province": ("特别行政区", "省", "市"),
    "prefecture": ("地区", "盟", "市"),
    "county": ("联合旗", "工农区", "工矿区", "新区", "矿区", "特区", "区", "县", "市", "旗"),
}
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")


def _strip_ethnic(base: str) -> str | None:
    """Remove trailing ethnic names (黔东南苗族侗族 → 黔东南); None if nothing of ≥2 chars remains."""
    changed = True
    while changed:
        changed = False
        for e in _ETHNIC_SUFFIXES:
            if base.endswith(e) and len(base) - len(e) >= 2:
                base = base[: -len(e)]
                changed = True
                break
    if any(base.endswith(e) for e in _ETHNIC_SUFFIXES):
        return None  # 东乡族自治县, 鄂温克族自治旗, 鄂伦春自治旗: the name *is* the ethnic group
    return base


def short_form(name: str, level: str) -> str:
    """The common short form used in news, or "" when there is none."""
    if name in _SHORT_EXCEPTIONS:
        return _SHORT_EXCEPTIONS[name]
    if level == "province" and name in _PROVINCE_SHORT:
        return _PROVINCE_SHORT[name]
    for suf in _AUTONOMOUS:
        if name.endswith(suf) and level != "province":
            base = _strip_ethnic(name[: -len(suf)])
            return base if base and len(base) >= 2 else ""
    for suf in _SUFFIXES[level]:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            rest = name[: -len(suf)]
            if suf == "旗" and rest[-1] in "左右前后中":
                return ""  # 阿拉善左旗, 乌拉特中旗: news keeps the full name (or 阿左旗)
            return rest
    return ""


# --------------------------------------------------------------------------- helpers


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tsv(rows: list[list[str]]) -> str:
    for r in rows:
        for cell in r:
            if "\t" in cell or "\n" in cell or "\r" in cell:
                raise ValueError(f"cell contains a tab or newline: {r!r}")
    return "".join("\t".join(r) + "\n" for r in rows)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# --------------------------------------------------------------------------- divisions


def build_divisions(shared: Path) -> str:
    src = shared / "areacodes" / "result.csv"
    rows = _read_csv(src)
    out: list[list[str]] = []
    for r in rows:
        level = LEVELS[r["级别"]]
        name = r["名称"].strip()
        code = r["代码"].strip()
        if not re.fullmatch(r"\d{6}", code):
            raise ValueError(f"bad code {code!r} in {src}")
        prov = r["一级行政区"].strip()
        pref = r["二级行政区"].strip()
        if level == "province":
            prov, pref = "", ""
        elif level == "prefecture" or pref == "直辖":
            pref = ""
        valid_from = r["启用时间"].strip()
        valid_to = r["变更/弃用时间"].strip()
        for y in (valid_from, valid_to):
            if y and not re.fullmatch(r"\d{4}", y):
                raise ValueError(f"bad year {y!r} for {code} {name}")
        out.append([code, name, short_form(name, level), level, prov, pref, valid_from, valid_to])
    out.sort(key=lambda x: (x[0], x[6], x[7] or "9999", x[1]))
    header = [
        "# divisions.tsv: Chinese administrative divisions at county level and above, 1981-2024, one row per code and period",  # noqa: E501
        "# GENERATED by scripts/build_lexicons.py from areacodes/result.csv; do not edit by hand",
        f"# source: {AREACODES_SOURCE}",
        f"# licence: {AREACODES_LICENCE}",
        f"# data as of: {AREACODES_AS_OF}; input sha256: {sha256_file(src)}",
        "# level: province|prefecture|county; province/prefecture: containing units (empty where n/a, or directly administered)",  # noqa: E501
        "# valid_from: first year in use; valid_to: year it was changed or abolished (empty while in use); short: news short form or empty",  # noqa: E501
    ]
    cols = ["code", "name", "short", "level", "province", "prefecture", "valid_from", "valid_to"]
    return "\n".join(header) + "\n" + _tsv([cols, *out])


# --------------------------------------------------------------------------- surnames

TYPOS = {"殴阳": "欧阳", "冷狐": "令狐", "夏候": "夏侯"}

# Added by hand with frequency 0. Double surnames: the compound surnames of the 百家姓 that are
# missing from the corpus (word-like ones such as 微生/东门/归海 are left out on purpose).
# Single surnames: seen among officials, missing from the corpus.
ADDED_DOUBLE = [
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "令狐",
    "端木",
    "轩辕",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "万俟",
    "澹台",
    "公冶",
    "宗政",
    "濮阳",
    "太史",
    "申屠",
    "钟离",
    "闻人",
    "赫连",
    "拓跋",
    "单于",
    "东郭",
    "公良",
    "漆雕",
    "壤驷",
    "子车",
    "夹谷",
    "宰父",
    "谷梁",
    "羊舌",
    "梁丘",
    "仲孙",
    "颛孙",
    "巫马",
    "公西",
    "乐正",
    "闾丘",
    "鲜于",
    "淳于",
    "司空",
    "司寇",
    "亓官",
    "太叔",
    "公羊",
    "左丘",
    "南门",
    "段干",
    "第五",
]
ADDED_SINGLE = [
    "暨",
    "禹",
    "栗",
    "靳",
    "覃",
    "麻",
    "仝",
    "咸",
    "寇",
    "谌",
    "訾",
    "逯",
    "亓",
    "蔺",
    "揭",
    "阚",
    "郇",
    "笪",
    "佘",
    "缪",
    "隋",
    "甄",
    "厍",
    "矫",
    "盖",
    "眭",
    "那",
    "宁",
    "么",
    "展",
    "冼",
    "衣",
    "乜",
    "母",
    "贠",
    "冮",
    "郤",
    "逄",
    "禚",
    "隗",
    "仉",
    "邴",
    "郄",
    "昝",
    "綦",
    "菅",
    "琚",
    "禤",
    "庹",
]


def build_surnames(shared: Path) -> str:
    src = shared / "surnames" / "family_names.csv"
    rows = _read_csv(src)
    freq: dict[str, Decimal] = {}
    fixed = []
    for r in rows:
        name = r["NameB"].strip()
        tf = r["TF"].strip()
        if not name or not re.fullmatch(r"\d+(\.\d+)?", tf):
            raise ValueError(f"bad surname row {r!r} in {src}")
        if name in TYPOS:
            fixed.append(f"{name}→{TYPOS[name]}")
            name = TYPOS[name]
        freq[name] = freq.get(name, Decimal(0)) + Decimal(tf)
    # TF has one decimal below 100 (萧 73.9); the table keeps integers, rounded half up.
    counts = {s: int(f.quantize(Decimal(1), rounding=ROUND_HALF_UP)) for s, f in freq.items()}
    added = []
    for s in ADDED_DOUBLE + ADDED_SINGLE:
        if s not in counts:
            counts[s] = 0
            added.append(s)
    out = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    header = [
        "# surnames.tsv: Chinese surnames (simplified characters) with their frequency (TF) in the source corpus, rounded to an integer",  # noqa: E501
        "# GENERATED by scripts/build_lexicons.py from surnames/family_names.csv; do not edit by hand",
        f"# source: {SURNAMES_SOURCE}",
        f"# licence: {SURNAMES_LICENCE}",
        f"# input sha256: {sha256_file(src)}",
        f"# typos fixed (rows merged into the correct surname, frequencies summed): {' '.join(sorted(fixed))}",
        f"# added by hand with freq 0 (missing from the corpus): {' '.join(added)}",
    ]
    return "\n".join(header) + "\n" + _tsv([["surname", "freq"]] + [[s, str(n)] for s, n in out])


# --------------------------------------------------------------------------- manifest

_MANIFEST_BEGIN = "<!-- sha256:begin -->"
_MANIFEST_END = "<!-- sha256:end -->"
MANIFEST_FILES = ("divisions.tsv", "surnames.tsv", "orgs.tsv")


def manifest_block(out: Path) -> str:
    lines = [_MANIFEST_BEGIN, "| file | sha256 |", "|---|---|"]
    for name in MANIFEST_FILES:
        p = out / name
        if p.exists():
            lines.append(f"| {name} | `{sha256_file(p)}` |")
    lines.append(_MANIFEST_END)
    return "\n".join(lines)


def update_manifest(out: Path) -> bool:
    path = out / "MANIFEST.md"
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    i, j = text.find(_MANIFEST_BEGIN), text.find(_MANIFEST_END)
    if i < 0 or j < 0:
        raise SystemExit(f"{path}: missing {_MANIFEST_BEGIN} / {_MANIFEST_END} markers")
    new = text[:i] + manifest_block(out) + text[j + len(_MANIFEST_END) :]
    if new != text:
        path.write_text(new, encoding="utf-8", newline="\n")
    return True


# --------------------------------------------------------------------------- main


def generate(shared: Path) -> dict[str, str]:
    return {"divisions.tsv": build_divisions(shared), "surnames.tsv": build_surnames(shared)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "shared", nargs="?", type=Path, default=DEFAULT_SHARED, help="shared reference data dir (default: %(default)s)"
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output dir (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on difference")
    args = ap.parse_args(argv)
    for sub in ("areacodes/result.csv", "surnames/family_names.csv"):
        if not (args.shared / sub).is_file():
            print(f"build_lexicons: {args.shared / sub} not found", file=sys.stderr)
            return 2
    files = generate(args.shared)
    if args.check:
        bad = [
            n
            for n, text in files.items()
            if not (args.out / n).is_file() or (args.out / n).read_bytes() != text.encode("utf-8")
        ]
        for n in bad:
            print(f"build_lexicons: {args.out / n} is out of date", file=sys.stderr)
        return 1 if bad else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_bytes(text.encode("utf-8"))
        rows = sum(1 for line in text.splitlines() if not line.startswith("#")) - 1
        print(f"wrote {args.out / name} ({rows} rows)")
    if update_manifest(args.out):
        print(f"updated sha256 lines in {args.out / 'MANIFEST.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
