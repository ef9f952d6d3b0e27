import Foundation
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A month (30 business days) of two wholesale markets, seeded, as journals of their field devices with the times
/// they push, and — when `planted` — anomalies of every supervision check written into the same trade, each with
/// the finding it must give (`plants`).
///
/// Market 46010001 has 24 operators, market 46010002 16, four of them resellers who buy from 46010001. Every
/// operator receives one to three batches each morning (02:05–05:05) of its one or two products, in quantities
/// about its own usual one (normal, 15% spread); 70% carry a quarantine certificate of their own. 46010001 tests 90%
/// of its batches, 46010002 40% (07:00 at the latest), 3% fail and the failed batch is disposed of whole; the others
/// sell 80–100% of what came in through two to six sales between 30 minutes after the receipt and 11:00 (a
/// reseller's buy among them, which the reseller receives the next morning carrying the upstream code and the
/// certificate), and a quarter dispose of part of the rest between 11:00 and 11:50. The market closes at noon.
/// Each market has three devices, each operator's batches go through one of them; a device pushes every 20–60
/// minutes from 02:30 to 12:30 (a minute or two after), its clock within −2…+1 minutes of the server's.
///
/// The clean month and the planted month draw the same trade from the same seed: the plants take their random
/// numbers from a generator of their own, so the clean month is the planted month without the plants.
struct MarketMonth {
    static let wholesale = "46010001"
    static let second = "46010002"
    static let days = 30
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
    /// Day 0, 2026-10-01 00:00 China Standard Time.
    static let day0: Int64 = try! BusinessTime.parse("2026-10-01")
    static let products = ["100104", "200102", "300101", "220101", "110102"]

    /// An anomaly written into the month and the finding it must give: the check and its subject.
    struct Plant: Hashable, Sendable, CustomStringConvertible {
        let check: String
        let subject: FindingSubject
        /// For a subject whose id names a day the check picks (a streak's first day), the part known in advance.
        let subjectPrefix: Bool
        let what: String

        var description: String { "\(check) \(subject.kind.rawValue) \(subject.id)\(subjectPrefix ? "…" : ""): \(what)" }

        func matches(_ finding: Finding) -> Bool {
            finding.check == check && finding.subject.kind == subject.kind
                && (subjectPrefix ? finding.subject.id.hasPrefix(subject.id) : finding.subject.id == subject.id)
        }
    }

    /// One trader of a market.
    struct Trader {
        let id: String
        let node: String
        /// The device (0–2) its batches go through.
        let device: Int
        /// Its products with its usual receipt quantity in kg.
        let usual: [(product: String, kg: Double)]
        let reseller: Bool
    }

    /// One field device: its journal and when it pushes what.
    struct Device {
        let node: String
        let number: Int
        let name: String
        var deviceId = ""
        /// Its clock less the server's, milliseconds.
        let skew: Int64
        /// Events recorded but not yet in the journal: true time, body.
        var recorded: [(time: Int64, body: EventBody)] = []
        var serials: [String: Int] = [:]
        var entries: [JournalEntry] = []
        var pushed = 0
    }

    /// A sale of 46010001 to a reseller of 46010002, received there the next morning.
    private struct ResellerBuy {
        let reseller: Int
        let child: TraceCode
        let product: String
        let kg: Int64
        let certificate: String?
    }

    /// A batch of 46010001 the plants may refer to.
    private struct WholesaleBatch {
        let code: TraceCode
        let trader: Int
        let kg: Int64
        let certificate: String?
        let day: Int
        /// Child codes of its sales with their quantities.
        var sales: [(child: TraceCode, kg: Int64)]
    }

    let planted: Bool
    private(set) var traders: [Trader] = []
    private(set) var devices: [Device] = []
    private(set) var plants: [Plant] = []
    private var random: SeededGenerator
    private var plantRandom: SeededGenerator
    /// Event ids and push times, apart from the trade so both months push alike.
    private var wire: SeededGenerator
    private var certificateSerial = 0
    private var buys: [Int: [ResellerBuy]] = [:]
    private var wholesaleBatches: [WholesaleBatch] = []

