import Testing

@testable import RundschauText

/// The byte-level white-space test agrees with Unicode's `White_Space` property for every scalar.
@Suite struct WhitespaceCollapserTests {
    @Test func spaceLengthMatchesTheUnicodeProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var bytes: [UInt8] = []
            UTF8.encode(scalar) { bytes.append($0) }
            let length = bytes.withUnsafeBufferPointer { WhitespaceCollapser.spaceLength($0, at: 0) }
            let expected = scalar.properties.isWhitespace || value == 0x20 || (0x09...0x0D).contains(value)
            #expect((length > 0) == expected, "U+\(String(value, radix: 16))")
            if length > 0 { #expect(length == bytes.count) }
        }
    }

    @Test func collapses() {
        #expect(HTMLText.collapseWhitespace("  a \u{A0}\u{2003} b\u{3000}") == "a b")
        #expect(HTMLText.collapseWhitespace("a – “b” €") == "a – “b” €")
        #expect(HTMLText.collapseWhitespace("\u{85}x\u{2028}\u{205F}y\u{1680}") == "x y")
        #expect(HTMLText.collapseWhitespace("") == "")
    }
}

/// The names decoded without a table lookup decode as the table says.
@Suite struct CommonEntityTests {
    @Test func commonNamesMatchTheTable() {
        for name in ["amp", "lt", "gt", "quot", "apos", "nbsp"] {
            #expect(HTMLText.decodeEntities("x&\(name);y") == "x" + (HTMLText.namedEntity(name) ?? "?") + "y")
        }
        #expect(HTMLText.decodeEntities("&AMP;&Lt;&ampx;") == "&" + (HTMLText.namedEntity("Lt") ?? "?") + "&ampx;")
    }
}
