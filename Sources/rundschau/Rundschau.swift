import ArgumentParser

/// The `rundschau` command: a thin front end over the library modules.
@main
struct Rundschau: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rundschau",
        abstract: "Aggregate feeds and text dumps, deduplicate and cluster stories, publish per-topic Atom feeds.",
        version: "0.1.0",
        subcommands: [Run.self, Fetch.self, Subscribe.self, Unsubscribe.self, Feeds.self, OPML.self, Import.self, Parse.self,
                      Cluster.self, Stories.self, Publish.self, Prune.self, Serve.self, Status.self],
        defaultSubcommand: nil)
}
