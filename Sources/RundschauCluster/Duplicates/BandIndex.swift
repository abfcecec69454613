/// LSH banding over MinHash signatures: `bands` bands of two bins each, in one flat chained hash table.
///
/// Entries are appended `bands` per document, so an entry's band is its position modulo `bands`; the table can
/// be regrown from the signatures alone. Memory: about 12 bytes per entry plus 4 per slot.
struct BandIndex {
    static let rows = 2
    static let bands = MinHasher.bins / rows

    private var slots: [Int32]
    private var mask: Int
    private var entryTag: [UInt32] = []
    private var entryDoc: [Int32] = []
    private var entryNext: [Int32] = []

    init() {
        slots = [Int32](repeating: -1, count: 1 << 16)
        mask = (1 << 16) - 1
    }

    @inline(__always)
    static func key(_ signature: ArraySlice<UInt32>, band: Int) -> UInt64 {
        let base = signature.startIndex + band * rows
        let packed = (UInt64(signature[base]) << 32) | UInt64(signature[base + 1])
        return TokenScanner.finish(packed &+ UInt64(band + 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Calls `body` with every document sharing at least one band with `signature` (possibly repeatedly).
    func forEachCandidate(_ signature: ArraySlice<UInt32>, _ body: (Int32) -> Void) {
        for band in 0..<Self.bands {
            let k = Self.key(signature, band: band)
            let tag = UInt32(truncatingIfNeeded: k >> 32)
            var e = slots[Int(truncatingIfNeeded: k) & mask]
            while e >= 0 {
                let ei = Int(e)
                if entryTag[ei] == tag && ei % Self.bands == band { body(entryDoc[ei]) }
                e = entryNext[ei]
            }
        }
    }

    /// Adds document `doc` with `signature`; `signatures(doc)` must return any indexed document's signature when
    /// the table grows.
    mutating func insert(_ doc: Int32, _ signature: ArraySlice<UInt32>, signatures: (Int32) -> ArraySlice<UInt32>) {
        if entryDoc.count + Self.bands > slots.count { grow(signatures) }
        for band in 0..<Self.bands {
            let k = Self.key(signature, band: band)
            let slot = Int(truncatingIfNeeded: k) & mask
            entryTag.append(UInt32(truncatingIfNeeded: k >> 32))
            entryDoc.append(doc)
            entryNext.append(slots[slot])
            slots[slot] = Int32(entryDoc.count - 1)
        }
    }

    private mutating func grow(_ signatures: (Int32) -> ArraySlice<UInt32>) {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for e in 0..<entryDoc.count {
            let k = Self.key(signatures(entryDoc[e]), band: e % Self.bands)
            let slot = Int(truncatingIfNeeded: k) & mask
            entryNext[e] = slots[slot]
            slots[slot] = Int32(e)
        }
    }

    /// Bytes held, for memory reports.
    var bytes: Int { slots.capacity * 4 + entryTag.capacity * 4 + entryDoc.capacity * 4 + entryNext.capacity * 4 }
}
