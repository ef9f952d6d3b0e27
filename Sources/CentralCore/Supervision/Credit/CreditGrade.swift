public import SyncCore

/// An operator's credit grade, from its score (0–100): A from 90, B from 75, C from 60, D below 60.
public enum CreditGrade: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D"

    /// The lowest score of each grade, best first; D takes every score below C's.
    public static let lowestScores: [(grade: CreditGrade, score: Int)] = [(.a, 90), (.b, 75), (.c, 60), (.d, 0)]

    /// The grade of `score`.
    public init(score: Int) {
        self = Self.lowestScores.first { score >= $0.score }?.grade ?? .d
    }

    /// What the grade means, as admins and (when the province shows grades) consumers read it.
    public var label: LocalizedText {
        switch self {
        case .a: LocalizedText(zh: "A 级（守信）", en: "A (trustworthy)")
        case .b: LocalizedText(zh: "B 级（基本守信）", en: "B (mostly compliant)")
        case .c: LocalizedText(zh: "C 级（需关注）", en: "C (needs attention)")
        case .d: LocalizedText(zh: "D 级（失信风险高）", en: "D (high risk)")
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// A is the best: A < B means A comes first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
