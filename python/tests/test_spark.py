"""python/examples/spark_extract.py with local[2] on 1,000+ files: the same
row counts as the command line's SQLite output for the same files.

Skipped when pyspark (or Java) is missing; ``pip install pyspark`` to run it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, _binary

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java for pyspark", allow_module_level=True)

FILES = int(os.environ.get("HUIYI_SPARK_FILES", "1000"))


def make_archive(folder: Path, count: int) -> None:
    """The composed reports of examples/make_archive.rs (built if need be)."""
    for target in filter(None, [os.environ.get("CARGO_TARGET_DIR"), str(ROOT / "target")]):
        binary = Path(target) / "release" / "examples" / "make_archive"
        if binary.is_file():
            subprocess.run([str(binary), str(folder), str(count)], check=True, capture_output=True)
            return
    subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--example", "make_archive", "--", str(folder), str(count)],
        cwd=ROOT, check=True, capture_output=True,
    )


def load_example():
    path = ROOT / "python" / "examples" / "spark_extract.py"
    spec = importlib.util.spec_from_file_location("spark_extract", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # Spark's Python workers start in the JVM's folder and import from it:
    # not python/, whose huiyi/ is the source without its Rust half.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        session = (
            SparkSession.builder.master("local[2]").appName("huiyi-test")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
    finally:
        os.chdir(here)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark") / "archive"
    make_archive(folder, FILES)
    # Two files that fail, to be counted like the rest.
    (folder / "bad.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_spark_tables_match_the_cli_sqlite(cli, spark, archive, tmp_path):
    inputs = sum(1 for p in archive.rglob("*") if p.is_file())
    assert inputs >= 1000

    db = tmp_path / "out.sqlite"
    out = cli("extract", "--format", "sqlite", "-o", db, "--ref-date", "2025-01-01", archive)
    assert out.returncode == 1, out.stderr  # the two bad files
    with sqlite3.connect(db) as c:
        want = {
            t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("documents", "people", "tasks", "task_leaders", "deadlines", "problems")
        }
        failed = c.execute("SELECT COUNT(*) FROM documents WHERE error_kind IS NOT NULL").fetchone()[0]
        hashes = sorted(r[0] for r in c.execute("SELECT sha256 FROM documents"))
    assert want["documents"] == inputs and failed == 2

    example = load_example()
    counts = example.run(spark, str(archive), str(tmp_path / "parquet"), ref_date="2025-01-01", partitions=4)
    documents = spark.read.parquet(str(tmp_path / "parquet" / "documents"))
    got_hashes = sorted(r[0] for r in documents.select("sha256").collect())
    errors = documents.filter("error_kind IS NOT NULL").count()
    ids = documents.select("document_id").distinct().count()
    schema = {f.name: f.dataType.simpleString() for f in documents.schema.fields}
    assert counts == want
    assert got_hashes == hashes
    assert errors == 2
    assert ids == inputs
    assert schema["bytes"] == "bigint" and schema["document_id"] == "string"


def test_the_readme_recipes(spark, archive):
    """The README's two other ways: extract_bytes_json lines read by
    spark.read.json, and RDD.pipe through the streaming command line."""
    import huiyi

    def extract_partition(files):
        extractor = huiyi.Extractor(ref_date="2025-01-01")
        for path, data in files:
            yield extractor.extract_bytes_json(data, path)

    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    some = str(archive / "00")
    lines = sc.binaryFiles(some).mapPartitions(extract_partition)
    records = spark.read.json(lines)
    files = sorted(str(p) for p in (archive / "00").rglob("*") if p.is_file())
    assert records.count() == len(files) > 10
    assert records.filter("meeting.date IS NOT NULL").count() > 0

    binary = _binary()
    if binary is None:
        pytest.skip("no huiyi binary for RDD.pipe")
    piped = sc.parallelize(files, 2).pipe(f"{binary} extract --files-from - -j 1 --ref-date 2025-01-01")
    paths = [json.loads(line)["source"]["path"] for line in piped.collect()]
    assert paths == files  # one line per path, in order, partition by partition
