//! Development aid: timing of each vocabulary pass over a file's sentences.
use privlint::extract::lexicon::{normalise, prepare};
fn main() {
    let yaml = std::fs::read_to_string("rules/lexicon/en.yaml").unwrap();
    let v: yaml_serde::Value = yaml_serde::from_str(&yaml).unwrap();
    let mut feats = Vec::new();
    for (_, pats) in v["features"].as_mapping().unwrap() {
        for p in pats.as_sequence().unwrap() {
            feats.push(prepare(p.as_str().unwrap()));
        }
    }
    let mut cues = Vec::new();
    for (_, voc) in v["requirements"].as_mapping().unwrap() {
        for k in ["cues", "negations", "section_cues", "exclude"] {
            if let Some(ps) = voc.get(k) {
                for p in ps.as_sequence().unwrap() {
                    cues.push(prepare(p.as_str().unwrap()));
                }
            }
        }
    }
    let p = std::env::args().nth(1).unwrap();
    let doc = privlint::analysis::load(std::path::Path::new(&p)).unwrap();
    let sents: Vec<String> = doc
        .blocks
        .iter()
        .flat_map(|b| {
            privlint::extract::sentences::split(&b.text)
                .into_iter()
                .map(|(s, e)| normalise(&b.text[s..e]))
                .collect::<Vec<_>>()
        })
        .collect();
    for (name, pats) in [("features", &feats), ("cues", &cues)] {
        let set = regex::RegexSetBuilder::new(pats.iter())
            .size_limit(64 << 20)
            .dfa_size_limit(64 << 20)
            .build()
            .unwrap();
        let t = std::time::Instant::now();
        let mut n = 0;
        for s in &sents {
            n += set.matches(s).iter().count();
        }
        println!(
            "{name}: {} patterns, {:?}, {n} matches",
            pats.len(),
            t.elapsed()
        );
        let t = std::time::Instant::now();
        let res: Vec<regex::Regex> = pats.iter().map(|p| regex::Regex::new(p).unwrap()).collect();
        let mut slow = Vec::new();
        for (i, r) in res.iter().enumerate() {
            let t0 = std::time::Instant::now();
            for s in &sents {
                r.is_match(s);
            }
            slow.push((t0.elapsed(), i));
        }
        slow.sort();
        slow.reverse();
        println!(
            "  individually {:?}; slowest: {:?}",
            t.elapsed(),
            slow.iter()
                .take(4)
                .map(|(d, i)| (d, &pats[*i][..pats[*i].len().min(70)]))
                .collect::<Vec<_>>()
        );
    }
    let t = std::time::Instant::now();
    for s in &sents {
        privlint::extract::values::durations(s);
        privlint::extract::values::dates(s);
        privlint::extract::values::emails(s);
        privlint::extract::values::urls(s);
        privlint::extract::values::phones(s);
        privlint::extract::values::entities(s);
    }
    println!("values: {:?} over {} sentences", t.elapsed(), sents.len());
}
