/// Open-addressing map from a 64-bit key to a few saturating 16-bit counters: the boilerplate filter's sentence
/// statistics at 10–14 bytes a key, where a `Dictionary` per counter costs several times that.
///
/// Nothing is ever removed; the table stays at most three-quarters full and doubles when it would not. Key 0 (the
/// empty-slot marker) has counters of its own beside the table.
struct CountTable: Sendable {
    /// Counters per key.
    let width: Int
    private var keys: [UInt64]
    private var counts: [UInt16]
    private var mask: Int
    private var used = 0
    /// The counters of key 0 (0 marks an empty slot in `keys`), once it was entered.
    private var zero: [UInt16]?

    /// An empty table with `width` counters per key.
    init(width: Int) {
        self.width = width
        keys = [UInt64](repeating: 0, count: 1 << 10)
        counts = [UInt16](repeating: 0, count: (1 << 10) * width)
        mask = (1 << 10) - 1
    }

    /// Number of keys.
    var count: Int { used + (zero == nil ? 0 : 1) }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var s = Int(truncatingIfNeeded: TokenScanner.finish(key)) & mask
        while keys[s] != 0 && keys[s] != key { s = (s + 1) & mask }
        return s
    }

    /// Counter `counter` of `key`, or nil when the key was never entered.
    @inline(__always)
    func value(_ key: UInt64, _ counter: Int = 0) -> Int? {
        if key == 0 { return zero.map { Int($0[counter]) } }
        let s = slot(of: key)
        return keys[s] == 0 ? nil : Int(counts[s * width + counter])
    }

    /// Enters `key` if needed and adds one to its counter `counter` (saturating); returns the value before.
    @discardableResult
    mutating func increment(_ key: UInt64, _ counter: Int = 0) -> UInt16 {
        if key == 0 {
            var values = zero ?? [UInt16](repeating: 0, count: width)
            let before = values[counter]
            if before < .max { values[counter] = before + 1 }
            zero = values
            return before
        }
        let k = key
        var s = slot(of: k)
        if keys[s] == 0 {
            if (used + 1) * 4 > keys.count * 3 {
                grow()
                s = slot(of: k)
            }
            keys[s] = k
            used += 1
        }
        let before = counts[s * width + counter]
        if before < .max { counts[s * width + counter] = before + 1 }
        return before
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        keys = []
        counts = []
        let size = oldKeys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        counts = [UInt16](repeating: 0, count: size * width)
        mask = size - 1
        for i in 0..<oldKeys.count where oldKeys[i] != 0 {
            let s = slot(of: oldKeys[i])
            keys[s] = oldKeys[i]
            for c in 0..<width { counts[s * width + c] = oldCounts[i * width + c] }
        }
    }

    /// Bytes held, for memory reports.
    var bytes: Int { keys.capacity * 8 + counts.capacity * 2 }
}
