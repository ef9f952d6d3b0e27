/// Whether a conflict waits for an admin.
public enum ConflictStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case open
    case resolved
}

/// How an admin settles a conflict.
public enum ResolutionAction: String, Codable, Hashable, Sendable, CaseIterable {
    /// Take one candidate's value (a concurrent edit).
    case choose
    /// Enter a value for the conflict's field (a concurrent edit).
    case set
    /// Void one event.
    case void
    /// Accept the provisional outcome as it is.
    case accept

    /// What the admin did, for people.
    public var label: LocalizedText {
        switch self {
        case .choose: LocalizedText(zh: "选定候选值", en: "chose a candidate")
        case .set: LocalizedText(zh: "设定新值", en: "set a value")
        case .void: LocalizedText(zh: "作废记录", en: "voided an event")
        case .accept: LocalizedText(zh: "接受现状", en: "accepted as is")
        }
    }
}

/// `POST /v1/admin/conflicts/{id}/resolve`: what the admin decided, and why.
public struct ResolveRequest: Codable, Hashable, Sendable {
    public let action: ResolutionAction
    /// For `choose`: the 0-based position of the chosen candidate.
    public let candidate: Int?
    /// For `set`: the value.
    public let value: String?
    /// For `void`: the event to void.
    public let eventId: String?
    /// Required: why.
    public let note: String

    public init(action: ResolutionAction, candidate: Int? = nil, value: String? = nil, eventId: String? = nil, note: String) {
        self.action = action
        self.candidate = candidate
        self.value = value
        self.eventId = eventId
        self.note = note
    }
}

/// A settled conflict: the decision, who made it, when, and the server entry that carries any change to devices.
public struct ConflictResolution: Codable, Hashable, Sendable {
    public let action: ResolutionAction
    public let candidate: Int?
    public let value: String?
    public let eventId: String?
    public let note: String
    public let author: String
    public let resolvedAt: Int64
    /// The server journal entry (a correction or voiding) that applies the decision, if it changes data.
    public let serverSeq: Int64?

    package init(action: ResolutionAction, candidate: Int?, value: String?, eventId: String?, note: String, author: String, resolvedAt: Int64, serverSeq: Int64?) {
        self.action = action
        self.candidate = candidate
        self.value = value
        self.eventId = eventId
        self.note = note
        self.author = author
        self.resolvedAt = resolvedAt
        self.serverSeq = serverSeq
    }
}

/// A conflict as admins and devices see it.
public struct ConflictRecord: Codable, Hashable, Sendable {
    public let id: Int64
    public let kind: ConflictKind
    public let subject: String
    public let node: String
    public let batchCode: String?
    /// For a concurrent edit: the corrected event; for a duplicate operator: the operator kept.
    public let target: String?
    public let field: String?
    public let status: ConflictStatus
    public let openedAt: Int64
    /// Every candidate value with its device, inspector, HLC and device time, in the order they arrived.
    public let candidates: [ConflictCandidate]
    public let resolution: ConflictResolution?

    package init(id: Int64, kind: ConflictKind, subject: String, node: String, batchCode: String?, target: String?, field: String?, status: ConflictStatus, openedAt: Int64, candidates: [ConflictCandidate], resolution: ConflictResolution?) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.node = node
        self.batchCode = batchCode
        self.target = target
        self.field = field
        self.status = status
        self.openedAt = openedAt
        self.candidates = candidates
        self.resolution = resolution
    }
}
