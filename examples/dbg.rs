//! Rule-authoring aid: a file's sections, then every sentence with its language and
//! features, then each requirement's hits, then the document kind with its signals. Reads
//! rules from ./rules (no rebuild needed).
//! `cargo run --release --example dbg -- FILE`

fn main() {
    let rules = privlint::rules::RuleSet::load_root(std::path::Path::new("rules"), &[]).unwrap();
    let p = std::env::args().nth(1).unwrap();
    let doc = privlint::analysis::load(std::path::Path::new(&p)).unwrap();
    for (i, s) in doc.sections.iter().enumerate() {
        println!(
            "section {i} {:?} level {} parent {:?}",
            s.title, s.level, s.parent
        );
    }
    let d = rules.extractor.extract(&doc);
    for s in &d.sentences {
        let f: Vec<&str> = s
            .features
            .iter()
            .map(|f| rules.extractor.features[*f as usize].as_str())
            .collect();
        println!("b{} {:?} {:?} {}", s.block, s.lang, f, s.norm);
    }
    for (id, t) in &d.topics {
        println!("{id}: {:?}", t.hits);
    }
    let addressed: Vec<&str> = d
        .topics
        .iter()
        .filter(|(_, t)| t.addressed())
        .map(|(id, _)| id.as_str())
        .collect();
    println!(
        "kind {:?} {:?} addressed {addressed:?}",
        privlint::analysis::classify(&d),
        d.signals
    );
}
