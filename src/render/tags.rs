//! Tagged-PDF structure shared by the layout and the PDF writer: structure elements
//! ([`Tag`]), how each piece of page content is marked ([`Mark`]: part of an element, or an
//! artifact), and the [`StructTree`] the writer collects in reading order.
//!
//! The layout gives every block an element and records it on the glyph runs it sets; the
//! writer meets the runs in page order, attaches each element (and its ancestors) the first
//! time it draws content of it, so the tree's order is the reading order and elements with
//! no content on any page never appear. Text continued on the next page simply gives its
//! element content on two pages.

use std::collections::HashMap;
use std::sync::Arc;

use super::blocks::Inline;

/// A standard structure type (PDF 1.7, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The whole brief.
    Document,
    /// A section: a `div` holding a part of the brief.
    Sect,
    /// Headings.
    H1,
    /// Second-level heading.
    H2,
    /// Third-level heading.
    H3,
    /// A paragraph.
    P,
    /// A list, its items, an item's marker and its body.
    L,
    /// A list item.
    LI,
    /// A list marker (or a footnote's number).
    Lbl,
    /// The content of a list item.
    LBody,
    /// A block quotation.
    BlockQuote,
    /// A table, its rows and cells.
    Table,
    /// A table row.
    TR,
    /// A header cell.
    TH,
    /// A data cell.
    TD,
    /// A citation: a superscript source number.
    Reference,
    /// A hyperlink (its annotations are kids too).
    Link,
    /// A footnote.
    Note,
}

impl Role {
    /// The structure type name written to the PDF.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::BlockQuote => "BlockQuote",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Reference => "Reference",
            Role::Link => "Link",
            Role::Note => "Note",
        }
    }

    /// The heading of `level` (1–3; deeper levels are set as `H3`).
    pub fn heading(level: u8) -> Role {
        match level {
            0 | 1 => Role::H1,
            2 => Role::H2,
            _ => Role::H3,
        }
    }
}

/// One attribute of an element: owner (`Table`, `List`), key and name value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    /// The attribute owner, e.g. `Table`.
    pub owner: &'static str,
    /// The key, e.g. `Scope`.
    pub key: &'static str,
    /// The value (a name), e.g. `Column`.
    pub value: &'static str,
}

/// A header cell heading its column.
pub const SCOPE_COLUMN: Attr = Attr {
    owner: "Table",
    key: "Scope",
    value: "Column",
};
/// A header cell heading its row.
pub const SCOPE_ROW: Attr = Attr {
    owner: "Table",
    key: "Scope",
    value: "Row",
};

/// A structure element as the layout creates it.
#[derive(Debug, PartialEq)]
pub struct Elem {
    /// Its type.
    pub role: Role,
    /// The element it belongs to; `None` for a child of the document.
    pub parent: Option<Tag>,
    /// An attribute (a header cell's scope, a list's numbering).
    pub attr: Option<Attr>,
    /// An identifier (footnotes have one).
    pub id: Option<String>,
}

/// A handle on a structure element: clones are the same element, two [`Tag::new`]s never are.
#[derive(Debug, Clone)]
pub struct Tag(Arc<Elem>);

impl PartialEq for Tag {
    fn eq(&self, other: &Tag) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Tag {
    /// A new element of `role` inside `parent` (`None`: the document).
    pub fn new(role: Role, parent: Option<&Tag>) -> Tag {
        Tag::with(role, parent, None, None)
    }

    /// A new element with an attribute and an identifier.
    pub fn with(role: Role, parent: Option<&Tag>, attr: Option<Attr>, id: Option<String>) -> Tag {
        Tag(Arc::new(Elem {
            role,
            parent: parent.cloned(),
            attr,
            id,
        }))
    }

    /// The element.
    pub fn elem(&self) -> &Elem {
        &self.0
    }

    /// Its type.
    pub fn role(&self) -> Role {
        self.0.role
    }

    /// The identity of the element (stable while any clone of the tag lives).
    fn key(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

/// How drawn content is marked in the page's content stream.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Mark {
    /// Content of a structure element.
    Content(Tag),
    /// A layout artifact: rules, shading, anything that is not text of the brief.
    #[default]
    Layout,
    /// A pagination artifact: a repeated table header, a footnote printed again.
    Pagination,
    /// The running header (the top marking banner).
    Header,
    /// The running footer (title, page number, foot banner).
    Footer,
}

/// One kid of a collected element, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    /// Another element (an index into [`StructTree::nodes`]).
    Elem(usize),
    /// Marked content `mcid` on page `page`.
    Content {
        /// Page index.
        page: usize,
        /// Marked-content id on that page.
        mcid: usize,
    },
    /// The `link`-th link area drawn on page `page` (its annotation, when it has one).
    Link {
        /// Page index.
        page: usize,
        /// Index among the page's link areas.
        link: usize,
    },
}

/// An element as the writer collected it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Type.
    pub role: Role,
    /// Attribute.
    pub attr: Option<Attr>,
    /// Identifier.
    pub id: Option<String>,
    /// Parent node; `None` only for the document.
    pub parent: Option<usize>,
    /// Kids in reading order.
    pub kids: Vec<Kid>,
    /// The page of its first content.
    pub page: Option<usize>,
    /// Its text and its descendants', in reading order.
    pub text: String,
}

