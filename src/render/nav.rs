//! The navigation structures of the PDF, written straight into the lopdf object tree after
//! printpdf has built it: the outline (bookmarks, nested by heading level, in reading order),
//! page labels, and a link annotation for every `<a href>`.
//!
//! Object numbers are allocated in page and reading order, so the same brief always gives
//! the same objects (and the same bytes).

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::draw::Draw;
use crate::error::RenderError;

/// One heading found on the pages.
struct Entry {
    page: usize,
    top: f32,
    level: u8,
    title: String,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// A PDF text string: PDFDocEncoding for ASCII, UTF-16BE with a byte-order mark otherwise.
pub fn text_string(s: &str) -> Object {
    let bytes = if s.is_ascii() {
        s.as_bytes().to_vec()
    } else {
        let mut b = vec![0xfe, 0xff];
        b.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        b
    };
    Object::String(bytes, StringFormat::Literal)
}

/// The object id of the document catalog.
pub fn catalog_id(doc: &Document) -> Result<ObjectId, RenderError> {
    doc.trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| RenderError::Pdf(format!("the PDF has no catalog: {e}")))
}

/// The link annotations of each page, one entry per [`Draw::Link`] in drawing order (`None`
/// where the target is not a web address and nothing was written).
pub type LinkAnnots = Vec<Vec<Option<ObjectId>>>;

/// Adds the outline, page labels and link annotations for `pages` (drawn on pages `height`
/// points tall, top-down coordinates) to `doc`; returns the link annotations.
pub fn annotate(
    doc: &mut Document,
    pages: &[Vec<Draw>],
    height: f32,
) -> Result<LinkAnnots, RenderError> {
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.len() != pages.len() {
        return Err(RenderError::Pdf(format!(
            "{} pages drawn but {} in the PDF",
            pages.len(),
            page_ids.len()
        )));
    }
    let mut annots = Vec::with_capacity(pages.len());
    for (draws, page_id) in pages.iter().zip(&page_ids) {
        annots.push(links(doc, draws, *page_id, height)?);
    }
    let catalog = catalog_id(doc)?;
    let outline = outline(doc, pages, &page_ids, height);
    let mut labels = Dictionary::new();
    labels.set("S", Object::Name(b"D".to_vec()));
    let nums = Object::Array(vec![Object::Integer(0), Object::Dictionary(labels)]);
    let cat = doc
        .get_object_mut(catalog)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("the PDF catalog: {e}")))?;
    cat.set("PageLabels", Dictionary::from_iter([("Nums", nums)]));
    if let Some(outline) = outline {
        cat.set("Outlines", Object::Reference(outline));
        cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    Ok(annots)
}

/// Adds a link annotation to the page for every [`Draw::Link`] to a web address; returns
/// them in drawing order.
fn links(
    doc: &mut Document,
    draws: &[Draw],
    page: ObjectId,
    height: f32,
) -> Result<Vec<Option<ObjectId>>, RenderError> {
    let mut annots = Vec::new();
    let mut ids = Vec::new();
    for d in draws {
        let Draw::Link {
            x, y, w, h, uri, ..
        } = d
        else {
            continue;
        };
        if !is_web_address(uri) {
            ids.push(None);
            continue;
        }
        let mut action = Dictionary::new();
        action.set("S", Object::Name(b"URI".to_vec()));
        action.set(
            "URI",
            Object::String(ascii_uri(uri).into_bytes(), StringFormat::Literal),
        );
        let mut a = Dictionary::new();
        a.set("Type", Object::Name(b"Annot".to_vec()));
        a.set("Subtype", Object::Name(b"Link".to_vec()));
        let rect = [*x, height - y - h, x + w, height - y];
        a.set("Rect", Object::Array(rect.map(Object::Real).to_vec()));
        a.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
        a.set("A", Object::Dictionary(action));
        let id = doc.add_object(a);
        annots.push(Object::Reference(id));
        ids.push(Some(id));
    }
    if annots.is_empty() {
        return Ok(ids);
    }
    let dict = doc
        .get_object_mut(page)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("a PDF page: {e}")))?;
    if let Ok(Object::Array(existing)) = dict.get_mut(b"Annots") {
        existing.extend(annots);
    } else {
        dict.set("Annots", Object::Array(annots));
    }
    Ok(ids)
}

