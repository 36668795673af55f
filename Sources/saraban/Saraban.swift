import ArgumentParser
import Documents
import Foundation
import Signing

@main
struct Saraban: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saraban",
        abstract: "Thai government memos and their attached reports, from YAML to print-ready A4 PDF.",
        discussion: "Start with `saraban new memo.yaml`, edit it, then `saraban render memo.yaml`. The document format and the style are described in README.md and Templates/styles/memo.yaml.",
        version: DocumentRenderer.version,
        subcommands: [New.self, Render.self, Preview.self, Check.self, Inspect.self, Fonts.self, BatchCommand.self, Sign.self, Verify.self, ServeCommand.self])

    /// The subcommands that lay text out: their fonts' configuration and the Thai dictionary are
    /// read on another thread while the arguments are parsed and the document is read.
    static let layingOut: [ParsableCommand.Type] = [Render.self, Preview.self, Check.self, BatchCommand.self, ServeCommand.self, Fonts.self]

    static func main() {
        let command = CommandLine.arguments.dropFirst().first
        if let command, layingOut.contains(where: { $0.configuration.commandName == command }) {
            DocumentRenderer.startLoading()
        }
        main(nil)
    }
}

/// Shared start-up: find Templates/ and Fonts/, register fonts.
func setUp() throws -> Resources {
    // A reader that closes the pipe early, or a file size limit, is an error a write reports,
    // never a signal that ends the process with its files half done.
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
    guard let r = Resources.locate() else {
        printError("cannot find Saraban's Templates/ folder; set SARABAN_HOME / ไม่พบโฟลเดอร์ Templates ของ Saraban")
        throw ExitCode(2)
    }
    DocumentRenderer.setUp(r)
    return r
}

/// Writes a message to standard error (a closed standard error loses it, and nothing else).
func printError(_ s: String, newline: Bool = true) {
    _ = OutputFile.writeAll(STDERR_FILENO, Data((newline ? s + "\n" : s).utf8))
}

/// Loads a document, printing every problem and exiting 1 when there are any.
func load(_ path: String, _ resources: Resources) throws -> (Document, Style) {
    do {
        return try DocumentLoader(resources: resources).load(path: path)
    } catch let p as Problems {
        printError(p.description)
        throw ExitCode(1)
    }
}

