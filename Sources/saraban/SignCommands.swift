import ArgumentParser
import Documents
import Foundation
import Signing

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a memo's PDF (PAdES; B-T with --tsa) as an incremental update.")
    @Argument(help: "The PDF Saraban rendered (or signed before).") var file: String
    @Option(name: .shortAndLong, help: "The signed PDF to write.") var output: String
    @OptionGroup var signing: SigningOptions

    func run() throws {
        guard signing.wanted else { fail(SigningError("", "name the signer: --cert with --key, or --sign-p12", thai: "ต้องระบุผู้ลงนาม: --cert กับ --key หรือ --sign-p12")) }
        guard let pdf = FileManager.default.contents(atPath: file) else { fail(SigningError(file, "cannot read the file", thai: "อ่านแฟ้มไม่ได้")) }
        let setup = try signing.setup()
        let r = try setUp()
        do {
            guard let setup else { return }
            let style = try DocumentLoader(resources: r).defaultStyle()
            let signed = try DocumentRenderer().sign(pdf, setup, style: style)
            try OutputFile.write(signed, to: output)
        } catch let e as SigningError {
            fail(e.located(file))
        } catch {
            printError("\(output): cannot write the signed PDF: \(error) / เขียนแฟ้มที่ลงนามแล้วไม่ได้")
            throw ExitCode(1)
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every signature of a PDF: signer, time, integrity, changes after signing, chain of trust.")
    @Argument(help: "The signed PDF.") var file: String
    @Option(help: "A trusted root certificate (PEM; repeatable).") var trust: [String] = []

    func run() throws {
        guard let pdf = FileManager.default.contents(atPath: file) else { fail(SigningError(file, "cannot read the file", thai: "อ่านแฟ้มไม่ได้")) }
        do {
            let roots = try trust.flatMap { try Certificate.read(file: $0) }
            let reports = try SignatureVerifier.verify(pdf, trust: roots)
            guard !reports.isEmpty else { fail(SigningError(file, "the PDF has no signatures", thai: "แฟ้มนี้ไม่มีลายมือชื่ออิเล็กทรอนิกส์")) }
            for report in reports { print(report.text()) }
            let valid = reports.filter(\.valid).count
            print("\(file): \(valid) of \(reports.count) signatures valid / ลายมือชื่อใช้ได้ \(valid) จาก \(reports.count)")
            if valid != reports.count { throw ExitCode(1) }
        } catch let e as SigningError {
            fail(e.located(file))
        }
    }
}
