import CoreMetrics
import Foundation
import Prometheus

/// The service's metrics through swift-metrics, kept in this service's own Prometheus registry
/// (not the process-wide one: tests start several services in one process) and written out as
/// Prometheus text at /metrics.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let renderTime: CoreMetrics.Timer
    private let pages: CoreMetrics.Counter
    private let inFlight: CoreMetrics.Gauge
    private let queued: CoreMetrics.Gauge

    init() {
        var f = PrometheusMetricsFactory(registry: registry)
        f.durationHistogramBuckets["saraban_render_seconds"] = [
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        factory = f
        renderTime = CoreMetrics.Timer(label: "saraban_render_seconds", dimensions: [], factory: f)
        pages = CoreMetrics.Counter(label: "saraban_pages_rendered_total", dimensions: [], factory: f)
        inFlight = CoreMetrics.Gauge(label: "saraban_renders_in_flight", dimensions: [], factory: f)
        queued = CoreMetrics.Gauge(label: "saraban_queue_length", dimensions: [], factory: f)
        // Present from the start, so a scrape before the first request sees every series.
        pages.increment(by: 0)
        inFlight.record(0)
        queued.record(0)
    }

    /// One request answered: by route (the route's pattern, never the raw path) and status.
    func request(route: String, method: String, status: Int) {
        // A client may send any method and path: only known values become labels.
        let m = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"].contains(method) ? method : "other"
        CoreMetrics.Counter(label: "saraban_http_requests_total",
                            dimensions: [("route", route), ("method", m), ("status", String(status))], factory: factory)
            .increment()
    }

    /// A render finished: its pages and the time it took on its renderer thread.
    func rendered(pages n: Int, seconds: Double) {
        pages.increment(by: Int64(n))
        renderTime.recordNanoseconds(Int64(seconds * 1e9))
    }

    /// The Prometheus text, with the pool's state as it is now.
    func text(load: (running: Int, waiting: Int)) -> [UInt8] {
        inFlight.record(load.running)
        queued.record(load.waiting)
        var out = [UInt8]()
        registry.emit(into: &out)
        return out
    }
}
