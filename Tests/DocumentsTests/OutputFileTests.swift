import Documents
import Foundation
import Testing

/// Output files are whole or absent: written beside their place, then renamed; a failure says why
/// and leaves nothing behind.
@Suite struct OutputFileTests {
    static func folder() -> String {
        let dir = NSTemporaryDirectory() + "saraban-output-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func entries(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    @Test(arguments: [true, false])
    func writesTheWholeFileAndNothingElse(flush: Bool) throws {
        let dir = Self.folder()
        let data = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try OutputFile.write(data, to: dir + "/a.pdf", flush: flush)
        try OutputFile.write(Data("second".utf8), to: dir + "/a.pdf", flush: flush)   // replaces it whole
        try OutputFile.write(data, to: dir + "/sub/ไทย.pdf", flush: flush)              // makes the folder
        #expect(FileManager.default.contents(atPath: dir + "/a.pdf") == Data("second".utf8))
        #expect(FileManager.default.contents(atPath: dir + "/sub/ไทย.pdf") == data)
        #expect(Self.entries(dir) == ["a.pdf", "sub"])
        #expect(Self.entries(dir + "/sub") == ["ไทย.pdf"])
    }

    @Test func aFailedWriteSaysWhyAndLeavesNoTemporaryFile() throws {
        let dir = Self.folder()
        try FileManager.default.createDirectory(atPath: dir + "/taken/inside", withIntermediateDirectories: true)
        // A folder with something in it stands where the file should go: the rename fails.
        #expect {
            try OutputFile.write(Data("x".utf8), to: dir + "/taken")
        } throws: { error in
            let text = "\(error)"
            return error is OutputFileError && !text.isEmpty && !text.contains("Error Domain")
        }
        #expect(Self.entries(dir) == ["taken"])
        #expect(Self.entries(dir + "/taken") == ["inside"])
    }
}
