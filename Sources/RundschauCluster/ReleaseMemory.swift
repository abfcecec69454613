#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process has freed back to the system, where the C library keeps it otherwise: glibc leaves
/// freed blocks inside its heap for reuse, so a run that frees its large indexes before its last phase would
/// still show them in its resident size. Calls glibc's `malloc_trim`, looked up at run time (its header is not
/// part of the Glibc module); elsewhere this does nothing.
enum ReleaseMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    nonisolated(unsafe) private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()
    #endif

    static func now() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