    init(seed: UInt64, planted: Bool) {
        self.planted = planted
        random = SeededGenerator(seed: seed)
        plantRandom = SeededGenerator(seed: seed ^ 0x5EED_0F_9A_17)
        wire = SeededGenerator(seed: seed ^ 0x0057_1BE5)
        for (node, count) in [(Self.wholesale, 24), (Self.second, 16)] {
            for index in 1...count {
                let first = Self.products[Int.random(in: 0..<Self.products.count, using: &random)]
                var usual: [(product: String, kg: Double)] = [(first, Double(Int.random(in: 150...1_500, using: &random)))]
                if Bool.random(using: &random), let other = Self.products.filter({ $0 != first }).randomElement(using: &random) {
                    usual.append((other, Double(Int.random(in: 150...1_500, using: &random))))
                }
                let reseller = node == Self.second && index <= 4
                traders.append(Trader(id: Self.operatorId(node, index), node: node, device: index % 3,
                                      usual: reseller ? [(usual[0].product, Double(Int.random(in: 80...250, using: &random)))] : usual,
                                      reseller: reseller))
            }
            for number in 1...3 {
                devices.append(Device(node: node, number: number, name: "\(node) 检测机 \(number)",
                                      skew: Int64.random(in: -120_000...60_000, using: &random)))
            }
        }
    }

    static func operatorId(_ node: String, _ index: Int) -> String {
        "OP-\(node)-" + String(1000 + index).dropFirst()
    }

    /// The operator of the plant of operator-day balance, who trades nothing else.
    static let lateReceiptOperator = operatorId(wholesale, 90)

    /// Every operator to register at the central store.
    var operators: [Operator] {
        traders.map { Operator(id: $0.id, node: $0.node, name: "经营户 \($0.id.suffix(3))", kind: .individual) }
            + [Operator(id: Self.lateReceiptOperator, node: Self.wholesale, name: "经营户 090", kind: .individual)]
    }

    // MARK: - The trade

    /// Records the trade of business day `day` on the devices (and the day's plants when `planted`).
    mutating func record(day: Int) {
        let base = Self.day0 + Int64(day) * Self.day
        for index in traders.indices where !traders[index].reseller {
            let count = Int.random(in: 1...3, using: &random)
            for _ in 0..<count {
                let usual = traders[index].usual.randomElement(using: &random)!
                let kg = max(10, Int64(normal(mean: usual.kg, spread: 0.15 * usual.kg).rounded()))
                let time = base + 2 * Self.hour + 5 * Self.minute + Int64.random(in: 0..<(3 * Self.hour), using: &random)
                trade(trader: index, product: usual.product, kg: kg, at: time, day: day, upstream: nil)
            }
        }
        for bought in buys[day - 1] ?? [] {
            let time = base + 2 * Self.hour + 5 * Self.minute + Int64.random(in: 0..<(3 * Self.hour), using: &random)
            trade(trader: bought.reseller, product: bought.product, kg: bought.kg, at: time, day: day, upstream: bought)
        }
        if planted { plant(day: day, base: base) }
    }

