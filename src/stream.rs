//! Plain-text files read as a stream: pieces of about 256 KB cut at blank lines, each checked
//! (or extracted) and reported before the next is read, so a file of any size takes bounded
//! memory. Findings keep exact file positions; reports get the lines they quote as excerpts.
//!
//! The file is read twice when it has to be: once up front to refuse binary or invalid UTF-8
//! files before anything is reported (as a whole-file read would), and once more at the end
//! only if a document rule (dates, restated figures) or a suppression comment reports on an
//! earlier piece, to quote its lines.

use crate::checks::suppression::{Piece, PieceLines};
use crate::checks::{self, DocInfo};
use crate::config::Config;
use crate::diagnostic::Finding;
use crate::extract::Span;
use crate::files::InputError;
use crate::pipeline::{self, Checker, ExtractReport};
use crate::report::{CheckedFile, Excerpts, SourceFile};
use crate::source::text;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// A piece is cut at the last blank line once this much is read...
pub const PIECE_TARGET: usize = 256 * 1024;
/// ...or, with no blank line, at the last line break (else sentence end, else space) by this.
pub const PIECE_MAX: usize = 1024 * 1024;

const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Why a streamed file stopped.
#[derive(Debug)]
pub enum StreamError {
    /// The input could not be read (missing, binary, invalid UTF-8...).
    Input(InputError),
    /// The report could not be written (a closed pipe...).
    Output(io::Error),
}

fn unreadable(name: &str, e: io::Error) -> InputError {
    match e.kind() {
        io::ErrorKind::NotFound => InputError::NotFound(name.to_string()),
        _ => InputError::Unreadable(name.to_string(), e.to_string()),
    }
}

fn open(path: &Path, name: &str) -> Result<File, InputError> {
    File::open(path).map_err(|e| unreadable(name, e))
}

/// Refuses what a whole-file read refuses, before anything is reported: a NUL byte in the
/// first 8 KB (binary), and invalid UTF-8 unless `lossy`.
pub fn validate(path: &Path, name: &str, lossy: bool) -> Result<(), InputError> {
    let mut r = BufReader::with_capacity(1 << 20, open(path, name)?);
    let mut carry: Vec<u8> = Vec::new();
    let mut consumed = 0usize;
    let mut first = true;
    loop {
        let block = r.fill_buf().map_err(|e| unreadable(name, e))?;
        if block.is_empty() {
            break;
        }
        if first && block[..block.len().min(8192)].contains(&0) {
            return Err(InputError::Binary(name.to_string()));
        }
        let skip = if first && block.starts_with(BOM) {
            3
        } else {
            0
        };
        first = false;
        let n = block.len();
        if !lossy {
            // The bytes of a character cut by the block end wait for the next block.
            carry.extend_from_slice(&block[skip..]);
            match std::str::from_utf8(&carry) {
                Ok(_) => {
                    consumed += carry.len();
                    carry.clear();
                }
                Err(e) if e.error_len().is_none() => {
                    let ok = e.valid_up_to();
                    consumed += ok;
                    carry.drain(..ok);
                }
                Err(e) => {
                    return Err(InputError::InvalidUtf8 {
                        path: name.to_string(),
                        offset: consumed + e.valid_up_to(),
                    });
                }
            }
        }
        r.consume(n);
    }
    if !carry.is_empty() {
        return Err(InputError::InvalidUtf8 {
            path: name.to_string(),
            offset: consumed,
        });
    }
    Ok(())
}

/// One piece of a streamed file.
#[derive(Debug, Clone)]
pub struct TextPiece {
    pub text: String,
    /// Where it starts in the file's text (after a byte-order mark).
    pub offset: usize,
    /// Its first line's number (1-based).
    pub first_line: usize,
    /// Characters in the file before it.
    pub chars_before: usize,
    /// Characters of its first line that lie in earlier pieces (0 when it starts a line).
    pub first_column: usize,
}

impl TextPiece {
    /// The piece as the checker and the suppressions see it.
    pub fn piece(&self) -> Piece<'_> {
        Piece {
            text: &self.text,
            offset: self.offset,
            first_line: self.first_line,
        }
    }
}

/// Cuts a reader into [`TextPiece`]s.
pub struct Pieces<R: Read> {
    reader: R,
    buf: Vec<u8>,
    offset: usize,
    line: usize,
    chars: usize,
    /// Characters since the last line break.
    column: usize,
    eof: bool,
    started: bool,
    lossy: bool,
    name: String,
}

impl<R: Read> Pieces<R> {
    pub fn new(reader: R, name: &str, lossy: bool) -> Self {
        Pieces {
            reader,
            buf: Vec::new(),
            offset: 0,
            line: 1,
            chars: 0,
            column: 0,
            eof: false,
            started: false,
            lossy,
            name: name.to_string(),
        }
    }

