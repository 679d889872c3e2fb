//! Tasks on composed sentences in the genre (invented places and people).

use super::find_tasks;
use crate::analysis::Analysis;
use crate::record::{Deadline, Person, Problem, Task};
use crate::time::{Precision, Relation};

fn person(text: &str, name: &str) -> Person {
    Person {
        name: name.to_string(),
        titles: Vec::new(),
        roles: Vec::new(),
        spans: text
            .match_indices(name)
            .map(|(i, _)| [i, i + name.len()])
            .collect(),
    }
}

fn deadline(text: &str, expr: &str) -> Deadline {
    let i = text.find(expr).expect("deadline in text");
    Deadline {
        text: expr.to_string(),
        date: None,
        relation: Relation::By,
        precision: Precision::Month,
        span: [i, i + expr.len()],
    }
}

fn run(text: &str, names: &[&str], limits: &[&str]) -> Vec<Task> {
    let people: Vec<Person> = names.iter().map(|n| person(text, n)).collect();
    let deadlines: Vec<Deadline> = limits.iter().map(|d| deadline(text, d)).collect();
    find_tasks(&Analysis::new(text), &people, &deadlines, &[])
}

fn titles(tasks: &[Task]) -> Vec<&str> {
    tasks.iter().map(|t| t.title.as_str()).collect()
}

/// Each task's title with its leaders.
fn led(tasks: &[Task]) -> Vec<(&str, Vec<String>)> {
    tasks
        .iter()
        .map(|t| (t.title.as_str(), t.leaders.clone()))
        .collect()
}

#[test]
fn heard_report_lists_each_item_led_by_the_reporter() {
    let text = "6月2日，市长周海明主持召开市政府常务会议。会议听取了市委常委、副市长张振华关于\
                青石巷改造、“双百”工程建设及滨江绿道完善等重点工作，东湖新区、北岭新区建设进展情况的汇报。";
    let tasks = run(text, &["周海明", "张振华"], &[]);
    assert_eq!(
        titles(&tasks),
        [
            "青石巷改造",
            "“双百”工程建设",
            "滨江绿道完善",
            "东湖新区建设",
            "北岭新区建设"
        ]
    );
    assert!(tasks.iter().all(|t| t.leaders == ["张振华"]));
    // The titles before the reporter's name are not units.
    assert!(tasks.iter().all(|t| t.units.is_empty()));
}

#[test]
fn unit_report_has_units_and_no_leader() {
    let text = "会议听取了县水利局关于冬春水利建设计划的汇报。";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["冬春水利建设计划"]);
    assert!(tasks[0].leaders.is_empty());
    assert_eq!(tasks[0].units, ["县水利局"]);
}

#[test]
fn assigned_item_has_units_and_its_deadline() {
    let text = "一、关于老旧管网改造工程\n（一）由县住建局牵头，县财政局配合，于5月底前完成老旧管网普查。\n\
                （二）县城投公司要在8月15日前完成管网改造招标。";
    let tasks = run(text, &[], &["5月底前", "8月15日前"]);
    assert_eq!(
        titles(&tasks),
        ["老旧管网改造工程", "老旧管网普查", "管网改造招标"]
    );
    assert_eq!(tasks[1].units, ["县住建局", "县财政局"]);
    assert_eq!(tasks[1].deadline, Some(0));
    assert_eq!(tasks[2].units, ["县城投公司"]);
    assert_eq!(tasks[2].deadline, Some(1));
}

#[test]
fn section_leader_covers_the_report_and_the_items() {
    let text = "一、关于滨河公园改造工程\n会议听取了区住建局关于滨河公园改造工程前期工作的汇报。会议要求：\n\
                （一）区自然资源局要加快办理用地预审手续。\n\
                （二）滨河公园配套停车场建设由区城管局负责，9月底前建成。\n\
                以上工作由副区长李海平负责统筹，副区长吴静协助。";
    let tasks = run(text, &["李海平", "吴静"], &["9月底前"]);
    assert_eq!(
        titles(&tasks),
        [
            "滨河公园改造工程前期",
            "用地预审手续",
            "滨河公园配套停车场建设"
        ]
    );
    for t in &tasks {
        assert_eq!(t.leaders, ["李海平", "吴静"], "{}", t.title);
    }
    assert_eq!(tasks[2].deadline, Some(0));
}

#[test]
fn person_named_in_an_item_leads_it() {
    let text = "会议议定：\n一、西溪河道综合治理。由副县长孙立明牵头，县水利局负责，8月底前完成河道清淤12公里。\n\
                二、明确建设任务。年底前完成农村供水管网延伸30公里。";
    let tasks = run(text, &["孙立明"], &["8月底前", "年底前"]);
    assert_eq!(
        titles(&tasks),
        ["西溪河道综合治理", "农村供水管网延伸30公里"]
    );
    assert_eq!(tasks[0].leaders, ["孙立明"]);
    assert_eq!(tasks[0].units, ["县水利局"]);
    assert!(tasks[1].leaders.is_empty());
    assert_eq!(tasks[1].deadline, Some(1));
}

#[test]
fn numbered_directives_inside_a_paragraph() {
    let text = "会议要求：一是加快推进东岭片区棚户区改造，确保年内完成。\
                二是扎实做好秋粮收储工作。三是要提高政治站位，强化责任担当。";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["东岭片区棚户区改造", "秋粮收储"]);
}

#[test]
fn arranger_leads_the_items() {
    let text =
        "随后，刘长河副主任对防汛工作做出安排：一是全面开展河道隐患排查；二是做好防汛物资储备。";
    let tasks = run(text, &["刘长河"], &[]);
    assert_eq!(titles(&tasks), ["河道隐患排查", "防汛物资储备"]);
    assert!(tasks.iter().all(|t| t.leaders == ["刘长河"]));
}

#[test]
fn exhortations_and_principles_are_not_tasks() {
    let text = "会议强调，各级各部门要提高政治站位，坚持问题导向，强化责任担当，加强协调配合。\n\
                他提出三点要求：一是要重责任，各单位必须各负其责；二是要重落实，遇到困难要迎难而上；\
                三是要重质量，让每个项目都经得起检验。";
    assert!(run(text, &[], &[]).is_empty());
}

#[test]
fn reviewed_documents_but_not_studied_ones() {
    let text = "会议审议通过了《青溪县河道管理办法（草案）》和县民政局《关于调整低保标准的请示》，\
                同时学习了《青溪县机关作风建设若干规定》。";
    let tasks = run(text, &[], &[]);
    assert_eq!(
        titles(&tasks),
        ["《青溪县河道管理办法（草案）》", "调整低保标准"]
    );
}

#[test]
fn the_work_a_meeting_is_convened_for() {
    let text = "全县秸秆禁烧工作推进会召开\n3月5日，全县秸秆禁烧工作推进会在县政府召开。";
    assert_eq!(titles(&run(text, &[], &[])), ["秸秆禁烧"]);
}

