import ArgumentParser
import Foundation
import RundschauPipeline

extension Rundschau {
    /// `rundschau opml import|export`.
    struct OPML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "opml", abstract: "Import or export subscriptions as OPML 2.0.",
            subcommands: [ImportOPML.self, ExportOPML.self])
    }

    struct ImportOPML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Subscribe to every feed an OPML file lists (folders become categories).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The OPML file.")
        var file: String

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            do {
                let (listed, added) = try await Subscriptions.importOPML(at: file, store: store)
                try? await store.close()
                if global.chatty { Terminal.write("\(file): \(listed) subscriptions, \(added) new\n") }
            } catch {
                try? await store.close()
                Terminal.error("rundschau: \(error)")
                throw ExitCode(ExitStatus.usageOrInput)
            }
        }
    }

    struct ExportOPML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Print the subscriptions as OPML 2.0 (or write them to a file).")

        @OptionGroup var global: GlobalOptions

        @Option(name: [.short, .customLong("file")], help: "Write to this file instead of standard output.")
        var file: String?

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            let bytes = try await Subscriptions.exportOPML(store: store, title: "\(environment.settings.publish.title) subscriptions")
            try? await store.close()
            if let file {
                try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
            } else {
                Terminal.write(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
