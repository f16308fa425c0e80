"""The bundled lexicons: real content, consistency, and reproducibility from the shared data."""
from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from ganbu.lang import lexicon as L
from ganbu.errors import BadArgument, DataError

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
SCRIPT = REPO / "scripts" / "build_lexicons.py"


def _by_name(name: str) -> list[L.Division]:
    return [d for d in L.load_divisions() if d.name == name]


def _org(canonical: str) -> L.Org:
    (o,) = [o for o in L.load_orgs() if o.canonical == canonical]
    return o


# --------------------------------------------------------------------------- divisions


def test_province_short_forms():
    (zj,) = _by_name("浙江省")
    assert (zj.code, zj.short, zj.level, zj.province, zj.prefecture) == ("330000", "浙江", "province", "", "")
    assert zj.valid_from == 1981 and zj.valid_to is None
    shorts = {d.name: d.short for d in L.load_divisions() if d.level == "province"}
    assert shorts["广西壮族自治区"] == "广西"
    assert shorts["新疆维吾尔自治区"] == "新疆"
    assert shorts["宁夏回族自治区"] == "宁夏"
    assert shorts["内蒙古自治区"] == "内蒙古"
    assert shorts["西藏自治区"] == "西藏"
    assert shorts["香港特别行政区"] == "香港"
    assert shorts["北京市"] == "北京"
    assert len({d.code for d in L.divisions_as_of(2024) if d.level == "province"}) == 34


def test_prefecture_and_county_short_forms():
    def short(name: str) -> str:
        return _by_name(name)[0].short

    assert short("延边朝鲜族自治州") == "延边"
    assert short("黔东南苗族侗族自治州") == "黔东南"
    assert short("博尔塔拉蒙古自治州") == "博尔塔拉"
    assert short("锡林郭勒盟") == "锡林郭勒"
    assert short("阿里地区") == "阿里"
    assert short("鄞州区") == "鄞州"
    assert short("浦东新区") == "浦东"
    assert short("神农架林区") == "神农架"
    assert short("万柏林区") == "万柏林"
    assert short("双江拉祜族佤族布朗族傣族自治县") == "双江"
    assert short("龙胜各族自治县") == "龙胜"
    assert short("莫力达瓦达斡尔族自治旗") == "莫力达瓦"
    # too short or not a place name on its own: no short form
    assert short("城区") == ""
    assert short("东乡族自治县") == ""
    assert short("鄂温克族自治旗") == ""
    assert short("阿拉善左旗") == ""


def test_containing_units():
    (yz,) = [d for d in _by_name("鄞州区") if d.valid_to is None]
    assert (yz.level, yz.province, yz.prefecture) == ("county", "浙江省", "宁波市")
    (dc,) = [d for d in _by_name("东城区") if d.code == "110101"]
    assert (dc.province, dc.prefecture) == ("北京市", "")  # directly under a municipality
    (nb,) = _by_name("宁波市")
    assert (nb.level, nb.province, nb.prefecture) == ("prefecture", "浙江省", "")


def test_former_units_kept_with_years():
    (xf,) = _by_name("襄樊市")
    (xy,) = _by_name("襄阳市")
    assert xf.code == xy.code == "420600"
    assert (xf.valid_from, xf.valid_to) == (1981, 2010)
    assert (xy.valid_from, xy.valid_to) == (2010, None)
    assert xf in L.divisions_as_of(2009) and xf not in L.divisions_as_of(2010)
    assert xy in L.divisions_as_of(2010) and xy not in L.divisions_as_of(2009)
    assert xf.short == "襄樊"
    assert L.divisions_as_of(None) == L.load_divisions()


def test_divisions_well_formed():
    ds = L.load_divisions()
    assert len(ds) > 6500
    assert {d.level for d in ds} == set(L.LEVELS)
    keys = [(d.code, d.valid_from) for d in ds]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for year in (1990, 2010, 2024):
        live = L.divisions_as_of(year)
        assert len({d.code for d in live}) == len(live), year  # one row per code at any time
    assert all(d.valid_to is None or d.valid_from < d.valid_to for d in ds)
    assert all(not d.short or (len(d.short) >= 2 and d.short != d.name) for d in ds)
    with pytest.raises(BadArgument):
        L.divisions_as_of("2020")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- surnames