/// Lays a loaded document out and writes its PDF in memory; a problem found while laying out (a
/// document past the page limit) is printed like a loading problem.
func pdf(_ doc: Document, _ style: Style, file: String) throws -> Data {
    do {
        return try DocumentRenderer().pdf(doc, style)
    } catch let p as Problems {
        printError(p.description)
        throw ExitCode(1)
    } catch {
        // No sRGB profile for PDF/A, or a value the writer refused: the message says which.
        printError("\(file): cannot make the PDF: \(error) / สร้างแฟ้ม PDF ไม่ได้")
        throw ExitCode(1)
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render a document file to PDF.")
    @Argument(help: "The document file (YAML).", completion: .file(extensions: ["yaml", "yml"])) var file: String
    @Option(name: .shortAndLong, help: "The PDF to write (- for standard output).", completion: .file(extensions: ["pdf"])) var output: String?
    @OptionGroup(title: "Signing (PAdES)") var signing: SigningOptions
    @Option(help: "pdfa-3u (PDF/A-3u and PDF/UA-1, the default) or none (PDF/UA-1 only, no sRGB profile needed).")
    var pdfStandard: String?

    func run() throws {
        let signer = try signing.setup()
        let r = try setUp()
        let out = output ?? ((file as NSString).deletingPathExtension + ".pdf")
        if out == "-", isatty(STDOUT_FILENO) == 1 {
            printError("-o -: standard output is a terminal; send it to a file or a program (saraban render \(file) -o - > memo.pdf)"
                       + " / ไม่ส่ง PDF ออกทางหน้าจอ ให้ส่งต่อไปยังแฟ้มหรือโปรแกรมอื่น")
            throw ExitCode(1)
        }
        var (doc, style) = try load(file, r)
        if let s = pdfStandard, !style.setPDFStandard(s) {
            printError("--pdf-standard must be pdfa-3u or none / --pdf-standard ต้องเป็น pdfa-3u หรือ none")
            throw ExitCode(1)
        }
        var data = try pdf(doc, style, file: file)
        do {
            if let signer { data = try DocumentRenderer().sign(data, signer, style: style) }
            if out == "-" { try OutputFile.writeStandardOutput(data) } else { try OutputFile.write(data, to: out) }
        } catch let e as OutputFileError {
            printError("\(out): cannot write the PDF: \(e.reason) / เขียนแฟ้ม PDF ไม่ได้: \(e.thai)")
            throw ExitCode(1)
        } catch let e as SigningError {
            fail(e.located(file))
        }
    }
}

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Render each page to a PNG image.")
    @Argument(help: "The document file (YAML).", completion: .file(extensions: ["yaml", "yml"])) var file: String
    @Option(name: .shortAndLong, help: "The folder to write page PNGs into.", completion: .directory) var output: String
    @Option(help: "Resolution in dots per inch.") var dpi: Double = 96

    func run() throws {
        let r = try setUp()
        guard dpi >= 10, dpi <= 1200 else { printError("--dpi must be 10–1200 / ความละเอียดต้องอยู่ระหว่าง 10–1200"); throw ExitCode(1) }
        let (doc, style) = try load(file, r)
        try checkPixels(style)
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let pages: [Data]
        do { pages = try DocumentRenderer().previews(doc, style, dpi: dpi) } catch let p as Problems {
            printError(p.description)
            throw ExitCode(1)
        }
        do {
            for (i, png) in pages.enumerated() {
                try OutputFile.write(png, to: (output as NSString).appendingPathComponent(String(format: "%@-%02d.png", base, i + 1)))
            }
        } catch let e as OutputFileError {
            printError("\(e.path): cannot write the preview: \(e.reason) / เขียนภาพตัวอย่างไม่ได้: \(e.thai)")
            throw ExitCode(1)
        }
    }

    /// A page image must fit cairo (32,767 pixels a side) and memory (150 million pixels).
    func checkPixels(_ style: Style) throws {
        let w = style.pageSize.width * dpi / 72, h = style.pageSize.height * dpi / 72
        guard max(w, h) > Double(DocumentRenderer.maxPreviewSide) || w * h > DocumentRenderer.maxPreviewPixels else { return }
        let size = String(format: "%.0f×%.0f", w, h)
        printError("--dpi \(dpi): the page would be \(size) pixels, more than a preview may have (32767 a side, 150 million in all); use a lower --dpi"
                   + " / ภาพหน้ากระดาษจะมีขนาด \(size) จุด ใหญ่เกินไป ให้ใช้ค่า --dpi ที่ต่ำลง")
        throw ExitCode(1)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate document files without writing anything (each is laid out and made into a PDF in memory); with --pdf, report what PDFs claim.")
    @Argument(help: "The document files (YAML), or with --pdf the PDF files.", completion: .file(extensions: ["yaml", "yml", "pdf"])) var files: [String]
    @Flag(help: "Report each PDF's standard claims, whether it is tagged, its language and fonts.") var pdf = false

    func run() throws {
        if pdf { try Inspect.report(files); return }
        let r = try setUp()
        var failed = false
        for f in files {
            // Whatever check accepts, render renders: the document is laid out and its PDF made in
            // memory, so a problem only layout finds (the page limit) is found here too.
            do {
                let (doc, style) = try DocumentLoader(resources: r).load(path: f)
                _ = try DocumentRenderer().pdf(doc, style)
                print("\(f): ok / ถูกต้อง")
            } catch let p as Problems {
                printError(p.description)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct Fonts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fonts", abstract: "Show which font files are used and whether they cover Thai.")
    @Option(help: "Family chain to resolve (default: the style's).") var family: String?

    func run() throws {
        let r = try setUp()
        let report = FontReport(resources: r, family: family)
        print(report.text)
        if !report.coversThai { throw ExitCode(1) }
    }
}

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Report what PDFs claim (PDF/A, PDF/UA), whether they are tagged, their language and fonts.")
    @Argument(help: "The PDF files.") var files: [String]

    func run() throws { try Inspect.report(files) }

    /// Prints each file's report; exit 1 if any file cannot be read as a PDF.
    static func report(_ files: [String]) throws {
        var failed = false
        for f in files {
            guard let data = FileManager.default.contents(atPath: f), let inspection = PDFReport.inspect(data) else {
                printError("\(f): not a readable PDF / อ่านแฟ้ม PDF ไม่ได้"); failed = true; continue
            }
            print("\(f):\n" + inspection)
        }
        if failed { throw ExitCode(1) }
    }
}
