// libFuzzer target for `DumpImporter.importData`. Build and run it with `Scripts/fuzz`.
//
// One file only and no `main.swift`: under `--sanitize fuzzer` SwiftPM compiles it as a library and libFuzzer
// supplies `main`; in a normal build the single file is the (empty) top-level code, so the executable links
// and exits 0 at once. Keep it one file without top-level variables.

import RundschauImport
import RundschauModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDumpTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let importer = DumpImporter()
    guard let entries = try? importer.importData(bytes, name: "fuzz/dump.txt") else { return 0 }
    // The importer's promises (see DumpRobustnessTests): items exist, each has a title, ids are distinct.
    precondition(!entries.isEmpty, "importData returned no entries without throwing")
    precondition(entries.allSatisfy { $0.title?.isEmpty == false }, "an imported item has no title")
    precondition(Set(entries.map(\.id)).count == entries.count, "two imported items share an id")
    // What `rundschau import --dry-run --json` prints must always encode.
    _ = try? DumpImporter.dryRunJSON(entries, pretty: false)
    return 0
}
