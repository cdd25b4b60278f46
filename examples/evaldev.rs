fn main() {
    let rules = privlint::rules::RuleSet::load_root(std::path::Path::new("rules"), &[])
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
    let dir = std::env::args().nth(1).unwrap();
    let only = std::env::args().nth(2);
    let r = privlint::eval::evaluate_dir(&rules, std::path::Path::new(&dir)).unwrap();
    for (name, s) in std::iter::once(("all".to_string(), &r.all))
        .chain(r.by_language.iter().map(|(k, v)| (k.clone(), v)))
    {
        println!(
            "== {name}: docs {} microF1 {:.3} macroF1 {:.3} quality {}/{} evidence {}/{}",
            s.documents,
            s.micro_f1,
            s.macro_f1,
            s.quality_agree,
            s.quality_total,
            s.evidence_on_label,
            s.evidence_checked
        );
        if name == "all" {
            for (req, c) in &s.per_requirement {
                println!(
                    "  {:34} P {:.2} R {:.2} F1 {:.2}  tp {} fp {} fn {}",
                    req,
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.tp,
                    c.fp,
                    c.fn_
                );
            }
        }
    }
    for d in &r.disagreements {
        if only.as_deref().is_none_or(|o| d.requirement == o) {
            println!(
                "  {} {} label={} ours={} label_lines={:?} ev={:?}",
                d.file,
                d.requirement,
                d.label,
                d.privlint,
                &d.label_lines[..d.label_lines.len().min(6)],
                d.evidence_lines
            );
        }
    }
}
