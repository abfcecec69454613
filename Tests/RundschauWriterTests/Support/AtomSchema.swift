import RundschauXML

/// RFC 4287's Appendix B schema (Fixtures/schema/atom.rng), compiled per use.
enum AtomSchema {
    static func validator() throws -> AtomValidator {
        try AtomValidator(schema: try Fixtures.bytes("schema/atom.rng"))
    }
}
