//! Shared code of the benchmark tools: the corpus generator, the query set, and measurement helpers.

pub mod gen;
pub mod queries;
