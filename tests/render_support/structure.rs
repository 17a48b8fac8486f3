//! The structure tree of a tagged PDF as `pdfinfo -struct-text` prints it, parsed into
//! elements in reading order, and a readable dump of it: one element per line, indented, with
//! its attributes and the text of elements that hold text.

use std::path::Path;
use std::process::Command;

/// One structure element as `pdfinfo -struct-text` prints it.
#[derive(Debug, Default)]
pub struct Elem {
    pub depth: usize,
    pub role: String,
    pub id: Option<String>,
    pub attrs: Vec<String>,
    /// Its text and its descendants', in order.
    pub text: String,
    /// It holds text itself (not only through kids).
    pub direct: bool,
    /// Annotations (`OBJR`) among its kids.
    pub objects: usize,
}

/// The elements of the structure tree in reading order.
pub fn structure(path: &Path) -> Vec<Elem> {
    let out = Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(path)
        .output()
        .expect("pdfinfo must be installed (apt: poppler-utils)");
    assert!(out.status.success(), "pdfinfo -struct-text failed");
    let out = String::from_utf8_lossy(&out.stdout);
    let mut elems: Vec<Elem> = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (indent, element)
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if t.starts_with('/') {
            // An attribute of the element just printed (indented by 3).
            elems.last_mut().unwrap().attrs.push(t.to_string());
            continue;
        }
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        if let Some(text) = t.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            elems[stack.last().unwrap().1].direct = true;
            for (_, e) in &stack {
                elems[*e].text.push_str(text);
            }
        } else if t.starts_with("Object ") {
            elems[stack.last().unwrap().1].objects += 1;
        } else {
            let head = t.split(" (").next().unwrap().trim_end_matches(':');
            let (role, id) = match head.split_once(" <") {
                Some((r, id)) => (r, Some(id.trim_end_matches('>').to_string())),
                None => (head, None),
            };
            stack.push((indent, elems.len()));
            elems.push(Elem {
                depth: stack.len() - 1,
                role: role.to_string(),
                id,
                ..Elem::default()
            });
        }
    }
    elems
}

/// The tree, one element per line, indented, with the text of elements that hold text.
pub fn dump(elems: &[Elem]) -> String {
    let mut out = String::new();
    for e in elems {
        out.push_str(&"  ".repeat(e.depth));
        out.push_str(&e.role);
        if let Some(id) = &e.id {
            out.push_str(&format!(" <{id}>"));
        }
        for a in &e.attrs {
            out.push_str(&format!(" {a}"));
        }
        if e.direct {
            out.push_str(&format!(" \"{}\"", e.text.trim()));
        }
        if e.objects > 0 {
            out.push_str(&format!(" +{} annotation(s)", e.objects));
        }
        out.push('\n');
    }
    out
}
