import RundschauXML
import Testing

/// The attribute limits: per start tag (counted before libxml2 sees the document) and per DTD.
@Suite struct XMLAttributeLimitTests {
    private func tag(_ count: Int, quote: String = "\"", value: String = "v") -> String {
        "<r " + (0..<count).map { "a\($0)=\(quote)\(value)\(quote)" }.joined(separator: " ") + "/>"
    }

    @Test func attributesUpToTheLimitAreFine() throws {
        let (events, _) = try readDocument(utf8(tag(256)))
        #expect(events.first?.hasPrefix("<r") == true)
    }

    @Test func oneAttributeOverTheLimitIsRefused() {
        let error = readError(utf8("<?xml version=\"1.0\"?>\n" + tag(257)))
        #expect(error?.code == .tooManyAttributes)
        #expect(error?.message == "refused: a start tag at byte 22 has more than 256 attributes")
    }

    @Test func theLimitIsConfigurable() {
        #expect(readError(utf8(tag(11)), options: XMLParseOptions(maxAttributes: 10))?.code == .tooManyAttributes)
        #expect(readError(utf8(tag(10)), options: XMLParseOptions(maxAttributes: 10)) == nil)
    }

    @Test func namespaceDeclarationsCount() {
        let root = "<r " + (0..<300).map { "xmlns:p\($0)=\"urn:\($0)\"" }.joined(separator: " ") + "/>"
        #expect(readError(utf8(root))?.code == .tooManyAttributes)
    }

    @Test func equalsSignsInValuesAndTextDoNotCount() throws {
        // Values full of `=`, `>` and the other quote; text full of `=`.
        let values = tag(200, value: "a=b>c'd=e")
        let single = tag(200, quote: "'", value: "x=\"=\"")
        let text = "<r>" + String(repeating: "a=b ", count: 5000) + "</r>"
        let cdata = "<r><![CDATA[" + String(repeating: "=", count: 5000) + "]]></r>"
        for document in [values, single, text, cdata] {
            #expect(readError(utf8(document)) == nil)
        }
    }

    @Test func aLessThanSignEndsATagEvenInsideAQuote() {
        // libxml2 stops a value at `<` too, so the next tag is counted on its own, never hidden.
        let document = "<r><a x=\"oops<b " + (0..<300).map { "b\($0)=\"v\"" }.joined(separator: " ") + "/></r>"
        #expect(readError(utf8(document))?.code == .tooManyAttributes)
    }

    @Test func attributeDeclarationsAreBounded() {
        let within = (0..<16).map { "a\($0) CDATA \"x\"" }.joined(separator: " ")
        #expect(readError(utf8("<!DOCTYPE r [<!ATTLIST r \(within)>]><r/>")) == nil)
        let over = (0..<17).map { "a\($0) CDATA \"x\"" }.joined(separator: " ")
        let error = readError(utf8("<!DOCTYPE r [<!ATTLIST r \(over)>]><r/>"))
        #expect(error?.code == .tooManyAttributes)
        #expect(error?.message == "refused: the DTD declares more than 16 attributes")
    }

    @Test func attributeDeclarationsAreBoundedOnTheRepairPath() {
        let over = (0..<17).map { "a\($0) CDATA \"x\"" }.joined(separator: " ")
        #expect(readError(utf8("junk<!DOCTYPE r [<!ATTLIST r \(over)>]><r>&nbsp;</r>"))?.code == .tooManyAttributes)
    }

    @Test func declaredDefaultsStillApplyWithinTheLimit() throws {
        let (events, _) = try readDocument(utf8(#"<!DOCTYPE r [<!ATTLIST r lang CDATA "de">]><r/>"#))
        #expect(events.first == "<r lang=de>")
    }
}
