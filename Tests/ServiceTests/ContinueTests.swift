import Foundation
import Testing

/// `Expect: 100-continue`, as PHP's libcurl sends it on every body over 1 KB: the head alone
/// gets `100 Continue` (the client would otherwise wait before sending the body), and a body
/// announced over the limit gets its 413 instead.
@Suite(.serialized) struct ContinueTests {
    @Test func theHeadAloneIsAnsweredWith100ContinueThenThePDF() async throws {
        try await withServer { server in
            let body = Repo.example("long-memo.yaml")
            let (interim, final) = await blocking { () -> (String, HTTPResponse?) in
                guard let fd = HTTPClient.connect(server.port) else { return ("", nil) }
                defer { close(fd) }
                let head = HTTPClient.head("POST", "/v1/render", [("Content-Type", "application/yaml"),
                                                                  ("Content-Length", String(body.count)),
                                                                  ("Expect", "100-continue")])
                guard HTTPClient.send(fd, head) else { return ("", nil) }
                // Nothing of the body has gone out: without the 100 this read would wait out the socket's timeout.
                let first = Self.readHead(fd)
                guard HTTPClient.send(fd, body) else { return (first, nil) }
                return (first, HTTPClient.read(fd))
            }
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue"), "first answer: \(interim.prefix(200))")
            let answer = try #require(final)
            #expect(answer.status == 200)
            #expect(answer.body == Repo.cliPDF("long-memo.yaml"))
        }
    }

    @Test func aBodyAnnouncedOverTheLimitGets413Not100() async throws {
        try await withServer({ $0.maxBody = 64 << 10 }) { server in
            let r = await blocking { () -> HTTPResponse? in
                guard let fd = HTTPClient.connect(server.port) else { return nil }
                defer { close(fd) }
                let head = HTTPClient.head("POST", "/v1/render", [("Content-Type", "application/yaml"),
                                                                  ("Content-Length", "100000000"),
                                                                  ("Expect", "100-continue")])
                guard HTTPClient.send(fd, head) else { return nil }
                return HTTPClient.read(fd)
            }
            let answer = try #require(r)
            #expect(answer.status == 413)
        }
    }

    /// Reads one response head (up to its blank line), byte by byte so nothing after it is taken.
    static func readHead(_ fd: Int32) -> String {
        var data = [UInt8]()
        var byte: UInt8 = 0
        while !data.ends(with: Array("\r\n\r\n".utf8)) {
            let n = recv(fd, &byte, 1, 0)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            data.append(byte)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
