//! PDF with a text layer → paragraphs.
//!
//! lopdf parses the file (cross-reference data, object streams, filters,
//! decryption) under [`Limits`]: each stream decompresses to at most
//! [`Limits::max_entry_bytes`], the page contents, forms and CMaps together
//! to at most [`Limits::max_total_decompressed_bytes`]. The text is taken here from the
//! content streams: the text operators (`Tj`, `TJ`, `'`, `"`) give strings,
//! the positioning ones (`Td`, `TD`, `Tm`, `T*`, `cm`) and the fonts' widths
//! where each run starts and ends, the fonts' `/ToUnicode` CMaps their text
//! (`font.rs`); the path operators (`m`, `l`, `re`, painted by `S`, `f` …)
//! the rules a table's borders draw. `layout.rs` turns runs into lines and
//! lines into paragraphs; `table.rs` rebuilds tables, ruled (from the grid
//! of their rules) or not (from the gutters between their columns), laid
//! out, or a form flowed, as the docx reader does a Word table's. Struck-out
//! text (a tracked deletion as LibreOffice prints it) is dropped. Text marked
//! as an `/Artifact` (a tagged PDF's headers, footers, page numbers) is not
//! body text. A marked-content sequence with an `/ActualText` reads as that
//! text in place of its glyphs' (LibreOffice, lacking a font for a script,
//! draws its characters with one fallback glyph and says what they are so). Text inside Form XObjects is read; vertical writing and
//! rotated pages are read as if horizontal. A PDF whose pages carry images and no text is a scan:
//! [`Error::NoTextLayer`] (OCR is out of scope); so is one whose text is in
//! fonts that say nothing of its Unicode (no `/ToUnicode`, no known encoding).

mod font;
mod layout;
mod table;

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{DecompressError, Dictionary, Object, ObjectId, Stream};

use crate::error::{Error, Result};
use crate::options::Limits;
use crate::read::{Document, Format};
use font::Font;
use layout::{Page, Rule, Run};

/// How deep Form XObjects may nest inside each other (a form drawing itself is a cycle).
const MAX_FORM_DEPTH: usize = 16;

/// How many graphics states `q` may save at once; deeper saves are ignored
/// (each costs a copy of the state).
const MAX_SAVES: usize = 256;

/// Reads a PDF. `path` only names the input in errors.
pub(super) fn read_pdf(bytes: &[u8], path: Option<&Path>, limits: &Limits) -> Result<Document> {
    read(bytes, limits).map_err(|e| e.at(path))
}

fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    let stream_limit = usize::try_from(limits.max_entry_bytes).unwrap_or(usize::MAX);
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(stream_limit),
        ..Default::default()
    };
    let doc = lopdf::Document::load_mem_with_options(bytes, options)
        .map_err(|e| load_error(&e, stream_limit))?;
    // Loaded but not decrypted: a user password is needed.
    if doc.trailer.has(b"Encrypt") && !doc.was_encrypted() {
        return Err(Error::Encrypted { path: None });
    }
    let mut reader = Reader {
        doc: &doc,
        budget: Budget {
            stream: stream_limit,
            total: limits.max_total_decompressed_bytes,
            left: limits.max_total_decompressed_bytes,
        },
        fonts: HashMap::new(),
        saw_image: false,
        saw_glyphs: false,
        artifacts: 0,
        actual_text: None,
        run_bytes: 0,
    };
    let mut pages = Vec::new();
    for page_id in doc.page_iter() {
        pages.push(reader.page(page_id)?);
    }
    let has_text = pages
        .iter()
        .flat_map(|p| &p.runs)
        .any(|r| !r.text.trim().is_empty());
    if !has_text && (reader.saw_image || reader.saw_glyphs) {
        return Err(Error::NoTextLayer { path: None });
    }
    let (title, created) = info(&doc);
    let mut budget =
        crate::read::docx::table::Budget::new(limits.max_table_cells, limits.max_entry_bytes);
    let (blocks, filled_tables) =
        crate::read::docx::table::into_blocks(layout::items(pages, &mut budget)?);
    Ok(Document {
        format: Format::Pdf,
        encoding: None,
        title,
        created,
        blocks,
        filled_tables,
    })
}

/// lopdf's load error as ours: a password it could not supply → encrypted,
/// a stream over the limit → too large, anything else → malformed.
fn load_error(e: &lopdf::Error, limit: usize) -> Error {
    if let Some(e) = too_large(e, limit) {
        return e;
    }
    match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::AlreadyEncrypted => Error::Encrypted { path: None },
        e => Error::MalformedPdf {
            path: None,
            reason: e.to_string(),
        },
    }
}

