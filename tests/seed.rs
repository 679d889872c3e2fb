//! The seed document the project started from (`../shared/seeds/`): a real
//! news report in traditional characters with pinyin residue. Its facts must
//! come out exactly.

mod common;

use huiyi::{Extractor, Record};

fn seed_record() -> Option<Record> {
    let path = common::shared_dir()?.join("seeds/000_95ef6b420ae31eb5.txt");
    let extractor = Extractor::builder()
        .reference_date(chrono::NaiveDate::from_ymd_opt(2020, 6, 17).unwrap())
        .build();
    Some(extractor.extract_path(&path).expect("the seed reads"))
}

#[test]
fn seed_people_with_every_title() {
    let Some(record) = seed_record() else { return };
    let people: Vec<(&str, Vec<&str>)> = record
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.titles.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("杨光荣", vec!["省政府副省长", "市委书记"]),
            ("孙正东", vec!["市委副书记", "市政府市长"]),
            ("王玉峰", vec!["市委常委", "市政府副市长"]),
            ("王波", vec![]),
            ("李红", vec!["市政府副市长"]),
        ]
    );
}

#[test]
fn seed_meeting() {
    let Some(record) = seed_record() else { return };
    assert_eq!(record.meeting.date.as_deref(), Some("2020-06-16"));
    assert_eq!(record.meeting.date_text.as_deref(), Some("6月16日"));
    assert_eq!(record.meeting.chairs, ["杨光荣"]);
    assert_eq!(record.meeting.title.as_deref(), Some("市委办公会议"));
    assert!(record.deadlines.is_empty(), "{:?}", record.deadlines);
}

#[test]
fn seed_tasks_with_their_leaders() {
    let Some(record) = seed_record() else { return };
    let tasks: Vec<(&str, Vec<&str>)> = record
        .tasks
        .iter()
        .map(|t| {
            (
                t.title.as_str(),
                t.leaders.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let wang = |t| (t, vec!["王玉峰"]);
    let li = |t| (t, vec!["李红"]);
    assert_eq!(
        tasks,
        [
            wang("阜城百巷改造"),
            wang("“121”三带建设"),
            wang("城市功能完善"),
            wang("双清湾中央商务区建设"),
            wang("西湖新区建设"),
            wang("高铁机场新区建设"),
            wang("城区黑臭水体治理"),
            wang("乡镇污水处理厂建设"),
            li("产业发展五年行动计划"),
            li("产业项目建设年"),
            li("市情推介暨招商恳谈会签约项目落地"),
            li("皖北承接产业转移集聚区建设"),
            li("皖北现代化工产业集聚区建设"),
            li("高铁阜阳西站与阜阳机场道路连接空铁联运一体"),
        ]
    );
}

#[test]
fn seed_problems() {
    let Some(record) = seed_record() else { return };
    let problems: Vec<&str> = record.problems.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(problems, ["力度不够大", "超常规举措不多"]);
}