    /// One batch's receipt, test and sales or disposal.
    private mutating func trade(trader index: Int, product: String, kg: Int64, at time: Int64, day: Int,
                                upstream: ResellerBuy?) {
        let trader = traders[index]
        let wholesale = trader.node == Self.wholesale
        let carriesOwn = Int.random(in: 0..<100, using: &random) < 70
        let certificate = upstream.map(\.certificate) ?? (carriesOwn ? newCertificate() : nil)
        let code = receive(trader: index, product: product, kg: kg, at: time, certificate: certificate,
                           upstream: upstream?.child.digits)
        let inspected = Int.random(in: 0..<100, using: &random) < (wholesale ? 90 : 40)
        let failed = Int.random(in: 0..<100, using: &random) < 3
        let testAt = min(time + Int64.random(in: 10...120, using: &random) * Self.minute, Self.at(day, 7))
        if inspected || (planted && perfectWindow(trader.node, day)) {
            let passed = !inspected || !failed || (planted && perfectWindow(trader.node, day))
            record(index, at: max(time + Self.minute, testAt), .inspection(Inspection(
                batchCode: code, item: "农药残留", method: "速测卡", value: passed ? "12%" : "58%", passed: passed, time: 0)))
            if planted, perfectWindow(trader.node, day) {
                record(index, at: max(time + 2 * Self.minute, testAt + 5 * Self.minute), .inspection(Inspection(
                    batchCode: code, item: "克伦特罗", method: "胶体金", value: "阴性", passed: true, time: 0)))
            }
        }
        if inspected && failed {
            record(index, at: Self.at(day, 10) + Int64.random(in: 0..<Self.hour, using: &random),
                   .disposal(Disposal(batchCode: code, quantity: Quantity(units: kg * 1_000), reason: "检测不合格销毁",
                                      witness: "市场管理员", time: 0)))
            return
        }
        let share = Double(Int.random(in: 80...100, using: &random)) / 100
        let sold = Int64((Double(kg) * share).rounded(.down))
        var parts = (0..<Int.random(in: 2...6, using: &random)).map { _ in Double.random(in: 0.5...1.5, using: &random) }
        if wholesale, Int.random(in: 0..<100, using: &random) < 12 {
            // A reseller of 46010002 buys about its usual quantity, if the batch has it.
            let reseller = Int.random(in: 0..<4, using: &random) + traders.firstIndex { $0.reseller }!
            let wanted = Int64(normal(mean: traders[reseller].usual[0].kg, spread: 0.15 * traders[reseller].usual[0].kg).rounded())
            if wanted > 10, wanted < sold / 2 {
                parts = parts.map { $0 / parts.reduce(0, +) * Double(sold - wanted) }
                parts.append(Double(wanted))
                let times = saleTimes(count: parts.count, after: time, day: day)
                var sales: [(TraceCode, Int64)] = []
                for (offset, part) in parts.enumerated() {
                    let quantity = max(1, Int64(part.rounded(.down)))
                    let child = sell(index, code, kg: quantity, at: times[offset])
                    sales.append((child, quantity))
                    if offset == parts.count - 1 {
                        buys[day, default: []].append(ResellerBuy(reseller: reseller, child: child, product: product,
                                                                   kg: quantity, certificate: certificate))
                    }
                }
                finish(index, code, kg: kg, sold: sales.reduce(0) { $0 + $1.1 }, day: day)
                remember(code, trader: index, kg: kg, certificate: certificate, day: day, sales: sales, upstream: upstream)
                return
            }
        }
        let total = parts.reduce(0, +)
        let times = saleTimes(count: parts.count, after: time, day: day)
        var sales: [(TraceCode, Int64)] = []
        for (offset, part) in parts.enumerated() {
            let quantity = max(1, Int64((part / total * Double(sold)).rounded(.down)))
            sales.append((sell(index, code, kg: quantity, at: times[offset]), quantity))
        }
        finish(index, code, kg: kg, sold: sales.reduce(0) { $0 + $1.1 }, day: day)
        remember(code, trader: index, kg: kg, certificate: certificate, day: day, sales: sales, upstream: upstream)
    }

    private mutating func remember(_ code: TraceCode, trader: Int, kg: Int64, certificate: String?, day: Int,
                                   sales: [(TraceCode, Int64)], upstream: ResellerBuy?) {
        guard traders[trader].node == Self.wholesale else { return }
        wholesaleBatches.append(WholesaleBatch(code: code, trader: trader, kg: kg, certificate: certificate, day: day,
                                               sales: sales.map { (child: $0.0, kg: $0.1) }))
    }

