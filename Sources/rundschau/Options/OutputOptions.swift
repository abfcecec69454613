import ArgumentParser

/// `--output` for the commands that write or serve the generated feeds.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder for the generated feeds (env RUNDSCHAU_OUTPUT; default Feeds/).", valueName: "dir"))
    var output: String?
}
