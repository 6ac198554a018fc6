//! Reading an import, one row at a time: JSON Lines or CSV from any reader, each row with the
//! line it starts on, so a file of any size is read in the memory of a few rows.

use super::{FIELDS, FORMULA_STARTS, Format, Record, TEXT_COLUMNS, problems, row_error};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::values::parse_bool;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;
use zeroize::Zeroize;

/// One row as read: the line it starts on, and the record or what is wrong with it.
pub type ReadRow = (usize, std::result::Result<Record, String>);

/// A text column's cell as [`defuse_formula`] wrote it, back as it was, so an export imports
/// unchanged. Passwords are never touched.
fn restore_formula(column: &str, cell: &str) -> String {
    let text = TEXT_COLUMNS.contains(&column) || !FIELDS.contains(&column);
    match cell.strip_prefix('\'') {
        Some(rest) if text && rest.starts_with(FORMULA_STARTS) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// An unknown column (or JSON field) as a message may show it: by name only when it looks like
/// a misspelt field name, since a missing header or shifted columns put data — passwords too —
/// where names should be.
fn unknown_name(what: &str, name: &str, position: usize) -> String {
    let typo = name.len() <= 20
        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        && FIELDS
            .iter()
            .any(|field| strsim::damerau_levenshtein(field, name) <= 2);
    match (typo, position) {
        (true, _) => format!("unknown {what} `{name}`"),
        (false, 0) => format!("an unknown {what} (its name is not shown: it may be data)"),
        (false, n) => {
            format!("{what} {n} is not a known field (its name is not shown: it may be data)")
        }
    }
}

/// A row as a file gives it. Unknown fields and fields given twice are refused by serde.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    #[serde(default, deserialize_with = "text")]
    username: Option<String>,
    #[serde(default, deserialize_with = "text")]
    email: Option<String>,
    #[serde(default, deserialize_with = "text")]
    first_name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    last_name: Option<String>,
    #[serde(default, deserialize_with = "flag")]
    is_active: Option<bool>,
    #[serde(default, deserialize_with = "flag")]
    is_staff: Option<bool>,
    #[serde(default, deserialize_with = "flag")]
    is_superuser: Option<bool>,
    #[serde(default, deserialize_with = "group_list")]
    groups: Option<Vec<String>>,
    #[serde(default, deserialize_with = "text")]
    password: Option<String>,
    #[serde(default, deserialize_with = "text")]
    password_hash: Option<String>,
}

/// Group names: a JSON list of strings, or (from a CSV cell) one string with `;` between
/// names; null for "not given".
fn group_list<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<String>>, D::Error> {
    let names = match Value::deserialize(d)? {
        Value::Null => return Ok(None),
        Value::String(s) => split_group_cell(&s),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) => Ok(s),
                _ => Err(serde::de::Error::custom("must be a list of group names")),
            })
            .collect::<std::result::Result<Vec<String>, D::Error>>()?,
        _ => return Err(serde::de::Error::custom("must be a list of group names")),
    };
    // Names are taken exactly as written (a group Django made may end in a space); only empty
    // ones, which no group can have, are dropped.
    let mut names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    names.sort();
    names.dedup();
    Ok(Some(names))
}

/// The names [`join_group_cell`] wrote.
pub(super) fn split_group_cell(cell: &str) -> Vec<String> {
    let (mut names, mut name, mut chars) = (Vec::new(), String::new(), cell.chars());
    while let Some(c) = chars.next() {
        match c {
            '\\' => name.extend(chars.next()),
            ';' => names.push(std::mem::take(&mut name)),
            c => name.push(c),
        }
    }
    names.push(name);
    names
}

/// A string, or null for "not given".
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        _ => Err(serde::de::Error::custom("must be a string")),
    }
}

/// A flag as JSON writes it (`true`, `0`) or as text (`yes`, `off`), or null for "not given".
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<bool>, D::Error> {
    let value = Value::deserialize(d)?;
    let parsed = match &value {
        Value::Null => return Ok(None),
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_u64() {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
        Value::String(s) => parse_bool(s),
        _ => None,
    };
    // The value is not shown: with shifted columns it may be someone's password.
    parsed
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom("must be true or false"))
}

