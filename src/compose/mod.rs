//! Compose: the picked articles and their analyses in, a [`Brief`] out.