def test_surnames():
    s = L.load_surnames()
    assert s["王"] == 9520 and s["李"] > s["欧阳"] > 0
    assert "欧阳" in s and "殴阳" not in s
    assert "令狐" in s and "冷狐" not in s
    assert "夏侯" in s and "夏候" not in s
    for name in "暨 禹 栗 靳 覃 麻 仝 咸 寇 谌 訾 逯 亓 蔺 揭 阚 郇 笪 佘 缪 隋 甄 厍 矫 盖 眭 那 宁 么 展 冼 衣 乜 母 第五".split():
        assert name in s, name
    for name in "司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 端木 轩辕 万俟 澹台 拓跋 单于".split():
        assert name in s, name
    assert s["贠"] == 0  # added by hand
    assert all(1 <= len(k) <= 2 for k in s)
    s["王"] = -1  # callers get a copy
    assert L.load_surnames()["王"] == 9520


def test_added_surnames_are_simplified():
    opencc = pytest.importorskip("opencc")
    t2s = opencc.OpenCC("t2s")
    added = [k for k, v in L.load_surnames().items() if v == 0]
    assert added
    assert [k for k in added if t2s.convert(k) != k] == []


# --------------------------------------------------------------------------- organisations


def test_org_table_is_consistent():
    orgs = L.load_orgs()
    assert len(orgs) >= 250
    assert L.org_problems() == []  # sorted, dates ordered, parents exist, no overlapping alias
    assert {o.kind for o in orgs} <= set(L.KINDS)
    assert all(o.source for o in orgs)
    assert len({o.canonical for o in orgs}) == len(orgs)


def test_org_problems_detects_collisions():
    orgs = L.load_orgs()
    a = _org("中国国家铁路集团有限公司")
    clash = L.Org("中国测试集团有限公司", "soe", ("国铁集团",), "2020", None, None, "test")
    found = L.org_problems(tuple(sorted(orgs + (clash,), key=lambda o: (o.kind, o.canonical))))
    assert any("国铁集团" in p for p in found)
    # the same alias used by successive bodies is fine when the periods only touch
    later = L.Org("中国测试集团有限公司", "soe", ("国铁集团",), "2099-01-01", None, None, "test")
    earlier = L.Org(a.canonical, a.kind, a.aliases, a.valid_from, "2099-01-01", a.parent, a.source)
    rest = tuple(o for o in orgs if o.canonical != a.canonical)
    assert L.org_problems(tuple(sorted(rest + (earlier, later), key=lambda o: (o.kind, o.canonical)))) == []


def test_alias_index_examples():
    idx = L.org_alias_index()
    assert idx["国铁集团"].canonical == "中国国家铁路集团有限公司"
    assert idx["国家铁路集团"].canonical == "中国国家铁路集团有限公司"
    assert idx["航天科工"].canonical == "中国航天科工集团有限公司"
    assert idx["中国航天科工集团"].canonical == "中国航天科工集团有限公司"
    assert idx["中国航发"].canonical == "中国航空发动机集团有限公司"
    assert idx["中航工业"].canonical == "中国航空工业集团有限公司"
    assert idx["中国中车"].canonical == "中国中车集团有限公司"
    assert idx["中建集团"].canonical == "中国建筑集团有限公司"
    assert idx["国家电网"].canonical == "国家电网有限公司"
    assert idx["国药集团"].canonical == "中国医药集团有限公司"
    assert idx["南水北调集团"].canonical == "中国南水北调集团有限公司"
    assert idx["中国化学"].canonical == "中国化学工程集团有限公司"
    assert idx["中节能"].canonical == "中国节能环保集团有限公司"
    assert idx["中粮"].canonical == "中粮集团有限公司"
    sasac = idx["国资委"]
    assert sasac.canonical == "国务院国有资产监督管理委员会" and sasac.kind == "commission"
    assert idx["商务部"].canonical == "中华人民共和国商务部" and idx["商务部"].kind == "ministry"
    assert idx["中宣部"].canonical == "中国共产党中央委员会宣传部" and idx["中宣部"].kind == "party_central"
    assert idx["中央网信办"] is idx["国家网信办"]
    assert idx["中国科协"].kind == "mass_org"
    assert idx["最高检"].kind == "court"
    assert idx["新华社"].kind == "institution"
    assert idx["国家开发银行"].kind == "bank"
    assert idx["中国人民银行"].kind == "ministry"


