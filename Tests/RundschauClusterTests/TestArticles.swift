import Foundation

@testable import RundschauCluster

/// Small builders and texts shared by the tests.
enum TestArticles {
    static let base = Date(timeIntervalSince1970: 1_718_000_000)

    static func article(
        _ id: Int64, title: String, text: String, hours: Double = 0, source: String = "feed", url: String? = nil,
        language: String? = "de", firstSeen: Date? = nil, published: Bool = true
    ) -> ClusterArticle {
        let date = base.addingTimeInterval(hours * 3_600)
        return ClusterArticle(
            id: id, entryID: "entry-\(id)", source: source, title: title, text: text,
            url: url ?? "https://\(source).example/\(id)", published: published ? date : nil,
            firstSeen: firstSeen ?? date, language: language)
    }

    /// An agency text of seven sentences (German).
    static let wire = """
        Bundesverteidigungsminister Boris Pistorius hat im Taurus-Abhörskandal einen individuellen Anwendungsfehler als \
        Grund für den Leak genannt. Die Kommunikationssysteme der Bundeswehr seien nicht kompromittiert worden, sagte \
        der Minister am Dienstag in Berlin. Ein Teilnehmer der Konferenz habe sich aus einem Hotel in Singapur über eine \
        nicht autorisierte Verbindung eingewählt. Russische Dienste hätten das Gespräch bei einer breit gestreuten \
        Überwachung erfasst. Gegen die beteiligten Offiziere wurden disziplinarische Vorermittlungen eingeleitet. Die \
        Untersuchung aller beteiligten Geräte werde dennoch fortgesetzt, kündigte das Ministerium an. Die Opposition \
        verlangt weitere Aufklärung im Verteidigungsausschuss des Bundestages.
        """

    /// The same story in another outlet's own words.
    static let otherOutlet = """
        Die Abhöraffäre um das Gespräch hochrangiger Luftwaffenoffiziere geht nach Darstellung von Verteidigungsminister \
        Pistorius auf einen Bedienungsfehler zurück. Ein Offizier, der sich zur Luftfahrtmesse in Singapur aufhielt, \
        habe die Schaltkonferenz per Mobiltelefon erreicht. Russische Geheimdienste hätten den Mitschnitt vermutlich bei \
        einer breit angelegten Aufklärung erbeutet. Personelle Konsequenzen will Pistorius vorerst nicht ziehen. Die \
        Union hält die Erklärung für unzureichend und fordert einen Untersuchungsausschuss.
        """

    static func sentences(_ text: String) -> [String] {
        text.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { $0 + "." }
    }

    /// Seed files from the repository's `seeds/` folder.
    static func seed(_ prefix: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }
}
