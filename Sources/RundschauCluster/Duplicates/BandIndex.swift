/// LSH banding over 16-bit MinHash signatures: `bands` bands of two bins each (a 32-bit band value), in one
/// open-addressing table of 4-byte slots.
///
/// A slot holds a 7-bit tag of its key's hash and the document (plus one, so that 0 marks an empty slot); whether
/// the document really shares the band value is checked against its signature, so the table stores no key at
/// all. A look-up walks one probe run of contiguous 4-byte slots and touches a signature only on a tag match
/// (a true candidate, or one false match in 128). The table stays at most three-quarters full and grows by half
/// by re-entering the indexed documents in their order, which reproduces the same entries.
/// Memory: about 4 × 4/3 bytes per band per indexed document (340 bytes per document at 64 bands).
struct BandIndex {
    static let rows = 2
    static let bands = MinHasher.bins / rows
    private static let docBits: UInt32 = 25
    private static let docMask: UInt32 = (1 << docBits) - 1
    /// Documents numbered at or above this are not indexed (the slot has 25 bits for them).
    static let documentLimit = Int32(docMask - 1)

    private var slots: [UInt32]
    private var used = 0
    /// The documents entered, in order (to rebuild the table when it grows).
    private var indexed: [Int32] = []

    init() {
        slots = [UInt32](repeating: 0, count: 1 << 12)
    }

    /// Makes room for `documents` documents without growing; only before the first ``insert(_:signatures:)``.
    mutating func reserve(documents: Int) {
        guard used == 0 else { return }
        indexed.reserveCapacity(documents)
        let needed = documents * Self.bands * 4 / 3 + 64
        if needed > slots.count { rebuild(capacity: needed, signatures: nil) }
    }

    /// The band's value in a signature: its two 16-bit bins.
    @inline(__always)
    static func value(_ signatures: UnsafeBufferPointer<UInt16>, row: Int, band: Int) -> UInt32 {
        let base = row + band * rows
        return UInt32(signatures[base]) << 16 | UInt32(signatures[base + 1])
    }

    @inline(__always)
    private static func hash(_ value: UInt32, band: Int) -> UInt64 {
        TokenScanner.finish(UInt64(value) &+ UInt64(band + 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 57) << docBits }

    @inline(__always)
    private static func start(_ hash: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: ((hash & 0xFFFF_FFFF) &* UInt64(capacity)) >> 32)
    }

    /// Calls `body` with every document sharing at least one band with the signature at `row` of `signatures`
    /// (possibly repeatedly).
    func forEachCandidate(_ signatures: UnsafeBufferPointer<UInt16>, row: Int, _ body: (Int32) -> Void) {
        let capacity = slots.count
        slots.withUnsafeBufferPointer { slots in
            for band in 0..<Self.bands {
                let value = Self.value(signatures, row: row, band: band)
                let h = Self.hash(value, band: band)
                let tag = Self.tag(h)
                var slot = Self.start(h, capacity)
                while slots[slot] != 0 {
                    let entry = slots[slot]
                    if entry & ~Self.docMask == tag {
                        let doc = Int32(bitPattern: (entry & Self.docMask) - 1)
                        if Self.value(signatures, row: Int(doc) * MinHasher.bins, band: band) == value { body(doc) }
                    }
                    slot += 1
                    if slot == capacity { slot = 0 }
                }
            }
        }
    }

    /// Adds document `doc`, whose signature is at row `doc` of `signatures` (every indexed document's is there).
    mutating func insert(_ doc: Int32, signatures: UnsafeBufferPointer<UInt16>) {
        guard doc < Self.documentLimit else { return }
        if (used + Self.bands) * 4 > slots.count * 3 { rebuild(capacity: slots.count * 3 / 2, signatures: signatures) }
        indexed.append(doc)
        put(doc, signatures: signatures)
    }

    /// A band value shared by this many documents is boilerplate (a footer, a dateline), not evidence: further
    /// documents are not entered under it, which keeps look-ups short. Real copies share many other bands.
    static let maximumPerKey = 24

    private mutating func put(_ doc: Int32, signatures: UnsafeBufferPointer<UInt16>) {
        let capacity = slots.count
        let row = Int(doc) * MinHasher.bins
        let entered = UInt32(bitPattern: doc) + 1
        var added = 0
        slots.withUnsafeMutableBufferPointer { slots in
            for band in 0..<Self.bands {
                let value = Self.value(signatures, row: row, band: band)
                let h = Self.hash(value, band: band)
                let tag = Self.tag(h)
                var same = 0
                var slot = Self.start(h, capacity)
                var full = false
                // Entries of one key all lie on its probe run (nothing is ever removed).
                while slots[slot] != 0 {
                    let entry = slots[slot]
                    if entry & ~Self.docMask == tag,
                       Self.value(signatures, row: Int((entry & Self.docMask) - 1) * MinHasher.bins, band: band) == value
                    {
                        same += 1
                        if same >= Self.maximumPerKey { full = true; break }
                    }
                    slot += 1
                    if slot == capacity { slot = 0 }
                }
                if full { continue }
                slots[slot] = tag | entered
                added += 1
            }
        }
        used += added
    }

    /// A table of `capacity` slots holding the same entries; without `signatures` the table must be empty.
    private mutating func rebuild(capacity: Int, signatures: UnsafeBufferPointer<UInt16>?) {
        slots = []
        slots = [UInt32](repeating: 0, count: max(capacity, 1 << 12))
        used = 0
        guard let signatures else { return }
        for doc in indexed { put(doc, signatures: signatures) }
    }

    /// Bytes held, for memory reports.
    var bytes: Int { MemoryFootprint.array(slots) + MemoryFootprint.array(indexed) }
}
