import Hummingbird
import Logging

/// The request context: Hummingbird's core storage and the request's id.
struct ServiceContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// X-Request-Id as the client sent it, or one made for the request.
    var requestID = ""

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
