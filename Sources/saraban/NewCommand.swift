import ArgumentParser
import Documents
import Foundation

/// `saraban new`: a commented starting document for a newcomer.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starting document with Thai and English comments for every key; it renders as it is.",
        discussion: "Edit the file, then run `saraban render FILE`. --with-table adds an attachment page with a table and a bar chart.")
    @Argument(help: "The document file to write, such as memo.yaml.", completion: .file(extensions: ["yaml", "yml"])) var file: String
    @Flag(help: "Add an attachment with a table and a bar chart.") var withTable = false
    @Flag(help: "Overwrite the file if it exists.") var force = false

    func run() throws {
        guard let r = Resources.locate() else {
            printError("cannot find Saraban's Templates/ folder; set SARABAN_HOME / ไม่พบโฟลเดอร์ Templates ของ Saraban")
            throw ExitCode(2)
        }
        do {
            try StarterDocument.write(to: file, r, withTable: withTable, overwrite: force)
        } catch let p as Problems {
            printError(p.description)
            throw ExitCode(1)
        } catch {
            printError("\(file): cannot write the document: \(error) / เขียนแฟ้มเอกสารไม่ได้")
            throw ExitCode(1)
        }
        print("wrote \(file): edit it, then run: saraban render \(file)")
        print("เขียนแฟ้ม \(file) แล้ว แก้ไขข้อความแล้วสั่ง: saraban render \(file)")
    }
}
