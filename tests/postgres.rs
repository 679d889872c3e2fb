//! The CSV tables of two batches loaded into one set of PostgreSQL tables
//! (`schema/huiyi-1.postgres.sql`) by a real server: no key clashes, every
//! row there. Skips with a notice where no PostgreSQL server is installed;
//! `.ci/run` installs Debian's.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DDL: &str = include_str!("../schema/huiyi-1.postgres.sql");

fn run(command: &mut Command) -> Output {
    let out = command.output().expect("the command runs");
    assert!(
        out.status.success(),
        "{command:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The folder of PostgreSQL's server programs, if one is installed.
fn server_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("psql").exists())
        .collect();
    found.sort();
    found.pop()
}

/// A cluster of its own in a scratch folder, on a socket there, stopped on drop.
struct Server {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
}

impl Server {
    fn start(bin: PathBuf) -> Option<Server> {
        // The server refuses to run as root: as root, it runs as `postgres`.
        // SAFETY: geteuid has no preconditions.
        let as_postgres = unsafe { libc::geteuid() } == 0;
        if as_postgres && !run_ok(Command::new("id").arg("postgres")) {
            return None;
        }
        let dir = std::env::temp_dir().join(format!("huiyi-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let server = Server {
            bin,
            dir,
            as_postgres,
        };
        if as_postgres {
            run(Command::new("chown").arg("postgres").arg(&server.dir));
        }
        let data = server.dir.join("data");
        run(server
            .server_command("initdb")
            .args([
                "-A",
                "trust",
                "-U",
                "huiyi",
                "-E",
                "UTF8",
                "--no-locale",
                "-D",
            ])
            .arg(&data));
        let options = format!("-k {} -c listen_addresses=''", server.dir.display());
        run(server
            .server_command("pg_ctl")
            .args(["-w", "-l"])
            .arg(server.dir.join("log"))
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "start"]));
        Some(server)
    }

    fn server_command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }

    /// psql on the server's socket, stopping at the first error.
    fn psql(&self) -> Command {
        let mut c = Command::new(self.bin.join("psql"));
        c.arg("-h").arg(&self.dir).args([
            "-U",
            "huiyi",
            "-d",
            "postgres",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
        ]);
        c
    }

    fn count(&self, table: &str) -> usize {
        let out =
            run(self
                .psql()
                .args(["-A", "-t", "-c", &format!("SELECT count(*) FROM {table}")]));
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self
            .server_command("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "fast", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run_ok(command: &mut Command) -> bool {
    command.output().is_ok_and(|o| o.status.success())
}

/// The rows of each CSV table of a batch, header left out.
fn csv_rows(dir: &Path, table: &str) -> usize {
    csv::Reader::from_path(dir.join(format!("{table}.csv")))
        .unwrap()
        .records()
        .count()
}

#[test]
fn the_ddl_has_the_csv_tables_columns_in_order() {
    for table in huiyi::sink::TABLES {
        let start = DDL
            .find(&format!("CREATE TABLE IF NOT EXISTS {} (", table.name))
            .unwrap_or_else(|| panic!("{} has no CREATE TABLE", table.name));
        let body = &DDL[start..start + DDL[start..].find(");").unwrap()];
        let columns: Vec<&str> = body
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|l| !l.starts_with("PRIMARY KEY") && !l.starts_with("FOREIGN KEY"))
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        let want: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        assert_eq!(columns, want, "{}", table.name);
    }
}

#[test]
fn two_csv_batches_load_into_one_set_of_postgresql_tables() {
    let Some(bin) = server_bin() else {
        eprintln!("notice: no PostgreSQL server installed; the load test is skipped");
        return;
    };
    let Some(server) = Server::start(bin) else {
        eprintln!("notice: no postgres user to run the server as; the load test is skipped");
        return;
    };
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("postgres-batches");
    let _ = std::fs::remove_dir_all(&scratch);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Two batches of different files, each with records and error records.
    let batches = [
        ("reports", root.join("fixtures/reports")),
        ("read", root.join("fixtures/read")),
    ];
    for (name, input) in &batches {
        let out = Command::new(env!("CARGO_BIN_EXE_huiyi"))
            .args([
                "extract",
                "--format",
                "csv",
                "--ref-date",
                "2025-03-19",
                "-o",
            ])
            .arg(scratch.join(name))
            .arg(input)
            .output()
            .unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    }
    run(server
        .psql()
        .arg("-f")
        .arg(root.join("schema/huiyi-1.postgres.sql")));
    for (name, _) in &batches {
        for table in huiyi::sink::TABLES {
            let file = scratch.join(name).join(format!("{}.csv", table.name));
            let copy = format!(
                "\\copy {} FROM '{}' (FORMAT csv, HEADER)",
                table.name,
                file.display()
            );
            run(server.psql().args(["-c", &copy]));
        }
    }
    for table in huiyi::sink::TABLES {
        let want: usize = batches
            .iter()
            .map(|(name, _)| csv_rows(&scratch.join(name), table.name))
            .sum();
        assert_eq!(server.count(table.name), want, "{}", table.name);
    }
    assert!(server.count("documents") > 10);
    assert!(server.count("tasks") > 0);
    // The same batch again is refused by the key, not merged.
    let again = format!(
        "\\copy documents FROM '{}' (FORMAT csv, HEADER)",
        scratch.join("reports/documents.csv").display()
    );
    let out = server.psql().args(["-c", &again]).output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("duplicate key"),
        "{out:?}"
    );
}