impl Row {
    /// Reads one row, naming the field at fault the way the rest of the import does.
    fn read<'de, D>(deserializer: D) -> std::result::Result<Row, String>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let field = e.path().to_string();
            // serde_json appends where in the line it stopped; the line is named already.
            let message = e.inner().to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            if let Some(rest) = message.strip_prefix("duplicate field `") {
                let name = rest.split('`').next().unwrap_or(rest);
                format!("field `{name}` appears twice")
            } else if let Some(rest) = message.strip_prefix("unknown field `") {
                let name = rest.split('`').next().unwrap_or(rest);
                format!(
                    "{} (known: {})",
                    unknown_name("field", name, 0),
                    FIELDS.join(", ")
                )
            } else if field.is_empty() || field == "." {
                format!("not a JSON object: {message}")
            } else {
                format!("`{field}` {message}")
            }
        })
    }

    fn record(self, line: usize, fields: Vec<(String, String)>) -> Record {
        Record {
            fields,
            line,
            username: self.username.unwrap_or_default(),
            email: self.email,
            first_name: self.first_name,
            last_name: self.last_name,
            is_active: self.is_active,
            is_staff: self.is_staff,
            is_superuser: self.is_superuser,
            password: self.password.map(Secret::new),
            password_hash: self.password_hash,
            groups: self.groups,
        }
    }
}

/// Reads every record of a whole text, reporting every malformed row at once.
pub fn parse(format: Format, input: &str, extras: &[String]) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (line, row) in Rows::new(format, input.as_bytes(), extras)? {
        match row {
            Ok(record) => records.push(record),
            Err(message) => errors.push(row_error(line, message)),
        }
    }
    match errors.is_empty() {
        true => Ok(records),
        false => Err(problems(errors)),
    }
}

/// The rows of an import, read as they are needed.
pub struct Rows<R: Read> {
    extras: Vec<String>,
    source: Source<R>,
}

enum Source<R: Read> {
    Jsonl {
        reader: BufReader<WithoutBom<R>>,
        line: usize,
        buffer: Vec<u8>,
    },
    Csv {
        reader: csv::Reader<LineEnds<WithoutBom<R>>>,
        headers: csv::StringRecord,
        ends: Rc<RefCell<Ends>>,
        record: csv::StringRecord,
        done: bool,
    },
}

impl<R: Read> Rows<R> {
    /// Starts reading; a CSV file's header line is read and checked here (a bad header is the
    /// whole file's problem, reported alone).
    pub fn new(format: Format, reader: R, extras: &[String]) -> Result<Rows<R>> {
        let reader = WithoutBom::new(reader);
        let source = match format {
            Format::Jsonl => Source::Jsonl {
                reader: BufReader::with_capacity(64 * 1024, reader),
                line: 0,
                buffer: Vec::new(),
            },
            Format::Csv => {
                let ends = Rc::new(RefCell::new(Ends::default()));
                let mut reader = csv::ReaderBuilder::new()
                    .buffer_capacity(64 * 1024)
                    .from_reader(LineEnds {
                        inner: reader,
                        offset: 0,
                        ends: ends.clone(),
                    });
                let headers = csv_headers(&mut reader, extras)?;
                Source::Csv {
                    reader,
                    headers,
                    ends,
                    record: csv::StringRecord::new(),
                    done: false,
                }
            }
        };
        Ok(Rows {
            extras: extras.to_vec(),
            source,
        })
    }
}

impl<R: Read> Iterator for Rows<R> {
    type Item = ReadRow;

