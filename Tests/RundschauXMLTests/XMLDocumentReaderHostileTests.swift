import Testing
import RundschauXML

@Suite struct XMLDocumentReaderHostileTests {
    /// Ten levels of ten references each: 10^9 "lol"s if anything expanded it.
    func billionLaughs(prefix: String = "", suffix: String = "") -> String {
        var xml = prefix + "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        return xml + "]><lolz>&lol9;\(suffix)</lolz>"
    }

    @Test func billionLaughsIsRefusedFast() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = readError(utf8(billionLaughs()))
        #expect(error?.code == .entityExpansion)
        #expect(clock.now - start < .seconds(1))
    }

    @Test func billionLaughsStaysRefusedOnTheRepairPath() throws {
        // Junk before the declaration and a bare `&` make the strict parse fail before the DTD is looked at.
        let error = readError(utf8(billionLaughs(prefix: "junk ", suffix: " & more")))
        #expect(error?.code == .entityExpansion)
    }

    @Test func quadraticBlowupIsBoundedBySmallLimit() throws {
        let big = String(repeating: "a", count: 4000)
        let xml = "<!DOCTYPE r [<!ENTITY big \"\(big)\">]><r>" + String(repeating: "&big;", count: 1000) + "</r>"
        let options = XMLParseOptions(maxDocumentSize: 256 << 10)
        #expect(readError(utf8(xml), options: options)?.code == .entityExpansion)
    }

    @Test func quadraticBlowupIsBoundedByDefaultLimit() throws {
        let big = String(repeating: "a", count: 4000)
        let xml = "<!DOCTYPE r [<!ENTITY big \"\(big)\">]><r>" + String(repeating: "&big;", count: 10_000) + "</r>"
        let clock = ContinuousClock()
        let start = clock.now
        let error = readError(utf8(xml))
        #expect(error?.code == .entityExpansion)
        #expect(error?.message.contains("entity 'big'") == true)
        #expect(clock.now - start < .seconds(5))
    }

    @Test func boundedExpansionWithinTheLimitIsFine() throws {
        let xml = "<!DOCTYPE r [<!ENTITY co \"ACME\">]><r>" + String(repeating: "&co;", count: 3) + "</r>"
        let (events, _) = try readDocument(utf8(xml))
        #expect(events == ["<r>", "ACMEACMEACME", "</r>"])
    }

    @Test func overlongEntityIsRefused() throws {
        let xml = "<!DOCTYPE r [<!ENTITY big \"\(String(repeating: "a", count: 5000))\">]><r>&big;</r>"
        #expect(readError(utf8(xml))?.code == .entityExpansion)
    }

    @Test func externalSystemEntityIsNeverRead() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>[&x;]</r>"#
        let (events, _) = try readDocument(utf8(xml))
        #expect(events == ["<r>", "[&x;]", "</r>"])
        #expect(!events.joined().contains("root:"))
    }

    @Test func externalEntityInAttributeIsNeverRead() throws {
        let xml = #"<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r a="&x;"/>"#
        let (events, _) = try readDocument(utf8(xml))
        #expect(!events.joined().contains("root:"))
    }

    @Test func parameterEntitiesAreNeverExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;
              <!ENTITY % decl "<!ENTITY y 'boom'>"> %decl;
            ]>
            <r>[&y;]</r>
            """
        let (events, _) = try readDocument(utf8(xml))
        #expect(events == ["<r>", "[&y;]", "</r>"])
    }

    @Test func externalDTDIsNeverLoaded() throws {
        let xml = #"<!DOCTYPE r SYSTEM "file:///etc/passwd"><r>ok</r>"#
        let (events, warnings) = try readDocument(utf8(xml))
        #expect(events == ["<r>", "ok", "</r>"])
        #expect(warnings == [])
    }

    @Test func deepNestingIsRefused() throws {
        let xml = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(readError(utf8(xml))?.code == .tooDeep)
    }

    @Test func deepNestingIsRefusedOnTheRepairPath() throws {
        let xml = "junk" + String(repeating: "<a>&nbsp;", count: 300) + String(repeating: "</a>", count: 300)
        #expect(readError(utf8(xml))?.code == .tooDeep)
    }

    @Test func deepNestingWithinTheLimitIsFine() throws {
        let xml = String(repeating: "<a>", count: 200) + "x" + String(repeating: "</a>", count: 200)
        let (events, _) = try readDocument(utf8(xml))
        #expect(events.count == 401)
    }

    @Test func oversizeDocumentIsRefusedBeforeParsing() throws {
        let xml = "<r>" + String(repeating: "x", count: 2000) + "</r>"
        let error = readError(utf8(xml), options: XMLParseOptions(maxDocumentSize: 1024))
        #expect(error?.code == .tooLarge)
        #expect(error?.message == "the document is 2007 bytes, over the limit of 1024")
    }

    @Test func repairCannotGrowADocumentPastTheLimit() throws {
        // Every `&` becomes `&amp;`: five times the size.
        let xml = "<r>" + String(repeating: "&", count: 900) + "</r>"
        let error = readError(utf8(xml), options: XMLParseOptions(maxDocumentSize: 1024))
        #expect(error?.code == .tooLarge)
    }

    @Test func tooManyEntityDeclarationsAreRefused() throws {
        let declarations = (0..<100).map { "<!ENTITY e\($0) \"x\">" }.joined()
        let xml = "<!DOCTYPE r [\(declarations)]><r/>"
        #expect(readError(utf8(xml))?.code == .entityExpansion)
    }
}
