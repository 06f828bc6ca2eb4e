//! Shared code of the benchmark tools: the corpus generator, the query set, and the pipeline's
//! stages callable one by one.

/// Every benchmark tool runs on the allocator the clipdex binary ships with (src/main.rs), so that
/// parse-only, the stages and the peers are timed on the same terms as `clipdex index`.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

pub mod gen;
pub mod queries;
pub mod stages;
