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

fn measure(name: &str, unit: &str, normalizer: &Normalizer) {
    let text = unit.repeat(32 * 1024 * 1024 / unit.len());
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..3 {
        bytes += normalizer.normalize(&text).text.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name}: {:.0} MB/s ({bytes} bytes out)",
        3.0 * text.len() as f64 / secs / 1e6
    );
}

#[test]
#[ignore = "a measurement, run in release"]
fn throughput() {
    let normalizer = Normalizer::new();
    let clean = normalizer.normalize(SIMPLIFIED).text.replace(' ', "");
    measure("simplified, clean (fast path)", &clean, &normalizer);
    measure("simplified, with spaces", SIMPLIFIED, &normalizer);
    measure("traditional with ruby", TRADITIONAL, &normalizer);
}
