/// Collapses runs of Unicode white space in UTF-8 bytes into single ASCII spaces and trims both ends.
enum WhitespaceCollapser {
    /// `bytes` must be valid UTF-8.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isCollapsed(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var length = 1
            var isSpace: Bool
            if b < 0x80 {
                isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            } else if mayStartSpace(b) {
                let (scalar, len) = UTF8Scalars.decode(bytes, at: i)
                length = len
                isSpace = scalar.properties.isWhitespace
            } else {
                // Any other non-ASCII byte (a continuation byte, or the lead byte of a scalar that is no white
                // space) is copied as it is.
                isSpace = false
            }
            if isSpace {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                if length == 1 {
                    out.append(b)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                }
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Non-ASCII white space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) starts with one of these bytes.
    @inline(__always)
    private static func mayStartSpace(_ b: UInt8) -> Bool {
        b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3
    }

    /// True when there is nothing to do: no white space at the ends, no run of two, no space but U+0020.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        for b in bytes {
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if (b >= 0x09 && b <= 0x0D) || mayStartSpace(b) {
                return false
            } else {
                previousSpace = false
            }
        }
        return !previousSpace
    }
}
