import Foundation

/// Writing to the standard streams without buffering surprises.
enum Terminal {
    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes text to standard output as is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Exit statuses, documented in the README: 0 all well, 1 some items failed, 2 usage/configuration/not a feed,
/// 3 another run holds the lock.
enum ExitStatus {
    static let partialFailure: Int32 = 1
    static let usageOrInput: Int32 = 2
    static let locked: Int32 = 3
}
