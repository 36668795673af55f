import Documents
import Foundation
import Hummingbird
import Logging
import NIOCore


/// Builds the service the way Hummingbird's template builds its application: `saraban serve`
/// runs it with signal handling; tests run it in-process on port 0.
public func buildApplication(_ options: ServiceOptions) throws -> some ApplicationProtocol {
    var logger = Logger(label: "saraban.serve")
    logger.logLevel = options.logLevel
    guard let openAPI = FileManager.default.contents(atPath: options.openAPIFile) else {
        throw ServiceSetupError("\(options.openAPIFile): the OpenAPI description is missing",
                                "ไม่พบแฟ้มคำอธิบาย OpenAPI \(options.openAPIFile)")
    }
    DocumentRenderer.setUp(options.resources)
    let metrics = ServiceMetrics()
    let pool = RenderPool(jobs: options.jobs, queue: options.queue)
    let router = buildRouter(options, pool: pool, metrics: metrics, openAPI: Array(openAPI), logger: logger)
    let listening = options.onListening
    let maxBody = options.maxBody
    let idle = TimeAmount.seconds(Int64(options.idleTimeout))
    var app = Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [ContinueHandler(maxBody: maxBody)], idleTimeout: idle)),
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Saraban/\(DocumentRenderer.version)"),
        onServerRunning: { channel in listening?(channel.localAddress?.port ?? 0) },
        logger: logger
    )
    app.addServices(pool)
    return app
}

func buildRouter(_ options: ServiceOptions, pool: RenderPool, metrics: ServiceMetrics, openAPI: [UInt8],
                 logger: Logger) -> Router<ServiceContext> {
    let router = Router(context: ServiceContext.self)
    router.add(middleware: AccessMiddleware(logger: logger, metrics: metrics))
    if let token = options.token { router.add(middleware: AuthMiddleware(token: Array(token.utf8))) }
    if let web = options.webFolder {
        router.add(middleware: FileMiddleware(web, searchForIndexHtml: true, logger: logger))
    }
    let fonts = FontsBody(FontReport(resources: options.resources, family: nil))
    InfoRoutes(pool: pool, metrics: metrics, fonts: fonts, openAPI: openAPI).add(to: router)
    DocumentRoutes(pool: pool, resources: options.resources, options: options, metrics: metrics).add(to: router)
    PreviewRoute(pool: pool, resources: options.resources, options: options, metrics: metrics).add(to: router)
    TreeRoutes(pool: pool, options: options).add(to: router)
    TableRoute(pool: pool, options: options).add(to: router)
    BatchRoute(pool: pool, resources: options.resources, options: options, metrics: metrics).add(to: router)
    return router
}
