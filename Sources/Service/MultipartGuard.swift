import NIOCore

/// Follows a multipart body with the states MultipartKit's parser (4.7.1) goes through, to refuse
/// a body before the parser sees a byte it would trap on: a header name byte of 0x80 or more
/// indexes past its 128-entry table of allowed characters (Index out of range: the process
/// dies). Every body the parser would refuse as a syntax error is refused here too, so what this
/// lets through is read by the parser exactly as before.
struct MultipartGuard {
    private enum State {
        case preamble(Int), preHeaders(lf: Bool), headerName(empty: Bool), headerValue, postHeaderValue, postHeaders
        case body, boundary(Int), epilogue
    }

    /// The body is one the parser would trap on or refuse.
    struct Refused: Error {}

    private let delimiter: [UInt8]
    private var state = State.preamble(0)

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// False when the chunk would make the parser trap or refuse the body.
    mutating func accepts(_ chunk: ByteBuffer) -> Bool {
        for byte in chunk.readableBytesView {
            guard step(byte) else { return false }
        }
        return true
    }

    private mutating func step(_ byte: UInt8) -> Bool {
        switch state {
        case .preamble(let m): state = preamble(m, byte)
        case .preHeaders(let lf):
            guard byte == (lf ? 10 : 13) else { return false }
            state = lf ? .headerName(empty: true) : .preHeaders(lf: true)
        case .headerName(let empty):
            if byte == 58 && !empty { state = .headerValue; return true }
            if byte == 13 && empty { state = .postHeaders; return true }
            guard Self.isTokenByte(byte) else { return false }
            state = .headerName(empty: false)
        case .headerValue: if byte == 13 { state = .postHeaderValue }
        case .postHeaderValue:
            guard byte == 10 else { return false }
            state = .headerName(empty: true)
        case .postHeaders:
            guard byte == 10 else { return false }
            state = .body
        case .body: if byte == delimiter[0] { state = .boundary(1) }
        case .boundary(let m): return boundary(m, byte)
        case .epilogue: break
        }
        return true
    }

    /// The parser's search for the first delimiter (its leading CRLF may be left out).
    private func preamble(_ m: Int, _ byte: UInt8) -> State {
        var next = 0
        if m == 0 && byte == delimiter[2] { next = 3 } else if byte == delimiter[m] { next = m + 1 } else if m > 0 && byte == delimiter[0] { next = 1 }
        return next >= delimiter.count ? .preHeaders(lf: false) : .preamble(next)
    }

    /// A delimiter matched so far `m` bytes; once whole, CR starts the next part's headers and
    /// `-` ends the body.
    private mutating func boundary(_ m: Int, _ byte: UInt8) -> Bool {
        if m >= delimiter.count {
            guard byte == 13 || byte == 45 else { return false }
            state = byte == 13 ? .preHeaders(lf: true) : .epilogue
            return true
        }
        if byte == delimiter[m] { state = .boundary(m + 1) } else { state = byte == delimiter[0] ? .boundary(1) : .body }
        return true
    }

    /// RFC 822's token characters: what the parser's table allows in a header name.
    static func isTokenByte(_ b: UInt8) -> Bool {
        guard b > 32 && b < 127 else { return false }
        return !Array("()<>@,;:\\\"/[]?={}".utf8).contains(b)
    }
}
