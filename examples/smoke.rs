fn main() {
    let rules = match privlint::rules::RuleSet::load_root(std::path::Path::new("rules"), &[]) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2)
        }
    };
    for p in std::env::args().skip(1) {
        let doc = privlint::analysis::load(std::path::Path::new(&p)).unwrap();
        let a = privlint::analysis::analyse(&rules, doc, vec![]);
        let d = &a[0];
        println!(
            "{} {:?} {:?} {:?}",
            d.path(),
            d.kind,
            d.lang(),
            d.last_updated
        );
        for r in &d.requirements {
            let lines: Vec<usize> = r
                .evidence
                .iter()
                .map(|e| d.document.source.line_index.line(e.span.start))
                .collect();
            println!(
                "  {:34} {:14} {:?} {} {:?}",
                r.id,
                r.status.as_str(),
                lines,
                r.reason.chars().take(70).collect::<String>(),
                r.values
            );
        }
    }
}
