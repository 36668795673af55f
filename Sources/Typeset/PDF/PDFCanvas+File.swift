import Foundation

/// A PDF/A document cannot be written without an output intent's colour profile.
public struct PDFStandardError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

extension PDFCanvas {
    /// Finishes the document and returns the PDF bytes.
    public func finish() throws -> Data {
        if metadata.standard == .pdfA3u, metadata.colorProfile == nil {
            throw PDFStandardError(message: "PDF/A-3u needs an sRGB ICC profile (PDFMetadata.colorProfile) / PDF/A ต้องมีโปรไฟล์สี sRGB")
        }
        if pages.isEmpty { beginPage(size); endPage() }
        if let what = unwritable { throw PDFWriteError(what: what) }
        writeResources(fontObjects: fonts.write(into: writer))
        var d = PDFBytes()
        d.append("<< /Type /Pages /Kids [")
        for (i, p) in pages.enumerated() { if i > 0 { d.byte(0x20) }; d.integer(p.object); d.append(" 0 R") }
        d.append("] /Count "); d.integer(pages.count); d.append(" >>")
        writer.object(pageTree, d.bytes)

        let outlineRoot = outline.isEmpty ? nil : writeOutline()
        let structure = tagging.write(into: writer, pages: pages.map(\.object))
        let info = writer.reserve()
        writer.object(info, metadata.infoDictionary())
        let xmp = writer.reserve()
        writer.rawStream(xmp, metadata.xmp(), extra: "/Type /Metadata /Subtype /XML")

        let catalog = writer.reserve()
        d = PDFBytes()
        d.append("<< /Type /Catalog /Pages "); d.integer(pageTree); d.append(" 0 R /Lang ")
        d.textString(metadata.language)
        d.append(" /Metadata "); d.integer(xmp); d.append(" 0 R /MarkInfo << /Marked true >> /StructTreeRoot ")
        d.integer(structure); d.append(" 0 R /ViewerPreferences << /DisplayDocTitle true >>")
        if let outlineRoot { d.append(" /Outlines "); d.integer(outlineRoot); d.append(" 0 R") }
        if metadata.standard == .pdfA3u, let profile = metadata.colorProfile {
            d.append(" /OutputIntents ["); d.integer(outputIntent(profile)); d.append(" 0 R]")
        }
        d.append(" >>")
        writer.object(catalog, d.bytes)
        return Data(writer.finish(root: catalog, info: info))
    }

    /// The PDF/A output intent: the sRGB profile the document's colours are meant in.
    private func outputIntent(_ profile: ColorProfile) -> Int {
        let stream = writer.reserve()
        writer.stream(stream, profile.packed, extra: "/N \(profile.components)")
        let intent = writer.reserve()
        var d = PDFBytes()
        d.append("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)")
        d.append(" /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile ")
        d.integer(stream); d.append(" 0 R >>")
        writer.object(intent, d.bytes)
        return intent
    }

    /// The bookmarks as PDF outline items: each under the nearest earlier item of a lower level.
    func writeOutline() -> Int {
        let root = writer.reserve()
        let objects = outline.map { _ in writer.reserve() }
        var parent = [Int](repeating: -1, count: outline.count)
        var stack: [Int] = []
        for (i, item) in outline.enumerated() {
            while let top = stack.last, outline[top].level >= item.level { stack.removeLast() }
            parent[i] = stack.last ?? -1
            stack.append(i)
        }
        // Each item's children in order, and its place among its siblings (found once: a search
        // per item made a document of many attachments quadratic).
        var childrenOf = [Int: [Int]]()
        var place = [Int](repeating: 0, count: outline.count)
        for i in outline.indices {
            place[i] = childrenOf[parent[i], default: []].count
            childrenOf[parent[i], default: []].append(i)
        }
        func children(_ p: Int) -> [Int] { childrenOf[p] ?? [] }
        for (i, item) in outline.enumerated() {
            let siblings = children(parent[i]), kids = children(i)
            let at = place[i]
            var d = PDFBytes()
            d.append("<< /Title "); d.textString(item.title)
            d.append(" /Parent "); d.integer(parent[i] < 0 ? root : objects[parent[i]]); d.append(" 0 R")
            if at > 0 { d.append(" /Prev "); d.integer(objects[siblings[at - 1]]); d.append(" 0 R") }
            if at + 1 < siblings.count { d.append(" /Next "); d.integer(objects[siblings[at + 1]]); d.append(" 0 R") }
            if let first = kids.first, let last = kids.last {
                d.append(" /First "); d.integer(objects[first]); d.append(" 0 R /Last "); d.integer(objects[last])
                d.append(" 0 R /Count "); d.integer(kids.count)
            }
            let page = pages[min(item.page, pages.count - 1)]
            d.append(" /Dest ["); d.integer(page.object); d.append(" 0 R /XYZ 0 "); d.number(page.size.height); d.append(" 0] >>")
            writer.object(objects[i], d.bytes)
        }
        let top = children(-1)
        var d = PDFBytes()
        d.append("<< /Type /Outlines /First "); d.integer(objects[top[0]]); d.append(" 0 R /Last ")
        d.integer(objects[top[top.count - 1]]); d.append(" 0 R /Count "); d.integer(top.count); d.append(" >>")
        writer.object(root, d.bytes)
        return root
    }
}
