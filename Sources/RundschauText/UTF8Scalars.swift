/// Minimal UTF-8 decoding over a byte buffer, for scanners that mostly see ASCII.
enum UTF8Scalars {
    /// Decodes the scalar starting at `i`; malformed bytes decode as U+FFFD of length 1.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let replacement: (Unicode.Scalar, Int) = ("\u{FFFD}", 1)
        let b0 = UInt32(bytes[i])
        let n = bytes.count
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = UInt32(bytes[i + k])
            return b & 0xC0 == 0x80 ? b & 0x3F : nil
        }
        var value: UInt32
        var len: Int
        if b0 < 0x80 {
            return (Unicode.Scalar(UInt8(b0)), 1)
        } else if b0 & 0xE0 == 0xC0 {
            guard let c1 = cont(1) else { return replacement }
            value = (b0 & 0x1F) << 6 | c1
            len = 2
            if value < 0x80 { return replacement }
        } else if b0 & 0xF0 == 0xE0 {
            guard let c1 = cont(1), let c2 = cont(2) else { return replacement }
            value = (b0 & 0x0F) << 12 | c1 << 6 | c2
            len = 3
            if value < 0x800 { return replacement }
        } else if b0 & 0xF8 == 0xF0 {
            guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return replacement }
            value = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            len = 4
            if value < 0x10000 { return replacement }
        } else {
            return replacement
        }
        guard let scalar = Unicode.Scalar(value) else { return replacement }
        return (scalar, len)
    }
}
