//! The central data types every stage passes on: articles, analyses, statements and the brief.
//!
//! They derive serde so the CLI's JSON, the desktop UI, saved projects and templates all see the
//! same shapes. Byte offsets always point into [`Article::text`].

mod article;
mod brief;

pub use article::*;
pub use brief::*;
