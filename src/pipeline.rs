//! The whole flow for one document: source -> paragraphs -> facts -> claims -> findings.

use crate::checks;
use crate::checks::suppression::{Piece, PieceLines, Suppressor};
use crate::claims;
use crate::config::Config;
use crate::diagnostic::{Finding, Passed};
use crate::extract::{
    self, DateMention, ExtractOptions, FractionMention, Multiplier, Para, Quantity, Span,
};
use crate::source::suppress::Suppression;
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
    extract_paragraphs(&doc.paragraphs, config)
}

/// Extracts every quantity of some paragraphs of a document (spans in source bytes).
pub fn extract_paragraphs(paragraphs: &[Paragraph], config: &Config) -> ExtractReport {
    let vocab = config.vocab();
    let opts = options(config);
    let mut out = ExtractReport::default();
    let mut buffers = extract::para::Buffers::default();
    for para in paragraphs {
        let p = Para::with_buffers(&para.text, vocab, std::mem::take(&mut buffers));
        let facts = extract::extract_facts(&p, &opts);
        buffers = p.into_buffers();
        for mut q in facts.quantities {
            q.span = map(para, q.span);
            q.number_span = map(para, q.number_span);
            q.digits_span = map(para, q.digits_span);
            q.high_digits_span = q.high_digits_span.map(|s| map(para, s));
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
    let registry = checks::Registry::new(config);
    let info = checks::DocInfo {
        metadata_date: doc.metadata.date.clone(),
        config_date: config.date.clone(),
    };
    let mut checker = Checker::new(config, &registry, &info);
    let piece = Piece::whole(source);
    let mut report = checker.feed(&doc.paragraphs, piece, doc.suppressions.clone());
    let lines = PieceLines::new(piece);
    let found = checker.finish_rules();
    report
        .findings
        .extend(checker.finish(found, |pos| lines.line_of(pos)));
    sort_findings(&mut report.findings);
    report.passed.sort_by_key(|p| (p.span.start, p.span.end));
    report
}

/// Findings in the order reports list them: by position, then rule.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
}

/// Checks one document piece by piece: the whole of it, or the parts of a file read as a
/// stream. Paragraph findings come back with each piece; document rules (dates, restated
/// figures) and unused suppressions report at [`Checker::finish`].
pub struct Checker<'r, 'c> {
    config: &'c Config,
    registry: &'r checks::Registry<'c>,
    opts: ExtractOptions,
    document_rules: Vec<Box<dyn checks::DocumentState>>,
    document_findings: Vec<Finding>,
    suppressor: Suppressor<'r, 'c>,
    buffers: extract::para::Buffers,
    /// Paragraphs read so far.
    index: usize,
    debug: bool,
}

impl<'r, 'c> Checker<'r, 'c> {
    pub fn new(
        config: &'c Config,
        registry: &'r checks::Registry<'c>,
        info: &checks::DocInfo,
    ) -> Self {
        Checker {
            config,
            registry,
            opts: options(config),
            document_rules: registry.begin_document(info),
            document_findings: Vec::new(),
            suppressor: Suppressor::new(registry),
            buffers: extract::para::Buffers::default(),
            index: 0,
            debug: std::env::var_os("NUMLINT_DEBUG_CLAIMS").is_some(),
        }
    }

    /// Checks the paragraphs of the next piece of the document. Their offsets, and those of
    /// `suppressions`, are file positions inside `piece`. Findings come back in paragraph
    /// order, with severities applied and suppressed ones dropped.
    pub fn feed(
        &mut self,
        paragraphs: &[Paragraph],
        piece: Piece,
        suppressions: Vec<Suppression>,
    ) -> CheckReport {
        let vocab = self.config.vocab();
        let mut report = CheckReport::default();
        for para in paragraphs {
            let p = Para::with_buffers(&para.text, vocab, std::mem::take(&mut self.buffers));
            let facts = extract::extract_facts(&p, &self.opts);
            let claims = claims::find(&p, &facts);
            if self.debug {
                debug_paragraph(para, &facts, &claims);
            }
            let ctx = checks::Context {
                para: &p,
                facts: &facts,
                claims: &claims,
                config: self.config,
                cache: checks::Cache::default(),
                want_passed: self.config.show_passed,
            };
            let mut findings = Vec::new();
            let mut passed = Vec::new();
            self.registry
                .run_paragraph(&ctx, &mut findings, &mut passed);
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
                index: self.index,
                para: &p,
                facts: &facts,
                source: para,
                relative: std::cell::OnceCell::new(),
            };
            for rule in &mut self.document_rules {
                rule.paragraph(&view, &mut self.document_findings);
            }
            self.index += 1;
            self.buffers = p.into_buffers();
        }
        self.registry.apply_severities(&mut report.findings);
        // Line numbers are only needed when there are suppression comments.
        if !suppressions.is_empty() || self.suppressor.is_active() {
            let lines = PieceLines::new(piece);
            self.suppressor.read(&lines, suppressions);
            report.findings = self
                .suppressor
                .filter(report.findings, |pos| lines.line_of(pos));
        }
        report
    }

    /// Ends the document rules: their findings, with severities applied (not yet filtered by
    /// suppressions: see [`Checker::finish`]).
    pub fn finish_rules(&mut self) -> Vec<Finding> {
        let mut found = std::mem::take(&mut self.document_findings);
        for rule in &mut self.document_rules {
            rule.finish(&mut found);
        }
        self.registry.apply_severities(&mut found);
        found
    }

    /// Where the suppression comments read so far are, for quoting unused ones.
    pub fn comment_spans(&self) -> Vec<Span> {
        self.suppressor.comment_spans()
    }

    /// Ends the document: the document rules' findings `found` less those suppressed
    /// (`line_of` gives the line of a file position), and the suppressions that silenced
    /// nothing.
    pub fn finish(mut self, found: Vec<Finding>, line_of: impl Fn(usize) -> usize) -> Vec<Finding> {
        let mut found = self.suppressor.filter(found, line_of);
        found.extend(self.suppressor.finish());
        found
    }
}

fn debug_paragraph(para: &Paragraph, facts: &extract::Facts, claims: &[claims::Claim]) {
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
    for c in claims {
        eprintln!("C {c:?}");
    }
}
