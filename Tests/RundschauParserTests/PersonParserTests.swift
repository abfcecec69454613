import RundschauModel
import RundschauText
import Testing

@testable import RundschauParser

/// An input and the person it must give.
struct PersonCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: Person

    init(_ text: String, name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.text = text
        self.expected = Person(name: name, email: email, uri: uri)
    }

    var testDescription: String { "\"\(text)\"" }
}

private let personCases: [PersonCase] = [
    PersonCase("john@example.com (John Doe)", name: "John Doe", email: "john@example.com"),
    PersonCase("noreply@blogger.com (Sabine Brandes)", name: "Sabine Brandes", email: "noreply@blogger.com"),
    PersonCase("John Doe <john@example.com>", name: "John Doe", email: "john@example.com"),
    PersonCase("John Doe (john@example.com)", name: "John Doe", email: "john@example.com"),
    PersonCase("john@example.com", email: "john@example.com"),
    PersonCase("John Doe", name: "John Doe"),
    PersonCase("von Sabine Brandes", name: "von Sabine Brandes"),
    PersonCase("mailto:john@example.com", email: "john@example.com"),
    PersonCase("MAILTO:john@example.com", email: "john@example.com"),
    PersonCase("John Doe <mailto:john@example.com>", name: "John Doe", email: "john@example.com"),
    PersonCase("mailto:john@example.com (John Doe)", name: "John Doe", email: "john@example.com"),
    PersonCase("John Doe (mailto:john@example.com?subject=Hi)", name: "John Doe", email: "john@example.com"),
    PersonCase("  John \n  Doe  ", name: "John Doe"),
    PersonCase("\"Doe, John\" <john@example.com>", name: "Doe, John", email: "john@example.com"),
    PersonCase("„Jörg Müller“ <joerg@example.de>", name: "Jörg Müller", email: "joerg@example.de"),
    PersonCase("<john@example.com>", email: "john@example.com"),
    PersonCase("John Doe <https://example.com/john>", name: "John Doe", uri: "https://example.com/john"),
    PersonCase("https://example.com/john", uri: "https://example.com/john"),
    PersonCase("John Doe (Editor)", name: "John Doe (Editor)"),
    PersonCase("(John Doe)", name: "John Doe"),
    PersonCase("john@example.com (John (JD) Doe)", name: "John (JD) Doe", email: "john@example.com"),
    PersonCase("jane@example.org (Jane Roe), ", name: "Jane Roe", email: "jane@example.org"),
    PersonCase("john@example.com ()", email: "john@example.com"),
    PersonCase("John <not an address>", name: "John <not an address>"),
    PersonCase("john@example.com <john@example.com>", email: "john@example.com"),
    PersonCase("Redaktion\u{00A0}Nahost", name: "Redaktion Nahost"),
    PersonCase("a@b", email: "a@b"),
    PersonCase("@handle", name: "@handle"),
    PersonCase("user@", name: "user@"),
]

@Suite("PersonParser")
struct PersonParserTests {
    @Test(arguments: personCases)
    func parses(_ c: PersonCase) {
        #expect(PersonParser.parse(c.text) == c.expected)
    }

    @Test(arguments: ["", "   ", "\n\t", "<>", "()", " , ", "\u{00A0}"])
    func emptyGivesNil(_ text: String) {
        #expect(PersonParser.parse(text) == nil)
    }
}

/// The fast path for bare names gives what the general reading gives.
@Suite struct PersonParserFastPathTests {
    static let pieces = [
        "John", " ", "Doe", "Jürgen", "Weiß", "O’Neill", "@", "<", ">", "(", ")", ",", ";", ":", "?", "\"", "'", "“",
        "”", "„", "«", "»", "mailto:", "http://x.example/", "x@y.example", "\u{A0}", ".", "-", "Dr", "é", "\u{301}",
        "\u{2028}", "\u{200B}", "ß",
    ]

    @Test func bareNamesMatchTheGeneralReading() {
        var state: UInt64 = 99
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<30_000 {
            var text = ""
            for _ in 0..<(1 + next(5)) { text += Self.pieces[next(Self.pieces.count)] }
            #expect(PersonParser.parse(text) == PersonParser.parseCollapsed(HTMLText.collapseWhitespace(text)), "\(text)")
        }
    }
}
