//! Reading a file into a [`Source`]: decoding (UTF-8 with or without BOM, UTF-16 with BOM,
//! windows-1252 / ISO-8859-1 declared or detected), line-end normalisation, and format
//! detection by extension and content sniffing.

use crate::span::LineIndex;
use serde::Serialize;
use std::path::Path;

/// The largest statement file read by default (`--max-file-size`): 20 MB. Real statements
/// are under 2 MB even as full page captures.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20_000_000;

/// Parse a size such as `20MB`, `500k`, `1MiB` or `1048576` (bytes).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '_')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let num: u64 = num
        .replace('_', "")
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 20MB, 500k, 1048576)"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}`: unknown unit (B, k/KB, KiB, M/MB, MiB, G/GB, GiB)"
            ));
        }
    };
    num.checked_mul(factor)
        .ok_or_else(|| format!("`{s}` is too large"))
}

/// The markup of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Html,
    Text,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Text => "text",
        }
    }
}

/// Why a file could not be read as a statement. Always names the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: file is empty")]
    Empty { path: String },
    #[error("{path}: not a text file ({reason})")]
    Binary { path: String, reason: String },
    #[error("{path}: file is {size} bytes, over the limit of {limit} bytes (--max-file-size)")]
    TooLarge { path: String, size: u64, limit: u64 },
}

impl IngestError {
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::TooLarge { path, .. } => path,
        }
    }
}

/// A decoded input: its path as given, UTF-8 text with `\n` line ends, format and line index.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub text: String,
    pub format: Format,
    /// The encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: &'static str,
    pub line_index: LineIndex,
}

impl Source {
    /// Read and decode a file. The format comes from the extension, corrected by sniffing
    /// the content (an `.txt` holding HTML is HTML).
    /// Files over [`DEFAULT_MAX_FILE_SIZE`] are refused.
    pub fn read(path: &Path) -> Result<Source, IngestError> {
        Source::read_limited(path, DEFAULT_MAX_FILE_SIZE)
    }

    /// [`Source::read`], refusing files over `limit` bytes. At most `limit + 1` bytes are
    /// read, so a file that grows while it is read, or a device such as `/dev/zero`, is
    /// refused too.
    pub fn read_limited(path: &Path, limit: u64) -> Result<Source, IngestError> {
        use std::io::Read as _;
        let label = path.display().to_string();
        let io = |source| IngestError::Io {
            path: label.clone(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(IngestError::Io {
                path: label.clone(),
                source: std::io::Error::other("is a directory"),
            });
        }
        if meta.len() > limit {
            return Err(IngestError::TooLarge {
                path: label,
                size: meta.len(),
                limit,
            });
        }
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > limit {
            return Err(IngestError::TooLarge {
                path: label,
                size: bytes.len() as u64,
                limit,
            });
        }
        Source::from_vec(&label, bytes)
    }

    /// Decode bytes that came from `path` (used for the format guess and in errors).
    pub fn from_bytes(path: &str, bytes: &[u8]) -> Result<Source, IngestError> {
        Source::from_vec(path, bytes.to_vec())
    }

    /// [`Source::from_bytes`], taking the bytes: UTF-8 without a byte-order mark (nearly
    /// every file) becomes the text without being copied.
    fn from_vec(path: &str, bytes: Vec<u8>) -> Result<Source, IngestError> {
        if bytes.is_empty() {
            return Err(IngestError::Empty { path: path.into() });
        }
        let (decoded, encoding) = decode(path, bytes)?;
        if decoded.trim().is_empty() {
            return Err(IngestError::Empty { path: path.into() });
        }
        let text = normalise_line_ends(decoded);
        let format = detect_format(path, &text);
        let line_index = LineIndex::new(&text);
        Ok(Source {
            path: path.into(),
            text,
            format,
            encoding,
            line_index,
        })
    }

    /// A source from text already in memory (tests, examples, git blobs).
    pub fn from_text(path: &str, text: &str, format: Option<Format>) -> Source {
        let text = normalise_line_ends(text.to_string());
        let format = format.unwrap_or_else(|| detect_format(path, &text));
        let line_index = LineIndex::new(&text);
        Source {
            path: path.into(),
            text,
            format,
            encoding: "UTF-8",
            line_index,
        }
    }
}

fn decode(path: &str, mut bytes: Vec<u8>) -> Result<(String, &'static str), IngestError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        check_text(path, &text)?;
        return Ok((text.into_owned(), enc.name()));
    }
    if let Some(reason) = binary_signature(&bytes) {
        return Err(IngestError::Binary {
            path: path.into(),
            reason: reason.into(),
        });
    }
    // A stray NUL in a web capture (seen in CSS) is noise; many NULs mean binary data or
    // UTF-16 without a byte-order mark.
    let nuls = memchr::memchr_iter(0, &bytes).count();
    if nuls * 1000 > bytes.len() {
        return Err(IngestError::Binary {
            path: path.into(),
            reason: "contains NUL bytes; UTF-16 without a byte-order mark is not supported".into(),
        });
    }
    if nuls > 0 {
        for b in bytes.iter_mut().filter(|b| **b == 0) {
            *b = b' ';
        }
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            check_text(path, &text)?;
            Ok((text, "UTF-8"))
        }
        Err(e) => {
            let bytes = e.as_bytes();
            // Not UTF-8: a declared charset (HTML meta), else windows-1252, the superset of
            // ISO-8859-1 that browsers use for both.
            let declared = declared_charset(bytes)
                .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
                .filter(|e| *e != encoding_rs::UTF_8);
            let enc = declared.unwrap_or(encoding_rs::WINDOWS_1252);
            let (text, _, _) = enc.decode(bytes);
            check_text(path, &text)?;
            Ok((text.into_owned(), enc.name()))
        }
    }
}

