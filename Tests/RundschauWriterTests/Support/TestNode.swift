import Foundation
import RundschauXML

/// A tiny element tree built from `XMLStreamParser` events, for asserting on generated documents.
final class TestNode {
    let name: String
    let namespace: String?
    var attributes: [String: String] = [:]
    var children: [TestNode] = []
    var text = ""

    init(name: String, namespace: String?) {
        self.name = name
        self.namespace = namespace
    }

    /// Parses `bytes` strictly (well-formedness errors throw) and returns the document element.
    static func parse(_ bytes: [UInt8]) throws -> TestNode {
        let builder = TreeBuilder()
        _ = try XMLStreamParser.parse(bytes, handler: builder)
        guard let root = builder.root else { throw XMLError(.notWellFormed, "no document element") }
        return root
    }

    func children(_ name: String) -> [TestNode] { children.filter { $0.name == name } }
    func child(_ name: String) -> TestNode? { children.first { $0.name == name } }
    subscript(attribute: String) -> String? { attributes[attribute] }

    /// Every element below and including this one.
    var descendants: [TestNode] { [self] + children.flatMap(\.descendants) }
}

private final class TreeBuilder: XMLEventHandler {
    var root: TestNode?
    var stack: [TestNode] = []

    func startElement(localName: String, prefix: String?, namespace: String?, attributes: [XMLAttribute]) {
        let node = TestNode(name: localName, namespace: namespace)
        for attribute in attributes {
            let key = attribute.prefix.map { "\($0):\(attribute.localName)" } ?? attribute.localName
            // Without entity substitution libxml2's SAX2 hands `&amp;` in attributes over as `&#38;`.
            node.attributes[key] = attribute.value.replacingOccurrences(of: "&#38;", with: "&")
        }
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func endElement(localName: String, prefix: String?, namespace: String?) {
        _ = stack.popLast()
    }

    func characters(_ utf8: UnsafeBufferPointer<UInt8>) {
        stack.last?.text += String(decoding: utf8, as: UTF8.self)
    }
}
