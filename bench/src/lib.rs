//! Shared code of the benchmark tools: the corpus generator, the query set, and the pipeline's
//! stages callable one by one.

pub mod gen;
pub mod queries;
pub mod stages;
