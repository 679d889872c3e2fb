"""schema/huiyi-1.schema.json against real records and error records."""

from __future__ import annotations

import copy
import json

import pytest

import huiyi
from conftest import ROOT, fixture_files

jsonschema = pytest.importorskip("jsonschema")


def strict(schema):
    """The schema with every object closed: a field the schema does not
    describe fails (the published schema leaves objects open for fields added later)."""
    schema = copy.deepcopy(schema)

    def close(node):
        if isinstance(node, dict):
            if "properties" in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


@pytest.fixture(scope="module")
def validators():
    published = json.loads((ROOT / "schema" / "huiyi-1.schema.json").read_text(encoding="utf-8"))
    assert huiyi.json_schema() == published
    jsonschema.Draft202012Validator.check_schema(published)
    return [jsonschema.Draft202012Validator(published), jsonschema.Draft202012Validator(strict(published))]


def test_every_fixture_record_and_error_record_is_valid(validators):
    ex = huiyi.Extractor(with_text=True)
    records = list(ex.extract_many(fixture_files(), jobs=2))
    records += [huiyi.Extractor().extract_bytes(b"", None), ex.extract_bytes(b"\x00\x01\x02binary", "a.bin")]
    records += list(huiyi.Extractor().extract_many(["fixtures/no-such-file.txt"]))
    kinds = set()
    for record in records:
        for validator in validators:
            errors = sorted(validator.iter_errors(record), key=str)
            assert not errors, f"{record['source']['path']}: {errors[0]}"
        if "error" in record:
            kinds.add(record["error"]["kind"])
            assert record["error"]["kind"] in huiyi.errors.BY_KIND
    assert {"io", "empty"} <= kinds
    assert sum("error" not in r for r in records) > 20


def test_the_schema_refuses_what_is_not_a_record(validators):
    record = huiyi.extract("fixtures/reports/liuchuan-2025-03-18.txt")
    for broken in (
        {**record, "schema": "huiyi/2"},
        {k: v for k, v in record.items() if k != "meeting"},
        {**record, "deadlines": [{**record["deadlines"][0], "relation": "someday"}]},
        {**record, "error": {"kind": "io", "message": "both"}},
    ):
        assert not validators[0].is_valid(broken)
    assert not validators[1].is_valid({**record, "unknown_field": 1})
    assert validators[0].is_valid({**record, "unknown_field": 1})