#[test]
fn instruction_to_report_progress_is_a_task() {
    let text = "请各责任单位抓好落实，并于每月10日前将工作进展情况报送县政府督查室。";
    let tasks = run(text, &[], &["每月10日前"]);
    assert_eq!(titles(&tasks), ["工作进展情况报送"]);
    assert_eq!(tasks[0].deadline, Some(0));
}

#[test]
fn table_rows_with_vertically_merged_leaders() {
    let text = "序号\t工作任务\t牵头领导\t责任单位\t配合单位\t完成时限\n\
                1\t东区雨污分流改造，改造管网5公里\t赵立新\t区住建局\t区水务局、各街道办事处\t9月底前\n\
                2\t老街排水管网疏通\t\t区水务局\t区城管局\t6月底前\n\
                3\t城区路灯节能改造\t—\t区财政局\t区审计局\t年底前";
    let people = vec![person(text, "赵立新")];
    let deadlines = vec![deadline(text, "9月底前"), deadline(text, "6月底前")];
    let i = text.find("改造管网5公里").expect("in text");
    let problems = vec![Problem {
        text: "改造管网5公里".to_string(),
        task: None,
        span: [i, i + "改造管网5公里".len()],
    }];
    let tasks = find_tasks(&Analysis::new(text), &people, &deadlines, &problems);
    assert_eq!(
        titles(&tasks),
        ["东区雨污分流改造", "老街排水管网疏通", "城区路灯节能改造"]
    );
    assert_eq!(tasks[0].leaders, ["赵立新"]);
    assert_eq!(tasks[1].leaders, ["赵立新"]);
    assert!(tasks[2].leaders.is_empty());
    assert_eq!(tasks[0].units, ["区住建局", "区水务局", "各街道办事处"]);
    assert_eq!(tasks[0].deadline, Some(0));
    assert_eq!(tasks[1].deadline, Some(1));
    assert_eq!(tasks[0].problems, [0]);
    assert!(tasks[1].problems.is_empty());
}

#[test]
fn table_without_placeholders_leaves_empty_leaders_empty() {
    let text = "序号\t督办事项\t牵头领导\t责任单位\t完成时限\t进展情况\t存在问题\n\
                1\t港区码头工程\t钱文博\t市交通运输局\t年底前\t完成80%\t施工用地未交付\n\
                2\t职业技能提升专项行动\t\t市人社局\t年底前\t新增就业1万人\t";
    let tasks = run(text, &["钱文博"], &[]);
    assert_eq!(titles(&tasks), ["港区码头工程", "职业技能提升专项行动"]);
    assert_eq!(tasks[0].leaders, ["钱文博"]);
    assert!(tasks[1].leaders.is_empty());
    assert_eq!(tasks[0].status.as_deref(), Some("完成80%"));
}

#[test]
fn spans_point_into_the_text() {
    let text = "会议听取了区教育局关于第三中学扩建工程的汇报。";
    let tasks = run(text, &[], &[]);
    let [a, b] = tasks[0].span;
    assert_eq!(&text[a..b], "第三中学扩建工程");
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n\t\t\n",
        "一、",
        "（一）",
        "一是",
        "一是二是",
        "听取了",
        "听取了关于",
        "听取了关于的汇报",
        "关于、、的汇报",
        "《",
        "《》",
        "审议《关于》",
        "序号\t工作任务\n",
        "序号\t工作任务\t牵头领导\n\t\t\t\t\n1",
        "以上工作由负责",
        "由牵头，配合，于前完成。",
        "召开推进会",
        "2025年",
        "é一、é（一）é听取é关于é汇报é",
    ] {
        let _ = find_tasks(&Analysis::new(text), &[], &[], &[]);
    }
}

#[test]
fn out_of_range_spans_do_not_panic() {
    let text = "会议听取了县林业局关于森林防火的汇报。";
    let people = vec![Person {
        name: "某某".to_string(),
        titles: Vec::new(),
        roles: Vec::new(),
        spans: vec![[5000, 5006], [7, 3]],
    }];
    let deadlines = vec![Deadline {
        text: "x".to_string(),
        date: None,
        relation: Relation::By,
        precision: Precision::None,
        span: [9999, 10005],
    }];
    let tasks = find_tasks(&Analysis::new(text), &people, &deadlines, &[]);
    assert_eq!(titles(&tasks), ["森林防火"]);
    assert_eq!(tasks[0].deadline, None);
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(200))]
    #[test]
    fn arbitrary_text_does_not_panic(s in "[一二三、（）是要由牵头负责听取了关于的汇报《》，。；\t\n0-9月底前完成工程局a-c]{0,80}") {
        let _ = find_tasks(&Analysis::new(&s), &[], &[], &[]);
    }

    #[test]
    fn arbitrary_unicode_with_odd_spans_does_not_panic(s in "\\PC{0,120}", a in 0usize..400, b in 0usize..400) {
        let people = vec![Person { name: "某".to_string(), titles: Vec::new(), roles: Vec::new(), spans: vec![[a, b]] }];
        let deadlines = vec![Deadline { text: String::new(), date: None, relation: Relation::By, precision: Precision::None, span: [b, a] }];
        let problems = vec![Problem { text: String::new(), task: None, span: [a, b] }];
        let _ = find_tasks(&Analysis::new(&s), &people, &deadlines, &problems);
    }
}

#[test]
fn section_problems_belong_to_its_reported_topic() {
    let text = "一、关于城东污水管网工程\n会议听取了区水务局关于城东污水管网工程的汇报。\
                会议指出，项目存在图纸变更频繁等问题。会议要求：\n\
                （一）区水务局要在6月底前完成管网清淤，解决雨污混接问题。\n\
                二、关于其他事项\n会议指出，部分单位存在推诿扯皮现象。";
    let problem = |p: &str| {
        let i = text.find(p).expect("in text");
        Problem {
            text: p.to_string(),
            task: None,
            span: [i, i + p.len()],
        }
    };
    let problems = vec![
        problem("图纸变更频繁"),
        problem("雨污混接"),
        problem("推诿扯皮"),
    ];
    let tasks = find_tasks(
        &Analysis::new(text),
        &[],
        &[deadline(text, "6月底前")],
        &problems,
    );
    assert_eq!(titles(&tasks), ["城东污水管网工程", "管网清淤"]);
    assert_eq!(tasks[0].problems, [0]);
    assert_eq!(tasks[1].problems, [1]);
    assert_eq!(tasks[1].deadline, Some(0));
}

