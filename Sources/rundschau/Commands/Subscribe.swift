import ArgumentParser
import Foundation
import Logging
import RundschauFetch
import RundschauPipeline

extension Rundschau {
    /// `rundschau subscribe`: add a feed, finding it from a web page if need be.
    struct Subscribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subscribe",
            abstract: "Subscribe to a feed URL, a web page that advertises one, a file:// URL or a local path.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Feed or page URL, file:// URL, or path.", valueName: "url"))
        var url: String

        @Option(help: "Title to show instead of the feed's own.")
        var title: String?

        @Option(help: "Folder (OPML category) to file it under.")
        var folder: String?

        @Flag(name: .customLong("no-check"), help: "Store the URL as given, without fetching it first.")
        var noCheck = false

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            let check = !noCheck
            let configuration = FetchStep(settings: environment.settings, logger: global.logger("rundschau.subscribe"))
                .fetcherConfiguration
            let outcome = try await FeedFetcher.withFetcher(configuration: configuration, logger: global.logger("rundschau.subscribe")) { fetcher in
                try await Subscriptions.subscribe(url, title: title, folder: folder, check: check, store: store, fetcher: fetcher)
            }
            try? await store.close()
            switch outcome {
            case .subscribed(let feed, let alternatives):
                Terminal.write("subscribed: \(feed.url)\n")
                for other in alternatives { Terminal.write("  the page also advertises \(other)\n") }
            case .failed(let reason):
                Terminal.error("rundschau: cannot subscribe: \(reason)")
                throw ExitCode(ExitStatus.partialFailure)
            }
        }
    }

    /// `rundschau unsubscribe`: remove a feed and its articles.
    struct Unsubscribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unsubscribe", abstract: "Remove a subscription and the articles stored from it.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The subscription's URL, as `rundschau feeds` lists it.", valueName: "url"))
        var url: String

        func run() async throws {
            let environment = try global.environment()
            let store = try await global.openStore(environment)
            defer { Task { try? await store.close() } }
            guard let feed = try await store.feed(url: url) else {
                Terminal.error("rundschau: not subscribed: \(url)")
                throw ExitCode(ExitStatus.partialFailure)
            }
            _ = try await store.removeFeed(feed.id)
            if global.chatty { Terminal.write("unsubscribed: \(url)\n") }
        }
    }
}