    fn fill(&mut self, want: usize) -> Result<(), InputError> {
        let mut chunk = [0u8; 64 * 1024];
        while !self.eof && self.buf.len() < want {
            match self.reader.read(&mut chunk) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(unreadable(&self.name, e)),
            }
        }
        Ok(())
    }

    fn next_piece(&mut self) -> Result<Option<TextPiece>, InputError> {
        self.fill(PIECE_TARGET)?;
        if !self.started {
            self.started = true;
            if self.buf[..self.buf.len().min(8192)].contains(&0) {
                return Err(InputError::Binary(self.name.clone()));
            }
            if self.buf.starts_with(BOM) {
                self.buf.drain(..3);
            }
        }
        if self.buf.is_empty() {
            return Ok(None);
        }
        let cut = loop {
            if self.eof {
                break self.buf.len();
            }
            if let Some(c) = blank_line_cut(&self.buf) {
                break c;
            }
            if self.buf.len() >= PIECE_MAX {
                break fallback_cut(&self.buf);
            }
            let want = self.buf.len() + PIECE_TARGET;
            self.fill(want)?;
        };
        let rest = self.buf.split_off(cut);
        let bytes = std::mem::replace(&mut self.buf, rest);
        let text = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) if self.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Err(e) => {
                return Err(InputError::InvalidUtf8 {
                    path: self.name.clone(),
                    offset: self.offset + e.utf8_error().valid_up_to(),
                });
            }
        };
        let piece = TextPiece {
            offset: self.offset,
            first_line: self.line,
            chars_before: self.chars,
            first_column: self.column,
            text,
        };
        self.offset += piece.text.len();
        self.line += piece.text.bytes().filter(|&b| b == b'\n').count();
        self.chars += piece.text.chars().count();
        self.column = match piece.text.rfind('\n') {
            Some(i) => piece.text[i + 1..].chars().count(),
            None => self.column + piece.text.chars().count(),
        };
        Ok(Some(piece))
    }
}

impl<R: Read> Iterator for Pieces<R> {
    type Item = Result<TextPiece, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_piece() {
            Ok(p) => p.map(Ok),
            Err(e) => {
                // Stop after an error.
                self.eof = true;
                self.buf.clear();
                Some(Err(e))
            }
        }
    }
}

