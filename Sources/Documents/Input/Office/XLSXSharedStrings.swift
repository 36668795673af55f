import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/sharedStrings.xml`: every `<si>` as runs, in order (cells refer to them by index).
final class XLSXSharedStrings: NSObject, XMLParserDelegate {
    private(set) var strings: [XLSXRuns] = []
    private var current: XLSXRuns?

    static func read(_ data: Data, part: String, file: String) throws -> [XLSXRuns] {
        let reader = XLSXSharedStrings()
        try OfficeXML.parse(data, part: part, file: file, kind: .xlsx, delegate: reader)
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == "si" { current = XLSXRuns(); return }
        current?.start(name, OfficeXML.localAttributes(attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "si", let c = current { strings.append(c); current = nil; return }
        current?.end(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current?.characters(string) }
}