    /// A quarter of the batches dispose of part of what is left, between 11:00 and 11:50.
    private mutating func finish(_ index: Int, _ code: TraceCode, kg: Int64, sold: Int64, day: Int) {
        let left = kg - sold
        guard Int.random(in: 0..<4, using: &random) == 0, left >= 2 else { return }
        record(index, at: Self.at(day, 11) + Int64.random(in: 0..<(50 * Self.minute), using: &random),
               .disposal(Disposal(batchCode: code, quantity: Quantity(units: Int64.random(in: 1...left / 2, using: &random) * 1_000),
                                  reason: "腐烂", witness: "市场管理员", time: 0)))
    }

    private mutating func saleTimes(count: Int, after receipt: Int64, day: Int) -> [Int64] {
        let from = receipt + 30 * Self.minute, to = Self.at(day, 11)
        return (0..<count).map { _ in Int64.random(in: from..<max(from + 1, to), using: &random) }.sorted()
    }

    // MARK: - The plants

    private func perfectWindow(_ node: String, _ day: Int) -> Bool { node == Self.second && (18...25).contains(day) }

    /// The anomalies of `day`, from the plants' own generator.
    private mutating func plant(day: Int, base: Int64) {
        let wholesaleTraders = traders.indices.filter { traders[$0].node == Self.wholesale }
        let secondTraders = traders.indices.filter { traders[$0].node == Self.second && !traders[$0].reseller }
        switch day {
        case 8:
            // One certificate of 46010001 on an unrelated batch of 46010002.
            guard let source = wholesaleBatches.last(where: { $0.day == 7 && $0.certificate != nil }) else { return }
            let trader = secondTraders[2]
            let code = receive(trader: trader, product: traders[trader].usual[0].product,
                               kg: Int64(traders[trader].usual[0].kg), at: Self.at(day, 3), certificate: source.certificate,
                               upstream: nil)
            _ = sell(trader, code, kg: Int64(traders[trader].usual[0].kg / 2), at: Self.at(day, 8))
            plants.append(Plant(check: "certificate_use", subject: FindingSubject(.certificate, source.certificate!),
                                subjectPrefix: false, what: "certificate of \(source.code.digits) on unrelated \(code.digits)"))
        case 9:
            // A reseller receives, under a sale of a certified batch, more than that whole batch.
            guard let source = wholesaleBatches.last(where: { $0.day == 8 && $0.certificate != nil }) else { return }
            let reseller = traders.firstIndex { $0.reseller }!
            let code = receive(trader: reseller, product: traders[reseller].usual[0].product, kg: source.kg + 100,
                               at: Self.at(day, 4), certificate: source.certificate, upstream: source.sales[0].child.digits)
            _ = sell(reseller, code, kg: 50, at: Self.at(day, 9))
            plants.append(Plant(check: "certificate_use", subject: FindingSubject(.certificate, source.certificate!),
                                subjectPrefix: false, what: "\(code.digits) received \(source.kg + 100) kg under \(source.code.digits)'s \(source.kg) kg"))
        case 10:
            // A batch of 46010001 sold 15 kg beyond what it received.
            let trader = wholesaleTraders[3]
            let kg = Int64(traders[trader].usual[0].kg)
            let code = receive(trader: trader, product: traders[trader].usual[0].product, kg: kg, at: Self.at(day, 3, 20),
                               certificate: nil, upstream: nil)
            for (part, hours) in [(kg / 2, 6.0), (kg / 3, 8.0), (kg - kg / 2 - kg / 3 + 15, 10.0)] {
                _ = sell(trader, code, kg: part, at: Self.at(day, hours))
            }
            plants.append(Plant(check: "batch_balance", subject: FindingSubject(.batch, code.digits), subjectPrefix: false,
                                what: "sold 15 kg beyond its \(kg) kg"))
        case 13:
            // An operator with no stock sells on day 12 goods whose receipt it records on day 13.
            let device = 0
            let code = nextCode(device: device, at: Self.at(day, 3))
            append(device: device, at: Self.at(day, 3), .receipt(Receipt(
                batchCode: code, node: Self.wholesale, product: "200102", quantity: Quantity(units: 300_000), unit: "kg",
                operatorId: Self.lateReceiptOperator, supplier: "文昌蔬菜合作社", origin: "469005", time: 0)))
            for offset in 0..<2 {
                let child = nextCode(device: device, at: Self.at(day, 3))
                append(device: device, at: Self.at(day, 3) + Int64(offset + 1) * Self.minute, .sale(Sale(
                    batchCode: code, childCode: child, buyerName: "李老板", quantity: Quantity(units: 100_000),
                    price: Price("3.2"), time: 0)), businessTime: Self.at(day - 1, 8 + Double(offset)))
            }
            plants.append(Plant(check: "operator_day_balance", subject: FindingSubject(.operator, Self.lateReceiptOperator),
                                subjectPrefix: false, what: "sold 200 kg on day 12, received on day 13"))
        case 17:
            // A batch received and sold out in four sales within eight minutes.
            let trader = wholesaleTraders[6]
            let kg = Int64(traders[trader].usual[0].kg)
            let time = Self.at(day, 4)
            let code = receive(trader: trader, product: traders[trader].usual[0].product, kg: kg, at: time,
                               certificate: nil, upstream: nil)
            for offset in 1...4 {
                _ = sell(trader, code, kg: offset < 4 ? kg / 4 : kg - 3 * (kg / 4), at: time + Int64(2 * offset) * Self.minute)
            }
            plants.append(Plant(check: "fast_sell_out", subject: FindingSubject(.batch, code.digits), subjectPrefix: false,
                                what: "\(kg) kg sold out 8 minutes after its receipt"))
        case 15:
            // Device 2 of 46010001 runs 20 minutes ahead all day.
            plants.append(Plant(check: "clock_drift", subject: FindingSubject(.device, devices[1].deviceId),
                                subjectPrefix: false, what: "clock 20 minutes ahead on day 15"))
        case 20:
            // A reseller receives, under a sale of day 10, the goods of a certificate first used ten days before.
            guard let source = wholesaleBatches.last(where: { $0.day == 10 && $0.certificate != nil && $0.sales.count > 1 })
            else { return }
            let reseller = traders.firstIndex { $0.reseller }! + 1
            let code = receive(trader: reseller, product: traders[reseller].usual[0].product, kg: source.sales[1].kg,
                               at: Self.at(day, 4), certificate: source.certificate, upstream: source.sales[1].child.digits)
            _ = sell(reseller, code, kg: source.sales[1].kg / 2, at: Self.at(day, 8))
            plants.append(Plant(check: "certificate_use", subject: FindingSubject(.certificate, source.certificate!),
                                subjectPrefix: false, what: "certificate of \(source.code.digits) (day 10) used on day 20"))
        case 22:
            // 46010001 records a batch and its sales at 23:00, when the market is closed.
            let trader = wholesaleTraders[9]
            let kg = Int64(traders[trader].usual[0].kg)
            let code = receive(trader: trader, product: traders[trader].usual[0].product, kg: kg, at: Self.at(day, 23, 5),
                               certificate: nil, upstream: nil)
            for offset in 1...4 { _ = sell(trader, code, kg: kg / 6, at: Self.at(day, 23, 5 + 10 * offset)) }
            plants.append(Plant(check: "odd_hours", subject: FindingSubject(.marketDay, "\(Self.wholesale) \(BusinessTime.dayOf(base))"),
                                subjectPrefix: false, what: "5 events at 23:00"))
        case 25:
            // A receipt eight times the operator's usual quantity.
            let trader = wholesaleTraders[12]
            let usual = traders[trader].usual[0]
            let code = receive(trader: trader, product: usual.product, kg: Int64(usual.kg * 8), at: Self.at(day, 3, 40),
                               certificate: nil, upstream: nil)
            _ = sell(trader, code, kg: Int64(usual.kg), at: Self.at(day, 9))
            plants.append(Plant(check: "quantity_outlier", subject: FindingSubject(.batch, code.digits), subjectPrefix: false,
                                what: "\(Int64(usual.kg * 8)) kg against a usual \(Int64(usual.kg)) kg"))
        case 26:
            plants.append(Plant(check: "perfect_pass_rate", subject: FindingSubject(.marketDay, "\(Self.second) "),
                                subjectPrefix: true, what: "every batch of days 18–25 tested twice, all passed"))
        default: break
        }
    }

