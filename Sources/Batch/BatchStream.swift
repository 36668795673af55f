import Documents
import Foundation

/// A batch made for a caller instead of into a folder (the service's /v1/batch): the same plan,
/// rows, manifest and index page as `saraban batch`, each row handed over as it is rendered so
/// the caller can send it on and forget it. Rows may be rendered on any threads, in any order.
public final class BatchStream: @unchecked Sendable {
    let jobs: [Job]
    let rows: RowRenderer
    let templateName: String
    let dataName: String
    /// The rows read again in order for rendering, one at a time (by `next`).
    private let reader: RowReader
    private var handed = 0
    private let lock = NSLock()

    /// Plans the rows of `data` for `template` (reading them once); throws `BatchError` for what
    /// stops the whole batch (columns the data lacks, a file that cannot be read).
    public init(template: Template, data: DataSource, resources: Resources,
                keyColumns: [String] = [], thumbnailDPI: Double? = 16) throws {
        let base = BatchPlan.baseHash(template: template, resources: resources, thumbnailDPI: thumbnailDPI)
        jobs = try BatchPlan.jobs(data: data, template: template, keyColumns: keyColumns, base: base)
        reader = try data.rows()
        rows = RowRenderer(template: template, resources: resources, out: "", thumbnailDPI: thumbnailDPI)
        templateName = template.name
        dataName = data.name
    }

    /// How many documents the batch makes.
    public var count: Int { jobs.count }

    /// A row read and planned, not yet rendered.
    public struct Row: Sendable {
        public let index: Int
        let job: Job
        let data: DataRow
    }

    /// The next row in data order (0, 1, 2 …), read from the data; nil after the last.
    public func next() throws -> Row? {
        try lock.withLock {
            guard handed < jobs.count, let data = try reader.next() else { return nil }
            handed += 1
            return Row(index: handed - 1, job: jobs[handed - 1], data: data)
        }
    }

    /// A row rendered with the calling thread's renderer.
    public func render(_ row: Row, renderer: DocumentRenderer) -> RenderedRow {
        rows.make(row.job, row: row.data, renderer: renderer)
    }

    /// A row that could not be rendered for a reason of the caller's (a timeout), as the manifest records it.
    public func failedRow(_ i: Int, error: String) -> RenderedRow {
        var e = RowRenderer.failed(jobs[i])
        e.error = "\(jobs[i].label): \(error)"
        return RenderedRow(entry: e)
    }

    /// manifest.json for the finished entries, in row order: the JSON `saraban batch` writes.
    public func manifest(_ entries: [ManifestEntry]) throws -> Data {
        var out = Data()
        try Manifest.json(saraban: DocumentRenderer.version, template: templateName, data: dataName,
                          entries: EntryStream(entries)) { out.append(contentsOf: $0.utf8) }
        return out
    }

    /// index.html for the finished entries, with the page-1 thumbnails.
    public func indexPage(_ entries: [ManifestEntry]) -> Data {
        var out = Data()
        IndexPage(entries: EntryStream(entries)).html { out.append(contentsOf: $0.utf8) }
        return out
    }
}
