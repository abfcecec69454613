import ArgumentParser
import Foundation
import RundschauModel
import RundschauParser

/// `rundschau-bench digest DIR`: one line per file with a hash of what the parser made of it (its JSON, dates to
/// the exact second fraction), so that two builds can be compared: a speed-up must leave every line alone.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Print a hash of every parsed feed (to check that a change leaves the output alone).")

    @Argument(help: "A directory of feed files.")
    var directory: String

    func run() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ValidationError("cannot read directory \(directory)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.timeIntervalSince1970.bitPattern)
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
            let text: String
            do {
                let feed = try FeedParser.parse(bytes, url: name)
                text = String(decoding: try encoder.encode(feed), as: UTF8.self)
            } catch {
                text = "error: \(error)"
            }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            print(name, String(hash, radix: 16), text.utf8.count)
        }
    }
}
