/// What the device has recorded and how it stands with the server.
extension FieldStore {
    /// An entry the server refused, with its reason.
    public struct RejectedEntry: Hashable, Sendable, Codable {
        public let seq: Int64
        public let eventId: String
        public let kind: EventKind
        public let reasonCode: String
        public let reason: LocalizedText
    }

    /// The device's standing: identity, journal head, pending entries, refusals and the node's conflicts.
    public struct Status: Hashable, Sendable, Codable {
        public let identity: DeviceIdentity
        public let journalEntries: Int64
        public let headHash: String
        /// Own entries the server has not judged yet.
        public let pending: Int64
        public let rejected: [RejectedEntry]
        /// The server this device syncs with, nil before enrollment.
        public let server: String?
        /// When both directions of a sync last completed.
        public let lastSyncAt: Int64?
        /// How many of the node's conflicts wait for an admin.
        public let openConflicts: Int
        /// The conflicts to show: up to `Self.shownOpen` open ones, then up to `Self.shownResolved` resolved ones,
        /// newest first in each.
        public let conflicts: [ConflictRecord]

        /// At most this many open conflicts are listed.
        public static let shownOpen = 20
        /// At most this many resolved conflicts are listed.
        public static let shownResolved = 10
    }

    /// The device's current standing.
    public func status() throws -> Status {
        let head = try journalHead()
        let pending = try database.scalar(
            "SELECT count(*) FROM events WHERE device_id = ? AND verdict = 'pending'", identity.deviceId
        ) ?? 0
        let rejected = try database.query(
            """
            SELECT seq, id, kind, reason_code, reason_message FROM events
            WHERE device_id = ? AND verdict = 'rejected' ORDER BY seq
            """,
            identity.deviceId
        ).map { row in
            RejectedEntry(
                seq: try row.integer("seq"), eventId: try row.text("id"), kind: try row.stored("kind", as: EventKind.self),
                reasonCode: try row.optionalText("reason_code") ?? "rejected",
                reason: (try? JSONValue.parse(try row.optionalText("reason_message") ?? "").decode(LocalizedText.self))
                    ?? LocalizedText(zh: "服务器拒收", en: "refused by the server")
            )
        }
        let settings = try syncSettings()
        let open = try conflicts(status: .open)
        let resolved = try conflicts(status: .resolved)
        return Status(
            identity: identity, journalEntries: head.count, headHash: head.hash, pending: pending, rejected: rejected,
            server: settings?.serverURL, lastSyncAt: settings?.lastSyncAt, openConflicts: open.count,
            conflicts: Array(open.prefix(Status.shownOpen) + resolved.prefix(Status.shownResolved))
        )
    }
}
