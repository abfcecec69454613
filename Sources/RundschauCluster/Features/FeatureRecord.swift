/// What the engine derived from one article's text, kept between runs so that a later run restores the article
/// without reading, cleaning or scanning its text again (``ClusterSession/restore(_:features:)``).
///
/// Two parts, stored apart because they are read at different times:
/// - the **sentences**: the keys of its counted sentences, which the boilerplate statistics learn in the run's
///   first pass;
/// - the **data**: its language, word and title n-gram vectors, MinHash row and content key.
///
/// Terms are kept by their key (stem, `#number` or name pair), in the order the article first used them, so that a
/// restoring run interns them in the same order a scan of the text would have: term ids, and the ties they break,
/// come out the same. The title's character n-grams are not kept: the restoring run takes them from the title again,
/// of the words a bit mask marks (those that made terms).
struct FeatureRecord: Sendable, Equatable {
    struct Term: Sendable, Equatable {
        var key: String
        var surface: String
        /// Interned as a name feature (a capitalized pair).
        var pair: Bool
        var weight: Float
    }

    var language: String?
    /// Fewer body words than ``StoryClusterSettings/shortTextWords``.
    var short: Bool
    /// Placed as a copy: no vectors (it can only be restored as a copy).
    var isCopy: Bool
    /// The exact-content key of the duplicate detector, when the article has one.
    var contentKey: UInt64?
    /// The hash of the article's canonical URL, when it has one (not kept by version 2: computed again then).
    var urlKey: UInt64?
    /// Number of body shingles and the low 16 bits of each MinHash bin, when the body was long enough to compare.
    var shingles: Int
    var signature: [UInt16]
    var terms: [Term]
    /// Bit `i` set: title token `i` made a term, and its character n-grams count.
    var titleMask: [UInt8]
    /// Keys of the sentences of four or more words, each once.
    var sentences: [UInt64]

    /// Format of ``encodedData``; a record of another version is not read (the article is scanned instead),
    /// except version 2, the same without the URL key. Bump it when what a record holds is computed differently
    /// (stemming, URL canonicalization, MinHash), so that stale records are not restored.
    static let version: UInt8 = 3

    var encodedSentences: [UInt8] {
        var out = ByteWriter()
        out.byte(Self.version)
        out.varint(UInt64(sentences.count))
        for key in sentences { out.u64(key) }
        return out.bytes
    }

    var encodedData: [UInt8] {
        var out = ByteWriter(capacity: 32 + 2 * signature.count + 24 * terms.count + titleMask.count)
        out.byte(Self.version)
        out.string(language ?? "")
        out.byte((short ? 1 : 0) | (contentKey != nil ? 2 : 0) | (isCopy ? 4 : 0) | (urlKey != nil ? 8 : 0))
        if let contentKey { out.u64(contentKey) }
        if let urlKey { out.u64(urlKey) }
        out.varint(UInt64(shingles))
        if shingles > 0 { for bin in signature { out.u16(bin) } }
        out.varint(UInt64(terms.count))
        for term in terms {
            out.byte(term.pair ? 1 : 0)
            out.string(term.key)
            out.string(term.surface == term.key ? "" : term.surface)
            out.u32(term.weight.bitPattern)
        }
        out.varint(UInt64(titleMask.count))
        for byte in titleMask { out.byte(byte) }
        return out.bytes
    }

    /// The sentence keys of `bytes`, or nil when they are not a record of this version.
    static func sentences(from bytes: [UInt8]) -> [UInt64]? {
        var reader = ByteReader(bytes)
        guard let format = reader.byte(), format == version || format == 2, let count = reader.count(ofSize: 8) else { return nil }
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.u64() else { return nil }
            keys.append(key)
        }
        return reader.atEnd ? keys : nil
    }

    /// The record in `data` (without its sentences), or nil when the bytes are not a record of this version.
    init?(data bytes: [UInt8], bins: Int) {
        var reader = ByteReader(bytes)
        guard let version = reader.byte(), version == Self.version || version == 2, let language = reader.string(),
            let flags = reader.byte()
        else { return nil }
        self.language = language.isEmpty ? nil : language
        short = flags & 1 != 0
        isCopy = flags & 4 != 0
        if flags & 2 != 0 {
            guard let key = reader.u64() else { return nil }
            contentKey = key
        }
        if flags & 8 != 0 {
            guard version > 2, let key = reader.u64() else { return nil }
            urlKey = key
        }
        guard let shingleCount = reader.varint() else { return nil }
        shingles = Int(clamping: shingleCount)
        signature = []
        if shingles > 0 {
            signature.reserveCapacity(bins)
            for _ in 0..<bins {
                guard let bin = reader.u16() else { return nil }
                signature.append(bin)
            }
        }
        guard let termCount = reader.count(ofSize: 7) else { return nil }
        terms = []
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let flag = reader.byte(), let key = reader.string(), let surface = reader.string(),
                let weight = reader.u32()
            else { return nil }
            terms.append(Term(key: key, surface: surface.isEmpty ? key : surface, pair: flag & 1 != 0,
                              weight: Float(bitPattern: weight)))
        }
        guard let maskCount = reader.count(ofSize: 1) else { return nil }
        titleMask = []
        titleMask.reserveCapacity(maskCount)
        for _ in 0..<maskCount {
            guard let byte = reader.byte() else { return nil }
            titleMask.append(byte)
        }
        guard reader.atEnd else { return nil }
        sentences = []
    }

    init(language: String?, short: Bool, isCopy: Bool, contentKey: UInt64?, urlKey: UInt64?, shingles: Int, signature: [UInt16], terms: [Term],
         titleMask: [UInt8], sentences: [UInt64]) {
        self.language = language
        self.short = short
        self.isCopy = isCopy
        self.contentKey = contentKey
        self.urlKey = urlKey
        self.shingles = shingles
        self.signature = signature
        self.terms = terms
        self.titleMask = titleMask
        self.sentences = sentences
    }
}

/// Little-endian bytes with LEB128 lengths.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what ``ByteWriter`` wrote; every read returns nil past the end.
struct ByteReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64 {
            guard let b = byte() else { return nil }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// A count whose items take at least `size` bytes each: nil when the rest could not hold them.
    mutating func count(ofSize size: Int) -> Int? {
        guard let n = varint(), n <= UInt64(bytes.count - position) / UInt64(size) else { return nil }
        return Int(n)
    }

    private mutating func fixed<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard bytes.count - position >= size else { return nil }
        var value: T = 0
        for k in 0..<size { value |= T(bytes[position + k]) << (8 * k) }
        position += size
        return value
    }

    mutating func u16() -> UInt16? { fixed(UInt16.self) }
    mutating func u32() -> UInt32? { fixed(UInt32.self) }
    mutating func u64() -> UInt64? { fixed(UInt64.self) }

    mutating func string() -> String? {
        guard let n = varint(), n <= UInt64(bytes.count - position) else { return nil }
        let end = position + Int(n)
        defer { position = end }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }
}
