import Hummingbird

/// What `/healthz` says: the backend the server stores into, and whether its database answered.
struct ServerHealth: ResponseEncodable, Equatable {
    /// `ok`, or `unavailable` when the database did not answer.
    let status: String
    /// The backend's name, e.g. `sqlite`.
    let backend: String
    /// `ok`, or what the database failed with.
    let database: String

    /// True when the database answered.
    var isAnswering: Bool { status == "ok" }

    /// The database of `backend` answered.
    static func answering(_ backend: String) -> ServerHealth { ServerHealth(status: "ok", backend: backend, database: "ok") }

    /// The database of `backend` failed with `problem`.
    static func failing(_ backend: String, _ problem: String) -> ServerHealth {
        ServerHealth(status: "unavailable", backend: backend, database: problem)
    }
}
