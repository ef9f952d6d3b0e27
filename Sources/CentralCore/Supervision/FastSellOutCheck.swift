public import SyncCore

/// A batch sold out implausibly fast: its sales (with any disposals) used up all it received within
/// `fast_sell_out.minutes` (default 10) of its receipt's time, through at least `fast_sell_out.minimum_sales`
/// (default 3) sales. One buyer taking a whole batch at once is ordinary trade and is not reported; several sales
/// recorded within minutes of the goods arriving often mean sales entered for goods that never came.
public struct FastSellOutCheck: SupervisionCheck {
    public static let id = "fast_sell_out"
    public static let label = LocalizedText(zh: "售罄过快", en: "sold out too fast")
    /// Milliseconds after the receipt.
    public let within: Int64
    public let minimumSales: Int

    public init(settings: SupervisionSettings) {
        within = Int64(settings[.fastSellOutMinutes] * 60_000)
        minimumSales = Int(settings[.fastSellOutMinimumSales])
    }

    public func findings(in history: SupervisionHistory) -> [Finding] {
        history.batches.compactMap { batch in
            var out = Quantity.zero, sales = 0
            guard let last = batch.movements.first(where: { movement in
                out = out + movement.quantity
                if movement.kind == .sale { sales += 1 }
                return out >= batch.received
            }), sales >= minimumSales, batch.received > .zero, last.time - batch.receivedAt < within else { return nil }
            let day = BusinessTime.dayOf(batch.receivedAt)
            guard history.judges(day: day) else { return nil }
            let minutes = SupervisionFormat.number(Double(last.time - batch.receivedAt) / 60_000)
            return Finding(
                check: Self.id, severity: .warning, node: batch.node, subject: FindingSubject(.batch, batch.code),
                operatorId: batch.operatorId, day: day,
                summary: LocalizedText(zh: "批次 \(batch.code) 进场后 \(minutes) 分钟内经 \(sales) 笔交易售罄",
                                       en: "batch \(batch.code) sold out \(minutes) minutes after its receipt, in \(sales) sales"),
                evidence: [
                    FindingEvidence("received", zh: "进场量", en: "received", "\(batch.received) \(batch.unit)"),
                    FindingEvidence("received_at", zh: "进场时间", en: "received at", BusinessTime.display(batch.receivedAt)),
                    FindingEvidence("sold_out_at", zh: "售罄时间", en: "sold out at", BusinessTime.display(last.time)),
                    FindingEvidence("minutes", zh: "用时（分钟）", en: "minutes taken", minutes),
                    FindingEvidence("sales", zh: "交易笔数", en: "sales", String(sales)),
                ]
            )
        }
    }
}