/// Whether `uri` is a web or mail address (the only links a brief opens).
fn is_web_address(uri: &str) -> bool {
    let lower = uri.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// `uri` with every byte outside printable ASCII percent-encoded (PDF URIs are 7-bit).
fn ascii_uri(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for b in uri.trim().bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Builds the outline tree from the [`Draw::Anchor`]s; returns the outline dictionary.
fn outline(
    doc: &mut Document,
    pages: &[Vec<Draw>],
    page_ids: &[ObjectId],
    height: f32,
) -> Option<ObjectId> {
    let entries = entries(pages);
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    let top: Vec<usize> = (0..entries.len())
        .filter(|i| entries[*i].parent.is_none())
        .collect();
    let tree = Tree {
        entries: &entries,
        top: &top,
        ids: &ids,
        root,
    };
    for (i, e) in entries.iter().enumerate() {
        let mut d = tree.links(i);
        let dest = vec![
            Object::Reference(page_ids[e.page]),
            Object::Name(b"XYZ".to_vec()),
            Object::Null,
            Object::Real(height - e.top + 4.0),
            Object::Null,
        ];
        d.set("Dest", Object::Array(dest));
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    r.set("First", Object::Reference(ids[top[0]]));
    r.set("Last", Object::Reference(ids[*top.last()?]));
    r.set("Count", Object::Integer(entries.len() as i64));
    doc.objects.insert(root, Object::Dictionary(r));
    Some(root)
}

/// The headings of the pages in order, each under the nearest heading of a higher level
/// before it.
fn entries(pages: &[Vec<Draw>]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (page, draws) in pages.iter().enumerate() {
        for d in draws {
            let Draw::Anchor { y, level, title } = d else {
                continue;
            };
            while stack.last().is_some_and(|s| entries[*s].level >= *level) {
                stack.pop();
            }
            let parent = stack.last().copied();
            let index = entries.len();
            if let Some(p) = parent {
                entries[p].children.push(index);
            }
            entries.push(Entry {
                page,
                top: *y,
                level: *level,
                title: title.clone(),
                parent,
                children: Vec::new(),
            });
            stack.push(index);
        }
    }
    entries
}

/// The outline's entries with the object ids they are written under.
struct Tree<'a> {
    entries: &'a [Entry],
    /// The entries with no parent, in order.
    top: &'a [usize],
    /// Object id of each entry.
    ids: &'a [ObjectId],
    /// Object id of the outline dictionary.
    root: ObjectId,
}

impl Tree<'_> {
    /// The dictionary of entry `i` without its destination: its title and its links to its
    /// parent, siblings and children.
    fn links(&self, i: usize) -> Dictionary {
        let (e, ids) = (&self.entries[i], self.ids);
        let mut d = Dictionary::new();
        d.set("Title", text_string(&e.title));
        d.set(
            "Parent",
            Object::Reference(e.parent.map_or(self.root, |p| ids[p])),
        );
        let sib = match e.parent {
            Some(p) => &self.entries[p].children,
            None => self.top,
        };
        let at = sib.iter().position(|s| *s == i).unwrap_or(0);
        if at > 0 {
            d.set("Prev", Object::Reference(ids[sib[at - 1]]));
        }
        if let Some(next) = sib.get(at + 1) {
            d.set("Next", Object::Reference(ids[*next]));
        }
        if let (Some(first), Some(last)) = (e.children.first(), e.children.last()) {
            d.set("First", Object::Reference(ids[*first]));
            d.set("Last", Object::Reference(ids[*last]));
            d.set("Count", Object::Integer(e.children.len() as i64));
        }
        d
    }
}
