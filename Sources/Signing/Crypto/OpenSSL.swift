import CSigning
import Foundation

/// Small bridges to OpenSSL's C interface: error text and buffers it allocates.
enum OpenSSL {
    /// OpenSSL's queued errors as one line, and the queue cleared.
    static func errors() -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        saraban_crypto_errors(&buffer, buffer.count)
        return text(buffer)
    }

    /// The NUL-terminated UTF-8 text a C helper wrote into `buffer`.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Bytes OpenSSL allocated, copied out and freed.
    static func take(_ pointer: UnsafeMutablePointer<UInt8>?, _ length: Int) -> Data? {
        guard let pointer else { return nil }
        defer { saraban_crypto_free(pointer) }
        guard length > 0 else { return nil }
        return Data(bytes: pointer, count: length)
    }

    /// Text a C function wrote into a buffer of `capacity` bytes.
    static func text(capacity: Int = 2048, _ write: (UnsafeMutablePointer<CChar>, Int) -> Int) -> String {
        var buffer = [CChar](repeating: 0, count: capacity)
        let n = buffer.withUnsafeMutableBufferPointer { write($0.baseAddress!, $0.count) }
        return String(decoding: buffer.prefix(max(0, min(n, capacity))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Calls `body` with the C pointers of `certificates` (borrowed for the call).
    static func withPointers<R>(_ certificates: [Certificate], _ body: (UnsafeMutablePointer<OpaquePointer?>, Int32) -> R) -> R {
        var pointers: [OpaquePointer?] = certificates.map(\.pointer)
        if pointers.isEmpty { pointers.append(nil) }
        return withExtendedLifetime(certificates) {
            pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(certificates.count)) }
        }
    }
}