    fn next(&mut self) -> Option<ReadRow> {
        let extras = &self.extras;
        match &mut self.source {
            Source::Jsonl {
                reader,
                line,
                buffer,
            } => loop {
                buffer.zeroize();
                *line += 1;
                match reader.read_until(b'\n', buffer) {
                    Ok(0) => return None,
                    Ok(_) => {}
                    Err(e) => return Some((*line, Err(format!("cannot be read: {e}")))),
                }
                let Ok(text) = std::str::from_utf8(buffer) else {
                    return Some((*line, Err("is not UTF-8 text".into())));
                };
                if !text.trim().is_empty() {
                    let text = text.trim_end_matches(['\n', '\r']);
                    return Some((*line, jsonl_row(*line, text, extras)));
                }
            },
            Source::Csv {
                reader,
                headers,
                ends,
                record,
                done,
            } => {
                if *done {
                    return None;
                }
                let line_at = |byte: u64| ends.borrow_mut().line_at(byte);
                match reader.read_record(record) {
                    Ok(false) => None,
                    Ok(true) => {
                        let line = record.position().map_or(0, |p| line_at(p.byte()));
                        Some((line, csv_row(line, headers, record, extras)))
                    }
                    Err(e) => {
                        let line = e.position().map_or(0, |p| line_at(p.byte()));
                        // A bad record is that row's problem; anything else ends the file.
                        *done = !matches!(
                            e.kind(),
                            csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }
                        );
                        Some((line, Err(format!("not a CSV record: {e}"))))
                    }
                }
            }
        }
    }
}

/// An extra column's JSON value as the text `--field` would give (null is empty).
fn field_text(name: &str, value: Value) -> std::result::Result<String, String> {
    match value {
        Value::Null => Ok(String::new()),
        Value::String(s) => Ok(s),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(format!(
            "`{name}` must be a string, a number, true, false or null"
        )),
    }
}

fn jsonl_row(number: usize, line: &str, extras: &[String]) -> std::result::Result<Record, String> {
    // The common case, an object and no custom columns, is read once, straight into the row.
    if extras.is_empty() && line.trim_start().starts_with('{') {
        let mut whole = serde_json::Deserializer::from_str(line);
        if let Ok(row) = Row::read(&mut whole)
            && whole.end().is_ok()
        {
            return Ok(row.record(number, Vec::new()));
        }
    }
    let (row, fields) = match serde_json::from_str::<Value>(line) {
        Err(e) => return Err(format!("not a JSON object: {e}")),
        Ok(Value::Object(mut object)) if extras.iter().any(|e| object.contains_key(e)) => {
            let mut fields = Vec::new();
            for name in extras {
                if let Some(value) = object.remove(name) {
                    fields.push((name.clone(), field_text(name, value)?));
                }
            }
            (Row::read(Value::Object(object))?, fields)
        }
        // Read from the text itself, so a field given twice is noticed.
        Ok(Value::Object(_)) => (
            Row::read(&mut serde_json::Deserializer::from_str(line))?,
            Vec::new(),
        ),
        Ok(_) => return Err("not a JSON object: a line must hold one {…} object".into()),
    };
    Ok(row.record(number, fields))
}

/// Reads and checks a CSV file's header line.
fn csv_headers<R: Read>(
    reader: &mut csv::Reader<R>,
    extras: &[String],
) -> Result<csv::StringRecord> {
    let known = |name: &str| FIELDS.contains(&name) || extras.iter().any(|e| e == name);
    let all_known = FIELDS
        .iter()
        .copied()
        .chain(extras.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(", ");
    let headers = reader
        .headers()
        .map_err(|e| Error::Invalid(format!("header line: not a CSV header: {e}")))?
        .clone();
    let mut header_errors = Vec::new();
    let mut seen = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        if !known(name) {
            header_errors.push(format!(
                "header line: {}.",
                unknown_name("column", name, i + 1)
            ));
        } else if seen.contains(&name) {
            header_errors.push(format!("header line: column `{name}` appears twice."));
        }
        seen.push(name);
    }
    // A file without its header row makes its first row the header: say so instead of
    // listing its cells, which are data (passwords too).
    if !headers.is_empty() && headers.iter().all(|name| !known(name)) {
        return Err(Error::Invalid(format!(
            "header line: none of its {} columns is a known field; the first line must name the \
             columns (known: {})",
            headers.len(),
            all_known
        )));
    }
    // A bad header makes every row's complaint noise; report the header alone, and not forever.
    if !header_errors.is_empty() {
        const SHOWN: usize = 5;
        let more = header_errors.len().saturating_sub(SHOWN);
        header_errors.truncate(SHOWN);
        if more > 0 {
            header_errors.push(format!("header line: and {more} more unknown columns."));
        }
        header_errors.push(format!("header line: known columns: {}.", all_known));
        return Err(problems(header_errors));
    }
    Ok(headers)
}

