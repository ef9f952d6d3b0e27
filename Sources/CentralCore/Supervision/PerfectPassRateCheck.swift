public import SyncCore

/// A market whose pass rate stays at 100% with implausibly many tests: over the `perfect_pass_rate.window_days`
/// (default 7) days up to a day, at least `perfect_pass_rate.minimum_tests` (default 300) tests and not one
/// failed. With a true failure rate of 1%, 300 tests all pass by chance about 5 times in 100; rapid tests entered
/// as passed without being run look like this. Consecutive such days make one finding, named by the first.
public struct PerfectPassRateCheck: SupervisionCheck {
    public static let id = "perfect_pass_rate"
    public static let label = LocalizedText(zh: "合格率 100%", en: "perfect pass rate")
    public let windowDays: Int
    public let minimumTests: Int

    public init(settings: SupervisionSettings) {
        windowDays = max(1, Int(settings[.perfectPassRateWindowDays]))
        minimumTests = Int(settings[.perfectPassRateMinimumTests])
    }

    public func findings(in history: SupervisionHistory) -> [Finding] {
        let byNode = Dictionary(grouping: history.testDays, by: \.node)
        return byNode.keys.sorted().flatMap { node -> [Finding] in
            var perDay: [Int: (tests: Int, passed: Int)] = [:]
            for day in byNode[node]! {
                guard let ordinal = DayOrdinal.of(day.day) else { continue }
                perDay[ordinal, default: (0, 0)].tests += day.tests
                perDay[ordinal, default: (0, 0)].passed += day.passed
            }
            var streaks: [(first: Int, last: Int, tests: Int)] = []
            for day in perDay.keys.sorted() {
                let window = (day - windowDays + 1...day).compactMap { perDay[$0] }
                let tests = window.reduce(0) { $0 + $1.tests }
                guard tests >= minimumTests, tests > 0, window.allSatisfy({ $0.tests == $0.passed }) else { continue }
                if let last = streaks.last, last.last >= day - 1 {
                    streaks[streaks.count - 1] = (last.first, day, max(last.tests, tests))
                } else {
                    streaks.append((day, day, tests))
                }
            }
            return streaks.compactMap { streak in
                let first = DayOrdinal.day(streak.first), last = DayOrdinal.day(streak.last)
                guard history.judges(day: last) else { return nil }
                return Finding(
                    check: Self.id, severity: .warning, node: node, subject: FindingSubject(.marketDay, "\(node) \(first)"),
                    operatorId: nil, day: first,
                    summary: LocalizedText(zh: "节点 \(node) 自 \(first) 起连续 \(windowDays) 天检测 \(streak.tests) 次全部合格",
                                           en: "node \(node) passed all \(streak.tests) tests in \(windowDays) days from \(first)"),
                    evidence: [
                        FindingEvidence("first_day", zh: "首日", en: "first day", first),
                        FindingEvidence("last_day", zh: "末日", en: "last day", last),
                        FindingEvidence("window_days", zh: "统计天数", en: "window days", String(windowDays)),
                        FindingEvidence("tests", zh: "期间最多检测次数", en: "most tests in a window", String(streak.tests)),
                        FindingEvidence("failed", zh: "不合格", en: "failed", "0"),
                    ]
                )
            }
        }
    }
}

/// Business days (`YYYY-MM-DD`, China Standard Time) as consecutive integers, for day arithmetic.
enum DayOrdinal {
    static func of(_ day: String) -> Int? {
        (try? BusinessTime.parse(day, field: "day")).map { Int(($0 + 8 * 3_600_000) / 86_400_000) }
    }

    static func day(_ ordinal: Int) -> String {
        BusinessTime.dayOf(Int64(ordinal) * 86_400_000)
    }
}
