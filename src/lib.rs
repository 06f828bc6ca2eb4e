//! clipdex: a folder of saved news pages → a searchable archive of passages, with the speakers
//! quoted in them and the dates they were published.
//!
//! Data flows one way: files ([`walk`], [`decode`]) → articles ([`extract`]) → passages
//! ([`passages`], [`quotes`]) → index ([`index`]) → hits ([`search`]) → text or JSON ([`output`]).

pub mod decode;
pub mod error;
pub mod eval;
pub mod extract;
pub mod index;
pub mod join;
pub mod output;
pub mod page;
pub mod passages;
pub mod quotes;
pub mod search;
pub mod snippet;
pub mod stem;
pub mod text;
pub mod walk;

pub use error::{Error, PageError, Result};
