import Documents
import Foundation

/// One row rendered and not yet written anywhere: its manifest entry, its PDF and its page-1
/// thumbnail (nil when the row failed). A folder batch writes the files; the service streams them.
public struct RenderedRow: Sendable {
    public var entry: ManifestEntry
    public var pdf: Data?
    public var thumbnail: Data?
}

/// Renders one row: fill the template, validate it like a single file, write the PDF and its
/// thumbnail atomically, and describe the result for the manifest. Never throws: a failing row
/// becomes a failed entry and the batch goes on.
struct RowRenderer: @unchecked Sendable {
    let template: Template
    let resources: Resources
    let out: String
    let thumbnailDPI: Double?

    func entry(_ job: Job, renderer: DocumentRenderer) -> ManifestEntry {
        let made = make(job, renderer: renderer)
        guard let pdf = made.pdf else { return made.entry }
        do {
            try OutputFile.write(pdf, to: out + "/" + job.file, flush: false)
            if let png = made.thumbnail, let name = made.entry.thumbnail {
                try OutputFile.write(png, to: out + "/" + name, flush: false)
            }
            return made.entry
        } catch {
            var e = RowRenderer.failed(job)
            e.error = RowRenderer.renderError(job, error)
            return e
        }
    }

    /// The row's PDF, thumbnail and entry, in memory.
    func make(_ job: Job, renderer: DocumentRenderer) -> RenderedRow {
        var e = RowRenderer.failed(job)
        if let error = job.error { e.error = error; return RenderedRow(entry: e) }
        let loaded: (Document, Style)
        do {
            loaded = try DocumentLoader(resources: resources).load(node: template.fill(job.row), name: template.name,
                                                                   files: template.files)
        } catch let p as Problems {
            e.error = "\(job.label): the filled template has problems / เอกสารของรายการนี้มีข้อผิดพลาด\n" + p.description
            return RenderedRow(entry: e)
        } catch {
            e.error = "\(job.label): \(error)"; return RenderedRow(entry: e)
        }
        let (doc, style) = loaded
        do {
            let r = try renderer.render(doc, style, thumbnailDPI: thumbnailDPI)
            if r.thumbnail != nil { e.thumbnail = FileName.thumbnail(for: job.file) }
            e.status = .ok
            e.pages = r.pageCount
            e.bytes = r.pdf.count
            e.sha256 = SHA256.hex(r.pdf)
            e.title = doc.memo.subject
            e.unit = doc.memo.agency
            e.date = doc.printedDate(style)
            return RenderedRow(entry: e, pdf: r.pdf, thumbnail: r.thumbnail)
        } catch {
            e.error = RowRenderer.renderError(job, error)
            return RenderedRow(entry: e)
        }
    }

    static func failed(_ job: Job) -> ManifestEntry {
        ManifestEntry(row: job.row.number, file: job.file, key: job.key, status: .failed, input: job.input)
    }

    static func renderError(_ job: Job, _ error: Error) -> String {
        "\(job.label): cannot render or write \(job.file): \(error) / สร้างหรือเขียนแฟ้ม \(job.file) ไม่ได้"
    }
}

/// The output folder: made writable before any work, swept of temporary files a killed run
/// left, and read for what an earlier run finished.
enum OutputFolder {
    static func prepare(_ dir: String) throws {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: dir + "/thumbnails", withIntermediateDirectories: true) } catch {
            throw BatchError("\(dir): cannot create the output folder: \(error.localizedDescription)",
                             "สร้างโฟลเดอร์ผลลัพธ์ \(dir) ไม่ได้")
        }
        guard fm.isWritableFile(atPath: dir), fm.isWritableFile(atPath: dir + "/thumbnails") else {
            throw BatchError("\(dir): the output folder is not writable", "เขียนแฟ้มลงในโฟลเดอร์ \(dir) ไม่ได้")
        }
        for sub in [dir, dir + "/thumbnails"] {
            for f in (try? fm.contentsOfDirectory(atPath: sub)) ?? [] where f.hasPrefix(".") && f.hasSuffix(".tmp") {
                try? fm.removeItem(atPath: sub + "/" + f)
            }
        }
    }

    /// The last manifest, overlaid with the journal of a run that did not finish.
    static func previousEntries(_ dir: String) -> [String: ManifestEntry] {
        var byFile = [String: ManifestEntry]()
        let journal = Journal.read(dir: dir)
        // The journal holds the last finished run and anything since; the manifest is only read
        // when the journal is gone (it costs a whole-file decode).
        if journal.isEmpty { for e in Manifest.read(dir: dir)?.documents ?? [] { byFile[e.file] = e } }
        for e in journal { byFile[e.file] = e }
        return byFile
    }

    /// Same inputs, finished, and the files still there at the recorded size.
    static func upToDate(_ e: ManifestEntry, input: String, dir: String) -> Bool {
        guard e.status == .ok, e.input == input, let bytes = e.bytes else { return false }
        let a = try? FileManager.default.attributesOfItem(atPath: dir + "/" + e.file)
        guard (a?[.size] as? NSNumber)?.intValue == bytes else { return false }
        return e.thumbnail.map { FileManager.default.fileExists(atPath: dir + "/" + $0) } ?? true
    }
}
