#if canImport(Glibc)
import Glibc
#endif

/// How the process's C heap (glibc `malloc`) keeps memory it no longer uses. Its calls are looked up at run time
/// (`malloc.h` is not part of the Glibc module) and do nothing on other C libraries.
public enum ProcessMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32
    private static let trim: Trim? = symbol("malloc_trim")
    private static let option: Option? = symbol("mallopt")

    private static func symbol<T>(_ name: String) -> T? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
    #endif

    /// Hands freed memory back to the system: glibc otherwise keeps freed blocks inside its heap for reuse, so a
    /// step that frees large indexes before its last phase would still show them in its resident size.
    public static func returnFreedMemory() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }

    /// Keeps freed memory in the process (up to 256 MiB) and serves blocks under 32 MiB from the heap: for a
    /// command that reads many documents one after the other (`parse`). Each document needs a few buffers of its
    /// own size (the file's bytes, libxml2's copy, the kept text); glibc gives freed memory at the top of the heap
    /// back to the kernel and serves large blocks with fresh `mmap`s, so every document faulted in (and the kernel
    /// zeroed) new pages. Keeping it costs no more resident memory than the largest document needs. Not for
    /// long-running commands (`serve`, `run`), whose memory should go back after a burst.
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        // glibc's <malloc.h>: M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3.
        _ = option?(-3, 32 << 20)
        _ = option?(-1, 256 << 20)
        _ = option?(-2, 32 << 20)
        #endif
    }

    /// Limits the C heap to `arenas` arenas. glibc gives each thread that allocates its own arena (up to eight per
    /// core), and texts read on the database's thread and freed on the clustering threads leave every arena
    /// partly used: with one arena, clustering 100,000 articles peaks about 70 MiB lower. Call it once, first.
    public static func limitArenas(to arenas: Int32) {
        #if canImport(Glibc)
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX
        _ = option?(arenaMaximum, arenas)
        #endif
    }
}