/// Magic numbers of common binary formats that end up in statement folders.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF document"),
        (b"\x89PNG", "PNG image"),
        (b"PK\x03\x04", "ZIP archive (or DOCX/ODT)"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "executable"),
        (b"\xD0\xCF\x11\xE0", "legacy Office document"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, name)| *name)
}

/// Reject decoded text that is mostly control characters.
fn check_text(path: &str, text: &str) -> Result<(), IngestError> {
    const SAMPLE: usize = 8192;
    let (sampled, control) = control_characters(text, SAMPLE);
    if sampled > 0 && control * 10 > sampled {
        return Err(IngestError::Binary {
            path: path.into(),
            reason: format!("{control} control characters in the first {sampled} characters"),
        });
    }
    Ok(())
}

/// Of the first `sample` characters of `text`: how many there are, and how many are control
/// characters other than line ends, tabs and form feeds. Read as bytes, eight at a time: a
/// character starts at every byte that does not continue one (`10xxxxxx`), and a control
/// character is an ASCII one or, from U+0080 to U+009F, the two bytes `C2 80` to `C2 9F`.
/// (Decoding each character took some twenty instructions a character.)
fn control_characters(text: &str, sample: usize) -> (usize, usize) {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let starts = |b: &u8| (*b as i8) >= -0x40;
    let is_control =
        |b: &u8| (*b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || *b == 0x7F;
    let (mut end, mut sampled, mut control) = (0, 0, 0);
    for chunk in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // the bytes that continue a character have their top bits 10
        let n = 8 - (x & !(x << 1) & HIGH).count_ones() as usize;
        if sampled + n > sample {
            break;
        }
        sampled += n;
        end += 8;
        // a byte under 0x20, or 0x7F, somewhere in the eight: count them one by one
        let below_space = x.wrapping_sub(0x20 * LOW) & !x & HIGH;
        let delete = (x ^ (0x7F * LOW)).wrapping_sub(LOW) & !(x ^ (0x7F * LOW)) & HIGH;
        if below_space | delete != 0 {
            control += chunk.iter().filter(|b| is_control(b)).count();
        }
    }
    let tail = end;
    while let Some(b) = bytes.get(end) {
        if starts(b) {
            if sampled == sample {
                break;
            }
            sampled += 1;
        }
        end += 1;
    }
    control += bytes[tail..end].iter().filter(|b| is_control(b)).count();
    let c1 = memchr::memchr_iter(0xC2, &bytes[..end])
        .filter(|&i| bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
        .count();
    (sampled, control + c1)
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
/// first 4 KiB.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = &head[at + "charset=".len()..];
    let rest = rest.trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// `\r\n` and a lone `\r` become `\n`, in one pass over the text in place.
fn normalise_line_ends(text: String) -> String {
    let Some(first) = memchr::memchr(b'\r', text.as_bytes()) else {
        return text;
    };
    let mut bytes = text.into_bytes();
    // bytes before `write` are done; `read` is the next `\r` to replace
    let (mut write, mut read) = (first, first);
    loop {
        let crlf = bytes.get(read + 1) == Some(&b'\n');
        bytes[write] = b'\n';
        write += 1;
        read += if crlf { 2 } else { 1 };
        let next = memchr::memchr(b'\r', &bytes[read..]).map_or(bytes.len(), |o| read + o);
        bytes.copy_within(read..next, write);
        write += next - read;
        read = next;
        if read == bytes.len() {
            break;
        }
    }
    bytes.truncate(write);
    // ASCII bytes were replaced by ASCII bytes and removed
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Format by extension, corrected by content: HTML markers win over any extension, and a
/// `.txt` with Markdown headings stays text (plain-text parsing handles those lines).
pub fn detect_format(path: &str, text: &str) -> Format {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    if looks_like_html(text) {
        return Format::Html;
    }
    match ext.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("txt" | "text") => Format::Text,
        _ => {
            if looks_like_markdown(text) {
                Format::Markdown
            } else {
                Format::Text
            }
        }
    }
}

fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start();
    let head = text
        .char_indices()
        .nth(1024)
        .map_or(text, |(end, _)| &text[..end])
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<')
            && [
                "<head", "<body", "<div", "<p>", "<p ", "<h1", "<h2", "<section", "<article",
            ]
            .iter()
            .any(|t| head.contains(t)))
}

