import Foundation
import Testing

@testable import RundschauText

@Suite("Concurrent use")
struct ConcurrencyTests {
    /// The lazily built tables (entities, trigram model, names) are shared safely by concurrent callers.
    @Test func sharedTablesFromManyTasks() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var ok = true
                    for _ in 0..<200 {
                        ok = ok && FeedDate.parse("Di, 11 Jun 2024 08:15:00 +0200") == utc(2024, 6, 11, 6, 15)
                        ok = ok && HTMLText.decodeEntities("&eacute;&#x41;") == "éA"
                        ok = ok && HTMLText.plainText(fromHTML: "<p>Caf&eacute; \(task)</p>") == "Café \(task)"
                    }
                    ok = ok && LanguageDetector.detect("Gantz und Eizenkot verlassen Regierung") == "de"
                    return ok
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == [Bool](repeating: true, count: 8))
    }
}
