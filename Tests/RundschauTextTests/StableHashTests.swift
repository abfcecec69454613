import Testing

import RundschauText

@Suite("StableHash (FNV-1a 64)")
struct StableHashTests {
    @Test("FNV-1a 64 matches the reference vectors", arguments: [
        ("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8"),
    ])
    func referenceVectors(input: String, expected: String) {
        var hasher = StableHash()
        hasher.combine(bytes: input.utf8)
        #expect(hasher.hex == expected)
        #expect(StableHash.hex(of: input) == expected)
        #expect(StableHash.value(of: input) == UInt64(expected, radix: 16))
    }

    @Test("combining is unframed: pieces hash like their concatenation")
    func pieces() {
        var hasher = StableHash()
        hasher.combine(bytes: "foo".utf8)
        hasher.combine(bytes: [UInt8]("bar".utf8))
        #expect(hasher.value == 0x8594_4171_f739_67e8)
        #expect(StableHash().value == StableHash.offsetBasis)
        #expect(StableHash.hex(0xab) == "00000000000000ab")
    }
}
