public import SyncCore

/// How a recorded act ended.
public enum AuditOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    /// The act was done.
    case success
    /// The act was tried and failed (bad input, wrong password, a failing server).
    case failure
    /// The act was not allowed (401, 403, 409, 413, 429).
    case refused
}

/// One entry of the audit log: who did what to what, from where, and how it ended. Never carries a secret, token,
/// password or personal number.
public struct AuditEvent: Sendable, Equatable {
    /// Who acted: `user:<name>`, `device:<id>`, `cli:<os user>` or `anonymous`.
    public var actor: String
    /// What was done, dotted: `auth.login`, `conflict.resolve`, `device.enroll`, `device.revoke`, `user.add`,
    /// `request.refused`, …
    public var action: String
    /// What it was done to (a device id, a conflict id, a route), if anything.
    public var target: String?
    /// How it ended.
    public var outcome: AuditOutcome
    /// Where from: the client's address, or `cli`.
    public var source: String?
    /// The HTTP status of the answer, for requests.
    public var status: Int?
    /// Anything else worth keeping; never a secret.
    public var detail: String?

    /// An audit event; the optional parts default to nil.
    public init(
        actor: String, action: String, target: String? = nil, outcome: AuditOutcome,
        source: String? = nil, status: Int? = nil, detail: String? = nil
    ) {
        self.actor = actor
        self.action = action
        self.target = target
        self.outcome = outcome
        self.source = source
        self.status = status
        self.detail = detail
    }
}
