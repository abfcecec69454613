import ArgumentParser
import Foundation
import RundschauImport
import RundschauModel
import RundschauPipeline

extension Rundschau {
    /// `rundschau import`: plain-text news dumps as feed items.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import plain-text news dumps (files, folders, -) as feed items.",
            discussion: """
                Each dump file becomes one source; its articles are split out and stored like fetched entries, \
                with ids that stay stable across re-imports. A file that fails prints `<file>: <reason>`; the \
                others are still imported and the exit status is 1.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Dump files, folders (walked recursively) or - for standard input.", valueName: "path"))
        var paths: [String]

        @Option(help: ArgumentHelp("Source name for the items (default: the file name).", valueName: "name"))
        var source: String?

        @Option(help: "File-name pattern inside folders.")
        var pattern = "*.txt"

        @Flag(name: .customLong("dry-run"), help: "Split and print the items; store nothing.")
        var dryRun = false

        @Flag(help: "With --dry-run: print the items as JSON (the entry schema plus kicker, dateline, source).")
        var json = false

        func validate() throws {
            if json && !dryRun { throw ValidationError("--json goes with --dry-run.") }
        }

        func run() async throws {
            if dryRun { return try printDryRun() }
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            let report = await ImportStep.run(paths: paths, source: source, pattern: pattern, store: store)
            try? await store.close()
            for file in report.files {
                if let error = file.error {
                    Terminal.error(error)
                } else if global.chatty {
                    Terminal.write("\(file.file): \(file.items) items, \(file.inserted) new, \(file.updated) updated\n")
                }
            }
            if global.chatty {
                Terminal.write("imported \(report.items) items from \(report.files.count - report.failures.count) files; "
                    + "\(report.inserted) new, \(report.updated) updated, \(report.failures.count) failed\n")
            }
            if !report.failures.isEmpty { throw ExitCode(ExitStatus.partialFailure) }
        }

        private func printDryRun() throws {
            var options = DumpImportOptions()
            options.pattern = pattern
            let results = DumpImporter(options: options).importPaths(paths, source: source)
            var all: [RundschauModel.Entry] = []
            for result in results {
                if let error = result.error { Terminal.error(error.message); continue }
                all += result.entries
                if !json {
                    for entry in result.entries {
                        var line = "\(result.file): "
                        if let kicker = entry.kicker { line += "[\(kicker)] " }
                        line += entry.title ?? "(untitled)"
                        if let date = entry.published { line += "  \(date.formatted(.iso8601))" }
                        Terminal.write(line + "\n")
                    }
                }
            }
            if json { Terminal.write(try DumpImporter.dryRunJSON(all) + "\n") }
            if results.contains(where: { $0.error != nil }) { throw ExitCode(ExitStatus.partialFailure) }
        }
    }
}
