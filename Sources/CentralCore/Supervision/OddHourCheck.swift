public import SyncCore

/// Entries recorded at odd hours for the node: events of a day in an hour (China Standard Time) that held less than
/// `odd_hours.rare_share` (default 1%) of the node's events over the `odd_hours.window_days` (default 30) before
/// that day, once that history has `odd_hours.minimum_history` (default 200) events. A wholesale market working
/// through the night is not odd for itself; a farmers' market recording sales at 03:00 is. One finding per node
/// and day, listing the odd hours.
public struct OddHourCheck: SupervisionCheck {
    public static let id = "odd_hours"
    public static let label = LocalizedText(zh: "异常时段", en: "odd hours")
    public let windowDays: Int
    public let minimumHistory: Int
    public let rareShare: Double

    public init(settings: SupervisionSettings) {
        windowDays = max(1, Int(settings[.oddHoursWindowDays]))
        minimumHistory = max(1, Int(settings[.oddHoursMinimumHistory]))
        rareShare = settings[.oddHoursRareShare]
    }

    public func findings(in history: SupervisionHistory) -> [Finding] {
        let byNode = Dictionary(grouping: history.entryHours, by: \.node)
        return byNode.keys.sorted().flatMap { node -> [Finding] in
            var days: [Int: [Int: Int]] = [:]
            for entry in byNode[node]! {
                guard let ordinal = DayOrdinal.of(entry.day), (0..<24).contains(entry.hour) else { continue }
                days[ordinal, default: [:]][entry.hour, default: 0] += entry.count
            }
            return days.keys.sorted().compactMap { day in
                let name = DayOrdinal.day(day)
                guard history.judges(day: name) else { return nil }
                var usual = [Int](repeating: 0, count: 24)
                for past in day - windowDays..<day { for (hour, count) in days[past] ?? [:] { usual[hour] += count } }
                let total = usual.reduce(0, +)
                guard total >= minimumHistory else { return nil }
                let odd = days[day]!.filter { Double(usual[$0.key]) / Double(total) < rareShare }.sorted { $0.key < $1.key }
                guard !odd.isEmpty else { return nil }
                return finding(node: node, day: name, odd: odd, usual: usual, total: total)
            }
        }
    }

    private func finding(node: String, day: String, odd: [(key: Int, value: Int)], usual: [Int], total: Int) -> Finding {
        let hours = odd.map { "\(Self.hour($0.key))×\($0.value)" }.joined(separator: ", ")
        let count = odd.reduce(0) { $0 + $1.value }
        let busiest = usual.indices.filter { Double(usual[$0]) / Double(total) >= rareShare }.map(Self.hour)
        return Finding(
            check: Self.id, severity: .info, node: node, subject: FindingSubject(.marketDay, "\(node) \(day)"),
            operatorId: nil, day: day,
            summary: LocalizedText(zh: "节点 \(node) 在 \(day) 有 \(count) 条记录落在平时少有记录的时段",
                                   en: "node \(node) recorded \(count) events on \(day) in hours it rarely records in"),
            evidence: [
                FindingEvidence("odd_hours", zh: "异常时段×记录数", en: "odd hours × events", hours),
                FindingEvidence("events", zh: "异常记录数", en: "events at odd hours", String(count)),
                FindingEvidence("history_events", zh: "历史记录数", en: "events in the history", String(total)),
                FindingEvidence("usual_hours", zh: "平时时段", en: "usual hours", busiest.joined(separator: " ")),
            ]
        )
    }

    private static func hour(_ hour: Int) -> String { hour < 10 ? "0\(hour):00" : "\(hour):00" }
}
