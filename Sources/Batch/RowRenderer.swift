import Documents
import Foundation

/// Renders one row: fill the template, validate it like a single file, write the PDF and its
/// thumbnail atomically, and describe the result for the manifest. Never throws: a failing row
/// becomes a failed entry and the batch goes on (unless the disk is full: then it stops).
struct RowRenderer: @unchecked Sendable {
    let template: Template
    let resources: Resources
    let out: String
    let thumbnailDPI: Double?
    let signing: SigningSetup?

    /// A row's manifest entry, and whether writing it found the disk full.
    struct Result {
        var entry: ManifestEntry
        var diskFull = false
    }

    func entry(_ job: Job, renderer: DocumentRenderer) -> Result {
        var e = ManifestEntry(row: job.row.number, file: job.file, key: job.key, status: .failed, input: job.input)
        if !job.row.warnings.isEmpty { e.warning = job.row.warnings.joined(separator: "\n") }
        if let error = job.error {
            e.error = error
            return Result(entry: e)
        }
        let loaded: (Document, Style)
        do {
            loaded = try DocumentLoader(resources: resources).load(node: template.fill(job.row), name: template.name,
                                                                   files: template.files)
        } catch let p as Problems {
            e.error = "\(job.label): the filled template has problems / เอกสารของรายการนี้มีข้อผิดพลาด\n" + p.description
            return Result(entry: e)
        } catch {
            e.error = "\(job.label): \(error)"
            return Result(entry: e)
        }
        let (doc, style) = loaded
        var r: DocumentRenderer.Rendered
        do {
            r = try renderer.render(doc, style, thumbnailDPI: thumbnailDPI)
            if let signing { r.pdf = try renderer.sign(r.pdf, signing, style: style) }
        } catch {
            let detail = (error as? Problems)?.description ?? "\(error)"
            e.error = "\(job.label): cannot render \(job.file) / สร้างแฟ้ม \(job.file) ไม่ได้\n" + detail
            return Result(entry: e)
        }
        do {
            try OutputFile.write(r.pdf, to: out + "/" + job.file, flush: false)
            if let png = r.thumbnail {
                let name = FileName.thumbnail(for: job.file)
                try OutputFile.write(png, to: out + "/" + name, flush: false)
                e.thumbnail = name
            }
        } catch {
            let w = error as? OutputFileError
            e.error = "\(job.label): cannot write \(w?.path ?? job.file): \(w?.reason ?? "\(error)") / เขียนแฟ้ม \(job.file) ไม่ได้: \(w?.thai ?? "")"
            return Result(entry: e, diskFull: w?.diskFull ?? false)
        }
        e.status = .ok
        e.pages = r.pageCount
        e.bytes = r.pdf.count
        e.sha256 = SHA256.hex(r.pdf)
        e.title = doc.memo.subject
        e.unit = doc.memo.agency
        e.date = doc.printedDate(style)
        return Result(entry: e)
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
