import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XML parts of Office files read with Foundation's XMLParser (libxml2 on Linux): names without
/// their namespace prefix, no DTD, no entities, no network.
enum OfficeXML {
    /// An element with its attributes (keys without prefix) and children; text runs are children
    /// named `#text`, so mixed content keeps its order.
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

        /// The first child element with that local name.
        func child(_ name: String) -> Element? { children.first { $0.name == name } }
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
        subscript(_ key: String) -> String? { attributes[key] }
        /// The element's text: its own text runs and its descendants', in order.
        var allText: String { name == "#text" ? text : children.map(\.allText).joined() }
    }

    /// Parses a part into an element tree.
    static func tree(_ data: Data, part: String, file: String, kind: OfficeKind) throws -> Element {
        let builder = TreeBuilder()
        try parse(data, part: part, file: file, kind: kind, delegate: builder)
        guard let root = builder.root else { throw SourceFailure.notOffice(file, kind, "\(part) is empty") }
        return root
    }

    /// Runs the parser over a part with `delegate`; a DTD (the way into entity expansion) is refused.
    static func parse(_ data: Data, part: String, file: String, kind: OfficeKind, delegate: XMLParserDelegate) throws {
        // Office never writes a DTD; one in a part can only be there to expand entities.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw SourceFailure.notOffice(file, kind, "\(part) declares a DTD")
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() {
            if let failure = (delegate as? FailingDelegate)?.failure { throw failure }
            let line = parser.lineNumber
            throw SourceFailure.notOffice(file, kind, "\(part) is not well-formed XML at line \(line)")
        }
    }

    /// The local name of an attribute key (`w:val` → `val`).
    static func local(_ key: String) -> String {
        guard let colon = key.lastIndex(of: ":") else { return key }
        return String(key[key.index(after: colon)...])
    }

    /// Attributes with their keys' prefixes dropped.
    static func localAttributes(_ a: [String: String]) -> [String: String] {
        guard a.keys.contains(where: { $0.contains(":") }) else { return a }
        var out = [String: String]()
        for (k, v) in a { out[local(k)] = v }
        return out
    }
}

/// A delegate that may stop the parse with its own failure (a limit, a bad cell).
protocol FailingDelegate: AnyObject {
    var failure: SourceFailure? { get }
}

/// Builds an `OfficeXML.Element` tree from parser events.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: OfficeXML.Element?
    var stack: [OfficeXML.Element] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        let e = OfficeXML.Element(name: name, attributes: OfficeXML.localAttributes(attributes))
        if let parent = stack.last { parent.children.append(e) } else { root = e }
        stack.append(e)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let parent = stack.last else { return }
        if let last = parent.children.last, last.name == "#text" { last.text += string; return }
        let t = OfficeXML.Element(name: "#text", attributes: [:])
        t.text = string
        parent.children.append(t)
    }
}
