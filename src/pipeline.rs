//! The whole flow for one document: source -> paragraphs -> facts -> claims -> findings.

use crate::checks;
use crate::claims;
use crate::config::Config;
use crate::diagnostic::{Finding, Passed};
use crate::extract::{
    self, DateMention, ExtractOptions, FractionMention, Multiplier, Para, Quantity, Span,
};
use crate::source::{self, Document, InputFormat, Paragraph};

/// What `extract` found in one document; every span is in source bytes.
#[derive(Debug, Clone, Default)]
pub struct ExtractReport {
    pub quantities: Vec<Quantity>,
    pub multipliers: Vec<Multiplier>,
    pub fractions: Vec<FractionMention>,
    pub dates: Vec<DateMention>,
}

/// What `check` found in one document; every span is in source bytes.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub passed: Vec<Passed>,
}

fn map(p: &Paragraph, s: Span) -> Span {
    let (a, b) = p.span_to_source(s.start, s.end);
    Span::new(a, b)
}

fn options(config: &Config) -> ExtractOptions {
    ExtractOptions {
        locale: config.locale,
    }
}

/// Extracts every quantity of `source`.
pub fn extract_source(source: &str, format: InputFormat, config: &Config) -> ExtractReport {
    let doc = source::parse(source, format);
    extract_document(&doc, config)
}

/// Extracts every quantity of a parsed document.
pub fn extract_document(doc: &Document, config: &Config) -> ExtractReport {
    let vocab = config.vocab();
    let opts = options(config);
    let mut out = ExtractReport::default();
    let mut buffers = extract::para::Buffers::default();
    for para in &doc.paragraphs {
        let p = Para::with_buffers(&para.text, vocab, std::mem::take(&mut buffers));
        let facts = extract::extract_facts(&p, &opts);
        buffers = p.into_buffers();
        for mut q in facts.quantities {
            q.span = map(para, q.span);
            q.number_span = map(para, q.number_span);
            q.unit_span = q.unit_span.map(|s| map(para, s));
            q.hedge_span = q.hedge_span.map(|s| map(para, s));
            out.quantities.push(q);
        }
        for mut m in facts.multipliers {
            m.span = map(para, m.span);
            out.multipliers.push(m);
        }
        for mut f in facts.fractions {
            f.span = map(para, f.span);
            out.fractions.push(f);
        }
        for mut d in facts.dates {
            d.span = map(para, d.span);
            out.dates.push(d);
        }
    }
    out
}

/// Checks every claim of `source`.
pub fn check_source(
    source: &str,
    format: InputFormat,
    config: &Config,
) -> Result<CheckReport, String> {
    let doc = source::parse(source, format);
    Ok(check_document(source, &doc, config))
}

/// Checks a parsed document.
pub fn check_document(source: &str, doc: &Document, config: &Config) -> CheckReport {
    let vocab = config.vocab();
    let opts = options(config);
    let registry = checks::Registry::new(config);
    let mut report = CheckReport::default();
    let debug = std::env::var_os("NUMLINT_DEBUG_CLAIMS").is_some();
    let mut buffers = extract::para::Buffers::default();
    let info = checks::DocInfo {
        metadata_date: doc.metadata.date.clone(),
        config_date: config.date.clone(),
    };
    let mut document_rules = registry.begin_document(&info);
    let mut document_findings = Vec::new();
    for (index, para) in doc.paragraphs.iter().enumerate() {
        let p = Para::with_buffers(&para.text, vocab, std::mem::take(&mut buffers));
        let facts = extract::extract_facts(&p, &opts);
        let claims = claims::find(&p, &facts);
        if debug {
            for q in &facts.quantities {
                eprintln!(
                    "Q {:?} {:?} {:?} {:?} {:?}",
                    &para.text[q.span.start..q.span.end],
                    q.value,
                    q.unit_name,
                    q.hedge,
                    q.noun.as_ref().map(|n| &n.lemma)
                );
            }
            for c in &claims {
                eprintln!("C {c:?}");
            }
        }
        let ctx = checks::Context {
            para: &p,
            facts: &facts,
            claims: &claims,
            config,
            cache: checks::Cache::default(),
            want_passed: config.show_passed,
        };
        let mut findings = Vec::new();
        let mut passed = Vec::new();
        registry.run_paragraph(&ctx, &mut findings, &mut passed);
        for mut f in findings {
            f.span = map(para, f.span);
            if let Some(fix) = &mut f.suggestion {
                fix.span = map(para, fix.span);
            }
            for r in &mut f.related {
                *r = map(para, *r);
            }
            report.findings.push(f);
        }
        for mut ok in passed {
            ok.span = map(para, ok.span);
            report.passed.push(ok);
        }
        drop(ctx);
        let view = checks::DocParagraph {
            index,
            para: &p,
            facts: &facts,
            source: para,
        };
        for rule in &mut document_rules {
            rule.paragraph(&view, &mut document_findings);
        }
        buffers = p.into_buffers();
    }
    for rule in &mut document_rules {
        rule.finish(&mut document_findings);
    }
    report.findings.extend(document_findings);
    registry.apply_severities(&mut report.findings);
    report.findings = checks::suppression::apply(source, doc, &registry, report.findings);
    report.findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    report.passed.sort_by_key(|p| (p.span.start, p.span.end));
    report
}