#[test]
fn arabic_numbered_items_with_their_topics() {
    let text = "会议议定如下：\n1.关于城区供水管网改造。会议同意县水利局提出的改造方案，\
                由县水利局牵头，9月底前完成一期管网铺设。\n2.县财政局要在8月底前拨付首期资金1.2万元。";
    let tasks = run(text, &[], &["9月底前", "8月底前"]);
    assert_eq!(
        titles(&tasks),
        ["城区供水管网改造", "一期管网铺设", "拨付首期资金1.2万元"]
    );
    assert_eq!(tasks[1].units, ["县水利局"]);
    assert_eq!(tasks[2].units, ["县财政局"]);
    assert_eq!(tasks[2].deadline, Some(1));
}

#[test]
fn table_with_short_headers_and_group_rows() {
    let text = "序号\t任务\t领导\t单位\t时限\n\t一、城市建设\t\t\t\n1\t加快推进南门桥改造\t孙海\t县住建局\t年底前";
    let tasks = run(text, &["孙海"], &[]);
    assert_eq!(titles(&tasks), ["南门桥改造"]);
    assert_eq!(tasks[0].leaders, ["孙海"]);
    assert_eq!(tasks[0].units, ["县住建局"]);
}

#[test]
fn projects_named_one_by_one_and_inspected_work() {
    let text = "全市重点工程第三次调度会召开\n近日，全市重点工程第三次调度会在市建委召开。东湖大桥、南门公园二期、第五水厂等28个城市建设项目负责人参加会议。\
                副市长陈立出席会议，现场督查省、市生态环境问题整改情况。";
    let tasks = run(text, &["陈立"], &[]);
    assert_eq!(
        titles(&tasks),
        [
            "重点工程",
            "东湖大桥",
            "南门公园二期",
            "第五水厂",
            "省、市生态环境问题整改"
        ]
    );
}

#[test]
fn names_opening_with_a_verb_are_not_units() {
    let text = "一要从大局出发，扎实开展各项工作；二要加强督办，合力完成河道清障任务。";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["河道清障"]);
    assert!(tasks[0].units.is_empty());
}

#[test]
fn unnumbered_work_assigned_to_a_named_unit() {
    let text = "他要求，县林业局要加强松材线虫病监测，各乡镇要提高认识，相关部门要密切配合，\
                县水利局要在汛前完成病险水库除险加固，县交通局要在保安全的前提下加快施工。";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["松材线虫病监测", "病险水库除险加固"]);
    assert_eq!(tasks[0].units, ["县林业局"]);
    assert_eq!(tasks[1].units, ["县水利局"]);
}

#[test]
fn labelled_units_and_numbered_meeting_paragraphs() {
    let text = "会议决定：\n一、加快推进城区道路改造。（责任单位：县住建局；完成时限：9月底前）\n\
                二、全面完成农村危房改造。责任单位：县住建局，配合单位：各乡镇。\n\
                三、会议强调，各乡镇各部门要进一步提高政治站位，狠抓工作落实。";
    let tasks = run(text, &[], &["9月底前"]);
    assert_eq!(titles(&tasks), ["城区道路改造", "农村危房改造"]);
    assert_eq!(tasks[0].units, ["县住建局"]);
    assert_eq!(tasks[0].deadline, Some(0));
    assert_eq!(tasks[1].units, ["县住建局", "各乡镇"]);
}

#[test]
fn work_to_be_finished_on_time() {
    let text = "王立平副主任对交通治理工作做出安排：一是要深入摸排并采取有力措施，确保省里督办的6处堵点整治按期完成；\
                二是逐级压实责任，强化督查问责。";
    let tasks = run(text, &["王立平"], &[]);
    // The work arranged is a task of its own (rule (a): what the meeting deploys).
    assert_eq!(titles(&tasks), ["省里督办的6处堵点整治", "交通治理"]);
    assert_eq!(tasks[0].leaders, ["王立平"]);
    assert_eq!(tasks[1].leaders, ["王立平"]);
}

#[test]
fn leaders_named_by_title_when_no_person_was_found() {
    let text = "一、关于北山隧道工程\n会议听取了副市长邓明远关于北山隧道工程前期工作的汇报。\n\
                （一）由副市长许文清牵头，市交通运输局负责，年底前完成隧道贯通。\n\
                以上工作由常务副市长韩中立负责统筹，副市长邓明远协助。";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["北山隧道工程前期", "隧道贯通"]);
    assert_eq!(tasks[0].leaders, ["邓明远", "韩中立"]);
    assert_eq!(tasks[1].leaders, ["许文清", "韩中立", "邓明远"]);
}

#[test]
fn unnumbered_work_led_by_units() {
    let text =
        "会议指出，城区积水点多。由市住建局牵头，市财政局配合，于4月底前完成排水管网改造方案编制。";
    let tasks = run(text, &[], &["4月底前"]);
    assert_eq!(titles(&tasks), ["排水管网改造方案编制"]);
    assert_eq!(tasks[0].units, ["市住建局", "市财政局"]);
    assert_eq!(tasks[0].deadline, Some(0));
}

#[test]
fn table_with_group_lines_between_rows() {
    let text = "序号\t重点任务\t具体内容\t责任领导\t牵头单位\t配合单位\t完成时间\n一、城市建设\n\
                1\t加快推进东环路改造\t完成路面改造3公里\t副县长张一鸣\t县住建局\t县交通局\t9月底前\n\
                二、社会民生\n\
                2\t城乡居民医保参保扩面\t参保率达到95%以上\t\t县医保局\t各乡镇\t长期坚持";
    let tasks = run(text, &["张一鸣"], &["9月底前"]);
    assert_eq!(titles(&tasks), ["东环路改造", "城乡居民医保参保扩面"]);
    assert_eq!(tasks[0].leaders, ["张一鸣"]);
    assert_eq!(tasks[0].units, ["县住建局", "县交通局"]);
    assert_eq!(tasks[0].deadline, Some(0));
    assert!(tasks[1].leaders.is_empty());
}

#[test]
fn heading_names_the_work_of_a_report_without_topic() {
    let text = "二、关于农村公路建设\n会议听取了县交通局的汇报。会议要求，县交通局要加快推进农村公路提档升级。\n\
                以上事项由副县长王川负责。";
    let tasks = run(text, &["王川"], &[]);
    assert_eq!(titles(&tasks), ["农村公路建设", "农村公路提档升级"]);
    assert_eq!(tasks[0].units, ["县交通局"]);
    assert!(tasks.iter().all(|t| t.leaders == ["王川"]));
}

#[test]
fn a_limit_right_before_the_work_is_its_own() {
    let text = "会议要求，一是由县住建局牵头，于5月底前完成16个老旧小区改造项目的施工图审查，确保7月20日前全部开工。二是县水务局要在汛期前完成城区排水管网清淤，三季度末前完成8处易涝点改造。";
    let tasks = run(text, &[], &["5月底前", "7月20日前", "汛期前", "三季度末前"]);
    let linked: Vec<(&str, Option<usize>)> = tasks
        .iter()
        .map(|t| (t.title.as_str(), t.deadline))
        .collect();
    assert!(
        linked.contains(&("16个老旧小区改造项目的施工图审查", Some(0))),
        "{linked:?}"
    );
    assert!(
        linked.contains(&("城区排水管网清淤", Some(2))),
        "{linked:?}"
    );
}

