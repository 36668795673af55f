import Foundation
import Testing

/// The command line for a newcomer: `saraban new`, shell completions, the man page and `make install`.
@Suite struct CLITests {
    /// Keys of the document contract the starting documents explain (the memo alone, then with the attachment).
    static let memoKeys = ["memo", "agency", "phone", "ref", "date", "subject", "to", "references", "enclosures", "body",
                           "heading", "paragraph", "list", "closing", "signature", "name", "position", "image", "comments",
                           "title", "lines", "style", "digits", "font", "emblem", "keep_together", "not_names", "name_titles"]
    static let attachmentKeys = ["attachments", "orientation", "content", "table", "columns", "width", "rows", "group",
                                 "text", "rowspan", "colspan", "source", "chart", "kind", "data", "max"]

    /// `saraban new` writes a document whose every key has a Thai and English comment, and which renders as written.
    @Test(arguments: [false, true]) func newWritesACommentedDocumentThatRenders(withTable: Bool) throws {
        let dir = Probe.tempDir()
        let file = dir + "/memo.yaml"
        let made = run(Probe.saraban, ["new", file] + (withTable ? ["--with-table"] : []))
        #expect(made.code == 0, "\(made.err)")
        #expect(made.out.contains("saraban render \(file)"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let keys = Self.memoKeys + (withTable ? Self.attachmentKeys : [])
        let missing = keys.filter { !explained($0, in: text) }
        #expect(missing.isEmpty, "keys without a Thai and English comment: \(missing)")
        #expect(undocumented(text).isEmpty, "key lines with no comment above: \(undocumented(text))")
        let rendered = run(Probe.saraban, ["render", file, "-o", dir + "/memo.pdf"])
        #expect(rendered.code == 0, "\(rendered.err)")
        let pages = Probe.pages(dir + "/memo.pdf")
        #expect(pages.count >= (withTable ? 3 : 1))
        #expect(Probe.squeeze(pages.map(\.text).joined()).contains("ขออนุมัติจัดซื้อวัสดุสำนักงาน"))
        if withTable { #expect(pages.last.map { Probe.squeeze($0.text).contains("หมึกเครื่องพิมพ์สีดำ") } == true) }
        // An existing file is kept unless --force.
        let again = run(Probe.saraban, ["new", file])
        #expect(again.code == 1 && again.err.contains("--force"), "\(again.err)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
        #expect(run(Probe.saraban, ["new", file, "--force"]).code == 0)
    }

    /// A key is explained when a comment line with Thai and English letters stands right above
    /// its first use (or, for keys written inside `{ … }`, mentions it).
    func explained(_ key: String, in text: String) -> Bool {
        let lines = text.components(separatedBy: "\n")
        let pattern = try! NSRegularExpression(pattern: "^\\s*(#\\s*)?(- )?\(key):(\\s|$)")
        for (i, line) in lines.enumerated() where pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
            return i > 0 && isBilingualComment(lines[i - 1])
        }
        return lines.contains { isBilingualComment($0) && $0.contains(key) } && text.contains("\(key):")
    }

    /// Lines that set a key (or show one commented out) with no comment line above them,
    /// except keys repeated in a list after their first, explained use.
    func undocumented(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        let pattern = try! NSRegularExpression(pattern: "^\\s*(#\\s*)?(- )?([a-z_]+):(\\s|$)")
        var seen = Set<String>()
        var out = [String]()
        for (i, line) in lines.enumerated() {
            guard let m = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                  let r = Range(m.range(at: 3), in: line) else { continue }
            let key = String(line[r])
            if !seen.contains(key), !(i > 0 && isBilingualComment(lines[i - 1])) { out.append(line) }
            seen.insert(key)
        }
        return out
    }

    func isBilingualComment(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("#") else { return false }
        let thai = t.unicodeScalars.contains { (0x0E01...0x0E5B).contains($0.value) }
        let english = t.unicodeScalars.filter { ("a"..."z").contains($0) }.count >= 3
        return thai && english
    }