/// [`Error::TooLarge`] when lopdf stopped at the decompression limit.
fn too_large(e: &lopdf::Error, limit: usize) -> Option<Error> {
    matches!(
        e,
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })
    )
    .then(|| over_limit("a PDF stream", limit as u64))
}

fn over_limit(what: &str, limit: u64) -> Error {
    Error::TooLarge {
        path: None,
        what: what.into(),
        actual: limit.saturating_add(1),
        limit,
    }
}

/// What may still be decompressed: each stream up to [`Limits::max_entry_bytes`],
/// all of them (page contents, forms, CMaps) up to [`Limits::max_total_decompressed_bytes`].
struct Budget {
    stream: usize,
    total: u64,
    left: u64,
}

impl Budget {
    /// The most the next stream may decompress to.
    fn next(&self) -> usize {
        self.stream
            .min(usize::try_from(self.left).unwrap_or(usize::MAX))
    }

    fn spend(&mut self, data: &[u8]) {
        self.left = self.left.saturating_sub(data.len() as u64);
    }

    /// Over the limit of one stream, or of all of them when that one bound first.
    fn exceeded(&self) -> Error {
        if (self.left as u128) < self.stream as u128 {
            over_limit("the PDF's streams together", self.total)
        } else {
            over_limit("a PDF stream", self.stream as u64)
        }
    }

    /// A stream's decoded bytes (its raw bytes when its filter is one lopdf
    /// does not decode), paid for.
    fn decode(&mut self, stream: &Stream) -> Result<Vec<u8>> {
        let limit = self.next();
        let data = match stream.decompressed_content_with_limit(limit) {
            Ok(data) => data,
            Err(e) if too_large(&e, limit).is_some() => return Err(self.exceeded()),
            Err(_) if stream.content.len() <= limit => stream.content.clone(),
            Err(_) => return Err(self.exceeded()),
        };
        self.spend(&data);
        Ok(data)
    }

    /// The content streams of a page, together, paid for.
    fn page(&mut self, doc: &lopdf::Document, page_id: ObjectId) -> Result<Vec<u8>> {
        let limit = self.next();
        let content =
            doc.get_page_content_with_limit(page_id, limit)
                .map_err(|e| match too_large(&e, limit) {
                    Some(_) => self.exceeded(),
                    None => malformed(&e),
                })?;
        self.spend(&content);
        Ok(content)
    }
}

/// The Info dictionary's `/Title` (when not blank) and `/CreationDate`.
fn info(doc: &lopdf::Document) -> (Option<String>, Option<chrono::NaiveDate>) {
    let Some(info) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return (None, None);
    };
    let field = |key: &[u8]| {
        let object = doc.dereference(info.get(key).ok()?).ok()?.1;
        lopdf::decode_text_string(object).ok()
    };
    let title = field(b"Title")
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let created = field(b"CreationDate").and_then(|d| parse_date(&d));
    (title, created)
}

/// `D:YYYYMMDD…` (the `D:` optional, as some producers drop it) → the date.
fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let digits = s.trim().strip_prefix("D:").unwrap_or(s.trim());
    let n = |range: std::ops::Range<usize>| digits.get(range)?.parse::<u32>().ok();
    chrono::NaiveDate::from_ymd_opt(n(0..4)? as i32, n(4..6)?, n(6..8)?)
}

/// Walks pages, keeping what all pages share: the decoded fonts and the budget.
struct Reader<'a> {
    doc: &'a lopdf::Document,
    budget: Budget,
    /// Fonts by their dictionary's object id: pages share them.
    fonts: HashMap<ObjectId, Rc<Font>>,
    saw_image: bool,
    /// Text was shown, decoded or not (a font without a usable `/ToUnicode`).
    saw_glyphs: bool,
    /// Open `/Artifact` marked-content sequences, over nested forms too.
    artifacts: usize,
    /// The `/ActualText` of the outermost open sequence that has one.
    actual_text: Option<ActualText>,
    /// The memory the runs of all pages take: a run costs some 50 bytes, a
    /// `(a)Tj` in a content stream five, so it is bounded apart, by
    /// [`Limits::max_total_decompressed_bytes`] too.
    run_bytes: u64,
}

/// A sequence's `/ActualText`: its first shown string reads as it, the
/// rest only move the pen.
struct ActualText {
    text: String,
    shown: bool,
}