#[test]
fn the_subject_of_a_report_leads_what_it_reports() {
    // The subject carries over the clauses of its sentence that open with a verb.
    let text = "会上，县应急局局长李明通报了近期森林防火隐患排查情况，部署汛期值守相关工作；\
                副县长赵刚汇报了农村公路改造、城区供水管网改造等重点工作。";
    let tasks = run(text, &["李明", "赵刚"], &[]);
    // In the order of the text.
    let mut found: Vec<(usize, &str, Vec<String>)> = tasks
        .iter()
        .map(|t| (t.span[0], t.title.as_str(), t.leaders.clone()))
        .collect();
    found.sort();
    let found: Vec<(&str, Vec<String>)> = found.into_iter().map(|(_, t, l)| (t, l)).collect();
    let leader = |n: &str| vec![n.to_string()];
    assert_eq!(
        found,
        [
            ("森林防火隐患排查", leader("李明")),
            ("汛期值守", leader("李明")),
            ("农村公路改造", leader("赵刚")),
            ("城区供水管网改造", leader("赵刚")),
        ]
    );
}

#[test]
fn a_speaker_leads_nothing_and_an_alias_arranges_the_items_below() {
    let text = "会议强调，各部门要做好防汛工作。\n随后，孙书记对公司安全生产工作进行安排和部署如下：\n\
                1、各部门开展燃气安全大排查。\n2、公司要签订2025年安全生产责任书。\n孙伟强调，要守牢底线。";
    let mut sun = person(text, "孙伟");
    sun.titles = vec!["党支部书记".to_string()];
    let deadlines: Vec<Deadline> = Vec::new();
    let tasks = find_tasks(&Analysis::new(text), &[sun], &deadlines, &[]);
    for t in &tasks {
        let below = t.span[0] > text.find("如下").unwrap();
        assert_eq!(
            t.leaders.is_empty(),
            !below && t.title != "安全生产",
            "{}",
            t.title
        );
    }
    assert!(
        tasks
            .iter()
            .any(|t| t.title == "燃气安全大排查" && t.leaders == ["孙伟"])
    );
    assert!(
        tasks
            .iter()
            .any(|t| t.title == "安全生产" && t.leaders == ["孙伟"])
    );
}

#[test]
fn per_person_assignments_in_minutes() {
    let text = "二、本周任务安排\n王芳：完成数据标注，两周内完成。\n郝强负责模型训练环境搭建，10月15日前完成。\n\
                [后端] 李娜：\n1. 创建“一键回退”接口，实现全部逻辑。\n2. 在审批界面上，显示“撤销”按钮。\n\
                赵磊：我认为方案可行。\n";
    let tasks = run(
        text,
        &["王芳", "郝强", "李娜", "赵磊"],
        &["两周内", "10月15日前"],
    );
    let mut found: Vec<(usize, &str, &str)> = tasks
        .iter()
        .map(|t| {
            (
                t.span[0],
                t.title.as_str(),
                t.leaders.first().map_or("", String::as_str),
            )
        })
        .collect();
    found.sort();
    let found: Vec<(&str, &str)> = found.into_iter().map(|(_, t, l)| (t, l)).collect();
    assert_eq!(
        found,
        [
            ("数据标注", "王芳"),
            ("模型训练环境搭建", "郝强"),
            ("“一键回退”接口", "李娜"),
            ("“撤销”按钮", "李娜"),
        ]
    );
    let deadline_of = |title: &str| tasks.iter().find(|t| t.title == title).unwrap().deadline;
    assert_eq!(deadline_of("数据标注"), Some(0));
    assert_eq!(deadline_of("模型训练环境搭建"), Some(1));
}

#[test]
fn items_members_propose_are_tasks_they_lead() {
    let text = "三、有关海滨发展\n(将一并讨论由梁明先生提出「因应发展—要求改善海滨长廊」、\
                由陈红女士及司马青先生提出「讨论旧区重建对社区的影响」)\n\
                林一平议员、何美先生查询有关体育馆重建工程的进展情况\n";
    let tasks = run(text, &["梁明", "陈红", "司马青", "林一平", "何美"], &[]);
    let found = led(&tasks);
    let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(
        found.contains(&("改善海滨长廊", names(&["梁明"]))),
        "{found:?}"
    );
    assert!(
        found.contains(&("旧区重建对社区的影响", names(&["陈红", "司马青"]))),
        "{found:?}"
    );
    assert!(
        found.contains(&("体育馆重建工程", names(&["林一平", "何美"]))),
        "{found:?}"
    );
}

#[test]
fn a_list_of_reports_heard_goes_on_past_the_first() {
    let text = "会议听取了县发改局关于城区停车场建设的汇报、县住建局关于老旧小区改造的汇报。";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["城区停车场建设", "老旧小区改造"]);
    assert_eq!(tasks[0].units, ["县发改局"]);
    assert_eq!(tasks[1].units, ["县住建局"]);
}

#[test]
fn a_directive_lists_each_piece_of_work_it_names() {
    // Invented: one numbered item with several work verbs, lists with a shared ending.
    let text = "会议强调：一是环境方面，要推进扬尘污染和黑臭水体治理工作，抓好河堤加固工程、泵站改造等工作，\
                落实产业扶贫、金融扶贫等政策落实；二是认真抓好春播生产。";
    let tasks = run(text, &[], &[]);
    let got = titles(&tasks);
    for want in [
        "扬尘污染治理",
        "黑臭水体治理",
        "河堤加固工程",
        "泵站改造",
        "春播生产",
    ] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
    // A `等` summing the list under a head of its own keeps it one piece of work.
    assert!(!got.contains(&"产业扶贫"), "{got:?}");
}

#[test]
fn work_named_after_a_colon_and_before_the_verb() {
    let text = "总经理韩立青主持会议。这三项重点工作是：新厂区环评的申报、安全资质的申报、企业宣传片制作和画册改版工作。\
                他还就年终考核工作进行了安排。会议还就食堂承包、东门道路硬化等相关事项进行了布置。";
    let tasks = run(text, &["韩立青"], &[]);
    let got = titles(&tasks);
    for want in [
        "新厂区环评的申报",
        "安全资质的申报",
        "企业宣传片制作和画册改版",
        "食堂承包",
        "东门道路硬化",
    ] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
    // `他` is the one named before: he arranges the appraisal.
    let appraisal = tasks
        .iter()
        .find(|t| t.title.contains("年终考核"))
        .expect("年终考核");
    assert_eq!(appraisal.leaders, ["韩立青"]);
}

