public import SyncCore

/// Where a finding stands in the follow-up queue.
public enum FindingStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Found, nobody has looked yet.
    case open
    /// An admin followed it up (visited, called, corrected the data).
    case followedUp = "followed_up"
    /// An admin judged it explained; the note says why.
    case dismissed
    /// An admin took it up as a conflict of the queue; the finding records which one.
    case openedAsConflict = "opened_as_conflict"

    /// The name shown to people.
    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(zh: "待跟进", en: "open")
        case .followedUp: LocalizedText(zh: "已跟进", en: "followed up")
        case .dismissed: LocalizedText(zh: "已排除", en: "dismissed")
        case .openedAsConflict: LocalizedText(zh: "已转为冲突", en: "opened as a conflict")
        }
    }

    /// Parses a status as the API and CLI take it.
    /// - Throws: `TraceSyncError` `bad_parameter` naming the statuses.
    public static func parse(_ text: String, field: String = "status") throws -> FindingStatus {
        guard let status = FindingStatus(rawValue: text) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            throw TraceSyncError(.badParameter, field: field,
                                 zh: "未知的核查状态“\(text)”：可用 \(known)。",
                                 en: "unknown finding status \"\(text)\": use one of \(known).")
        }
        return status
    }
}

/// `POST /v1/admin/findings/{id}/follow-up`: what an admin decided about a finding.
///
/// `opened_as_conflict` records the link to a conflict of the queue (`conflictId`); it opens no new conflict, since
/// conflicts are what devices sync and a finding is the server's own reading of merged data.
public struct FindingFollowUp: Codable, Hashable, Sendable {
    /// `followed_up`, `dismissed` or `opened_as_conflict` (`open` puts it back in the queue).
    public let status: FindingStatus
    /// Required: what was done or why it is explained.
    public let note: String
    /// With `opened_as_conflict`: the conflict that carries it on.
    public let conflictId: Int64?

    public init(status: FindingStatus, note: String, conflictId: Int64? = nil) {
        self.status = status
        self.note = note
        self.conflictId = conflictId
    }
}

/// A finding as the queue holds it: its id, when it was found, and its follow-up.
public struct FindingRecord: Codable, Hashable, Sendable {
    public let id: Int64
    public let finding: Finding
    /// When the checks first found it, server time in milliseconds.
    public let foundAt: Int64
    public let status: FindingStatus
    /// The admin's note of the latest follow-up.
    public let note: String?
    /// Who followed it up last.
    public let followedUpBy: String?
    public let followedUpAt: Int64?
    /// The conflict it was opened as.
    public let conflictId: Int64?

    package init(id: Int64, finding: Finding, foundAt: Int64, status: FindingStatus, note: String?,
                 followedUpBy: String?, followedUpAt: Int64?, conflictId: Int64?) {
        self.id = id
        self.finding = finding
        self.foundAt = foundAt
        self.status = status
        self.note = note
        self.followedUpBy = followedUpBy
        self.followedUpAt = followedUpAt
        self.conflictId = conflictId
    }
}
