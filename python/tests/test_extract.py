"""huiyi.extract and huiyi.Extractor: records equal to the command line's."""

from __future__ import annotations

import json
import pickle
import threading
from pathlib import Path

import pytest

import huiyi
from conftest import fixture_files, json_lines

REPORT = "fixtures/reports/liuchuan-2025-03-18.txt"


def test_the_readme_example():
    assert huiyi.extract(REPORT)["meeting"]["date"] == "2025-03-18"


def test_every_fixture_equals_the_command_lines_json(cli):
    files = fixture_files()
    assert len(files) > 30
    out = cli("extract", "--format", "jsonl", "--files-from", "-", input="\n".join(files).encode())
    lines = json_lines(out.stdout)
    assert [l["source"]["path"] for l in lines] == files
    extractor = huiyi.Extractor()
    failed = 0
    for path, want in zip(files, lines):
        if "error" in want:
            failed += 1
            with pytest.raises(huiyi.error_class(want["error"]["kind"])) as caught:
                huiyi.extract(path)
            assert caught.value.kind == want["error"]["kind"]
            assert str(caught.value) == want["error"]["message"]
            assert extractor.extract_bytes(Path(path).read_bytes(), path)["error"]["kind"] == want["error"]["kind"]
        else:
            assert huiyi.extract(path) == want, path
            assert extractor.extract(Path(path).read_bytes(), path=path) == want, path
    assert 0 < failed < len(files)
    # The batch: the same, in order, records and error records alike.
    assert list(extractor.extract_many(files, jobs=2)) == lines


@pytest.mark.parametrize("path", [REPORT, "fixtures/docx/hand.docx", "fixtures/reports/nanhu-2023-04-11.gbk.html"])
def test_options_match_the_command_line(cli, path):
    out = cli("extract", "--format", "json", "--ref-date", "2024-01-02", "--with-text", path)
    want = json.loads(out.stdout)
    assert huiyi.extract(path, ref_date="2024-01-02", with_text=True) == want
    import datetime

    ex = huiyi.Extractor(ref_date=datetime.date(2024, 1, 2), with_text=True)
    assert ex.extract(Path(path)) == want
    assert json.loads(ex.extract_json(path)) == want
    assert want["text"]


def test_text_in_memory():
    record = huiyi.extract_text("3月18日下午，区长刘志远主持召开区政府常务会议。", ref_date="2025-03-20")
    assert record["schema"] == huiyi.SCHEMA == "huiyi/1"
    assert record["meeting"]["date"] == "2025-03-18"
    assert record["source"]["path"] is None


def test_errors_are_exceptions_with_a_kind():
    with pytest.raises(huiyi.IoError) as caught:
        huiyi.extract("fixtures/no-such-file.txt")
    error = caught.value
    assert isinstance(error, huiyi.HuiyiError)
    assert error.kind == "io"
    assert error.path == "fixtures/no-such-file.txt"
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is huiyi.IoError and again.kind == "io" and str(again) == str(error)
    with pytest.raises(huiyi.EmptyError):
        huiyi.extract(b"", path="empty.txt")
    with pytest.raises(huiyi.InvalidDateError):
        huiyi.Extractor(ref_date="2025-02-30")
    with pytest.raises(TypeError):
        huiyi.extract(42)
    with pytest.raises(huiyi.TooLargeError):
        huiyi.Extractor(limits={"max_input_bytes": 10}).extract(REPORT)
    with pytest.raises(ValueError):
        huiyi.Extractor(limits={"max_nothing": 1})
    assert huiyi.default_limits()["max_input_bytes"] == 256 * 1024 * 1024


def test_every_kind_has_its_class():
    # The kinds error records carry (src/error.rs), each with its subclass.
    kinds = {
        "io", "unsupported_format", "undecodable_text", "empty", "too_large", "not_a_docx",
        "encrypted", "corrupt_zip", "corrupt_doc", "malformed_xml", "too_deep", "malformed_rtf",
        "malformed_pdf", "no_text_layer", "invalid_date", "internal",
    }  # fmt: skip
    assert set(huiyi.errors.BY_KIND) == kinds
    for kind, cls in huiyi.errors.BY_KIND.items():
        assert issubclass(cls, huiyi.HuiyiError) and cls is not huiyi.HuiyiError
        assert cls.kind == kind and cls.__doc__
        assert getattr(huiyi, cls.__name__) is cls
    assert huiyi.error_class("a_kind_added_later") is huiyi.HuiyiError


def test_an_extractor_pickles_as_its_arguments():
    ex = huiyi.Extractor(ref_date="2025-03-19", limits={"max_entries": 50}, with_text=True)
    back = pickle.loads(pickle.dumps(ex))
    assert repr(back) == repr(ex)
    assert back.extract(REPORT) == ex.extract(REPORT)


def test_extract_many_gives_one_record_per_input_in_order(tmp_path):
    good = Path(REPORT)
    files = []
    for i in range(40):
        if i % 7 == 3:
            files.append(tmp_path / f"missing-{i}.txt")
        elif i % 7 == 5:
            bad = tmp_path / f"bad-{i}.docx"
            bad.write_bytes(b"PK\x03\x04 not a zip")
            files.append(bad)
        else:
            copy = tmp_path / f"r{i}.txt"
            copy.write_bytes(good.read_bytes())
            files.append(copy)
    ex = huiyi.Extractor()
    for jobs in (None, 1, 2):
        records = list(ex.extract_many(files, jobs=jobs))
        assert [r["source"]["path"] for r in records] == [str(f) for f in files]
        assert sum("error" in r for r in records) == sum(i % 7 in (3, 5) for i in range(40))
    # Stopping early neither hangs nor leaks the batch into the next one.
    many = ex.extract_many(files * 20, jobs=2)
    assert next(many)["source"]["path"] == str(files[0])
    many.close()
    assert len(list(ex.extract_many(files[:3]))) == 3
    assert list(ex.extract_many([])) == []


def test_extract_many_releases_the_gil():
    # A Python thread keeps running while the batch waits on the Rust pool.
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        ex = huiyi.Extractor()
        count = sum(1 for _ in ex.extract_many(["fixtures/docx/hand.docx"] * 200, jobs=2))
    finally:
        stop.set()
        thread.join()
    assert count == 200
    assert len(ticks) > 5


def test_time_parse_is_the_time_command(cli):
    texts = ["4月底前", "三季度末", "春节前", "两周内", "2025年6月30日", "不是时间"]
    out = cli("time", "--ref-date", "2025-03-20", *texts)
    want = json_lines(out.stdout)
    got = [huiyi.time.parse(t, "2025-03-20") for t in texts]
    assert got == want
    assert got[0]["end"] == "2025-04-30" and got[-1]["end"] is None
    import datetime

    assert huiyi.time.parse("4月底前", datetime.date(2025, 3, 20)) == got[0]
    with pytest.raises(huiyi.InvalidDateError):
        huiyi.time.parse("4月底前", "20250320")
