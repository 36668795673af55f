import Foundation
import ZIPFoundation

/// An Office file's zip container read from its bytes, with limits: no part may expand past
/// `partLimit` bytes, nor all parts read together past `totalLimit`, whatever the zip declares
/// (a zip bomb declares small sizes or large ones alike; the bytes are counted as they come).
final class OfficePackage {
    /// Bytes one part may expand to: a 100,000-row sheet is about 20 MB of XML.
    static let partLimit = 64 << 20
    static let totalLimit = 192 << 20
    static let entryLimit = 10_000

    let name: String
    let kind: OfficeKind
    private let archive: Archive
    /// Entries by lower-cased path (part names are case-insensitive).
    private var entries: [String: Entry] = [:]
    private var expanded = 0

    init(data: Data, name: String, kind: OfficeKind) throws {
        self.name = name; self.kind = kind
        try OfficePackage.checkSignature(data, name: name, kind: kind)
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw SourceFailure.notOffice(name, kind, "its zip directory cannot be read")
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > OfficePackage.entryLimit { throw SourceFailure.notOffice(name, kind, "it holds more than \(OfficePackage.entryLimit) parts") }
            entries[entry.path.lowercased()] = entry
        }
        if entries.isEmpty { throw SourceFailure.notOffice(name, kind, "the zip is empty") }
    }

    /// A zip starts with `PK`; an OLE compound file (D0 CF 11 E0) is an encrypted Office file or a
    /// 97–2003 one; anything else is not an Office file at all.
    static func checkSignature(_ data: Data, name: String, kind: OfficeKind) throws {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            let encrypted = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if data.range(of: encrypted) != nil { throw passwordProtected(name) }
            let old = kind == .docx ? "Word 97–2003 (.doc)" : "Excel 97–2003 (.xls)"
            throw SourceFailure("'\(name)' is an old \(old) file; open it in \(kind.program) and save it as \(kind.ext)",
                                "แฟ้ม '\(name)' เป็นแฟ้มรุ่นเก่า \(old) ให้เปิดด้วย \(kind.program) แล้วบันทึกเป็น \(kind.ext)")
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            throw SourceFailure.notOffice(name, kind, data.isEmpty ? "it is empty" : "it is not a zip file")
        }
    }

    static func passwordProtected(_ name: String) -> SourceFailure {
        SourceFailure("'\(name)' is password-protected (encrypted); open it, then save it without a password",
                      "แฟ้ม '\(name)' ถูกตั้งรหัสผ่านไว้ ให้เปิดแฟ้มแล้วบันทึกใหม่โดยไม่ตั้งรหัสผ่าน")
    }

    func has(_ path: String) -> Bool { entries[normal(path)] != nil }

    /// A part's bytes, nil when the package has no such part.
    func part(_ path: String) throws -> Data? {
        guard let entry = entries[normal(path)] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        if declared > OfficePackage.partLimit || expanded + declared > OfficePackage.totalLimit { throw tooLarge(path) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > OfficePackage.partLimit || self.expanded + data.count > OfficePackage.totalLimit { throw Overflow() }
            }
        } catch is Overflow {
            throw tooLarge(path)
        } catch {
            throw SourceFailure.notOffice(name, kind, "its part \(path) is damaged")
        }
        expanded += data.count
        return data
    }

    /// A part that must be there.
    func required(_ path: String) throws -> Data {
        guard let d = try part(path) else { throw SourceFailure.notOffice(name, kind, "it has no \(path)") }
        return d
    }

    func tree(_ path: String) throws -> OfficeXML.Element? {
        guard let d = try part(path) else { return nil }
        return try OfficeXML.tree(d, part: path, file: name, kind: kind)
    }

    private struct Overflow: Error {}

    private func tooLarge(_ path: String) -> SourceFailure {
        let mb = OfficePackage.partLimit >> 20
        return SourceFailure("'\(name)': its part \(path) expands past \(mb) MB (a zip bomb, or a file far larger than a table needs)",
                             "แฟ้ม '\(name)' ขยายออกแล้วใหญ่เกิน \(mb) MB (อาจเป็นแฟ้มอันตราย หรือใหญ่เกินกว่าตารางจะใช้) ให้แยกตารางไปไว้ในแฟ้มที่เล็กลง")
    }

    private func normal(_ path: String) -> String {
        (path.hasPrefix("/") ? String(path.dropFirst()) : path).lowercased()
    }
}

/// Relationships of an OOXML part (`_rels/….rels`): where its sheets, strings and styles are.
struct Relationship {
    var id: String, type: String, target: String

    /// The relationships of `part` ("" for the package's own), with targets resolved to part paths.
    static func of(_ part: String, in package: OfficePackage) throws -> [Relationship] {
        let dir = (part as NSString).deletingLastPathComponent
        let file = (part as NSString).lastPathComponent
        let relsPath = (dir.isEmpty ? "" : dir + "/") + "_rels/" + file + ".rels"
        guard let root = try package.tree(relsPath) else { return [] }
        return root.all("Relationship").compactMap { r in
            guard let id = r["Id"], let type = r["Type"], let target = r["Target"], r["TargetMode"] != "External" else { return nil }
            return Relationship(id: id, type: type, target: resolve(target, from: dir))
        }
    }

    /// A target relative to the part's folder (or absolute from the package root), `..` folded.
    static func resolve(_ target: String, from dir: String) -> String {
        var parts = target.hasPrefix("/") ? [] : dir.split(separator: "/").map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// Whether the type ends with `/kind` (transitional and strict OOXML differ only in the prefix).
    func isType(_ kind: String) -> Bool { type.hasSuffix("/" + kind) }
}
