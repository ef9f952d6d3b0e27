public import SyncCore

/// A receipt quantity that is an outlier against the same operator's receipts of the same product and unit over the
/// `quantity_outlier.window_days` (default 30) before it, once that history has `minimum_points` (default 10).
///
/// Three methods, as DHIS2's data-quality app has: |z| > `quantity_outlier.z` (default 3), |modified z| >
/// `quantity_outlier.modified_z` (default 3.5, Iglewicz–Hoaglin) and, with `quantity_outlier.min_max` 1 (default 0:
/// independent values fall outside the previous n's range about 2 times in n + 1), outside the history's [min, max].
///
/// A method tripping is not enough: the receipt must also be material, at least `quantity_outlier.minimum_ratio`
/// (default 2) times the history's median or at most the median divided by it (1 turns this off). The thresholds 3
/// and 3.5 hold for a spread that is known; estimated from 10–30 receipts, the mean, sd, median and MAD are
/// uncertain, so ordinary receipts trip them far more often than the 0.3% a threshold of 3 suggests (on receipts
/// with a normal 15% spread, one method or the other trips for 4% of receipts judged on 10 points and 1.5% on 20),
/// and a history without spread (round crates of one size) makes any other quantity infinitely far. A 40% swing in
/// a trader's morning delivery is business; a doubling or halving that is also unusual for this trader is worth a
/// regulator's look. One finding per receipt: `warning` when a z method trips, `info` when only min–max does; the
/// evidence gives every score and the ratio.
public struct QuantityOutlierCheck: SupervisionCheck {
    public static let id = "quantity_outlier"
    public static let label = LocalizedText(zh: "进场量异常", en: "receipt quantity outlier")
    public let zThreshold: Double
    public let modifiedZThreshold: Double
    public let minMax: Bool
    /// Milliseconds of history before a receipt.
    public let window: Int64
    public let minimumPoints: Int
    /// A receipt is material at `minimumRatio` × the median or more, or the median ÷ `minimumRatio` or less (≥ 1).
    public let minimumRatio: Double

    public init(settings: SupervisionSettings) {
        zThreshold = settings[.quantityOutlierZ]
        modifiedZThreshold = settings[.quantityOutlierModifiedZ]
        minMax = settings[.quantityOutlierMinMax] != 0
        window = Int64(settings[.quantityOutlierWindowDays] * 86_400_000)
        minimumPoints = max(2, Int(settings[.quantityOutlierMinimumPoints]))
        minimumRatio = max(1, settings[.quantityOutlierMinimumRatio])
    }

    public func findings(in history: SupervisionHistory) -> [Finding] {
        // Judged receipts lie on the judged days: from the start of the day of `judgedFrom`.
        let judgedStart = history.judgedFrom == .min ? Int64.min
            : ((try? BusinessTime.parse(BusinessTime.dayOf(history.judgedFrom))) ?? history.judgedFrom)
        let all = history.receipts
        let groups = Dictionary(grouping: all.indices) { [all[$0].operatorId, all[$0].product, all[$0].unit] }
        return groups.keys.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }.flatMap { key -> [Finding] in
            let order = groups[key]!.sorted { (all[$0].receivedAt, all[$0].code) < (all[$1].receivedAt, all[$1].code) }
            let times = order.map { all[$0].receivedAt }
            // The quantities of the window before each judged receipt, order[from..<to], kept sorted as it slides.
            var values: [Double] = [], from = 0, to = 0
            return order.compactMap { index -> Finding? in
                let time = all[index].receivedAt
                guard time >= judgedStart, history.judgedReceipts?.contains(all[index].code) ?? true else { return nil }
                let start = time - window
                if values.isEmpty || from >= to {
                    from = Self.first(in: times, from: start)
                    to = Self.first(in: times, from: time)
                    values = order[from..<to].map { SupervisionFormat.double(all[$0].received) }.sorted()
                } else {
                    while to < order.count, times[to] < time {
                        let value = SupervisionFormat.double(all[order[to]].received)
                        values.insert(value, at: OutlierScores.firstIndex(in: values, atLeast: value))
                        to += 1
                    }
                    while from < to, times[from] < start {
                        values.remove(at: OutlierScores.firstIndex(in: values, atLeast: SupervisionFormat.double(all[order[from]].received)))
                        from += 1
                    }
                }
                guard values.count >= minimumPoints else { return nil }
                let value = SupervisionFormat.double(all[index].received)
                return finding(all[index], value: value, scores: OutlierScores(value: value, sorted: values), points: values.count)
            }
        }
    }

    /// The index of the first of `times` (ascending) that is `time` or later.
    private static func first(in times: [Int64], from time: Int64) -> Int {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func finding(_ batch: BatchReceipt, value: Double, scores: OutlierScores, points: Int) -> Finding? {
        var methods: [String] = []
        if abs(scores.z) > zThreshold { methods.append("z") }
        if abs(scores.modifiedZ) > modifiedZThreshold { methods.append("modified_z") }
        if minMax, value < scores.minimum || value > scores.maximum { methods.append("min_max") }
        guard !methods.isEmpty, isMaterial(scores.ratioToMedian) else { return nil }
        let number = SupervisionFormat.number
        return Finding(
            check: Self.id, severity: methods == ["min_max"] ? .info : .warning, node: batch.node,
            subject: FindingSubject(.batch, batch.code), operatorId: batch.operatorId, day: BusinessTime.dayOf(batch.receivedAt),
            summary: LocalizedText(zh: "批次 \(batch.code) 进场 \(batch.received) \(batch.unit)，偏离经营户 \(batch.operatorId) 的历史（中位数 \(number(scores.median))）",
                                   en: "batch \(batch.code) received \(batch.received) \(batch.unit), unlike operator \(batch.operatorId)'s history (median \(number(scores.median)))"),
            evidence: [
                FindingEvidence("value", zh: "进场量", en: "received", "\(batch.received) \(batch.unit)"),
                FindingEvidence("methods", zh: "触发方法", en: "methods tripped", methods.joined(separator: ", ")),
                FindingEvidence("points", zh: "历史进场次数", en: "receipts in the history", String(points)),
                FindingEvidence("mean", zh: "均值", en: "mean", number(scores.mean)),
                FindingEvidence("sd", zh: "标准差", en: "standard deviation", number(scores.standardDeviation)),
                FindingEvidence("z", zh: "z 分数", en: "z-score", number(scores.z)),
                FindingEvidence("median", zh: "中位数", en: "median", number(scores.median)),
                FindingEvidence("mad", zh: "中位数绝对偏差", en: "MAD", number(scores.mad)),
                FindingEvidence("modified_z", zh: "修正 z 分数", en: "modified z-score", number(scores.modifiedZ)),
                FindingEvidence("ratio", zh: "与中位数之比", en: "times the median", number(scores.ratioToMedian)),
                FindingEvidence("min_max", zh: "历史最小–最大", en: "history min–max", "\(number(scores.minimum))–\(number(scores.maximum))"),
            ]
        )
    }

    /// Whether a receipt `ratio` times the median differs from it by at least the minimum ratio, either way.
    private func isMaterial(_ ratio: Double) -> Bool {
        ratio >= minimumRatio || ratio * minimumRatio <= 1
    }
}
