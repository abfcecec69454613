import ArgumentParser
import RundschauText

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

    /// Sets up the process, then parses and runs the command as `AsyncParsableCommand.main()` does.
    static func main() async {
        do {
            var command = try parseAsRoot()
            // The batch commands read on one thread and compute on others: one malloc arena keeps their resident
            // memory near what they really use (see `ProcessMemory`). The server keeps glibc's arenas for its
            // concurrent requests.
            if !(command is Serve) { ProcessMemory.limitArenas(to: 1) }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
