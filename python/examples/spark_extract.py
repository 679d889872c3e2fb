"""Extract an archive of minutes with PySpark, into the six tables as Parquet.

    spark-submit spark_extract.py INPUT OUTPUT [--ref-date YYYY-MM-DD] [--partitions N]
    python spark_extract.py /data/minutes /data/huiyi --master 'local[4]'

INPUT is any path Spark's Hadoop file systems read (a folder, read
recursively, or a glob; ``hdfs://``, ``s3a://``, ``file:``); OUTPUT gets
``documents/``, ``people/``, ``tasks/``, ``task_leaders/``, ``deadlines/``
and ``problems/`` (Parquet, the columns of huiyi's CSV and SQLite sinks,
joined by ``document_id``), and with ``--records`` the records themselves as
JSON Lines in ``records/``.

Every worker needs the ``huiyi`` Python package (``pip install huiyi`` on
the cluster, or ``--py-files`` / a packed environment). ``sc.binaryFiles``
hands each partition its files as (path, bytes); one ``huiyi.Extractor`` per
partition turns each into a JSON line (``extract_bytes_json``: the cheapest
form, and an error record rather than an exception for a file that cannot
be read), and the Rust table builder of the sinks turns that into rows.
``source.path`` is the path as Spark names it (``file:/data/minutes/a.docx``).
"""

from __future__ import annotations

import argparse
from typing import Dict, Iterable, Iterator, Optional, Tuple

import huiyi
from huiyi.tables import TABLES, rows_of_json, spark_schema


def extract_partition(
    files: Iterable[Tuple[str, bytes]], ref_date: Optional[str] = None
) -> Iterator[Tuple[str, object]]:
    """(path, bytes) pairs -> ("record", json line) and (table, row) pairs."""
    extractor = huiyi.Extractor(ref_date=ref_date)  # one per partition: cheap after the first
    for path, data in files:
        line = extractor.extract_bytes_json(data, path)
        yield "record", line
        for table, rows in rows_of_json(line).items():
            for row in rows:
                yield table, row


def run(spark, source: str, output: str, ref_date: Optional[str] = None,
        partitions: Optional[int] = None, records: bool = False) -> Dict[str, int]:
    """Extracts every file under ``source`` into Parquet tables under ``output``;
    returns the row count of each table."""
    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    files = sc.binaryFiles(source, minPartitions=partitions or sc.defaultParallelism)
    # Hidden files are skipped, as the command line's folder walk does.
    files = files.filter(lambda pair: not pair[0].rsplit("/", 1)[-1].startswith("."))
    out = files.mapPartitions(lambda part: extract_partition(part, ref_date)).cache()
    counts = {}
    try:
        for table, _columns in TABLES:
            rows = out.filter(lambda kv, t=table: kv[0] == t).map(lambda kv: kv[1])
            frame = spark.createDataFrame(rows, schema=spark_schema(table))
            frame.write.mode("overwrite").parquet(f"{output}/{table}")
            counts[table] = spark.read.parquet(f"{output}/{table}").count()
        if records:
            out.filter(lambda kv: kv[0] == "record").map(lambda kv: kv[1]).saveAsTextFile(f"{output}/records")
    finally:
        out.unpersist()
    return counts


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--ref-date")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--records", action="store_true", help="also write the records as JSON Lines")
    parser.add_argument("--master", help="e.g. local[2] (spark-submit sets it otherwise)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("huiyi-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        counts = run(spark, args.input, args.output, args.ref_date, args.partitions, args.records)
    finally:
        spark.stop()
    for table, count in counts.items():
        print(f"{table}\t{count}")


if __name__ == "__main__":
    main()
