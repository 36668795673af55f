import Documents
import Foundation
import Testing

/// A document reads the files it names only through its `DocumentFiles`: regular files of the
/// disk with a size limit, or the parts uploaded with a request and nothing else.
@Suite struct DocumentFilesTests {
    static func folder() -> String {
        let dir = NSTemporaryDirectory() + "saraban-files-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aFolderReadsRegularFilesRelativeToItself() throws {
        let dir = Self.folder()
        try Data("abc".utf8).write(to: URL(fileURLWithPath: dir + "/a.csv"))
        let files = FolderFiles(directory: dir)
        #expect(try files.read("a.csv", limit: 10) == Data("abc".utf8))
        #expect(try files.read(dir + "/a.csv", limit: 10) == Data("abc".utf8))
        #expect(files.display("a.csv") == dir + "/a.csv")
    }

    @Test func aFIFOOrAFolderIsRefusedAtOnce() throws {
        let dir = Self.folder()
        #expect(mkfifo(dir + "/pipe.png", 0o644) == 0)
        let files = FolderFiles(directory: dir)
        // Opening a FIFO for reading would wait for a writer; the refusal comes at once.
        #expect { try files.read("pipe.png", limit: 1000) } throws: { error in
            (error as? FileRefusal)?.message.contains("not a regular file") == true
        }
        #expect { try files.read(".", limit: 1000) } throws: { error in
            (error as? FileRefusal)?.thai.contains("ไม่ใช่แฟ้มข้อมูลธรรมดา") == true
        }
    }

    @Test func aFileOverTheLimitIsRefusedWithoutReadingIt() throws {
        let dir = Self.folder()
        try Data(count: 3 << 20).write(to: URL(fileURLWithPath: dir + "/big.png"))
        #expect { try FolderFiles(directory: dir).read("big.png", limit: 2 << 20) } throws: { error in
            (error as? FileRefusal)?.message == "'big.png' is larger than 2 MiB"
        }
        #expect { try FolderFiles(directory: dir).read("none.png", limit: 2 << 20) } throws: { error in
            (error as? FileRefusal)?.message == "'none.png' not found"
        }
    }

    @Test(arguments: ["/etc/passwd", "../secret.png", "a/../../b.png", "x\\y.png", "", "dir/"])
    func uploadedFilesRefusePaths(name: String) {
        let files = UploadedFiles(parts: ["passwd": Data("x".utf8), "b.png": Data("y".utf8), "secret.png": Data()])
        #expect(throws: FileRefusal.self) { try files.read(name, limit: 100) }
    }

    @Test func uploadedFilesAreFoundByFileNameAndNothingElse() throws {
        let files = UploadedFiles(parts: ["emblem.png": Data("png".utf8)])
        #expect(try files.read("emblem.png", limit: 100) == Data("png".utf8))
        #expect(try files.read("images/emblem.png", limit: 100) == Data("png".utf8))
        #expect { try files.read("other.png", limit: 100) } throws: { error in
            let r = error as? FileRefusal
            return r?.message.contains("uploaded: emblem.png") == true && r?.thai.contains("emblem.png") == true
        }
    }
}