    /// The bash completion script completes subcommands and a subcommand's flags; zsh and fish scripts are produced.
    @Test func completionScriptsAreProduced() throws {
        let dir = Probe.tempDir()
        let bash = run(Probe.saraban, ["--generate-completion-script", "bash"])
        #expect(bash.code == 0 && bash.out.contains("complete -o filenames -F _saraban saraban"))
        try bash.out.write(toFile: dir + "/saraban.bash", atomically: true, encoding: .utf8)
        func complete(_ words: [String]) -> String {
            let line = words.joined(separator: " ")
            let script = """
            source \(dir)/saraban.bash
            COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _saraban saraban '\(words.last!)' '\(words[words.count - 2])'
            echo "${COMPREPLY[*]}"
            """
            return run("/bin/bash", ["-c", script], env: ["PATH": Probe.root + "/.build/debug:/usr/bin:/bin"]).out
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(complete(["saraban", "re"]) == "render")
        #expect(complete(["saraban", "new", "--w"]) == "--with-table")
        #expect(complete(["saraban", "batch", "--te"]) == "--template")
        for shell in ["zsh", "fish"] {
            let r = run(Probe.saraban, ["--generate-completion-script", shell])
            #expect(r.code == 0 && r.out.contains("saraban") && r.out.contains("with-table"), "\(shell)")
        }
    }

    /// `make install-files` (what `make install` runs after the release build) puts the binary,
    /// Templates/, Fonts/, the man page and the completions under PREFIX, and the installed binary
    /// finds its own Templates/ in PREFIX/share/saraban from any folder.
    @Test func installPutsEverythingWhereTheBinaryFindsIt() throws {
        let tool = Probe.root + "/.build/debug/generate-manual"
        try #require(FileManager.default.isExecutableFile(atPath: tool), "make test builds \(tool)")
        let dir = Probe.tempDir()
        let prefix = dir + "/usr"
        let made = run("/usr/bin/make", ["-s", "install-files", "SARABAN=" + Probe.saraban, "GENERATE_MANUAL=" + tool,
                                         "PREFIX=" + prefix, "DOC=" + dir + "/doc"], cwd: Probe.root)
        #expect(made.code == 0, "\(made.out) \(made.err)")
        let fm = FileManager.default
        for path in ["bin/saraban", "share/saraban/Templates/styles/memo.yaml", "share/saraban/Templates/styles/names.yaml",
                     "share/saraban/Templates/new/memo.yaml", "share/saraban/Fonts/README.md", "share/man/man1/saraban.1",
                     "share/bash-completion/completions/saraban", "share/zsh/site-functions/_saraban",
                     "share/fish/vendor_completions.d/saraban.fish"] {
            #expect(fm.fileExists(atPath: prefix + "/" + path), "\(path) installed")
        }
        let man = try String(contentsOfFile: prefix + "/share/man/man1/saraban.1", encoding: .utf8)
        #expect(man.contains(".Dt SARABAN 1") && man.contains("with-table") && man.contains("batch"), "\(man.prefix(300))")
        // The installed copy of Templates/ is the one used: mark it, and `new` writes the mark.
        let starter = prefix + "/share/saraban/Templates/new/memo.yaml"
        try ("# installed copy\n" + String(contentsOfFile: starter, encoding: .utf8)).write(toFile: starter, atomically: true, encoding: .utf8)
        let work = dir + "/elsewhere"
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        let new = run(prefix + "/bin/saraban", ["new", "memo.yaml"], cwd: work, env: ["SARABAN_HOME": ""])
        #expect(new.code == 0, "\(new.err)")
        #expect(try String(contentsOfFile: work + "/memo.yaml", encoding: .utf8).hasPrefix("# installed copy"))
        let rendered = run(prefix + "/bin/saraban", ["render", "memo.yaml"], cwd: work, env: ["SARABAN_HOME": ""])
        #expect(rendered.code == 0 && fm.fileExists(atPath: work + "/memo.pdf"), "\(rendered.err)")
    }
}