    // MARK: - Recording

    static func at(_ day: Int, _ hours: Double, _ minutes: Int = 0) -> Int64 {
        day0 + Int64(day) * Self.day + Int64(hours * Double(Self.hour)) + Int64(minutes) * Self.minute
    }

    private mutating func newCertificate() -> String {
        certificateSerial += 1
        return "琼动检A 4601 2026 " + String(10_000_000 + certificateSerial).dropFirst()
    }

    /// A normal draw (Box–Muller) from the trade's generator.
    private mutating func normal(mean: Double, spread: Double) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &random), v = Double.random(in: 0..<1, using: &random)
        return mean + spread * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    private mutating func receive(trader index: Int, product: String, kg: Int64, at time: Int64, certificate: String?,
                                  upstream: String?) -> TraceCode {
        let trader = traders[index]
        let device = deviceIndex(trader)
        let code = nextCode(device: device, at: time)
        record(index, at: time, .receipt(Receipt(
            batchCode: code, node: trader.node, product: product, quantity: Quantity(units: kg * 1_000), unit: "kg",
            operatorId: trader.id, supplier: "澄迈福山瓜菜合作社", origin: "469023", upstreamCode: upstream,
            quarantineCert: certificate, time: 0)))
        return code
    }

    private mutating func sell(_ index: Int, _ code: TraceCode, kg: Int64, at time: Int64) -> TraceCode {
        let device = deviceIndex(traders[index])
        let child = nextCode(device: device, at: time)
        record(index, at: time, .sale(Sale(batchCode: code, childCode: child, buyerName: "王老板",
                                           quantity: Quantity(units: kg * 1_000), price: Price("4.5"), time: 0)))
        return child
    }

    private func deviceIndex(_ trader: Trader) -> Int {
        (trader.node == Self.wholesale ? 0 : 3) + trader.device
    }

    private mutating func nextCode(device: Int, at time: Int64) -> TraceCode {
        let date = BusinessTime.codeDate(time)
        let serial = devices[device].serials[date, default: 0] + 1
        devices[device].serials[date] = serial
        return TraceCode.make(node: devices[device].node, deviceNumber: devices[device].number, date: date, serial: serial)
    }

    private mutating func record(_ trader: Int, at time: Int64, _ body: EventBody) {
        append(device: deviceIndex(traders[trader]), at: time, body)
    }

    /// Records `body` on `device` at true time `time`; its business time is the device's clock then (or
    /// `businessTime` as the inspector entered it).
    private mutating func append(device: Int, at time: Int64, _ body: EventBody, businessTime: Int64? = nil) {
        devices[device].recorded.append((time, body.withTime(businessTime ?? (time + skew(device, at: time)))))
    }

    /// Device `device`'s clock less the server's at `time`: its own skew, 20 minutes ahead for the clock plant.
    func skew(_ device: Int, at time: Int64) -> Int64 {
        if planted, device == 1, BusinessTime.dayOf(time) == BusinessTime.dayOf(Self.at(15, 12)) { return 20 * Self.minute }
        return devices[device].skew
    }
}

