/// Collapses runs of Unicode white space in UTF-8 bytes into single ASCII spaces and trims both ends.
enum WhitespaceCollapser {
    /// `bytes` must be valid UTF-8.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isCollapsed(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return collapseUnchecked(bytes)
    }

    /// ``collapse(_:)`` for bytes already known not to be collapsed.
    static func collapseUnchecked(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let space = spaceLength(bytes, at: i)
            if space > 0 {
                pendingSpace = true
                i += space
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The length of the white-space character (Unicode `White_Space`: U+0009–U+000D, U+0020, U+0085, U+00A0,
    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) at `i`, or 0 when there is none.
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b > 0x20 && b < 0xC2 { return 0 }
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        let n = bytes.count
        let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
        switch b {
        case 0xC2:
            return b1 == 0x85 || b1 == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            switch b {
            case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0
            case 0xE2:
                if b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }
                return b1 == 0x81 && b2 == 0x9F ? 3 : 0
            default: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
            }
        default:
            return 0
        }
    }

    /// One pass over a title: whether it has a `<`, an `&`, and whether it is already collapsed (see
    /// ``isCollapsed(_:)``).
    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> (hasTag: Bool, hasReference: Bool, collapsed: Bool) {
        var hasTag = false
        var hasReference = false
        var collapsed = true
        var previousSpace = true
        var i = 0
        var bytewiseUntil = 0  // a word that needed a closer look is read to its end byte by byte
        let n = bytes.count
        while i < n {
            // Eight plain bytes at once (ASCII without `<`, `&`, controls or a doubled space).
            if i >= bytewiseUntil, i + 8 <= n, let base = bytes.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if let endsInSpace = plainWord(word, afterSpace: previousSpace) {
                    previousSpace = endsInSpace
                    i += 8
                    continue
                }
                bytewiseUntil = i + 8
            }
            let b = bytes[i]
            if b > 0x20 && b < 0xC2 {
                if b == 0x3C { hasTag = true } else if b == 0x26 { hasReference = true }
                previousSpace = false
            } else if b == 0x20 {
                if previousSpace { collapsed = false }
                previousSpace = true
            } else if collapsed && spaceLength(bytes, at: i) > 0 {
                collapsed = false
            } else {
                previousSpace = false
            }
            i += 1
        }
        return (hasTag, hasReference, collapsed && !previousSpace)
    }

    /// True when there is nothing to do: no white space at the ends, no run of two, no space but U+0020.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { survey(bytes).collapsed }

    /// Eight bytes (little-endian) that need no byte-by-byte look: ASCII, no control character, `<` or `&`, and
    /// no space after a space (nor first, after one). Returns whether the last byte is a space, or `nil` to
    /// have the bytes read one at a time. Non-ASCII text (`é`, `—`) always goes byte by byte.
    @inline(__always)
    private static func plainWord(_ word: UInt64, afterSpace: Bool) -> Bool? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20 borrows into its high bit (bytes above one may be flagged too: harmless here).
        let controls = (word &- ones &* 0x20) & ~word & highs
        if (word & highs) | controls | zeroBytes(word ^ (ones &* 0x3C)) | zeroBytes(word ^ (ones &* 0x26)) != 0 {
            return nil
        }
        let spaces = zeroBytes(word ^ (ones &* 0x20))
        if spaces & (spaces << 8) != 0 || (afterSpace && spaces & 0x80 != 0) { return nil }
        return spaces >> 63 != 0
    }

    /// 0x80 in each byte of `x` that is zero, exactly (no borrows between bytes).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }
}
