import Hummingbird

/// `GET /healthz`: answers while the server is up, for load balancers and monitors.
struct HealthController<Context: RequestContext> {
    /// The health answer, `{"status":"ok"}`.
    struct Health: ResponseEncodable {
        let status: String
    }

    /// The route, to add at `/healthz`.
    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get { _, _ in Health(status: "ok") }
    }
}
