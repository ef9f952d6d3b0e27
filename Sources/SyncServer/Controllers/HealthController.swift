import Hummingbird

/// `GET /healthz`, for load balancers and monitors: which backend the server stores into, and whether its database
/// answered just now. 200 `{"status":"ok","backend":"sqlite","database":"ok"}`; 503 with `"status":"unavailable"`
/// and what the database failed with when it did not answer, so a load balancer stops sending devices there.
struct HealthController<Context: RequestContext> {
    /// Asks the store: a trivial read, beside the writer.
    let check: @Sendable () async -> ServerHealth

    /// The route, to add at `/healthz`.
    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get { _, _ in
                let health = await check()
                return EditedResponse(status: health.isAnswering ? .ok : .serviceUnavailable, response: health)
            }
    }
}
