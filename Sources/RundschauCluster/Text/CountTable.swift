/// Open-addressing map from a 64-bit key to a few saturating 16-bit counters: the boilerplate filter's sentence
/// statistics at 6–10 bytes a slot, where a `Dictionary` per counter costs several times that.
///
/// A key is kept as a 32-bit fingerprint of its mixed hash, which also places it (scaled to the table's size), so
/// the table can grow without the keys. Two keys with one fingerprint share their counters: at a million
/// sentences about a hundred pairs do, and sharing only adds counts (one of two unrelated sentences seen once each
/// reads as seen twice), far below the filter's thresholds unless one of them is boilerplate already.
///
/// Nothing is ever removed; the table stays at most three-quarters full and grows by half when it would not
/// (doubling left the boilerplate tables of a 100,000-article run 40% full, and 15 MiB larger).
struct CountTable: Sendable {
    /// Counters per key.
    let width: Int
    /// Fingerprints; 0 marks an empty slot (a fingerprint of 0 is stored as 1).
    private var keys: [UInt32]
    private var counts: [UInt16]
    private var used = 0

    /// An empty table with `width` counters per key.
    init(width: Int) {
        self.width = width
        keys = [UInt32](repeating: 0, count: 1 << 10)
        counts = [UInt16](repeating: 0, count: (1 << 10) * width)
    }

    /// Number of keys (fingerprints) entered.
    var count: Int { used }

    @inline(__always)
    private static func fingerprint(_ key: UInt64) -> UInt32 {
        let print = UInt32(truncatingIfNeeded: TokenScanner.finish(key) >> 32)
        return print == 0 ? 1 : print
    }

    @inline(__always)
    private func slot(of print: UInt32) -> Int {
        let capacity = keys.count
        var s = Int(truncatingIfNeeded: (UInt64(print) &* UInt64(capacity)) >> 32)
        while keys[s] != 0 && keys[s] != print {
            s += 1
            if s == capacity { s = 0 }
        }
        return s
    }

    /// Counter `counter` of `key`, or nil when the key was never entered.
    @inline(__always)
    func value(_ key: UInt64, _ counter: Int = 0) -> Int? { entry(key).map { self.counter(counter, of: $0) } }

    /// Where `key`'s counters are, or nil when the key was never entered: several counters for one look-up.
    @inline(__always)
    func entry(_ key: UInt64) -> Int? {
        let s = slot(of: Self.fingerprint(key))
        return keys[s] == 0 ? nil : s * width
    }

    /// Counter `counter` of the key at `entry`.
    @inline(__always)
    func counter(_ counter: Int, of entry: Int) -> Int { Int(counts[entry + counter]) }

    /// Enters `key` if needed and adds one to its counter `counter` (saturating); returns the value before.
    @discardableResult
    mutating func increment(_ key: UInt64, _ counter: Int = 0) -> UInt16 {
        let print = Self.fingerprint(key)
        var s = slot(of: print)
        if keys[s] == 0 {
            if (used + 1) * 4 > keys.count * 3 {
                grow()
                s = slot(of: print)
            }
            keys[s] = print
            used += 1
        }
        let before = counts[s * width + counter]
        if before < .max { counts[s * width + counter] = before + 1 }
        return before
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        let size = oldKeys.count + oldKeys.count / 2
        keys = [UInt32](repeating: 0, count: size)
        counts = [UInt16](repeating: 0, count: size * width)
        for i in 0..<oldKeys.count where oldKeys[i] != 0 {
            let s = slot(of: oldKeys[i])
            keys[s] = oldKeys[i]
            for c in 0..<width { counts[s * width + c] = oldCounts[i * width + c] }
        }
    }

    /// Bytes held, for memory reports.
    var bytes: Int { MemoryFootprint.array(keys) + MemoryFootprint.array(counts) }
}
