/// LSH banding over MinHash signatures: `bands` bands of two bins each, in one open-addressing table.
///
/// Each slot holds the upper 32 bits of a band key and the entry's band and document, so a look-up touches one
/// cache line in the common case. The table grows by rehashing from the signatures (a key is recomputed from its
/// document's signature and band). Memory: 8 bytes per slot, at most half the slots in use.
struct BandIndex {
    static let rows = 2
    static let bands = MinHasher.bins / rows
    private static let docBits: UInt32 = 25
    private static let docMask: UInt32 = (1 << docBits) - 1

    /// Upper 32 bits of the key, or 0 for an empty slot (a key whose upper bits are 0 is stored as 1).
    private var tags: [UInt32]
    /// band << 25 | document.
    private var payloads: [UInt32]
    private var mask: Int
    private var used = 0

    init() {
        tags = [UInt32](repeating: 0, count: 1 << 16)
        payloads = [UInt32](repeating: 0, count: 1 << 16)
        mask = (1 << 16) - 1
    }

    @inline(__always)
    static func key(_ signature: ArraySlice<UInt32>, band: Int) -> UInt64 {
        let base = signature.startIndex + band * rows
        let packed = (UInt64(signature[base]) << 32) | UInt64(signature[base + 1])
        return TokenScanner.finish(packed &+ UInt64(band + 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    @inline(__always)
    private static func tag(_ key: UInt64) -> UInt32 { max(1, UInt32(truncatingIfNeeded: key >> 32)) }

    /// Calls `body` with every document sharing at least one band with `signature` (possibly repeatedly).
    func forEachCandidate(_ signature: ArraySlice<UInt32>, _ body: (Int32) -> Void) {
        for band in 0..<Self.bands {
            let k = Self.key(signature, band: band)
            let tag = Self.tag(k)
            let b = UInt32(band)
            var slot = Int(truncatingIfNeeded: k) & mask
            while tags[slot] != 0 {
                if tags[slot] == tag && payloads[slot] >> Self.docBits == b {
                    body(Int32(bitPattern: payloads[slot] & Self.docMask))
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds document `doc` with `signature`; `signatures(doc)` must return any indexed document's signature when
    /// the table grows.
    mutating func insert(_ doc: Int32, _ signature: ArraySlice<UInt32>, signatures: (Int32) -> ArraySlice<UInt32>) {
        if (used + Self.bands) * 2 > tags.count { grow(signatures) }
        for band in 0..<Self.bands {
            put(Self.key(signature, band: band), band: band, doc: doc)
        }
    }

    /// A band value shared by this many documents is boilerplate (a footer, a dateline), not evidence: further
    /// documents are not entered under it, which keeps look-ups short. Real copies share many other bands.
    static let maximumPerKey = 24

    @inline(__always)
    private mutating func put(_ k: UInt64, band: Int, doc: Int32) {
        let tag = Self.tag(k)
        let b = UInt32(band)
        var same = 0
        var slot = Int(truncatingIfNeeded: k) & mask
        // Entries of one key all lie on its probe run (nothing is ever removed).
        while tags[slot] != 0 {
            if tags[slot] == tag && payloads[slot] >> Self.docBits == b {
                same += 1
                if same >= Self.maximumPerKey { return }
            }
            slot = (slot + 1) & mask
        }
        tags[slot] = tag
        payloads[slot] = b << Self.docBits | (UInt32(bitPattern: doc) & Self.docMask)
        used += 1
    }

    private mutating func grow(_ signatures: (Int32) -> ArraySlice<UInt32>) {
        let oldTags = tags, oldPayloads = payloads
        let size = tags.count * 2
        tags = [UInt32](repeating: 0, count: size)
        payloads = [UInt32](repeating: 0, count: size)
        mask = size - 1
        used = 0
        for slot in 0..<oldTags.count where oldTags[slot] != 0 {
            let band = Int(oldPayloads[slot] >> Self.docBits)
            let doc = Int32(bitPattern: oldPayloads[slot] & Self.docMask)
            put(Self.key(signatures(doc), band: band), band: band, doc: doc)
        }
    }

    /// Bytes held, for memory reports.
    var bytes: Int { tags.capacity * 4 + payloads.capacity * 4 }
}
