//! The structure tree of a tagged PDF, written into the lopdf object tree after the pages:
//! one `StructElem` per collected element (kids in reading order: elements, marked-content
//! ids, `OBJR`s of link annotations), the `StructTreeRoot` with its `ParentTree` (page
//! `StructParents` → the element of each marked-content id; annotation `StructParent` → its
//! `Link`) and `IDTree`, and `/Tabs /S` on pages with annotations.
//!
//! Object numbers are allocated in reading order, so the same brief gives the same bytes.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::nav::{catalog_id, text_string, LinkAnnots};
use super::tags::{Kid, Node, StructTree};
use crate::error::RenderError;

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

fn dict_mut(doc: &mut Document, id: ObjectId) -> Result<&mut Dictionary, RenderError> {
    doc.get_object_mut(id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| RenderError::Pdf(format!("object {id:?}: {e}")))
}

/// What writing the elements needs and collects.
struct Writer<'a> {
    /// Object id of each node.
    ids: Vec<ObjectId>,
    page_ids: &'a [ObjectId],
    annots: &'a LinkAnnots,
    /// The parent tree's number array.
    nums: Vec<Object>,
    /// The next parent-tree key for an annotation.
    next_key: usize,
}

/// Writes `tree` (collected over the pages `page_ids`, whose link areas became `annots`)
/// and points the catalog at it.
pub fn write(
    doc: &mut Document,
    tree: &StructTree,
    page_ids: &[ObjectId],
    annots: &LinkAnnots,
) -> Result<(), RenderError> {
    let root = doc.new_object_id();
    let mut w = Writer {
        ids: tree.nodes.iter().map(|_| doc.new_object_id()).collect(),
        page_ids,
        annots,
        nums: Vec::new(),
        next_key: page_ids.len(),
    };
    for (p, page) in page_ids.iter().enumerate() {
        let owners = tree.pages.get(p).map(Vec::as_slice).unwrap_or(&[]);
        w.nums.push(Object::Integer(p as i64));
        w.nums.push(Object::Array(
            owners
                .iter()
                .map(|n| Object::Reference(w.ids[*n]))
                .collect(),
        ));
        let dict = dict_mut(doc, *page)?;
        dict.set("StructParents", Object::Integer(p as i64));
        if dict.has(b"Annots") {
            dict.set("Tabs", name("S"));
        }
    }
    let mut id_tree = Vec::new();
    for (i, node) in tree.nodes.iter().enumerate() {
        let kids = w.kids(doc, i, node)?;
        let parent = node.parent.map_or(root, |p| w.ids[p]);
        let mut d = element(node, parent, kids);
        if let Some(page) = node.page {
            d.set("Pg", Object::Reference(page_ids[page]));
        }
        if let Some(id) = &node.id {
            d.set(
                "ID",
                Object::String(id.clone().into_bytes(), StringFormat::Literal),
            );
            id_tree.push((id.clone(), w.ids[i]));
        }
        doc.objects.insert(w.ids[i], Object::Dictionary(d));
    }
    let mut r = Dictionary::new();
    r.set("Type", name("StructTreeRoot"));
    r.set("K", Object::Array(vec![Object::Reference(w.ids[0])]));
    r.set(
        "ParentTree",
        Dictionary::from_iter([("Nums", Object::Array(w.nums))]),
    );
    r.set("ParentTreeNextKey", Object::Integer(w.next_key as i64));
    if !id_tree.is_empty() {
        // A name tree's keys are sorted.
        id_tree.sort();
        let names = id_tree
            .into_iter()
            .flat_map(|(k, v)| {
                [
                    Object::String(k.into_bytes(), StringFormat::Literal),
                    Object::Reference(v),
                ]
            })
            .collect();
        r.set(
            "IDTree",
            Dictionary::from_iter([("Names", Object::Array(names))]),
        );
    }
    doc.objects.insert(root, Object::Dictionary(r));
    let catalog = catalog_id(doc)?;
    dict_mut(doc, catalog)?.set("StructTreeRoot", Object::Reference(root));
    Ok(())
}

impl Writer<'_> {
    /// The `/K` array of node `i`; its link annotations get their `StructParent` and a
    /// `Contents` description (the linked text).
    fn kids(
        &mut self,
        doc: &mut Document,
        i: usize,
        node: &Node,
    ) -> Result<Vec<Object>, RenderError> {
        let mut kids = Vec::with_capacity(node.kids.len());
        for kid in &node.kids {
            match *kid {
                Kid::Elem(k) => kids.push(Object::Reference(self.ids[k])),
                Kid::Content { page, mcid } if Some(page) == node.page => {
                    kids.push(Object::Integer(mcid as i64));
                }
                Kid::Content { page, mcid } => {
                    let mut mcr = Dictionary::new();
                    mcr.set("Type", name("MCR"));
                    mcr.set("Pg", Object::Reference(self.page_ids[page]));
                    mcr.set("MCID", Object::Integer(mcid as i64));
                    kids.push(Object::Dictionary(mcr));
                }
                Kid::Link { page, link } => {
                    let annot = self.annots.get(page).and_then(|a| a.get(link));
                    let Some(Some(annot)) = annot.copied() else {
                        continue;
                    };
                    let a = dict_mut(doc, annot)?;
                    a.set("StructParent", Object::Integer(self.next_key as i64));
                    a.set("Contents", text_string(node.text.trim()));
                    self.nums.push(Object::Integer(self.next_key as i64));
                    self.nums.push(Object::Reference(self.ids[i]));
                    self.next_key += 1;
                    let mut objr = Dictionary::new();
                    objr.set("Type", name("OBJR"));
                    objr.set("Pg", Object::Reference(self.page_ids[page]));
                    objr.set("Obj", Object::Reference(annot));
                    kids.push(Object::Dictionary(objr));
                }
            }
        }
        Ok(kids)
    }
}

/// The `StructElem` dictionary of `node` (without its page and identifier).
fn element(node: &Node, parent: ObjectId, kids: Vec<Object>) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", name("StructElem"));
    d.set("S", name(node.role.name()));
    d.set("P", Object::Reference(parent));
    if let Some(attr) = node.attr {
        let mut a = Dictionary::new();
        a.set("O", name(attr.owner));
        a.set(attr.key, name(attr.value));
        d.set("A", Object::Dictionary(a));
    }
    d.set("K", Object::Array(kids));
    d
}
