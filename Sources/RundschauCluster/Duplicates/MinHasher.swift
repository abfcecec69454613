/// One-permutation MinHash with optimal densification over word 5-shingles: O(n + k) per document.
///
/// Each shingle hash picks a bin from its top bits and competes for that bin's minimum with its low 32 bits
/// (Li, Owen & Zhang 2012). Bins no shingle reached borrow the value of a pseudo-randomly chosen filled bin, the
/// same choice for every document (Shrivastava 2017), so the fraction of equal bins estimates Jaccard similarity.
struct MinHasher: Sendable {
    /// Number of bins (signature length); a power of two.
    static let bins = 128
    static let binShift: UInt64 = 57  // 64 - log2(bins)
    /// Words per shingle.
    static let shingleWords = 5
    static let empty = UInt32.max

    /// Probe sequences for densification: `probes[bin * probeCount + attempt]`.
    private static let probeCount = 32
    private static let probes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: bins * probeCount)
        for bin in 0..<bins {
            for attempt in 0..<probeCount {
                let h = TokenScanner.finish(UInt64(bin) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(attempt) &+ 0x5851_F42D)
                table[bin * probeCount + attempt] = UInt8(truncatingIfNeeded: h % UInt64(bins))
            }
        }
        return table
    }()

    /// Fills `signature` (length `bins`) from word hashes `words[range]`; returns the number of shingles (0 when
    /// there were no words). Fewer than five words make one shingle of all of them.
    static func signature(words: ArraySlice<UInt64>, into signature: inout [UInt32]) -> Int {
        for i in 0..<bins { signature[i] = empty }
        let n = words.count
        guard n > 0 else { return 0 }
        let base = words.startIndex
        var count = 0
        if n < shingleWords {
            var h: UInt64 = 0
            for i in 0..<n { h = h ^ rotate(words[base + i], by: UInt64(11 * i)) }
            update(TokenScanner.finish(h), &signature)
            count = 1
        } else {
            for i in 0...(n - shingleWords) {
                let h = words[base + i] ^ rotate(words[base + i + 1], by: 11) ^ rotate(words[base + i + 2], by: 22)
                    ^ rotate(words[base + i + 3], by: 33) ^ rotate(words[base + i + 4], by: 44)
                update(TokenScanner.finish(h), &signature)
            }
            count = n - shingleWords + 1
        }
        densify(&signature)
        return count
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, by r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always)
    private static func update(_ h: UInt64, _ signature: inout [UInt32]) {
        let bin = Int(h >> binShift)
        let value = UInt32(truncatingIfNeeded: h)
        if value < signature[bin] { signature[bin] = value }
    }

    private static func densify(_ signature: inout [UInt32]) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        for i in 0..<64 where signature[i] != empty { lo |= 1 << UInt64(i) }
        for i in 64..<128 where signature[i] != empty { hi |= 1 << UInt64(i - 64) }
        guard lo != 0 || hi != 0, lo != .max || hi != .max else { return }
        @inline(__always) func isFilled(_ j: Int) -> Bool {
            j < 64 ? (lo >> UInt64(j)) & 1 == 1 : (hi >> UInt64(j - 64)) & 1 == 1
        }
        for i in 0..<bins where !isFilled(i) {
            var donor = -1
            for attempt in 0..<probeCount {
                let j = Int(probes[i * probeCount + attempt])
                if isFilled(j) {
                    donor = j
                    break
                }
            }
            if donor < 0 {
                // Rare: walk forward to the next filled bin.
                var j = (i + 1) % bins
                while !isFilled(j) { j = (j + 1) % bins }
                donor = j
            }
            signature[i] = signature[donor]
        }
    }
}