/// The structure tree collected while the pages are written; node 0 is the document.
#[derive(Debug, Clone)]
pub struct StructTree {
    /// The elements; kids refer to them by index.
    pub nodes: Vec<Node>,
    /// For each page, the node each marked-content id belongs to.
    pub pages: Vec<Vec<usize>>,
    /// Node of each element seen, by element identity; the tags are kept so identities stay
    /// unique while the tree is built.
    index: HashMap<usize, (Tag, usize)>,
}

impl Default for StructTree {
    fn default() -> Self {
        StructTree {
            nodes: vec![Node {
                role: Role::Document,
                attr: None,
                id: None,
                parent: None,
                kids: Vec::new(),
                page: None,
                text: String::new(),
            }],
            pages: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl StructTree {
    /// The node of `tag`, attached (with its ancestors) at the end of its parent's kids the
    /// first time it is asked for.
    pub fn node(&mut self, tag: &Tag, page: usize) -> usize {
        if let Some((_, n)) = self.index.get(&tag.key()) {
            return *n;
        }
        let parent = match &tag.elem().parent {
            Some(p) => self.node(p, page),
            None => 0,
        };
        let e = tag.elem();
        let n = self.nodes.len();
        self.nodes.push(Node {
            role: e.role,
            attr: e.attr,
            id: e.id.clone(),
            parent: Some(parent),
            kids: Vec::new(),
            page: Some(page),
            text: String::new(),
        });
        self.nodes[parent].kids.push(Kid::Elem(n));
        self.index.insert(tag.key(), (tag.clone(), n));
        n
    }

    /// Starts marked content of `tag` on `page`; returns its marked-content id.
    pub fn content(&mut self, tag: &Tag, page: usize) -> usize {
        let n = self.node(tag, page);
        if self.pages.len() <= page {
            self.pages.resize(page + 1, Vec::new());
        }
        let mcid = self.pages[page].len();
        self.pages[page].push(n);
        self.nodes[n].kids.push(Kid::Content { page, mcid });
        mcid
    }

    /// Records the `link`-th link area of `page` as a kid of `tag`.
    pub fn link(&mut self, tag: &Tag, page: usize, link: usize) {
        let n = self.node(tag, page);
        self.nodes[n].kids.push(Kid::Link { page, link });
    }

    /// Adds `text` to the text of `tag`'s node and its ancestors.
    pub fn text(&mut self, tag: &Tag, page: usize, text: &str) {
        let mut n = Some(self.node(tag, page));
        while let Some(i) = n {
            self.nodes[i].text.push_str(text);
            n = self.nodes[i].parent;
        }
    }
}

/// The element of each inline of a block `block`: the block itself, a `Reference` for a
/// superscript source number (a `Lbl` in a footnote), a `Link` for a run of linked text.
pub fn inline_tags(content: &[Inline], block: &Tag) -> Vec<Tag> {
    let sup = if block.role() == Role::Note {
        Role::Lbl
    } else {
        Role::Reference
    };
    let mut out: Vec<Tag> = Vec::with_capacity(content.len());
    let mut link: Option<(&str, Tag)> = None;
    for inline in content {
        let style = match inline {
            Inline::Text { style, .. } => style,
            Inline::Break => {
                out.push(block.clone());
                continue;
            }
        };
        let tag = match (&style.link, &link) {
            (Some(uri), Some((open, tag))) if uri == open => tag.clone(),
            (Some(_), _) => Tag::new(Role::Link, Some(block)),
            (None, _) if style.sup => Tag::new(sup, Some(block)),
            (None, _) => block.clone(),
        };
        link = style.link.as_deref().map(|uri| (uri, tag.clone()));
        out.push(tag);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attach_in_the_order_their_content_is_drawn() {
        let list = Tag::new(Role::L, None);
        let item = Tag::new(Role::LI, Some(&list));
        let label = Tag::new(Role::Lbl, Some(&item));
        let body = Tag::new(Role::LBody, Some(&item));
        let heading = Tag::new(Role::H1, None);
        let unused = Tag::new(Role::P, None);
        let mut tree = StructTree::default();
        assert_eq!(tree.content(&heading, 0), 0);
        assert_eq!(tree.content(&label, 0), 1);
        assert_eq!(tree.content(&body, 0), 2);
        assert_eq!(tree.content(&body, 1), 0);
        tree.text(&body, 1, "text");
        let roles: Vec<Role> = tree.nodes.iter().map(|n| n.role).collect();
        use Role::*;
        assert_eq!(roles, [Document, H1, L, LI, Lbl, LBody]);
        assert_eq!(tree.nodes[0].kids, [Kid::Elem(1), Kid::Elem(2)]);
        assert_eq!(tree.nodes[3].kids, [Kid::Elem(4), Kid::Elem(5)]);
        assert_eq!(tree.pages, [vec![1, 4, 5], vec![5]]);
        assert_eq!(tree.nodes[2].text, "text");
        assert!(tree.nodes.len() == 6 && unused.role() == P);
        assert_ne!(Tag::new(P, None), Tag::new(P, None));
    }
}
