/// Where a batch stands, derived from its events.
public enum BatchStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Has a balance and may be traded.
    case open
    /// Under a food-safety hold (a failed test, a full disposal that was voided or corrected): it must not be traded
    /// until an admin releases it after a re-test.
    case held
    /// Sold out.
    case closed
    /// Destroyed (fully, or the rest after sales).
    case disposed
    /// Its receipt was voided.
    case voided

    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(zh: "在售", en: "open")
        case .held: LocalizedText(zh: "扣留（食品安全，待管理员解除）", en: "held (food safety, until an admin releases it)")
        case .closed: LocalizedText(zh: "已售完", en: "closed")
        case .disposed: LocalizedText(zh: "已销毁", en: "disposed")
        case .voided: LocalizedText(zh: "已作废", en: "voided")
        }
    }

    /// True when sales and disposals are refused.
    public var blocksTrade: Bool { self == .held || self == .disposed || self == .voided }
}

/// Something wrong with a batch that a person must look at.
public enum BatchFlag: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// More was sold and disposed than was received.
    case oversold
    /// A sale was recorded after a failed test or a disposal: a food-safety alert.
    case tradedWhileHeld = "traded_while_held"

    public var label: LocalizedText {
        switch self {
        case .oversold: LocalizedText(zh: "超卖（余量为负）", en: "oversold (negative balance)")
        case .tradedWhileHeld: LocalizedText(zh: "食品安全警示：扣留后仍有交易", en: "food-safety alert: traded while held")
        }
    }

    public static func < (lhs: BatchFlag, rhs: BatchFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}