/// An open marked-content sequence: an artifact, or the one whose
/// `/ActualText` stands for what it shows.
#[derive(Clone, Copy)]
struct Mark {
    artifact: bool,
    actual_text: bool,
}

/// A 2D affine matrix `[a b c d e f]`, points as row vectors (PDF's convention).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: `self` applied first.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    fn from_operands(operands: &[Object]) -> Option<Matrix> {
        let n: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
        let m: [f32; 6] = n.try_into().ok()?;
        m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
    }
}

/// The graphics and text state the operators change.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

impl<'a> Reader<'a> {
    fn page(&mut self, page_id: ObjectId) -> Result<Page> {
        let content = self.budget.page(self.doc, page_id)?;
        let resources = self.page_resources(page_id);
        let state = State {
            ctm: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut page = Page::default();
        self.content(&content, &resources, state, 0, &mut page)?;
        Ok(page)
    }

    /// The page's resource dictionaries, nearest first (a page inherits its tree's).
    fn page_resources(&self, page_id: ObjectId) -> Vec<&'a Dictionary> {
        let Ok((direct, ids)) = self.doc.get_page_resources(page_id) else {
            return Vec::new();
        };
        direct
            .into_iter()
            .chain(
                ids.into_iter()
                    .filter_map(|id| self.doc.get_dictionary(id).ok()),
            )
            .collect()
    }

