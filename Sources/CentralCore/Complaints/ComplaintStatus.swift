public import SyncCore

/// Where a complaint stands in its node's queue: `received` when filed, `inProgress` once the node took it up,
/// `answered` when the node replied (and said whether it upheld it).
public enum ComplaintStatus: String, Codable, CaseIterable, Hashable, Sendable {
    case received
    case inProgress = "in_progress"
    case answered

    /// How the shopper's page and the console name it.
    public var label: LocalizedText {
        switch self {
        case .received: LocalizedText(zh: "已收到", en: "received")
        case .inProgress: LocalizedText(zh: "处理中", en: "in progress")
        case .answered: LocalizedText(zh: "已答复", en: "answered")
        }
    }
}
