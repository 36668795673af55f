import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The password of a PKCS#12 file or an encrypted key: from SARABAN_SIGN_PASSWORD, or typed at
/// the terminal without echo. Never from the command line, where other users' `ps` would see it.
public enum Password {
    public static let variable = "SARABAN_SIGN_PASSWORD"

    public static func obtain(for file: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let p = environment[variable] { return p }
        guard let p = readFromTerminal(prompt: "Password for \(file) / รหัสผ่านของ \(file): ") else {
            throw SigningError(file, "a password is needed: set \(variable) or run on a terminal",
                               thai: "ต้องใช้รหัสผ่าน: กำหนด \(variable) หรือสั่งงานจากหน้าจอเทอร์มินัล")
        }
        return p
    }

    /// A line typed at the controlling terminal with echo off; nil without a terminal.
    static func readFromTerminal(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        // Echo goes off before the prompt shows: a reply typed the moment it appears is not echoed.
        tcsetattr(fd, TCSAFLUSH, &quiet)
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        defer {
            tcsetattr(fd, TCSANOW, &saved)
            _ = write(fd, "\n", 1)
        }
        var line = [UInt8]()
        var byte: UInt8 = 0
        while line.count < 4096 {
            let n = read(fd, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 || byte == 0x0A || byte == 0x0D { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }
}
