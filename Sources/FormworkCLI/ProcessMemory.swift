import CFormworkMalloc

/// Allocator settings for a short synthesis process.
///
/// A synthesis allocates and frees many small values in bursts (construct trees, templates, texts). By
/// default glibc hands freed memory at the top of the heap back to the system and the next burst faults it
/// in again, page by page; on a 7,000-resource app that is about half of the process's page faults and a
/// seventh of its time. App commands and the benchmarks keep that memory instead.
package enum ProcessMemory {
    /// How much freed memory the process keeps for reuse.
    package static let keptBytes = 64 << 20

    /// Keeps freed memory in the process for reuse (glibc); does nothing on other C libraries.
    ///
    /// - Returns: Whether the allocator took the setting.
    @discardableResult
    package static func keepFreedMemoryForReuse() -> Bool {
        formwork_keep_freed_memory(keptBytes) == 1
    }
}
