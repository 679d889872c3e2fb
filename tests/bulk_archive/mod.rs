//! Composed meeting reports for bulk tests and the `make_archive` example:
//! short, varied, deterministic (document `i` is always the same text).

use std::path::{Path, PathBuf};

const SURNAMES: &[&str] = &[
    "刘", "王", "李", "张", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
];
const GIVEN: &[&str] = &[
    "志远", "建国", "红梅", "海涛", "晓东", "玉峰", "光荣", "正东", "丽华", "文斌", "春生", "明远",
    "国庆", "秀英", "德胜", "立新",
];
const CHAIR_TITLES: &[&str] = &["区长", "市长", "县长", "区委书记", "市委书记", "县委书记"];
const DEPUTY_TITLES: &[&str] = &["副区长", "副市长", "副县长", "常务副区长", "区委常委"];
const MEETINGS: &[&str] = &[
    "区政府常务会议",
    "市政府常务会议",
    "县委常委会会议",
    "市委办公会议",
    "重点项目推进会",
];
const TASKS: &[&str] = &[
    "完成选址论证",
    "完成老旧小区改造",
    "完成河道清淤",
    "完成征地拆迁",
    "完成学校扩建主体工程",
    "完成污水管网铺设",
    "完成农村公路提升",
    "完成营商环境评估",
];
const DEADLINES: &[&str] = &[
    "4月底前",
    "6月30日前",
    "年底前",
    "三季度末",
    "5月中旬前",
    "10月底前",
    "两周内",
    "春节前",
];
const UNITS: &[&str] = &["区住建局", "区发改委", "区水利局", "区教育局", "区交通局"];
const PROBLEMS: &[&str] = &[
    "推进力度不够大",
    "资金保障不足",
    "部门协调不畅",
    "超常规举措不多",
    "要素保障困难",
];

/// A tiny deterministic generator, so that the archive is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        list[((self.0 >> 33) as usize) % list.len()]
    }
}

/// The `i`-th composed report.
pub fn compose(i: u64) -> String {
    let mut r = Lcg(i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let name = |r: &mut Lcg| format!("{}{}", r.pick(SURNAMES), r.pick(GIVEN));
    let chair = name(&mut r);
    let deputy = name(&mut r);
    let attendee = name(&mut r);
    format!(
        "{month}月{day}日，{ct}{chair}主持召开{meeting}，研究部署近期重点工作。\n\
         会议要求，要于{d1}{t1}，由{dt}{deputy}牵头负责，{u1}具体落实；\
         {u2}要在{d2}{t2}。\n\
         会议指出，当前工作中还存在{p1}、{p2}等问题。\n\
         {attendee}等出席会议。第{i}号。\n",
        month = 1 + i % 12,
        day = 1 + i % 28,
        ct = r.pick(CHAIR_TITLES),
        meeting = r.pick(MEETINGS),
        d1 = r.pick(DEADLINES),
        t1 = r.pick(TASKS),
        dt = r.pick(DEPUTY_TITLES),
        u1 = r.pick(UNITS),
        u2 = r.pick(UNITS),
        d2 = r.pick(DEADLINES),
        t2 = r.pick(TASKS),
        p1 = r.pick(PROBLEMS),
        p2 = r.pick(PROBLEMS),
    )
}

/// Writes `n` composed reports under `dir`, 100 to a folder two levels deep
/// (`dir/00/0/00042.txt`), and returns their paths in walk order.
pub fn write_archive(dir: &Path, n: u64) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for i in 0..n {
        let folder = dir
            .join(format!("{:02}", i / 1000))
            .join(format!("{}", (i / 100) % 10));
        std::fs::create_dir_all(&folder)?;
        let path = folder.join(format!("{i:05}.txt"));
        std::fs::write(&path, compose(i))?;
        paths.push(path);
    }
    Ok(paths)
}