// MARK: - Pushing

extension MarketMonth {
    /// What pushing a day did.
    struct DayPushes {
        var entries = 0
        var pushes = 0
        var conflicts = 0
    }

    /// Enrolls the devices at `store` (its nodes and operators must exist).
    mutating func enroll(_ store: CentralStore) throws {
        for index in devices.indices {
            let device = devices[index]
            let code = try store.issueEnrollCode(node: device.node, expiresAt: Self.day0 + 40 * Self.day)
            let enrolled = try store.enroll(EnrollRequest(code: code, deviceName: device.name, node: device.node,
                                                          deviceNumber: device.number))
            devices[index].deviceId = enrolled.deviceId
        }
    }

    /// Records business day `day` and pushes it as the devices would: each every 20–60 minutes from 02:30 to 12:30
    /// with what it recorded until then, a minute or two later by the server's clock (what is left after, at
    /// its last entry). `serverAt` is called with the server's time before each push.
    mutating func push(day: Int, into store: CentralStore, serverAt: (Int64) -> Void) throws -> DayPushes {
        record(day: day)
        var pushes: [(at: Int64, device: Int, upTo: Int)] = []
        for index in devices.indices {
            journal(index)
            var slot = Self.at(day, 2.5) + Int64.random(in: 0..<(20 * Self.minute), using: &wire)
            var from = devices[index].pushed, entries = devices[index].entries
            func upTo(_ time: Int64) -> Int {
                entries[from...].firstIndex { $0.wallTime - skew(index, at: $0.wallTime) > time } ?? entries.count
            }
            while from < entries.count {
                let end = slot <= Self.at(day, 12.5) ? upTo(slot) : entries.count
                if end > from {
                    let last = entries[end - 1].wallTime - skew(index, at: entries[end - 1].wallTime)
                    pushes.append((max(slot, last) + Int64.random(in: 30_000...120_000, using: &wire), index, end))
                    from = end
                }
                slot += Int64.random(in: 20...60, using: &wire) * Self.minute
            }
            entries = []
        }
        var done = DayPushes()
        for push in pushes.sorted(by: { ($0.at, $0.device) < ($1.at, $1.device) }) {
            serverAt(push.at)
            let device = devices[push.device]
            let slice = Array(device.entries[device.pushed..<push.upTo])
            let response = try store.push(device: try store.device(device.deviceId), entries: slice)
            if let refused = response.verdicts.first(where: { $0.verdict == .rejected }) {
                throw MonthError("\(device.name) entry \(refused.seq) rejected: \(refused.reasonCode ?? "") \(refused.message?.en ?? "")")
            }
            done.conflicts += response.verdicts.filter { $0.verdict == .conflict }.count
            done.entries += slice.count
            done.pushes += 1
            devices[push.device].pushed = push.upTo
        }
        return done
    }

