#if canImport(Glibc)
import Glibc
#endif

/// How the process's C heap (glibc `malloc`) keeps memory it no longer uses. Both calls are looked up at run time
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