#[test]
fn minutes_record_deliberation_apart_from_decisions() {
    // Invented team minutes, as a Markdown memo reads once its markup is gone.
    let text = "议题一：报销单据的作废流程\n背景：\n测试发现已付款单据无法修改。\n讨论要点：\n\
                1. 需求场景：错误可能在任何阶段发现。\n2. 方案比较：\n流程：\n1. 权限控制：操作需要专门权限。\n\
                会议决议：\n1. 完成作废接口的开发，9月底前上线。\n";
    let tasks = run(text, &[], &["9月底前"]);
    let got = titles(&tasks);
    assert!(got.contains(&"报销单据的作废流程"), "{got:?}");
    assert!(got.iter().any(|t| t.contains("作废接口")), "{got:?}");
    for said in ["需求场景", "方案比较", "权限控制"] {
        assert!(!got.iter().any(|t| t.contains(said)), "{said} in {got:?}");
    }
}

#[test]
fn requests_reviewed_beside_documents() {
    let text = "会议讨论通过了《青河县供水补贴暂行办法》、关于东坡水库除险加固的请示以及关于申请增设城南公交线路的请示。";
    let tasks = run(text, &[], &[]);
    let got = titles(&tasks);
    for want in ["东坡水库除险加固", "增设城南公交线路"] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
}

#[test]
fn counted_campaigns_and_reported_projects() {
    let text = "县局扎实开展村级账目不公开、违规收取押金、“会所歌厅”三个专项整治工作。\
                会议通报了北湖小学扩建、城西中学提升改造等项目建设推进情况。";
    let tasks = run(text, &[], &[]);
    let got = titles(&tasks);
    for want in [
        "村级账目不公开专项整治",
        "违规收取押金专项整治",
        "“会所歌厅”专项整治",
        "北湖小学扩建",
        "城西中学提升改造",
    ] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
}

#[test]
fn bulleted_decisions_that_state_their_topic_first() {
    let text = "主席：林局长\n• 各科重大事项提报：\n• 东湖段3地号土地检讨处理方案请于二周内整理签报。\n\
                • 有关老旧公寓外墙修缮进度请提市政会议报告。\n";
    let tasks = run(text, &[], &[]);
    let got = titles(&tasks);
    for want in ["东湖段3地号土地检讨处理方案", "老旧公寓外墙修缮"] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
}

