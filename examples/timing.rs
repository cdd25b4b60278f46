//! Development aid: where the time goes for a file (rule loading, parse, extract, evaluate).
//! `cargo run --release --example timing -- FILE…`
fn main() {
    let t = std::time::Instant::now();
    let rules = privlint::rules::RuleSet::load(&[]).unwrap();
    let load = t.elapsed();
    for p in std::env::args().skip(1) {
        let t = std::time::Instant::now();
        let doc = privlint::analysis::load(std::path::Path::new(&p)).unwrap();
        let parse = t.elapsed();
        let t = std::time::Instant::now();
        let d = rules.extractor.extract(&doc);
        let extract = t.elapsed();
        let t = std::time::Instant::now();
        let e = privlint::rules::evaluate(&rules, (&doc, &d), &[]);
        let eval = t.elapsed();
        println!(
            "{p}: {} bytes, {} sentences; rules {:?} parse {:?} extract {:?} evaluate {:?} ({} findings)",
            doc.source.text.len(),
            d.sentences.len(),
            load,
            parse,
            extract,
            eval,
            e.findings.len()
        );
    }
}
