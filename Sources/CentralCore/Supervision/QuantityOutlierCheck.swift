public import SyncCore

/// A receipt quantity that is an outlier against the same operator's receipts of the same product and unit over the
/// `quantity_outlier.window_days` (default 30) before it, once that history has `minimum_points` (default 10).
///
/// Three methods, as DHIS2's data-quality app has: |z| > `quantity_outlier.z` (default 3), |modified z| >
/// `quantity_outlier.modified_z` (default 3.5, Iglewicz–Hoaglin) and, with `quantity_outlier.min_max` 1 (default 0:
/// independent values fall outside the previous n's range about 2 times in n + 1), outside the history's [min, max]. One finding per receipt: `warning` when a z method trips, `info` when only
/// min–max does; the evidence gives every score.
public struct QuantityOutlierCheck: SupervisionCheck {
    public static let id = "quantity_outlier"
    public static let label = LocalizedText(zh: "进场量异常", en: "receipt quantity outlier")
    public let zThreshold: Double
    public let modifiedZThreshold: Double
    public let minMax: Bool
    /// Milliseconds of history before a receipt.
    public let window: Int64
    public let minimumPoints: Int

    public init(settings: SupervisionSettings) {
        zThreshold = settings[.quantityOutlierZ]
        modifiedZThreshold = settings[.quantityOutlierModifiedZ]
        minMax = settings[.quantityOutlierMinMax] != 0
        window = Int64(settings[.quantityOutlierWindowDays] * 86_400_000)
        minimumPoints = max(2, Int(settings[.quantityOutlierMinimumPoints]))
    }

    public func findings(in history: SupervisionHistory) -> [Finding] {
        let groups = Dictionary(grouping: history.batches) { [$0.operatorId, $0.product, $0.unit] }
        return groups.keys.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }.flatMap { key -> [Finding] in
            let receipts = groups[key]!.sorted { ($0.receivedAt, $0.code) < ($1.receivedAt, $1.code) }
            return receipts.compactMap { batch in
                guard history.judges(day: BusinessTime.dayOf(batch.receivedAt)) else { return nil }
                let before = receipts.filter { $0.receivedAt < batch.receivedAt && $0.receivedAt >= batch.receivedAt - window }
                guard before.count >= minimumPoints else { return nil }
                let value = SupervisionFormat.double(batch.received)
                let scores = OutlierScores(value: value, history: before.map { SupervisionFormat.double($0.received) })
                return finding(batch, value: value, scores: scores, points: before.count)
            }
        }
    }

    private func finding(_ batch: BatchMovements, value: Double, scores: OutlierScores, points: Int) -> Finding? {
        var methods: [String] = []
        if abs(scores.z) > zThreshold { methods.append("z") }
        if abs(scores.modifiedZ) > modifiedZThreshold { methods.append("modified_z") }
        if minMax, value < scores.minimum || value > scores.maximum { methods.append("min_max") }
        guard !methods.isEmpty else { return nil }
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
                FindingEvidence("min_max", zh: "历史最小–最大", en: "history min–max", "\(number(scores.minimum))–\(number(scores.maximum))"),
            ]
        )
    }
}
