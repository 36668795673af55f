import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` as soon as the head arrives. PHP's libcurl
/// (what e-saraban systems post with) sends that header on every body over 1 KB and otherwise
/// waits a second before sending the body; Hummingbird leaves it unanswered. A body declared
/// larger than the service takes gets no 100: the route then answers 413 without reading it.
final class ContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let maxBody: Int

    init(maxBody: Int) {
        self.maxBody = maxBody
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        guard case .head(var head) = part, expectsContinue(head) else {
            context.fireChannelRead(data)
            return
        }
        head.headerFields[.expect] = nil
        if fitsTheLimit(head) {
            let interim = HTTPResponse(status: .continue)
            context.writeAndFlush(wrapOutboundOut(.head(interim)), promise: nil)
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    private func expectsContinue(_ head: HTTPRequest) -> Bool {
        guard let value = head.headerFields[.expect] else { return false }
        return value.lowercased() == "100-continue"
    }

    private func fitsTheLimit(_ head: HTTPRequest) -> Bool {
        guard let declared = head.headerFields[.contentLength] else { return true }
        guard let length = Int(declared) else { return true }
        return length <= maxBody
    }
}
