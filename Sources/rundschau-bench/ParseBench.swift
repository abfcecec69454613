import ArgumentParser
import Foundation
import RundschauParser
import RundschauXML

/// `rundschau-bench parse DIR`: feed-parser throughput against bare libxml2 walks of the same bytes.
struct ParseBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Parser throughput (MB/s, entries/s, peak memory) over a directory of feeds.")

    @Argument(help: "A directory of feed files (see `rundschau-bench corpus`).")
    var directory: String

    @Option(help: "Minimum seconds to run each measurement.")
    var seconds: Double = 3

    func run() throws {
        let files = try loadCorpus()
        let bytes = files.reduce(0) { $0 + $1.count }
        let megabytes = Double(bytes) / 1_000_000
        print("corpus      \(files.count) files, \(Measure.format(megabytes, 2)) MB, libxml2 \(XMLStreamParser.libxml2Version)")

        var entries = 0
        var failures = 0
        for file in files {
            do { entries += try FeedParser.parse(file).entries.count } catch { failures += 1 }
        }
        let parse = Measure.repeatFor(minimum: seconds) {
            for file in files { _ = try? FeedParser.parse(file) }
        }
        let reader = Measure.repeatFor(minimum: seconds) { for file in files { _ = XMLBaseline.readerWalk(file) } }
        let sax = Measure.repeatFor(minimum: seconds) { for file in files { _ = XMLBaseline.saxWalk(file) } }

        func line(_ name: String, _ secondsPerPass: Double, entries: Int? = nil) -> String {
            var text = "\(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(Measure.format(megabytes / secondsPerPass)) MB/s"
            if let entries { text += "  \(Measure.format(Double(entries) / secondsPerPass, 0)) entries/s" }
            return text
        }
        print(line("FeedParser.parse", parse.secondsPerPass, entries: entries))
        print(line("floor: xmlTextReader", reader.secondsPerPass))
        print(line("floor: SAX2 count only", sax.secondsPerPass))
        print("ratio       \(Measure.format(parse.secondsPerPass / reader.secondsPerPass, 2))x the xmlTextReader floor")
        print("entries     \(entries) per pass, \(failures) files failed")
        print("peak memory \(Measure.format(Measure.peakMemoryMiB())) MiB (corpus held in memory)")
    }

    private func loadCorpus() throws -> [[UInt8]] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw ValidationError("cannot read directory \(directory)")
        }
        let files = try names.sorted().filter { !$0.hasPrefix(".") }.map {
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent($0)))
        }
        guard !files.isEmpty else { throw ValidationError("\(directory) holds no files") }
        return files
    }
}
