/// Open-addressing map from a non-zero 64-bit key to the head of a linked list and its length: the inverted
/// index's (term, day) buckets, without a `Dictionary` entry per bucket.
struct PostingTable: Sendable {
    private var keys: [UInt64]
    private var heads: [Int32]
    private var counts: [Int32]
    private var mask: Int
    private var used = 0

    /// Heap bytes of the table.
    var bytes: Int { MemoryFootprint.array(keys) + MemoryFootprint.array(heads) + MemoryFootprint.array(counts) }

    init() {
        keys = [UInt64](repeating: 0, count: 1 << 12)
        heads = [Int32](repeating: -1, count: 1 << 12)
        counts = [Int32](repeating: 0, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: TokenScanner.finish(key)) & mask }

    /// The list head and length for `key`, nil when absent. `key` must not be 0.
    @inline(__always)
    func find(_ key: UInt64) -> (head: Int32, count: Int32)? {
        var s = Self.slot(key, mask)
        while keys[s] != 0 {
            if keys[s] == key { return (heads[s], counts[s]) }
            s = (s + 1) & mask
        }
        return nil
    }

    /// Makes `head` the new head of `key`'s list (one more entry); returns the previous head (-1 when new).
    mutating func push(_ key: UInt64, head: Int32) -> Int32 {
        if (used + 1) * 2 > keys.count { grow() }
        var s = Self.slot(key, mask)
        while keys[s] != 0 {
            if keys[s] == key {
                let previous = heads[s]
                heads[s] = head
                counts[s] += 1
                return previous
            }
            s = (s + 1) & mask
        }
        keys[s] = key
        heads[s] = head
        counts[s] = 1
        used += 1
        return -1
    }

    private mutating func grow() {
        let oldKeys = keys, oldHeads = heads, oldCounts = counts
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        heads = [Int32](repeating: -1, count: size)
        counts = [Int32](repeating: 0, count: size)
        mask = size - 1
        for i in 0..<oldKeys.count where oldKeys[i] != 0 {
            var s = Self.slot(oldKeys[i], mask)
            while keys[s] != 0 { s = (s + 1) & mask }
            keys[s] = oldKeys[i]
            heads[s] = oldHeads[i]
            counts[s] = oldCounts[i]
        }
    }
}
