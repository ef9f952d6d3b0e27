public import SyncCore

/// A batch under a food-safety hold, as the admins' list shows it.
public struct HeldBatch: Codable, Hashable, Sendable {
    public let code: String
    public let node: String
    public let product: String
    /// The events that hold it (failed tests, full disposals voided or corrected), oldest first.
    public let heldBy: [String]
    /// The batch's open conflicts, by id.
    public let openConflicts: [Int64]
    /// Why a release would be refused now (no passing re-test yet); nil when it can be released.
    public let releaseRefusal: LocalizedText?

    package init(code: String, node: String, product: String, heldBy: [String], openConflicts: [Int64], releaseRefusal: LocalizedText?) {
        self.code = code
        self.node = node
        self.product = product
        self.heldBy = heldBy
        self.openConflicts = openConflicts
        self.releaseRefusal = releaseRefusal
    }
}

/// `POST /v1/admin/batches/{code}/release`: why the admin lifts the hold.
public struct ReleaseRequest: Codable, Hashable, Sendable {
    /// Required: why, e.g. which re-test cleared the batch.
    public let note: String

    public init(note: String) {
        self.note = note
    }
}

/// A hold release as recorded: what it lifted, on which re-tests, by whom, and the server entry devices pull.
public struct HoldReleaseRecord: Codable, Hashable, Sendable {
    public let code: String
    public let node: String
    /// The hold causes it lifted.
    public let lifts: [String]
    /// The passing re-tests it relies on.
    public let retests: [String]
    public let note: String
    public let author: String
    public let releasedAt: Int64
    /// The server journal entry (`release`) that carries it to the node's devices.
    public let serverSeq: Int64
    /// The batch's status after the release.
    public let status: BatchStatus
    /// The open `hold_voided` conflicts of the batch it settled.
    public let settledConflicts: [Int64]

    package init(code: String, node: String, lifts: [String], retests: [String], note: String, author: String, releasedAt: Int64, serverSeq: Int64, status: BatchStatus, settledConflicts: [Int64]) {
        self.code = code
        self.node = node
        self.lifts = lifts
        self.retests = retests
        self.note = note
        self.author = author
        self.releasedAt = releasedAt
        self.serverSeq = serverSeq
        self.status = status
        self.settledConflicts = settledConflicts
    }
}
