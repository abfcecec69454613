/// Open-addressing map from a non-zero 64-bit key to the head of a linked list and its length: the inverted
/// index's (term, day) buckets, without a `Dictionary` entry per bucket.
///
/// 14 bytes a slot; at most three-quarters full, grown by half (a window spanning several days has several times
/// the buckets of one day's articles, and a half-empty doubling table held 16 MiB of them for 42,000 articles).
/// Lengths saturate at 65,535: the index only asks whether a list is longer than its walking limit.
struct PostingTable: Sendable {
    private var keys: [UInt64]
    private var heads: [Int32]
    private var counts: [UInt16]
    private var used = 0

    /// Heap bytes of the table.
    var bytes: Int { MemoryFootprint.array(keys) + MemoryFootprint.array(heads) + MemoryFootprint.array(counts) }

    init() {
        keys = [UInt64](repeating: 0, count: 1 << 12)
        heads = [Int32](repeating: -1, count: 1 << 12)
        counts = [UInt16](repeating: 0, count: 1 << 12)
    }

    /// The slot of `key` (scaled to the table's size), or of the empty slot where it would go.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        let capacity = keys.count
        var s = Int(truncatingIfNeeded: ((TokenScanner.finish(key) >> 32) &* UInt64(capacity)) >> 32)
        while keys[s] != 0 && keys[s] != key {
            s += 1
            if s == capacity { s = 0 }
        }
        return s
    }

    /// The list head and length for `key`, nil when absent. `key` must not be 0.
    @inline(__always)
    func find(_ key: UInt64) -> (head: Int32, count: Int32)? {
        let s = slot(key)
        return keys[s] == 0 ? nil : (heads[s], Int32(counts[s]))
    }

    /// Makes `head` the new head of `key`'s list (one more entry); returns the previous head (-1 when new).
    mutating func push(_ key: UInt64, head: Int32) -> Int32 {
        var s = slot(key)
        if keys[s] == key {
            let previous = heads[s]
            heads[s] = head
            if counts[s] < .max { counts[s] += 1 }
            return previous
        }
        if (used + 1) * 4 > keys.count * 3 {
            grow()
            s = slot(key)
        }
        keys[s] = key
        heads[s] = head
        counts[s] = 1
        used += 1
        return -1
    }

    private mutating func grow() {
        let oldKeys = keys, oldHeads = heads, oldCounts = counts
        let size = keys.count + keys.count / 2
        keys = [UInt64](repeating: 0, count: size)
        heads = [Int32](repeating: -1, count: size)
        counts = [UInt16](repeating: 0, count: size)
        for i in 0..<oldKeys.count where oldKeys[i] != 0 {
            let s = slot(oldKeys[i])
            keys[s] = oldKeys[i]
            heads[s] = oldHeads[i]
            counts[s] = oldCounts[i]
        }
    }
}
