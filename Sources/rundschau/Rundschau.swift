import ArgumentParser
@main struct Rundschau: AsyncParsableCommand {}
