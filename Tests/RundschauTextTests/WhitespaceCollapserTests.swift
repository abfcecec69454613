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

    /// The word-at-a-time scans agree with a byte-at-a-time reading on random text of spaces, markup characters,
    /// ASCII and multi-byte characters at every alignment.
    @Test func surveyAgreesWithTheReference() {
        let pieces = ["a", "Z", "~", "!", " ", "  ", "\t", "\n", "<", "&", "é", "—", "\u{A0}", "\u{2003}", "\u{3000}", "x1",
                      "\u{7F}", "\u{1}", "!\"#", "Š"]
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
                if state & 1 == 0 { text += "abcdefghij" }
            }
            var copy = text
            copy.withUTF8 { bytes in
                var previousSpace = true, collapsed = true
                var i = 0
                while i < bytes.count {
                    let length = WhitespaceCollapser.spaceLength(bytes, at: i)
                    if length > 0 {
                        if previousSpace || bytes[i] != 0x20 { collapsed = false }
                        previousSpace = true
                        i += length
                    } else {
                        previousSpace = false
                        i += 1
                    }
                }
                collapsed = collapsed && !previousSpace
                let survey = WhitespaceCollapser.survey(bytes)
                #expect(survey.hasTag == bytes.contains(0x3C), "\(text)")
                #expect(survey.hasReference == bytes.contains(0x26), "\(text)")
                #expect(survey.collapsed == collapsed, "\(text)")
                #expect(WhitespaceCollapser.isCollapsed(bytes) == collapsed, "\(text)")
            }
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
