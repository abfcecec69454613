/// Estimated bytes held by the engine's indexes, by part: what the debug log's `cluster.memory` reports, so that a
/// memory regression can be traced to the structure that grew. Arrays count their capacity (reserved pages that
/// were never written cost address space, not resident memory), dictionaries their buckets.
struct MemoryFootprint: Sendable {
    private(set) var parts: [(name: String, bytes: Int)] = []

    mutating func add(_ name: String, _ bytes: Int) { parts.append((name, bytes)) }

    /// Total bytes over all parts.
    var total: Int { parts.reduce(0) { $0 + $1.bytes } }

    /// `name=MiB` pairs, largest first.
    var summary: String {
        parts.sorted { $0.bytes > $1.bytes }
            .map { "\($0.name)=\(($0.bytes + (1 << 19)) >> 20)" }
            .joined(separator: " ")
    }

    static func array<T>(_ a: [T]) -> Int { a.capacity * MemoryLayout<T>.stride }

    static func dictionary<K, V>(_ d: [K: V]) -> Int {
        // Keys and values in separate buffers, plus a bitmap: the stride of each, per bucket.
        d.capacity * 4 / 3 * (MemoryLayout<K>.stride + MemoryLayout<V>.stride) + d.capacity / 4
    }

    static func set<K>(_ s: Set<K>) -> Int { s.capacity * 4 / 3 * MemoryLayout<K>.stride + s.capacity / 4 }

    /// Heap bytes of a string beyond its inline 16: none for a small string.
    static func heap(_ s: String) -> Int {
        let n = s.utf8.count
        return n > 15 ? n + 33 : 0
    }
}
