//! Render: a [`Brief`](crate::model::Brief) in, PDF bytes out (Tera → brief markup → blocks → pages).
