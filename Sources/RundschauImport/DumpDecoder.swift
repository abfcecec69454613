import RundschauText
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
        let (utf8, _) = bytes.withUnsafeBufferPointer {
            WideEncodingDecoder.decodeUTF16(UnsafeBufferPointer(rebasing: $0[2...]), bigEndian: bigEndian)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    // MARK: UTF-8 with a per-byte Windows-1252 fallback

    /// Decodes valid UTF-8 sequences as UTF-8 and every other byte as Windows-1252.
    static func decodeUTF8WithFallback(_ bytes: [UInt8]) -> (String, fallbackBytes: Int) {
        guard let (utf8, repaired) = bytes.withUnsafeBufferPointer({ UTF8Repair.repair($0) }) else {
            return (String(decoding: bytes, as: UTF8.self), 0)
        }
        return (String(decoding: utf8, as: UTF8.self), repaired)
    }
}
