/// Turns the raw bytes of a dump into text: UTF-8 where the bytes are UTF-8, Windows-1252 (a superset of the
/// printable Latin-1 range) for every byte that is not, UTF-16 when a byte-order mark says so.
///
/// Refuses empty input and binary input (NUL bytes, or mostly control characters) with a reason that ends up
/// in ``DumpImportError``. The decoded text is not yet normalized; ``DumpTextNormalizer`` does that.
struct DumpDecoder {
    /// Text decoded from bytes, and whether any byte needed the Windows-1252 fallback.
    struct Decoded: Equatable {
        var text: String
        /// How many bytes were not valid UTF-8 and were read as Windows-1252.
        var fallbackBytes: Int
    }

    /// Why bytes could not be decoded as text.
    enum Refusal: Error, Equatable {
        case empty
        case binary(String)
    }

    /// Share of control characters (other than tab, line feed, carriage return, form feed) above which
    /// the input counts as binary.
    static let maxControlShare = 0.05

    static func decode(_ bytes: [UInt8]) -> Result<Decoded, Refusal> {
        if bytes.isEmpty { return .failure(.empty) }
        if let utf16 = decodeUTF16WithBOM(bytes) {
            return check(Decoded(text: utf16, fallbackBytes: 0), byteCount: bytes.count)
        }
        if bytes.contains(0) { return .failure(.binary("binary file (NUL bytes)")) }
        let (text, fallback) = decodeUTF8WithFallback(bytes)
        return check(Decoded(text: text, fallbackBytes: fallback), byteCount: bytes.count)
    }

    private static func check(_ decoded: Decoded, byteCount: Int) -> Result<Decoded, Refusal> {
        var scalars = 0
        var controls = 0
        for scalar in decoded.text.unicodeScalars {
            scalars += 1
            if isControl(scalar) { controls += 1 }
        }
        if scalars > 0, Double(controls) > Double(scalars) * maxControlShare {
            return .failure(.binary("binary file (mostly non-text bytes)"))
        }
        // More than a third of the bytes failing UTF-8 and every high byte being isolated reads like
        // compressed or encrypted data, not like a Latin-1 text (where 1–5 % of the bytes are umlauts).
        if byteCount >= 64, decoded.fallbackBytes * 3 > byteCount {
            return .failure(.binary("binary file (mostly non-text bytes)"))
        }
        return .success(decoded)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
        default: return false
        }
    }

    // MARK: UTF-16

    private static func decodeUTF16WithBOM(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2 else { return nil }
        let bigEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFE, 0xFF): bigEndian = true
        case (0xFF, 0xFE):
            // FF FE 00 00 is a UTF-32LE mark; not supported, so let the NUL check refuse it.
            if bytes.count >= 4, bytes[2] == 0, bytes[3] == 0 { return nil }
            bigEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (hi, lo) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    // MARK: UTF-8 with a per-byte Windows-1252 fallback

    /// Decodes valid UTF-8 sequences as UTF-8 and every other byte as Windows-1252.
    static func decodeUTF8WithFallback(_ bytes: [UInt8]) -> (String, fallbackBytes: Int) {
        var scalars = String.UnicodeScalarView()
        var fallback = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                scalars.append(Unicode.Scalar(b0))
                i += 1
                continue
            }
            if let (scalar, length) = utf8Sequence(bytes, at: i) {
                scalars.append(scalar)
                i += length
            } else {
                scalars.append(windows1252(b0))
                fallback += 1
                i += 1
            }
        }
        return (String(scalars), fallback)
    }

    /// The scalar and length of a well-formed UTF-8 sequence starting at `i` (no overlongs, no surrogates).
    private static func utf8Sequence(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[i]
        let length: Int
        var value: UInt32
        var lowerBound: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F); lowerBound = 0x80
        case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F); lowerBound = 0x800
        case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07); lowerBound = 0x10000
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard value >= lowerBound, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
              let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, length)
    }

    /// Windows-1252 for 0x80–0x9F, Latin-1 (identical in that range) for 0xA0–0xFF. The five bytes
    /// Windows-1252 leaves undefined map to their C1 control code point, which the normalizer drops.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        let value = (0x80...0x9F).contains(byte) ? table[Int(byte - 0x80)] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
