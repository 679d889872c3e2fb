//! Throughput of normalisation, to run by hand in release:
//! `cargo test --release --test normalize_speed -- --ignored --nocapture`.

use std::time::Instant;

use huiyi::normalize::Normalizer;

/// Simplified report text with spaces, parentheticals and ASCII punctuation.
const SIMPLIFIED: &str = "为督办推进市委市政府相关负责同志牵头负责的部分重点工作任务,6月16日,\
省政府副省长、市委书记杨光荣主持召开市委办公会议（一）听取市领导牵头的部分重点工作任务推进情况汇报，\
紧盯问题，逐事项研究推进重点工作任务落实。GDP(国内生产总值)增长2.6%，2020年完成 Beijing Daily。\n";

/// The same in Traditional with ruby residue.
const TRADITIONAL: &str = "為督辦推進(jìn)市委市政府相關(guān)負(fù)責(zé)同志牽頭負(fù)責(zé)的部分重點工作任務(wù),6月16日,\
省政府副省長、市委書記楊光榮主持召開市委辦公會議,聽取市領(lǐng)導(dǎo)牽頭的部分重點工作任務(wù)推進(jìn)情況匯報。\n";

/// CPU seconds this thread has used (the machine may be shared, so wall
/// time says little); wall time where `/proc` is not there.
fn cpu_seconds(wall: Instant) -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name's closing parenthesis; utime and stime
    // are the 14th and 15th of the line, in clock ticks of 1/100 s.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    match (fields.get(11), fields.get(12)) {
        (Some(u), Some(s)) => {
            (u.parse::<f64>().unwrap_or(0.0) + s.parse::<f64>().unwrap_or(0.0)) / 100.0
        }
        _ => wall.elapsed().as_secs_f64(),
    }
}

fn measure(name: &str, text: &str, mut work: impl FnMut(&str) -> usize) {
    let origin = Instant::now();
    let start = cpu_seconds(origin);
    let mut bytes = 0;
    for _ in 0..3 {
        bytes += work(text);
    }
    let secs = (cpu_seconds(origin) - start).max(1e-3);
    println!(
        "{name}: {:.0} MB/s of CPU time ({bytes} bytes out)",
        3.0 * text.len() as f64 / secs / 1e6
    );
}

fn big(unit: &str) -> String {
    unit.repeat(32 * 1024 * 1024 / unit.len())
}

#[test]
#[ignore = "a measurement, run in release"]
fn throughput() {
    let normalizer = Normalizer::new();
    let clean = big(&normalizer.normalize(SIMPLIFIED).text.replace(' ', ""));
    measure("baseline: count chars", &clean, |t| t.chars().count());
    measure("simplified, clean (fast path)", &clean, |t| {
        normalizer.normalize(t).text.len()
    });
    measure("simplified, with spaces", &big(SIMPLIFIED), |t| {
        normalizer.normalize(t).text.len()
    });
    measure("traditional with ruby", &big(TRADITIONAL), |t| {
        normalizer.normalize(t).text.len()
    });
}
