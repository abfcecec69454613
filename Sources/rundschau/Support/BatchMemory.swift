#if canImport(Glibc)
import Glibc
#endif

/// Memory allocator settings for a command that reads many documents one after the other (`parse`).
///
/// Each document needs a few buffers of its own size (the file's bytes, libxml2's copy, the kept text). glibc
/// gives freed memory at the top of the heap back to the kernel and serves large blocks with fresh `mmap`s, so
/// every document faulted in (and the kernel zeroed) new pages: about a tenth of `parse --stats`'s CPU time on
/// this VM. Keeping freed memory for reuse costs no more resident memory than the largest document needs.
/// Not for long-running commands (`serve`, `run`), whose memory should go back after a burst.
enum BatchMemory {
    /// Keeps freed memory in the process (up to 256 MiB) and serves blocks under 32 MiB from the heap.
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not import: found by name instead.
        // Its parameters (glibc's <malloc.h>): M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 256 << 20)
        _ = mallopt(-2, 32 << 20)
        #endif
    }
}