fn looks_like_markdown(text: &str) -> bool {
    text.lines().take(200).any(|l| {
        let l = l.trim_start();
        l.starts_with("# ") || l.starts_with("## ") || l.starts_with("```") || l.starts_with("---")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_line_ends() {
        let s = Source::from_bytes("a.md", b"\xEF\xBB\xBF# Title\r\nline\rmore\n").unwrap();
        assert_eq!(s.text, "# Title\nline\nmore\n");
        assert_eq!(s.encoding, "UTF-8");
        assert_eq!(s.format, Format::Markdown);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Privacyverklaring".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let s = Source::from_bytes("x.txt", &bytes).unwrap();
        assert_eq!(s.text, "Privacyverklaring");
        assert_eq!(s.encoding, "UTF-16LE");
    }

    #[test]
    fn windows_1252_detected_and_declared() {
        let s = Source::from_bytes("x.txt", b"Caf\xE9 en cr\xE8me").unwrap();
        assert_eq!(s.text, "Café en crème");
        assert_eq!(s.encoding, "windows-1252");
        let html =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9</p></body></html>";
        let s = Source::from_bytes("x.html", html).unwrap();
        assert!(s.text.contains("Café"));
    }

    #[test]
    fn sniffing_beats_extension() {
        let s = Source::from_bytes(
            "x.txt",
            b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        )
        .unwrap();
        assert_eq!(s.format, Format::Html);
    }

    #[test]
    fn a_stray_nul_is_blanked_but_many_are_binary() {
        let mut page = b"<p>one\x00two</p>".to_vec();
        page.extend(std::iter::repeat_n(b' ', 2000));
        let s = Source::from_bytes("a.html", &page).unwrap();
        assert!(s.text.starts_with("<p>one two</p>"));
        let mut utf16 = Vec::new();
        for u in "Privacy statement".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let e = Source::from_bytes("u16.txt", &utf16).unwrap_err();
        assert!(e.to_string().contains("UTF-16 without a byte-order mark"));
    }

    #[test]
    fn line_ends_and_control_characters_read_as_before() {
        for text in [
            "",
            "\r",
            "\r\r\n",
            "a\r\nb\rc\n\r",
            "é\r\nü\r",
            "no returns",
            "\u{85}\u{9f}\u{a0}\x01\x7f\t\x0c\x1b é ’",
            &"ab\u{85}cé\x02’\r\n".repeat(40),
            &"plain text\x7f with a few \u{9f} odd bytes \x1f in it, and more words".repeat(9),
        ] {
            let want = text.replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(normalise_line_ends(text.to_string()), want, "{text:?}");
            for sample in (0..80).chain([100, 200, 8192]) {
                let is_noise =
                    |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
                let chars = text.chars().take(sample);
                let want = (
                    chars.clone().count(),
                    chars.filter(|c| is_noise(*c)).count(),
                );
                assert_eq!(control_characters(text, sample), want, "{text:?}");
            }
        }
    }

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("20MB"), Ok(20_000_000));
        assert_eq!(parse_size("500k"), Ok(500_000));
        assert_eq!(parse_size("1MiB"), Ok(1 << 20));
        assert_eq!(parse_size("1_024"), Ok(1024));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("3 parsecs").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn errors_name_the_file() {
        let e = Source::from_bytes("empty.md", b"").unwrap_err();
        assert_eq!(e.to_string(), "empty.md: file is empty");
        let e = Source::from_bytes("a.pdf.md", b"%PDF-1.7\n...").unwrap_err();
        assert!(e.to_string().starts_with("a.pdf.md: not a text file (PDF"));
        let e = Source::from_bytes("ws.txt", b"  \n\n ").unwrap_err();
        assert!(e.to_string().contains("empty"));
    }
}
