//! Criterion bench of the diff engine on the Netflix pair (2024-09-01 → 2025-04-17, from
//! ../shared; skipped with a notice when absent) and on a large synthetic pair with moves,
//! renames, edits, removals and additions. `diff/…` times the diff of two analysed
//! revisions; `analyse+diff/…` times analysing both revisions and the diff (what the CLI
//! does after loading the rules once). `PRIVLINT_BENCH_WRITE=DIR` writes the synthetic pair
//! to DIR, to compare the CLI against `git diff --no-index --word-diff` on the same files.

use criterion::{Criterion, criterion_group, criterion_main};
use privlint::analysis::{self, DocumentAnalysis};
use privlint::diff::{self, Options};
use privlint::ingest::{self, Format, Source};
use privlint::rules::RuleSet;
use std::hint::black_box;
use std::path::Path;

/// The allocator the privlint binary uses, so the figures are the shipped program's.
#[global_allocator]
static ALLOCATOR: privlint::alloc::Allocator = privlint::alloc::Allocator;

fn analyse(rules: &RuleSet, name: &str, text: &str) -> DocumentAnalysis {
    analysis::analyse(
        rules,
        ingest::parse(Source::from_text(name, text, Some(Format::Markdown))),
        Vec::new(),
    )
    .remove(0)
}

/// A deterministic pseudo-random word stream (xorshift), so the synthetic text varies
/// without a dependency.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        const VOCABULARY: &[&str] = &[
            "we",
            "your",
            "data",
            "use",
            "share",
            "keep",
            "order",
            "account",
            "service",
            "partners",
            "provide",
            "improve",
            "contact",
            "address",
            "payment",
            "delivery",
            "security",
            "marketing",
            "consent",
            "contract",
            "interest",
            "request",
            "months",
            "records",
            "support",
            "customers",
            "information",
            "process",
            "analyse",
            "store",
        ];
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        VOCABULARY[(self.0 % VOCABULARY.len() as u64) as usize]
    }

    fn sentence(&mut self, n: usize) -> String {
        let words: Vec<&str> = (0..n).map(|_| self.next()).collect();
        format!("{}.", words.join(" "))
    }
}

/// A large statement (300 sections of three paragraphs, about 200 KB) and a revision of it
/// with the kinds of change real revisions have: 10 sections moved, 10 headings reworded,
/// 60 paragraphs edited, 5 sections removed, 5 added, 10 retention periods changed.
fn synthetic_pair() -> (String, String) {
    let mut w = Words(0x9E37_79B9_7F4A_7C15);
    let sections: Vec<(String, Vec<String>)> = (0..300)
        .map(|i| {
            let paragraphs = vec![
                format!(
                    "We keep record {i} for 2 years after the end of the contract. {}",
                    w.sentence(20)
                ),
                w.sentence(40),
                format!(
                    "We share it with PostNL and our hosting provider. {}",
                    w.sentence(25)
                ),
            ];
            (format!("Section {i}: {}", w.sentence(3)), paragraphs)
        })
        .collect();
    let render = |sections: &[(String, Vec<String>)]| {
        let mut text = String::from("# Privacy statement\n\n");
        for (title, paragraphs) in sections {
            text.push_str(&format!("## {title}\n\n"));
            for p in paragraphs {
                text.push_str(p);
                text.push_str("\n\n");
            }
        }
        text
    };
    let old = render(&sections);
    let mut new = sections.clone();
    for i in (0..300).step_by(30) {
        new[i].1[0] = new[i].1[0].replace("for 2 years", "for 5 years");
        new[i + 1].0 = format!("{} (updated)", new[i + 1].0);
    }
    for i in (0..300).step_by(5) {
        new[i].1[1] = format!("{} {}", w.sentence(6), new[i].1[1]);
    }
    for i in (0..10).rev() {
        let moved = new.remove(20 + i * 25);
        new.insert(250 - i * 20, moved);
    }
    for i in 0..5 {
        new.remove(100 + i * 30);
        new.insert(
            40 + i * 40,
            (
                format!("New section {i}"),
                vec![w.sentence(30), w.sentence(30)],
            ),
        );
    }
    (old, render(&new))
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::load(&[]).expect("rules");
    let (old, new) = synthetic_pair();
    let mut pairs = vec![("synthetic".to_string(), old, new)];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/versions/netflix-en");
    match (
        std::fs::read_to_string(dir.join("2024-09-01.md")),
        std::fs::read_to_string(dir.join("2025-04-17.md")),
    ) {
        (Ok(a), Ok(b)) => pairs.push(("netflix".into(), a, b)),
        _ => eprintln!("notice: ../shared not found; benching the synthetic pair only"),
    }
    if let Some(dir) = std::env::var_os("PRIVLINT_BENCH_WRITE") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).expect("bench write dir");
        std::fs::write(dir.join("synthetic-old.md"), &pairs[0].1).expect("write");
        std::fs::write(dir.join("synthetic-new.md"), &pairs[0].2).expect("write");
    }
    for (name, a, b) in &pairs {
        let (old, new) = (analyse(&rules, "old.md", a), analyse(&rules, "new.md", b));
        c.bench_function(&format!("diff/{name}"), |bench| {
            bench.iter(|| diff::diff(&rules, black_box(&old), black_box(&new), Options::default()))
        });
        c.bench_function(&format!("analyse+diff/{name}"), |bench| {
            bench.iter(|| {
                let (o, n) = (analyse(&rules, "old.md", a), analyse(&rules, "new.md", b));
                diff::diff(&rules, &o, &n, Options::default())
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