/// Just after the last blank line ("\n\n" or "\n\r\n") in `buf`.
fn blank_line_cut(buf: &[u8]) -> Option<usize> {
    let mut i = buf.len();
    while i > 1 {
        i -= 1;
        if buf[i] == b'\n' {
            let before = &buf[..i];
            if before.ends_with(b"\n") || before.ends_with(b"\n\r") {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Where to cut a long run of text with no blank line: after the last line break, else after
/// the last sentence end, else after the last space, else at a character boundary. Every cut
/// falls on an ASCII byte, so a character is never split.
fn fallback_cut(buf: &[u8]) -> usize {
    let half = buf.len() / 2;
    let tail = &buf[half..];
    if let Some(i) = tail.iter().rposition(|&b| b == b'\n') {
        return half + i + 1;
    }
    if let Some(i) = tail
        .windows(2)
        .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
    {
        return half + i + 2;
    }
    if let Some(i) = tail.iter().rposition(|&b| b == b' ' || b == b'\t') {
        return half + i + 1;
    }
    let mut c = buf.len();
    while c > 0 && (buf[c - 1] & 0xC0) == 0x80 {
        c -= 1;
    }
    // `c - 1` starts the last character: cut before it unless it is complete ASCII.
    if c > 0 && buf[c - 1] >= 0x80 {
        c - 1
    } else {
        buf.len()
    }
}

/// Every span a finding shows: its own, its related spans and its fix.
fn finding_spans(f: &Finding, out: &mut Vec<Span>) {
    out.push(f.span);
    out.extend(f.related.iter().copied());
    if let Some(fix) = &f.suggestion {
        out.push(fix.span);
    }
}

/// Keeps the lines of `spans` that fall inside `piece`.
fn excerpts_in_piece(piece: &TextPiece, lines: &PieceLines, spans: &mut [Span], ex: &mut Excerpts) {
    spans.sort_unstable_by_key(|s| (s.start, s.end));
    let end = piece.offset + piece.text.len();
    let index = crate::source::LineIndex::new(&piece.text);
    // Lines up to this one are kept already (spans come in order).
    let mut kept = 0;
    // Characters before byte `counted.0` of the piece, moved forward only (linear in the piece).
    let mut counted = (0, 0);
    for s in spans.iter() {
        if s.start < piece.offset || s.end > end {
            continue;
        }
        let (l1, l2) = (lines.line_of(s.start), lines.line_of(s.end));
        for l in l1.max(kept + 1)..=l2 {
            let (a, b) = index.line_range(&piece.text, l + 1 - piece.first_line);
            counted.1 += piece.text[counted.0..a].chars().count();
            counted.0 = a;
            let chars = piece.chars_before + counted.1;
            // The piece's first line may have begun in an earlier piece.
            let column = if l == piece.first_line {
                piece.first_column
            } else {
                0
            };
            ex.add_stretch(l, piece.offset + a, chars, column, &piece.text[a..b]);
        }
        kept = kept.max(l2);
        if l1 != l2 {
            let t = &piece.text[s.start - piece.offset..s.end - piece.offset];
            ex.add_span(*s, t);
        }
    }
}

/// Reads the file again to keep the text around `spans` (positions from any piece): each
/// span's line, or on a very long line the stretch within `WINDOW` bytes of it, so memory stays
/// small whatever the line length.
fn excerpts_from_file(
    path: &Path,
    name: &str,
    spans: &[Span],
    ex: &mut Excerpts,
) -> Result<(), InputError> {
    const WINDOW: usize = 400;
    let mut windows: Vec<(usize, usize)> = spans
        .iter()
        .map(|s| (s.start.saturating_sub(WINDOW), s.end + WINDOW))
        .collect();
    windows.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.0 <= last.1 => last.1 = last.1.max(w.1),
            _ => merged.push(w),
        }
    }
    let mut r = BufReader::with_capacity(1 << 16, open(path, name)?);
    let (mut pos, mut line, mut column, mut chars) = (0usize, 1usize, 0usize, 0usize);
    let mut wi = 0;
    // The stretch being kept: line, start, characters before it, column, bytes.
    let mut cur: Option<(usize, usize, usize, usize, Vec<u8>)> = None;
    let flush = |cur: &mut Option<(usize, usize, usize, usize, Vec<u8>)>, ex: &mut Excerpts| {
        if let Some((l, start, before, col, bytes)) = cur.take() {
            ex.add_stretch(l, start, before, col, &String::from_utf8_lossy(&bytes));
        }
    };
    let mut first = true;
    loop {
        let block = r.fill_buf().map_err(|e| unreadable(name, e))?;
        if block.is_empty() || wi >= merged.len() {
            break;
        }
        let n = block.len();
        let skip = if first && block.starts_with(BOM) {
            3
        } else {
            0
        };
        first = false;
        for &b in &block[skip..] {
            while wi < merged.len() && merged[wi].1 <= pos && cur.is_none() {
                wi += 1;
            }
            let char_start = b & 0xC0 != 0x80;
            let inside = wi < merged.len() && merged[wi].0 <= pos && pos < merged[wi].1;
            if cur.is_some() && !inside && char_start {
                flush(&mut cur, ex);
            }
            if b == b'\n' {
                flush(&mut cur, ex);
                line += 1;
                column = 0;
                chars += 1;
                pos += 1;
                continue;
            }
            if inside && cur.is_none() && char_start {
                cur = Some((line, pos, chars, column, Vec::new()));
            }
            if let Some(c) = &mut cur {
                c.4.push(b);
            }
            if char_start {
                column += 1;
                chars += 1;
            }
            pos += 1;
        }
        r.consume(n);
    }
    flush(&mut cur, ex);
    Ok(())
}

/// Checks a plain-text file as a stream, handing each piece's findings to `emit` as they are
/// found; document rules and unused suppressions come last.
pub fn check_file(
    path: &Path,
    name: &str,
    config: &Config,
    lossy: bool,
    emit: &mut dyn FnMut(CheckedFile) -> io::Result<()>,
) -> Result<(), StreamError> {
    validate(path, name, lossy).map_err(StreamError::Input)?;
    let file = open(path, name).map_err(StreamError::Input)?;
    let registry = checks::Registry::new(config);
    let info = DocInfo {
        metadata_date: None,
        config_date: config.date.clone(),
    };
    let mut checker = Checker::new(config, &registry, &info);
    for piece in Pieces::new(file, name, lossy) {
        let piece = piece.map_err(StreamError::Input)?;
        let mut doc = text::parse(&piece.text);
        doc.shift(piece.offset);
        let at = piece.piece();
        let report = checker.feed(&doc.paragraphs, at, doc.suppressions);
        if report.findings.is_empty() && report.passed.is_empty() {
            continue;
        }
        let mut spans = Vec::new();
        for f in &report.findings {
            finding_spans(f, &mut spans);
        }
        spans.extend(report.passed.iter().map(|p| p.span));
        let mut ex = Excerpts::default();
        excerpts_in_piece(&piece, &PieceLines::new(at), &mut spans, &mut ex);
        emit(CheckedFile {
            file: SourceFile::excerpted(name.to_string(), ex),
            findings: report.findings,
            passed: report.passed,
        })
        .map_err(StreamError::Output)?;
    }
    let found = checker.finish_rules();
    let mut spans = checker.comment_spans();
    for f in &found {
        finding_spans(f, &mut spans);
    }
    if spans.is_empty() {
        return Ok(());
    }
    let mut ex = Excerpts::default();
    excerpts_from_file(path, name, &spans, &mut ex).map_err(StreamError::Input)?;
    let file = SourceFile::excerpted(name.to_string(), ex);
    let mut findings = checker.finish(found, |pos| file.locate(Span::new(pos, pos)).line);
    if findings.is_empty() {
        return Ok(());
    }
    pipeline::sort_findings(&mut findings);
    emit(CheckedFile {
        file,
        findings,
        passed: Vec::new(),
    })
    .map_err(StreamError::Output)
}

/// Extracts the quantities of a plain-text file as a stream, one piece at a time.
pub fn extract_file(
    path: &Path,
    name: &str,
    config: &Config,
    lossy: bool,
    emit: &mut dyn FnMut(&SourceFile, &ExtractReport) -> io::Result<()>,
) -> Result<(), StreamError> {
    validate(path, name, lossy).map_err(StreamError::Input)?;
    let file = open(path, name).map_err(StreamError::Input)?;
    for piece in Pieces::new(file, name, lossy) {
        let piece = piece.map_err(StreamError::Input)?;
        let mut doc = text::parse(&piece.text);
        doc.shift(piece.offset);
        let report: ExtractReport = pipeline::extract_document(&doc, config);
        let mut spans: Vec<Span> = report.quantities.iter().map(|q| q.span).collect();
        spans.extend(report.quantities.iter().filter_map(|q| q.unit_span));
        spans.extend(report.multipliers.iter().map(|m| m.span));
        spans.extend(report.fractions.iter().map(|f| f.span));
        spans.extend(report.dates.iter().map(|d| d.span));
        if spans.is_empty() {
            continue;
        }
        let at = piece.piece();
        let mut ex = Excerpts::default();
        excerpts_in_piece(&piece, &PieceLines::new(at), &mut spans, &mut ex);
        emit(&SourceFile::excerpted(name.to_string(), ex), &report).map_err(StreamError::Output)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<TextPiece> {
        Pieces::new(text.as_bytes(), "t", false)
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    }

    #[test]
    fn pieces_cut_at_blank_lines_and_add_up_to_the_file() {
        let para = "The trail is 10 km (6.2 miles) long.\nIt climbs 300 m.\n\n";
        let text = para.repeat(PIECE_TARGET / para.len() * 3);
        let ps = pieces(&text);
        assert!(ps.len() >= 3, "{} pieces", ps.len());
        let mut joined = String::new();
        let mut line = 1;
        for p in &ps {
            assert_eq!(p.offset, joined.len());
            assert_eq!(p.first_line, line);
            assert_eq!(p.chars_before, joined.chars().count());
            assert!(p.text.ends_with("\n\n") || p.offset + p.text.len() == text.len());
            line += p.text.matches('\n').count();
            joined.push_str(&p.text);
        }
        assert_eq!(joined, text);
    }

    #[test]
    fn one_long_line_is_cut_at_sentence_ends_without_splitting_characters() {
        let sentence = "Le café coûte 3 € — about 2.6 £. ";
        let text = sentence.repeat(PIECE_MAX / sentence.len() * 2 + 7);
        let ps = pieces(&text);
        assert!(ps.len() >= 2);
        assert!(ps.iter().all(|p| p.text.len() <= PIECE_MAX));
        assert!(ps[..ps.len() - 1].iter().all(|p| p.text.ends_with(". ")));
        let joined: String = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_binary_refused() {
        let ps = pieces("\u{feff}Ten km.\n");
        assert_eq!(ps[0].text, "Ten km.\n");
        let err = Pieces::new(&b"a\0b"[..], "bin", false).next().unwrap();
        assert!(matches!(err, Err(InputError::Binary(_))));
    }

    #[test]
    fn invalid_utf8_names_the_file_offset_in_a_later_piece() {
        let mut bytes = "Fine words.\n\n"
            .repeat(PIECE_TARGET / 13 + 10)
            .into_bytes();
        let at = bytes.len() - 5;
        bytes[at] = 0xff;
        let errs: Vec<_> = Pieces::new(&bytes[..], "x", false)
            .filter_map(Result::err)
            .collect();
        assert_eq!(
            errs,
            [InputError::InvalidUtf8 {
                path: "x".into(),
                offset: at
            }]
        );
    }
}
