import Documents
import Foundation

/// One row rendered and not yet written anywhere: its manifest entry, its PDF and its page-1
/// thumbnail (nil when the row failed). A folder batch writes the files; the service streams them.
public struct RenderedRow: Sendable {
    public var entry: ManifestEntry
    public var pdf: Data?
    public var thumbnail: Data?
}

/// Renders one row: fill the template, validate it like a single file, render (and sign) it, and
/// describe the result for the manifest. Never throws: a failing row becomes a failed entry and
/// the batch goes on (unless writing finds the disk full: then it stops).
struct RowRenderer: @unchecked Sendable {
    let template: Template
    let resources: Resources
    let out: String
    let thumbnailDPI: Double?
    var signing: SigningSetup? = nil
    /// The PDF standard every unit is made to (nil: the style's); checked by the command.
    var pdfStandard: String? = nil

    /// A row's manifest entry, and whether writing it found the disk full.
    struct Result {
        var entry: ManifestEntry
        var diskFull = false
    }

    /// Renders the row and writes its PDF and thumbnail into the output folder, each whole or not at all.
    func entry(_ job: Job, row: DataRow, renderer: DocumentRenderer) -> Result {
        var made = make(job, row: row, renderer: renderer)
        guard let pdf = made.pdf else { return Result(entry: made.entry) }
        do {
            try OutputFile.write(pdf, to: out + "/" + job.file, flush: false)
            if let png = made.thumbnail, let name = made.entry.thumbnail {
                try OutputFile.write(png, to: out + "/" + name, flush: false)
            }
            return Result(entry: made.entry)
        } catch {
            let w = error as? OutputFileError
            made.entry.status = .failed
            made.entry.thumbnail = nil
            made.entry.error = "\(job.label): cannot write \(w?.path ?? job.file): \(w?.reason ?? "\(error)") / เขียนแฟ้ม \(job.file) ไม่ได้: \(w?.thai ?? "")"
            return Result(entry: made.entry, diskFull: w?.diskFull ?? false)
        }
    }

    /// The row's PDF, thumbnail and entry, in memory.
    func make(_ job: Job, row: DataRow, renderer: DocumentRenderer) -> RenderedRow {
        var e = RowRenderer.failed(job)
        if !job.warnings.isEmpty { e.warning = job.warnings.joined(separator: "\n") }
        if let error = job.error {
            e.error = error
            return RenderedRow(entry: e)
        }
        let loaded: (Document, Style)
        do {
            loaded = try DocumentLoader(resources: resources).load(node: template.fill(row), name: template.name,
                                                                   files: template.files)
        } catch let p as Problems {
            e.error = "\(job.label): the filled template has problems / เอกสารของรายการนี้มีข้อผิดพลาด\n" + p.description
            return RenderedRow(entry: e)
        } catch {
            e.error = "\(job.label): \(error)"
            return RenderedRow(entry: e)
        }
        let doc = loaded.0
        var style = loaded.1
        if let pdfStandard { _ = style.setPDFStandard(pdfStandard) }
        var r: DocumentRenderer.Rendered
        do {
            r = try renderer.render(doc, style, thumbnailDPI: thumbnailDPI)
            if let signing { r.pdf = try renderer.sign(r.pdf, signing, style: style) }
        } catch {
            let detail = (error as? Problems)?.description ?? "\(error)"
            e.error = "\(job.label): cannot render \(job.file) / สร้างแฟ้ม \(job.file) ไม่ได้\n" + detail
            return RenderedRow(entry: e)
        }
        if r.thumbnail != nil { e.thumbnail = FileName.thumbnail(for: job.file) }
        e.status = .ok
        e.pages = r.pageCount
        e.bytes = r.pdf.count
        e.sha256 = SHA256.hex(r.pdf)
        e.title = doc.memo.subject
        e.unit = doc.memo.agency
        e.date = doc.printedDate(style)
        return RenderedRow(entry: e, pdf: r.pdf, thumbnail: r.thumbnail)
    }

    /// The entry of a row that has not (yet) succeeded.
    static func failed(_ job: Job) -> ManifestEntry {
        ManifestEntry(row: job.number, file: job.file, key: job.key, status: .failed, input: job.input)
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
    static func previousRun(_ dir: String) -> PreviousRun { PreviousRun(dir: dir) }

    /// Same inputs, finished, and the files still there at the recorded size.
    static func upToDate(_ e: PreviousRun.Entry, input: String, dir: String) -> Bool {
        guard e.ok, e.input == input, let bytes = e.bytes else { return false }
        let a = try? FileManager.default.attributesOfItem(atPath: dir + "/" + e.file)
        guard (a?[.size] as? NSNumber)?.intValue == bytes else { return false }
        return e.thumbnail.map { FileManager.default.fileExists(atPath: dir + "/" + $0) } ?? true
    }
}
