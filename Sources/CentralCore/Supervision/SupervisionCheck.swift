public import SyncCore

/// One supervision check: a pure function from merged data to findings.
///
/// To add a check, write a type conforming to this protocol (its settings read from `SupervisionSettings`) and
/// list it in `SupervisionChecks.all`.
public protocol SupervisionCheck: Sendable {
    /// The stable id findings carry and admins filter by, e.g. `batch_balance`.
    static var id: String { get }
    /// Its name for people, e.g. 批次进销平衡 / batch balance.
    static var label: LocalizedText { get }
    /// Reads its thresholds from the settings.
    init(settings: SupervisionSettings)
    /// Every finding in the history; the same history gives the same findings, keys included.
    func findings(in history: SupervisionHistory) -> [Finding]
}

/// The checks the server runs, with their settings.
public struct SupervisionChecks: Sendable {
    /// Every check there is, in the order the README explains them.
    public static let all: [any SupervisionCheck.Type] = [
        BatchBalanceCheck.self, OperatorDayBalanceCheck.self, CertificateUseCheck.self, QuantityOutlierCheck.self,
        FastSellOutCheck.self, PerfectPassRateCheck.self, OddHourCheck.self, ClockDriftCheck.self,
    ]

    /// The ids of every check.
    public static var ids: [String] { all.map { $0.id } }

    /// The name of check `id` for people; the id itself, in both languages, for a check this version does not know.
    public static func label(of id: String) -> LocalizedText {
        all.first { $0.id == id }?.label ?? LocalizedText(zh: id, en: id)
    }

    public let checks: [any SupervisionCheck]

    /// The enabled checks with these settings (`<id>.enabled` 0 turns one off).
    public init(settings: SupervisionSettings = SupervisionSettings()) {
        checks = Self.all.filter { settings.isEnabled($0) }.map { $0.init(settings: settings) }
    }

    /// Every finding of every enabled check, one per key.
    public func findings(in history: SupervisionHistory) -> [Finding] {
        var seen: Set<String> = []
        return checks.flatMap { $0.findings(in: history) }.filter { seen.insert($0.key).inserted }
    }
}
