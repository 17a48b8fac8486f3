//! Inline content of a block: styled text runs and forced line breaks, with HTML-style
//! whitespace collapsing done while the runs are collected.

/// How a run of text is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineStyle {
    /// `<b>`.
    pub bold: bool,
    /// `<i>`.
    pub italic: bool,
    /// `<sup>`: smaller and raised.
    pub sup: bool,
    /// `<span class="muted|role|attribution">`: secondary colour.
    pub muted: bool,
    /// `<span class="role|attribution">`: regular weight and upright even in a bold or
    /// italic block; `bold` and `italic` then mean bold and italic, not "switch".
    pub plain: bool,
    /// `<a href>` target.
    pub link: Option<String>,
}

/// One piece of inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text in one style (whitespace already collapsed to single spaces).
    Text {
        /// The characters.
        text: String,
        /// Their style.
        style: InlineStyle,
    },
    /// `<br>`.
    Break,
}

/// Collects inline content, collapsing runs of ASCII whitespace (not no-break spaces) into
/// one space and dropping whitespace at the start, the end and around line breaks.
#[derive(Debug, Default)]
pub struct InlineBuilder {
    items: Vec<Inline>,
    pending_space: Option<InlineStyle>,
}

impl InlineBuilder {
    /// Appends text written in `style`.
    pub fn push_text(&mut self, text: &str, style: &InlineStyle) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                let after_content = matches!(self.items.last(), Some(Inline::Text { .. }));
                if after_content && self.pending_space.is_none() {
                    self.pending_space = Some(style.clone());
                }
                continue;
            }
            if let Some(space_style) = self.pending_space.take() {
                self.append(' ', &space_style);
            }
            self.append(c, style);
        }
    }

    /// Appends a forced line break.
    pub fn push_break(&mut self) {
        self.pending_space = None;
        self.items.push(Inline::Break);
    }

    /// The collected content.
    pub fn finish(mut self) -> Vec<Inline> {
        while matches!(self.items.last(), Some(Inline::Break)) {
            self.items.pop();
        }
        self.items
    }

    fn append(&mut self, c: char, style: &InlineStyle) {
        if let Some(Inline::Text { text, style: s }) = self.items.last_mut() {
            if s == style {
                text.push(c);
                return;
            }
        }
        self.items.push(Inline::Text {
            text: c.to_string(),
            style: style.clone(),
        });
    }
}

/// The plain text of inline content (breaks as newlines).
#[cfg(test)]
pub fn plain_text(content: &[Inline]) -> String {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } => text.as_str(),
            Inline::Break => "\n",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_across_runs() {
        let mut b = InlineBuilder::default();
        let bold = InlineStyle {
            bold: true,
            ..Default::default()
        };
        b.push_text("  Hello \n ", &InlineStyle::default());
        b.push_text(" big\u{a0}world ", &bold);
        b.push_break();
        b.push_text(" next ", &InlineStyle::default());
        let items = b.finish();
        assert_eq!(plain_text(&items), "Hello big\u{a0}world\nnext");
        assert_eq!(items.len(), 4);
    }
}