def test_every_current_ministry_has_its_bare_name():
    idx = L.org_alias_index()
    ministries = [o for o in L.load_orgs() if o.kind == "ministry" and o.valid_to is None]
    assert len(ministries) == 26
    for o in ministries:
        bare = o.canonical.removeprefix("中华人民共和国")
        assert bare in o.surfaces, o.canonical
        assert idx[bare] is o


def test_sasac_groups():
    sasac = [o for o in L.load_orgs() if o.kind == "soe" and o.parent == "国务院国有资产监督管理委员会"]
    current = [o for o in sasac if o.valid_to is None]
    assert 95 <= len(current) <= 102
    as_of_2025 = [o for o in sasac if o.valid_on("2025-12-31")]
    assert len(as_of_2025) == 100  # SASAC directory after 中国长安汽车集团 (2025-07-29)


def test_cbirc_and_successions():
    cbirc = L.org_alias_index()["银保监会"]
    assert cbirc.canonical == "中国银行保险监督管理委员会" and cbirc.kind == "agency"
    assert cbirc.valid_from.startswith("2018") and cbirc.valid_to.startswith("2023")
    assert cbirc.valid_on("2018") and cbirc.valid_on("2023") and cbirc.valid_on("2020-06-01")
    assert not cbirc.valid_on("2017-12-31") and not cbirc.valid_on("2024-01-01")
    assert L.org_alias_index()["中国银保监会"] is cbirc
    nfra = L.org_alias_index()["金融监管总局"]
    assert nfra.valid_from == cbirc.valid_to
    old_rail = L.org_alias_index()["中国铁路总公司"]
    assert old_rail.valid_to == _org("中国国家铁路集团有限公司").valid_from == "2019-06-18"
    for former in ("中国南车", "中国北车", "宝钢集团", "武钢集团", "中国化工", "中电投", "国家核电", "神华集团", "国电集团"):
        assert L.org_alias_index()[former].valid_to, former


def test_alias_shared_over_time_resolves_by_date():
    assert L.org_alias_index("2020-01-01")["中化集团"].canonical == "中国中化集团有限公司"
    assert L.org_alias_index("2021-05-07")["中化集团"].canonical == "中国中化集团有限公司"
    assert L.org_alias_index("2021-05-08")["中化集团"].canonical == "中国中化控股有限责任公司"
    assert L.org_alias_index()["中化集团"].canonical == "中国中化控股有限责任公司"
    assert L.org_alias_index("1995")["国家计委"].canonical == "中华人民共和国国家计划委员会"
    assert L.org_alias_index("2000-06-30")["国家计委"].canonical == "中华人民共和国国家发展计划委员会"
    # gap between 2013 and 2018: 国家广电总局 names neither body; the one that ended last wins
    assert L.org_alias_index("2015")["国家广电总局"].canonical == "国家广播电影电视总局"
    assert L.org_alias_index("2019")["国家广电总局"].canonical == "国家广播电视总局"
    assert L.org_alias_index("2020")["国务院港澳办"].canonical == "国务院港澳事务办公室"
    assert L.org_alias_index("2024")["国务院港澳办"].canonical == "中共中央港澳工作办公室"
    # an abolished body still resolves in later texts (原国家计生委)
    assert L.org_alias_index("2024-01-01")["国家计生委"].valid_to
    from datetime import date

    assert L.org_alias_index(date(2021, 5, 8))["中化集团"].canonical == "中国中化控股有限责任公司"
    with pytest.raises(BadArgument):
        L.org_alias_index("May 2021")


