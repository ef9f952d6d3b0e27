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
        self.init(value: value, sorted: history.sorted())
    }

    /// The scores of `value` against a history given in ascending order (not empty), in time linear in its length.
    public init(value: Double, sorted: [Double]) {
        let count = Double(sorted.count)
        var sum = 0.0
        for x in sorted { sum += x }
        let mean = sum / count
        var squares = 0.0
        for x in sorted { squares += (x - mean) * (x - mean) }
        let deviation = sorted.count < 2 ? 0 : (squares / (count - 1)).squareRoot()
        let median = Self.median(sorted)
        var absolute = 0.0
        for x in sorted { absolute += abs(x - median) }
        self.mean = mean
        standardDeviation = deviation
        self.median = median
        mad = Self.medianDeviation(sorted, from: median)
        minimum = sorted.first!
        maximum = sorted.last!
        z = Self.ratio(value - mean, deviation)
        modifiedZ = mad > 0 ? 0.6745 * (value - median) / mad
            : Self.ratio(value - median, 1.253314 * absolute / count)
        ratioToMedian = median != 0 ? value / median : (value == 0 ? 1 : .infinity)
    }

    /// The median of |x − `median`| over `sorted`: the deviations below the median grow leftwards and those above
    /// it rightwards, so walking out from the median meets them in ascending order.
    private static func medianDeviation(_ sorted: [Double], from median: Double) -> Double {
        var right = firstIndex(in: sorted, atLeast: median), left = right - 1
        var previous = 0.0, current = 0.0
        for _ in 0...(sorted.count / 2) {
            previous = current
            if left >= 0, right == sorted.count || median - sorted[left] <= sorted[right] - median {
                current = median - sorted[left]
                left -= 1
            } else {
                current = sorted[right] - median
                right += 1
            }
        }
        return sorted.count % 2 == 1 ? current : (previous + current) / 2
    }

    private static func ratio(_ difference: Double, _ spread: Double) -> Double {
        if spread > 0 { return difference / spread }
        return difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
    }

    private static func median(_ sorted: [Double]) -> Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The index of the first element of `sorted` (ascending) that is `value` or more.
    static func firstIndex(in sorted: [Double], atLeast value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
