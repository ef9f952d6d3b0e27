/// How far one value lies from a history of values, by the three methods DHIS2's data-quality app uses.
public struct OutlierScores: Hashable, Sendable {
    public let mean: Double
    /// The sample standard deviation (n − 1).
    public let standardDeviation: Double
    public let median: Double
    /// The median absolute deviation from the median.
    public let mad: Double
    public let minimum: Double
    public let maximum: Double
    /// (x − mean) / sd; ±∞ when the history does not vary and x differs from it, 0 when x equals it.
    public let z: Double
    /// 0.6745 (x − median) / MAD (Iglewicz–Hoaglin). When MAD is 0 (over half the history is one value), the
    /// mean absolute deviation × 1.253314 stands in for MAD / 0.6745; ±∞ when that is 0 too and x differs.
    public let modifiedZ: Double
    /// x / median: how many times the usual quantity it is (+∞ when the median is 0 and x is not).
    public let ratioToMedian: Double

    /// The scores of `value` against `history` (not empty).
    public init(value: Double, history: [Double]) {
        let count = Double(history.count)
        let sorted = history.sorted()
        let mean = history.reduce(0, +) / count
        let deviation = history.count < 2 ? 0
            : (history.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot()
        let median = Self.median(sorted)
        let mad = Self.median(history.map { abs($0 - median) }.sorted())
        let meanDeviation = history.reduce(0) { $0 + abs($1 - median) } / count
        self.mean = mean
        standardDeviation = deviation
        self.median = median
        self.mad = mad
        minimum = sorted.first!
        maximum = sorted.last!
        z = Self.ratio(value - mean, deviation)
        modifiedZ = mad > 0 ? 0.6745 * (value - median) / mad : Self.ratio(value - median, 1.253314 * meanDeviation)
        ratioToMedian = median != 0 ? value / median : (value == 0 ? 1 : .infinity)
    }

    private static func ratio(_ difference: Double, _ spread: Double) -> Double {
        if spread > 0 { return difference / spread }
        return difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
    }

    private static func median(_ sorted: [Double]) -> Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