    /// A named resource of a category (`Font`, `XObject`, `Properties`), looked up nearest first.
    fn resource(
        &self,
        resources: &[&'a Dictionary],
        category: &[u8],
        name: &[u8],
    ) -> Option<(Option<ObjectId>, &'a Object)> {
        resources.iter().find_map(|r| {
            let (_, dict) = self.doc.dereference(r.get(category).ok()?).ok()?;
            self.doc
                .dereference(dict.as_dict().ok()?.get(name).ok()?)
                .ok()
        })
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Result<Option<Rc<Font>>> {
        let Some((id, Object::Dictionary(dict))) = self.resource(resources, b"Font", name) else {
            return Ok(None);
        };
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Ok(Some(font.clone()));
        }
        let font = Rc::new(Font::load(self.doc, dict, &mut self.budget)?);
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        Ok(Some(font))
    }

    fn content(
        &mut self,
        bytes: &[u8],
        resources: &[&'a Dictionary],
        mut state: State,
        depth: usize,
        page: &mut Page,
    ) -> Result<()> {
        // A content stream that does not parse reads as far as it does.
        let mut stack = Vec::new();
        // Marked-content sequences open in this stream.
        let mut marks: Vec<Mark> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut path = PathBuilder::default();
        for op in Content::decode_iter(bytes) {
            let Ok(op) = op else { break };
            let num = |i: usize| {
                op.operands
                    .get(i)
                    .and_then(|o| o.as_float().ok())
                    .filter(|v| v.is_finite())
            };
            match op.operator.as_str() {
                "q" if stack.len() < MAX_SAVES => stack.push(state.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(&op.operands) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    state.font = match name {
                        Some(name) => self.font(resources, name)?,
                        None => None,
                    };
                    state.size = num(1).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (x, y) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        state.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(&op.operands) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            state.word_spacing = num(0).unwrap_or(0.0);
                            state.char_spacing = num(1).unwrap_or(0.0);
                        }
                        tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                        tm = tlm;
                    }
                    if let Some(Ok(s)) = op.operands.last().map(Object::as_str) {
                        self.show(s, &state, &mut tm, &mut page.runs)?;
                    }
                }
                "TJ" => {
                    let Some(Ok(items)) = op.operands.first().map(Object::as_array) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) => {
                                self.show(s, &state, &mut tm, &mut page.runs)?
                            }
                            item => {
                                if let Ok(n) = item.as_float()
                                    && n.is_finite()
                                {
                                    let tx = -n / 1000.0 * state.size * state.scale;
                                    tm = Matrix::translate(tx, 0.0).then(tm);
                                }
                            }
                        }
                    }
                }
                // Tagged PDFs mark running headers, footers and page numbers as artifacts.
                "BMC" | "BDC" => {
                    let artifact =
                        op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
                    self.artifacts += usize::from(artifact);
                    let text = match op.operands.get(1) {
                        Some(props) if self.actual_text.is_none() => {
                            self.actual_text_of(resources, props)
                        }
                        _ => None,
                    };
                    let actual_text = text.is_some();
                    if let Some(text) = text {
                        self.actual_text = Some(ActualText { text, shown: false });
                    }
                    marks.push(Mark {
                        artifact,
                        actual_text,
                    });
                }
                "EMC" => {
                    if let Some(mark) = marks.pop() {
                        self.close(mark);
                    }
                }
                "m" | "l" => {
                    if let (Some(x), Some(y)) = (num(0), num(1)) {
                        path.point(op.operator == "m", state.ctm.apply(x, y));
                    }
                }
                "re" => {
                    if let (Some(x), Some(y), Some(w), Some(h)) = (num(0), num(1), num(2), num(3)) {
                        path.point(true, state.ctm.apply(x, y));
                        path.point(false, state.ctm.apply(x + w, y));
                        path.point(false, state.ctm.apply(x + w, y + h));
                        path.point(false, state.ctm.apply(x, y + h));
                        path.close();
                    }
                }
                "h" => path.close(),
                "c" | "v" | "y" => path.curve(),
                "S" | "s" | "B" | "B*" | "b" | "b*" => {
                    if op.operator.starts_with(['s', 'b']) {
                        path.close();
                    }
                    self.rules(path.stroke(), page)?;
                }
                "f" | "F" | "f*" => self.rules(path.fill(), page)?,
                "n" => path = PathBuilder::default(),
                "BI" => self.saw_image = true,
                "Do" => {
                    if let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) {
                        self.xobject(resources, name, &state, depth, page)?;
                    }
                }
                _ => {}
            }
        }
        // Sequences a stream leaves open end with it.
        for mark in marks {
            self.close(mark);
        }
        Ok(())
    }

    fn close(&mut self, mark: Mark) {
        self.artifacts -= usize::from(mark.artifact);
        if mark.actual_text {
            self.actual_text = None;
        }
    }

    /// The `/ActualText` of a sequence's properties, given in place or
    /// named in the resources' `/Properties`.
    fn actual_text_of(&self, resources: &[&'a Dictionary], props: &Object) -> Option<String> {
        let dict = match props {
            Object::Dictionary(dict) => dict,
            Object::Name(name) => self
                .resource(resources, b"Properties", name)?
                .1
                .as_dict()
                .ok()?,
            _ => return None,
        };
        let (_, text) = self.doc.dereference(dict.get(b"ActualText").ok()?).ok()?;
        lopdf::decode_text_string(text).ok()
    }

    /// An image marks the page as drawn; a form's content is read in place.
    fn xobject(
        &mut self,
        resources: &[&'a Dictionary],
        name: &[u8],
        state: &State,
        depth: usize,
        page: &mut Page,
    ) -> Result<()> {
        let Some((_, Object::Stream(stream))) = self.resource(resources, b"XObject", name) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.saw_image = true,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let bytes = self.budget.decode(stream)?;
                let mut inner = state.clone();
                let matrix = stream.dict.get(b"Matrix").and_then(Object::as_array);
                if let Some(m) = matrix.ok().and_then(|m| Matrix::from_operands(m)) {
                    inner.ctm = m.then(inner.ctm);
                }
                let own = self
                    .doc
                    .dereference(stream.dict.get(b"Resources").unwrap_or(&Object::Null))
                    .ok()
                    .and_then(|(_, r)| r.as_dict().ok());
                let scoped: Vec<&'a Dictionary> =
                    own.into_iter().chain(resources.iter().copied()).collect();
                self.content(&bytes, &scoped, inner, depth + 1, page)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Shows a string: one run, from where it starts to where its last glyph ends.
    fn show(
        &mut self,
        bytes: &[u8],
        state: &State,
        tm: &mut Matrix,
        runs: &mut Vec<Run>,
    ) -> Result<()> {
        let Some(font) = &state.font else {
            return Ok(());
        };
        if self.artifacts > 0 {
            return Ok(());
        }
        let start = Matrix::translate(0.0, state.rise).then(*tm).then(state.ctm);
        let mut text = String::new();
        let actual_text = self.actual_text.as_mut().map(|actual| {
            if !actual.shown {
                actual.shown = true;
                text = std::mem::take(&mut actual.text);
            }
        });
        for glyph in font.glyphs(bytes) {
            self.saw_glyphs = true;
            if actual_text.is_none() {
                text.push_str(&glyph.text);
            }
            let spacing = state.char_spacing
                + if glyph.is_space {
                    state.word_spacing
                } else {
                    0.0
                };
            let tx = (glyph.width / 1000.0 * state.size + spacing) * state.scale;
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
        if text.is_empty() {
            return Ok(());
        }
        self.spend_memory((std::mem::size_of::<Run>() + text.len()) as u64)?;
        let end = Matrix::translate(0.0, state.rise).then(*tm).then(state.ctm);
        let [_, _, c, d, _, _] = start.0;
        let (x0, y) = start.apply(0.0, 0.0);
        let (x1, _) = end.apply(0.0, 0.0);
        runs.push(Run {
            text,
            x0,
            x1,
            y,
            size: state.size.abs() * c.hypot(d),
        });
        Ok(())
    }
}

impl Reader<'_> {
    /// Counts what the runs and rules of all pages take in memory.
    fn spend_memory(&mut self, bytes: u64) -> Result<()> {
        self.run_bytes += bytes;
        if self.run_bytes > self.budget.total {
            return Err(Error::TooLarge {
                path: None,
                what: "the PDF's text runs in memory".into(),
                actual: self.run_bytes,
                limit: self.budget.total,
            });
        }
        Ok(())
    }

    /// Keeps the rules a painted path drew (outside artifacts).
    fn rules(&mut self, rules: Vec<Rule>, page: &mut Page) -> Result<()> {
        if self.artifacts > 0 {
            return Ok(());
        }
        self.spend_memory((rules.len() * std::mem::size_of::<Rule>()) as u64)?;
        page.rules.extend(rules);
        Ok(())
    }
}

/// The thickest a filled shape may be and still be a rule (a table border
/// drawn as a thin rectangle).
const RULE_THICKNESS: f32 = 3.0;

/// The path being built: its subpaths as points on the page.
#[derive(Default)]
struct PathBuilder {
    subpaths: Vec<Vec<(f32, f32)>>,
    /// Points of all subpaths, bounded so a hostile path costs little.
    points: usize,
}

/// The most points a path keeps.
const MAX_PATH_POINTS: usize = 4096;

impl PathBuilder {
    fn point(&mut self, new: bool, p: (f32, f32)) {
        if self.points >= MAX_PATH_POINTS || !p.0.is_finite() || !p.1.is_finite() {
            return;
        }
        self.points += 1;
        match self.subpaths.last_mut() {
            Some(sub) if !new => sub.push(p),
            _ => self.subpaths.push(vec![p]),
        }
    }

    fn close(&mut self) {
        if let Some(&first) = self.subpaths.last().and_then(|s| s.first()) {
            self.point(false, first);
        }
    }

    /// A curve ends its straight run: what follows starts anew at its end
    /// (unknown here), so the subpath is cut.
    fn curve(&mut self) {
        self.subpaths.push(Vec::new());
    }

    /// The horizontal and vertical pieces of a stroked path.
    fn stroke(&mut self) -> Vec<Rule> {
        let mut out = Vec::new();
        for sub in std::mem::take(&mut self.subpaths) {
            for w in sub.windows(2) {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                if let Some(rule) = Rule::new(x0, y0, x1, y1) {
                    out.push(rule);
                }
            }
        }
        self.points = 0;
        out
    }

    /// The thin shapes of a filled path, as the rules they draw.
    fn fill(&mut self) -> Vec<Rule> {
        let mut out = Vec::new();
        for sub in std::mem::take(&mut self.subpaths) {
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for &(x, y) in &sub {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            if sub.len() < 3 {
                continue;
            }
            let rule = if y1 - y0 <= RULE_THICKNESS {
                let y = (y0 + y1) / 2.0;
                Rule::new(x0, y, x1, y)
            } else if x1 - x0 <= RULE_THICKNESS {
                let x = (x0 + x1) / 2.0;
                Rule::new(x, y0, x, y1)
            } else {
                None
            };
            out.extend(rule);
        }
        self.points = 0;
        out
    }
}

fn malformed(e: &lopdf::Error) -> Error {
    Error::MalformedPdf {
        path: None,
        reason: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_dates() {
        let date = chrono::NaiveDate::from_ymd_opt;
        assert_eq!(parse_date("D:20250409103000+08'00'"), date(2025, 4, 9));
        assert_eq!(parse_date("20250409"), date(2025, 4, 9));
        assert_eq!(parse_date("D:2025"), None);
        assert_eq!(parse_date("D:20251332"), None);
    }

    #[test]
    fn matrices_compose_in_pdf_order() {
        let m = Matrix::translate(10.0, 0.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 5.0, 5.0]));
        assert_eq!(m.apply(1.0, 1.0), (27.0, 7.0));
    }
}
