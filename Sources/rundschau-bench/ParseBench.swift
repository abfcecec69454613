import ArgumentParser
import Foundation
import RundschauParser
import RundschauXML

/// `rundschau-bench parse DIR`: feed-parser throughput against bare libxml2 walks of the same bytes.
struct ParseBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Parser throughput (MB/s, entries/s, peak memory) over a directory of feeds.")

    /// What to measure.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case all, parser, reader, sax, push
    }

    @Argument(help: "A directory of feed files (see `rundschau-bench corpus`).")
    var directory: String

    @Option(help: "Minimum seconds to run each measurement.")
    var seconds: Double = 3

    @Option(help: "Measure only one part: all, parser, reader (xmlTextReader floor), sax (SAX2 floor) or push (SAX2 push-parser floor).")
    var only: Part = .all

    @Option(help: "Run exactly this many passes instead of timing (for callgrind/perf: `--passes 1`).")
    var passes: Int?

    @Option(help: "Also time `xmllint --noout --stream` over the same files (the target's reference); `none` to skip.")
    var xmllint = "xmllint"

    func run() throws {
        let files = try loadCorpus()
        let loaded = Measure.currentMemoryMiB()
        let bytes = files.reduce(0) { $0 + $1.count }
        let megabytes = Double(bytes) / 1_000_000
        print("corpus      \(files.count) files, \(Measure.format(megabytes, 2)) MB, libxml2 \(XMLStreamParser.libxml2Version)")

        func measure(_ body: () -> Void) -> Measure.Timing {
            Measure.repeatFor(minimum: seconds, passes: passes.map { max(1, $0) }, body)
        }
        func line(_ name: String, _ timing: Measure.Timing, entries: Int? = nil) -> String {
            var text = "\(name.padding(toLength: 24, withPad: " ", startingAt: 0)) "
                + "\(Measure.format(megabytes / timing.wall).leftPadded(6)) MB/s wall, "
                + "\(Measure.format(megabytes / timing.cpu).leftPadded(6)) MB/s CPU"
            if let entries {
                text += "  \(Measure.format(Double(entries) / timing.wall, 0)) entries/s wall, "
                    + "\(Measure.format(Double(entries) / timing.cpu, 0)) CPU"
            }
            return text
        }

        var entries = 0
        var failures = 0
        var parse: Measure.Timing?
        var parserPeak: Double?
        if only == .all || only == .parser {
            if passes == nil {
                for file in files {
                    do { entries += try FeedParser.parse(file).entries.count } catch { failures += 1 }
                }
            }
            parse = measure { for file in files { _ = try? FeedParser.parse(file) } }
            parserPeak = Measure.peakMemoryMiB()
        }
        let reader = only == .all || only == .reader
            ? measure { for file in files { _ = XMLBaseline.readerWalk(file) } } : nil
        let sax = only == .all || only == .sax ? measure { for file in files { _ = XMLBaseline.saxWalk(file) } } : nil
        let push = only == .all || only == .push
            ? measure { for file in files { _ = XMLBaseline.saxPushWalk(file) } } : nil

        let lint = only == .all && xmllint != "none" ? try timeXmllint() : nil

        if let parse { print(line("FeedParser.parse", parse, entries: passes == nil ? entries : nil)) }
        if let lint { print(line("xmllint --stream", lint)) }
        if let reader { print(line("floor: xmlTextReader", reader)) }
        if let sax { print(line("floor: SAX2 count only", sax)) }
        if let push { print(line("floor: SAX2 push, count", push)) }
        func ratio(_ a: Measure.Timing, _ b: Measure.Timing) -> String {
            "\(Measure.format(a.wall / b.wall, 2))x wall, \(Measure.format(a.cpu / b.cpu, 2))x CPU"
        }
        if let parse, let lint {
            print("ratio       \(ratio(parse, lint)) xmllint --noout --stream (in-process; whole process: Scripts/parse-speed)")
        }
        if let parse, let reader { print("ratio       \(ratio(parse, reader)) the xmlTextReader floor") }
        if let parse, let sax { print("ratio       \(ratio(parse, sax)) the SAX2 floor") }
        if let parse, let push { print("ratio       \(ratio(parse, push)) the SAX2 push floor") }
        if parse != nil && passes == nil { print("entries     \(entries) per pass, \(failures) files failed") }
        var memory = "peak memory \(Measure.format(Measure.peakMemoryMiB())) MiB (process; resident with the corpus "
            + "loaded: \(Measure.format(loaded)) MiB"
        if let parserPeak { memory += "; peak after the parser: \(Measure.format(parserPeak)) MiB" }
        print(memory + ")")
    }

    /// `xmllint --noout --stream` over the corpus files, as a child process: wall time and the child's CPU time
    /// (user + system) per run, the median of several runs of at least `seconds` in all.
    private func timeXmllint() throws -> Measure.Timing? {
        let names = try corpusNames()
        let executable = xmllint.contains("/") ? xmllint
            : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .map { "\($0)/\(xmllint)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let executable else {
            print("xmllint     not found; skipped")
            return nil
        }
        func childCPU() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        var timings: [Measure.Timing] = []
        let clock = ContinuousClock()
        let start = clock.now
        var runs = 0
        repeat {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--noout", "--stream"] + names.map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
            let cpuBefore = childCPU()
            let runStart = clock.now
            try process.run()
            process.waitUntilExit()
            let timing = Measure.Timing(wall: (clock.now - runStart) / .seconds(1), cpu: childCPU() - cpuBefore)
            timings.append(timing)
            runs += 1
        } while runs < 5 || (clock.now - start) / .seconds(1) < seconds
        return Measure.median(timings)
    }

    private func corpusNames() throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ValidationError("cannot read directory \(directory)")
        }
        return names.sorted().filter { !$0.hasPrefix(".") }
    }

    private func loadCorpus() throws -> [[UInt8]] {
        let files = try corpusNames().map {
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent($0)))
        }
        guard !files.isEmpty else { throw ValidationError("\(directory) holds no files") }
        return files
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