fn csv_row(
    line: usize,
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
    extras: &[String],
) -> std::result::Result<Record, String> {
    let is_extra = |h: &str| extras.iter().any(|e| e == h);
    let cells: Map<String, Value> = headers
        .iter()
        .zip(record.iter())
        .filter(|(h, _)| !is_extra(h))
        // An empty cell leaves a flag or password alone; names and email are plain text where
        // empty is a value.
        .filter(|(h, v)| {
            !v.is_empty() || matches!(*h, "email" | "first_name" | "last_name" | "groups")
        })
        .map(|(h, v)| (h.to_string(), Value::String(restore_formula(h, v))))
        .collect();
    // An extra column's empty cell is a value too (NULL where the column allows).
    let fields: Vec<(String, String)> = headers
        .iter()
        .zip(record.iter())
        .filter(|(h, _)| is_extra(h))
        .map(|(h, v)| (h.to_string(), restore_formula(h, v)))
        .collect();
    Ok(Row::read(Value::Object(cells))?.record(line, fields))
}

/// A reader that drops the byte-order mark spreadsheets often put before UTF-8 text.
struct WithoutBom<R> {
    inner: R,
    start: Option<Vec<u8>>,
}

impl<R: Read> WithoutBom<R> {
    fn new(inner: R) -> Self {
        WithoutBom { inner, start: None }
    }
}

impl<R: Read> Read for WithoutBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.start.is_none() {
            let mut first = Vec::with_capacity(3);
            (&mut self.inner).take(3).read_to_end(&mut first)?;
            if first == [0xEF, 0xBB, 0xBF] {
                first.clear();
            }
            self.start = Some(first);
        }
        if let Some(start) = self.start.as_mut().filter(|s| !s.is_empty()) {
            let n = start.len().min(buf.len());
            buf[..n].copy_from_slice(&start[..n]);
            start.drain(..n);
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

/// Where the line ends are in what a CSV reader has read, so a record's byte offset gives its
/// line. (The csv crate counts a CRLF line end as two lines, and may place a record's start on
/// the line end before it.) Only the ends not yet passed are kept: a few buffers' worth.
#[derive(Default)]
struct Ends {
    /// Offsets of `\r` and `\n` bytes (and whether each is a `\n`), in order.
    pending: VecDeque<(u64, bool)>,
    /// Lines ended before the first pending offset.
    lines: usize,
}

impl Ends {
    /// The line of the first byte of a record that starts at `byte` (skipping the line end the
    /// record's start may sit on).
    fn line_at(&mut self, byte: u64) -> usize {
        while let Some(&(at, lf)) = self.pending.front() {
            if at >= byte {
                break;
            }
            self.lines += usize::from(lf);
            self.pending.pop_front();
        }
        let mut next = byte;
        while let Some(&(at, lf)) = self.pending.front() {
            if at != next {
                break;
            }
            self.lines += usize::from(lf);
            self.pending.pop_front();
            next += 1;
        }
        self.lines + 1
    }
}

/// A reader that notes the line ends passing through it in [`Ends`].
struct LineEnds<R> {
    inner: R,
    offset: u64,
    ends: Rc<RefCell<Ends>>,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut ends = self.ends.borrow_mut();
        for (i, byte) in buf[..n].iter().enumerate() {
            if matches!(byte, b'\r' | b'\n') {
                ends.pending
                    .push_back((self.offset + i as u64, *byte == b'\n'));
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}
