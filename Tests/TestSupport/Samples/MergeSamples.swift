public import SyncCore
public import CentralCore
public import CentralSQLite

/// The events the merge tests build: a market morning at node 46010001 (海口, region 460106), with a second node
/// 46010002 for scope.
public enum MergeSamples {
    public static let node = "46010001"
    public static let otherNode = "46010002"
    /// 张记蔬菜批发部 and 琼北果蔬 of node 46010001, 福记 of node 46010002.
    public static let zhang = "OP-46010001-001"
    public static let qiongbei = "OP-46010001-003"
    public static let fuji = "OP-46010002-001"
    public static let zhangCreditCode = "92460106L3827451XA"
    public static let quarantineCert = "琼动检A 4601 2026 0012345"

    /// One hour after `marketMorning`: when the server receives what the devices recorded.
    public static let receivedAt = marketMorning + 3_600_000
    public static let hour: Int64 = 3_600_000
    public static let day: Int64 = 24 * 3_600_000

    /// Kilograms, exactly.
    public static func kg(_ whole: Int64) -> Quantity { Quantity(units: whole * 1_000) }

    /// The batch code device `device` of `node` issues as its `serial`th code of 2026-11-24.
    public static func code(_ serial: Int, device: Int = 1, node: String = node) -> TraceCode {
        TraceCode.make(node: node, deviceNumber: device, date: "261124", serial: serial)
    }

    public static func receipt(
        _ batch: TraceCode, quantity: Int64 = 100, operatorId: String = zhang, product: String = "200101",
        origin: String = "469023", node: String = node, certificate: String? = nil, time: Int64 = marketMorning
    ) -> EventBody {
        .receipt(Receipt(
            batchCode: batch, node: node, product: product, quantity: kg(quantity), unit: "kg", operatorId: operatorId,
            supplier: "澄迈福山瓜菜合作社", origin: origin, quarantineCert: certificate, time: time
        ))
    }

    public static func sale(_ batch: TraceCode, child: TraceCode, quantity: Int64, time: Int64 = marketMorning) -> EventBody {
        .sale(Sale(batchCode: batch, childCode: child, buyerOperatorId: nil, buyerName: "王老板",
                   quantity: kg(quantity), price: Price("4.5"), time: time))
    }

    public static func inspection(_ batch: TraceCode, passed: Bool, time: Int64 = marketMorning) -> EventBody {
        .inspection(Inspection(batchCode: batch, item: "农药残留", method: "速测卡", value: passed ? "12%" : "62%",
                               passed: passed, time: time))
    }

    public static func disposal(_ batch: TraceCode, quantity: Int64, time: Int64 = marketMorning) -> EventBody {
        .disposal(Disposal(batchCode: batch, quantity: kg(quantity), reason: "腐烂", witness: "云秀英", time: time))
    }

    public static func correction(
        _ batch: TraceCode, target: String, _ fields: [String: String], versionSeen: Int, time: Int64 = marketMorning
    ) -> EventBody {
        .correction(Correction(batchCode: batch, target: target, fields: fields, versionSeen: versionSeen, time: time))
    }

    public static func voiding(_ batch: TraceCode, target: String, time: Int64 = marketMorning) -> EventBody {
        .voiding(Voiding(batchCode: batch, target: target, reason: "录错", time: time))
    }

    public static func registration(_ id: String, creditCode: String? = zhangCreditCode, node: String = node) -> EventBody {
        .operatorRegistration(Operator(id: id, node: node, name: "海口龙华区张记蔬菜批发部", kind: .organisation,
                                       creditCode: creditCode, stall: "A-012"))
    }
}