    /// Moves what device `index` recorded into its journal, in the order it recorded them.
    private mutating func journal(_ index: Int) {
        let recorded = devices[index].recorded.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        devices[index].recorded = []
        for (_, event) in recorded {
            var device = devices[index]
            let wall = event.time + skew(index, at: event.time)
            let previous = device.entries.last
            let hlc = previous.map { $0.hlc.wallMillis >= wall
                ? HLCTimestamp(wallMillis: $0.hlc.wallMillis, counter: $0.hlc.counter + 1, deviceId: device.deviceId)
                : HLCTimestamp(wallMillis: wall, counter: 0, deviceId: device.deviceId) }
                ?? HLCTimestamp(wallMillis: wall, counter: 0, deviceId: device.deviceId)
            let id = UUIDv7.make(millis: wall, using: &wire)
            device.entries.append(JournalEntry(
                deviceId: device.deviceId, seq: Int64(device.entries.count + 1), hlc: hlc, wallTime: wall,
                author: "检测员 \(device.number)", kind: event.body.kind, payload: try! event.body.payload(id: id),
                prev: previous?.hash ?? JournalEntry.genesis
            ))
            devices[index] = device
        }
    }
}

struct MonthError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension EventBody {
    /// The same event at business time `time`.
    func withTime(_ time: Int64) -> EventBody {
        switch self {
        case .receipt(var value): value.time = time; return .receipt(value)
        case .inspection(var value): value.time = time; return .inspection(value)
        case .sale(var value): value.time = time; return .sale(value)
        case .disposal(var value): value.time = time; return .disposal(value)
        default: return self
        }
    }
}
