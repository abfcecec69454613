import ArgumentParser
import Foundation
import RundschauModel
import RundschauParser
import RundschauText

extension Rundschau {
    /// `rundschau parse`: read feeds from files, standard input or URLs and print them normalized.
    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Parse feeds and print them normalized.",
            discussion: """
                Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed and CDF, detected from the content. Directories are \
                walked recursively. Input that is not a feed prints `not a feed: <file>: <reason>` and the \
                command exits with status 2 once every input was tried.
                """)

        @Argument(help: ArgumentHelp("Files, directories, URLs, or - for standard input.", valueName: "file|-|url"))
        var inputs: [String]

        @Flag(help: "Print the normalized feed as JSON (the documented contract).")
        var json = false

        @Flag(help: "Print only totals: files, feeds, entries, bytes, failures, seconds.")
        var stats = false

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Resolve relative links against this URL.", valueName: "url"))
        var baseURL: String?

        @Option(help: ArgumentHelp("Character encoding hint, as an HTTP charset would give it.", valueName: "name"))
        var charset: String?

        @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest document accepted, in bytes.", valueName: "bytes"))
        var maxSize: Int = 32 << 20

        func validate() throws {
            if json && stats { throw ValidationError("--json and --stats exclude each other.") }
            if maxSize <= 0 { throw ValidationError("--max-size must be positive.") }
        }

        func run() async throws {
            ProcessMemory.keepFreedMemory()
            let (sources, missing) = InputFiles.expand(inputs)
            var failures = missing.count
            for path in missing { Terminal.error("not a feed: \(path): no such file or directory") }
            var totals = (files: 0, feeds: 0, entries: 0, bytes: 0)
            let clock = ContinuousClock.now
            var documents: [Feed] = []
            let options = FeedParserOptions(maxDocumentSize: maxSize)
            for source in sources {
                totals.files += 1
                let bytes: [UInt8]
                do {
                    bytes = try await InputFiles.read(source, maxSize: maxSize)
                } catch let error as FeedParseError {
                    failures += 1
                    Terminal.error("not a feed: \(source.displayName): \(error.message)")
                    continue
                } catch {
                    failures += 1
                    Terminal.error("not a feed: \(source.displayName): \(error.localizedDescription)")
                    continue
                }
                totals.bytes += bytes.count
                let url: String? = baseURL ?? {
                    if case .url(let url) = source { return url.absoluteString }
                    return nil
                }()
                do {
                    let feed = try FeedParser.parse(bytes, url: url, charset: charset, options: options)
                    totals.feeds += 1
                    totals.entries += feed.entries.count
                    if stats { continue }
                    if json { documents.append(feed) } else { Terminal.write(FeedSummary.text(feed, source: source.displayName)) }
                } catch {
                    failures += 1
                    Terminal.error("not a feed: \(source.displayName): \(error.message)")
                }
            }
            if json {
                let encoder = FeedJSON.makeEncoder()
                let data = try documents.count == 1 && sources.count == 1
                    ? encoder.encode(documents[0]) : encoder.encode(documents)
                Terminal.write(String(decoding: data, as: UTF8.self) + "\n")
            }
            if stats {
                let seconds = (ContinuousClock.now - clock) / .seconds(1)
                Terminal.write("files \(totals.files)  feeds \(totals.feeds)  entries \(totals.entries)  "
                    + "bytes \(totals.bytes)  failures \(failures)  seconds \(String(format: "%.3f", seconds))\n")
            }
            if failures > 0 { throw ExitCode(ExitStatus.usageOrInput) }
        }
    }
}
