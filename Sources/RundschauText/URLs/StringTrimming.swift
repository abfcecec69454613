/// Trimming shared by the parser and the URL layer: ASCII and Unicode white space, with fast paths.
extension String {
    /// The string without leading and trailing ASCII and Unicode white space.
    package var trimmed: String {
        // Fast path: an ASCII non-space at both ends, or at the start a lead byte no white space starts with.
        let clean = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let firstByte = bytes.first, let lastByte = bytes.last else { return nil }
            return Self.isTrimmed(first: firstByte, last: lastByte)
        }
        switch clean {
        case .some(.some(true)): return self
        case .some(.none): return ""
        default: break
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isSpace && !last.isSpace { return self }
        guard let start = scalars.firstIndex(where: { !$0.isSpace }),
              let end = scalars.lastIndex(where: { !$0.isSpace }) else { return "" }
        return String(scalars[start...end])
    }

    /// True when UTF-8 text with these first and last bytes has no white space to trim: an ASCII non-space at
    /// both ends, or at the start a lead byte no white space starts with. (False does not mean there is some.)
    @inline(__always)
    package static func isTrimmed(first: UInt8, last: UInt8) -> Bool {
        last < 0x80 && !last.isASCIISpace && (first < 0x80 ? !first.isASCIISpace : !mayStartUnicodeSpace(first))
    }

    /// Non-ASCII white space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) starts with one of these bytes.
    @inline(__always)
    package static func mayStartUnicodeSpace(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }

    /// The trimmed string, or `nil` when nothing is left.
    package var nonEmpty: String? {
        let value = trimmed
        return value.isEmpty ? nil : value
    }
}

extension UInt8 {
    /// ASCII white space as XML and HTML trim it: space, tab, line feed, vertical tab, form feed, carriage return.
    @inlinable
    package var isASCIISpace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
}

extension Unicode.Scalar {
    /// White space, with a fast answer for ASCII.
    @inline(__always)
    package var isSpace: Bool {
        if value < 0x80 { return UInt8(value).isASCIISpace }
        return properties.isWhitespace
    }
}
