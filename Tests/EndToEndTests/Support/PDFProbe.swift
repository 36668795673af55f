import Foundation
@testable import Documents
import Typeset

/// A word poppler found in a PDF, with its box in points (origin top-left).
struct PDFWord: CustomStringConvertible {
    let text: String
    let xMin, yMin, xMax, yMax: Double
    var description: String { "\(text)@(\(Int(xMin)),\(Int(yMin)))-(\(Int(xMax)),\(Int(yMax)))" }
}

/// One page as poppler reads it back: size and words in reading order.
struct PDFPage {
    let width, height: Double
    let words: [PDFWord]
    /// The page's text with poppler's spaces, words joined in order.
    var text: String { words.map(\.text).joined(separator: " ") }
}

/// Runs a command and returns its standard output, standard error and exit code.
@discardableResult
func run(_ exe: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) -> (out: String, err: String, code: Int32) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    var e = ProcessInfo.processInfo.environment
    for (k, v) in env { e[k] = v }
    p.environment = e
    let o = Pipe(), r = Pipe()
    p.standardOutput = o; p.standardError = r
    try! p.run()
    let od = o.fileHandleForReading.readDataToEndOfFile()
    let rd = r.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (String(decoding: od, as: UTF8.self), String(decoding: rd, as: UTF8.self), p.terminationStatus)
}

enum Probe {
    /// The repository root (for Templates/ and the built executable).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var saraban: String { root + "/.build/debug/saraban" }
    static let resources = Resources(root: root)
    static let setUpOnce: Void = { DocumentRenderer.setUp(resources) }()

    /// Whether the fonts `make test` builds into .build/test-fonts (Google's Sarabun, a Laksaman
    /// without layout tables) are there; they are made known to fontconfig the first time.
    static let hasTestFonts: Bool = {
        let dir = root + "/.build/test-fonts"
        _ = FontSystem.registerFontDirectory(dir)
        return FileManager.default.fileExists(atPath: dir + "/Sarabun-Regular.ttf")
    }()

    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "saraban-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// Renders a document file in-process and returns the PDF's path.
    static func render(path: String) throws -> String {
        _ = setUpOnce
        let (doc, style) = try DocumentLoader(resources: resources).load(path: path)
        let data = try DocumentRenderer().pdf(doc, style)
        let out = tempDir() + "/out.pdf"
        try data.write(to: URL(fileURLWithPath: out))
        return out
    }

    /// Renders YAML text written to a temporary file (extra files may sit beside it).
    static func render(yaml: String, files: [String: Data] = [:]) throws -> String {
        let dir = tempDir()
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: dir + "/" + name)) }
        let path = dir + "/doc.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try render(path: path)
    }

    /// Every page's words with their boxes (pdftotext -bbox).
    static func pages(_ pdf: String) -> [PDFPage] {
        let (html, _, _) = run("/usr/bin/pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"])
        var pages = [PDFPage]()
        var words = [PDFWord]()
        var size = (0.0, 0.0)
        for line in html.split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("<page ") {
                words = []
                size = (attr(l, "width"), attr(l, "height"))
            } else if l.hasPrefix("<word ") {
                let text = l.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "</word").first ?? ""
                words.append(PDFWord(text: unescape(text), xMin: attr(l, "xMin"), yMin: attr(l, "yMin"),
                                     xMax: attr(l, "xMax"), yMax: attr(l, "yMax")))
            } else if l.hasPrefix("</page>") {
                pages.append(PDFPage(width: size.0, height: size.1, words: words))
            }
        }
        return pages
    }

    /// Plain text of the whole PDF (pdftotext, reading order).
    static func text(_ pdf: String) -> String {
        run("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]).out
    }

    static func attr(_ s: String, _ name: String) -> Double {
        guard let r = s.range(of: name + "=\"") else { return 0 }
        let rest = s[r.upperBound...]
        return Double(rest.prefix { $0 != "\"" }) ?? 0
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Text with all white space removed: Thai line breaks add no space, so compare without it.
    static func squeeze(_ s: String) -> String { String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }

    static let cm = 72 / 2.54
}
