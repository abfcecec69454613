import Testing
@testable import RundschauCluster

/// Boilerplate goes, copies stay whole.
@Suite struct BoilerplateFilterTests {
    static let footer = "Abonnieren Sie jetzt unseren kostenlosen Newsletter mit allen Nachrichten des Tages."
    static let bodies = [
        "Der Stadtrat hat den Haushalt für das kommende Jahr beschlossen.",
        "Die Feuerwehr rückte am Abend zu einem Großbrand im Hafen aus.",
        "Das Museum zeigt ab Freitag Gemälde aus drei Jahrhunderten.",
        "Der Verein gewann das Derby nach einem späten Tor mit zwei zu eins.",
    ]

    @Test func aFeedFooterIsRemovedFromEveryItem() {
        var filter = BoilerplateFilter()
        let texts = Self.bodies.map { $0 + " " + Self.footer }
        for text in texts { filter.learn(source: "Kurier", text: text) }
        #expect(texts.map { filter.clean(source: "Kurier", text: $0) } == Self.bodies)
        // Another source has not carried it: its copy of the sentence stays.
        #expect(filter.clean(source: "Bote", text: Self.footer) == Self.footer)
    }

    @Test func copiesInOneFeedKeepTheirText() {
        var filter = BoilerplateFilter()
        let wire = Self.bodies.joined(separator: " ")
        for _ in 0..<3 { filter.learn(source: "Aggregator", text: wire) }
        #expect(filter.clean(source: "Aggregator", text: wire) == wire)
    }

    @Test func wordPressNoticesAreTemplates() {
        var filter = BoilerplateFilter()
        let text = Self.bodies[0] + " The post Haushalt beschlossen appeared first on Kurier Online."
        filter.learn(source: "Kurier", text: text)
        #expect(filter.clean(source: "Kurier", text: text) == Self.bodies[0])
    }
}