def test_no_alias_collides():
    by_surface: dict[str, list[L.Org]] = {}
    for o in L.load_orgs():
        for s in o.surfaces:
            by_surface.setdefault(s, []).append(o)
    shared = {s: [o.canonical for o in os] for s, os in by_surface.items() if len(os) > 1}
    # every shared surface belongs to bodies that succeeded each other
    for s, names in shared.items():
        orgs = by_surface[s]
        for i, a in enumerate(orgs):
            for b in orgs[i + 1:]:
                assert a.valid_to and b.valid_from and a.valid_to <= b.valid_from or (
                    b.valid_to and a.valid_from and b.valid_to <= a.valid_from
                ), (s, names)
    assert set(shared) == {"国家计委", "国家广电总局", "广电总局", "中化集团", "国务院港澳事务办公室", "国务院港澳办"}
    assert all(a and a == a.strip() and "|" not in a for o in L.load_orgs() for a in o.aliases)


def test_alias_index_returns_a_copy():
    idx = L.org_alias_index()
    idx.clear()
    assert L.org_alias_index()["国资委"]


# --------------------------------------------------------------------------- files, errors, speed


def test_manifest_checksums_match():
    entries = {e["file"]: e["sha256"] for e in L.data_manifest()}
    assert set(entries) == {"divisions.tsv", "surnames.tsv", "orgs.tsv"}
    for name, digest in entries.items():
        data = resources.files("ganbu.lang").joinpath("data", name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, f"{name}: run scripts/build_lexicons.py"


def test_files_have_source_and_licence_comments():
    for name in ("divisions.tsv", "surnames.tsv", "orgs.tsv"):
        head = resources.files("ganbu.lang").joinpath("data", name).read_text(encoding="utf-8").split("\n", 8)[:8]
        text = "\n".join(head)
        assert head[0].startswith("#") and "licence" in text, name


def test_missing_or_malformed_file_raises_data_error(monkeypatch):
    with pytest.raises(DataError) as e:
        L._read_table("no-such-file.tsv", ("a",))
    assert e.value.input == "no-such-file.tsv" and e.value.code == "E301"
    with pytest.raises(DataError) as e:
        L._read_table("surnames.tsv", ("surname", "frequency"))
    assert "header" in e.value.message

    class Fake:
        def __init__(self, text):
            self.text = text

        def joinpath(self, *names):
            return self

        def read_bytes(self):
            return self.text.encode("utf-8")

    monkeypatch.setattr(L._res, "files", lambda pkg: Fake("# c\nsurname\tfreq\n王\t1\t2\n"))
    with pytest.raises(DataError, match="3 fields"):
        L._read_table("surnames.tsv", L.SURNAME_COLUMNS)
    monkeypatch.setattr(L._res, "files", lambda pkg: Fake("# only comments\n"))
    with pytest.raises(DataError, match="no header"):
        L._read_table("surnames.tsv", L.SURNAME_COLUMNS)


def _load_script():
    spec = importlib.util.spec_from_file_location("build_lexicons", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (SHARED / "areacodes" / "result.csv").is_file(), reason="shared reference data not available")
def test_regenerated_files_are_identical(tmp_path):
    rc = subprocess.run([sys.executable, str(SCRIPT), str(SHARED), "--out", str(tmp_path)], capture_output=True, text=True)
    assert rc.returncode == 0, rc.stderr
    for name in ("divisions.tsv", "surnames.tsv"):
        assert (tmp_path / name).read_bytes() == resources.files("ganbu.lang").joinpath("data", name).read_bytes(), (
            f"{name} differs from a fresh build: run scripts/build_lexicons.py"
        )
    again = _load_script().generate(SHARED)
    assert again["divisions.tsv"].encode() == (tmp_path / "divisions.tsv").read_bytes()


def test_short_form_rules():
    sf = _load_script().short_form
    assert sf("沙区", "county") == ""
    assert sf("清新区", "county") == "清新"
    assert sf("古交工矿区", "county") == "古交"
    assert sf("乌拉特中旗", "county") == ""
    assert sf("海西蒙古族藏族哈萨克族自治州", "prefecture") == "海西"
    assert sf("澳门特别行政区", "province") == "澳门"