#[test]
fn a_table_flattened_to_one_cell_a_line() {
    // Invented: a web task list copied as text; the leader cell is merged over two rows.
    let text = "序号\n指标\n工作任务\n完成时限\n责任领导\n责任单位\n\
                1\n群众文化\n全年开展送戏下乡40场。\n11月底前\n孟庆华\n文化股\n\
                2\n完成乡镇文化站提档升级。\n文化股\n\
                3\n体育设施\n新建健身广场2处。\n6月底\n韩 冰\n体育股\n";
    let tasks = run(text, &["孟庆华", "韩冰"], &["11月底前", "6月底"]);
    let led: Vec<(&str, Vec<&str>)> = tasks
        .iter()
        .map(|t| {
            (
                t.title.as_str(),
                t.leaders.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(led.len(), 3, "{led:?}");
    assert!(led[0].0.contains("送戏下乡"), "{led:?}");
    assert_eq!(led[0].1, ["孟庆华"]);
    assert!(led[1].0.contains("乡镇文化站提档升级"), "{led:?}");
    assert_eq!(led[1].1, ["孟庆华"], "the merged cell covers the row below");
    assert_eq!(led[2].1, ["韩冰"]);
    assert_eq!(tasks[2].deadline, Some(1));
}

#[test]
fn items_reported_on_before_the_verb() {
    let text = "会上，各工作组负责人分别就河道保洁、垃圾分类、优化办事流程工作推进情况、存在问题和下一步打算做了专题汇报。";
    let tasks = run(text, &[], &[]);
    let got = titles(&tasks);
    for want in ["河道保洁", "垃圾分类", "办事流程"] {
        assert!(
            got.iter().any(|t| t.contains(want)),
            "{want} missing from {got:?}"
        );
    }
    assert!(!got.iter().any(|t| t.contains("下一步")), "{got:?}");
    // Spoken on as well as reported on.
    let text = "县住建局、县交通局分别就建筑工地扬尘治理、农村公路养护工作作了交流发言。";
    assert_eq!(
        titles(&run(text, &[], &[])),
        ["建筑工地扬尘治理", "农村公路养护"]
    );
}

#[test]
fn numbered_item_opening_with_a_name_gives_that_person_the_work_it_names() {
    let text = "二、本周工作安排\n1. 宋雨桐：完成样本数据标注，两周内完成。\n\
                2. 韩立峰牵头制定二期上线方案，本周五前发给全体成员。\n\
                3. 邱静汇报了客户回访系统的开发进度，目前已完成八成。\n\
                4. 韩立峰负责测试机房扩容，4月15日前提交采购申请。\n\
                5. 邱静同志负责推进档案数字化改革，年底前全面推开。\n";
    let tasks = run(
        text,
        &["宋雨桐", "韩立峰", "邱静"],
        &["两周内", "本周五前", "4月15日前"],
    );
    let got: Vec<(&str, Vec<&str>)> = tasks
        .iter()
        .map(|t| {
            (
                t.title.as_str(),
                t.leaders.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("样本数据标注", vec!["宋雨桐"]),
            ("二期上线方案", vec!["韩立峰"]),
            ("客户回访系统的开发", vec!["邱静"]),
            ("测试机房扩容", vec!["韩立峰"]),
            ("档案数字化改革", vec!["邱静"]),
        ]
    );
}

#[test]
fn a_person_made_responsible_leads_the_work_named_or_the_sentences_work() {
    let text = "会议决定，李娜负责年度预算编制，12月底前完成。\
                会议要求，各单位11月底前完成问题整改，由王强同志牵头负责督办。\
                会议要求，张伟负责统筹协调。";
    let tasks = run(text, &["李娜", "王强", "张伟"], &["12月底前", "11月底前"]);
    let got: Vec<(&str, Vec<&str>)> = tasks
        .iter()
        .map(|t| {
            (
                t.title.as_str(),
                t.leaders.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // `统筹协调`: verbs only, no work of its own.
    let mut got = got;
    got.sort();
    assert_eq!(
        got,
        [("年度预算编制", vec!["李娜"]), ("问题整改", vec!["王强"])]
    );
    assert!(tasks.iter().all(|t| t.deadline.is_some()));
}

#[test]
fn the_meetings_voice_and_a_problems_section_name_no_work() {
    let text = "一、会议内容\n1. 会议决定：由郑海负责期中教学检查，10月底前完成。\n\
                2. 会议要求，冯涛负责校园安全隐患排查。\n\
                二、存在问题\n1. 服务器资源紧张。\n2. 标注人员不足。\n\
                三、下一步工作\n1. 王芳：完成数据标注。\n";
    let tasks = run(text, &["郑海", "冯涛", "王芳"], &["10月底前"]);
    let got: Vec<(&str, Vec<&str>)> = tasks
        .iter()
        .map(|t| {
            (
                t.title.as_str(),
                t.leaders.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("期中教学检查", vec!["郑海"]),
            ("校园安全隐患排查", vec!["冯涛"]),
            ("数据标注", vec!["王芳"]),
        ]
    );
}

#[test]
fn who_only_speaks_of_an_item_does_not_lead_it() {
    let text = "（二）关于校园安全检查。柏伟副校长指出，近期学校周边交通秩序混乱。会议决定，\
                由政教处牵头，3月底前完成全面安全排查。\n（三）关于春季运动会。莫洋负责制定运动会方案。\n";
    let tasks = run(text, &["柏伟", "莫洋"], &["3月底前"]);
    let safety: Vec<&Task> = tasks.iter().filter(|t| t.title.contains("安全")).collect();
    assert!(!safety.is_empty(), "{tasks:?}");
    assert!(safety.iter().all(|t| t.leaders.is_empty()), "{safety:?}");
    let games = tasks
        .iter()
        .find(|t| t.title.contains("运动会"))
        .expect("games task");
    assert_eq!(games.leaders, ["莫洋"]);
}

#[test]
fn a_clause_setting_only_a_target_gives_its_deadline_to_the_work_before_it() {
    let text = "会议强调，要加快推进城西污水处理厂扩建，确保年底前完成投资5亿元。\
                会议要求，确保6月底前新增就业1200人。";
    let tasks = run(text, &[], &["年底前", "6月底前"]);
    assert_eq!(titles(&tasks), ["城西污水处理厂扩建"]);
    assert_eq!(tasks[0].deadline, Some(0));
}

#[test]
fn a_first_level_decision_about_a_topic_names_its_work_as_a_second_level_one_does() {
    let text = "会议议定事项如下：\n一、关于老旧小区加装电梯工作。会议同意在两个小区先行试点。\
                责任人：陆思远；完成时限：6月底前。\n（二）关于背街小巷整治。会议同意整治方案。\n";
    let tasks = run(text, &["陆思远"], &["6月底前"]);
    assert_eq!(titles(&tasks), ["老旧小区加装电梯", "背街小巷整治"]);
    assert_eq!(tasks[0].leaders, ["陆思远"]);
    assert_eq!(tasks[0].deadline, Some(0));
}

#[test]
fn a_numbered_paragraph_of_minutes_names_the_topics_it_takes_up() {
    let text = "一、会议研究了2025年研究生招生复试工作方案。会议同意该方案。\n\
                二、会议讨论了实验室危化品管理。\n";
    let got = titles(&run(text, &[], &[])).join("|");
    assert!(got.contains("研究生招生复试工作方案"), "{got}");
    assert!(got.contains("实验室危化品管理"), "{got}");
}

#[test]
fn a_unit_made_responsible_without_you_leads_the_work_it_names() {
    let text = "会议纪要\n区农业农村局牵头编制高标准农田建设规划。\n\
                区财政局负责同志参加会议。\n区水利局负责统筹协调。\n";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["高标准农田建设规划"]);
    assert_eq!(tasks[0].units, ["区农业农村局"]);
}

#[test]
fn lines_under_an_action_heading_are_items_each_a_label_and_its_directive() {
    let text = "会议纪要\n行动计划\n组建评审小组：成立课程评审小组，负责方案制定。\n\
                推进题库建设：教务处牵头整理近三年试题，形成题库。\n\
                会议时间：2025年5月8日\n完善考核办法：各组提交考核细则。\n";
    let tasks = run(text, &[], &[]);
    // A field line ends the items: what follows it is not read as one.
    assert_eq!(titles(&tasks), ["组建评审小组", "题库建设"]);
    assert_eq!(tasks[1].units, ["教务处"]);
}

#[test]
fn an_agenda_heading_names_the_work_its_body_assigns() {
    let text = "一、审议2025年研究生招生计划\n会议审议通过了招生计划。由李娜负责于4月10日前报送市教育局。\n\
                二、研究部署校园安全\n会议要求，各学院要落实安全责任。";
    let tasks = run(text, &["李娜"], &["4月10日前"]);
    let plan = tasks
        .iter()
        .find(|t| t.title == "2025年研究生招生计划")
        .unwrap_or_else(|| panic!("{:?}", titles(&tasks)));
    assert_eq!(plan.leaders, ["李娜"]);
    assert_eq!(plan.deadline, Some(0));
    let safety = tasks.iter().find(|t| t.title == "校园安全");
    assert!(
        safety.is_some_and(|t| t.leaders.is_empty()),
        "{:?}",
        titles(&tasks)
    );
}

#[test]
fn topics_the_meeting_takes_up_in_a_later_clause() {
    let text = "会议学习了省市文件精神，动员部署重大事故隐患专项排查整治2023行动，\
                对燃气安全、生活垃圾处理、内河河道清淤等十九项工作进行安排部署。";
    let tasks = run(text, &[], &[]);
    for want in [
        "重大事故隐患专项排查整治2023行动",
        "燃气安全",
        "生活垃圾处理",
        "内河河道清淤",
    ] {
        assert!(
            titles(&tasks).contains(&want),
            "{want}: {:?}",
            titles(&tasks)
        );
    }
    // After `会议指出`, the clauses report what others deploy.
    let text = "会议指出，党中央高度重视巡视工作，部署开展第六轮巡视。";
    assert!(run(text, &[], &[]).is_empty());
}

#[test]
fn a_title_closing_with_its_shortcoming_names_the_work() {
    let text = "会议要求：\n1.支付接口联调进度滞后，赵刚负责本周内完成联调。";
    let tasks = run(text, &["赵刚"], &[]);
    assert_eq!(titles(&tasks)[0], "支付接口联调");
    assert_eq!(tasks[0].leaders, ["赵刚"]);
}

#[test]
fn a_plan_read_out_or_signed_is_work_led_by_its_reader() {
    let text = "镇党委副书记史云海宣读了《正午镇秋季秸秆禁烧工作方案》，并安排部署禁烧工作。\
                镇长刘彬与各村签订了《秋季秸秆禁烧目标责任书》。会议传达学习了《习近平重要讲话》。";
    let tasks = run(text, &["史云海", "刘彬"], &[]);
    let found = led(&tasks);
    assert!(
        found.contains(&("《正午镇秋季秸秆禁烧工作方案》", vec!["史云海".to_string()])),
        "{found:?}"
    );
    assert!(
        found.contains(&("《秋季秸秆禁烧目标责任书》", vec!["刘彬".to_string()])),
        "{found:?}"
    );
    // A speech studied is guidance, no work.
    assert!(
        !titles(&tasks).iter().any(|t| t.contains("讲话")),
        "{found:?}"
    );
}

#[test]
fn numbered_section_labels_name_no_work_and_their_lines_are_items() {
    let text = "一、上周进展\n工单自动分派模块：已完成开发并提测（蔡思远）。\n\
                二、讨论与决议\n三、行动项\n接口对齐会：与厂商对齐接口，输出差异清单。\n\
                下次周会：2026-01-16 15:00";
    let tasks = run(text, &["蔡思远"], &[]);
    assert_eq!(titles(&tasks), ["工单自动分派模块", "接口对齐会"]);
    assert_eq!(tasks[0].leaders, ["蔡思远"]);
}

#[test]
fn an_action_item_table_of_team_minutes() {
    let text = "编号\t行动项\t负责人\t截止时间\t状态\n\
                A1\t压测服务器申请与部署\t季航\t两周内\t延期\n\
                A2\t上线方案与回滚预案\t孔令宇\t2月6日前\t新增\n";
    let tasks = run(text, &["季航", "孔令宇"], &["两周内", "2月6日前"]);
    let found: Vec<(&str, &[String], Option<usize>)> = tasks
        .iter()
        .map(|t| (t.title.as_str(), t.leaders.as_slice(), t.deadline))
        .collect();
    assert_eq!(
        found,
        [
            ("压测服务器申请与部署", &["季航".to_string()][..], Some(0)),
            ("上线方案与回滚预案", &["孔令宇".to_string()][..], Some(1)),
        ]
    );
}

#[test]
fn items_the_meeting_settles_before_its_verb() {
    let text = "会议还就加快土建施工进度、做好转岗及上岗培训等事项进行了议定。";
    let tasks = run(text, &[], &[]);
    assert_eq!(titles(&tasks), ["土建施工", "转岗及上岗培训"]);
}

#[test]
fn an_item_making_a_person_responsible_gives_them_the_items_below() {
    let text = "二、电梯安全隐患专项整治\n（一）由施铭远同志负责：\n\
                ① 12月底前完成全市住宅电梯安全评估；\n\
                ② 推进电梯应急处置平台建设。\n\
                （二）各区县局每月3日前报送隐患整治台账。";
    let tasks = run(text, &["施铭远"], &["12月底前"]);
    let found: Vec<(&str, usize)> = tasks
        .iter()
        .map(|t| (t.title.as_str(), t.leaders.len()))
        .collect();
    assert_eq!(
        found,
        [
            ("全市住宅电梯安全评估", 1),
            ("电梯应急处置平台建设", 1),
            ("隐患整治台账报送", 0),
        ]
    );
    assert_eq!(tasks[0].leaders, ["施铭远"]);
    assert_eq!(tasks[0].deadline, Some(0));
}

#[test]
fn items_listed_under_a_line_closing_with_problems_are_no_tasks() {
    let text = "一、工作通报\n（一）医务科通报医疗质量情况。存在问题：\n\
                1. 部分科室危急值报告登记不规范；\n2. 日间手术开展推进缓慢。\n\
                （二）由庄晓棠负责，5月15日前完成全院运行病历交叉检查。";
    let tasks = run(text, &["庄晓棠"], &["5月15日前"]);
    let titles = titles(&tasks);
    assert!(titles.contains(&"全院运行病历交叉检查"), "{titles:?}");
    assert!(
        !titles
            .iter()
            .any(|t| t.contains("危急值") || t.contains("日间手术")),
        "{titles:?}"
    );
}

#[test]
fn an_item_that_is_a_report_names_what_is_reported_led_by_the_reporter() {
    let text = "一、工作通报\n（一）医务科科长桂明轩通报一季度医疗质量情况。截至3月底，平均住院日8.6天。\n\
                （二）护理部主任伏静通报优质护理示范病房创建进展，已有6个病区通过验收。";
    let tasks = run(text, &["桂明轩", "伏静"], &[]);
    let found = led(&tasks);
    assert_eq!(
        found,
        [
            ("医疗质量", vec!["桂明轩".to_string()]),
            ("优质护理示范病房创建", vec!["伏静".to_string()]),
        ]
    );
}

#[test]
fn the_report_opening_a_section_leads_the_work_its_heading_names() {
    let text = "议题一：2024年度村集体经济收益分配方案\n\
                潘国强同志通报：截至10月底，村集体经营性收入42.6万元。\n\
                一、上学期期末质量分析\n柯文杰对上学期期末统考作了分析：全组平均分偏低。\n\
                议题三：其他事项\n王强同志通报：无。";
    let tasks = run(text, &["潘国强", "柯文杰", "王强"], &[]);
    let found = led(&tasks);
    assert_eq!(
        found,
        [
            ("2024年度村集体经济收益分配方案", vec!["潘国强".to_string()]),
            ("上学期期末质量分析", vec!["柯文杰".to_string()]),
        ]
    );
}

#[test]
fn owners_named_one_after_another_before_a_colon_share_the_work() {
    let text = "- 牟永利，李斐斐：官网展示Demo开发\n- 张泽宇：硬件分析\n- 王强，李娜参加了讨论";
    let tasks = run(text, &["牟永利", "李斐斐", "张泽宇", "王强", "李娜"], &[]);
    let found = led(&tasks);
    assert_eq!(
        found,
        [
            (
                "官网展示Demo开发",
                vec!["牟永利".to_string(), "李斐斐".to_string()]
            ),
            ("硬件分析", vec!["张泽宇".to_string()]),
        ]
    );
}

#[test]
fn a_document_of_opinions_heard_is_one_item_of_the_list() {
    let text = "会议听取了甲县产业扶贫行动方案、乙县重点工作实施意见、丙县脱贫攻坚工作方案的汇报。\
                会议研究安排疫情防控工作。";
    let tasks = run(text, &[], &[]);
    assert_eq!(
        titles(&tasks),
        [
            "甲县产业扶贫行动方案",
            "乙县重点工作实施意见",
            "丙县脱贫攻坚工作方案",
            "疫情防控"
        ]
    );
    // Opinions heard from people close what is heard.
    assert!(run("会议听取了群众意见，研究了整改。", &[], &[]).is_empty());
}

#[test]
fn work_named_first_then_who_leads_it() {
    let text = "会议决定：九重区域环境整治由王光玲牵头，九重镇落实；\
                干渠绿化、外环线绿化由周红军牵头，林业局落实；该项目由周红军负责。";
    let tasks = run(text, &["王光玲", "周红军"], &[]);
    let found = led(&tasks);
    assert_eq!(
        found,
        [
            ("九重区域环境整治", vec!["王光玲".to_string()]),
            ("干渠绿化", vec!["周红军".to_string()]),
            ("外环线绿化", vec!["周红军".to_string()]),
        ]
    );
}

#[test]
fn the_progress_heard_of_each_project() {
    let text = "会议听取了500兆瓦光伏项目、县殡仪馆建设项目的进展情况、存在问题以及下一步计划。";
    assert_eq!(
        titles(&run(text, &[], &[])),
        ["500兆瓦光伏项目", "县殡仪馆建设项目"]
    );
}

#[test]
fn lines_that_are_agenda_items_alone() {
    let text = "学院召开党政联席会。会议由冯果院长主持。\n布置近期学院疫情防控工作;\n\
                讨论确定近期人才引进的待遇问题;\n通报学院2021年申报修购专项工作进展。\n\
                研究生院负责人列席会议。";
    let tasks = run(text, &[], &[]);
    assert_eq!(
        titles(&tasks),
        [
            "学院疫情防控",
            "人才引进的待遇问题",
            "学院2021年申报修购专项"
        ]
    );
    // One such line alone is ordinary prose.
    assert!(run("会议纪要\n通报了近期安全生产情况。\n", &[], &[]).is_empty());
}

#[test]
fn several_people_arranging_together_lead_each_item() {
    let text = "会上，副镇长林国栋、田秀云、方立新分别就下阶段征地拆迁、重点项目、\
                防汛减灾等工作做了具体部署。";
    let tasks = run(text, &["林国栋", "田秀云", "方立新"], &[]);
    assert_eq!(titles(&tasks), ["征地拆迁", "重点项目", "防汛减灾"]);
    assert!(
        tasks
            .iter()
            .all(|t| t.leaders == ["林国栋", "田秀云", "方立新"])
    );
}

#[test]
fn titles_listed_before_a_subject_and_requirements_on_named_work() {
    let text = "街道党工委委员、办事处副主任周明传达了全区大会精神，对文明创建工作进行了布置。\
                党支部书记韩松主持会议并对党建、廉政、宣传等工作提出具体要求。";
    let tasks = run(text, &["周明", "韩松"], &[]);
    assert_eq!(
        led(&tasks),
        [
            ("文明创建", vec!["周明".to_string()]),
            ("党建", vec!["韩松".to_string()]),
            ("廉政", vec!["韩松".to_string()]),
            ("宣传", vec!["韩松".to_string()]),
        ]
    );
}

#[test]
fn a_name_inside_an_object_is_no_subject() {
    // The name after `对贯彻落实` is what is carried out, not who arranges.
    let text = "总理孟文作总结讲话，对贯彻落实钱立群主席重要讲话精神、做好明年经济工作提出要求。";
    let tasks = run(text, &["孟文", "钱立群"], &[]);
    assert!(
        tasks
            .iter()
            .all(|t| !t.leaders.contains(&"钱立群".to_string()))
    );
    assert!(tasks.iter().all(|t| t.title != "明年经济"));
}

#[test]
fn an_ending_is_shared_only_when_no_other_item_has_its_own() {
    let text = "会议听取了招商引资、民生项目建设、换届选举、社区治理等重点工作推进情况的汇报。";
    assert_eq!(
        titles(&run(text, &[], &[])),
        ["招商引资", "民生项目建设", "换届选举", "社区治理"]
    );
    let text = "会议听取了城东片区、北岭新区建设进展情况的汇报。";
    assert_eq!(
        titles(&run(text, &[], &[])),
        ["城东片区建设", "北岭新区建设"]
    );
}

#[test]
fn turns_of_a_recorded_discussion_are_no_assignments() {
    let text = "会议记录\n周建：先请海燕同志说一下防汛。\n\
                孙海燕：我镇有小型水库2座。前期排查发现物资储备不足，建议抓紧补齐。\n\
                会议决定\n一、防汛物资补齐由孙海燕同志负责，6月底前完成。\n\
                吴强：完成全镇秸秆离田处置，6月20日前完成。\n";
    let tasks = run(text, &["周建", "孙海燕", "吴强"], &["6月底前", "6月20日前"]);
    assert_eq!(
        led(&tasks),
        [
            ("防汛物资补齐", vec!["孙海燕".to_string()]),
            ("全镇秸秆离田处置", vec!["吴强".to_string()]),
        ]
    );
}

#[test]
fn items_after_a_count_of_problems_are_not_work() {
    let text = "会议纪要\n从答题情况看，主要问题有三：一是综合题得分率低；二是计算失误较多；\
                三是两极分化明显。会议要求：一是开展导数专题突破；二是加强运算规范训练。\n";
    assert_eq!(
        titles(&run(text, &[], &[])),
        ["导数专题突破", "运算规范训练"]
    );
}

#[test]
fn header_fields_in_a_numbered_list_name_no_work() {
    let text = "# 会议纪要\n1. 会议时间：2024-12-08 20:00\n2. 参会人：@林立@梁晨\n\
                3. 会议决定：开展年度报告问卷调查。\n";
    let tasks = run(text, &[], &[]);
    assert!(
        tasks
            .iter()
            .all(|t| !t.title.contains("2024") && !t.title.contains("参会")),
        "{:?}",
        titles(&tasks)
    );
}

#[test]
fn only_the_sentence_opening_the_items_says_who_arranges_them() {
    let text = "会上，副县长高原对三夏工作进行了全面总结，并就三秋工作进行了安排部署；\
                最后，县委书记林涛要求：一是加强安全生产监督检查；二是扎实做好维稳信访工作。";
    let tasks = run(text, &["高原", "林涛"], &[]);
    let items: Vec<&Task> = tasks
        .iter()
        .filter(|t| t.title == "安全生产监督检查" || t.title == "维稳信访")
        .collect();
    assert_eq!(items.len(), 2, "{:?}", titles(&tasks));
    assert!(items.iter().all(|t| t.leaders.is_empty()));
}

#[test]
fn the_meetings_own_name_and_links_are_no_work() {
    let text = "# 纪要\n1. 会议名称：2024 开源年报组委会第六次会议\n\
                2. 会议录屏链接：https://example.com/minutes/1\n3. 会议决定：启动年度报告问卷设计。\n";
    let tasks = run(text, &[], &[]);
    assert!(
        tasks
            .iter()
            .all(|t| !t.title.contains("第六次会议") && !t.title.contains("http")),
        "{:?}",
        titles(&tasks)
    );
}

#[test]
fn projects_counted_after_the_units_reporting_them() {
    let text = "会议听取了县产业集聚区、县市政局等单位关于大屯安置区、中建材碲化镉项目、\
                市政道路等14个项目的进展情况汇报。";
    let tasks = run(text, &[], &[]);
    let got = titles(&tasks);
    assert!(
        got.iter()
            .all(|t| !t.contains("听取") && !t.contains("关于")),
        "{got:?}"
    );
    assert!(got.contains(&"大屯安置区"), "{got:?}");
}
