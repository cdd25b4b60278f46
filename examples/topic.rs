//! Rule-authoring aid: the sentences that are evidence for one requirement, with how they
//! were found and their features. Reads rules from ./rules (no rebuild needed).
//! `cargo run --release --example topic -- FILE REQUIREMENT`
fn main() {
    let rules = privlint::rules::RuleSet::load_root(std::path::Path::new("rules"), &[]).unwrap();
    let p = std::env::args().nth(1).unwrap();
    let req = std::env::args().nth(2).unwrap();
    let doc = privlint::analysis::load(std::path::Path::new(&p)).unwrap();
    let d = rules.extractor.extract(&doc);
    if let Some(t) = d.topics.get(&req) {
        for h in &t.hits {
            let s = &d.sentences[h.sentence];
            let f: Vec<&str> = s
                .features
                .iter()
                .map(|f| rules.extractor.features[*f as usize].as_str())
                .collect();
            let line = doc.source.line_index.line(s.span.start);
            println!(
                "l{line} {:?} sec={} {:?} :: {}",
                h.via,
                h.in_section,
                f,
                s.norm.chars().take(160).collect::<String>()
            );
        }
    }
}
