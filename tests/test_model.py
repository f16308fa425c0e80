"""The typed output model: records round-trip through their JSON, and the published schema is
the one generated from the classes and validates real output."""
import json
from pathlib import Path

import jsonschema
import pytest

import ganbu
from ganbu.model import Document, Event, Person, Position, Quantity, Warning
from ganbu.model.schema import json_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "document.schema.json"
EXAMPLE = ROOT / "examples" / "zhejiang_visit.md"

REPORT = (
    "3月1日至2日，浙江省委书记易炼红、省长王浩率浙江省党政代表团在京走访商务部、国务院国资委，"
    "与商务部党组书记、部长王文涛，国务院国资委党委委员、副主任翁杰明、袁野座谈。"
    "王文涛表示，商务部将支持浙江扩大高水平对外开放。双方签署合作协议，总投资约120亿元。"
)


def _docs():
    yield ganbu.extract(REPORT, published="2023-03-03")
    yield ganbu.extract_path(EXAMPLE, published="2023-03-03")
    yield ganbu.extract("<html><body><p>" + REPORT + "</p></body></html>", published="2023-03-03")


@pytest.mark.parametrize("doc", list(_docs()), ids=["text", "markdown", "html"])
def test_round_trip_is_exact(doc):
    d = doc.to_dict()
    assert d["people"] and d["events"]  # something to round-trip
    back = Document.from_dict(json.loads(json.dumps(d, ensure_ascii=False)))
    assert back.to_dict() == d
    official = next(p for p in back.people if p.positions)
    assert isinstance(official, Person) and isinstance(official.positions[0], Position)
    assert isinstance(back.events[0], Event) and isinstance(back.events[0].span, tuple)


def test_every_record_kind_is_a_dataclass_with_spans():
    doc = ganbu.extract(REPORT, published="2023-03-03")
    assert any(isinstance(q, Quantity) for q in doc.quantities)
    for q in doc.quantities:
        assert REPORT[q.span[0] : q.span[1]] == q.text
    for st in doc.statements:
        assert REPORT[st.span[0] : st.span[1]] == st.text
    w = Warning("count-mismatch", "标题称9家央企，正文为8家", (0, 4), (10, 12))
    assert Warning.from_dict(w.to_dict()) == w


def test_internal_state_stays_out_of_the_json():
    doc = ganbu.extract(REPORT, published="2023-03-03")
    d = doc.to_dict()
    assert "text" not in d and "rules" not in d["people"][0] and "rule" not in d["people"][0]["positions"][0]
    assert d["schema"] == "ganbu.document/1"
    assert d["pipeline"]["version"] == ganbu.pipeline_version()


def test_from_dict_refuses_wrong_shapes():
    with pytest.raises(ganbu.GanbuError) as e:
        Document.from_dict({"id": "x", "people": "not a list"})
    assert e.value.code == "E201"
    with pytest.raises(ganbu.GanbuError):
        Person.from_dict({"id": "p1"})  # name missing


def test_published_schema_is_the_generated_one():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate: python -m ganbu.model.schema > docs/document.schema.json")


@pytest.mark.parametrize("doc", list(_docs()), ids=["text", "markdown", "html"])
def test_output_validates_against_the_schema(doc):
    jsonschema.validate(doc.to_dict(), json_schema())


def test_schema_rejects_a_bad_status():
    d = ganbu.extract(REPORT, published="2023-03-03").to_dict()
    d["people"][0]["positions"][0]["status"] = "retired"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, json_schema())


def test_pipeline_version_is_derived_from_package_and_data():
    v = ganbu.pipeline_version()
    assert v.startswith(ganbu.__version__ + "+data.") and len(v.split(".")[-1]) == 12


def test_contract_doc_names_every_field_of_the_schema():
    doc = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    schema = json_schema()
    names = set(schema["properties"])
    for d in schema["$defs"].values():
        names |= set(d["properties"])
    missing = sorted(n for n in names if f"`{n}`" not in doc)
    assert not missing, f"docs/contract.md does not describe: {missing}"
