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
        subcommands: [New.self, Render.self, Preview.self, Check.self, Fonts.self, BatchCommand.self, Sign.self, Verify.self])
}

/// Shared start-up: find Templates/ and Fonts/, register fonts.
func setUp() throws -> Resources {
    guard let r = Resources.locate() else {
        printError("cannot find Saraban's Templates/ folder; set SARABAN_HOME / ไม่พบโฟลเดอร์ Templates ของ Saraban")
        throw ExitCode(2)
    }
    DocumentRenderer.setUp(r)
    return r
}

func printError(_ s: String) {
    FileHandle.standardError.write((s + "\n").data(using: .utf8)!)
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

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render a document file to PDF.")
    @Argument(help: "The document file (YAML).", completion: .file(extensions: ["yaml", "yml"])) var file: String
    @Option(name: .shortAndLong, help: "The PDF to write.", completion: .file(extensions: ["pdf"])) var output: String?
    @OptionGroup(title: "Signing (PAdES)") var signing: SigningOptions

    func run() throws {
        let signer = try signing.setup()
        let r = try setUp()
        let (doc, style) = try load(file, r)
        let out = output ?? ((file as NSString).deletingPathExtension + ".pdf")
        do {
            let renderer = DocumentRenderer()
            var data = try renderer.pdf(doc, style)
            if let signer { data = try renderer.sign(data, signer, style: style) }
            try OutputFile.write(data, to: out)
        } catch let e as SigningError {
            fail(e.located(file))
        } catch {
            printError("\(out): cannot write the PDF: \(error) / เขียนแฟ้ม PDF ไม่ได้")
            throw ExitCode(1)
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
        let (doc, style) = try load(file, r)
        guard dpi >= 10, dpi <= 1200 else { printError("--dpi must be 10–1200 / ความละเอียดต้องอยู่ระหว่าง 10–1200"); throw ExitCode(1) }
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            let pages = try DocumentRenderer().previews(doc, style, dpi: dpi)
            for (i, png) in pages.enumerated() {
                try OutputFile.write(png, to: (output as NSString).appendingPathComponent(String(format: "%@-%02d.png", base, i + 1)))
            }
        } catch {
            printError("\(output): cannot write the previews: \(error) / เขียนภาพตัวอย่างไม่ได้")
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a document file without rendering it.")
    @Argument(help: "The document files (YAML).", completion: .file(extensions: ["yaml", "yml"])) var files: [String]

    func run() throws {
        let r = try setUp()
        var failed = false
        for f in files {
            do { _ = try DocumentLoader(resources: r).load(path: f); print("\(f): ok / ถูกต้อง") } catch let p as Problems {
                printError(p.description); failed = true
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
