//! Problems against the development set's gold, scored like `eval/score.py` (bigram Dice ≥ 0.5
//! or half-length containment, one-to-one, best pairs first). The set lives outside the
//! repository (`../shared/eval/dev`, or `$HUIYI_SHARED/eval/dev`); the test passes vacuously without it.

use std::path::{Path, PathBuf};

mod common;

fn eval_dir() -> PathBuf {
    common::shared_dir().map_or_else(PathBuf::new, |shared| shared.join("eval/dev"))
}

/// The scorer's cleaning, short of NFKC: full-width ASCII folded, punctuation and spaces dropped.
fn clean(s: &str) -> Vec<char> {
    const PUNCT: &str = " \t\r\n\u{3000}，。、；：？！“”‘’\"'（）()《》〈〉【】[]{}—-…·,.;:?!";
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !PUNCT.contains(*c))
        .collect()
}

fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (clean(a), clean(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let contained = long.windows(short.len()).any(|w| w == short.as_slice());
    if contained && short.len() * 2 >= long.len() {
        return 1.0;
    }
    let grams = |s: &[char]| -> Vec<Vec<char>> {
        if s.len() > 1 {
            s.windows(2).map(<[char]>::to_vec).collect()
        } else {
            vec![s.to_vec()]
        }
    };
    let (ga, mut pool) = (grams(&a), grams(&b));
    let total = ga.len() + pool.len();
    let mut hit = 0;
    for g in &ga {
        if let Some(i) = pool.iter().position(|p| p == g) {
            pool.swap_remove(i);
            hit += 1;
        }
    }
    2.0 * hit as f64 / total as f64
}

/// True positives between predicted and gold texts, matched one-to-one, best pairs first.
fn matched(pred: &[String], gold: &[String]) -> usize {
    let mut pairs = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let s = similarity(p, g);
            if s >= 0.5 {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let (mut used_p, mut used_g) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut tp = 0;
    for (_, i, j) in pairs {
        if !used_p[i] && !used_g[j] {
            used_p[i] = true;
            used_g[j] = true;
            tp += 1;
        }
    }
    tp
}

/// Micro-averaged F1 of problems over the `.txt` documents in `docs` with gold in `gold`.
fn problems_f1(docs: &Path, gold: &Path) -> Option<f64> {
    let (mut tp, mut n_pred, mut n_gold) = (0, 0, 0);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(docs)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for doc in entries {
        let Some(stem) = doc.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Ok(gold_json) = std::fs::read_to_string(gold.join(format!("{stem}.json"))) else {
            continue;
        };
        let gold_record: serde_json::Value =
            serde_json::from_str(&gold_json).expect("gold record is JSON");
        let want: Vec<String> = gold_record["problems"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["text"].as_str().map(str::to_string))
            .collect();
        let text = std::fs::read_to_string(&doc).expect("document text is UTF-8");
        let got: Vec<String> = huiyi::extract_str(&text)
            .problems
            .into_iter()
            .map(|p| p.text)
            .collect();
        tp += matched(&got, &want);
        n_pred += got.len();
        n_gold += want.len();
    }
    let p = if n_pred == 0 {
        1.0
    } else {
        tp as f64 / n_pred as f64
    };
    let r = if n_gold == 0 {
        1.0
    } else {
        tp as f64 / n_gold as f64
    };
    Some(if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    })
}

#[test]
fn problems_f1_on_the_news_reports() {
    let dev = eval_dir();
    let Some(f1) = problems_f1(&dev.join("docs"), &dev.join("gold")) else {
        eprintln!("skipped: no development set at {}", dev.display());
        return;
    };
    eprintln!("problems F1 {f1:.2} on the news reports");
    assert!(f1 >= 0.6, "problems F1 {f1:.2} on the news reports");
}

#[test]
fn problems_f1_on_the_minutes() {
    let dev = eval_dir();
    let minutes = dev.join("minutes");
    let Some(f1) = problems_f1(&minutes, &minutes.join("gold-text")) else {
        eprintln!("skipped: no development set at {}", dev.display());
        return;
    };
    eprintln!("problems F1 {f1:.2} on the minutes");
    assert!(f1 >= 0.6, "problems F1 {f1:.2} on the minutes");
}

#[test]
fn similarity_follows_the_scorer() {
    assert_eq!(similarity("力度不够大", "力度不够大。"), 1.0);
    assert_eq!(similarity("腐蚀严重", "部分管段腐蚀严重"), 1.0);
    assert!(similarity("土地", "土地瓶颈制约") < 0.5);
}
