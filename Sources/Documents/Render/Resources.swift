import Foundation

/// Where Saraban's Templates/ and Fonts/ folders are: $SARABAN_HOME, beside the executable's
/// build folder, PREFIX/share/saraban of an installed one, or the current folder and its parents.
public struct Resources: Sendable {
    public let root: String
    public var templates: String { root + "/Templates" }
    public var fonts: String { root + "/Fonts" }
    public var defaultStyle: String { templates + "/styles/memo.yaml" }

    public init(root: String) { self.root = root }

    /// Finds the folder holding Templates/styles/memo.yaml.
    public static func locate() -> Resources? {
        var candidates = [String]()
        if let home = ProcessInfo.processInfo.environment["SARABAN_HOME"] { candidates.append(home) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        var dir = exe
        for _ in 0..<5 { candidates.append(dir.path); dir.deleteLastPathComponent() }
        // `make install`: PREFIX/bin/saraban with PREFIX/share/saraban/Templates.
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/saraban").path)
        var cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<5 { candidates.append(cwd.path); cwd.deleteLastPathComponent() }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.path)
        for c in candidates where FileManager.default.fileExists(atPath: c + "/Templates/styles/memo.yaml") {
            return Resources(root: c)
        }
        return nil
    }
}
